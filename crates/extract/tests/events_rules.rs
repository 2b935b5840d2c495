//! The event rules on hand-made sentences, with entity and amount mentions given by hand as the
//! recognizers' contract says (char offsets, canonical names), so these tests pin down the event
//! rules alone.

use chrono::NaiveDate;
use zhnews_extract::events::{Role, find_event_mentions, find_events};
use zhnews_model::{
    Amount, AmountKind, Decimal, Entity, EntityKind, Event, EventDetail, Modality, TalentAction,
};

mod support;

/// A mention of `written` (its `nth` occurrence) named `name`.
fn ent(text: &str, kind: EntityKind, written: &str, name: &str, nth: usize) -> Entity {
    Entity {
        name: name.into(),
        ..support::mention(text, kind, written, nth)
    }
}

fn person(text: &str, written: &str) -> Entity {
    ent(text, EntityKind::Person, written, written, 0)
}

fn company(text: &str, written: &str) -> Entity {
    ent(text, EntityKind::Company, written, written, 0)
}

fn amount(
    text: &str,
    written: &str,
    kind: AmountKind,
    value: &str,
    currency: Option<&str>,
) -> Amount {
    support::amount_at(text, written, kind, value, currency, None)
}

fn money(text: &str, written: &str, value: &str, currency: &str) -> Amount {
    amount(text, written, AmountKind::Money, value, Some(currency))
}

fn sept_13() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 9, 13)
}

fn talent(e: &Event) -> (TalentAction, &str, Option<&str>, Option<&str>, Option<&str>) {
    match &e.detail {
        EventDetail::TalentMove {
            action,
            person,
            from,
            to,
            role,
        } => (
            *action,
            person.as_str(),
            from.as_deref(),
            to.as_deref(),
            role.as_deref(),
        ),
        other => panic!("not a talent move: {other:?}"),
    }
}

#[test]
fn leave_with_affiliation_role_and_relative_month() {
    let text = "今年8月，北辰数据算法副总裁王小明宣布离职。";
    let events = find_events(
        text,
        &[company(text, "北辰数据"), person(text, "王小明")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Leave,
            "王小明",
            Some("北辰数据"),
            None,
            Some("算法副总裁")
        )
    );
    assert_eq!(events[0].date.as_deref(), Some("2024-08"));
    assert_eq!(events[0].modality, Modality::Asserted);
    assert_eq!(events[0].sentence, text);
    let (ts, te) = events[0].trigger.unwrap();
    assert_eq!(
        text.chars().skip(ts).take(te - ts).collect::<String>(),
        "离职"
    );
}

#[test]
fn join_uses_canonical_names_and_the_role_at_the_new_company() {
    let text = "星河智能联合创始人李华已加入字节，担任首席技术官。";
    let entities = [
        company(text, "星河智能"),
        person(text, "李华"),
        ent(text, EntityKind::Company, "字节", "字节跳动", 0),
    ];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Join,
            "李华",
            Some("星河智能"),
            Some("字节跳动"),
            Some("首席技术官")
        )
    );
    assert_eq!(events[0].date, None);
}

#[test]
fn a_year_governs_only_the_first_of_two_moves_and_the_join_borrows_its_source() {
    let text = "2023年初，赵敏离开北辰数据后，曾宣称要创业，后加入蓝海智能。";
    let entities = [
        person(text, "赵敏"),
        company(text, "北辰数据"),
        company(text, "蓝海智能"),
    ];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "赵敏", Some("北辰数据"), None, None)
    );
    assert_eq!(events[0].date.as_deref(), Some("2023"));
    assert_eq!(
        talent(&events[1]),
        (
            TalentAction::Join,
            "赵敏",
            Some("北辰数据"),
            Some("蓝海智能"),
            None
        )
    );
    assert_eq!(events[1].date, None);
}

#[test]
fn pronoun_and_generic_company_resolve_to_the_only_candidates() {
    let text = "青禾科技首席科学家陈立发出内部信。他将于下月离开公司。";
    let entities = [company(text, "青禾科技"), person(text, "陈立")];
    let mentions = find_event_mentions(text, &entities, &[], sept_13());
    assert_eq!(mentions.len(), 1, "{mentions:?}");
    let event = &mentions[0].event;
    assert_eq!(
        talent(event),
        (TalentAction::Leave, "陈立", Some("青禾科技"), None, None)
    );
    assert_eq!(event.modality, Modality::Planned);
    assert_eq!(event.date.as_deref(), Some("2024-10"));
    assert_eq!(event.sentence, "他将于下月离开公司。");
    // The argument spans point at the pronoun and the generic noun the names were resolved from.
    let span = |role| {
        mentions[0]
            .arguments
            .iter()
            .find(|a| a.role == role)
            .map(|a| (a.start, a.end))
    };
    assert_eq!(span(Role::Person), Some(support::char_span(text, "他", 0)));
    assert_eq!(span(Role::From), Some(support::char_span(text, "公司", 0)));
}

#[test]
fn ambiguous_pronouns_stay_unresolved() {
    let text = "王强和刘洋见了面。他随后离开公司。";
    let entities = [person(text, "王强"), person(text, "刘洋")];
    assert!(find_events(text, &entities, &[], sept_13()).is_empty());
}

#[test]
fn funding_with_round_amount_and_investors() {
    let text = "智元动力宣布已于近日完成5亿元B轮融资，由红杉中国领投，高瓴资本、启明创投跟投。";
    let entities = [
        company(text, "智元动力"),
        company(text, "红杉中国"),
        company(text, "高瓴资本"),
        company(text, "启明创投"),
    ];
    let amounts = [money(text, "5亿元", "500000000", "CNY")];
    let events = find_events(text, &entities, &amounts, sept_13());
    assert_eq!(events.len(), 1, "{events:?}");
    match &events[0].detail {
        EventDetail::Funding {
            company,
            round,
            amount,
            investors,
            lead_investors,
        } => {
            assert_eq!(company, "智元动力");
            assert_eq!(round.as_deref(), Some("B"));
            assert_eq!(
                amount.as_ref().unwrap().value,
                Decimal::from_int(500_000_000)
            );
            assert_eq!(lead_investors, &["红杉中国"]);
            assert_eq!(investors, &["红杉中国", "高瓴资本", "启明创投"]);
        }
        other => panic!("{other:?}"),
    }
    // `近日` is cited but cannot be dated.
    assert_eq!(events[0].date, None);
}

#[test]
fn several_rounds_in_one_sentence_share_the_elided_company() {
    let text = "光年科技在第一轮融资中获得了2亿美元，第二轮融资中获得了10亿美元，使其总融资额超过了80亿元。";
    let amounts = [
        money(text, "2亿美元", "200000000", "USD"),
        money(text, "10亿美元", "1000000000", "USD"),
        money(text, "80亿元", "8000000000", "CNY"),
    ];
    let events = find_events(text, &[company(text, "光年科技")], &amounts, sept_13());
    let rounds: Vec<(Option<String>, String)> = events
        .iter()
        .map(|e| match &e.detail {
            EventDetail::Funding {
                company,
                round,
                amount,
                ..
            } => {
                assert_eq!(company, "光年科技");
                (round.clone(), amount.as_ref().unwrap().text.clone())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        rounds,
        vec![
            (Some("第1轮".into()), "2亿美元".into()),
            (Some("第2轮".into()), "10亿美元".into())
        ]
    );
}

#[test]
fn valuation_reported_by_media() {
    let text = "据媒体报道，光年科技最新估值达到30亿美元。";
    let amounts = [money(text, "30亿美元", "3000000000", "USD")];
    let events = find_events(text, &[company(text, "光年科技")], &amounts, sept_13());
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Valuation { company, amount: Some(a) } if company == "光年科技" && a.text == "30亿美元")
    );
    assert_eq!(events[0].modality, Modality::Reported);
}

#[test]
fn acquisitions_active_and_passive() {
    let text = "蓝鲸集团宣布以12亿元收购白帆软件。";
    let events = find_events(
        text,
        &[company(text, "蓝鲸集团"), company(text, "白帆软件")],
        &[money(text, "12亿元", "1200000000", "CNY")],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Acquisition { acquirer: Some(a), target: Some(t), amount: Some(m), .. }
        if a == "蓝鲸集团" && t == "白帆软件" && m.text == "12亿元")
    );

    let text = "白帆软件去年被蓝鲸集团收购。";
    let events = find_events(
        text,
        &[company(text, "白帆软件"), company(text, "蓝鲸集团")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Acquisition { acquirer: Some(a), target: Some(t), amount: None, .. }
        if a == "蓝鲸集团" && t == "白帆软件")
    );
    assert_eq!(events[0].date.as_deref(), Some("2023"));
}

#[test]
fn ipo_with_exchange_and_proceeds_and_a_planned_one() {
    let text = "云图智能今日在港交所上市，募资20亿港元。";
    let events = find_events(
        text,
        &[company(text, "云图智能")],
        &[money(text, "20亿港元", "2000000000", "HKD")],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Ipo { company, exchange: Some(x), amount: Some(m) }
        if company == "云图智能" && x == "港交所" && m.text == "20亿港元")
    );
    assert_eq!(events[0].date.as_deref(), Some("2024-09-13"));

    let text = "蓝鲸集团计划明年在科创板上市。";
    let events = find_events(text, &[company(text, "蓝鲸集团")], &[], sept_13());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].modality, Modality::Planned);
    assert_eq!(events[0].date.as_deref(), Some("2025"));
}

#[test]
fn layoff_with_count_and_share() {
    let text = "据知情人士透露，远航出行近日裁员300人，占员工总数的15%。";
    let mut count = amount(text, "300人", AmountKind::Count, "300", None);
    count.unit = Some("人".into());
    let share = amount(text, "15%", AmountKind::Percent, "15", None);
    let events = find_events(
        text,
        &[company(text, "远航出行")],
        &[count, share],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Layoff { company, count: Some(c), share: None } if company == "远航出行" && c.text == "300人")
    );
    assert_eq!(events[0].modality, Modality::Reported);
}

#[test]
fn spending_by_a_company_and_through_its_product() {
    let text = "森林科技今年上半年在广告投放上花费了8000万元。";
    let events = find_events(
        text,
        &[company(text, "森林科技")],
        &[money(text, "8000万元", "80000000", "CNY")],
        sept_13(),
    );
    assert_eq!(events.len(), 1, "one fact, though two triggers: {events:?}");
    assert!(
        matches!(&events[0].detail, EventDetail::Spend { company, purpose: Some(p), amount: Some(_) } if company == "森林科技" && p == "广告")
    );
    assert_eq!(events[0].date.as_deref(), Some("2024"));

    let text = "从3月到8月，小鹿助手的广告投入已接近9000万元。";
    let mut product = ent(text, EntityKind::Product, "小鹿助手", "小鹿助手", 0);
    product.owner = Some("鹿鸣科技".into());
    let events = find_events(
        text,
        &[product],
        &[money(text, "9000万元", "90000000", "CNY")],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Spend { company, .. } if company == "鹿鸣科技")
    );
}

#[test]
fn denied_and_rumored_moves() {
    let text = "蓝海智能否认了CEO赵敏离职的传闻。";
    let events = find_events(
        text,
        &[company(text, "蓝海智能"), person(text, "赵敏")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].modality, Modality::Denied);
    assert_eq!(talent(&events[0]).4, None, "a clause is not a role");

    let text = "坊间传闻王强将加入星海科技。";
    let events = find_events(
        text,
        &[person(text, "王强"), company(text, "星海科技")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Join, "王强", None, Some("星海科技"), None)
    );
    assert_eq!(events[0].modality, Modality::Rumored);
}

#[test]
fn dismissals_appointments_and_coordinated_people() {
    let text = "星海科技解雇了副总裁刘强。";
    let events = find_events(
        text,
        &[company(text, "星海科技"), person(text, "刘强")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "刘强", Some("星海科技"), None, None)
    );

    let text = "董明被任命为青禾科技首席执行官。";
    let events = find_events(
        text,
        &[person(text, "董明"), company(text, "青禾科技")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Appoint,
            "董明",
            None,
            Some("青禾科技"),
            Some("首席执行官")
        )
    );

    let text = "华光股份董事张三及李四因个人原因辞任。";
    let entities = [
        company(text, "华光股份"),
        person(text, "张三"),
        person(text, "李四"),
    ];
    let people: Vec<String> = find_events(text, &entities, &[], sept_13())
        .iter()
        .map(|e| talent(e).1.to_owned())
        .collect();
    assert_eq!(people, ["张三", "李四"]);
}

#[test]
fn no_event_without_the_arguments_that_make_it_one() {
    let cases: &[(&str, Vec<Entity>)] = &[
        ("他离开北京后去了上海。", vec![]),
        ("该公司的融资渠道有限。", vec![]),
        ("多家上市公司发布了财报。", vec![]),
        ("不少创业企业获得了巨额融资。", vec![]),
        ("王强曾担任星海科技副总裁。", vec![]),
    ];
    for (text, entities) in cases {
        assert!(
            find_events(text, entities, &[], sept_13()).is_empty(),
            "{text}"
        );
    }
    let text = "青禾手机将于9月上市。";
    let phone = ent(text, EntityKind::Product, "青禾手机", "青禾手机", 0);
    assert!(find_events(text, &[phone], &[], sept_13()).is_empty());
    let text = "王强曾担任星海科技副总裁。";
    assert!(
        find_events(
            text,
            &[person(text, "王强"), company(text, "星海科技")],
            &[],
            sept_13()
        )
        .is_empty()
    );
}

#[test]
fn mentions_outside_the_text_are_ignored() {
    // No name stands before the trigger, so only the bogus mention could give the event a person.
    let text = "大批员工离职。";
    let bogus = Entity {
        kind: EntityKind::Person,
        text: "赵敏".into(),
        start: 40,
        end: 42,
        name: "赵敏".into(),
        owner: None,
    };
    assert!(find_events(text, &[bogus], &[], None).is_empty());
    assert!(find_events("", &[], &[], None).is_empty());
}

#[test]
fn an_organisation_announcing_an_arrival_is_the_one_joined() {
    let text = "星海科技昨日官宣王强加盟，出任首席财务官。";
    let events = find_events(
        text,
        &[company(text, "星海科技"), person(text, "王强")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Join,
            "王强",
            None,
            Some("星海科技"),
            Some("首席财务官")
        )
    );
    assert_eq!(events[0].date.as_deref(), Some("2024-09-12"));
}

#[test]
fn datelines_and_possessors_do_not_make_arguments() {
    // The dateline dates the report, not the resignation.
    let text = "9月10日消息，北辰数据财务负责人王小明辞职。";
    let events = find_events(
        text,
        &[company(text, "北辰数据"), person(text, "王小明")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].date, None);
    // `在他的要求下辞职`: 他 asked; he is not the one who resigned.
    let text = "董事长赵敏表示。顾问已在他的要求下辞职。";
    assert!(find_events(text, &[person(text, "赵敏")], &[], sept_13()).is_empty());
    // A clause with a subject of its own does not borrow the previous clause's company.
    let text = "远航出行业绩承压，员工担心未来有被裁掉的风险。";
    assert!(find_events(text, &[company(text, "远航出行")], &[], sept_13()).is_empty());
}

#[test]
fn a_latin_name_ending_in_a_round_letter_is_not_a_round() {
    let text = "AMD融资10亿美元。";
    let entities = [ent(text, EntityKind::Company, "AMD", "AMD", 0)];
    let events = find_events(
        text,
        &entities,
        &[money(text, "10亿美元", "1000000000", "USD")],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(matches!(
        &events[0].detail,
        EventDetail::Funding { round: None, .. }
    ));
}

#[test]
fn sales_and_dismissals_in_the_passive() {
    let text = "青禾科技将旗下白帆软件出售给蓝鲸集团。";
    let entities = [
        company(text, "青禾科技"),
        company(text, "白帆软件"),
        company(text, "蓝鲸集团"),
    ];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        matches!(&events[0].detail, EventDetail::Acquisition { acquirer: Some(a), target: Some(t), .. }
        if a == "蓝鲸集团" && t == "白帆软件")
    );

    let text = "刘强上周被星海科技解雇。";
    let events = find_events(
        text,
        &[person(text, "刘强"), company(text, "星海科技")],
        &[],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "刘强", Some("星海科技"), None, None)
    );
}

#[test]
fn a_former_affiliation_is_where_a_joiner_came_from() {
    let text = "原青禾科技高管王海宣布加入蓝鲸集团。";
    let entities = [
        company(text, "青禾科技"),
        person(text, "王海"),
        company(text, "蓝鲸集团"),
    ];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events.len(), 1);
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Join,
            "王海",
            Some("青禾科技"),
            Some("蓝鲸集团"),
            None
        )
    );
}

#[test]
fn amounts_in_a_later_clause_and_exchanges_named_as_organisations() {
    let text = "智元动力已完成新一轮融资，由红杉中国领投，金额达10亿元。";
    let entities = [company(text, "智元动力"), company(text, "红杉中国")];
    let events = find_events(
        text,
        &entities,
        &[money(text, "10亿元", "1000000000", "CNY")],
        sept_13(),
    );
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&events[0].detail, EventDetail::Funding { amount: Some(a), lead_investors, .. }
        if a.text == "10亿元" && lead_investors == &["红杉中国"])
    );

    // The exchange recognized as an organisation does not hide the listing company; the proceeds
    // (`募资`) belong to the listing, not to a separate funding.
    let text = "云图智能计划于下月在港交所上市，拟募资60亿港元。";
    let entities = [
        company(text, "云图智能"),
        ent(text, EntityKind::Org, "港交所", "香港交易所", 0),
    ];
    let events = find_events(
        text,
        &entities,
        &[money(text, "60亿港元", "6000000000", "HKD")],
        sept_13(),
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        matches!(&events[0].detail, EventDetail::Ipo { company, exchange: Some(x), amount: Some(_) }
        if company == "云图智能" && x == "港交所")
    );
    assert_eq!(events[0].modality, Modality::Planned);
    assert_eq!(events[0].date.as_deref(), Some("2024-10"));
}

#[test]
fn listings_and_investments_need_their_context() {
    let none = |text: &str, entities: &[Entity]| {
        let events = find_events(text, entities, &[], sept_13());
        assert!(events.is_empty(), "{text}: {events:?}");
    };
    // `上市` as a noun or a product launch, `投资管理` as a compound noun.
    let text = "蓝鲸集团上市办公室主任王强表示。";
    none(text, &[company(text, "蓝鲸集团"), person(text, "王强")]);
    let text = "热烈祝贺蓝鲸集团上市！";
    none(text, &[company(text, "蓝鲸集团")]);
    let text = "蓝鲸集团获得境外证券投资管理业务资格。";
    none(text, &[company(text, "蓝鲸集团")]);
    // Headlines separated by blanks are separate clauses: the second has its own subject.
    let text = "蓝鲸集团资格获批\u{a0}\u{a0}多家公司表示今年投资谨慎";
    none(text, &[company(text, "蓝鲸集团")]);
    // A dismissal with no organisation, a sale with neither buyer nor price.
    let text = "议员提案罢免刘强。";
    none(text, &[person(text, "刘强")]);
    let text = "资产已通过股权转让等方式进入白帆软件。";
    none(text, &[company(text, "白帆软件")]);
    // With its context a listing is found.
    let text = "蓝鲸集团昨日成功上市。";
    let events = find_events(text, &[company(text, "蓝鲸集团")], &[], sept_13());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].date.as_deref(), Some("2024-09-12"));
}

#[test]
fn a_past_role_told_as_background_is_no_appointment() {
    let published = NaiveDate::from_ymd_opt(2025, 10, 15);
    for text in [
        "创始人兼CEO周明远此前曾在百度担任自然语言处理部门负责人。",
        "许晓峰此前担任长城汽车副总裁，拥有二十年行业经验。",
        "王立早年历任华为终端多个管理岗位。",
    ] {
        let mut entities = Vec::new();
        for name in ["周明远", "许晓峰", "王立"] {
            if text.contains(name) {
                entities.push(person(text, name));
            }
        }
        for name in ["百度", "长城汽车", "华为"] {
            if text.contains(name) {
                entities.push(company(text, name));
            }
        }
        let events = find_events(text, &entities, &[], published);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // The same words without the background marker are news.
    let text = "许晓峰出任长城汽车副总裁。";
    let entities = vec![person(text, "许晓峰"), company(text, "长城汽车")];
    let events = find_events(text, &entities, &[], published);
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn a_title_chain_before_a_name_is_not_read_as_an_employer() {
    let text = "联合创始人兼CTO赵一鸣宣布离职。";
    let entities = vec![person(text, "赵一鸣")];
    for event in find_events(text, &entities, &[], None) {
        if let EventDetail::TalentMove { from, to, .. } = &event.detail {
            for company in [from, to].into_iter().flatten() {
                assert!(
                    !company.contains('兼') && !company.contains("创始人"),
                    "{event:?}"
                );
            }
        }
    }
}

#[test]
fn an_unknown_company_raising_money_is_read_from_the_clause_subject() {
    let text = "据悉，蓝海智算近日完成3亿元Pre-A轮融资，本轮融资由青松资本领投。";
    let amounts = vec![amount(
        text,
        "3亿元",
        AmountKind::Money,
        "300000000",
        Some("CNY"),
    )];
    let entities = vec![company(text, "青松资本")];
    let events = find_events(text, &entities, &amounts, None);
    assert_eq!(
        events.len(),
        1,
        "one round however often 融资 is written: {events:?}"
    );
    match &events[0].detail {
        EventDetail::Funding {
            company,
            round,
            amount,
            lead_investors,
            ..
        } => {
            assert_eq!(company, "蓝海智算");
            assert_eq!(round.as_deref(), Some("Pre-A"));
            assert_eq!(amount.as_ref().map(|a| a.text.as_str()), Some("3亿元"));
            assert_eq!(lead_investors, &vec!["青松资本".to_owned()]);
        }
        other => panic!("{other:?}"),
    }
    // A round word before the verb is no company.
    let text = "第二轮融资中获得了10亿元。";
    let amounts = vec![amount(
        text,
        "10亿元",
        AmountKind::Money,
        "1000000000",
        Some("CNY"),
    )];
    assert!(find_events(text, &[], &amounts, None).is_empty());
}

/// The text of each argument of role `role` in the mentions of `text`.
fn spans_of(text: &str, entities: &[Entity], amounts: &[Amount], role: Role) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    find_event_mentions(text, entities, amounts, None)
        .iter()
        .flat_map(|m| m.arguments.iter().filter(|a| a.role == role))
        .map(|a| chars[a.start..a.end].iter().collect())
        .collect()
}

#[test]
fn argument_spans_cover_the_title_phrase_and_the_stock_code() {
    let text = "云杉电气副总经理兼董事会秘书周明远辞职。";
    let entities = [company(text, "云杉电气"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], None);
    // The event keeps the bare name; the cited span is the whole phrase.
    assert_eq!(talent(&events[0]).1, "周明远");
    assert_eq!(talent(&events[0]).2, Some("云杉电气"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["云杉电气副总经理兼董事会秘书周明远"]
    );
    let text =
        "近日青岚医药（830123）发公告称，董事会于2024年5月10日收到财务负责人李文涛递交的辞职报告。";
    let entities = [company(text, "青岚医药"), person(text, "李文涛")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    // The company announcing the departure is the one left.
    assert_eq!(talent(&events[0]).2, Some("青岚医药"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::From),
        vec!["青岚医药（830123）"]
    );
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["财务负责人李文涛"]
    );
    assert_eq!(
        spans_of(text, &entities, &[], Role::Date),
        vec!["2024年5月10日"]
    );
}

#[test]
fn a_title_may_stand_for_the_person_who_leaves() {
    let text = "北岭银行前行长辞职百日，新行长尚未到任。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "前行长", Some("北岭银行"), None, None)
    );
    assert_eq!(
        spans_of(text, &[], &[], Role::Person),
        vec!["北岭银行前行长"]
    );
    let text = "东川证券一月内两高管辞职。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(talent(&events[0]).1, "两高管");
    assert_eq!(talent(&events[0]).2, Some("东川证券"));
    // One unnamed holder is a count of departures, not a person.
    let text = "又一高管离职。";
    assert!(find_events(text, &[], &[], None).is_empty());
}

#[test]
fn employer_before_a_title_is_read_when_the_recognizer_missed_it() {
    let text = "嘉禾悦科技独立董事陈明远辞职 不再担任公司任何职务";
    let events = find_events(text, &[person(text, "陈明远")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).2, Some("嘉禾悦科技"));
    let text = "黄某突然从南影辞职。";
    let events = find_events(text, &[person(text, "黄某")], &[], None);
    assert_eq!(talent(&events[0]).2, Some("南影"));
    // A post is no organisation.
    let text = "他从岗位上辞职。";
    assert!(
        find_events(text, &[], &[], None)
            .iter()
            .all(|e| talent(e).2.is_none())
    );
}

#[test]
fn clubs_signing_and_announcing_players() {
    let text = "据报道，斯图加特签下阿米里，转会费1100万。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Join, "阿米里", None, Some("斯图加特"), None)
    );
    let text = "星河队官方宣布前锋张小龙正式加盟。";
    let entities = [person(text, "张小龙")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(talent(&events[0]).3, Some("星河队"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["前锋张小龙"]
    );
    let text = "白鹭队裁掉后卫张小龙。";
    let events = find_events(text, &[person(text, "张小龙")], &[], None);
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "张小龙", Some("白鹭队"), None, None)
    );
    // Someone let go, told in the passive without the person, is no job cut.
    let text = "他很快就被白鹭队裁掉了。";
    assert!(
        find_events(text, &[], &[], None)
            .iter()
            .all(|e| !matches!(e.detail, EventDetail::Layoff { .. }))
    );
}

#[test]
fn funding_subjects_and_investors_the_recognizer_missed() {
    let text = "据悉，禾光少儿编程已于去年年底完成千万级Pre-A轮融资，本轮融资由紫岭资本领投，华川资本和青芒创投跟投。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    match &events[0].detail {
        EventDetail::Funding {
            company,
            round,
            investors,
            lead_investors,
            ..
        } => {
            assert_eq!(company, "禾光少儿编程");
            assert_eq!(round.as_deref(), Some("Pre-A"));
            assert_eq!(lead_investors, &vec!["紫岭资本".to_owned()]);
            for name in ["华川资本", "青芒创投"] {
                assert!(investors.contains(&name.to_owned()), "{investors:?}");
            }
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn deal_subjects_never_take_a_sum() {
    let text = "远山集团24.45亿元竞得星河科技。";
    let amounts = [money(text, "24.45亿元", "2445000000", "CNY")];
    let events = find_events(text, &[], &amounts, None);
    assert_eq!(events.len(), 1, "{events:?}");
    match &events[0].detail {
        EventDetail::Acquisition {
            acquirer, target, ..
        } => {
            assert_eq!(acquirer.as_deref(), Some("远山集团"));
            assert_eq!(target.as_deref(), Some("星河科技"));
        }
        other => panic!("{other:?}"),
    }
    let text = "远山建设：12.3亿元竞得江苏一宗地块";
    let amounts = [money(text, "12.3亿元", "1230000000", "CNY")];
    let events = find_events(text, &[], &amounts, None);
    assert!(matches!(
        &events[0].detail,
        EventDetail::Acquisition { acquirer: Some(a), .. } if a == "远山建设"
    ));
    let text = "星河资本宣布完成对远山医疗的收购。";
    let events = find_events(text, &[], &[], None);
    assert!(matches!(
        &events[0].detail,
        EventDetail::Acquisition { target: Some(t), .. } if t == "远山医疗"
    ));
    let text = "远山医疗在科创板上市。";
    let events = find_events(text, &[], &[], None);
    assert!(matches!(
        &events[0].detail,
        EventDetail::Ipo { company, exchange: Some(x), .. } if company == "远山医疗" && x == "科创板"
    ));
}

#[test]
fn the_time_of_another_predicate_does_not_date_the_event() {
    // The day dates the announcement in its own clause, not the resignation.
    let text = "远山科技董事长10日表示，副总裁周明远已经辞职。";
    let entities = [company(text, "远山科技"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].date, None);
    // A time standing alone at the head of the sentence dates it.
    let text = "6月27日，远山科技副总裁周明远辞职。";
    let entities = [company(text, "远山科技"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events[0].date.as_deref(), Some("2024-06-27"));
    assert_eq!(spans_of(text, &entities, &[], Role::Date), vec!["6月27日"]);
    // The part of the day is part of the time as written.
    let text = "远山科技5月23日晚宣布辞退副总裁周明远。";
    let entities = [company(text, "远山科技"), person(text, "周明远")];
    assert_eq!(
        spans_of(text, &entities, &[], Role::Date),
        vec!["5月23日晚"]
    );
}

#[test]
fn a_later_sentence_repeating_a_move_adds_no_event() {
    let text = "远山科技公告，周明远辞去董事职务。周明远辞职后不再担任公司任何职务。";
    let entities = [company(text, "远山科技"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).2, Some("远山科技"));
}

#[test]
fn headcounts_keep_what_they_count() {
    let text = "远山汽车宣布在华裁员约900人。";
    let amounts = [Amount {
        unit: Some("人".into()),
        ..amount(text, "约900", AmountKind::Count, "900", None)
    }];
    let entities = [company(text, "远山汽车")];
    assert_eq!(
        spans_of(text, &entities, &amounts, Role::Count),
        vec!["约900人"]
    );
}

#[test]
fn dismissals_told_with_将_and_与_and_joins_announced_by_the_club() {
    let text = "白鹭队已将前锋马尔蒂尼裁掉。";
    let events = find_events(text, &[person(text, "马尔蒂尼")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "马尔蒂尼", Some("白鹭队"), None, None)
    );
    let text = "就在今天，英冠俱乐部白鹭城宣布与葡萄牙籍球员卡马尔解约。";
    let entities = [person(text, "卡马尔")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(talent(&events[0]).2, Some("英冠俱乐部白鹭城"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["葡萄牙籍球员卡马尔"]
    );
    // Two firms ending a contract is no dismissal.
    let text = "远山科技与星河物流解约。";
    assert!(find_events(text, &[], &[], None).is_empty());
    let text = "白鹭队在今夏重磅找来了马尔蒂尼加盟。";
    let events = find_events(text, &[person(text, "马尔蒂尼")], &[], None);
    assert_eq!(talent(&events[0]).3, Some("白鹭队"));
    // What a player becomes is no club; the club announced it before the colon.
    let text = "星河战队官宣：Reignwolf加盟转型教练";
    let events = find_events(text, &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).3, Some("星河战队"));
    // Joining the board is joining the company announcing it.
    let text = "远丰集团(00806)公布，该集团高级投资董事何民达再次加入董事会出任执行董事。";
    let entities = [company(text, "远丰集团"), person(text, "何民达")];
    let events = find_events(text, &entities, &[], None);
    assert!(
        events
            .iter()
            .any(|e| talent(e).0 == TalentAction::Join && talent(e).3 == Some("远丰集团")),
        "{events:?}"
    );
    // A pronoun cites no phrase before it.
    let text = "此前他与白鹭队签下了一份合同。";
    assert!(
        spans_of(text, &[], &[], Role::Person)
            .iter()
            .all(|p| !p.contains('前'))
    );
}

#[test]
fn headline_topics_stock_codes_and_title_chains_name_the_company_left() {
    let text = "怡星资源：黄某某辞任董事长 副董事长林某接棒";
    let events = find_events(text, &[person(text, "黄某某")], &[], None);
    assert_eq!(talent(&events[0]).2, Some("怡星资源"));
    // A time or a media name before the colon is no company.
    let text = "直播事件后：歌手张小龙退出！经纪人道歉";
    let events = find_events(text, &[person(text, "张小龙")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).2, None);
    // `退出` with nothing after it in its clause still tells of a move; `退出比赛` does not.
    let text = "张小龙宣布退出比赛。";
    assert!(find_events(text, &[person(text, "张小龙")], &[], None).is_empty());
    let text = "冯某某辞任大昌顺集团(01828)执董及财务总裁职务。";
    let entities = [person(text, "冯某某")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(talent(&events[0]).2, Some("大昌顺集团"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::From),
        vec!["大昌顺集团(01828)"]
    );
    let text = "渝川燃气副总经理及财务总监吴某某辞职。";
    let events = find_events(text, &[person(text, "吴某某")], &[], None);
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Leave,
            "吴某某",
            Some("渝川燃气"),
            None,
            Some("副总经理及财务总监")
        )
    );
}

#[test]
fn ages_aliases_and_latin_names_in_the_cited_phrase() {
    let text = "官方：27岁柴明远加盟星河队，签约4年";
    let entities = [person(text, "柴明远")];
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["27岁柴明远"]
    );
    let text = "白鹭队在今夏重磅找来了巴特勒(Jimmy Butler)加盟。";
    let entities = [person(text, "Jimmy Butler")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(talent(&events[0]).3, Some("白鹭队"));
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["巴特勒(Jimmy Butler)"]
    );
    // One Latin word after 离开 is the platform left.
    let text = "知名主播Shroud离开Twitch。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "Shroud", Some("Twitch"), None, None)
    );
}

#[test]
fn deal_parties_named_with_a_modifier_or_after_a_description() {
    let text = "低碳水健康管理品牌青禾生活完成1000万元首轮融资，投资方为众岭投资。";
    let amounts = [money(text, "1000万元", "10000000", "CNY")];
    let events = find_events(text, &[company(text, "众岭投资")], &amounts, None);
    assert!(
        matches!(&events[0].detail, EventDetail::Funding { company, investors, .. }
            if company == "青禾生活" && investors == &vec!["众岭投资".to_owned()]),
        "{events:?}"
    );
    // After 由, a 和 opens the investor's name rather than joining two.
    let text = "树果互联已完成5亿元B轮融资，由和峰资本领投。";
    let events = find_events(text, &[], &[], None);
    assert!(
        matches!(&events[0].detail, EventDetail::Funding { lead_investors, .. }
            if lead_investors == &vec!["和峰资本".to_owned()]),
        "{events:?}"
    );
}

#[test]
fn coordinated_movers_cite_the_whole_phrase_and_tickers_are_no_topics() {
    let text = "远丰投资(00767.HK)公告，胡某明及邝某仪因私人原因已递交辞呈。";
    let entities = [
        company(text, "远丰投资"),
        person(text, "胡某明"),
        person(text, "邝某仪"),
    ];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events.iter().all(|e| talent(e).2 == Some("远丰投资")));
    assert_eq!(
        spans_of(text, &entities, &[], Role::Person),
        vec!["胡某明及邝某仪", "胡某明及邝某仪"]
    );
    // A ticker after the name is no headline colon.
    let text = "又一位高管离职，星图二手车（Nasdaq:XTUC）日前公告称，首席市场官王某某辞职。";
    let entities = [
        ent(text, EntityKind::Org, "Nasdaq", "Nasdaq", 0),
        person(text, "王某某"),
    ];
    let events = find_events(text, &entities, &[], None);
    assert!(
        events.iter().all(|e| talent(e).2 != Some("Nasdaq")),
        "{events:?}"
    );
    // People named by their post are the subject of their own clause.
    let text = "星图董事会仅剩CEO余某某一人，12名董事纷纷退出。";
    let events = find_events(text, &[person(text, "余某某")], &[], None);
    assert!(events.iter().all(|e| talent(e).1 != "余某某"), "{events:?}");
}

#[test]
fn players_named_by_role_and_objects_ending_with_their_group() {
    let text = "糟糕！白鹭悍将因伤退出国家队，另有8人入选。";
    let events = find_events(text, &[company(text, "白鹭")], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).2, Some("国家队"));
    assert_eq!(
        spans_of(text, &[company(text, "白鹭")], &[], Role::Person),
        vec!["白鹭悍将"]
    );
    // A role alone is nobody in particular.
    let text = "悍将退出国家队。";
    assert!(find_events(text, &[], &[], None).is_empty());
    let text = "罗兰斯突然宣布退出霍华小队只为了转型。";
    let events = find_events(text, &[person(text, "罗兰斯")], &[], None);
    assert_eq!(talent(&events[0]).2, Some("霍华小队"));
}

#[test]
fn a_dismissed_person_after_a_long_title_phrase() {
    let text = "5月23日晚，远川集团发内部邮件，宣布辞退远川非洲地区负责人、公司副总裁汪明达。";
    let entities = [company(text, "远川集团"), person(text, "汪明达")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (TalentAction::Leave, "汪明达", Some("远川集团"), None, None)
    );
    // A person in another clause after the verb is not the one dismissed.
    let text = "远川集团宣布辞退多名员工，汪明达表示理解。";
    let entities = [company(text, "远川集团"), person(text, "汪明达")];
    assert!(find_events(text, &entities, &[], None).is_empty());
}

#[test]
fn a_report_between_the_time_and_the_event_dates_the_report() {
    let text = "8月26日晚间，远川置业发布关于董事长周明远辞职的公告。";
    let entities = [company(text, "远川置业"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], sept_13());
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.date.is_none()), "{events:?}");
    let text = "8月26日晚间，远川置业董事长周明远辞职。";
    let entities = [company(text, "远川置业"), person(text, "周明远")];
    let events = find_events(text, &entities, &[], sept_13());
    assert_eq!(events[0].date.as_deref(), Some("2024-08-26"));
}

#[test]
fn a_bought_business_is_cited_whole_and_a_stake_is_not() {
    let text = "远川科技宣布10亿美元收购星图公司手机调制解调器业务。";
    let entities = [company(text, "远川科技"), company(text, "星图公司")];
    let amounts = [money(text, "10亿美元", "1000000000", "USD")];
    assert_eq!(
        spans_of(text, &entities, &amounts, Role::Stake),
        vec!["星图公司手机调制解调器业务"]
    );
    let text = "远川科技以8亿元收购星图公司100%股权。";
    let entities = [company(text, "远川科技"), company(text, "星图公司")];
    let amounts = [money(text, "8亿元", "800000000", "CNY")];
    assert_eq!(
        spans_of(text, &entities, &amounts, Role::Target),
        vec!["星图公司"]
    );
}

#[test]
fn the_person_signed_ends_the_phrase_after_the_verb() {
    let text = "北京时间2024年8月27日，星河篮球俱乐部正式签约美籍华裔球员林远航。";
    // A recognizer may take a descriptor for a name; the name ending the phrase is the one signed.
    let entities = [
        company(text, "星河篮球俱乐部"),
        person(text, "华裔"),
        person(text, "林远航"),
    ];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "林远航");
}

#[test]
fn reasons_and_misread_employers_around_a_departure() {
    // A reason between the title and the verb.
    let text = "日本东岭电力董事长因高管受贿丑闻辞职。";
    let events = find_events(text, &[], &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(talent(&events[0]).1, "董事长");
    assert_eq!(
        spans_of(text, &[], &[], Role::Person),
        vec!["日本东岭电力董事长"]
    );
    // A club the recognizer took for a person, before the coach's title.
    let text = "官方：费尔南多主帅斯塔克辞职";
    let entities = [person(text, "费尔南多"), person(text, "斯塔克")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        talent(&events[0]),
        (
            TalentAction::Leave,
            "斯塔克",
            Some("费尔南多"),
            None,
            Some("主帅")
        )
    );
}
