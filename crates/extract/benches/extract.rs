//! Throughput of the whole `Extractor::extract` pass (entities, amounts, events) in chars/s, on one
//! core: criterion's "elements" are the chars (Unicode scalar values) of the input.
//!
//! Text: the seed article in `fixtures/seed/`, and 300 articles (≈300 K chars) of the THUCNews
//! sample in `../shared/corpus/text/thucnews-cnews/` (or `$ZHNEWS_SHARED/corpus/text/…`), read at
//! bench time when it is there (the corpus is never copied into the repository). Run:
//! `cargo bench -p zhnews-extract --bench extract`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use zhnews_extract::Extractor;

/// Articles of the corpus sample, one per line (`category<TAB>title+body`).
fn corpus_articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let path = shared.join("corpus/text/thucnews-cnews/cnews.val.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| line.split_once('\t').map(|(_, body)| body.to_owned()))
        .take(300)
        .collect()
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let seed = include_str!("../../../fixtures/seed/netease-ai-talent.txt");
    // Warm the process-wide segmenter and tables outside the measurement.
    black_box(extractor.extract(seed, None));

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Elements(seed.chars().count() as u64));
    group.bench_function("seed article", |b| {
        b.iter(|| black_box(extractor.extract(black_box(seed), None)))
    });

    let articles = corpus_articles();
    if !articles.is_empty() {
        let chars: usize = articles.iter().map(|a| a.chars().count()).sum();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(format!("thucnews {} articles", articles.len()), |b| {
            b.iter(|| {
                for article in &articles {
                    black_box(extractor.extract(black_box(article), None));
                }
            })
        });
        group.bench_function(
            format!("entities only, thucnews {} articles", articles.len()),
            |b| {
                b.iter(|| {
                    for article in &articles {
                        black_box(extractor.entities(black_box(article)));
                    }
                })
            },
        );
        group.bench_function(
            format!("jieba tag only, thucnews {} articles", articles.len()),
            |b| {
                b.iter(|| {
                    for article in &articles {
                        black_box(zhnews_extract::segment::jieba().tag(black_box(article), true));
                    }
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
