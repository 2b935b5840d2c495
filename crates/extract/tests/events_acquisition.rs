//! Acquisitions and sales on hand-made sentences: who buys, what (a company, a stake in one, a
//! business, land), who sells and for how much, with the mentions given by hand as the recognizers'
//! contract says, so these tests pin down the deal rules alone. Each pattern has a near miss that must
//! not become a deal.

use zhnews_extract::events::{Role, find_event_mentions, find_events};
use zhnews_model::{Amount, AmountKind, Entity, EntityKind, Event, EventDetail, Modality};

mod support;

fn entity(text: &str, kind: EntityKind, written: &str) -> Entity {
    support::mention(text, kind, written, 0)
}

fn company(text: &str, written: &str) -> Entity {
    entity(text, EntityKind::Company, written)
}

fn amount(text: &str, written: &str, kind: AmountKind, value: &str) -> Amount {
    let currency = (kind == AmountKind::Money).then_some("CNY");
    support::amount_at(text, written, kind, value, currency, None)
}

fn money(text: &str, written: &str, value: &str) -> Amount {
    amount(text, written, AmountKind::Money, value)
}

/// The deal's fields, as (acquirer, target, seller, stake, amount text).
type Deal = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn deals(events: &[Event]) -> Vec<Deal> {
    events
        .iter()
        .filter_map(|e| match &e.detail {
            EventDetail::Acquisition {
                acquirer,
                target,
                seller,
                stake,
                amount,
            } => Some((
                acquirer.clone(),
                target.clone(),
                seller.clone(),
                stake.clone(),
                amount.as_ref().map(|a| a.text.clone()),
            )),
            _ => None,
        })
        .collect()
}

fn deal(
    acquirer: Option<&str>,
    target: Option<&str>,
    seller: Option<&str>,
    stake: Option<&str>,
    amount: Option<&str>,
) -> Deal {
    let own = |v: Option<&str>| v.map(str::to_owned);
    (
        own(acquirer),
        own(target),
        own(seller),
        own(stake),
        own(amount),
    )
}

fn only_deal(text: &str, entities: &[Entity], amounts: &[Amount]) -> Deal {
    let events = find_events(text, entities, amounts, None);
    let found = deals(&events);
    assert_eq!(found.len(), 1, "{text}: {events:?}");
    found.into_iter().next().unwrap()
}

fn no_deal(text: &str, entities: &[Entity], amounts: &[Amount]) {
    let events = find_events(text, entities, amounts, None);
    assert!(deals(&events).is_empty(), "{text}: {events:?}");
}

#[test]
fn a_fronted_stake_sold_to_a_buyer_names_all_four_parties() {
    let text = "远川集团将所持星图科技30%股权转让给蓝鲸资本，交易作价4.5亿元。";
    let entities = [
        company(text, "远川集团"),
        company(text, "星图科技"),
        company(text, "蓝鲸资本"),
    ];
    let amounts = [
        amount(text, "30%", AmountKind::Percent, "30"),
        money(text, "4.5亿元", "450000000"),
    ];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            Some("蓝鲸资本"),
            Some("星图科技"),
            Some("远川集团"),
            Some("30%股权"),
            Some("4.5亿元")
        )
    );
    // Without the 给 the same words tell of no buyer, and a bare 将 is the future tense.
    let text = "远川集团将于下月公布年报。";
    no_deal(text, &[company(text, "远川集团")], &[]);
}

#[test]
fn a_stake_bought_leaves_the_seller_unknown() {
    let text = "蓝鲸资本以8亿元收购星图科技100%股权。";
    let entities = [company(text, "蓝鲸资本"), company(text, "星图科技")];
    let amounts = [
        money(text, "8亿元", "800000000"),
        amount(text, "100%", AmountKind::Percent, "100"),
    ];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            Some("蓝鲸资本"),
            Some("星图科技"),
            None,
            Some("100%股权"),
            Some("8亿元")
        )
    );
    // An approximate stake, and another name of the company in brackets before it.
    let text = "海川控股宣布收购Lumen Labs(流明实验室)约57.09%股份。";
    let entities = [company(text, "海川控股"), company(text, "Lumen Labs")];
    let (_, _, _, stake, _) = only_deal(text, &entities, &[]);
    assert_eq!(stake.as_deref(), Some("约57.09%股份"));
    // A stake sized by a word, and control.
    let text = "蓝鲸资本就收购星图科技控股权与远川集团签署最终协议。";
    let entities = [
        company(text, "蓝鲸资本"),
        company(text, "星图科技"),
        company(text, "远川集团"),
    ];
    assert_eq!(
        only_deal(text, &entities, &[]),
        deal(
            Some("蓝鲸资本"),
            Some("星图科技"),
            None,
            Some("控股权"),
            None
        )
    );
    // A share of users is no stake: the whole company is bought.
    let text = "蓝鲸资本收购星图科技，后者占据30%的用户。";
    let entities = [company(text, "蓝鲸资本"), company(text, "星图科技")];
    let (_, target, _, stake, _) = only_deal(text, &entities, &[]);
    assert_eq!((target.as_deref(), stake), (Some("星图科技"), None));
}

#[test]
fn a_business_is_sold_by_the_company_running_it() {
    let text = "远川科技以12亿元收购星图公司的智能家居业务。";
    let entities = [company(text, "远川科技"), company(text, "星图公司")];
    let amounts = [money(text, "12亿元", "1200000000")];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            Some("远川科技"),
            Some("星图公司"),
            Some("星图公司"),
            Some("智能家居业务"),
            Some("12亿元")
        )
    );
    // The price may come later, named after the sum.
    let text = "远川集团出售旗下球队，22亿元的成交额创下纪录。";
    let amounts = [money(text, "22亿元", "2200000000")];
    assert_eq!(
        only_deal(text, &[company(text, "远川集团")], &amounts),
        deal(None, None, Some("远川集团"), Some("球队"), Some("22亿元"))
    );
    let text = "远川集团出售旗下物流业务。";
    assert_eq!(
        only_deal(text, &[company(text, "远川集团")], &[]),
        deal(None, None, Some("远川集团"), Some("物流业务"), None)
    );
}

#[test]
fn land_won_at_auction_is_the_stake_and_a_later_clause_names_the_buyer() {
    let text = "远山置业12.6亿元竞得城南一宗商住用地，楼面价1.2万元/平方米。";
    let amounts = [
        money(text, "12.6亿元", "1260000000"),
        money(text, "1.2万元", "12000"),
    ];
    assert_eq!(
        only_deal(text, &[company(text, "远山置业")], &amounts),
        deal(
            Some("远山置业"),
            None,
            None,
            Some("城南一宗商住用地"),
            Some("12.6亿元")
        )
    );
    let text = "近日，临江区成功出让一宗工业用地，竞得人为远山置业，成交价为3.2亿元。";
    let entities = [
        entity(text, EntityKind::Org, "临江区"),
        company(text, "远山置业"),
    ];
    let amounts = [money(text, "3.2亿元", "320000000")];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            Some("远山置业"),
            None,
            Some("临江区"),
            Some("一宗工业用地"),
            Some("3.2亿元")
        )
    );
    // The buyer's span is cited where the later clause names it.
    let mentions = find_event_mentions(text, &entities, &amounts, None);
    let buyer = mentions[0]
        .arguments
        .iter()
        .find(|a| a.role == Role::Acquirer)
        .unwrap();
    assert_eq!(
        (buyer.start, buyer.end),
        support::char_span(text, "远山置业", 0)
    );
    // Prizes are won (`摘得`) far more often than land.
    let text = "远山置业摘得年度最佳雇主奖。";
    no_deal(text, &[company(text, "远山置业")], &[]);
}

#[test]
fn a_shareholder_selling_shares_sells_them_in_the_company_it_is_introduced_with() {
    let text = "星图科技股东周明远减持120万股。";
    let entities = [
        company(text, "星图科技"),
        entity(text, EntityKind::Person, "周明远"),
    ];
    let amounts = [amount(text, "120万", AmountKind::Count, "1200000")];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            None,
            Some("星图科技"),
            Some("周明远"),
            Some("120万股"),
            None
        )
    );
    let mentions = find_event_mentions(text, &entities, &amounts, None);
    let seller = mentions[0]
        .arguments
        .iter()
        .find(|a| a.role == Role::Seller)
        .unwrap();
    assert_eq!(
        (seller.start, seller.end),
        support::char_span(text, "星图科技股东周明远", 0)
    );
}

#[test]
fn a_stake_taken_over_from_its_holder_names_the_holder_as_seller() {
    let text = "蓝鲸资本受让远川集团持有的星图科技20%股权。";
    let entities = [
        company(text, "蓝鲸资本"),
        company(text, "远川集团"),
        company(text, "星图科技"),
    ];
    let amounts = [amount(text, "20%", AmountKind::Percent, "20")];
    assert_eq!(
        only_deal(text, &entities, &amounts),
        deal(
            Some("蓝鲸资本"),
            Some("星图科技"),
            Some("远川集团"),
            Some("20%股权"),
            None
        )
    );
    // `向…收购`: the party after 向 sells, the subject buys.
    let text = "蓝鲸资本向远川集团收购星图科技15%股份。";
    let entities = [
        company(text, "蓝鲸资本"),
        company(text, "远川集团"),
        company(text, "星图科技"),
    ];
    let (acquirer, target, seller, stake, _) = only_deal(text, &entities, &[]);
    assert_eq!(acquirer.as_deref(), Some("蓝鲸资本"));
    assert_eq!(target.as_deref(), Some("星图科技"));
    assert_eq!(seller.as_deref(), Some("远川集团"));
    assert_eq!(stake.as_deref(), Some("15%股份"));
}

#[test]
fn prices_nouns_goods_and_disputes_are_no_deals() {
    // The price of a deal told of elsewhere.
    let text = "星图科技的收购价格为每股12元。";
    no_deal(
        text,
        &[company(text, "星图科技")],
        &[money(text, "12元", "12")],
    );
    // Goods sold are no acquisition.
    let text = "远川科技以较低的价格出售新款服务器芯片。";
    no_deal(text, &[company(text, "远川科技")], &[]);
    let text = "远川科技开始出售星图手机。";
    let entities = [
        company(text, "远川科技"),
        entity(text, EntityKind::Product, "星图手机"),
    ];
    no_deal(text, &entities, &[]);
    // Homes and goods sold with no buyer, land sales told as nouns, and land bought as a habit.
    let text = "一些业主开始降价出售自己的房子。";
    no_deal(text, &[], &[]);
    let text = "临江区政府出让土地的收益将用于补贴。";
    no_deal(text, &[entity(text, EntityKind::Org, "临江区政府")], &[]);
    let text = "临江区去年土地出让总价款达300亿元。";
    no_deal(
        text,
        &[entity(text, EntityKind::Org, "临江区")],
        &[money(text, "300亿元", "30000000000")],
    );
    let text = "远山置业表示今年不会高价拿地。";
    no_deal(text, &[company(text, "远山置业")], &[]);
    // A lawsuit about a share transfer.
    let text = "蓝鲸资本对远川集团提起股权转让纠纷诉讼。";
    no_deal(
        text,
        &[company(text, "蓝鲸资本"), company(text, "远川集团")],
        &[],
    );
}

#[test]
fn a_denied_takeover_is_reported_as_denied() {
    let text = "远川集团否认将收购星图科技。";
    let entities = [company(text, "远川集团"), company(text, "星图科技")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(deals(&events).len(), 1, "{events:?}");
    assert_eq!(events[0].modality, Modality::Denied);
    let text = "远川集团收购星图科技的传闻已被双方否认。";
    let entities = [company(text, "远川集团"), company(text, "星图科技")];
    let events = find_events(text, &entities, &[], None);
    assert_eq!(deals(&events).len(), 1, "{events:?}");
    assert_eq!(events[0].modality, Modality::Denied);
    // A rumoured takeover told as a noun names no deal of its own.
    let text = "远川集团回应收购传闻。";
    no_deal(text, &[company(text, "远川集团")], &[]);
}
