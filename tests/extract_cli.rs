//! `zhnews extract` driven as a user runs it: the real binary, real files, stdin and stdout.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;

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

fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

/// The non-blank lines of stdout, each one JSON document.
fn stdout_jsonl(output: &std::process::Output) -> Vec<Value> {
    output
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("each stdout line is JSON"))
        .collect()
}

/// `zhnews extract` of the seed article, which must succeed.
fn seed_extraction() -> Value {
    let output = zhnews()
        .arg("extract")
        .arg(repo_file(SEED))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout_json(&output)
}

/// Every mention's offsets must select exactly its `text` from the input, counted in chars.
fn assert_offsets_select_text(text: &str, mentions: &[Value]) {
    let chars: Vec<char> = text.chars().collect();
    for mention in mentions {
        let start = mention["start"].as_u64().unwrap() as usize;
        let end = mention["end"].as_u64().unwrap() as usize;
        assert!(
            start < end && end <= chars.len(),
            "offsets out of range: {mention}"
        );
        let selected: String = chars[start..end].iter().collect();
        assert_eq!(
            selected,
            mention["text"].as_str().unwrap(),
            "offsets of {mention}"
        );
    }
}

#[test]
fn seed_article_gives_schema_conformant_json() {
    let text = std::fs::read_to_string(repo_file(SEED)).unwrap();
    let output = zhnews()
        .arg("extract")
        .arg(repo_file(SEED))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = stdout_json(&output);
    let entities = json["entities"].as_array().expect("entities array");
    let amounts = json["amounts"].as_array().expect("amounts array");
    assert!(json["events"].is_array());
    assert_offsets_select_text(&text, entities);
    assert_offsets_select_text(&text, amounts);
    for entity in entities {
        let kind = entity["type"].as_str().unwrap();
        assert!(
            ["person", "company", "product", "org"].contains(&kind),
            "{entity}"
        );
        assert!(!entity["name"].as_str().unwrap().is_empty());
    }
    for amount in amounts {
        let kind = amount["kind"].as_str().unwrap();
        assert!(["money", "count", "percent"].contains(&kind), "{amount}");
        assert!(amount["value"].is_number(), "{amount}");
        let qualifier = amount["qualifier"].as_str().unwrap();
        assert!(
            ["exact", "about", "over", "under", "range"].contains(&qualifier),
            "{amount}"
        );
        assert_eq!(amount["max"].is_number(), qualifier == "range", "{amount}");
    }
    let has = |kind: &str| entities.iter().any(|e| e["type"] == kind);
    assert!(
        has("person") && has("company"),
        "people and companies are found"
    );
}

#[test]
fn seed_article_names_its_people_and_companies_canonically() {
    let json = seed_extraction();
    let names = |kind: &str| -> Vec<String> {
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == kind)
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let people = names("person");
    for person in [
        "张前川",
        "周伯文",
        "黄文灏",
        "李先刚",
        "杨植麟",
        "朱文佳",
        "吴泳铭",
    ] {
        assert!(
            people.iter().any(|p| p == person),
            "{person} missing from {people:?}"
        );
    }
    let companies = names("company");
    for company in [
        "字节跳动",
        "零一万物",
        "月之暗面",
        "MiniMax",
        "衔远科技",
        "OpenAI",
    ] {
        assert!(
            companies.iter().any(|c| c == company),
            "{company} missing from {companies:?}"
        );
    }
    // 字节 and 字节跳动 are one company.
    assert!(
        !companies.iter().any(|c| c == "字节"),
        "字节 keeps its canonical name 字节跳动"
    );
}

#[test]
fn seed_article_money_is_normalized() {
    let json = seed_extraction();
    let money: Vec<&Value> = json["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "money")
        .collect();
    let find = |text: &str| {
        money
            .iter()
            .find(|a| a["text"].as_str().unwrap().contains(text))
    };
    let valuation = find("236亿").expect("估值236亿 is money");
    assert_eq!(valuation["value"].as_f64(), Some(23_600_000_000.0));
    assert!(
        valuation["currency"].is_null(),
        "the text names no currency"
    );
    let ads = find("1.4亿").expect("近1.4亿元人民币 is money");
    assert_eq!(ads["value"].as_f64(), Some(140_000_000.0));
    assert_eq!(ads["currency"], "CNY");
    assert_eq!(ads["qualifier"], "under");
    let range = find("三千多万").expect("三千多万 is money (广告投入)");
    assert_eq!(range["qualifier"], "range");
    assert_eq!(range["value"].as_f64(), Some(30_000_000.0));
    assert_eq!(range["max"].as_f64(), Some(40_000_000.0));
    // 7亿的用户 is a count, never money.
    assert!(find("7亿").is_none(), "7亿的用户 is not money");
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    let output = zhnews()
        .arg("extract")
        .write_stdin("据报道，OpenAI完成新一轮融资，估值达到1500亿美元。")
        .output()
        .unwrap();
    assert!(output.status.success());
    let json = stdout_json(&output);
    assert!(json["entities"].is_array() && json["amounts"].is_array());
}

#[test]
fn jsonl_batch_keeps_ids_and_order() {
    let input = concat!(
        r#"{"id": 7, "text": "字节跳动宣布完成新一轮融资。"}"#,
        "\n",
        r#"{"id": "b", "text": "阿里巴巴CEO吴泳铭表示。", "published": "2024-09-13"}"#,
        "\n\n",
        r#"{"id": {"k": [1, 2]}, "text": ""}"#,
        "\n"
    );
    let output = zhnews()
        .args(["extract", "--jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines = stdout_jsonl(&output);
    assert_eq!(lines.len(), 3, "one output line per non-blank input line");
    assert_eq!(lines[0]["id"], 7);
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[2]["id"], serde_json::json!({"k": [1, 2]}));
    for line in &lines {
        assert!(
            line["entities"].is_array() && line["amounts"].is_array() && line["events"].is_array()
        );
    }
}

#[test]
fn jsonl_reports_the_malformed_line_number() {
    let input = "{\"id\": 1, \"text\": \"腾讯\"}\n{\"id\": 2, \"txt\": \"x\"}\n{\"id\": 3, \"text\": \"百度\"}\n";
    let output = zhnews()
        .args(["extract", "--jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(":2:"), "line number in: {stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
}

#[test]
fn jsonl_keep_going_skips_bad_lines_and_exits_1() {
    let input = "{\"id\": 1, \"text\": \"腾讯\"}\nnot json\n{\"id\": 3, \"text\": \"百度\", \"published\": \"13/09/2024\"}\n{\"id\": 4, \"text\": \"百度\"}\n";
    let output = zhnews()
        .args(["extract", "--jsonl", "--keep-going"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let ids: Vec<Value> = stdout_jsonl(&output)
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, vec![serde_json::json!(1), serde_json::json!(4)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(":2:") && stderr.contains(":3:"), "{stderr}");
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    // "字节" in GBK.
    file.write_all(&[0xD7, 0xD6, 0xBD, 0xDA]).unwrap();
    let output = zhnews().arg("extract").arg(file.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(output.stdout.is_empty());
}

#[test]
fn empty_and_missing_inputs_are_clear_errors() {
    let empty = tempfile::NamedTempFile::new().unwrap();
    let output = zhnews().arg("extract").arg(empty.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("empty"));

    let output = zhnews()
        .args(["extract", "/nonexistent/zhnews/input.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/zhnews/input.txt"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1);
}

#[test]
fn html_input_goes_through_the_article_extractor() {
    let page = "<html><head><title>月之暗面完成新一轮融资_网易科技</title></head><body>\
        <h1>月之暗面完成新一轮融资</h1><p>据报道，月之暗面完成新一轮融资，金额超过3亿美元，\
        投后估值达到33亿美元。公司创始人杨植麟表示，资金将用于模型训练。</p></body></html>";
    let output = zhnews()
        .args(["extract", "--html"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = stdout_json(&output);
    let text = json["text"]
        .as_str()
        .expect("--html output carries the text offsets refer to");
    assert!(!text.contains("<p>"), "tags are gone");
    assert_offsets_select_text(text, json["entities"].as_array().unwrap());
    assert_offsets_select_text(text, json["amounts"].as_array().unwrap());
}

#[test]
fn a_user_dictionary_from_the_config_file_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zhnews.toml"),
        "[extract]\ndictionaries = [\"my-companies.txt\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("my-companies.txt"),
        "[company]\n澜汐数智 | Lanxi Data\n",
    )
    .unwrap();
    let text = "据报道，Lanxi Data（澜汐数智）宣布完成新一轮融资。";
    let run = |config: Option<&str>| {
        let mut cmd = zhnews();
        if let Some(config) = config {
            cmd.arg("--config").arg(dir.path().join(config));
        }
        cmd.arg("extract").write_stdin(text).output().unwrap()
    };
    let output = run(Some("zhnews.toml"));
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = stdout_json(&output);
    let canonical: Vec<&Value> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "company" && e["name"] == "澜汐数智")
        .collect();
    assert_eq!(
        canonical.len(),
        2,
        "both written forms map to the user's canonical name: {json}"
    );
    assert!(canonical.iter().any(|e| e["text"] == "Lanxi Data"));

    // Without the user's file the alias means nothing special.
    let json = stdout_json(&run(None));
    assert!(
        !json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Lanxi Data" && e["name"] == "澜汐数智")
    );

    std::fs::write(
        dir.path().join("broken.txt"),
        "[company]\n | alias without a name\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.toml"),
        "[extract]\ndictionaries = [\"broken.txt\"]\n",
    )
    .unwrap();
    let output = run(Some("broken.toml"));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.txt:2"),
        "file and line named: {stderr}"
    );

    std::fs::write(dir.path().join("bad.toml"), "[extract\n").unwrap();
    let output = run(Some("bad.toml"));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr)
            .trim()
            .lines()
            .count(),
        1
    );
}

#[test]
fn every_subcommand_is_listed_in_help() {
    let output = zhnews().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for command in [
        "extract", "article", "import", "crawl", "backfill", "export", "demo",
    ] {
        assert!(help.contains(command), "{command} missing from --help");
    }
}
