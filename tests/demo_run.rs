//! `zhnews demo`: serves the embedded fixture site, crawls it with the real crawler into a fresh
//! database and reports what it found; runs from any directory.

#[path = "crawl_support/mod.rs"]
mod support;

use support::*;

#[test]
fn demo_crawls_the_fixture_site_and_reports() {
    let env = Env::new();
    let db = env.path("demo.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .current_dir(env.dir.path())
        .args(["demo", "--db", db.to_str().unwrap()])
        .env_remove("ZHNEWS_DB")
        .env_remove("ZHNEWS_CONFIG")
        .output()
        .unwrap();
    let report = stdout(&out);
    assert_eq!(code(&out), 0, "{report}{}", stderr(&out));
    // Six articles: the mobile copy is a duplicate of its canonical page, the private one is
    // disallowed by robots.txt.
    assert!(report.contains("articles (6)"), "{report}");
    assert!(report.contains("robots=1"), "{report}");
    // GBK pages (with and without a charset header) come out as proper Chinese.
    assert!(report.contains("华芯半导体发布第三季度财报"), "{report}");
    assert!(
        report.contains("极光出行任命前北辰汽车副总裁许文博为总裁"),
        "{report}"
    );
    assert!(report.contains("top people:"), "{report}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 6);
    let mojibake: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE body LIKE '%' || char(65533) || '%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mojibake, 0);

    // The demo never overwrites a database it did not name itself.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .current_dir(env.dir.path())
        .args(["demo", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(code(&again), 2, "{}", stderr(&again));
}
