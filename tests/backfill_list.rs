//! `zhnews backfill` over URL lists: comments and blank lines skipped, invalid lines reported with
//! their line numbers (exit 1) while the valid ones are fetched, reruns skip what is done,
//! `--retry-failed` retries failures, `-` reads standard input.

#[path = "crawl_support/mod.rs"]
mod support;

use std::io::Write;
use std::process::Stdio;
use support::*;

fn site() -> Server {
    Server::start(|r, _| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/gone.html" => Reply::status(410),
        p if p.starts_with("/a/") => {
            let id: u32 = p[3..]
                .split(['.', '?'])
                .next()
                .unwrap_or("0")
                .parse()
                .unwrap_or(0);
            Reply::html(article_html(id, "utf-8"))
        }
        _ => Reply::status(404),
    })
}

#[test]
fn list_with_comments_invalid_lines_and_reruns() {
    let server = site();
    let env = Env::new();
    env.config("", "");
    let list = env.path("urls.txt");
    let b = &server.base;
    std::fs::write(
        &list,
        format!(
            "# history of the local site\n\n{b}/a/1.html\n{b}/a/2.html?utm_source=wechat\nnot a url\n  {b}/a/3.html  \nftp://example.com/a.html\n{b}/a/2.html#comments\n{b}/gone.html\n"
        ),
    )
    .unwrap();
    let out = env.run(&["backfill", list.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{}{err}", stdout(&out));
    assert!(
        err.contains("urls.txt:5"),
        "line number of `not a url`: {err}"
    );
    assert!(
        err.contains("urls.txt:7"),
        "line number of the ftp URL: {err}"
    );
    assert!(!err.contains("urls.txt:1:"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM articles"), 3);
    assert_eq!(
        server.hits("/a/2.html"),
        1,
        "tracking and fragment variants are one URL"
    );
    assert_eq!(server.hits("/gone.html"), 1);
    assert!(stdout(&out).contains("2 invalid lines"), "{}", stdout(&out));

    // A rerun fetches nothing again (410 is permanent).
    let out = env.run(&["backfill", list.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.path != "/robots.txt")
            .count(),
        4
    );

    // --retry-failed asks for the failure again, and only for it.
    let out = env.run(&["backfill", "--retry-failed", list.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert_eq!(server.hits("/gone.html"), 2);
    assert_eq!(server.hits("/a/1.html"), 1);
}

#[test]
fn stdin_and_url_flags() {
    let server = site();
    let env = Env::new();
    env.config("", "");
    let mut child = env
        .cmd()
        .args(["backfill", "-", "--url", &server.url("/a/9.html")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{}\n{}\n", server.url("/a/7.html"), server.url("/a/8.html")).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.count("SELECT count(*) FROM articles"), 3);
    // Backfilled articles belong to no configured source.
    assert_eq!(
        env.count("SELECT count(*) FROM articles WHERE source_id IS NOT NULL"),
        0
    );
}

#[test]
fn nothing_to_do_is_a_usage_error() {
    let env = Env::new();
    let out = env.run(&["backfill"]);
    assert_eq!(code(&out), 2);
    let out = env.run(&["backfill", "/no/such/list.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/no/such/list.txt"));
}
