//! `cargo run -p xtask -- eval ner [--train] [--errors LABEL]`: exact-span precision, recall and F1 of
//! the entity recognizer on CLUENER2020 dev (`name` → person, `company` → company) and the MSRA NER
//! test set (PER → person; ORG against company ∪ org, for reference), next to jieba-rs's own
//! `nr`/`nt` tags computed in the same run as the baseline.
//!
//! `--train` scores CLUENER train instead of dev (for error analysis during development, so that dev
//! stays a held-out measure). `--errors LABEL` (person, company, msra-person) prints the misses and
//! false alarms of that row to stdout, one per line, for error analysis.

use anyhow::Context;
use std::collections::HashSet;
use std::path::Path;
use zhnews_extract::Extractor;
use zhnews_model::EntityKind;

/// A gold or predicted span: sentence index, char start, char end (exclusive).
type Span = (usize, usize, usize);

#[derive(Default)]
struct Score {
    gold: HashSet<Span>,
    ours: HashSet<Span>,
    jieba: HashSet<Span>,
}

fn prf(gold: &HashSet<Span>, pred: &HashSet<Span>) -> (f64, f64, f64) {
    let hit = gold.intersection(pred).count() as f64;
    let p = if pred.is_empty() {
        0.0
    } else {
        hit / pred.len() as f64
    };
    let r = if gold.is_empty() {
        0.0
    } else {
        hit / gold.len() as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

struct Sentence {
    text: String,
    /// Gold spans by label name.
    gold: Vec<(&'static str, usize, usize)>,
}

fn load_cluener(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let raw = if path.extension().is_some_and(|e| e == "xz") {
        let output = std::process::Command::new("xz")
            .arg("-dc")
            .arg(path)
            .output()
            .with_context(|| format!("running xz -dc {}", path.display()))?;
        anyhow::ensure!(output.status.success(), "xz -dc {} failed", path.display());
        String::from_utf8(output.stdout)?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
    };
    let mut out = Vec::new();
    for (index, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", path.display(), index + 1))?;
        let text = value["text"].as_str().unwrap_or_default().to_owned();
        let mut gold = Vec::new();
        if let Some(labels) = value["label"].as_object() {
            for (label, mentions) in labels {
                let label = match label.as_str() {
                    "name" => "person",
                    "company" => "company",
                    _ => continue,
                };
                for spans in mentions.as_object().into_iter().flat_map(|m| m.values()) {
                    for span in spans.as_array().into_iter().flatten() {
                        let start = span[0].as_u64().unwrap_or(0) as usize;
                        let end_inclusive = span[1].as_u64().unwrap_or(0) as usize;
                        gold.push((label, start, end_inclusive + 1));
                    }
                }
            }
        }
        out.push(Sentence { text, gold });
    }
    Ok(out)
}

fn load_msra(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(&'static str, usize)> = None;
    let mut pos = 0;
    let mut flush = |text: &mut String,
                     gold: &mut Vec<(&'static str, usize, usize)>,
                     open: &mut Option<(&'static str, usize)>,
                     pos: usize| {
        if let Some((label, start)) = open.take() {
            gold.push((label, start, pos));
        }
        if !text.is_empty() {
            out.push(Sentence {
                text: std::mem::take(text),
                gold: std::mem::take(gold),
            });
        }
    };
    for line in raw.lines() {
        let Some((ch, tag)) = line.split_once('\t') else {
            flush(&mut text, &mut gold, &mut open, pos);
            pos = 0;
            continue;
        };
        let label = match tag.get(2..) {
            Some("PER") => Some("person"),
            Some("ORG") => Some("org"),
            _ => None,
        };
        if (tag.starts_with('B') || tag == "O" || label.is_none())
            && let Some((l, start)) = open.take()
        {
            gold.push((l, start, pos));
        }
        if tag.starts_with('B')
            && let Some(label) = label
        {
            open = Some((label, pos));
        }
        text.push_str(ch);
        pos += ch.chars().count();
    }
    flush(&mut text, &mut gold, &mut open, pos);
    Ok(out)
}

/// Scores one label over sentences. `ours` says which of our entity kinds count for the label,
/// `jieba_tag` which jieba tag is the baseline.
fn score(
    extractor: &Extractor,
    sentences: &[Sentence],
    label: &str,
    ours: &[EntityKind],
    jieba_tags: &[&str],
) -> Score {
    let mut score = Score::default();
    let jieba = zhnews_extract::segment::jieba();
    for (index, sentence) in sentences.iter().enumerate() {
        for &(l, start, end) in &sentence.gold {
            if l == label {
                score.gold.insert((index, start, end));
            }
        }
        for entity in extractor.entities(&sentence.text) {
            if ours.contains(&entity.kind) {
                score.ours.insert((index, entity.start, entity.end));
            }
        }
        for tag in jieba.tag(&sentence.text, true) {
            if jieba_tags.contains(&tag.tag) {
                score.jieba.insert((index, tag.start, tag.end));
            }
        }
    }
    score
}

fn print_errors(sentences: &[Sentence], score: &Score) {
    let span_text =
        |&(i, s, e): &Span| -> String { sentences[i].text.chars().skip(s).take(e - s).collect() };
    let context = |&(i, s, e): &Span| -> String {
        let chars: Vec<char> = sentences[i].text.chars().collect();
        let from = s.saturating_sub(8);
        let to = (e + 8).min(chars.len());
        chars[from..to].iter().collect()
    };
    let mut missed: Vec<&Span> = score.gold.difference(&score.ours).collect();
    missed.sort();
    for span in missed {
        println!(
            "MISS\t{}\t{}\t{}:{}-{}",
            span_text(span),
            context(span),
            span.0,
            span.1,
            span.2
        );
    }
    let mut false_alarms: Vec<&Span> = score.ours.difference(&score.gold).collect();
    false_alarms.sort();
    for span in false_alarms {
        println!(
            "FA\t{}\t{}\t{}:{}-{}",
            span_text(span),
            context(span),
            span.0,
            span.1,
            span.2
        );
    }
}

/// Runs the evaluation.
pub fn run(args: &[&str]) -> anyhow::Result<()> {
    if let Some(i) = args.iter().position(|a| *a == "--show") {
        // Debugging aid: jieba's tokens and our entities for one text.
        let text = args.get(i + 1).copied().unwrap_or_default();
        let tokens: Vec<String> = zhnews_extract::segment::jieba()
            .tag(text, true)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect();
        println!("{}", tokens.join(" "));
        for entity in Extractor::new().entities(text) {
            println!("{:?}\t{}\t{}", entity.kind, entity.text, entity.name);
        }
        return Ok(());
    }
    let Some(shared) = crate::shared::dir() else {
        return Ok(());
    };
    let train = args.contains(&"--train");
    let errors = args
        .iter()
        .position(|a| *a == "--errors")
        .and_then(|i| args.get(i + 1))
        .copied();
    let extractor = Extractor::new();
    let cluener_path = if train {
        shared.join("eval/cluener2020/train.json.xz")
    } else {
        shared.join("eval/cluener2020/dev.json")
    };
    let cluener_name = if train {
        "CLUENER train"
    } else {
        "CLUENER dev"
    };
    let cluener = load_cluener(&cluener_path)?;
    let msra = load_msra(&shared.join("eval/msra-ner/msra_test_bio.txt"))?;

    let started = std::time::Instant::now();
    let rows = [
        (
            cluener_name,
            "person",
            score(
                &extractor,
                &cluener,
                "person",
                &[EntityKind::Person],
                &["nr"],
            ),
            "person",
        ),
        (
            cluener_name,
            "company",
            score(
                &extractor,
                &cluener,
                "company",
                &[EntityKind::Company],
                &["nt"],
            ),
            "company",
        ),
        (
            "MSRA test",
            "PER",
            score(&extractor, &msra, "person", &[EntityKind::Person], &["nr"]),
            "msra-person",
        ),
        (
            "MSRA test",
            "ORG (ref.)",
            score(
                &extractor,
                &msra,
                "org",
                &[EntityKind::Company, EntityKind::Org],
                &["nt"],
            ),
            "msra-org",
        ),
    ];
    let elapsed = started.elapsed();

    if let Some(which) = errors {
        for (_, _, score, key) in &rows {
            if *key == which {
                let sentences = if key.starts_with("msra") {
                    &msra
                } else {
                    &cluener
                };
                print_errors(sentences, score);
            }
        }
        return Ok(());
    }

    println!(
        "| set | label | system | P | R | F1 | gold | predicted |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for (set, label, score, _) in &rows {
        for (system, pred) in [("zhnews", &score.ours), ("jieba-rs nr/nt", &score.jieba)] {
            let (p, r, f) = prf(&score.gold, pred);
            println!(
                "| {set} | {label} | {system} | {p:.1} | {r:.1} | {f:.1} | {} | {} |",
                score.gold.len(),
                pred.len()
            );
        }
    }
    eprintln!(
        "({} + {} sentences scored in {:.1}s, both systems, debug or release as built)",
        cluener.len(),
        msra.len(),
        elapsed.as_secs_f64()
    );
    Ok(())
}
