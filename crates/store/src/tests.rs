//! Store tests on real database files in a temporary directory.

use super::*;
use chrono::DateTime;
use zhnews_model::{
    Amount, AmountKind, Article, Decimal, Entity, EntityKind, Event, EventDetail, Extraction,
    Modality, Qualifier, TalentAction,
};

pub(crate) fn fetched() -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2024-09-14T10:00:00+08:00").unwrap()
}

pub(crate) fn article(url: &str, body: &str) -> Article {
    Article {
        url: Some(url.to_owned()),
        canonical_url: Some(url.to_owned()),
        title: Some("测试标题".to_owned()),
        published_at: Some(DateTime::parse_from_rfc3339("2024-09-13T09:30:00+08:00").unwrap()),
        site: Some("测试站".to_owned()),
        body: body.to_owned(),
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

pub(crate) fn move_event(person: &str, to: &str, date: Option<&str>) -> Event {
    Event {
        detail: EventDetail::TalentMove {
            action: TalentAction::Join,
            person: person.to_owned(),
            from: None,
            to: Some(to.to_owned()),
            role: None,
        },
        date: date.map(str::to_owned),
        modality: Modality::Asserted,
        sentence: format!("{person}加入{to}。"),
        start: 0,
        end: 8,
        trigger: Some((3, 5)),
    }
}

/// 王小明 (written 小明) joins 星河科技, which raised 1.0753 亿 (an exact, awkward decimal).
pub(crate) fn extraction() -> Extraction {
    Extraction {
        entities: vec![
            entity(EntityKind::Person, "王小明", "王小明", 0),
            entity(EntityKind::Company, "星河", "星河科技", 5),
            entity(EntityKind::Person, "小明", "王小明", 12),
        ],
        amounts: vec![Amount {
            text: "107530000.5元".to_owned(),
            start: 20,
            end: 32,
            kind: AmountKind::Money,
            value: "107530000.5".parse::<Decimal>().unwrap(),
            max: None,
            currency: Some("CNY".to_owned()),
            qualifier: Qualifier::Exact,
            unit: None,
        }],
        events: vec![move_event("王小明", "星河科技", Some("2024-08"))],
    }
}

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("test.db")).unwrap()
}

#[test]
fn reload_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let a = article("https://example.com/a", "王小明加入星河科技。");
    let first = store
        .load_article(&a, &extraction(), fetched(), Some("example"))
        .unwrap();
    assert!(matches!(first, LoadOutcome::New(_)));
    let before = store.counts().unwrap();
    assert_eq!(before.articles, 1);
    assert_eq!(before.entities, 2, "小明 merges into 王小明");
    assert_eq!(before.mentions, 3);
    assert_eq!(before.amounts, 1);
    assert_eq!(before.events, 1);
    let again = store
        .load_article(&a, &extraction(), fetched(), Some("example"))
        .unwrap();
    assert_eq!(again, LoadOutcome::Unchanged(first.id()));
    assert_eq!(store.counts().unwrap(), before);
    assert!(store.article_exists("https://example.com/a").unwrap());
    assert!(!store.article_exists("https://example.com/b").unwrap());
}

#[test]
fn reload_with_new_extraction_replaces_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let a = article("https://example.com/a", "王小明加入星河科技。");
    let id = store
        .load_article(&a, &extraction(), fetched(), None)
        .unwrap()
        .id();
    let mut better = extraction();
    better.entities.truncate(1);
    better.amounts.clear();
    better.events = vec![move_event("王小明", "月光公司", Some("2024-08"))];
    let outcome = store.load_article(&a, &better, fetched(), None).unwrap();
    assert_eq!(outcome, LoadOutcome::Updated(id));
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles, 1);
    assert_eq!(counts.mentions, 1);
    assert_eq!(counts.amounts, 0);
    assert_eq!(counts.entities, 1, "星河科技 has no mention left");
    assert_eq!(counts.events, 1, "the old event has no report left");
    assert_eq!(counts.event_mentions, 1);
}

#[test]
fn one_fact_in_many_articles_is_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    for i in 0..10 {
        let a = article(
            &format!("https://site{i}.example/a"),
            "王小明加入星河科技。",
        );
        let mut x = extraction();
        // Some reports give the day, some only the month.
        if i % 2 == 0 {
            x.events[0].date = Some("2024-08-13".to_owned());
        }
        store.load_article(&a, &x, fetched(), None).unwrap();
    }
    let counts = store.counts().unwrap();
    assert_eq!(counts.events, 1);
    assert_eq!(counts.event_mentions, 10);
    let (articles, sources, date): (i64, i64, String) = store
        .conn
        .query_row("SELECT articles, sources, date FROM v_events", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((articles, sources), (10, 1), "all ten share the site name");
    assert_eq!(date, "2024-08-13", "the most precise date wins");
    let to: String = store
        .conn
        .query_row("SELECT to_company FROM v_talent_moves", [], |r| r.get(0))
        .unwrap();
    assert_eq!(to, "星河科技");
}

#[test]
fn amounts_are_stored_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let a = article("https://example.com/a", "x");
    store
        .load_article(&a, &extraction(), fetched(), None)
        .unwrap();
    let value: String = store
        .conn
        .query_row("SELECT value FROM amounts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(value, "107530000.5");
}

#[test]
fn article_without_url_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let a = Article {
        body: "正文".to_owned(),
        ..Article::default()
    };
    let err = store
        .load_article(&a, &Extraction::default(), fetched(), None)
        .unwrap_err();
    assert!(matches!(err, StoreError::NoUrl), "{err}");
    assert_eq!(store.counts().unwrap().articles, 0);
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(!err.is_transient());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let content = "这不是数据库 — just some notes, long enough to fill a header page.\n".repeat(20);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}

#[test]
fn missing_database_is_not_created_by_open_existing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let err = Store::open_existing(&path).unwrap_err();
    assert!(matches!(err, StoreError::Missing(_)), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_locked_database_is_a_transient_busy_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    let mut store = Store::open(&path).unwrap();
    // Another connection holds an exclusive lock.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    store
        .conn
        .busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let err = store
        .load_article(
            &article("https://example.com/a", "x"),
            &extraction(),
            fetched(),
            None,
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err}");
    assert!(err.is_transient());
    holder.execute_batch("ROLLBACK").unwrap();
    store
        .load_article(
            &article("https://example.com/a", "x"),
            &extraction(),
            fetched(),
            None,
        )
        .unwrap();
}

#[test]
fn migrations_are_valid_and_reopen_keeps_data() {
    migrations::migrations().validate().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    let mut store = Store::open(&path).unwrap();
    store
        .load_article(
            &article("https://example.com/a", "x"),
            &extraction(),
            fetched(),
            None,
        )
        .unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::count());
    drop(store);
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
}

/// Loads one report of 王小明 joining 星河科技 in an article published on `published`.
fn report(store: &mut Store, url: &str, published: &str, date: Option<&str>) {
    let mut a = article(url, "王小明加入星河科技。");
    a.published_at = Some(DateTime::parse_from_rfc3339(published).unwrap());
    let x = Extraction {
        events: vec![move_event("王小明", "星河科技", date)],
        ..Extraction::default()
    };
    store.load_article(&a, &x, fetched(), None).unwrap();
}

fn events_and_dates(store: &Store) -> Vec<(Option<String>, i64)> {
    store
        .conn
        .prepare("SELECT date, articles FROM v_events ORDER BY date")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn undated_reports_join_the_dated_event_in_either_order() {
    for dated_first in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir);
        let dated = |s: &mut Store| {
            report(
                s,
                "https://a.example/1",
                "2024-09-02T08:00:00+08:00",
                Some("2024-08"),
            )
        };
        let undated = |s: &mut Store| {
            report(s, "https://b.example/2", "2024-10-20T08:00:00+08:00", None);
            report(s, "https://c.example/3", "2024-11-05T08:00:00+08:00", None);
        };
        if dated_first {
            dated(&mut store);
            undated(&mut store);
        } else {
            undated(&mut store);
            dated(&mut store);
        }
        assert_eq!(
            events_and_dates(&store),
            [(Some("2024-08".to_owned()), 3)],
            "dated first: {dated_first}"
        );
    }
}

#[test]
fn an_undated_report_long_after_is_another_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    report(
        &mut store,
        "https://a.example/1",
        "2024-09-02T08:00:00+08:00",
        Some("2024-08"),
    );
    report(
        &mut store,
        "https://b.example/2",
        "2025-06-01T08:00:00+08:00",
        None,
    );
    assert_eq!(
        events_and_dates(&store),
        [(None, 1), (Some("2024-08".to_owned()), 1)]
    );
}

#[test]
fn processes_opening_a_fresh_database_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let mut store = Store::open(&path)?;
                let a = article(&format!("https://example.com/{i}"), "王小明加入星河科技。");
                store.load_article(&a, &extraction(), fetched(), None)
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 4);
    assert_eq!(store.schema_version().unwrap(), migrations::count());
}
