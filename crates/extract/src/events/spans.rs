//! Argument spans widened from the bare name to the noun phrase that fills the role as written.
//!
//! The argument rules pick names (`陈某`, `甲公司`); what the sentence says in the role's slot is often
//! longer: the mover is introduced with employer and title (`甲科技副总经理陈某辞职`, `24岁后卫周某
//! 加盟`), a listed company with its stock code (`甲科技（600123）`). The event's fields keep the
//! canonical names; only the cited span ([`super::Argument`]) covers the whole phrase, so a reader
//! sees who was meant. The widening never crosses punctuation (other than the `、` of a title chain),
//! a verb or another argument.

use super::{Argument, Role};
use std::sync::LazyLock;
use zhnews_model::{Entity, EntityKind};

/// Words a person's title or descriptor is built from, as written before the name
/// (`董事会秘书`, `副总经理`, `前锋`, `主播`).
const DESCRIPTOR_WORDS: &[&str] = &[
    "董事会秘书",
    "证券事务代表",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "首席运营官",
    "首席市场官",
    "首席科学家",
    "执行董事",
    "非执行董事",
    "独立董事",
    "职工代表",
    "董事长",
    "总经理",
    "总裁",
    "副总",
    "董事",
    "监事",
    "董秘",
    "执董",
    "非执董",
    "经理",
    "主席",
    "会长",
    "行长",
    "总监",
    "主管",
    "负责人",
    "创始人",
    "创办人",
    "合伙人",
    "科学家",
    "研究员",
    "工程师",
    "秘书",
    "主任",
    "院长",
    "校长",
    "主编",
    "总编",
    "主持人",
    "领导人",
    "高管",
    "主帅",
    "主教练",
    "教练",
    "助理",
    "教头",
    "球员",
    "外援",
    "内援",
    "国脚",
    "小将",
    "中锋",
    "前锋",
    "后卫",
    "中后卫",
    "边锋",
    "门将",
    "主播",
    "歌手",
    "演员",
    "艺人",
    "成员",
    "队长",
    "球星",
    "选手",
    "华裔",
    "悍将",
    "老将",
    "主力",
    "接手",
    "射手",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "CMO",
    "CPO",
    "VP",
    "财务",
    "技术",
    "运营",
    "执行",
    "联合",
    "首席",
    "常务",
    "资深",
    "高级",
    "副",
    "总",
    "前",
    "原",
];

/// Words that join two titles of one person (`董事兼总经理`, `副总经理及财务总监`).
const TITLE_JOINS: &[char] = &['兼', '、', '及'];

/// The descriptor words as char sequences, longest first.
static WORDS: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    let mut words: Vec<Vec<char>> = DESCRIPTOR_WORDS
        .iter()
        .map(|w| w.chars().collect())
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// The length of the descriptor word ending at `end` (not reaching before `floor`), if any.
fn word_before(chars: &[char], floor: usize, end: usize) -> Option<usize> {
    WORDS
        .iter()
        .find(|w| end >= floor + w.len() && chars[end - w.len()..end] == w[..])
        .map(Vec::len)
}

/// The start of the person phrase ending with the name at `[start, ..)`: the title chain right before
/// the name (`董事、副总经理`), an age (`27岁`), and the employer right before the title (a named
/// organisation, or `公司`). `floor` is the start of the clause.
pub(crate) fn person_start(
    chars: &[char],
    floor: usize,
    (start, end): (usize, usize),
    entities: &[&Entity],
) -> usize {
    // `巴特勒(Jimmy Butler)`: a Latin name in brackets is the alias of the name before them.
    if start >= floor + 2
        && matches!(chars[start - 1], '(' | '（')
        && chars[start..end]
            .iter()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-'))
    {
        let mut p = start - 1;
        while p > floor && start - 1 - p < 6 && super::fallback::is_phrase_char(chars[p - 1]) {
            p -= 1;
        }
        if p < start - 1 {
            return p;
        }
    }
    // A pronoun (`此前他`) takes no phrase.
    if chars[start..end].iter().all(|&c| matches!(c, '他' | '她')) {
        return start;
    }
    let mut pos = start;
    let mut aged = false;
    // A title standing for the person (`前行长`) takes its employer like a titled name does.
    let mut titled = word_before(chars, start, end).is_some();
    loop {
        if let Some(n) = word_before(chars, floor, pos) {
            // A lone modifier (`前`, `副`) right before the name is no title (`此前他`).
            if n == 1 && pos == start && !titled {
                break;
            }
            pos -= n;
            titled = true;
            continue;
        }
        // `27岁`.
        if pos >= floor + 2 && chars[pos - 1] == '岁' && chars[pos - 2].is_ascii_digit() {
            let mut p = pos - 1;
            while p > floor && chars[p - 1].is_ascii_digit() {
                p -= 1;
            }
            pos = p;
            aged = true;
            continue;
        }
        // A nationality before a descriptor (`与葡萄牙籍球员乙`): one to three chars after a break.
        if titled && pos > floor + 1 && chars[pos - 1] == '籍' {
            let fits = (1..=3).find(|&n| {
                pos > floor + n
                    && chars[pos - 1 - n..pos - 1]
                        .iter()
                        .all(|&c| super::fallback::is_phrase_char(c))
                    && (pos - 1 - n == floor
                        || !super::fallback::is_phrase_char(chars[pos - 2 - n]))
            });
            if let Some(n) = fits {
                pos -= n + 1;
                continue;
            }
        }
        // A title chain: a join followed (leftwards) by another title.
        if titled
            && pos > floor + 1
            && TITLE_JOINS.contains(&chars[pos - 1])
            && word_before(chars, floor, pos - 1).is_some()
        {
            pos -= 1;
            continue;
        }
        break;
    }
    if !titled {
        // `27岁柴某`: the age alone is part of the phrase, but takes no employer.
        return if aged { pos } else { start };
    }
    // The employer right before the title (it may also be the event's `from`: the phrase
    // `甲公司董事乙` names both).
    if let Some(org) = entities.iter().find(|e| {
        e.end == pos && e.start >= floor && matches!(e.kind, EntityKind::Company | EntityKind::Org)
    }) {
        return org.start;
    }
    for lead in ["该公司", "公司"] {
        let n = lead.chars().count();
        if pos >= floor + n && chars[pos - n..pos].iter().copied().eq(lead.chars()) {
            return pos - n;
        }
    }
    pos
}

/// The end of an organisation span followed by its stock code (`甲科技（600123）`, `乙(01234.HK)`).
pub(crate) fn org_end(chars: &[char], end: usize, ceiling: usize) -> usize {
    if end >= ceiling || !matches!(chars[end], '(' | '（') {
        return end;
    }
    let close = (end + 1..ceiling.min(end + 14)).find(|&i| matches!(chars[i], ')' | '）'));
    let Some(close) = close else {
        return end;
    };
    let code: String = chars[end + 1..close].iter().collect();
    let digits = [".HK", ".SH", ".SZ", ".hk", ".sh", ".sz"]
        .iter()
        .find_map(|x| code.strip_suffix(x))
        .unwrap_or(&code);
    if (4..=6).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        close + 1
    } else {
        end
    }
}

/// The end of a name followed by its Latin alias in brackets (`巴特勒(Jimmy Butler)`).
pub(crate) fn alias_end(chars: &[char], end: usize, ceiling: usize) -> usize {
    if end >= ceiling || !matches!(chars[end], '(' | '（') {
        return end;
    }
    let close = (end + 1..ceiling.min(end + 24)).find(|&i| matches!(chars[i], ')' | '）'));
    match close {
        Some(close)
            if close > end + 1
                && chars[end + 1..close]
                    .iter()
                    .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-')) =>
        {
            close + 1
        }
        _ => end,
    }
}

/// The end of a unit named right after its organisation (`白鹭队训练营`, `甲集团研究院`): the phrase
/// after the name up to a unit word, when one ends it within a few chars.
pub(crate) fn unit_end(chars: &[char], end: usize, ceiling: usize) -> usize {
    const UNITS: &[&str] = &[
        "训练营",
        "陪练队",
        "青年队",
        "预备队",
        "梯队",
        "一线队",
        "二队",
        "女队",
        "男队",
        "研究院",
        "研究所",
        "实验室",
        "事业部",
        "事业群",
        "工作室",
        "战队",
        "分公司",
        "子公司",
        "直播平台",
    ];
    let mut e = end;
    let mut best = end;
    while e < ceiling && e - end < 10 && super::fallback::is_phrase_char(chars[e]) {
        e += 1;
        let text: String = chars[end..e].iter().collect();
        if UNITS.iter().any(|u| text.ends_with(u)) {
            best = e;
        }
    }
    best
}

/// The end of a headcount followed by what it counts (`300人`, `900余人`, `70 人`, `200多名`).
pub(crate) fn count_end(chars: &[char], end: usize, ceiling: usize) -> usize {
    let mut e = end;
    if e < ceiling && chars[e] == ' ' {
        e += 1;
    }
    if e < ceiling && matches!(chars[e], '余' | '多') {
        e += 1;
    }
    if e < ceiling && matches!(chars[e], '人' | '名') {
        e + 1
    } else {
        end
    }
}

/// Widens the person and organisation spans of one event's `arguments` in the sentence
/// `[floor, ceiling)`.
pub(crate) fn widen(
    chars: &[char],
    floor: usize,
    ceiling: usize,
    entities: &[&Entity],
    arguments: &mut [Argument],
) {
    for a in arguments.iter_mut() {
        match a.role {
            Role::Person => {
                let clause = super::sentences::clause_start(chars, a.start, floor);
                let old_start = a.start;
                a.start = person_start(chars, clause, (a.start, a.end), entities);
                a.end = alias_end(chars, a.end, ceiling);
                // Widened over an opening bracket: the closing one goes with it.
                if a.start < old_start
                    && matches!(chars[old_start - 1], '(' | '（')
                    && a.end < ceiling
                    && matches!(chars[a.end], ')' | '）')
                {
                    a.end += 1;
                }
            }
            // `退出白鹭队训练营`, `离开阿里巴巴达摩院`: the unit of the organisation left or joined.
            Role::From | Role::To => {
                a.end = org_end(chars, a.end, ceiling);
                a.end = unit_end(chars, a.end, ceiling);
            }
            Role::Company
            | Role::Acquirer
            | Role::Target
            | Role::Seller
            | Role::Investor
            | Role::LeadInvestor => a.end = org_end(chars, a.end, ceiling),
            // `裁员300人`: the people counted are part of the count as written.
            Role::Count => a.end = count_end(chars, a.end, ceiling),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str, start: usize, end: usize) -> Entity {
        Entity {
            kind: EntityKind::Company,
            text: text.into(),
            start,
            end,
            name: text.into(),
            owner: None,
        }
    }

    fn phrase(text: &str, name_start: usize, entities: &[&Entity]) -> String {
        let chars: Vec<char> = text.chars().collect();
        let s = person_start(&chars, 0, (name_start, name_start + 3), entities);
        chars[s..name_start].iter().collect()
    }

    #[test]
    fn takes_the_title_chain_and_the_employer() {
        let company = org("远山电气", 0, 4);
        assert_eq!(
            phrase("远山电气副总经理兼董事会秘书周明远辞职", 14, &[&company]),
            "远山电气副总经理兼董事会秘书"
        );
        assert_eq!(phrase("公司财务负责人周明远辞职", 7, &[]), "公司财务负责人");
        assert_eq!(phrase("27岁前锋周明远加盟", 5, &[]), "27岁前锋");
        let bank = org("南江银行", 0, 4);
        assert_eq!(phrase("南江银行前行长辞职", 4, &[&bank]), "南江银行");
    }

    #[test]
    fn stops_at_verbs_and_bare_names() {
        assert_eq!(phrase("董事会收到副总经理周明远的辞呈", 9, &[]), "副总经理");
        assert_eq!(phrase("宣布周明远辞职", 2, &[]), "");
        // A join with no title after it is no part of the phrase.
        assert_eq!(phrase("甲、总监周明远", 4, &[]), "总监");
    }

    #[test]
    fn takes_the_unit_after_an_organisation() {
        let chars: Vec<char> = "退出白鹭队训练营陪练队，".chars().collect();
        assert_eq!(unit_end(&chars, 5, chars.len()), 11);
        let chars: Vec<char> = "离开白鹭队后加盟".chars().collect();
        assert_eq!(unit_end(&chars, 5, chars.len()), 5);
    }

    #[test]
    fn takes_a_stock_code_after_a_company() {
        let chars: Vec<char> = "星河控股（08123）宣布".chars().collect();
        assert_eq!(org_end(&chars, 4, chars.len()), 11);
        let chars: Vec<char> = "星河控股（简称星河）宣布".chars().collect();
        assert_eq!(org_end(&chars, 4, chars.len()), 4);
    }
}
