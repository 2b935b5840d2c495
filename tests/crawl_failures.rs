//! `zhnews crawl` against misbehaving servers: 429 with Retry-After, flapping 500s, 404, a server
//! that never answers, a redirect loop, a 50 MB body, and a host that keeps rate-limiting.

#[path = "crawl_support/mod.rs"]
mod support;

use std::time::Duration;
use support::*;

fn state(env: &Env, server: &Server, path: &str) -> (String, Option<String>, i64) {
    env.sql()
        .query_row(
            "SELECT state, error_class, retryable FROM frontier WHERE url = ?1",
            [server.url(path)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn retries_transient_failures_and_gives_up_on_permanent_ones() {
    let server = Server::start(|r, base| match (r.path.as_str(), r.nth) {
        ("/robots.txt", _) => Reply::status(404),
        ("/feed.xml", _) => Reply::ok(
            "application/rss+xml",
            rss(&[1, 2, 3, 4, 5, 7].map(|i| format!("{base}/a/{i}.html"))),
        ),
        ("/a/1.html", 1) => Reply::with(429, &[("Retry-After", "1")], "slow down"),
        ("/a/2.html", 1) => Reply::status(500),
        ("/a/2.html", 2) => Reply::status(503),
        ("/a/3.html", _) => Reply::status(404),
        ("/a/4.html", _) => Reply::Hang,
        ("/a/5.html", _) => Reply::with(302, &[("Location", "/a/6.html")], ""),
        ("/a/6.html", _) => Reply::with(302, &[("Location", "/a/5.html?utm_source=x")], ""),
        ("/a/7.html", _) => Reply::Huge {
            len: 50 * 1024 * 1024,
        },
        (p, _) if p.starts_with("/a/") => Reply::html(article_html(r.nth as u32, "utf-8")),
        _ => Reply::status(404),
    });
    let env = Env::new();
    env.config(
        "timeout_s = 1\nmax_attempts = 3\nmax_body_bytes = 1048576",
        &format!(
            "[[sources]]\nname = \"bad\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    let summary = stdout(&out);
    // Four of seven pages failed: over the 0.2 threshold.
    assert_eq!(code(&out), 1, "{summary}{}", stderr(&out));

    // 429 + Retry-After: 1 → the retry waited at least a second, then succeeded.
    let t = server.times("/a/1.html");
    assert_eq!(t.len(), 2);
    assert!(
        t[1] - t[0] >= Duration::from_millis(950),
        "{:?}",
        t[1] - t[0]
    );
    assert_eq!(state(&env, &server, "/a/1.html").0, "done");
    // Flapping 500s: third attempt succeeded.
    assert_eq!(server.hits("/a/2.html"), 3);
    assert_eq!(state(&env, &server, "/a/2.html").0, "done");
    // 404: permanent, asked once, not retryable.
    assert_eq!(server.hits("/a/3.html"), 1);
    assert_eq!(
        state(&env, &server, "/a/3.html"),
        ("failed".into(), Some("not_found".into()), 0)
    );
    // Never answers: timed out on every attempt; retryable in a later run.
    assert_eq!(server.hits("/a/4.html"), 3);
    assert_eq!(
        state(&env, &server, "/a/4.html"),
        ("failed".into(), Some("timeout".into()), 1)
    );
    // Redirect loop: detected, recorded, not retried.
    assert_eq!(
        state(&env, &server, "/a/5.html"),
        ("failed".into(), Some("redirect".into()), 0)
    );
    assert_eq!(server.hits("/a/5.html"), 1);
    // 50 MB body over a 1 MB cap: rejected, never stored truncated.
    assert_eq!(
        state(&env, &server, "/a/7.html"),
        ("failed".into(), Some("too_large".into()), 0)
    );
    assert_eq!(env.count("SELECT count(*) FROM articles"), 2);
    assert!(summary.contains("not_found=1"), "{summary}");
    assert!(summary.contains("timeout=1"), "{summary}");
    assert!(summary.contains("too_large=1"), "{summary}");
    assert!(summary.contains("redirect=1"), "{summary}");

    // The next run tries the transient failure again, and only it.
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(server.hits("/a/4.html"), 6);
    assert_eq!(server.hits("/a/3.html"), 1);
    assert_eq!(server.hits("/a/5.html"), 1);
    assert_eq!(server.hits("/a/7.html"), 1);
}

#[test]
fn a_host_that_keeps_rate_limiting_stops_the_run_with_exit_4() {
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/feed.xml" => Reply::ok(
            "application/rss+xml",
            rss(&(1..=12)
                .map(|i| format!("{base}/a/{i}.html"))
                .collect::<Vec<_>>()),
        ),
        _ => Reply::with(429, &[("Retry-After", "0")], "too many"),
    });
    let env = Env::new();
    env.config(
        "max_attempts = 2\nper_host_concurrency = 1",
        &format!(
            "[[sources]]\nname = \"limited\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 4, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("rate-limited"), "{}", stdout(&out));
    let article_requests = server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/a/"))
        .count();
    assert!(
        article_requests < 12,
        "the host was left alone after a few URLs ({article_requests} requests): {:?} {}",
        server
            .requests()
            .iter()
            .map(|r| r.path.clone())
            .collect::<Vec<_>>(),
        stderr(&out)
    );
    // The URLs not asked for wait on the queue for the next run, not marked failed.
    assert!(env.count("SELECT count(*) FROM frontier WHERE state = 'queued'") >= 6);

    // A Retry-After longer than max_backoff_s is not waited out: the URL fails at once.
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/feed.xml" => Reply::ok("application/rss+xml", rss(&[format!("{base}/a/1.html")])),
        _ => Reply::with(429, &[("Retry-After", "3600")], "come back in an hour"),
    });
    let env = Env::new();
    env.config(
        "failure_threshold = 1.0",
        &format!(
            "[[sources]]\nname = \"limited\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let started = std::time::Instant::now();
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(server.hits("/a/1.html"), 1);
    assert!(stdout(&out).contains("rate_limited=1"), "{}", stdout(&out));
}

#[test]
fn long_redirect_chains_and_an_unavailable_robots_txt() {
    // A chain longer than max_redirects is cut off and recorded as a redirect failure.
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/feed.xml" => Reply::ok("application/rss+xml", rss(&[format!("{base}/a/0.html")])),
        p if p.starts_with("/a/") => {
            let n: u32 = p[3..].trim_end_matches(".html").parse().unwrap_or(0);
            Reply::with(302, &[("Location", &format!("/a/{}.html", n + 1))], "")
        }
        _ => Reply::status(404),
    });
    let env = Env::new();
    env.config(
        "max_redirects = 3\nfailure_threshold = 1.0",
        &format!(
            "[[sources]]\nname = \"chain\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("redirect=1"), "{}", stdout(&out));
    assert_eq!(server.hits("/a/3.html"), 1);
    assert_eq!(server.hits("/a/4.html"), 0, "no request past the limit");

    // robots.txt answering 503: the host is not crawled now, and its pages are tried again later.
    let server = Server::start(|r, base| match r.path.as_str() {
        "/robots.txt" => Reply::status(503),
        "/feed.xml" => Reply::ok("application/rss+xml", rss(&[format!("{base}/a/1.html")])),
        _ => Reply::html(article_html(1, "utf-8")),
    });
    let env = Env::new();
    env.config(
        "failure_threshold = 1.0",
        &format!(
            "[[sources]]\nname = \"norobots\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        server.hits("/feed.xml"),
        0,
        "nothing fetched without robots.txt"
    );
    assert!(server.hits("/robots.txt") >= 1);
    let retryable: i64 = env
        .sql()
        .query_row(
            "SELECT retryable FROM frontier WHERE url = ?1",
            [server.url("/feed.xml")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(retryable, 1);
}
