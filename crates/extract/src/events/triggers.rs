//! The trigger lexicon: words that announce an event, and the contexts in which they do not.
//!
//! The lexicon is general business-news vocabulary (离职, 加盟, 融资, 估值, 收购, 上市, 裁员, 投入 …).
//! A trigger only proposes an event; the argument rules decide whether the sentence supports it.

/// What a trigger word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TriggerKind {
    /// A person leaves of their own accord (离职, 辞去, 卸任).
    Leave,
    /// A person withdraws from a body (退出).
    Quit,
    /// A person is dismissed (解雇, 开除, 免职).
    Fire,
    /// A person joins (加入, 加盟, 入职); the company follows.
    Join,
    /// A company takes on a person (签下, 聘请); the company comes first.
    Hire,
    /// A person is appointed to a role (出任, 担任, 获任).
    Appoint,
    /// A person moves to another role (升任, 调任).
    RoleChange,
    /// A company raises money (融资, 募资).
    Funding,
    /// A company is invested in (`获得…投资`).
    Investment,
    /// A valuation (估值).
    Valuation,
    /// A purchase (收购, 并购, 买下).
    Acquire,
    /// A sale (出售, 转让, 卖给).
    Sell,
    /// A listing (上市, 登陆, 挂牌).
    Ipo,
    /// Job cuts (裁员).
    Layoff,
    /// Spending (投入, 花费, 投放).
    Spend,
}

/// A trigger found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// What it announces.
    pub kind: TriggerKind,
}

use TriggerKind::*;
use std::sync::LazyLock;

const LEXICON: &[(&str, TriggerKind)] = &[
    ("离职", Leave),
    ("辞职", Leave),
    ("辞去", Leave),
    ("辞任", Leave),
    ("请辞", Leave),
    ("卸任", Leave),
    ("离任", Leave),
    ("离开", Leave),
    ("出走", Leave),
    ("退休", Leave),
    ("递交辞呈", Leave),
    // `向董事会递交了辞呈`: the letter stands for the resignation.
    ("辞呈", Leave),
    ("不再担任", Leave),
    ("不再出任", Leave),
    ("不再主持", Leave),
    ("不再负责", Leave),
    ("离队", Leave),
    ("退出", Quit),
    ("解雇", Fire),
    ("开除", Fire),
    ("辞退", Fire),
    ("免职", Fire),
    ("免去", Fire),
    ("撤职", Fire),
    ("罢免", Fire),
    ("解聘", Fire),
    ("炒鱿鱼", Fire),
    // `被双开`: expelled from both party and post (read only in the passive).
    ("双开", Fire),
    ("解约", Fire),
    ("加入", Join),
    ("加盟", Join),
    ("入职", Join),
    ("投奔", Join),
    ("转投", Join),
    ("跳槽至", Join),
    ("跳槽到", Join),
    ("跳槽", Join),
    ("回归", Join),
    ("重返", Join),
    ("回到", Join),
    ("重回", Join),
    ("转会", Join),
    // Verbs of motion are joins only with an organisation right after them (see `arguments`).
    ("来到", Join),
    ("去了", Join),
    ("前往", Join),
    ("返回", Join),
    ("签约", Hire),
    ("签下", Hire),
    ("聘请", Hire),
    ("招揽", Hire),
    ("出任", Appoint),
    ("担任", Appoint),
    ("任命", Appoint),
    ("就任", Appoint),
    ("接任", Appoint),
    ("获任", Appoint),
    ("履新", Appoint),
    ("委任", Appoint),
    ("升任", RoleChange),
    ("晋升为", RoleChange),
    ("调任", RoleChange),
    ("转任", RoleChange),
    ("改任", RoleChange),
    ("融资", Funding),
    ("募资", Funding),
    ("筹资", Funding),
    ("投资", Investment),
    ("注资", Investment),
    ("估值", Valuation),
    ("收购", Acquire),
    ("并购", Acquire),
    ("买下", Acquire),
    ("购入", Acquire),
    ("竞得", Acquire),
    ("吞并", Acquire),
    ("入股", Acquire),
    // Land and auctions; `受让` takes over a stake (the deal rule needs property or a stake after
    // 拍得/摘得, so `摘得冠军` stays no deal).
    ("拍得", Acquire),
    ("摘得", Acquire),
    ("受让", Acquire),
    ("减持", Sell),
    ("出售", Sell),
    ("出让", Sell),
    ("转让", Sell),
    ("卖给", Sell),
    ("售予", Sell),
    ("上市", Ipo),
    ("登陆", Ipo),
    ("挂牌", Ipo),
    ("敲钟", Ipo),
    ("IPO", Ipo),
    ("裁员", Layoff),
    ("减员", Layoff),
    ("裁减", Layoff),
    ("裁掉", Layoff),
    ("裁撤", Layoff),
    ("投入", Spend),
    ("投放", Spend),
    ("花费", Spend),
    ("花了", Spend),
    ("砸下", Spend),
    ("烧掉", Spend),
    ("支出", Spend),
    ("开支", Spend),
    ("耗资", Spend),
];

/// Words that, starting at a trigger, make it part of a noun rather than a predicate
/// (`融资额`, `上市公司`, `投资人`).
const BLOCKED_FOLLOWERS: &[(TriggerKind, &[&str])] = &[
    (
        Funding,
        &[
            "额", "规模", "总额", "金额", "方", "渠道", "难", "租赁", "融券", "环境", "能力",
            "成本", "需求", "历程", "情况", "余额", "活动", "工具", "平台", "券",
        ],
    ),
    (
        Investment,
        &[
            "人", "者", "机构", "方", "收益", "回报", "价值", "逻辑", "热情", "风险", "建议",
            "策略", "组合", "银行", "公司", "界", "圈", "基金", "管理", "业务", "顾问", "咨询",
            "理财", "计划", "项目", "领域", "范围", "资格", "价值", "者",
        ],
    ),
    (
        Ipo,
        &[
            "公司",
            "企业",
            "银行",
            "房企",
            "险企",
            "券商",
            "药企",
            "车企",
            "以来",
            "时间表",
            "办公室",
            "聆讯",
            "寄语",
            "消息",
            "之路",
            "进程",
            "步伐",
            "热潮",
            "高潮",
            "地位",
            "标准",
            "条件",
            "门槛",
            "资格",
            "辅导",
            "的",
            "计划",
        ],
    ),
    (
        Valuation,
        &["泡沫", "逻辑", "筹码", "体系", "方法", "模型", "水平"],
    ),
    // `竞得人为甲`: the winning bidder, a noun.
    (Acquire, &["价", "方", "人", "者"]),
    // `加盟店`, `加盟商`: franchising, not a person joining.
    (
        Join,
        &[
            "店", "商", "费", "连锁", "品牌", "门店", "模式", "项目", "政策",
        ],
    ),
    (Spend, &["产出", "使用", "运营", "市场", "门槛", "力度"]),
    // `辞职潮`, `离职率`, `离职员工`: the moves of many, or people who moved before; `退休年龄`,
    // `退休金`, `退休制度`: retirement as a policy or a benefit.
    (
        Leave,
        &[
            "潮", "率", "员工", "人员", "证明", "补偿", "手续", "面谈", "年龄", "金", "制度",
            "政策", "待遇", "职工", "干部", "老人", "生活", "工资", "费", "状态",
        ],
    ),
    (
        Layoff,
        &["潮", "热潮", "大刀", "一线", "风波", "行动", "消息", "名单"],
    ),
    (
        Hire,
        &[
            "仪式", "金", "费", "额", "价", "期", "合同", "协议", "项目", "典礼", "活动", "会",
            "艺人", "作家", "歌手",
        ],
    ),
];

/// Words that, ending right before a trigger, make it part of a noun (`总融资`, `投资收购`).
const BLOCKED_PRECEDERS: &[(TriggerKind, &[&str])] = &[
    (Funding, &["总", "累计", "股权", "债权", "债务"]),
    (
        Ipo,
        &["新品", "新机", "新车", "产品", "手机", "电影", "游戏"],
    ),
    // `在这次裁员中`: the cuts told of before, as a noun.
    (Layoff, &["这次", "此次", "本次", "这轮", "此轮", "本轮"]),
    // `延迟退休`, `弹性退休`: a retirement policy, nobody's move.
    (Leave, &["延迟", "推迟", "延长", "弹性", "渐进式", "提高"]),
];

/// The lexicon as char sequences, built once.
static WORDS: LazyLock<Vec<(Vec<char>, TriggerKind)>> = LazyLock::new(|| {
    LEXICON
        .iter()
        .map(|(w, k)| (w.chars().collect(), *k))
        .collect()
});

/// The first chars of all trigger words, sorted: most positions of a text start no trigger, and
/// one binary search rules them out before the word list is scanned.
static FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut first: Vec<char> = WORDS
        .iter()
        .filter_map(|(w, _)| w.first().copied())
        .collect();
    first.sort_unstable();
    first.dedup();
    first
});

/// All triggers in `chars[start..end]`, longest match first, none inside `blocked` spans.
pub(crate) fn find(
    chars: &[char],
    start: usize,
    end: usize,
    blocked: &[(usize, usize)],
) -> Vec<Trigger> {
    let words = &*WORDS;
    let first_chars = &*FIRST_CHARS;
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if first_chars.binary_search(&chars[i]).is_err() {
            i += 1;
            continue;
        }
        let best = words
            .iter()
            .filter(|(w, _)| i + w.len() <= end && chars[i..i + w.len()] == w[..])
            .max_by_key(|(w, _)| w.len());
        let Some((word, kind)) = best else {
            i += 1;
            continue;
        };
        let t_end = i + word.len();
        let in_entity = blocked.iter().any(|&(s, e)| s < t_end && i < e);
        let rest: String = chars[t_end..end.min(t_end + 4)].iter().collect();
        let head: String = chars[start.max(i.saturating_sub(3))..i].iter().collect();
        let follower_blocked = BLOCKED_FOLLOWERS
            .iter()
            .any(|(k, ws)| k == kind && ws.iter().any(|w| rest.starts_with(w)));
        let preceder_blocked = BLOCKED_PRECEDERS
            .iter()
            .any(|(k, ws)| k == kind && ws.iter().any(|w| head.ends_with(w)));
        if !in_entity && !follower_blocked && !preceder_blocked {
            out.push(Trigger {
                start: i,
                end: t_end,
                kind: *kind,
            });
        }
        i = t_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TriggerKind)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars, 0, chars.len(), &[])
            .into_iter()
            .map(|t| (chars[t.start..t.end].iter().collect(), t.kind))
            .collect()
    }

    #[test]
    fn finds_predicates_and_skips_nouns() {
        assert_eq!(kinds("甲完成B轮融资"), vec![("融资".into(), Funding)]);
        assert!(kinds("总融资额超过十亿").is_empty());
        assert!(kinds("多家上市公司").is_empty());
        assert_eq!(kinds("他跳槽至乙"), vec![("跳槽至".into(), Join)]);
        assert_eq!(kinds("他不再担任CEO"), vec![("不再担任".into(), Leave)]);
    }

    #[test]
    fn skips_triggers_inside_entities() {
        let chars: Vec<char> = "上市集团宣布裁员".chars().collect();
        let found = find(&chars, 0, chars.len(), &[(0, 4)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Layoff);
    }
}
