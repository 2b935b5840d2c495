//! `cargo run -p xtask -- sample events [--seed N] [--count N] [--type TYPE]`.
//!
//! DuEE scores the event rules on sentences chosen because they hold an event, so its precision says
//! little about ordinary news, where most trigger words (`回到`, `签下`, `融资担保`) announce nothing.
//! This task runs the full extractor over the THUCNews sample (`shared/corpus/text/thucnews-cnews`,
//! 1 000 Sina articles of 2005–2011 in ten channels, never used to write rules) and prints a seeded
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
    let path = shared.join("corpus/text/thucnews-cnews/cnews.val.txt");
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let extractor = Extractor::new();
    let mut events: Vec<(usize, Event)> = Vec::new();
    for (line_number, line) in raw.lines().enumerate() {
        // `<channel>\t<title><body>`: the channel is not part of the text.
        let text = line.split_once('\t').map_or(line, |(_, text)| text);
        for event in extractor.extract(text, None).events {
            events.push((line_number + 1, event));
        }
    }
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, event) in &events {
        *per_type.entry(event.detail.type_name()).or_default() += 1;
    }
    println!(
        "{} events in {} articles of {}: {per_type:?}",
        events.len(),
        raw.lines().count(),
        path.display()
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
    for (n, (line_number, event)) in events.iter().take(count).enumerate() {
        println!(
            "{n:3} line {line_number} {} [{}] {}",
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
