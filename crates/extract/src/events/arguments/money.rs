//! Money and workforce events: funding, valuation, acquisitions, listings, layoffs and spending.
//!
//! The company is the nearest fitting company before the trigger that may be its subject; amounts
//! are taken from the trigger's clause (or a later clause about the amount), rounds and exchanges
//! from the words around the trigger, investors from `领投`/`跟投` phrases.

use super::*;
use crate::events::deals;
use regex::Regex;
use std::sync::LazyLock;

/// Words that name what money is spent on.
const PURPOSES: &[&str] = &[
    "广告",
    "营销",
    "推广",
    "研发",
    "训练",
    "获客",
    "算力",
    "投流",
    "买量",
    "补贴",
    "数据中心",
    "基础设施",
    "基建",
    "人才",
    "芯片",
];

/// Nouns for goods, whose `上市` is a launch (`新车上市`), not a listing.
const PRODUCT_NOUNS: &[&str] = &[
    "手机",
    "汽车",
    "电动车",
    "新车",
    "车型",
    "新品",
    "新机",
    "产品",
    "系列",
    "芯片",
    "游戏",
    "电影",
    "版",
    "款",
    "相机",
    "单反",
    "电脑",
    "笔记本",
    "平板",
    "电视",
    "耳机",
    "手表",
    "机型",
    "型号",
    "显卡",
    "处理器",
    "套装",
    "热水器",
    "电器",
    "楼盘",
];

/// Stock exchanges and boards, as written.
const EXCHANGES: &[&str] = &[
    "香港联合交易所",
    "香港联交所",
    "港交所",
    "联交所",
    "纳斯达克",
    "纽约证券交易所",
    "纽交所",
    "上海证券交易所",
    "上交所",
    "深圳证券交易所",
    "深交所",
    "北京证券交易所",
    "北交所",
    "科创板",
    "创业板",
    "中小板",
    "新三板",
    "伦敦证券交易所",
    "伦交所",
    "东京证券交易所",
    "NASDAQ",
    "Nasdaq",
    "NYSE",
    "港股",
    "美股",
    "A股",
    "香港",
    "主板",
];

/// True when `text` names a stock exchange or board (`在科创板上市`, `登陆纳斯达克`, any
/// `…交易所`); a bare `香港` is a place, not an exchange, here.
pub(crate) fn names_exchange(text: &str) -> bool {
    text.contains("交易所") || EXCHANGES.iter().any(|x| *x != "香港" && text.contains(x))
}

static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(天使\+?|种子|Pre-?[A-F]\+?|pre-?[A-F]\+?|[A-F]\+{0,2}|Pre-?IPO|战略|第[0-9一二三四五六七八九十]+)(?:轮|系列)?(?:融资|投资)?$")
        .expect("round pattern is valid")
});

/// Investor roles of the entities of a sentence: `由甲领投，乙、丙跟投`, `投资方包括甲、乙`.
fn investors<'a>(s: &Sentence<'a>, raiser: Option<&str>) -> (Vec<&'a Entity>, Vec<&'a Entity>) {
    #[derive(Clone, Copy, PartialEq)]
    enum R {
        Lead,
        Follow,
        None,
    }
    let candidates: Vec<&Entity> = s
        .entities
        .iter()
        .copied()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Company | EntityKind::Org | EntityKind::Person
            ) && Some(e.name.as_str()) != raiser
        })
        .collect();
    let mut roles = vec![R::None; candidates.len()];
    for i in (0..candidates.len()).rev() {
        let e = candidates[i];
        let next_start = candidates.get(i + 1).map_or(s.end, |n| n.start);
        let after = s.text(e.end, next_start.min(e.end + 8));
        let mut after = after.as_str();
        for filler in ["等", "、", "共同", "联合", "作为"] {
            after = after.trim_start_matches(filler);
        }
        roles[i] = if after.starts_with("领投")
            || after.starts_with("领衔")
            || after.starts_with("独家投资")
        {
            R::Lead
        } else if ["跟投", "参投", "参与投资", "参与", "投资", "追加投资"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            R::Follow
        } else if ["和", "及", "与", "以及"]
            .iter()
            .any(|w| s.text(e.end, next_start) == *w)
            || s.text(e.end, next_start) == "、"
        {
            roles.get(i + 1).copied().unwrap_or(R::None)
        } else {
            R::None
        };
    }
    // `投资方包括甲、乙` / `投资方为甲`.
    let sentence_text = s.text(s.start, s.end);
    for marker in [
        "投资方包括",
        "投资方为",
        "投资方有",
        "投资者包括",
        "投资机构包括",
    ] {
        if let Some(b) = sentence_text.find(marker) {
            let mut pos = s.start + sentence_text[..b].chars().count() + marker.chars().count();
            for (i, e) in candidates.iter().enumerate() {
                if e.start == pos && roles[i] == R::None {
                    roles[i] = R::Follow;
                    let sep = s.text(e.end, e.end + 1);
                    pos = if matches!(sep.as_str(), "、" | "和" | "及" | "与") {
                        e.end + 1
                    } else {
                        usize::MAX
                    };
                }
            }
        }
    }
    let lead: Vec<&Entity> = candidates
        .iter()
        .zip(&roles)
        .filter(|(_, r)| **r == R::Lead)
        .map(|(e, _)| *e)
        .collect();
    let follow: Vec<&Entity> = candidates
        .iter()
        .zip(&roles)
        .filter(|(_, r)| **r == R::Follow)
        .map(|(e, _)| *e)
        .collect();
    (lead, follow)
}

/// True when `chars[from..to]` holds only time expressions (as [`crate::events::dates`] finds
/// them: `2012年`, `去年`) and sequence adverbs (`随后又`, `此后`): the lead-in of a clause whose
/// subject is the sentence's.
fn is_time_or_adverb(s: &Sentence<'_>, from: usize, to: usize) -> bool {
    let times = crate::events::dates::find(s.chars, from, to, None);
    let mut rest: String = (from..to)
        .filter(|&i| !times.iter().any(|t| t.start <= i && i < t.end))
        .map(|i| s.chars[i])
        .filter(|c| !c.is_whitespace())
        .collect();
    for word in [
        "随后", "此后", "之后", "其后", "后来", "同年", "当年", "曾于", "曾", "于", "又", "再",
        "还", "也", "并", "已经", "已", "先后", "再次", "相继", "分别",
    ] {
        rest = rest.replace(word, "");
    }
    rest.is_empty()
}

/// A funding round: raiser, amount, round and investors (`甲完成5亿元B轮融资，由乙领投`).
pub(super) fn funding(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    let clause_start = s.clause_start(t.start);
    let head = s.text(clause_start, t.start);
    if t.kind == TriggerKind::Investment
        && !(head.contains('获') || head.contains("完成") || head.contains("接受"))
    {
        return None;
    }
    // The company raising: the nearest company before the trigger that is not itself an investor.
    let (leads_all, follows_all) = investors(s, None);
    let is_investor = |e: &Entity| {
        leads_all
            .iter()
            .chain(&follows_all)
            .any(|i| i.start == e.start)
    };
    let company = s
        .entities
        .iter()
        .copied()
        .filter(|e| e.end <= t.start && e.kind == EntityKind::Company && !is_investor(e))
        .filter(|e| {
            // In `获得甲的投资`, 甲 is the investor.
            t.kind != TriggerKind::Funding
                || !s.text(e.end, t.start).starts_with("的")
                || s.text(e.start.saturating_sub(2), e.start) != "获得"
        })
        .filter(|e| {
            let lead = s.text(e.start.saturating_sub(1).max(s.start), e.start);
            lead != "由" && lead != "获"
        })
        .max_by_key(|e| e.end)
        .filter(|e| s.may_govern(e, t.start))?;
    let company = if t.kind == TriggerKind::Investment {
        // `甲获得乙的投资`: the raiser is the first company of the clause, the ones after 获 invest.
        let first = s
            .entities
            .iter()
            .copied()
            .filter(|e| {
                e.kind == EntityKind::Company && e.start >= clause_start && e.end <= t.start
            })
            .min_by_key(|e| e.start)
            .unwrap_or(company);
        let receives = ["获", "接受"]
            .iter()
            .filter_map(|w| head.find(w))
            .min()
            .map(|b| clause_start + head[..b].chars().count());
        match receives {
            // `…，2012年获得乙数千万元投资`: every company of the clause stands after 获, so they
            // invest; the raiser is the sentence's subject when only time words and adverbs lead
            // the clause, and unknown otherwise (`丙则获得乙…投资`: 丙 was not recognized).
            Some(at) if first.start >= at => {
                if !is_time_or_adverb(s, clause_start, at) {
                    return None;
                }
                s.entities
                    .iter()
                    .copied()
                    .filter(|e| {
                        e.kind == EntityKind::Company && e.start >= s.start && e.end <= clause_start
                    })
                    .min_by_key(|e| e.start)?
            }
            _ => first,
        }
    } else {
        company
    };
    let (mut lead, mut follow) = investors(s, Some(&company.name));
    if t.kind == TriggerKind::Investment {
        for e in s.entities.iter().copied() {
            if e.start > company.end
                && e.end <= t.start
                && e.kind != EntityKind::Product
                && !follow.iter().any(|f| f.start == e.start)
                && !lead.iter().any(|f| f.start == e.start)
            {
                follow.push(e);
            }
        }
    }
    lead.retain(|e| e.name != company.name);
    follow.retain(|e| e.name != company.name);
    let clause_end = s.clause_end(t.end);
    let amount_floor = if company.start >= clause_start {
        company.end
    } else {
        clause_start
    };
    // The amount may follow in a clause of its own (`完成新一轮融资，金额为5亿美元`).
    let amount = s
        .money_near(amount_floor, clause_end, t.start)
        .or_else(|| amount_clause(s, clause_end));
    let round_window = s.text(t.start.saturating_sub(14).max(amount_floor), t.end);
    let round = ROUND.captures(&round_window).and_then(|c| {
        let m = c.get(1)?;
        // A letter that ends a Latin name (`AMD融资`) is not a round.
        let glued = round_window[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        (!glued).then(|| (m.as_str().to_owned(), m.len()))
    });
    let round_text = round.as_ref().map(|(r, _)| normalize_round(r));
    if amount.is_none() && round_text.is_none() && lead.is_empty() && follow.is_empty() {
        return None;
    }
    // `获…投资` needs the investor or the sum (`获得甲的投资`, `获5000万元投资`).
    if t.kind == TriggerKind::Investment && amount.is_none() && lead.is_empty() && follow.is_empty()
    {
        return None;
    }
    let mut args = vec![arg(Role::Company, company)];
    if let Some(a) = amount {
        args.push(amount_arg(Role::Amount, a));
    }
    if let Some((r, _)) = &round {
        let text = s.text(amount_floor.max(t.start.saturating_sub(14)), t.end);
        if let Some(b) = text.rfind(r.as_str()) {
            let rs = amount_floor.max(t.start.saturating_sub(14)) + text[..b].chars().count();
            let mut re = rs + r.chars().count();
            if s.text(re, re + 1) == "轮" {
                re += 1;
            }
            args.push(Argument {
                role: Role::Round,
                start: rs,
                end: re,
            });
        }
    }
    let mut all: Vec<&Entity> = lead.clone();
    for f in &follow {
        if !all.iter().any(|a| a.name == f.name) {
            all.push(f);
        }
    }
    for l in &lead {
        args.push(arg(Role::LeadInvestor, l));
    }
    for f in &follow {
        args.push(arg(Role::Investor, f));
    }
    let names = |v: &[&Entity]| {
        let mut out: Vec<String> = Vec::new();
        for e in v {
            if !out.contains(&e.name) {
                out.push(e.name.clone());
            }
        }
        out
    };
    let investors = names(&all);
    let lead_investors = names(&lead);
    Some(Built {
        detail: EventDetail::Funding {
            company: company.name.clone(),
            round: round_text,
            amount: amount.cloned(),
            investors,
            lead_investors,
        },
        arguments: args,
    })
}

/// The money of a later clause of the sentence that is about the amount (`，金额达10亿元`), for
/// events whose own clause gives none.
fn amount_clause<'a>(s: &Sentence<'a>, mut clause_end: usize) -> Option<&'a Amount> {
    while clause_end < s.end {
        let next_start = clause_end + 1;
        let next_end = s.clause_end(next_start);
        let head = s.text(next_start, next_start + 6);
        if [
            "金额",
            "融资金额",
            "融资额",
            "规模",
            "总额",
            "募资",
            "交易金额",
            "交易额",
            "作价",
        ]
        .iter()
        .any(|w| head.starts_with(w))
        {
            return s.money_near(next_start, next_end, next_start);
        }
        clause_end = next_end;
    }
    None
}

fn normalize_round(raw: &str) -> String {
    if let Some(n) = raw.strip_prefix('第') {
        if let Some(v) = crate::events::dates::parse_num(n) {
            return format!("第{v}轮");
        }
        return format!("第{n}轮");
    }
    match raw {
        "种子" => "种子".into(),
        r if r.to_ascii_lowercase().starts_with("pre") => {
            let rest = r[3..].trim_start_matches('-');
            format!(
                "Pre-{}",
                if rest.eq_ignore_ascii_case("ipo") {
                    "IPO".to_owned()
                } else {
                    rest.to_owned()
                }
            )
        }
        r => r.to_owned(),
    }
}

/// A valuation with its amount next to the trigger (`估值达30亿美元`, `这236亿估值`).
pub(super) fn valuation(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    let clause_end = s.clause_end(t.end);
    let after = s
        .amounts
        .iter()
        .copied()
        .filter(|a| is_money(a) && a.start >= t.end && a.end <= clause_end && a.start - t.end <= 6)
        .min_by_key(|a| a.start);
    let before = s
        .amounts
        .iter()
        .copied()
        .filter(|a| {
            is_money(a)
                && a.end <= t.start
                && t.start - a.end <= 2
                && !s.text(a.end, t.start).contains('，')
        })
        .max_by_key(|a| a.end);
    let amount = after.or(before)?;
    let company = s
        .before(t.start.min(amount.start), COMPANY, s.start)
        .or_else(|| s.before(t.start, COMPANY, s.start))
        .filter(|c| s.may_govern(c, t.start.min(amount.start)))?;
    Some(Built {
        detail: EventDetail::Valuation {
            company: company.name.clone(),
            amount: Some(amount.clone()),
        },
        arguments: vec![
            arg(Role::Company, company),
            amount_arg(Role::Amount, amount),
        ],
    })
}

/// A party of a deal: a recognized entity, or a phrase the text names it with (`竞得人为甲`).
#[derive(Debug, Clone)]
struct Party {
    name: String,
    start: usize,
    end: usize,
}

impl Party {
    fn of(e: &Entity) -> Party {
        Party {
            name: e.name.clone(),
            start: e.start,
            end: e.end,
        }
    }

    fn arg(&self, role: Role) -> Argument {
        Argument {
            role,
            start: self.start,
            end: self.end,
        }
    }
}

/// What changes hands when it is not a whole company: its value as written and its cited span.
#[derive(Debug, Clone)]
struct Stake {
    text: String,
    start: usize,
    end: usize,
    /// A business of the target (`乙手机芯片业务`): the target is then also the seller.
    business: bool,
}

/// Words that front what is sold (`甲将乙出售给丙`), and the holder words that may follow them.
const HOLDER_LEADS: &[&str] = &["所持有的", "所持的", "所持", "持有的", "其", "旗下"];

/// The stake or business written right after the target (`乙公司30%股权`, `乙手机芯片业务`).
fn stake_of(s: &Sentence<'_>, target: &Entity, ceiling: usize) -> Option<Stake> {
    let mut at = crate::events::spans::org_end(s.chars, target.end, ceiling);
    // `乙(Beta)30%股份`: another name of the company in brackets stands between.
    if at < ceiling
        && matches!(s.chars[at], '(' | '（')
        && let Some(close) =
            (at + 1..ceiling.min(at + 14)).find(|&i| matches!(s.chars[i], ')' | '）'))
        && !s.text(at, close).contains(['，', ','])
    {
        at = close + 1;
    }
    if let Some((a, b)) = deals::stake_at(s.chars, at, ceiling) {
        return Some(Stake {
            text: s.text(a, b),
            start: a,
            end: b,
            business: false,
        });
    }
    if let Some((a, b)) = deals::unit_stake_at(s.chars, at, ceiling) {
        return Some(Stake {
            text: s.text(a, b),
            // `乙中国控股权`: the unit is named with its company.
            start: target.start,
            end: b,
            business: false,
        });
    }
    let (a, b) = deals::business_at(s.chars, at, ceiling)?;
    Some(Stake {
        text: s.text(a, b),
        // The business is cited with its owner (`乙手机芯片业务`): that is what is bought.
        start: target.start,
        end: b,
        business: true,
    })
}

/// A stake, holding or property written at `pos` with no company before it (`出售附属公司`,
/// `竞得城东一宗商住用地`, `转让所持30%股权`).
fn bare_stake(s: &Sentence<'_>, pos: usize, ceiling: usize) -> Option<Stake> {
    let mut at = pos;
    for lead in HOLDER_LEADS {
        if s.text(at, at + lead.chars().count()) == *lead {
            at += lead.chars().count();
            break;
        }
    }
    let (a, b) = deals::property_at(s.chars, at, ceiling)
        .or_else(|| deals::stake_at(s.chars, at, ceiling))
        .or_else(|| deals::holding_at(s.chars, at, ceiling))?;
    Some(Stake {
        text: s.text(a, b),
        start: a,
        end: b,
        business: false,
    })
}

/// Words that, right after a deal verb, make it part of a noun (`转让纠纷`, `收购协议`, `出售方`).
const NOT_DEAL_FOLLOWERS: &[&str] = &[
    "纠纷", "协议", "合同", "案", "款", "手续", "事宜", "公告", "费", "税", "价", "方", "人", "者",
    "要约", "意向", "传闻", "计划", "预案", "事项", "总", "面积", "收入", "收益", "制度", "程序",
    "行为", "现象", "成本", "规模", "金额", "资金", "比例", "方式", "条件", "和", "票", "市",
];

/// Words read where a deal party stands that name none (`就有关收购…`, `双方`).
const NOT_PARTIES: &[&str] = &[
    "有关", "相关", "双方", "各方", "对方", "买方", "卖方", "公司", "集团",
];

/// Sale verbs after which the buyer follows directly (`卖给丙`).
const TO_BUYER_VERBS: &[&str] = &["卖给", "售予", "转让给", "出售给"];

/// A purchase or sale, active, passive (`被…收购`) or fronted (`将乙出售给丙`): the buyer, what is
/// bought (a company, or the company whose stake or business changes hands), the stake, land or
/// business when it is not a whole company, the seller when the text names one, and the price.
pub(super) fn acquisition(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    const TARGET: &[EntityKind] = &[EntityKind::Company, EntityKind::Org, EntityKind::Product];
    const PARTY: &[EntityKind] = &[EntityKind::Company, EntityKind::Org, EntityKind::Person];
    let word = s.text(t.start, t.end);
    // `股权转让纠纷`, `收购协议`: the verb inside a noun names a kind of deal, not one.
    let follower = s.text(t.end, t.end + 2);
    if NOT_DEAL_FOLLOWERS.iter().any(|w| follower.starts_with(w)) {
        return None;
    }
    let clause_start = s.clause_start(t.start);
    let clause_end = s.clause_end(t.end);
    let head = s.text(t.start.saturating_sub(8).max(clause_start), t.start);
    let sell = t.kind == TriggerKind::Sell;
    let mut seller: Option<&Entity> = None;
    let mut seller_span: Option<(usize, usize)> = None;
    let mut stake: Option<Stake> = None;
    let (acquirer, target) = if let Some(b) = head.rfind('被') {
        let bei = t.start - head[b..].chars().count();
        let target = s.before(bei, TARGET, s.start);
        let agent = s.before(t.start, ORG_LIKE, bei + 1);
        if sell {
            (None, target)
        } else {
            (agent, target)
        }
    } else if sell {
        // What is sold is fronted by 将/把 (`甲将所持乙公司30%股权转让给丙`), else it is the object;
        // after `出售给` comes the buyer, before the verb (or before 将/向) the seller.
        let wide_start = t.start.saturating_sub(24).max(clause_start);
        let wide = s.text(wide_start, t.start);
        let ba = wide
            .char_indices()
            .filter(|&(_, c)| c == '将' || c == '把')
            .map(|(b, _)| wide_start + wide[..b].chars().count())
            // `即将`, `将于`: the adverb of time, not the marker of what is sold.
            .rfind(|&at| {
                (at == 0 || s.chars[at - 1] != '即')
                    && at + 1 < t.start
                    && !matches!(s.chars[at + 1], '于' | '在' | '会')
            });
        let mut object_at = ba.map(|at| at + 1);
        if let Some(at) = object_at {
            for lead in HOLDER_LEADS {
                if s.text(at, at + lead.chars().count()) == *lead {
                    object_at = Some(at + lead.chars().count());
                    break;
                }
            }
        }
        let fronted = object_at.and_then(|at| s.after(at, TARGET, 1).filter(|e| e.end <= t.start));
        let to_buyer = matches!(s.text(t.end, t.end + 1).as_str(), "给" | "予")
            || TO_BUYER_VERBS.contains(&word.as_str());
        // `旗下物流` read as a name is the holder words before a holding, not a company.
        let mut target = fronted
            .or_else(|| {
                if to_buyer {
                    None
                } else {
                    s.after(t.end, TARGET, 10)
                }
            })
            .filter(|x| !HOLDER_LEADS.iter().any(|l| x.name.starts_with(l)));
        stake = target.and_then(|x| stake_of(s, x, clause_end));
        if stake.is_none() {
            // `出让一宗工业用地`, `出售旗下物流业务`: the object is a holding or land, and a name
            // read inside it is no company of the deal.
            let bare = match object_at {
                Some(at) => bare_stake(s, at, t.start),
                None if !to_buyer => bare_stake(s, t.end, clause_end),
                None => None,
            };
            if let Some(b) = &bare
                && target.is_some_and(|x| x.start < b.end && b.start < x.end)
            {
                target = None;
            }
            stake = bare;
        }
        let buyer = s
            .entities
            .iter()
            .copied()
            .filter(|e| ORG_LIKE.contains(&e.kind) && e.start >= t.end && e.end <= clause_end)
            .find(|e| {
                let lead = s.text(e.start.saturating_sub(1), e.start);
                lead == "给"
                    || lead == "予"
                    || TO_BUYER_VERBS.contains(&word.as_str()) && e.start == t.end
            });
        let xiang = head
            .rfind('向')
            .map(|x| t.start - head[x..].chars().count());
        let buyer = buyer.or_else(|| {
            let at = xiang? + 1;
            s.after(at, ORG_LIKE, 1).filter(|e| e.end <= t.start)
        });
        // The seller is the subject: before 将/把/向, in the verb's clause or governing it. A person
        // sells only in the verb's own clause (`股东乙减持`): one named earlier is more often a
        // speaker than the owner.
        let limit = ba.into_iter().chain(xiang).min().unwrap_or(t.start);
        seller = s
            .before(limit, PARTY, s.start)
            .filter(|e| s.may_govern(e, t.start))
            .filter(|e| e.kind != EntityKind::Person || e.start >= clause_start)
            .filter(|e| {
                target.is_none_or(|x| x.name != e.name) && buyer.is_none_or(|b| b.name != e.name)
            });
        // `甲股东乙减持`: a shareholder sells shares of the company it is introduced with.
        let holder_of = seller.and_then(|p| {
            let company = s.before(p.start, COMPANY, clause_start)?;
            let between = s.text(company.end, p.start);
            [
                "股东",
                "大股东",
                "控股股东",
                "董事长",
                "董事",
                "实控人",
                "实际控制人",
            ]
            .contains(&between.as_str())
            .then_some(company)
        });
        if let (Some(company), Some(p)) = (holder_of, seller) {
            // The shareholder is cited as introduced (`甲股东乙`).
            seller_span = Some((company.start, p.end));
        }
        (buyer, target.or(holder_of))
    } else {
        let dui = head.rfind('对');
        let target_before = dui.and_then(|d| {
            let at = t.start - head[d..].chars().count() + 1;
            s.after(at, TARGET, 1).filter(|e| e.end <= t.start)
        });
        // `甲向乙收购丙股权`, `甲从乙手中收购`: the party after 向/从 sells.
        let from = head
            .rfind(['向', '从'])
            .map(|x| t.start - head[x..].chars().count() + 1)
            .and_then(|at| s.after(at, ORG_LIKE, 1).filter(|e| e.end <= t.start));
        seller = from;
        let acquirer = s
            .entities
            .iter()
            .copied()
            .filter(|e| {
                ORG_LIKE.contains(&e.kind)
                    && e.end <= t.start
                    && Some(e.start) != target_before.map(|x| x.start)
                    && !NOT_PARTIES.contains(&e.text.as_str())
            })
            .filter(|e| target_before.is_none_or(|x| e.end <= x.start))
            .filter(|e| from.is_none_or(|x| e.end <= x.start))
            .max_by_key(|e| e.end)
            // `当乙买下丙队之后`: a person buying in the verb's clause leaves no company to name.
            .filter(|e| {
                !s.entities.iter().any(|p| {
                    p.kind == EntityKind::Person
                        && p.start >= clause_start.max(e.end)
                        && p.end <= t.start
                })
            });
        // Land bought at auction (`竞得城东一宗商住用地`) is a stake however the object was read.
        let property = deals::property_at(s.chars, t.end, clause_end);
        let mut target = target_before
            .or_else(|| s.after(t.end, TARGET, 12))
            .filter(|x| property.is_none_or(|(_, b)| x.start >= b));
        // `收购Beta Net约57%股份`: a Latin company name read as a person still holds the stake.
        if target.is_none()
            && let Some(x) = s.after(t.end, PERSON, 1)
            && stake_of(s, x, clause_end).is_some_and(|st| !st.business)
        {
            target = Some(x);
        }
        // `受让乙持有的丙30%股权`: the first party holds what is sold, the second is what it is in.
        if target_before.is_none()
            && let Some(x) = target
        {
            let rest = s.text(x.end, x.end + 4);
            if let Some(lead) = ["所持有的", "持有的", "所持的", "所持"]
                .iter()
                .find(|l| rest.starts_with(*l))
            {
                seller = seller.or(Some(x));
                target = s.after(x.end + lead.chars().count(), TARGET, 1);
            }
        }
        stake = match target {
            Some(x) => stake_of(s, x, clause_end),
            None => property
                .map(|(a, b)| Stake {
                    text: s.text(a, b),
                    start: a,
                    end: b,
                    business: false,
                })
                .or_else(|| bare_stake(s, t.end, clause_end)),
        };
        (acquirer, target)
    };
    let target = target.filter(|x| acquirer.is_none_or(|a| a.name != x.name));
    // The buyer a later clause names (`，竞得人为丙`), recognized or not.
    let named_buyer = || {
        let at = deals::buyer_lead(s.chars, t.end, s.end)?;
        match s.after(at, ORG_LIKE, 0) {
            Some(e) => Some(Party::of(e)),
            None => {
                let (a, b) = deals::party_at(s.chars, at, s.end)?;
                Some(Party {
                    name: s.text(a, b),
                    start: a,
                    end: b,
                })
            }
        }
    };
    let acquirer = acquirer.map(Party::of).or_else(named_buyer);
    // A business is sold by the company that runs it.
    if seller.is_none()
        && let (Some(x), Some(st)) = (target, &stake)
        && st.business
    {
        seller = Some(x);
    }
    // A number inside the stake (`减持120万股`) is no price.
    let in_stake = |a: &Amount| {
        stake
            .as_ref()
            .is_some_and(|st| a.start < st.end && st.start < a.end)
    };
    let amount = s
        .money_near(clause_start, clause_end, t.start)
        .filter(|a| !in_stake(a))
        .or_else(|| {
            s.amounts.iter().copied().find(|a| {
                is_money(a)
                    && !in_stake(a)
                    && a.start > t.end
                    && (deals::priced(s.chars, t.end, a.start)
                        || deals::price_follows(s.chars, a.end, s.end))
            })
        });
    // `摘得`, `拍得` win prizes and lots as often as land: only property or a stake makes a deal.
    if matches!(word.as_str(), "摘得" | "拍得") && stake.is_none() {
        return None;
    }
    // A product sold with no buyer is a sale of goods (`以较低的价格出售新款芯片`), not a deal.
    let goods = target.is_some_and(|x| {
        x.kind == EntityKind::Product || PRODUCT_NOUNS.iter().any(|n| x.name.ends_with(n))
    }) && acquirer.is_none();
    let has_object = (target.is_some() && !goods) || stake.is_some();
    // A sale with no party at all (`通过股权转让等方式`) is a mention of a kind of deal; one with only
    // a seller needs a stake, holding, business or land as what is sold (`甲出售旗下物流业务`):
    // things sold with no buyer named are more often goods and homes (`出售自己的房子`).
    let has_party = acquirer.is_some() || sell && seller.is_some() && stake.is_some();
    if !has_object || !has_party {
        return None;
    }
    let mut args = Vec::new();
    if let Some(a) = &acquirer {
        args.push(a.arg(Role::Acquirer));
    }
    if let Some(x) = target {
        args.push(arg(Role::Target, x));
    }
    if let Some(x) = seller {
        let (start, end) = seller_span.unwrap_or((x.start, x.end));
        args.push(Argument {
            role: Role::Seller,
            start,
            end,
        });
    }
    if let Some(st) = &stake {
        args.push(Argument {
            role: Role::Stake,
            start: st.start,
            end: st.end,
        });
    }
    if let Some(a) = amount {
        args.push(amount_arg(Role::Amount, a));
    }
    Some(Built {
        detail: EventDetail::Acquisition {
            acquirer: acquirer.map(|a| a.name),
            target: target.map(|x| x.name.clone()),
            seller: seller.map(|x| x.name.clone()),
            stake: stake.map(|st| st.text),
            amount: amount.cloned(),
        },
        arguments: args,
    })
}

/// A listing with its exchange and proceeds; product launches and nominal `上市` are left out.
pub(super) fn ipo(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    let clause_start = s.clause_start(t.start);
    // A product before the trigger (`新机将于9月上市`) is a launch, not a listing.
    let nearest_any = s.before(
        t.start,
        &[
            EntityKind::Company,
            EntityKind::Product,
            EntityKind::Org,
            EntityKind::Person,
        ],
        clause_start,
    );
    if nearest_any.is_some_and(|e| matches!(e.kind, EntityKind::Product | EntityKind::Person)) {
        return None;
    }
    // The listing company: the nearest company before the trigger that is its subject, in the
    // trigger's clause, governing it from an earlier one, or the topic whose clause has nothing but
    // time, place and listing words before the verb (`甲公司(简称“甲”，证券代码：688001)于2024年
    // 在科创板上市`). One named after 继 listed before (`继乙之后上市`) is no subject.
    let mut candidates: Vec<&Entity> = s
        .entities
        .iter()
        .copied()
        .filter(|e| e.kind == EntityKind::Company && e.end <= t.start && e.start >= s.start)
        .filter(|e| s.text(e.start.saturating_sub(1), e.start) != "继")
        // `首批25家企业`: a batch of listings is no company.
        .filter(|e| {
            !["首批", "一批", "多家", "几家", "这批", "又一", "新一批"]
                .iter()
                .any(|w| e.name.starts_with(w))
        })
        .collect();
    candidates.sort_by_key(|e| std::cmp::Reverse((e.end, e.start)));
    let (company, gap, subject_end) = candidates.into_iter().take(3).find_map(|c| {
        let (gap, subject_end) = listing_gap(s, c, t.start)?;
        // Across a comma only bare words may follow the company (`甲公司周四宣布，将于下月在港交所
        // 上市`); a clause of its own (`甲发布的公告称，占IPO…`) has another subject.
        let own_clause = c.start >= clause_start && s.may_govern(c, t.start);
        (own_clause || bare_listing_gap(&gap)).then_some((c, gap, subject_end))
    })?;
    // `比亚迪e3上市`, `小米电动车上市`: a model or product noun after the maker is a product launch.
    // A model name (`EOS 7D`) or a bracket between the maker and the verb also marks a product, or a
    // company that is not the subject; exchange names (`NASDAQ`, `A股`), dates and the company's
    // short name or code in brackets may stand there.
    if gap.contains(|c: char| c.is_ascii_alphanumeric() || matches!(c, '）' | ')' | '》' | '」'))
        || PRODUCT_NOUNS.iter().any(|n| gap.contains(n))
    {
        return None;
    }
    let window_start = clause_start.max(t.start.saturating_sub(12));
    let window_end = s.clause_end(t.end).min(t.end + 12);
    let window = s.text(window_start, window_end);
    let exchange = EXCHANGES
        .iter()
        .filter_map(|x| window.find(x).map(|b| (b, *x)))
        .min_by_key(|(b, x)| (*b, usize::MAX - x.len()));
    let exchange_span = exchange.map(|(b, x)| {
        let st = window_start + window[..b].chars().count();
        (st, st + x.chars().count(), x.to_owned())
    });
    if s.text(t.start, t.end) == "登陆" && exchange_span.is_none() {
        return None;
    }
    // `上市` alone is as often a launch or a noun (`上市办公室`); a listing is marked by an exchange,
    // proceeds, or a listing word right before it (`成功上市`, `挂牌上市`, `赴港上市`).
    let lead = s.text(t.start.saturating_sub(4).max(clause_start), t.start);
    let listing_word = [
        "成功",
        "正式",
        "挂牌",
        "首次公开",
        "登陆",
        "赴港",
        "赴美",
        "分拆",
        "借壳",
        "整体",
        "申请",
        "IPO",
    ]
    .iter()
    .any(|w| lead.contains(w));
    let sentence_text = s.text(s.start, s.end);
    let amount = ["募资", "募集", "集资", "融资", "筹资"]
        .iter()
        .find_map(|w| {
            let b = sentence_text.find(w)?;
            let at = s.start + sentence_text[..b].chars().count();
            s.amounts
                .iter()
                .copied()
                .find(|a| is_money(a) && a.start >= at && a.start - at <= 12)
        });
    // `甲上市首日`, `甲上市后`: the company's own listing, told as a time.
    let after = s.text(t.end, t.end + 2);
    let listing_time = ["首日", "当日", "当天"]
        .iter()
        .any(|w| after.starts_with(w))
        || after.starts_with('后') && company.end == t.start;
    if s.text(t.start, t.end) == "上市"
        && exchange_span.is_none()
        && amount.is_none()
        && !listing_word
        && !listing_time
    {
        return None;
    }
    // The company is cited with the description glued to its name (`甲乙游戏直播平台`).
    let mut args = vec![Argument {
        role: Role::Company,
        start: company.start,
        end: subject_end,
    }];
    if let Some((a, b, _)) = &exchange_span {
        args.push(Argument {
            role: Role::Exchange,
            start: *a,
            end: *b,
        });
    }
    if let Some(a) = amount {
        args.push(amount_arg(Role::Amount, a));
    }
    Some(Built {
        detail: EventDetail::Ipo {
            company: company.name.clone(),
            exchange: exchange_span.map(|(_, _, x)| x),
            amount: amount.cloned(),
        },
        arguments: args,
    })
}

/// Dates in the words between a listing company and its verb (`于2024年6月`, `今年`).
static LISTING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{1,4}(?:年|月|日|号)|[今去明]年|年内|年底|年初|上半年|下半年|近日|日前|今日|本月|下月|本周|周[一二三四五六日]")
        .expect("listing date pattern")
});

/// Another listing named as a time (`继乙之后`).
static LISTING_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"继[^，。,]{1,12}之后").expect("listing-after pattern"));

/// The words between a listing company and the trigger at `pos`, with what may stand there without
/// taking the subject's place removed: the company's stock code or its short name in brackets
/// (`(简称“甲”，证券代码：688001)`), exchanges and dates. `None` when a bracket opened there is
/// not closed before the trigger. Also gives the end of the subject as written: past a description
/// glued to the name (`甲乙游戏直播平台`).
fn listing_gap(s: &Sentence<'_>, company: &Entity, pos: usize) -> Option<(String, usize)> {
    let mut from = crate::events::spans::org_end(s.chars, company.end, pos);
    if from < pos && matches!(s.chars[from], '(' | '（') {
        let close = (from + 1..pos.min(from + 48)).find(|&i| matches!(s.chars[i], ')' | '）'));
        if let Some(close) = close {
            let inside = s.text(from + 1, close);
            if ["简称", "代码", "以下"].iter().any(|w| inside.contains(w)) {
                from = close + 1;
            }
        } else if s.text(from, pos).contains(['，', ',']) {
            return None;
        }
    }
    // `甲乙游戏直播平台`: a description glued to the name is part of the subject.
    let glued = (from..pos.min(from + 8))
        .take_while(|&i| crate::events::fallback::is_phrase_char(s.chars[i]))
        .map(|i| i + 1)
        .filter(|&e| {
            let t = s.text(from, e);
            ["平台", "公司", "集团", "企业", "银行"]
                .iter()
                .any(|w| t.ends_with(w))
        })
        .last();
    let mut subject_end = company.end;
    if let Some(e) = glued {
        if from == company.end {
            subject_end = e;
        }
        from = e;
    }
    let mut gap = s.text(from, pos);
    for x in EXCHANGES {
        gap = gap.replace(x, "");
    }
    // `继乙之后`: another company's earlier listing is a time.
    let gap = LISTING_AFTER.replace_all(&gap, "");
    Some((LISTING_DATE.replace_all(&gap, "").into_owned(), subject_end))
}

/// True when the cleaned words before a listing verb are only light and listing words (`在`, `于`,
/// `正式`, `挂牌`), so the company before them is the verb's subject even across a comma.
fn bare_listing_gap(gap: &str) -> bool {
    const LIGHT: &[&str] = &[
        // `甲公司成立于2012年，2021年在港交所上市`: the company's founding is no other subject.
        "成立于",
        "首次公开募股",
        "公开发行",
        "：",
        ":",
        "已经",
        "正式",
        "成功",
        "顺利",
        "终于",
        "即将",
        "计划",
        "有望",
        "宣布",
        "挂牌",
        "登陆",
        "奔赴",
        "前往",
        "赴港",
        "赴美",
        "分拆",
        "将",
        "已",
        "拟",
        "在",
        "于",
        "赴",
        "并",
        "也",
        "，",
        " ",
    ];
    let mut rest = gap.to_owned();
    for w in LIGHT {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// Job cuts with the headcount or share standing by the trigger.
pub(super) fn layoff(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    let company = s
        .before(t.start, ORG_LIKE, s.start)
        .filter(|c| s.may_govern(c, t.start))?;
    let clause_start = s.clause_start(t.start);
    let clause_end = s.clause_end(t.end);
    // `被甲队裁掉`: someone let go, told without the person, is no job cut. A passive describing
    // the company (`被称为…的甲公司宣布裁员`) stands before it and does not count.
    let head = s.text(clause_start.max(company.end), t.start);
    let reported = ["被曝", "被传", "被爆", "被指", "被报道"]
        .iter()
        .any(|w| head.contains(w));
    let agent = s
        .text(
            company.start.saturating_sub(2).max(clause_start),
            company.start,
        )
        .contains('被');
    if (head.contains('被') || agent) && !reported {
        return None;
    }
    // The headcount or share stands right by the trigger (`裁员300人`, `300名员工被裁`, `裁员占比15%`).
    let near = |a: &&Amount| {
        a.start >= clause_start.max(company.end)
            && a.end <= clause_end
            && ((a.start >= t.end && a.start - t.end <= 8)
                || (a.end <= t.start && t.start - a.end <= 6))
    };
    let count = s
        .amounts
        .iter()
        .copied()
        .filter(near)
        .filter(|a| a.kind == AmountKind::Count)
        .min_by_key(|a| a.start.abs_diff(t.end));
    let share = s
        .amounts
        .iter()
        .copied()
        .filter(near)
        .filter(|a| a.kind == AmountKind::Percent)
        .min_by_key(|a| a.start.abs_diff(t.end));
    // `裁员 70 人`: a headcount the amount reader left, read here.
    let count = count.cloned().or_else(|| {
        // Read to the sentence end: the blanks around the number break clauses.
        let (a, b, over) = deals::headcount_at(s.chars, t.end, s.end)?;
        Some(Amount {
            text: s.text(a, b),
            start: a,
            end: b,
            kind: AmountKind::Count,
            value: s.text(a, b).parse().ok()?,
            max: None,
            currency: None,
            qualifier: if over {
                zhnews_model::Qualifier::Over
            } else {
                zhnews_model::Qualifier::Exact
            },
            unit: Some("人".to_owned()),
        })
    });
    let mut args = vec![arg(Role::Company, company)];
    if let Some(c) = &count {
        args.push(amount_arg(Role::Count, c));
    }
    if let Some(p) = share {
        args.push(amount_arg(Role::Share, p));
    }
    Some(Built {
        detail: EventDetail::Layoff {
            company: company.name.clone(),
            count,
            share: share.cloned(),
        },
        arguments: args,
    })
}

/// Spending on a named purpose (`广告投入`), by a company or through its product's owner.
pub(super) fn spend(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    let clause_start = s.clause_start(t.start);
    let clause_end = s.clause_end(t.end);
    let before = s.text(t.start.saturating_sub(6).max(clause_start), t.start);
    let after = s.text(t.end, clause_end.min(t.end + 12));
    let purpose = PURPOSES
        .iter()
        .filter_map(|p| {
            before
                .rfind(p)
                .map(|b| (true, b, *p))
                .or_else(|| after.find(p).map(|b| (false, b, *p)))
        })
        .min_by_key(|(is_before, b, _)| {
            if *is_before {
                before.len() - b
            } else {
                *b + 100
            }
        })?;
    let purpose_start = if purpose.0 {
        t.start - before[purpose.1..].chars().count()
    } else {
        t.end + after[..purpose.1].chars().count()
    };
    let amount = s.money_near(clause_start, clause_end, t.start)?;
    // The spender: a company, or the maker of a product (`Kimi的广告投入`).
    let spender = s
        .entities
        .iter()
        .copied()
        .filter(|e| {
            e.end <= t.start
                && (e.kind == EntityKind::Company
                    || (e.kind == EntityKind::Product && e.owner.is_some()))
        })
        .max_by_key(|e| e.end)
        .filter(|e| s.may_govern(e, t.start))?;
    let company = if spender.kind == EntityKind::Product {
        spender.owner.clone()?
    } else {
        spender.name.clone()
    };
    Some(Built {
        detail: EventDetail::Spend {
            company,
            purpose: Some(purpose.2.to_owned()),
            amount: Some(amount.clone()),
        },
        arguments: vec![
            arg(Role::Company, spender),
            Argument {
                role: Role::Purpose,
                start: purpose_start,
                end: purpose_start + purpose.2.chars().count(),
            },
            amount_arg(Role::Amount, amount),
        ],
    })
}
