//! `cargo run -p xtask -- sample events [--seed N] [--count N] [--type TYPE]`.
//!
//! DuEE scores the event rules on sentences chosen because they hold an event, so its precision says
//! little about ordinary news, where most trigger words (`回到`, `签下`, `融资担保`) announce nothing.
//! This task runs the full extractor over the unlabelled news in `shared/corpus/text` (THUCNews:
//! 1 000 Sina articles of 2005–2011 in ten channels; Sogou smarty: 400 Yahoo China and Sohu
//! articles; never used to write rules) and prints a seeded
//! random sample of the events it finds, one block per event (fields, then the sentence), for a person
//! to judge. The printed header gives the event count per type, so the sample's share of each type can
//! be checked; the same seed always gives the same sample of the same extractor output.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use zhnews_extract::Extractor;
use zhnews_model::{Event, EventDetail};

/// Runs the sampler.
pub fn run(args: &[&str]) -> Result<()> {
    let mut seed: u64 = 1;
    let mut count: usize = 60;
    let mut only_type: Option<String> = None;
    let mut it = args.iter();
    let what = it.next().copied();
    if what != Some("events") {
        anyhow::bail!("usage: sample events [--seed N] [--count N] [--type TYPE]");
    }
    while let Some(&arg) = it.next() {
        let value = it.next().copied();
        match (arg, value) {
            ("--seed", Some(v)) => seed = v.parse().context("--seed takes a number")?,
            ("--count", Some(v)) => count = v.parse().context("--count takes a number")?,
            ("--type", Some(v)) => only_type = Some(v.to_owned()),
            _ => anyhow::bail!(
                "unknown or incomplete option {arg} (options: --seed N, --count N, --type TYPE)"
            ),
        }
    }
    let Some(shared) = crate::shared::dir() else {
        return Ok(());
    };
    let documents = documents(&shared)?;
    let extractor = Extractor::new();
    let mut events: Vec<(String, Event)> = Vec::new();
    for (place, text) in &documents {
        for event in extractor.extract(text, None).events {
            events.push((place.clone(), event));
        }
    }
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, event) in &events {
        *per_type.entry(event.detail.type_name()).or_default() += 1;
    }
    println!(
        "{} events in {} documents (THUCNews cnews.val, Sogou smarty tensite + sohusite): {per_type:?}",
        events.len(),
        documents.len(),
    );
    events.retain(|(_, e)| {
        only_type
            .as_deref()
            .is_none_or(|t| e.detail.type_name() == t)
    });
    // Fisher–Yates with a fixed 64-bit LCG: no dependency, same sample for the same seed and output.
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    for i in (1..events.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) as usize) % (i + 1);
        events.swap(i, j);
    }
    for (n, (place, event)) in events.iter().take(count).enumerate() {
        println!(
            "{n:3} {place} {} [{}] {}",
            event.detail.type_name(),
            serde_json::to_value(event.modality)
                .ok()
                .and_then(|m| m.as_str().map(str::to_owned))
                .unwrap_or_default(),
            fields(&event.detail)
        );
        let sentence: String = event.sentence.chars().take(200).collect();
        println!("      {sentence}");
    }
    Ok(())
}

/// The unlabelled documents, each with where it is (`thucnews:12`, `sogou-tensite:3`): the THUCNews
/// lines (`<channel>\t<title><body>`, the channel left out) and the `<content>` of each Sogou
/// `<doc>` (the tensite file is GBK, decoded as the article extractor decodes pages).
fn documents(shared: &std::path::Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let thucnews = shared.join("corpus/text/thucnews-cnews/cnews.val.txt");
    let raw = std::fs::read_to_string(&thucnews)
        .with_context(|| format!("reading {}", thucnews.display()))?;
    for (i, line) in raw.lines().enumerate() {
        let text = line.split_once('\t').map_or(line, |(_, text)| text);
        out.push((format!("thucnews:{}", i + 1), text.to_owned()));
    }
    for name in ["tensite", "sohusite"] {
        let path = shared.join(format!(
            "corpus/text/sogou-smarty/news_{name}_xml.smarty.dat"
        ));
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let text = zhnews_article::decode::decode(&bytes, None, None).text;
        for (i, doc) in text.split("<content>").skip(1).enumerate() {
            let content = doc.split("</content>").next().unwrap_or_default();
            out.push((format!("sogou-{name}:{}", i + 1), content.to_owned()));
        }
    }
    Ok(out)
}

/// The event's arguments as `role=value` pairs from its JSON form (amounts by their text), empty
/// ones left out.
fn fields(detail: &EventDetail) -> String {
    let json = serde_json::to_value(detail).unwrap_or_default();
    let Some(map) = json.as_object() else {
        return String::new();
    };
    let mut out: Vec<String> = Vec::new();
    for (key, value) in map {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Object(o) => o
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or_default()
                .to_owned(),
            serde_json::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            serde_json::Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        if key != "type" && !text.is_empty() {
            out.push(format!("{key}={text}"));
        }
    }
    out.join(" ")
}
