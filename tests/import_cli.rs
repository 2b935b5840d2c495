//! `zhnews import` driven as a user runs it: the real binary, real files in a temporary directory and
//! a real SQLite database.
//!
//! The extractors improve in parallel, so these tests assert what holds for any reasonable extractor
//! (files stored, no duplicates, the database agrees with `zhnews extract`), not exact entity lists.

use assert_cmd::Command;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const SEED: &str = "fixtures/seed/netease-ai-talent.txt";

fn zhnews() -> Command {
    let mut cmd = Command::cargo_bin("zhnews").unwrap();
    // Never touch a database or config of the developer's environment.
    cmd.env_remove("ZHNEWS_DB")
        .env_remove("ZHNEWS_CONFIG")
        .env_remove("RUST_LOG");
    cmd
}

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn all_counts(db: &Path) -> Vec<i64> {
    [
        "articles",
        "entities",
        "entity_aliases",
        "mentions",
        "amounts",
        "events",
        "event_mentions",
    ]
    .iter()
    .map(|t| count(db, t))
    .collect()
}

/// A saved news page any article extractor reads as one article (written for these tests).
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>星河科技完成5亿元B轮融资_测试科技</title>
<meta property="og:title" content="星河科技完成5亿元B轮融资">
<meta property="article:published_time" content="2024-09-13T10:00:00+08:00">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/tech">科技</a></div>
<article>
<h1>星河科技完成5亿元B轮融资</h1>
<div class="info">2024-09-13 10:00 来源：测试科技 作者：张记者</div>
<p>本报讯，人工智能创业公司星河科技今天宣布完成5亿元人民币B轮融资，由红杉中国领投，腾讯跟投。</p>
<p>星河科技成立于2021年，总部位于北京，主要为制造业企业提供大模型应用服务，目前已服务超过300家客户。</p>
<p>公司创始人兼首席执行官王小明表示，本轮融资将主要用于模型研发和海外市场拓展，公司计划在明年将研发团队扩充一倍。</p>
<p>据了解，星河科技上一轮融资发生在2023年5月，当时估值约为20亿元。业内人士认为，大模型应用赛道的竞争正在加剧。</p>
</article>
<div class="footer">版权所有 测试科技</div>
</body></html>
"#;

/// Three importable files (one in a subdirectory) and one that import ignores inside directories.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("pages");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    let seed = std::fs::read_to_string(repo_file(SEED)).unwrap();
    std::fs::write(root.join("a-seed.txt"), format!("AI人才流动观察\n{seed}")).unwrap();
    std::fs::write(root.join("b-page.html"), PAGE).unwrap();
    std::fs::write(
        root.join("sub").join("c.htm"),
        PAGE.replace("星河科技", "月光智能"),
    )
    .unwrap();
    std::fs::write(root.join("notes.pdf"), b"%PDF-1.4 not imported").unwrap();
    root
}

fn run_import(db: &Path, paths: &[&Path]) -> std::process::Output {
    zhnews()
        .arg("--db")
        .arg(db)
        .arg("import")
        .args(paths)
        .output()
        .unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_directory_is_walked_and_every_page_and_text_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let root = corpus(dir.path());
    let output = run_import(&db, &[&root]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert!(stderr(&output).contains("3 new"), "{}", stderr(&output));
    assert_eq!(count(&db, "articles"), 3);
    let conn = Connection::open(&db).unwrap();
    let mut urls: Vec<String> = conn
        .prepare("SELECT canonical_url FROM articles ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Files are imported in name order (a-seed, b-page, sub/c), identified by their file URL.
    assert!(urls.iter().all(|u| u.starts_with("file:///")), "{urls:?}");
    assert!(urls[0].ends_with("a-seed.txt"));
    assert!(urls[1].ends_with("b-page.html"));
    assert!(urls[2].ends_with("sub/c.htm"));
    urls.dedup();
    assert_eq!(urls.len(), 3);
    let (title, body): (String, String) = conn
        .query_row("SELECT title, body FROM articles WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(title, "AI人才流动观察", "a text's first line is its title");
    assert!(body.starts_with("就在OpenAI"), "the rest is its body");
    let html_body: String = conn
        .query_row("SELECT body FROM articles WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    assert!(html_body.contains("红杉中国领投"), "{html_body}");
    assert!(
        count(&db, "mentions") > 0,
        "the seed names people and companies"
    );
}

#[test]
fn importing_again_stores_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let root = corpus(dir.path());
    assert!(run_import(&db, &[&root]).status.success());
    let before = all_counts(&db);
    let again = run_import(&db, &[&root]);
    assert!(again.status.success(), "stderr: {}", stderr(&again));
    assert!(stderr(&again).contains("3 unchanged"), "{}", stderr(&again));
    assert_eq!(all_counts(&db), before);
    // Naming a file that a directory already covered changes nothing either.
    let once_more = run_import(&db, &[&root.join("b-page.html")]);
    assert!(once_more.status.success());
    assert_eq!(all_counts(&db), before);
}

#[test]
fn a_changed_file_replaces_its_rows_instead_of_adding() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let file = dir.path().join("one.txt");
    std::fs::write(
        &file,
        "标题\n张三加入了字节跳动。字节跳动估值超过2000亿美元。\n",
    )
    .unwrap();
    assert!(run_import(&db, &[&file]).status.success());
    std::fs::write(&file, "标题\n今天没有新闻。\n").unwrap();
    let output = run_import(&db, &[&file]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("1 updated"), "{}", stderr(&output));
    assert_eq!(count(&db, "articles"), 1);
    // Whatever the extractor found in the old text is gone with it.
    let conn = Connection::open(&db).unwrap();
    let stale: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions WHERE text IN ('张三', '字节跳动')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0);
    assert_eq!(count(&db, "amounts"), 0, "the new text has no amount");
}

#[test]
fn the_database_holds_what_extract_finds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let seed = std::fs::read_to_string(repo_file(SEED)).unwrap();
    let text = dir.path().join("seed.txt");
    std::fs::write(&text, format!("标题\n{}", seed.trim())).unwrap();
    let body = dir.path().join("body.txt");
    // The body as import stores it: trimmed lines, blank lines dropped.
    let stored_body: Vec<&str> = seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    std::fs::write(&body, stored_body.join("\n")).unwrap();
    assert!(run_import(&db, &[&text]).status.success());
    let extracted = zhnews().arg("extract").arg(&body).output().unwrap();
    assert!(extracted.status.success());
    let json: serde_json::Value = serde_json::from_slice(&extracted.stdout).unwrap();
    let n = |key: &str| json[key].as_array().unwrap().len() as i64;
    assert_eq!(count(&db, "mentions"), n("entities"));
    assert_eq!(count(&db, "amounts"), n("amounts"));
    assert_eq!(count(&db, "event_mentions"), n("events"));
}

#[test]
fn a_bad_file_is_logged_and_the_good_ones_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let root = dir.path().join("mixed");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("1-good.txt"), "标题一\n王小明加入星河科技。\n").unwrap();
    std::fs::write(root.join("2-bad.txt"), [0xffu8, 0xfe, 0xb0, 0x00]).unwrap();
    std::fs::write(root.join("3-empty.txt"), "").unwrap();
    std::fs::write(root.join("4-good.txt"), "标题二\n李红离开月光智能。\n").unwrap();
    let missing = dir.path().join("no-such-dir");
    let output = run_import(&db, &[&root, &missing]);
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let log = stderr(&output);
    assert!(log.contains("2 new"), "{log}");
    assert!(log.contains("3 failed"), "{log}");
    for name in ["2-bad.txt", "3-empty.txt", "no-such-dir"] {
        let lines: Vec<&str> = log.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one line about {name}: {log}");
    }
    assert!(log.contains("UTF-8"), "{log}");
    assert_eq!(count(&db, "articles"), 2);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    let content = "这不是数据库，只是笔记。\n".repeat(50);
    std::fs::write(&db, &content).unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "标题\n正文。\n").unwrap();
    let output = run_import(&db, &[&text]);
    assert_eq!(output.status.code(), Some(3));
    let log = stderr(&output);
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("not an SQLite database"), "{log}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), content);
}

#[test]
fn a_database_from_a_newer_zhnews_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "标题\n正文。\n").unwrap();
    assert!(run_import(&db, &[&text]).status.success());
    Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let output = run_import(&db, &[&text]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("schema version 999"),
        "{}",
        stderr(&output)
    );
    assert_eq!(count(&db, "articles"), 1);
}

#[test]
fn a_locked_database_is_exit_75_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "标题\n王小明加入星河科技。\n").unwrap();
    assert!(run_import(&db, &[&text]).status.success());
    let before = all_counts(&db);
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let other = dir.path().join("b.txt");
    std::fs::write(&other, "标题\n李红离开月光智能。\n").unwrap();
    let output = run_import(&db, &[&other]);
    assert_eq!(output.status.code(), Some(75), "{}", stderr(&output));
    assert!(stderr(&output).contains("locked"), "{}", stderr(&output));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(all_counts(&db), before);
}

#[test]
fn a_file_of_another_type_named_explicitly_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "标题\n正文。\n").unwrap();
    let output = run_import(&db, &[&pdf, &text]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("report.pdf"),
        "{}",
        stderr(&output)
    );
    assert_eq!(count(&db, "articles"), 1);
}

#[test]
fn two_imports_at_once_into_one_database_store_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let root = dir.path().join("many");
    std::fs::create_dir(&root).unwrap();
    for i in 0..12 {
        std::fs::write(
            root.join(format!("{i:02}.txt")),
            format!("标题{i}\n王小明于{i}月加入星河科技，担任副总裁。公司估值超过{i}0亿元。\n"),
        )
        .unwrap();
    }
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("zhnews"))
                .env_remove("ZHNEWS_DB")
                .env_remove("ZHNEWS_CONFIG")
                .arg("--db")
                .arg(&db)
                .arg("import")
                .arg(&root)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert_eq!(count(&db, "articles"), 12);
    let before = all_counts(&db);
    assert!(run_import(&db, &[&root]).status.success());
    assert_eq!(all_counts(&db), before, "nothing was stored twice");
}

#[test]
fn a_page_that_is_not_an_article_is_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let root = dir.path().join("site");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("article.html"), PAGE).unwrap();
    let links: String = (1..=40)
        .map(|i| format!("<li><a href=\"/news/{i}.html\">第{i}条科技新闻标题示例文字</a></li>\n"))
        .collect();
    let listing = format!(
        "<html><head><title>科技频道_测试科技</title></head><body><ul>{links}</ul></body></html>"
    );
    std::fs::write(root.join("index.html"), listing).unwrap();
    let output = run_import(&db, &[&root]);
    assert!(output.status.success(), "{}", stderr(&output));
    let log = stderr(&output);
    let skipped: Vec<&str> = log.lines().filter(|l| l.contains("index.html")).collect();
    assert_eq!(skipped.len(), 1, "{log}");
    assert!(skipped[0].contains("skipped"), "{log}");
    assert!(log.contains("1 skipped"), "{log}");
    assert_eq!(count(&db, "articles"), 1);
}
