//! Throughput of the amount pass alone (`find_amounts`) on realistic news text.
//!
//! Text: the seed article in `fixtures/seed/`, plus up to 2 MB of the news corpus in
//! `../shared/corpus/text/` (or `$ZHNEWS_SHARED/corpus/text/`) read at bench time when it is there;
//! the corpus is never copied into the repository. Run:
//! `cargo bench -p zhnews-extract --bench amount`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use zhnews_extract::amount::find_amounts;

const CORPUS_BYTES: usize = 2_000_000;

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            corpus_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt" || x == "dat") {
            out.push(path);
        }
    }
}

fn news_text() -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seed = std::fs::read_to_string(root.join("fixtures/seed/netease-ai-talent.txt"))
        .unwrap_or_default();
    let shared = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let mut files = Vec::new();
    corpus_files(&shared.join("corpus/text"), &mut files);
    let mut corpus = String::new();
    for path in files {
        if corpus.len() >= CORPUS_BYTES {
            break;
        }
        if let Ok(text) = std::fs::read_to_string(&path) {
            corpus.push_str(&text);
            corpus.push('\n');
        }
    }
    (seed, corpus)
}

fn bench(c: &mut Criterion) {
    let (seed, corpus) = news_text();
    let mut group = c.benchmark_group("amount");
    for (name, text) in [("seed_article", &seed), ("news_corpus", &corpus)] {
        if text.is_empty() {
            continue;
        }
        let chars = text.chars().count() as u64;
        group.throughput(Throughput::Elements(chars));
        group.bench_function(name, |b| b.iter(|| find_amounts(black_box(text), &[])));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
