//! Events must not come out of ordinary news where a trigger word announces nothing: a verb phrase
//! or a common noun in a party's slot, a bracketed portal label after a name, a visit told with
//! `来到`, a surname read off a leader's title. Each case runs the whole extractor (recognizers, then
//! events) on sentences written for this test, with a positive twin where one exists, so a rule that
//! only drops events cannot pass.

use zhnews_extract::Extractor;
use zhnews_model::{Event, EventDetail, TalentAction};

fn events(text: &str) -> Vec<Event> {
    Extractor::new().extract(text, None).events
}

fn joins(text: &str) -> Vec<(String, Option<String>)> {
    events(text)
        .into_iter()
        .filter_map(|e| match e.detail {
            EventDetail::TalentMove {
                action: TalentAction::Join,
                person,
                to,
                ..
            } => Some((person, to)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_verb_phrase_in_a_money_slot_is_no_company() {
    // The money clause's subject is a verb (`提供`) and an adverb-led phrase (`大肆`).
    for text in [
        "多家房企的大股东为旗下公司提供16亿元融资担保。",
        "近年来一些地方国企大肆收购优质写字楼。",
    ] {
        let found = events(text);
        assert!(
            found.iter().all(|e| match &e.detail {
                EventDetail::Funding { company, .. } => company != "提供",
                EventDetail::Acquisition { acquirer, .. } => acquirer.as_deref() != Some("大肆"),
                _ => true,
            }),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_bracketed_label_after_a_name_is_no_second_party() {
    let text = "导演陈一鸣近日加盟青禾影业(微博)，将执导一部都市喜剧。";
    let found = joins(text);
    assert!(
        found.iter().all(|(_, to)| to.as_deref() != Some("微博")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(p, to)| p == "陈一鸣" && to.as_deref() == Some("青禾影业")),
        "the join itself is lost: {found:?}"
    );
}

#[test]
fn coming_to_a_university_is_a_visit_and_coming_to_a_team_a_join() {
    let visit = "正在湖南调研的李国栋专程来到湖南大学，看望师生。";
    assert!(joins(visit).is_empty(), "{:?}", joins(visit));
    let move_ = "赛季中途，前锋赵晓峰来到上海队效力。";
    assert!(
        joins(move_).iter().any(|(p, _)| p == "赵晓峰"),
        "{:?}",
        joins(move_)
    );
}

#[test]
fn common_words_after_a_join_verb_are_no_team() {
    // `加盟演出` / `加盟大片`: joining a show or a film, not an organisation.
    for text in [
        "影帝刘天明也加盟演出，出演一位老警察。",
        "女演员孙晓雨又加盟武侠大片《长风》。",
    ] {
        let found = joins(text);
        assert!(
            found
                .iter()
                .all(|(_, to)| !matches!(to.as_deref(), Some("演出" | "武侠大片"))),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn retirement_as_a_policy_is_nobodys_move() {
    for text in [
        "社保专家王立群建议逐步提高退休年龄。",
        "有关部门表示，延迟退休将采取小步慢走的方式。",
    ] {
        let found = events(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    let moved = "星河公司财务总监周立新日前宣布退休。";
    assert!(
        events(moved).iter().any(|e| matches!(
            &e.detail,
            EventDetail::TalentMove { person, action: TalentAction::Leave, .. } if person == "周立新"
        )),
        "{:?}",
        events(moved)
    );
}

#[test]
fn a_title_read_as_the_employer_makes_no_move() {
    // Two sides sign a deal; the CFO is one side's signatory, not a new hire of "首席财务官…".
    let text = "组委会市场部部长林海与星河公司首席财务官许文娟签约。";
    for event in events(text) {
        if let EventDetail::TalentMove {
            person, from, to, ..
        } = &event.detail
        {
            for company in [from, to].into_iter().flatten() {
                assert!(!company.contains(person.as_str()), "{event:?}");
            }
        }
    }
}

#[test]
fn the_day_of_a_date_is_no_part_of_a_firm_name() {
    for (text, firm) in [
        (
            "3月8日华诚基金发布公告，聘任周明远担任公司总经理。",
            "华诚基金",
        ),
        ("5日宏信证券发布公告称，周明远辞去总经理职务。", "宏信证券"),
    ] {
        let entities = Extractor::new().extract(text, None).entities;
        assert!(
            entities.iter().any(|e| e.text == firm),
            "{text}: {entities:?}"
        );
    }
}

#[test]
fn an_undecided_retirement_is_only_planned() {
    let text = "主教练高志远说，他还在犹豫是否就此退休。";
    for event in events(text) {
        assert_eq!(event.modality, zhnews_model::Modality::Planned, "{event:?}");
    }
}

#[test]
fn a_move_named_as_a_topic_is_not_told() {
    let text = "对于高管离职，多家基金公司表示已经找到继任者。";
    assert!(events(text).is_empty(), "{:?}", events(text));
    let told = "上周五，星河基金高管刘文斌离职。";
    assert!(!events(told).is_empty(), "the plain move is lost");
}

#[test]
fn an_actor_credited_after_a_character_does_not_move() {
    let text = "剧中的小职员陈大海(李明远饰)进入杂志社不久就惨遭解雇。";
    for event in events(text) {
        if let EventDetail::TalentMove { person, .. } = &event.detail {
            assert_ne!(person, "李明远", "{event:?}");
        }
    }
}

#[test]
fn a_thing_word_taken_for_a_person_moves_nowhere() {
    // Whatever the recognizer says, `基金` (a fund) does not resign; `周明远` does.
    let text = "基金离职了，周明远离职了。";
    let person = |written: &str, start: usize| zhnews_model::Entity {
        kind: zhnews_model::EntityKind::Person,
        text: written.into(),
        start,
        end: start + written.chars().count(),
        name: written.into(),
        owner: None,
    };
    let entities = [person("基金", 0), person("周明远", 6)];
    let movers: Vec<String> = zhnews_extract::events::find_events(text, &entities, &[], None)
        .into_iter()
        .filter_map(|e| match e.detail {
            EventDetail::TalentMove { person, .. } => Some(person),
            _ => None,
        })
        .collect();
    assert_eq!(movers, vec!["周明远".to_owned()]);
}

#[test]
fn the_firm_after_a_receiving_verb_invests() {
    let text = "云途旅行曾于2015年获得1500万元风险投资，2018年获得腾讯数千万元投资。";
    for event in events(text) {
        if let EventDetail::Funding { company, .. } = &event.detail {
            assert_ne!(company, "腾讯", "{event:?}");
        }
    }
}
