//! Concurrency and crash safety of `zhnews crawl`: two runs at once (exactly one proceeds), SIGTERM
//! (exit 143, resumable) and SIGKILL at random moments followed by a rerun (nothing lost, nothing
//! duplicated, database intact).

#[path = "crawl_support/mod.rs"]
mod support;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use support::*;

const ARTICLES: u32 = 30;

/// A site whose pages answer slowly, so runs are long enough to interfere with.
fn slow_site(delay_ms: u64) -> Server {
    Server::start(move |r, base| {
        std::thread::sleep(Duration::from_millis(delay_ms));
        match r.path.as_str() {
            "/robots.txt" => Reply::status(404),
            "/feed.xml" => Reply::ok(
                "application/rss+xml",
                rss(&(1..=ARTICLES)
                    .map(|i| format!("{base}/a/{i}.html"))
                    .collect::<Vec<_>>()),
            ),
            p if p.starts_with("/a/") => {
                let id: u32 = p[3..].trim_end_matches(".html").parse().unwrap_or(0);
                Reply::html(article_html(id, "utf-8"))
            }
            _ => Reply::status(404),
        }
    })
}

fn setup(server: &Server) -> Env {
    let env = Env::new();
    env.config(
        "per_host_concurrency = 3",
        &format!(
            "[[sources]]\nname = \"slow\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base
        ),
    );
    env
}

fn spawn(env: &Env) -> Child {
    env.cmd()
        .arg("crawl")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_concurrent_runs_exactly_one_proceeds() {
    // Slow enough that the two runs overlap even when the machine is busy.
    let server = slow_site(150);
    let env = setup(&server);
    let a = spawn(&env);
    let b = spawn(&env);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let mut codes = [code(&a), code(&b)];
    codes.sort();
    assert_eq!(codes, [0, 75], "{}{}", stderr(&a), stderr(&b));
    let refused = if code(&a) == 75 { &a } else { &b };
    let message = stderr(refused);
    assert_eq!(message.trim().lines().count(), 1, "{message}");
    assert!(message.contains("locked by pid"), "{message}");
    assert_eq!(env.count("SELECT count(*) FROM articles"), ARTICLES as i64);
}

#[test]
fn sigterm_stops_with_143_and_the_rerun_finishes() {
    let server = slow_site(50);
    let env = setup(&server);
    let child = spawn(&env);
    let started = Instant::now();
    while server.hits("/a/1.html") + server.hits("/a/2.html") == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "crawl never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 143, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("stopped: terminated"),
        "{}",
        stdout(&out)
    );
    assert!(env.count("SELECT count(*) FROM articles") < ARTICLES as i64);
    assert_eq!(
        env.count("SELECT count(*) FROM frontier WHERE state = 'in_flight'"),
        0,
        "requests cut off are put back on the queue"
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.count("SELECT count(*) FROM articles"), ARTICLES as i64);
}

#[test]
fn sigkill_at_random_moments_loses_and_duplicates_nothing() {
    let server = slow_site(15);
    let env = setup(&server);
    // A cheap pseudo-random sequence: kill times between 50 and 650 ms.
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
        | 1;
    for _ in 0..5 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = spawn(&env);
        std::thread::sleep(Duration::from_millis(50 + seed % 600));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let integrity: String = env
        .sql()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert_eq!(env.count("SELECT count(*) FROM articles"), ARTICLES as i64);
    assert_eq!(
        env.count("SELECT count(DISTINCT canonical_url) FROM articles"),
        ARTICLES as i64
    );
    // Every article is there with its own body.
    let conn = env.sql();
    let mut stmt = conn.prepare("SELECT body FROM articles").unwrap();
    let mut ids: Vec<u32> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|b| {
            let b = b.unwrap();
            let at = b.find("编号：").expect("id in body") + "编号：".len();
            b[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, (1..=ARTICLES).collect::<Vec<_>>());
    assert_eq!(
        env.count("SELECT count(*) FROM frontier WHERE kind = 'article' AND state != 'done'"),
        0
    );
}

#[test]
fn max_pages_and_max_duration_stop_early_and_leave_the_rest_queued() {
    let server = slow_site(40);
    let env = setup(&server);
    let out = env.run(&["crawl", "--max-pages", "5"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("stopped: max_pages"),
        "{}",
        stdout(&out)
    );
    // The feed plus four articles.
    assert_eq!(env.count("SELECT count(*) FROM articles"), 4);
    assert_eq!(
        env.count("SELECT count(*) FROM frontier WHERE state = 'queued'"),
        ARTICLES as i64 - 4
    );
    let started = Instant::now();
    let out = env.run(&["crawl", "--max-duration", "400ms"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        stdout(&out).contains("stopped: max_duration"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        env.count("SELECT count(*) FROM frontier WHERE state = 'in_flight'"),
        0
    );
    let out = env.run(&["crawl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.count("SELECT count(*) FROM articles"), ARTICLES as i64);
}
