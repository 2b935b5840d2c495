//! Throughput of the event pass alone (`events::find_events`) in chars/s, with the entity and amount
//! mentions computed beforehand by the real recognizers (so only the event rules are timed).
//!
//! Text: the seed article in `fixtures/seed/`, and 300 articles of the THUCNews sample in
//! `../shared/corpus/text/thucnews-cnews/` (or `$ZHNEWS_SHARED/corpus/…`) when it is there (never
//! copied into the repository). Run: `cargo bench -p zhnews-extract --bench events`.

mod corpus;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zhnews_extract::Extractor;
use zhnews_extract::events::find_events;
use zhnews_model::Extraction;

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let published = NaiveDate::from_ymd_opt(2024, 9, 13);
    let mut inputs: Vec<(String, Extraction)> = Vec::new();
    let seed = include_str!("../../../fixtures/seed/netease-ai-talent.txt").to_owned();
    let seed_mentions = extractor.extract(&seed, published);
    let mut group = c.benchmark_group("events");
    group.throughput(Throughput::Elements(seed.chars().count() as u64));
    group.bench_function("seed article", |b| {
        b.iter(|| {
            black_box(find_events(
                black_box(&seed),
                &seed_mentions.entities,
                &seed_mentions.amounts,
                published,
            ))
        })
    });
    for article in corpus::thucnews_articles(300) {
        let mentions = extractor.extract(&article, published);
        inputs.push((article, mentions));
    }
    if !inputs.is_empty() {
        let chars: usize = inputs.iter().map(|(a, _)| a.chars().count()).sum();
        group.sample_size(20);
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(format!("thucnews {} articles", inputs.len()), |b| {
            b.iter(|| {
                for (article, m) in &inputs {
                    black_box(find_events(article, &m.entities, &m.amounts, published));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
