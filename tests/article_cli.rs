//! `zhnews article` end to end: the real binary on the fixture pages in `fixtures/article/`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/article")
        .join(name)
}

fn article(args: &[&str]) -> Value {
    let out = Command::cargo_bin("zhnews")
        .unwrap()
        .arg("article")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object on stdout")
}

#[test]
fn gbk_page_gives_clean_fields() {
    let path = fixture("gbk_article.html");
    let a = article(&[
        path.to_str().unwrap(),
        "--url",
        "https://news.example.cn/tech/2024/0913/1.html",
    ]);
    assert_eq!(a["encoding"], "GB18030");
    assert_eq!(a["title"], "星河智能发布新一代边缘计算芯片");
    assert_eq!(a["published_at"], "2024-09-13T10:20:00+08:00");
    assert_eq!(a["published_source"], "text");
    assert_eq!(a["author"], "林晓峰");
    assert_eq!(a["kind"], "article");
    assert_eq!(a["lang"], "zh");
    assert_eq!(a["url"], "https://news.example.cn/tech/2024/0913/1.html");
    let body = a["body"].as_str().unwrap();
    assert_eq!(body.lines().count(), 4, "{body}");
    assert!(body.starts_with("本报讯"));
    assert!(!body.contains("责任编辑"));
    assert!(!body.contains("另一家芯片公司"));
    assert!(!body.contains("版权所有"));
}

#[test]
fn stale_gb2312_meta_on_utf8_bytes_reads_as_utf8() {
    let a = article(&[fixture("utf8_stale_gb2312_meta.html").to_str().unwrap()]);
    assert_eq!(a["encoding"], "UTF-8");
    assert_eq!(a["published_at"], "2024-09-13T10:20:30+08:00");
    assert!(a["body"].as_str().unwrap().contains("星核二号"));
}

#[test]
fn relative_time_uses_fetched_at_and_stdin_works() {
    let bytes = std::fs::read(fixture("relative_time.html")).unwrap();
    let out = Command::cargo_bin("zhnews")
        .unwrap()
        .args(["article", "-", "--fetched-at", "2024-09-14T09:30:00+08:00"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(out.status.success());
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["published_at"], "2024-09-14T06:30:00+08:00");
}

#[test]
fn list_pages_and_embedded_json() {
    let list = article(&[fixture("list_page.html").to_str().unwrap()]);
    assert_eq!(list["kind"], "list");
    let next = article(&[fixture("next_data.html").to_str().unwrap()]);
    assert_eq!(next["kind"], "article");
    assert_eq!(next["title"], "星河智能发布新一代边缘计算芯片");
    assert_eq!(next["body"].as_str().unwrap().lines().count(), 4);
    assert_eq!(next["published_at"], "2024-09-13T10:20:00+08:00");
}

#[test]
fn bad_input_is_a_one_line_error_never_a_panic() {
    let out = Command::cargo_bin("zhnews")
        .unwrap()
        .args(["article", fixture("binary.pdf.html").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let truncated = article(&[fixture("truncated.html").to_str().unwrap()]);
    assert!(truncated["body"].as_str().unwrap().contains("星河智能"));

    let missing = Command::cargo_bin("zhnews")
        .unwrap()
        .args(["article", "/nonexistent/page.html"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
