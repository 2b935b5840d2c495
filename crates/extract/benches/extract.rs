//! Throughput of the whole `Extractor::extract` pass (entities, amounts, events) in chars/s, on one
//! core: criterion's "elements" are the chars (Unicode scalar values) of the input.
//!
//! Text: the seed article in `fixtures/seed/`, and 300 articles (≈300 K chars) of the THUCNews
//! sample in `../shared/corpus/text/thucnews-cnews/` (or `$ZHNEWS_SHARED/corpus/text/…`), read at
//! bench time when it is there (the corpus is never copied into the repository). Run:
//! `cargo bench -p zhnews-extract --bench extract`.

mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zhnews_extract::Extractor;

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

    let articles = corpus::thucnews_articles(300);
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
