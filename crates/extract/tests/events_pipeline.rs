//! Events through the whole extractor: the entity and amount recognizers run first, so these tests
//! check that the event rules work on what the recognizers really produce.

use chrono::NaiveDate;
use zhnews_extract::Extractor;
use zhnews_model::{Event, EventDetail, Extraction, Modality, TalentAction};

fn seed() -> Extraction {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/seed/netease-ai-talent.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article is in fixtures/seed");
    Extractor::new().extract(&text, NaiveDate::from_ymd_opt(2024, 9, 13))
}

fn seed_events() -> Vec<Event> {
    seed().events
}

/// The canonical name the entity recognizer gives the mention written `written`, so these tests
/// follow the recognizer's naming (`字节` → `字节跳动`) instead of assuming it.
fn canon(extraction: &Extraction, written: &str) -> String {
    extraction
        .entities
        .iter()
        .find(|e| e.text == written)
        .map(|e| e.name.clone())
        .unwrap_or_else(|| panic!("the recognizer finds no {written}"))
}

/// A talent move as (action, person, from, to, date).
type Move = (
    TalentAction,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn moves(events: &[Event]) -> Vec<Move> {
    events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::TalentMove {
                action,
                person,
                from,
                to,
                ..
            } => Some((
                *action,
                person.clone(),
                from.clone(),
                to.clone(),
                e.date.clone(),
            )),
            _ => None,
        })
        .collect()
}

fn has_move(
    events: &[Event],
    action: TalentAction,
    person: &str,
    from: Option<&str>,
    to: Option<&str>,
    date: Option<&str>,
) -> bool {
    moves(events).iter().any(|(a, p, f, t, d)| {
        *a == action
            && p == person
            && f.as_deref() == from
            && t.as_deref() == to
            && d.as_deref() == date
    })
}

#[test]
fn seed_article_talent_moves() {
    let extraction = seed();
    let events = extraction.events.clone();
    let all = moves(&events);
    let name = |written: &str| canon(&extraction, written);
    // Nando de Freitas leaves (Google) DeepMind, dated by the sentence that gives 9月13日.
    let deepmind = |f: &Option<String>| f.as_deref().is_some_and(|n| n.contains("DeepMind"));
    assert!(
        all.iter().any(|(a, p, f, _, d)| *a == TalentAction::Leave
            && p == "Nando de Freitas"
            && deepmind(f)
            && d.as_deref() == Some("2024-09-13")),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Join,
            "黄文灏",
            Some(name("零一万物").as_str()),
            Some(name("字节跳动").as_str()),
            Some("2024-08")
        ),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Leave,
            "李先刚",
            Some(name("零一万物").as_str()),
            None,
            None
        ),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Join,
            "李先刚",
            Some(name("零一万物").as_str()),
            Some(name("贝壳").as_str()),
            None
        ),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Leave,
            "周伯文",
            Some(name("衔远科技").as_str()),
            None,
            Some("2024-06")
        ),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Leave,
            "张前川",
            Some(name("字节跳动").as_str()),
            None,
            Some("2023")
        ),
        "{all:?}"
    );
    assert!(
        has_move(
            &events,
            TalentAction::Join,
            "张前川",
            Some(name("字节跳动").as_str()),
            Some(name("MiniMax").as_str()),
            None
        ),
        "{all:?}"
    );
    // People who are only mentioned (a boss one reports to, a founder credited for a valuation) move nowhere.
    for bystander in ["朱文佳", "杨植麟", "吴泳铭"] {
        assert!(
            !all.iter().any(|(_, p, ..)| p == bystander),
            "{bystander} did not move: {all:?}"
        );
    }
    // The reported move (据…透露 / 被爆出) is marked so.
    let li = events
        .iter()
        .find(|e| matches!(&e.detail, EventDetail::TalentMove { person, action: TalentAction::Leave, .. } if person == "李先刚"))
        .unwrap();
    assert_eq!(li.modality, Modality::Reported);
}

#[test]
fn seed_article_money_events() {
    let extraction = seed();
    let events = extraction.events.clone();
    let moonshot = canon(&extraction, "月之暗面");
    let valuations: Vec<(String, String)> = events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Valuation {
                company,
                amount: Some(a),
            } => Some((company.clone(), a.value.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        valuations,
        vec![(moonshot.clone(), "23600000000".to_owned())]
    );

    let rounds: Vec<(String, Option<String>, String, Option<String>)> = events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Funding {
                company,
                round,
                amount: Some(a),
                ..
            } => Some((
                company.clone(),
                round.clone(),
                a.value.to_string(),
                a.currency.clone(),
            )),
            _ => None,
        })
        .collect();
    let usd = Some("USD".to_owned());
    assert_eq!(
        rounds,
        vec![
            (
                moonshot.clone(),
                Some("第1轮".into()),
                "200000000".into(),
                usd.clone()
            ),
            (
                moonshot.clone(),
                Some("第2轮".into()),
                "1000000000".into(),
                usd.clone()
            ),
            (
                moonshot.clone(),
                Some("第3轮".into()),
                "300000000".into(),
                usd
            ),
        ],
        "the 总融资额 is a total, not a round"
    );

    let spends: Vec<(String, Option<String>, String)> = events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Spend {
                company,
                purpose,
                amount: Some(a),
            } => Some((company.clone(), purpose.clone(), a.text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(spends.len(), 2, "{spends:?}");
    assert!(
        spends
            .iter()
            .all(|(c, p, _)| *c == moonshot && p.as_deref() == Some("广告")),
        "{spends:?}"
    );
    assert!(spends[0].2.contains("三千多万"), "{spends:?}");
    assert!(spends[1].2.contains("1.4亿元"), "{spends:?}");
    // No acquisitions, listings or layoffs are told in the article.
    assert!(events.iter().all(|e| !matches!(
        e.detail,
        EventDetail::Acquisition { .. } | EventDetail::Ipo { .. } | EventDetail::Layoff { .. }
    )));
}

#[test]
fn every_event_cites_its_sentence_and_trigger() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/seed/netease-ai-talent.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for event in seed_events() {
        let sentence: String = chars[event.start..event.end].iter().collect();
        assert_eq!(sentence, event.sentence);
        let (ts, te) = event.trigger.expect("rule events have a trigger");
        assert!(event.start <= ts && te <= event.end);
    }
}

#[test]
fn funding_news_through_the_pipeline() {
    let text = "2024年3月5日，字节跳动宣布完成新一轮融资，金额为5亿美元。";
    let events = Extractor::new()
        .extract(text, NaiveDate::from_ymd_opt(2024, 3, 6))
        .events;
    let funding: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e.detail, EventDetail::Funding { .. }))
        .collect();
    assert_eq!(funding.len(), 1, "{events:?}");
    assert_eq!(funding[0].date.as_deref(), Some("2024-03-05"));
}
