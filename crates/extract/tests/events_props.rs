//! Property tests: whatever the text and mention lists, the event extractor returns events whose
//! offsets lie inside the text and never panics (mentions may be stale, overlapping or out of range).

use proptest::prelude::*;
use zhnews_extract::events::find_event_mentions;
use zhnews_model::{Amount, AmountKind, Decimal, Entity, EntityKind, Qualifier};

/// Pieces that make sentences with triggers, names, dates, punctuation and pronouns.
const PIECES: &[&str] = &[
    "离职",
    "加入",
    "加盟",
    "融资",
    "估值",
    "收购",
    "被",
    "上市",
    "裁员",
    "投入",
    "广告",
    "他",
    "公司",
    "该公司",
    "今年8月",
    "9月13日",
    "上月",
    "，",
    "。",
    "；",
    "\n",
    "据知情人士透露",
    "否认",
    "计划",
    "将",
    "的",
    "B轮",
    "第一轮",
    "由",
    "领投",
    "跟投",
    "担任",
    "CEO",
    "前",
    "从",
    "后",
    "甲",
    "乙科技",
    "丙",
    "2亿美元",
    " ",
    "！",
    "“",
    "”",
    "a",
    "1",
    // The readers of unrecognized arguments and the span widening (titles, codes, aliases).
    "：",
    "(",
    ")",
    "（600123）",
    "(Jimmy Butler)",
    "董事长",
    "副总经理",
    "及",
    "、",
    "兼",
    "葡萄牙籍",
    "27岁",
    "解约",
    "与",
    "裁掉",
    "签下",
    "官宣",
    "退出",
    "辞任",
    "两",
    "名",
    "高管",
    "悍将",
    "业务",
    "股权",
    "%",
    "人",
    "对",
    "竞得",
    "科创板",
    "和",
    "辞退",
    "一月内",
    "关于",
    "晚",
    "Shroud",
    "星河队",
    "品牌",
    "获",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn kind_strategy() -> impl Strategy<Value = EntityKind> {
    prop::sample::select(vec![
        EntityKind::Person,
        EntityKind::Company,
        EntityKind::Product,
        EntityKind::Org,
    ])
}

proptest! {
    #[test]
    fn never_panics_and_offsets_stay_in_the_text(
        text in text_strategy(),
        spans in prop::collection::vec((0usize..120, 0usize..6, kind_strategy()), 0..12),
        money in prop::collection::vec((0usize..120, 0usize..6), 0..6),
        with_date in any::<bool>(),
    ) {
        let len = text.chars().count();
        let entities: Vec<Entity> = spans
            .iter()
            .map(|&(start, width, kind)| Entity {
                kind,
                text: "x".into(),
                start,
                end: start + width,
                name: format!("n{start}"),
                owner: (kind == EntityKind::Product).then(|| "owner".to_owned()),
            })
            .collect();
        let amounts: Vec<Amount> = money
            .iter()
            .map(|&(start, width)| Amount {
                text: "1".into(),
                start,
                end: start + width,
                kind: AmountKind::Money,
                value: Decimal::from_int(1),
                max: None,
                currency: None,
                qualifier: Qualifier::Exact,
                unit: None,
            })
            .collect();
        let published = with_date.then(|| chrono::NaiveDate::from_ymd_opt(2024, 1, 31).unwrap());
        for mention in find_event_mentions(&text, &entities, &amounts, published) {
            let event = &mention.event;
            prop_assert!(event.start < event.end && event.end <= len);
            let (ts, te) = event.trigger.unwrap();
            prop_assert!(event.start <= ts && ts < te && te <= event.end);
            for argument in &mention.arguments {
                prop_assert!(argument.start < argument.end && argument.end <= len);
                // A cited span stays inside the event's sentence.
                prop_assert!(event.start <= argument.start && argument.end <= event.end);
            }
        }
    }
}
