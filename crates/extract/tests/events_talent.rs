//! Talent moves told in the constructions news uses beyond `甲加盟乙`: verbs of motion with a team
//! as object, unnamed people described by what they are, moves told as nouns (`乙的辞职报告`), the
//! passive of a dismissal with no employer named, quitting a team the recognizer does not know.
//! Entity mentions are given by hand (the recognizer's contract), so these pin down the event rules.

use zhnews_extract::events::{Role, find_event_mentions, find_events};
use zhnews_model::{Entity, EntityKind, Event, EventDetail, TalentAction};

mod support;

fn ent(text: &str, kind: EntityKind, written: &str) -> Entity {
    support::mention(text, kind, written, 0)
}

fn person(text: &str, written: &str) -> Entity {
    ent(text, EntityKind::Person, written)
}

fn org(text: &str, written: &str) -> Entity {
    ent(text, EntityKind::Org, written)
}

fn company(text: &str, written: &str) -> Entity {
    ent(text, EntityKind::Company, written)
}

/// (action, person, from, to) of a talent move.
fn talent(e: &Event) -> (TalentAction, &str, Option<&str>, Option<&str>) {
    match &e.detail {
        EventDetail::TalentMove {
            action,
            person,
            from,
            to,
            ..
        } => (*action, person.as_str(), from.as_deref(), to.as_deref()),
        other => panic!("not a talent move: {other:?}"),
    }
}

fn moves(
    text: &str,
    entities: &[Entity],
) -> Vec<(TalentAction, String, Option<String>, Option<String>)> {
    find_events(text, entities, &[], None)
        .iter()
        .filter(|e| matches!(e.detail, EventDetail::TalentMove { .. }))
        .map(|e| {
            let (a, p, f, t) = talent(e);
            (a, p.to_owned(), f.map(str::to_owned), t.map(str::to_owned))
        })
        .collect()
}

fn join(person: &str, to: &str) -> (TalentAction, String, Option<String>, Option<String>) {
    (TalentAction::Join, person.into(), None, Some(to.into()))
}

#[test]
fn verbs_of_motion_join_an_organisation_that_ends_the_clause() {
    let text = "休赛期里，韩立明去了青松队，赵思远来到白鹭队效力。";
    let entities = [
        person(text, "韩立明"),
        org(text, "青松队"),
        person(text, "赵思远"),
        org(text, "白鹭队"),
    ];
    assert_eq!(
        moves(text, &entities),
        vec![join("韩立明", "青松队"), join("赵思远", "白鹭队")]
    );
}

#[test]
fn verbs_of_motion_without_an_organisation_are_no_move() {
    // A place, a visit or an organisation that is not the end of the trip.
    let text = "韩立明来到北京参加论坛。";
    assert!(moves(text, &[person(text, "韩立明")]).is_empty());
    let text = "韩立明前往青松集团总部参观，随后返回酒店。";
    let entities = [person(text, "韩立明"), company(text, "青松集团")];
    assert!(moves(text, &entities).is_empty());
    // The organisation is a modifier of what follows (`去了青松集团的展台`).
    let text = "韩立明去了青松集团的展台。";
    let entities = [person(text, "韩立明"), company(text, "青松集团")];
    assert!(moves(text, &entities).is_empty());
}

#[test]
fn unnamed_people_described_by_what_they_are_leave() {
    let events = find_events("一名刚毕业的女大学生辞职后开了家面馆。", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "女大学生");
    let events = find_events("据报道，东山县一名交警含泪辞职。", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(talent(&events[0]).1.ends_with("交警"), "{events:?}");
    // Crowds and counts of one told as a trend are nobody in particular.
    assert!(find_events("大批员工离职。", &[], &[], None).is_empty());
    assert!(find_events("又一高管离职。", &[], &[], None).is_empty());
    // A description inside another phrase is not the mover.
    assert!(find_events("他们讨论了女大学生的辞职潮。", &[], &[], None).is_empty());
}

#[test]
fn a_described_player_joins_a_named_club() {
    let text = "两届奥运冠军加盟白鹭队！";
    let entities = [org(text, "白鹭队")];
    let events = find_event_mentions(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0].event),
        (TalentAction::Join, "两届奥运冠军", None, Some("白鹭队"))
    );
    // Staff nouns join nothing in particular (`新员工加入`).
    let text = "三百名新员工加入青松集团。";
    assert!(moves(text, &[company(text, "青松集团")]).is_empty());
}

#[test]
fn a_passive_dismissal_needs_no_employer() {
    let text = "因违规收受礼品，林海东被免职。";
    assert_eq!(
        moves(text, &[person(text, "林海东")]),
        vec![(TalentAction::Leave, "林海东".to_owned(), None, None)]
    );
    // A post standing for its holder.
    let events = find_events("学生食堂出现变质食品，副校长被免职！", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "副校长");
    // `双开` only as something suffered; the active reading is a fridge.
    let text = "林海东严重违纪被双开。";
    assert_eq!(moves(text, &[person(text, "林海东")]).len(), 1);
    let text = "林海东买了一台双开门冰箱。";
    assert!(moves(text, &[person(text, "林海东")]).is_empty());
    // Active dismissals still need the side that dismisses.
    let text = "林海东免职了三名下属。";
    assert!(moves(text, &[person(text, "林海东")]).is_empty());
}

#[test]
fn a_dismissal_of_several_staff_is_no_single_move() {
    let text = "青松集团宣布辞退多名员工。";
    assert!(moves(text, &[company(text, "青松集团")]).is_empty());
    let text = "青松集团解雇了一名区域经理。";
    let events = find_events(text, &[company(text, "青松集团")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "一名区域经理", Some("青松集团"), None)
    );
}

#[test]
fn a_resignation_letter_names_its_writer_as_the_mover() {
    let text = "远川科技（600321）董事会于近日收到总经理周明远的书面辞职报告。";
    let entities = [company(text, "远川科技"), person(text, "周明远")];
    let events = find_event_mentions(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0].event),
        (TalentAction::Leave, "周明远", Some("远川科技"), None)
    );
    // The one a letter is handed to is not the one leaving.
    let text = "党主席罗文清向总理韦嘉仁递交了辞呈。";
    let entities = [person(text, "罗文清"), person(text, "韦嘉仁")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "罗文清");
    // Someone else's request is no move of the requester.
    let text = "在周明远的要求下，财务总监已辞职。";
    let events = find_events(text, &[person(text, "周明远")], &[], None);
    assert!(events.iter().all(|e| talent(e).1 != "周明远"), "{events:?}");
}

#[test]
fn a_move_told_as_a_noun_has_its_owner_as_mover() {
    let text = "韩立明的加盟让白鹭队实力大增。";
    let entities = [person(text, "韩立明"), org(text, "白鹭队")];
    assert_eq!(moves(text, &entities), vec![join("韩立明", "白鹭队")]);
    // Without the side strengthened, no guess is made.
    let text = "韩立明的加盟让球迷很兴奋，白鹭队也很满意。";
    let entities = [person(text, "韩立明"), org(text, "白鹭队")];
    assert!(moves(text, &entities).is_empty());
}

#[test]
fn quitting_a_team_the_recognizer_missed() {
    let text = "韩立明因伤退出国青队。";
    let events = find_event_mentions(text, &[person(text, "韩立明")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0].event),
        (TalentAction::Leave, "韩立明", Some("国青队"), None)
    );
    let from: Vec<_> = events[0]
        .arguments
        .iter()
        .filter(|a| a.role == Role::From)
        .collect();
    assert_eq!(from.len(), 1);
    // Activities and arenas are no bodies.
    for text in [
        "韩立明宣布退出比赛。",
        "韩立明退出娱乐圈。",
        "韩立明退出400米决赛。",
    ] {
        assert!(moves(text, &[person(text, "韩立明")]).is_empty(), "{text}");
    }
}

#[test]
fn a_foreign_name_after_a_verb_is_read_without_the_verb() {
    // No recognizer mention at all: the name is read from its transliteration chars.
    let events = find_events("今天我们聊聊罗德里格斯退出国家队。", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "罗德里格斯");
    let events = find_events("俱乐部宣布罗德里格斯离队。", &[], &[], None);
    assert!(
        events.iter().all(|e| talent(e).1 == "罗德里格斯"),
        "{events:?}"
    );
}

#[test]
fn a_known_employer_opening_a_description_is_the_company_left() {
    let text = "青松集团高级管理人员已全部辞职。";
    let events = find_event_mentions(text, &[company(text, "青松集团")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0].event),
        (TalentAction::Leave, "高级管理人员", Some("青松集团"), None)
    );
}

#[test]
fn what_a_resignation_letter_resigns_from_is_no_mover() {
    let text = "远川控股公告，周明远已递交辞任执行董事的辞呈。";
    let entities = [company(text, "远川控股"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], None);
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| talent(e).1 == "周明远"), "{events:?}");
}

#[test]
fn a_club_signing_a_person_named_after_with() {
    let text = "白鹭队宣布与韩立明签约。";
    assert_eq!(
        moves(text, &[person(text, "韩立明")]),
        vec![join("韩立明", "白鹭队")]
    );
    // Two people or two firms signing is no join.
    let text = "李明与王强签约。";
    assert!(moves(text, &[person(text, "李明"), person(text, "王强")]).is_empty());
}

#[test]
fn the_one_in_whose_term_someone_leaves_is_not_the_mover() {
    let text = "他成为在周明远任内离职的第三位副总裁。";
    assert!(moves(text, &[person(text, "周明远")]).is_empty());
}

#[test]
fn the_company_announcing_an_arrival_is_the_one_joined() {
    let text = "月之暗面宣布，张伟已正式入职，出任技术副总裁。";
    let entities = [company(text, "月之暗面"), person(text, "张伟")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Join, "张伟", None, Some("月之暗面"))
    );
    assert!(matches!(
        &events[0].detail,
        EventDetail::TalentMove { role: Some(r), .. } if r == "技术副总裁"
    ));
    // An object after the verb is what is joined, whoever announces.
    let text = "月之暗面宣布，张伟加入了星河实验室。";
    let entities = [
        company(text, "月之暗面"),
        person(text, "张伟"),
        org(text, "星河实验室"),
    ];
    assert_eq!(moves(text, &entities), vec![join("张伟", "星河实验室")]);
}

#[test]
fn a_body_that_has_members_leaving_is_what_they_quit() {
    let events = find_events("白鹭队先后有三名国脚退出。", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "三名国脚", Some("白鹭队"), None)
    );
    let events = find_events("今年白鹭队陆续有多位主力球员的退出。", &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "多位主力球员", Some("白鹭队"), None)
    );
    // Fans are no members who quit.
    assert!(find_events("白鹭队有很多球迷退出。", &[], &[], None).is_empty());
}

#[test]
fn the_person_after_a_passive_relative_clause_was_dismissed() {
    let text = "远川精机公告了新进展，被辞退的前总经理周明远提起诉讼。";
    let entities = [company(text, "远川精机"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "周明远", Some("远川精机"), None)
    );
    // Staff dismissed as a group, with a person in another clause.
    let text = "被辞退的员工都拿到了补偿，周明远表示满意。";
    assert!(moves(text, &[person(text, "周明远")]).is_empty());
}

#[test]
fn a_generic_company_after_an_announcement_is_the_announcer() {
    let text =
        "就在远川科技董事王飚宣布离职后，另一家企业星河家居发布公告称，公司总经理周懿已经辞职。";
    let entities = [
        company(text, "远川科技"),
        person(text, "王飚"),
        company(text, "星河家居"),
        person(text, "周懿"),
    ];
    let found = moves(text, &entities);
    assert!(
        found.contains(&(
            TalentAction::Leave,
            "周懿".to_owned(),
            Some("星河家居".to_owned()),
            None
        )),
        "{found:?}"
    );
    // Without an announcement, two companies leave `公司` unresolved.
    let text = "远川科技收购了星河家居，公司董事周懿辞职。";
    let entities = [
        company(text, "远川科技"),
        company(text, "星河家居"),
        person(text, "周懿"),
    ];
    assert_eq!(
        moves(text, &entities),
        vec![(TalentAction::Leave, "周懿".to_owned(), None, None)]
    );
}

#[test]
fn a_generic_team_joined_is_the_club_announcing() {
    let text = "今日，白鹭队官方宣布，青松队外援卡西拉斯租借加盟球队，租期一年。";
    let entities = [
        org(text, "白鹭队"),
        org(text, "青松队"),
        person(text, "卡西拉斯"),
    ];
    let found = moves(text, &entities);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].1.as_str(), found[0].3.as_deref()),
        ("卡西拉斯", Some("白鹭队"))
    );
    // Without an announcement the team stays unknown.
    let text = "据报道，卡西拉斯加盟球队后表现出色。";
    assert!(moves(text, &[person(text, "卡西拉斯")]).is_empty());
}

#[test]
fn a_clause_with_its_own_subject_borrows_no_earlier_mover() {
    // 西河江 is no name the recognizer knows; the clause is still its own.
    let text = "韩立明去了青松队，西河江重回了白鹭队。";
    let entities = [
        person(text, "韩立明"),
        org(text, "青松队"),
        org(text, "白鹭队"),
    ];
    assert_eq!(moves(text, &entities), vec![join("韩立明", "青松队")]);
    // Adverbs and times before the verb are no subject.
    let text = "张伟离开百度，今年8月加入星河科技。";
    let entities = [
        person(text, "张伟"),
        company(text, "百度"),
        company(text, "星河科技"),
    ];
    assert!(
        moves(text, &entities)
            .iter()
            .any(|m| m.0 == TalentAction::Join && m.3.as_deref() == Some("星河科技")),
        "{:?}",
        moves(text, &entities)
    );
}

#[test]
fn a_club_named_before_another_persons_clause_signs_nobody_after_it() {
    let text = "白鹭队选中了刘一鸣，孙成林去了青松队，签下周大为。";
    let entities = [
        org(text, "白鹭队"),
        person(text, "刘一鸣"),
        person(text, "孙成林"),
        org(text, "青松队"),
        person(text, "周大为"),
    ];
    assert!(
        moves(text, &entities)
            .iter()
            .all(|m| !(m.1 == "周大为" && m.3.as_deref() == Some("白鹭队"))),
        "{:?}",
        moves(text, &entities)
    );
}
