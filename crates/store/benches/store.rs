//! Speed of the store: loading articles (new and unchanged) and streaming an export.
//!
//! The articles are synthetic but shaped like extracted news: a 2 000-char body with 40 entity
//! mentions over 25 entities, 15 amounts and 4 events, a third of the events shared with other
//! articles (as when many sites report one fact). The database is a real file in a temporary
//! directory (WAL, as in production). Run: `cargo bench -p zhnews-store --bench store`.

use chrono::DateTime;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zhnews_model::{
    Amount, AmountKind, Article, Decimal, Entity, EntityKind, Event, EventDetail, Extraction,
    Modality, Qualifier, TalentAction,
};
use zhnews_store::Store;
use zhnews_store::export::{ExportFilter, ExportKind};

fn article(i: usize) -> Article {
    Article {
        url: Some(format!("https://news.example/{i}.html")),
        canonical_url: Some(format!("https://news.example/{i}.html")),
        title: Some(format!("第{i}篇测试新闻")),
        published_at: Some(
            DateTime::parse_from_rfc3339("2024-09-13T10:00:00+08:00").unwrap()
                + chrono::Duration::hours(i as i64),
        ),
        site: Some(format!("站点{}", i % 7)),
        body: "星河科技宣布完成新一轮融资，公司创始人表示将加大研发投入。".repeat(70),
        ..Article::default()
    }
}

fn extraction(i: usize) -> Extraction {
    let kinds = [
        EntityKind::Person,
        EntityKind::Company,
        EntityKind::Product,
        EntityKind::Org,
    ];
    let entities = (0..40)
        .map(|j| {
            let n = (i * 7 + j) % 25 + (i / 50) * 25;
            Entity {
                kind: kinds[n % 4],
                text: format!("实体{n}"),
                start: j * 40,
                end: j * 40 + 4,
                name: format!("实体{n}"),
                owner: None,
            }
        })
        .collect();
    let amounts = (0..15)
        .map(|j| Amount {
            text: format!("{j}.5亿元"),
            start: j * 100 + 10,
            end: j * 100 + 15,
            kind: AmountKind::Money,
            value: Decimal::new(i128::try_from(j * 10 + 5).unwrap() * 10_000_000, 0).unwrap(),
            max: None,
            currency: Some("CNY".to_owned()),
            qualifier: Qualifier::Exact,
            unit: None,
        })
        .collect();
    let events = (0..4)
        .map(|j| Event {
            detail: EventDetail::TalentMove {
                action: TalentAction::Join,
                // One event in three is shared with neighbouring articles.
                person: if j == 0 {
                    format!("人物{}", i / 3)
                } else {
                    format!("人物{i}-{j}")
                },
                from: None,
                to: Some("星河科技".to_owned()),
                role: None,
            },
            date: Some("2024-08".to_owned()),
            modality: Modality::Asserted,
            sentence: "某人加入星河科技。".to_owned(),
            start: j * 200,
            end: j * 200 + 9,
            trigger: None,
        })
        .collect();
    Extraction {
        entities,
        amounts,
        events,
    }
}

fn bench_load(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    let fetched = DateTime::parse_from_rfc3339("2024-09-14T10:00:00+08:00").unwrap();
    let mut group = c.benchmark_group("load_article");
    group.throughput(Throughput::Elements(1));
    let mut next = 0usize;
    group.bench_function("new", |b| {
        b.iter_batched(
            || {
                next += 1;
                (article(next), extraction(next))
            },
            |(a, x)| black_box(store.load_article(&a, &x, fetched, Some("bench")).unwrap()),
            BatchSize::SmallInput,
        )
    });
    let (a, x) = (article(1), extraction(1));
    group.bench_function("unchanged", |b| {
        b.iter(|| black_box(store.load_article(&a, &x, fetched, Some("bench")).unwrap()))
    });
    let mut flip = false;
    group.bench_function("reextracted", |b| {
        b.iter(|| {
            flip = !flip;
            let x = if flip { extraction(2) } else { extraction(3) };
            black_box(store.load_article(&a, &x, fetched, Some("bench")).unwrap())
        })
    });
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    let fetched = DateTime::parse_from_rfc3339("2024-09-14T10:00:00+08:00").unwrap();
    for i in 0..1000 {
        store
            .load_article(&article(i), &extraction(i), fetched, None)
            .unwrap();
    }
    let counts = store.counts().unwrap();
    let mut group = c.benchmark_group("export_jsonl");
    group.sample_size(10);
    for (kind, rows) in [
        (ExportKind::Mentions, counts.mentions),
        (ExportKind::Events, counts.events),
        (ExportKind::Entities, counts.entities),
    ] {
        group.throughput(Throughput::Elements(rows));
        group.bench_function(kind.as_str(), |b| {
            b.iter(|| {
                let mut sink = std::io::sink();
                store
                    .export(kind, &ExportFilter::default(), |row| {
                        serde_json::to_writer(&mut sink, row)?;
                        Ok(())
                    })
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_load, bench_export);
criterion_main!(benches);
