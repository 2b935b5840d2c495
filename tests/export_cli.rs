//! `zhnews export` driven as a user runs it: the real binary reading a real SQLite database built in a
//! temporary directory, its output parsed back (JSONL with serde_json, CSV with the `csv` crate).
//!
//! The database is filled through `zhnews_store` with extractions written here, so the expected rows
//! are known exactly; one test goes through `zhnews import` and checks only that the export agrees
//! with the database.

use assert_cmd::Command;
use chrono::DateTime;
use serde_json::Value;
use std::path::{Path, PathBuf};
use zhnews_model::{
    Amount, AmountKind, Article, Decimal, Entity, EntityKind, Event, EventDetail, Extraction,
    Modality, Qualifier, TalentAction,
};
use zhnews_store::Store;

fn zhnews() -> Command {
    let mut cmd = Command::cargo_bin("zhnews").unwrap();
    cmd.env_remove("ZHNEWS_DB")
        .env_remove("ZHNEWS_CONFIG")
        .env_remove("RUST_LOG");
    cmd
}

fn article(url: &str, site: &str, published: &str, title: &str, body: &str) -> Article {
    Article {
        url: Some(url.to_owned()),
        canonical_url: Some(url.to_owned()),
        title: Some(title.to_owned()),
        published_at: Some(DateTime::parse_from_rfc3339(published).unwrap()),
        site: Some(site.to_owned()),
        body: body.to_owned(),
        lang: Some("zh".to_owned()),
        ..Article::default()
    }
}

fn entity(kind: EntityKind, text: &str, name: &str, start: usize) -> Entity {
    Entity {
        kind,
        text: text.to_owned(),
        start,
        end: start + text.chars().count(),
        name: name.to_owned(),
        owner: None,
    }
}

fn money(text: &str, value: &str, start: usize) -> Amount {
    Amount {
        text: text.to_owned(),
        start,
        end: start + text.chars().count(),
        kind: AmountKind::Money,
        value: value.parse::<Decimal>().unwrap(),
        max: None,
        currency: Some("CNY".to_owned()),
        qualifier: Qualifier::Exact,
        unit: None,
    }
}

fn joins(person: &str, company: &str, date: &str, modality: Modality) -> Event {
    Event {
        detail: EventDetail::TalentMove {
            action: TalentAction::Join,
            person: person.to_owned(),
            from: None,
            to: Some(company.to_owned()),
            role: Some("副总裁".to_owned()),
        },
        date: Some(date.to_owned()),
        modality,
        sentence: format!("{person}加入{company}。"),
        start: 0,
        end: 10,
        trigger: None,
    }
}

fn funding(company: &str, round: &str, amount: Amount) -> Event {
    Event {
        detail: EventDetail::Funding {
            company: company.to_owned(),
            round: Some(round.to_owned()),
            amount: Some(amount),
            investors: vec!["红杉中国".to_owned(), "腾讯".to_owned()],
            lead_investors: vec!["红杉中国".to_owned()],
        },
        date: None,
        modality: Modality::Asserted,
        sentence: format!("{company}完成{round}轮融资。"),
        start: 11,
        end: 25,
        trigger: None,
    }
}

/// Four articles from three sites:
/// 1. site A, 2024-08-20: 王小明 (also written 小明) joins 星河科技; 星河科技 raises B round 1.0753亿.
/// 2. site B, 2024-08-21: the same move, reported.
/// 3. site A, 2024-09-02: the same move again (same site as 1).
/// 4. site C, 2025-01-05: 李红 joins 月光智能; a title and an entity made to look like formulas.
fn fill(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let fetched = DateTime::parse_from_rfc3339("2025-02-01T12:00:00+08:00").unwrap();
    let move_x = |m| Extraction {
        entities: vec![
            entity(EntityKind::Person, "王小明", "王小明", 0),
            entity(EntityKind::Company, "星河", "星河科技", 5),
            entity(EntityKind::Person, "小明", "王小明", 30),
        ],
        amounts: vec![],
        events: vec![joins("王小明", "星河科技", "2024-08", m)],
    };
    let mut first = move_x(Modality::Asserted);
    first.amounts.push(money("1.0753亿元", "107530000", 15));
    first.events.push(funding(
        "星河科技",
        "B",
        money("1.0753亿元", "107530000", 15),
    ));
    let loads = [
        (
            article(
                "https://a.example/1",
                "甲网",
                "2024-08-20T09:00:00+08:00",
                "星河科技新动向",
                "正文一",
            ),
            first,
        ),
        (
            article(
                "https://b.example/2",
                "乙网",
                "2024-08-21T09:00:00+08:00",
                "人事变动",
                "正文二",
            ),
            move_x(Modality::Reported),
        ),
        (
            article(
                "https://a.example/3",
                "甲网",
                "2024-09-02T09:00:00+08:00",
                "回顾",
                "正文三",
            ),
            move_x(Modality::Asserted),
        ),
        (
            article(
                "https://c.example/4",
                "丙网",
                "2025-01-05T09:00:00+08:00",
                "=HYPERLINK(\"http://evil.example\")",
                "@李红加入月光智能，薪酬-2+3。",
            ),
            Extraction {
                entities: vec![
                    entity(EntityKind::Person, "李红", "李红", 1),
                    entity(EntityKind::Company, "+月光", "月光智能", 5),
                ],
                amounts: vec![Amount {
                    kind: AmountKind::Percent,
                    currency: None,
                    ..money("-3.5%", "-3.5", 12)
                }],
                events: vec![joins("李红", "月光智能", "2025-01", Modality::Asserted)],
            },
        ),
    ];
    for (a, x) in loads {
        store.load_article(&a, &x, fetched, None).unwrap();
    }
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    fill(&db);
    (dir, db)
}

fn export(db: &Path, args: &[&str]) -> std::process::Output {
    zhnews()
        .arg("--db")
        .arg(db)
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

fn jsonl(db: &Path, args: &[&str]) -> Vec<Value> {
    let output = export(db, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().collect::<Result<_, _>>().unwrap();
    (header, rows)
}

fn cell<'a>(header: &[String], row: &'a csv::StringRecord, column: &str) -> &'a str {
    let i = header.iter().position(|h| h == column).unwrap();
    &row[i]
}

#[test]
fn every_kind_in_both_formats_has_one_row_per_database_row() {
    let (_dir, db) = setup();
    let counts = Store::open(&db).unwrap().counts().unwrap();
    for (kind, expected) in [
        ("articles", 4),
        ("entities", counts.entities),
        ("mentions", counts.mentions),
        ("amounts", counts.amounts),
        ("events", counts.events),
    ] {
        let lines = jsonl(&db, &[kind]);
        assert_eq!(lines.len() as u64, expected, "{kind} jsonl");
        assert!(lines.iter().all(|l| l["schema"] == 1), "{kind}");
        let output = export(&db, &[kind, "--format", "csv"]);
        assert!(output.status.success());
        let (header, rows) = csv_rows(&output.stdout);
        assert_eq!(rows.len() as u64, expected, "{kind} csv");
        assert_eq!(header[0], "id");
        assert!(rows.iter().all(|r| r.len() == header.len()));
    }
    assert_eq!(counts.entities, 4);
    assert_eq!(counts.events, 3, "three reports of one move are one event");
}

#[test]
fn events_carry_their_support() {
    let (_dir, db) = setup();
    let events = jsonl(&db, &["events", "--type", "talent_move"]);
    assert_eq!(events.len(), 2);
    let wang = &events[0];
    assert_eq!(wang["type"], "talent_move");
    assert_eq!(wang["person"], "王小明");
    assert_eq!(wang["to"], "星河科技");
    assert_eq!(wang["role"], "副总裁");
    assert_eq!(wang["date"], "2024-08");
    assert_eq!(wang["articles"], 3);
    assert_eq!(wang["sources"], 2, "甲网 twice and 乙网");
    assert_eq!(wang["mentions"], 3);
    assert_eq!(
        wang["modality"], "asserted",
        "two of three reports assert it"
    );
    assert_eq!(wang["first_seen"], "2024-08-20T01:00:00Z");
    assert_eq!(wang["last_seen"], "2024-09-02T01:00:00Z");
    assert_eq!(
        wang["urls"],
        serde_json::json!([
            "https://a.example/1",
            "https://b.example/2",
            "https://a.example/3"
        ])
    );
    // Every report keeps its provenance: article, sentence, offsets, modality.
    let reports = wang["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[1]["url"], "https://b.example/2");
    assert_eq!(reports[1]["modality"], "reported");
    assert_eq!(reports[1]["sentence"], "王小明加入星河科技。");
    assert_eq!(reports[1]["published_at"], "2024-08-21T09:00:00+08:00");
    assert_eq!(
        (reports[1]["start"].as_i64(), reports[1]["end"].as_i64()),
        (Some(0), Some(10))
    );
    let funding = jsonl(&db, &["events", "--type", "funding"]);
    assert_eq!(funding.len(), 1);
    assert_eq!(funding[0]["round"], "B");
    assert_eq!(funding[0]["amount"]["value"], 107530000);
    assert_eq!(
        funding[0]["lead_investors"],
        serde_json::json!(["红杉中国"])
    );
    let output = export(&db, &["events", "--format", "csv", "--type", "funding"]);
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(cell(&header, &rows[0], "amount"), "107530000");
    assert_eq!(cell(&header, &rows[0], "currency"), "CNY");
    assert_eq!(cell(&header, &rows[0], "investors"), "红杉中国; 腾讯");
}

#[test]
fn filters_select_by_date_type_and_entity() {
    let (_dir, db) = setup();
    let ids = |args: &[&str]| -> Vec<String> {
        jsonl(&db, args)
            .iter()
            .map(|r| r["canonical_url"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["articles", "--since", "2024-08-21", "--until", "2024-12-31"]),
        ["https://b.example/2", "https://a.example/3"]
    );
    assert_eq!(ids(&["articles", "--entity", "小明"]).len(), 3, "by alias");
    assert_eq!(
        ids(&["articles", "--entity", "李红"]),
        ["https://c.example/4"]
    );
    // Events: 2024-08 overlaps a range from mid-August; 2025 events are after it.
    let events = jsonl(
        &db,
        &["events", "--since", "2024-08-15", "--until", "2024-10-01"],
    );
    assert_eq!(
        events.len(),
        2,
        "the move and the funding dated by its article"
    );
    let li = jsonl(&db, &["events", "--entity", "李红"]);
    assert_eq!(li.len(), 1);
    assert_eq!(li[0]["to"], "月光智能");
    let companies = jsonl(&db, &["entities", "--type", "company"]);
    let names: Vec<&str> = companies
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["星河科技", "月光智能"]);
    let wang = jsonl(&db, &["entities", "--entity", "王小明"]);
    assert_eq!(wang[0]["aliases"], serde_json::json!(["小明"]));
    assert_eq!(wang[0]["mentions"], 6);
    assert_eq!(wang[0]["articles"], 3);
    let people = jsonl(
        &db,
        &["mentions", "--type", "person", "--since", "2025-01-01"],
    );
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["text"], "李红");
    let percents = jsonl(&db, &["amounts", "--type", "percent"]);
    assert_eq!(percents.len(), 1);
    assert_eq!(percents[0]["value"], -3.5);
    assert_eq!(jsonl(&db, &["amounts", "--type", "money,percent"]).len(), 2);
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralized() {
    let (_dir, db) = setup();
    let output = export(&db, &["articles", "--format", "csv", "--entity", "李红"]);
    assert!(output.status.success());
    let (header, rows) = csv_rows(&output.stdout);
    let row = &rows[0];
    assert_eq!(
        cell(&header, row, "title"),
        "'=HYPERLINK(\"http://evil.example\")"
    );
    assert_eq!(cell(&header, row, "body"), "'@李红加入月光智能，薪酬-2+3。");
    let output = export(
        &db,
        &["mentions", "--format", "csv", "--entity", "月光智能"],
    );
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(cell(&header, &rows[0], "text"), "'+月光");
    // A negative number stays a number.
    let output = export(&db, &["amounts", "--format", "csv", "--type", "percent"]);
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(cell(&header, &rows[0], "value"), "-3.5");
    assert_eq!(cell(&header, &rows[0], "text"), "'-3.5%");
}

#[test]
fn exported_articles_have_the_article_fields_plus_id_and_fetched_at() {
    let (_dir, db) = setup();
    let rows = jsonl(&db, &["articles"]);
    let first = &rows[0];
    for field in [
        "id",
        "url",
        "canonical_url",
        "title",
        "published_at",
        "published_source",
        "author",
        "site",
        "body",
        "encoding",
        "lang",
        "kind",
        "fetched_at",
    ] {
        assert!(first.get(field).is_some(), "missing {field}: {first}");
    }
    assert_eq!(first["published_at"], "2024-08-20T09:00:00+08:00");
    assert_eq!(first["fetched_at"], "2025-02-01T12:00:00+08:00");
    assert_eq!(first["kind"], "article");
    let article: Article = serde_json::from_value(first.clone()).unwrap();
    assert_eq!(article.title.as_deref(), Some("星河科技新动向"));
}

#[test]
fn out_file_is_written_whole_and_bom_is_optional() {
    let (dir, db) = setup();
    let out = dir.path().join("events.csv");
    let output = export(
        &db,
        &[
            "events",
            "--format",
            "csv",
            "--bom",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "rows go to the file, not stdout");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let (_, rows) = csv_rows(&bytes[3..]);
    assert_eq!(rows.len(), 3);
    let plain = export(&db, &["events", "--format", "csv"]);
    assert!(!plain.stdout.starts_with("\u{feff}".as_bytes()));
    // No temporary file is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_export_leaves_an_existing_out_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.jsonl");
    std::fs::write(&out, "previous export\n").unwrap();
    let not_db = dir.path().join("notes.db");
    std::fs::write(&not_db, "不是数据库。\n".repeat(100)).unwrap();
    let output = export(&not_db, &["events", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    let log = String::from_utf8_lossy(&output.stderr);
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("not an SQLite database"), "{log}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous export\n");
}

#[test]
fn bad_invocations_are_one_clear_line() {
    let (dir, db) = setup();
    let missing = dir.path().join("absent.db");
    let output = export(&missing, &["articles"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no database"));
    assert!(!missing.exists(), "export never creates a database");
    for (args, needle) in [
        (&["events", "--type", "merger"][..], "unknown --type"),
        (&["articles", "--type", "person"][..], "does not apply"),
        (&["events", "--bom"][..], "--bom"),
        (
            &["events", "--since", "2025-01-02", "--until", "2025-01-01"][..],
            "after",
        ),
    ] {
        let output = export(&db, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let log = String::from_utf8_lossy(&output.stderr);
        assert_eq!(log.lines().count(), 1, "{log}");
        assert!(log.contains(needle), "{args:?}: {log}");
    }
    let output = export(&db, &["events", "--since", "last week"]);
    assert_eq!(output.status.code(), Some(2));
    let missing_dir = dir.path().join("no/such/dir/out.csv");
    let output = export(&db, &["events", "--out", missing_dir.to_str().unwrap()]);
    assert_ne!(output.status.code(), Some(0));
}

#[test]
fn an_imported_article_exports_consistently() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let seed =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/netease-ai-talent.txt");
    let text = dir.path().join("seed.txt");
    std::fs::write(
        &text,
        format!("标题\n{}", std::fs::read_to_string(seed).unwrap()),
    )
    .unwrap();
    let output = zhnews()
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&text)
        .output()
        .unwrap();
    assert!(output.status.success());
    let counts = Store::open(&db).unwrap().counts().unwrap();
    let body = jsonl(&db, &["articles"])[0]["body"]
        .as_str()
        .unwrap()
        .to_owned();
    let chars: Vec<char> = body.chars().collect();
    let mentions = jsonl(&db, &["mentions"]);
    assert_eq!(mentions.len() as u64, counts.mentions);
    for m in &mentions {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let selected: String = chars[start..end].iter().collect();
        assert_eq!(
            selected,
            m["text"].as_str().unwrap(),
            "offsets select the text"
        );
    }
    assert_eq!(jsonl(&db, &["amounts"]).len() as u64, counts.amounts);
    assert_eq!(jsonl(&db, &["events"]).len() as u64, counts.events);
    let entities = jsonl(&db, &["entities"]);
    assert_eq!(entities.len() as u64, counts.entities);
    let total: u64 = entities
        .iter()
        .map(|e| e["mentions"].as_u64().unwrap())
        .sum();
    assert_eq!(total, counts.mentions);
}
