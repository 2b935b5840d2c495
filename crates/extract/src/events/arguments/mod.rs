//! Argument rules: given a trigger in a sentence, who and what the event is about.
//!
//! Arguments are entity and amount mentions picked by position relative to the trigger and by kind:
//! the actor is the nearest fitting entity before the trigger (within the sentence, so an elided
//! subject is taken from the previous clause), the object the first fitting entity after it within
//! its clause. Each rule requires the arguments without which the event would be a guess (a funding
//! needs a company and at least an amount, a round or an investor), because a wrong event costs more
//! than a missing one.
//!
//! This module holds what the rules share (the sentence view, its position queries, titles);
//! [`people`] has the talent-move rules, [`money`] the funding, valuation, acquisition, listing,
//! layoff and spending rules.

use super::sentences::{clause_end, clause_start};
use super::triggers::{Trigger, TriggerKind};
use super::{Argument, Role};
use zhnews_model::{Amount, AmountKind, Entity, EntityKind, EventDetail, TalentAction};

mod money;
mod people;

pub(crate) use money::names_exchange;

/// One sentence with the mentions inside it.
#[derive(Debug)]
pub(crate) struct Sentence<'a> {
    /// The whole text's chars.
    pub chars: &'a [char],
    /// Char offset of the sentence start.
    pub start: usize,
    /// Char offset one past the sentence end.
    pub end: usize,
    /// Entity mentions inside the sentence (named and resolved anaphora), by start.
    pub entities: Vec<&'a Entity>,
    /// Amounts inside the sentence, by start.
    pub amounts: Vec<&'a Amount>,
}

/// An event's type, arguments and argument spans, before date and modality are added.
#[derive(Debug, Clone)]
pub(crate) struct Built {
    pub detail: EventDetail,
    pub arguments: Vec<Argument>,
}

const ORG_LIKE: &[EntityKind] = &[EntityKind::Company, EntityKind::Org];
const COMPANY: &[EntityKind] = &[EntityKind::Company];
const PERSON: &[EntityKind] = &[EntityKind::Person];

/// Endings of a phrase that names a position (`算法副总裁`, `首席执行官`, `CEO`).
const TITLE_ENDINGS: &[&str] = &[
    "总裁",
    "经理",
    "董事长",
    "董事",
    "主席",
    "创始人",
    "合伙人",
    "负责人",
    "科学家",
    "总监",
    "主管",
    "执行官",
    "运营官",
    "技术官",
    "财务官",
    "官",
    "秘书",
    "主任",
    "院长",
    "校长",
    "总编",
    "主编",
    "工程师",
    "研究员",
    "顾问",
    "主帅",
    "教练",
    "掌门人",
    "一把手",
    "高管",
    "社长",
    "行长",
    "局长",
    "部长",
    "首席",
    "CEO",
    "CTO",
    "COO",
    "CFO",
    "CMO",
    "CPO",
    "CIO",
    "CSO",
    "VP",
    "President",
    "掌舵人",
    "联席总裁",
    "主理人",
    "代表",
    "领导人",
    "主持人",
    "head",
    "Head",
];

impl<'a> Sentence<'a> {
    /// The text of `[from, to)`, clipped to the sentence.
    fn text(&self, from: usize, to: usize) -> String {
        let (from, to) = (from.max(self.start), to.min(self.end));
        if from >= to {
            return String::new();
        }
        self.chars[from..to].iter().collect()
    }

    fn clause_start(&self, pos: usize) -> usize {
        clause_start(self.chars, pos, self.start)
    }

    fn clause_end(&self, pos: usize) -> usize {
        clause_end(self.chars, pos, self.end)
    }

    /// The nearest entity of `kinds` ending at or before `pos` and starting at or after `floor`.
    fn before(&self, pos: usize, kinds: &[EntityKind], floor: usize) -> Option<&'a Entity> {
        self.entities
            .iter()
            .copied()
            .filter(|e| e.end <= pos && e.start >= floor && kinds.contains(&e.kind))
            .max_by_key(|e| (e.end, e.start))
    }

    /// The first entity of `kinds` starting at or after `pos`, within `gap` chars and the clause.
    fn after(&self, pos: usize, kinds: &[EntityKind], gap: usize) -> Option<&'a Entity> {
        let ceiling = self.clause_end(pos);
        self.entities
            .iter()
            .copied()
            .filter(|e| {
                e.start >= pos
                    && e.end <= ceiling
                    && e.start - pos <= gap
                    && kinds.contains(&e.kind)
            })
            .min_by_key(|e| e.start)
    }

    /// Entities coordinated with `head` to its left (`胡某及邝某辞任` gives both), in text order.
    fn coordinated_left(&self, head: &'a Entity) -> Vec<&'a Entity> {
        let mut chain = vec![head];
        let mut current = head;
        while let Some(prev) = self.before(
            current.start,
            &[current.kind],
            self.clause_start(current.start),
        ) {
            let between = self.text(prev.end, current.start);
            if matches!(
                between.as_str(),
                "、" | "和" | "及" | "与" | "以及" | "," | "，"
            ) && prev.name != current.name
            {
                chain.insert(0, prev);
                current = prev;
            } else {
                break;
            }
        }
        chain
    }

    /// True when `entity` may be the subject of the predicate at `pos`: it stands in the predicate's
    /// clause, or that clause has no subject of its own, only a few chars of adverbs, amounts or a
    /// round before the predicate (`…，并裁员300人`, `第二轮融资中…`).
    fn may_govern(&self, entity: &Entity, pos: usize) -> bool {
        let clause_start = self.clause_start(pos);
        if entity.start >= clause_start {
            return true;
        }
        let own: String = (clause_start..pos)
            .filter(|&i| !self.amounts.iter().any(|a| a.start <= i && i < a.end))
            .map(|i| self.chars[i])
            .collect();
        // A clause with `有`, `的`, a passive or a pronoun before its predicate has a subject of its
        // own (`就算未来有被裁掉的风险`, `它们至少可以筹资…`).
        own.chars().count() <= 6
            && !own.contains(['有', '的', '被', '让', '使', '们', '它', '我', '你'])
            // `12名董事纷纷退出`: people named by their post are the clause's own subject.
            && !["董事", "高管", "员工", "球员", "成员", "股东", "主席", "总裁", "经理"]
                .iter()
                .any(|w| own.contains(w))
            && !self
                .entities
                .iter()
                .any(|e| e.start >= clause_start && e.end <= pos)
    }

    /// The organisation announcing a person's arrival (`国米官宣某某加盟`, `甲队宣布乙加盟`).
    fn announcer(&self, person: &Entity) -> Option<&'a Entity> {
        // `甲战队官宣：乙加盟`: the announcement may stand before a colon.
        let mut floor = self.clause_start(person.start);
        if floor > self.start && matches!(self.chars[floor - 1], '：' | ':') {
            floor = self.clause_start(floor - 1);
        }
        let org = self.before(person.start, ORG_LIKE, floor)?;
        let between = self.text(org.end, person.start);
        let between = between
            .trim_end_matches([' ', '：', ':'])
            .trim_end_matches('了');
        [
            "官宣", "宣布", "迎来", "欢迎", "确认", "签下", "引进", "找来", "请来", "招来", "引入",
            "迎回",
        ]
        .iter()
        .any(|v| {
            // The person's descriptor may follow the verb (`宣布前锋乙加盟`).
            between.find(v).is_some_and(|b| {
                let rest = &between[b + v.len()..];
                rest.chars().count() <= 6 && !rest.contains(['，', ',', '的', '和', '与'])
            }) && between.chars().count() <= 12
        })
        .then_some(org)
    }

    /// The company whose announcement tells of a person's move (`甲科技（600123）公告，董事乙辞职`,
    /// `甲科技董事会近日收到乙的辞职报告`): the organisation opening the sentence right before a
    /// reporting word, when no other organisation stands between it and the person at `pos`.
    fn announcing_company(&self, pos: usize) -> Option<&'a Entity> {
        const REPORTING: &[&str] = &[
            "公告",
            "公布",
            "发公告",
            "发布公告",
            "发布",
            "披露",
            "宣布",
            "董事会",
            "监事会",
            "表示",
            "称",
            "官方",
            // A headline's topic (`甲科技：乙辞任董事长`), not a ticker (`Nasdaq:ABC`).
            "：",
            ":",
        ];
        let org = self
            .entities
            .iter()
            .copied()
            .filter(|e| ORG_LIKE.contains(&e.kind) && e.end <= pos)
            .find(|org| {
                // Only a lead-in may stand before it (`近日`, after a dateline and a comma).
                let lead = self.text(self.clause_start(org.start), org.start);
                // Its stock code or a time word may stand before the reporting word.
                let after = self.text(org.end, (org.end + 16).min(pos));
                let after = after.trim_start_matches(|c: char| {
                    c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '（' | '）' | '.' | ' ')
                });
                let after = after
                    .trim_start_matches("近日")
                    .trim_start_matches("日前")
                    .trim_start_matches("今日")
                    .trim_start_matches("于近日");
                let ticker = after.starts_with([':', '：'])
                    && after
                        .chars()
                        .nth(1)
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                lead.chars().count() <= 4
                    && !ticker
                    && REPORTING.iter().any(|w| after.starts_with(w))
            })?;
        let others = self
            .entities
            .iter()
            .any(|e| ORG_LIKE.contains(&e.kind) && e.start >= org.end && e.end <= pos);
        (!others).then_some(org)
    }

    /// Money amounts inside `[from, to)`, nearest to `pos` first.
    fn money_near(&self, from: usize, to: usize, pos: usize) -> Option<&'a Amount> {
        self.amounts
            .iter()
            .copied()
            .filter(|a| a.start >= from && a.end <= to && is_money(a))
            .filter(|a| {
                !self
                    .text(a.start.saturating_sub(4).max(self.start), a.start)
                    .contains("估值")
            })
            .min_by_key(|a| {
                if a.start >= pos {
                    a.start - pos
                } else {
                    // Zero for an amount that straddles `pos` (stale or overlapping mentions).
                    pos.saturating_sub(a.end)
                }
            })
    }

    /// The company a person is introduced with: `零一万物联合创始人李先刚` gives 零一万物 and the role
    /// between. Returns the company, the role span and whether the affiliation is marked as former.
    fn affiliation(&self, person: &Entity) -> Option<Affiliation<'a>> {
        // Any mention of the same person in the sentence may carry the introduction.
        let mentions = self
            .entities
            .iter()
            .copied()
            .filter(|e| e.kind == EntityKind::Person && e.name == person.name);
        for mention in mentions {
            let floor = mention
                .start
                .saturating_sub(24)
                .max(self.clause_start(mention.start));
            let Some(company) = self.before(mention.start, ORG_LIKE, floor) else {
                continue;
            };
            let between = self.text(company.end, mention.start);
            // Only titles and the genitive may stand between (`的资深AI负责人`, `算法副总裁、…负责人`).
            if between.contains('，')
                || between.contains('“')
                || self
                    .entities
                    .iter()
                    .any(|e| e.start >= company.end && e.end <= mention.start)
            {
                continue;
            }
            let role = title_span(self, company.end, mention.start);
            if between.is_empty() || role.is_some() || between == "的" || is_time_filler(&between)
            {
                let former = crate::events::coref::is_former(self.chars, company.start);
                return Some(Affiliation {
                    company,
                    role,
                    former,
                });
            }
        }
        None
    }
}

/// The company a person is introduced with, and how.
#[derive(Debug, Clone, Copy)]
struct Affiliation<'a> {
    /// The company named before the person.
    company: &'a Entity,
    /// The title between them, when there is one.
    role: Option<(usize, usize)>,
    /// Marked as former (`前京东…`).
    former: bool,
}

/// True for a time phrase standing between a company and the people it tells of (`一月内`, `近日`).
fn is_time_filler(text: &str) -> bool {
    if [
        "近日", "日前", "近期", "今年", "去年", "本月", "上月", "昨日", "今日",
    ]
    .contains(&text)
    {
        return true;
    }
    let Some(head) = ["内", "来", "间"]
        .iter()
        .find_map(|x| text.strip_suffix(x))
        .and_then(|h| h.strip_suffix(['月', '年', '周', '日', '天']))
    else {
        return false;
    };
    let head = head.strip_suffix('个').unwrap_or(head);
    !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || "一两二三四五六七八九十几数".contains(c))
}

/// The span of a position title between `from` and `to` (a leading `的` dropped), when the text there
/// ends with a title word.
fn title_span(s: &Sentence<'_>, mut from: usize, to: usize) -> Option<(usize, usize)> {
    while from < to && matches!(s.chars[from], '的' | ' ' | '旗' | '下') {
        from += 1;
    }
    // `担任该公司的总经理`: the company reference is not part of the title.
    for lead in ["该公司的", "该公司", "本公司", "公司的", "该集团", "集团的"] {
        if s.text(from, to).starts_with(lead) {
            from += lead.chars().count();
            break;
        }
    }
    let text = s.text(from, to);
    let text = text.trim_end();
    if text.is_empty()
        || text.chars().count() > 24
        || !TITLE_ENDINGS.iter().any(|t| text.ends_with(t))
    {
        return None;
    }
    // A verb inside means a clause, not a title (`否认了CEO`).
    if [
        "了", "宣布", "表示", "否认", "称", "将", "已", "被", "对", "由", "是", "为",
    ]
    .iter()
    .any(|v| text.contains(v))
    {
        return None;
    }
    Some((from, from + text.chars().count()))
}

fn is_money(a: &Amount) -> bool {
    a.kind == AmountKind::Money || (a.kind == AmountKind::Count && a.unit.is_none())
}

fn arg(role: Role, e: &Entity) -> Argument {
    Argument {
        role,
        start: e.start,
        end: e.end,
    }
}

fn amount_arg(role: Role, a: &Amount) -> Argument {
    Argument {
        role,
        start: a.start,
        end: a.end,
    }
}

/// The events a trigger announces (several when people are coordinated: `甲和乙先后离职`).
pub(crate) fn build(s: &Sentence<'_>, t: Trigger) -> Vec<Built> {
    use TriggerKind::*;
    match t.kind {
        Leave | Quit | Join | Appoint | RoleChange => people::talent(s, t),
        Fire => people::fire(s, t),
        Hire => people::hire(s, t).into_iter().collect(),
        Funding | Investment => money::funding(s, t).into_iter().collect(),
        Valuation => money::valuation(s, t).into_iter().collect(),
        Acquire | Sell => money::acquisition(s, t).into_iter().collect(),
        Ipo => money::ipo(s, t).into_iter().collect(),
        Layoff => {
            let clause = (s.clause_start(t.start), s.clause_end(t.end));
            if s.entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && e.start >= clause.0 && e.end <= clause.1)
            {
                // `将某球员裁掉`: one person let go is a dismissal, not job cuts.
                people::fire(s, t)
            } else {
                money::layoff(s, t).into_iter().collect()
            }
        }
        Spend => money::spend(s, t).into_iter().collect(),
    }
}
