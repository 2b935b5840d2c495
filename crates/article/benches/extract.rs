//! Pages per second of `zhnews_article::extract` on one core.
//!
//! Reads the HTML corpus pages unpacked by `cargo run -p xtask -- eval article` under
//! `target/eval-html/html/` when they are there, else the pages in `fixtures/article/`.
//! Run: `cargo bench -p zhnews-article --bench extract`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
            out.push(path);
        }
    }
}

fn pages() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    collect(&root.join("target/eval-html/html"), &mut paths);
    if paths.is_empty() {
        collect(&root.join("fixtures/article"), &mut paths);
    }
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("no pages found; run `cargo run -p xtask -- eval article` first");
        return;
    }
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("extract {} pages", pages.len()), |b| {
        b.iter(|| {
            for page in &pages {
                let _ = std::hint::black_box(zhnews_article::extract(
                    page,
                    &zhnews_article::PageInfo::default(),
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
