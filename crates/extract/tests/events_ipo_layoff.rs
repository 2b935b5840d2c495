//! Listings and job cuts on hand-made sentences, with the mentions given by hand: which company
//! lists (across a bracketed short name and code, past dates and exchanges, not the one it followed)
//! and which company cuts how many, each with a near miss.

use zhnews_extract::events::{Role, find_event_mentions, find_events};
use zhnews_model::{Amount, AmountKind, Entity, EntityKind, Event, EventDetail};

mod support;

fn entity(text: &str, kind: EntityKind, written: &str, nth_after: usize) -> Entity {
    let (mut start, mut end) = support::char_span(text, written, 0);
    if nth_after > 0 {
        // The mention after char `nth_after` (a name written twice).
        let byte = text.char_indices().nth(nth_after).map(|(b, _)| b).unwrap();
        let rel = text[byte..].find(written).unwrap();
        start = text[..byte + rel].chars().count();
        end = start + written.chars().count();
    }
    Entity {
        start,
        end,
        ..support::mention(text, kind, written, 0)
    }
}

fn company(text: &str, written: &str) -> Entity {
    entity(text, EntityKind::Company, written, 0)
}

fn count(text: &str, written: &str, value: &str) -> Amount {
    support::amount_at(text, written, AmountKind::Count, value, None, Some("人"))
}

/// The (company, exchange) of each listing.
fn listings(events: &[Event]) -> Vec<(String, Option<String>)> {
    events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Ipo {
                company, exchange, ..
            } => Some((company.clone(), exchange.clone())),
            _ => None,
        })
        .collect()
}

/// The (company, headcount value) of each job cut.
fn layoffs(events: &[Event]) -> Vec<(String, Option<String>)> {
    events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Layoff { company, count, .. } => {
                Some((company.clone(), count.as_ref().map(|c| c.value.to_string())))
            }
            _ => None,
        })
        .collect()
}

fn listed(company: &str, exchange: Option<&str>) -> Vec<(String, Option<String>)> {
    vec![(company.to_owned(), exchange.map(str::to_owned))]
}

#[test]
fn a_company_lists_across_its_bracketed_short_name_and_code() {
    let text = "星河智能科技股份有限公司(简称“星河智能”，证券代码：688123)今日在科创板上市。";
    let entities = [
        company(text, "星河智能科技股份有限公司"),
        entity(text, EntityKind::Company, "星河智能", 14),
    ];
    assert_eq!(
        listings(&find_events(text, &entities, &[], None)),
        listed("星河智能科技股份有限公司", Some("科创板"))
    );
    // A bracket that names something else is no aside of the subject.
    let text = "星河智能(旗下耳机品牌)在科创板上市。";
    let entities = [company(text, "星河智能")];
    assert!(listings(&find_events(text, &entities, &[], None)).is_empty());
}

#[test]
fn dates_between_the_company_and_the_verb_keep_it_the_subject() {
    let text = "远川科技于2024年6月12日在纳斯达克挂牌上市。";
    let entities = [company(text, "远川科技")];
    assert_eq!(
        listings(&find_events(text, &entities, &[], None)),
        listed("远川科技", Some("纳斯达克"))
    );
    // A company named after 继 listed first.
    let text = "星河智能继远川科技之后登陆创业板。";
    let entities = [company(text, "星河智能"), company(text, "远川科技")];
    assert_eq!(
        listings(&find_events(text, &entities, &[], None)),
        listed("星河智能", Some("创业板"))
    );
}

#[test]
fn a_company_introduced_by_its_founding_lists_in_the_next_clause() {
    let text = "远川物流成立于2012年，2021年5月在港交所上市。";
    let entities = [company(text, "远川物流")];
    assert_eq!(
        listings(&find_events(text, &entities, &[], None)),
        listed("远川物流", Some("港交所"))
    );
    // A clause with a subject of its own is no listing of the company before it.
    let text = "远川物流成立于2012年，母公司去年在港交所上市。";
    assert!(listings(&find_events(text, &[company(text, "远川物流")], &[], None)).is_empty());
}

#[test]
fn a_description_glued_to_the_listing_company_is_cited_with_it() {
    let text = "星河智能游戏直播平台终于登陆纳斯达克。";
    let entities = [company(text, "星河智能")];
    let mentions = find_event_mentions(text, &entities, &[], None);
    assert_eq!(mentions.len(), 1, "{mentions:?}");
    let cited = mentions[0]
        .arguments
        .iter()
        .find(|a| a.role == Role::Company)
        .unwrap();
    assert_eq!(
        (cited.start, cited.end),
        support::char_span(text, "星河智能游戏直播平台", 0)
    );
    assert!(matches!(
        &mentions[0].event.detail,
        EventDetail::Ipo { company, .. } if company == "星河智能"
    ));
}

#[test]
fn a_listing_told_as_a_time_is_one_and_product_launches_are_not() {
    let text = "远川科技上市首日股价大涨。";
    let entities = [company(text, "远川科技")];
    assert_eq!(
        listings(&find_events(text, &entities, &[], None)),
        listed("远川科技", None)
    );
    let text = "远川科技新款耳机上市后销量大涨。";
    assert!(listings(&find_events(text, &[company(text, "远川科技")], &[], None)).is_empty());
    // A batch of companies is no company.
    let text = "首批企业在科创板正式上市。";
    assert!(listings(&find_events(text, &[company(text, "首批企业")], &[], None)).is_empty());
}

#[test]
fn a_headcount_written_with_blanks_is_read() {
    let text = "近期，远川科技美国分部裁员 70 人，其中多数位于总部。";
    let entities = [company(text, "远川科技")];
    assert_eq!(
        layoffs(&find_events(text, &entities, &[], None)),
        vec![("远川科技".to_owned(), Some("70".to_owned()))]
    );
    // A recognized headcount wins over the reading.
    let text = "远川科技裁员300人。";
    let amounts = [count(text, "300", "300")];
    assert_eq!(
        layoffs(&find_events(
            text,
            &[company(text, "远川科技")],
            &amounts,
            None
        )),
        vec![("远川科技".to_owned(), Some("300".to_owned()))]
    );
}

#[test]
fn a_passive_describing_the_company_is_no_passive_of_the_cut() {
    let text = "被誉为行业龙头的远川科技宣布裁员。";
    let entities = [company(text, "远川科技")];
    assert_eq!(
        layoffs(&find_events(text, &entities, &[], None)),
        vec![("远川科技".to_owned(), None)]
    );
    // The team that lets someone go, after 被, cuts no jobs.
    let text = "上赛季末就被星河队残酷地裁掉了。";
    let entities = [company(text, "星河队")];
    assert!(layoffs(&find_events(text, &entities, &[], None)).is_empty());
}
