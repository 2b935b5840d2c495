//! `zhnews crawl` against a real local site: feed, sitemap index with a gzipped child, listing page,
//! robots.txt, tracking-parameter duplicates, conditional GET, GBK pages, a PDF served as HTML.

#[path = "crawl_support/mod.rs"]
mod support;

use std::io::Write;
use std::time::Duration;
use support::*;

fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

fn site() -> Server {
    Server::start(|r, base| {
        let path = r.path.as_str();
        match path {
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/feed.xml" => {
                if r.header("if-none-match") == Some("\"v1\"") {
                    return Reply::with(304, &[("ETag", "\"v1\"")], "");
                }
                let links = [
                    format!("{base}/a/1.html?utm_source=rss&utm_medium=feed"),
                    format!("{base}/a/2.html"),
                    format!("{base}/private/9.html"),
                    format!("{base}/about.html"),
                ];
                Reply::with(
                    200,
                    &[("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")],
                    rss(&links),
                )
            }
            "/sitemap_index.xml" => Reply::ok(
                "application/xml",
                format!(
                    r#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sm1.xml.gz</loc></sitemap></sitemapindex>"#
                ),
            ),
            "/sm1.xml.gz" => Reply::ok(
                "application/x-gzip",
                gzip(&urlset(&[
                    format!("{base}/a/3.html"),
                    format!("{base}/a/1.html#top"),
                ])),
            ),
            "/list.html" => {
                let lm = "Wed, 01 Oct 2025 08:00:00 GMT";
                if r.header("if-modified-since") == Some(lm) {
                    return Reply::with(304, &[("Last-Modified", lm)], "");
                }
                Reply::with(
                    200,
                    &[
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Last-Modified", lm),
                    ],
                    r#"<html><body><ul class="list"><li><a href="/a/2.html?utm_medium=x&amp;from=timeline">二</a></li><li><a href="a/4.html">四</a></li></ul><a href="/about.html">关于</a></body></html>"#,
                )
            }
            p if p.starts_with("/a/") || p.starts_with("/private/") => {
                let id: u32 = p
                    .trim_start_matches("/a/")
                    .trim_start_matches("/private/")
                    .trim_end_matches(".html")
                    .parse()
                    .unwrap_or(0);
                Reply::html(article_html(id, "utf-8"))
            }
            _ => Reply::status(404),
        }
    })
}

fn sources(server: &Server) -> String {
    format!(
        r#"[[sources]]
name = "local"
feeds = ["{b}/feed.xml"]
sitemaps = ["{b}/sitemap_index.xml"]
listings = [{{ url = "{b}/list.html", selector = "ul.list a" }}]
article_pattern = '^http://127\.0\.0\.1:\d+/(a|private)/\d+\.html$'
"#,
        b = server.base
    )
}

#[test]
fn discovers_dedups_obeys_robots_and_polls_conditionally() {
    let server = site();
    let env = Env::new();
    env.config("", &sources(&server));
    let metrics = env.path("metrics.json");
    let out = env.run(&["crawl", "--metrics", metrics.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // Four distinct articles, each fetched once although found up to three times with tracking
    // parameters and fragments.
    assert_eq!(env.count("SELECT count(*) FROM articles"), 4);
    for id in 1..=4 {
        assert_eq!(server.hits(&format!("/a/{id}.html")), 1, "article {id}");
    }
    assert_eq!(
        server.hits("/private/9.html"),
        0,
        "robots.txt disallows /private/"
    );
    assert_eq!(
        server.hits("/robots.txt"),
        1,
        "robots.txt is cached per origin"
    );
    let summary = stdout(&out);
    assert_eq!(summary.lines().count(), 1, "one summary line: {summary}");
    assert!(summary.contains("4 new"), "{summary}");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&metrics).unwrap()).unwrap();
    assert_eq!(m["articles_new"], 4);
    assert_eq!(m["errors"]["robots"], 1);
    assert_eq!(
        env.count("SELECT count(*) FROM frontier WHERE state = 'skipped'"),
        1
    );
    let stored: String = env
        .sql()
        .query_row(
            "SELECT canonical_url FROM articles WHERE canonical_url LIKE '%/a/1.html%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, server.url("/a/1.html"));

    // Second run: the feed and listing answer 304 to the conditional GET, nothing is fetched again.
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let feed = server.requests();
    let feed: Vec<_> = feed.iter().filter(|r| r.path == "/feed.xml").collect();
    assert_eq!(feed.len(), 2);
    assert_eq!(feed[1].header("if-none-match"), Some("\"v1\""));
    assert!(
        stdout(&out).contains("(2 not modified)"),
        "{}",
        stdout(&out)
    );
    for id in 1..=4 {
        assert_eq!(
            server.hits(&format!("/a/{id}.html")),
            1,
            "article {id} refetched"
        );
    }
    assert_eq!(env.count("SELECT count(*) FROM articles"), 4);

    // --refetch fetches what discovery finds again (the sitemap has no validators).
    let out = env.run(&["crawl", "--refetch"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(server.hits("/a/3.html"), 2);
    assert_eq!(env.count("SELECT count(*) FROM articles"), 4);
}

#[test]
fn gbk_pages_with_and_without_charset_header_and_a_pdf_as_html() {
    let server = Server::start(|r, base| {
        let gbk = |id| {
            encoding_rs::GBK
                .encode(&article_html(id, "gbk"))
                .0
                .into_owned()
        };
        match r.path.as_str() {
            "/robots.txt" => Reply::status(404),
            "/feed.xml" => Reply::ok(
                "application/rss+xml",
                rss(&[
                    format!("{base}/g/1.html"),
                    format!("{base}/g/2.html"),
                    format!("{base}/g/3.html"),
                ]),
            ),
            "/g/1.html" => Reply::ok("text/html; charset=GBK", gbk(1)),
            // The header names no charset: only the page's <meta> says GBK.
            "/g/2.html" => Reply::ok("text/html", gbk(2)),
            "/g/3.html" => Reply::ok(
                "text/html",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec(),
            ),
            _ => Reply::status(404),
        }
    });
    let env = Env::new();
    env.config(
        "failure_threshold = 0.0",
        &format!(
            "[[sources]]\nname = \"gbk\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    // One failure (the PDF) is over a zero threshold: exit 1, the rest stored.
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("content_type=1"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("/g/3.html"),
        "the failure is logged: {}",
        stderr(&out)
    );
    let conn = env.sql();
    let mut stmt = conn
        .prepare("SELECT title, body FROM articles ORDER BY canonical_url")
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].0.contains("云岚机器人"), "{:?}", rows[0].0);
    assert!(rows[0].1.contains("林嘉树"), "{:?}", rows[0].1);
    assert!(rows[1].1.contains("深蓝动力"), "{:?}", rows[1].1);
    assert!(
        rows.iter().all(|(_, b)| !b.contains('\u{fffd}')),
        "no mojibake"
    );
}

#[test]
fn crawl_delay_from_robots_spaces_requests_to_one_host() {
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nCrawl-delay: 0.3\n"),
        "/feed.xml" => Reply::ok(
            "application/rss+xml",
            rss(&(1..=4)
                .map(|i| format!("{base}/a/{i}.html"))
                .collect::<Vec<_>>()),
        ),
        p if p.starts_with("/a/") => Reply::html(article_html(7, "utf-8")),
        _ => Reply::status(404),
    });
    let env = Env::new();
    env.config(
        "",
        &format!(
            "[[sources]]\nname = \"slow\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    times.sort();
    assert_eq!(times.len(), 6, "robots, feed, four articles");
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(280), "requests {gap:?} apart");
    }
}

#[test]
fn unknown_source_and_bad_config_are_usage_errors() {
    let env = Env::new();
    env.config(
        "",
        "[[sources]]\nname = \"x\"\nfeeds = [\"http://127.0.0.1:9/f\"]\n",
    );
    let out = env.run(&["crawl", "--source", "nope"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
    env.config("per_host_delay = 5", "");
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn redirects_are_followed_recorded_and_deduplicated() {
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/feed.xml" => Reply::ok(
            "application/rss+xml",
            rss(&[
                format!("{base}/a/1.html"),
                format!("{base}/r/1.html"),
                format!("{base}/r/2.html"),
            ]),
        ),
        "/r/1.html" => Reply::with(301, &[("Location", "/a/1.html?utm_source=short")], ""),
        "/r/2.html" => Reply::with(302, &[("Location", &format!("{base}/a/2.html"))], ""),
        p if p.starts_with("/a/") => Reply::html(article_html(3, "utf-8")),
        _ => Reply::status(404),
    });
    let env = Env::new();
    env.config(
        "per_host_concurrency = 1",
        &format!(
            "[[sources]]\nname = \"r\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // /r/1 lands on /a/1, already stored: one article; /r/2 lands on a new page, stored under it.
    assert_eq!(env.count("SELECT count(*) FROM articles"), 2);
    let stored: Vec<String> = {
        let conn = env.sql();
        let mut stmt = conn
            .prepare("SELECT canonical_url FROM articles ORDER BY canonical_url")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(stored, [server.url("/a/1.html"), server.url("/a/2.html")]);
    let (final_url, redirects): (String, String) = env
        .sql()
        .query_row(
            "SELECT f.final_url, l.redirects FROM frontier f JOIN fetch_log l ON l.url = f.url
             WHERE f.url = ?1",
            [server.url("/r/2.html")],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(final_url, server.url("/a/2.html"));
    assert!(redirects.contains("/a/2.html"), "{redirects}");
    // /r/1.html is a duplicate of /a/1.html (or, when both were in flight at once, a reload of the
    // same article that changed nothing): either way one article.
    let state: String = env
        .sql()
        .query_row(
            "SELECT state FROM frontier WHERE url = ?1",
            [server.url("/r/1.html")],
            |r| r.get(0),
        )
        .unwrap();
    assert!(state == "duplicate" || state == "done", "{state}");
}
