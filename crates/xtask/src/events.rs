//! `cargo run -p xtask -- eval events [--mode pipeline|gold-mentions|both] [--errors N]`.
//!
//! Scores the event extractor on DuEE 1.0 dev (`shared/eval/duee1.0/duee_dev.json`, Baidu, licensed
//! for non-commercial research only: read here, never copied) for the DuEE types that map to ours:
//! 组织关系-辞/离职, -退出, -解雇 (talent_move leave, told apart by the trigger word), 组织关系-加盟
//! (talent_move join), 财经/交易-融资 (funding), 财经/交易-出售/收购 (acquisition), 财经/交易-上市 (ipo),
//! 组织关系-裁员 (layoff). Our valuation, spend and appointment events have no DuEE type and are only
//! counted.
//!
//! Matching follows the LIC2020 / 千言 official metric: per sentence, a predicted argument is compared
//! with the gold arguments of the same event type and role by character-level F1 (case-insensitive,
//! bag-of-characters overlap, best over the gold argument and its aliases); precision is the summed
//! scores over predicted arguments, recall the same sum over gold arguments. Unlike a plain "best match
//! per prediction", each gold argument is used at most once (greedy, best scores first), which can only
//! lower the score. Duplicate predicted (type, role, text) triples in one sentence count once.
//!
//! Modes: `pipeline` runs the full extractor (entity and amount recognizers, then events), which is
//! what users get; `gold-mentions` gives the event rules the gold argument spans as entity and amount
//! mentions (kinds from the role), which isolates the event rules from recognition errors. It is an
//! upper bound for the rules, not a system score.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use zhnews_extract::Extractor;
use zhnews_extract::events::{EventMention, Role, find_event_mentions};
use zhnews_model::{
    Amount, AmountKind, Decimal, Entity, EntityKind, EventDetail, Qualifier, TalentAction,
};

#[derive(Deserialize)]
struct Sentence {
    text: String,
    #[serde(default)]
    event_list: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    event_type: String,
    trigger: String,
    trigger_start_index: usize,
    arguments: Vec<GoldArgument>,
}

#[derive(Deserialize)]
struct GoldArgument {
    argument_start_index: usize,
    role: String,
    argument: String,
    #[serde(default)]
    alias: Vec<String>,
}

const MAPPED: &[&str] = &[
    "组织关系-辞/离职",
    "组织关系-退出",
    "组织关系-解雇",
    "组织关系-加盟",
    "财经/交易-融资",
    "财经/交易-出售/收购",
    "财经/交易-上市",
    "组织关系-裁员",
];

const FIRE_TRIGGERS: &[&str] = &[
    "解雇",
    "开除",
    "辞退",
    "免职",
    "免去",
    "撤职",
    "罢免",
    "解聘",
    "炒鱿鱼",
    "解约",
    "裁掉",
    "裁员",
    "减员",
    "裁减",
    "裁撤",
];

/// Mentions the event extractor resolves to a name (see `zhnews_extract::events`).
const ANAPHORS: &[&str] = &[
    "他",
    "她",
    "公司",
    "该公司",
    "这家公司",
    "此公司",
    "该企业",
    "这家企业",
    "该集团",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Pipeline,
    GoldMentions,
}

/// Runs the evaluation.
pub fn run(args: &[&str]) -> Result<()> {
    let Some(shared) = crate::shared::dir() else {
        return Ok(());
    };
    let mut modes = vec![Mode::Pipeline, Mode::GoldMentions];
    let mut show_errors = 0usize;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--mode" => {
                modes = match it.next().copied() {
                    Some("pipeline") => vec![Mode::Pipeline],
                    Some("gold-mentions") => vec![Mode::GoldMentions],
                    Some("both") => vec![Mode::Pipeline, Mode::GoldMentions],
                    other => {
                        anyhow::bail!("--mode takes pipeline, gold-mentions or both, not {other:?}")
                    }
                }
            }
            "--errors" => {
                show_errors = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .context("--errors takes a number")?
            }
            other => anyhow::bail!(
                "unknown option {other} (options: --mode pipeline|gold-mentions|both, --errors N)"
            ),
        }
    }
    let path = shared.join("eval/duee1.0/duee_dev.json");
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let sentences: Vec<Sentence> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1))
        })
        .collect::<Result<_>>()?;
    let extractor = Extractor::new();
    for mode in modes {
        let title = match mode {
            Mode::Pipeline => "pipeline (entity + amount recognizers, then events)",
            Mode::GoldMentions => {
                "event rules given gold argument spans as mentions (upper bound for the rules)"
            }
        };
        let mut score = Score::default();
        let mut errors_left = show_errors;
        for sentence in &sentences {
            let mentions = match mode {
                Mode::Pipeline => {
                    let extraction = extractor.extract(&sentence.text, None);
                    find_event_mentions(
                        &sentence.text,
                        &extraction.entities,
                        &extraction.amounts,
                        None,
                    )
                }
                Mode::GoldMentions => {
                    let (entities, amounts) = gold_mentions(sentence);
                    find_event_mentions(&sentence.text, &entities, &amounts, None)
                }
            };
            let diff = score.add(sentence, &mentions);
            if errors_left > 0 && !diff.is_empty() {
                errors_left -= 1;
                eprintln!("{}\n{diff}", sentence.text);
            }
        }
        println!(
            "\nDuEE 1.0 dev ({} sentences), mapped types, {title}",
            sentences.len()
        );
        score.print();
    }
    Ok(())
}

/// The gold argument spans of the mapped events as the mentions a perfect recognizer would give.
fn gold_mentions(sentence: &Sentence) -> (Vec<Entity>, Vec<Amount>) {
    let mut spans: Vec<(EntityKind, usize, usize)> = Vec::new();
    let mut amounts = Vec::new();
    for event in sentence
        .event_list
        .iter()
        .filter(|e| MAPPED.contains(&e.event_type.as_str()))
    {
        for a in &event.arguments {
            let start = a.argument_start_index;
            let end = start + a.argument.chars().count();
            let kind = match a.role.as_str() {
                "离职者" | "加盟者" | "被解雇人员" | "退出方" => {
                    Some(EntityKind::Person)
                }
                "原所属组织" | "所加盟组织" | "解雇方" | "融资方" | "领投方" | "跟投方"
                | "出售方" | "收购方" | "上市企业" | "裁员方" | "交易物" => {
                    Some(EntityKind::Company)
                }
                _ => None,
            };
            if let Some(kind) = kind {
                if !spans.contains(&(kind, start, end)) {
                    spans.push((kind, start, end));
                }
                continue;
            }
            let amount_kind = match a.role.as_str() {
                "融资金额" | "出售价格" => Some(AmountKind::Money),
                "裁员人数" if a.argument.contains('%') => Some(AmountKind::Percent),
                "裁员人数" => Some(AmountKind::Count),
                _ => None,
            };
            if let Some(kind) = amount_kind {
                amounts.push(Amount {
                    text: a.argument.clone(),
                    start,
                    end,
                    kind,
                    value: Decimal::ZERO,
                    max: None,
                    currency: None,
                    qualifier: Qualifier::Exact,
                    unit: (kind == AmountKind::Count).then(|| "人".to_owned()),
                });
            }
        }
    }
    // DuEE spans nest (`重庆燃气副总经理吴某` holds `重庆燃气`); a recognizer gives flat mentions, so a
    // span holding another at its start is cut to what follows it, and other overlaps keep the first.
    spans.sort_by_key(|&(_, s, e)| (s, std::cmp::Reverse(e)));
    let mut flat: Vec<(EntityKind, usize, usize)> = Vec::new();
    for (i, &(kind, start, end)) in spans.iter().enumerate() {
        let inner = spans[i + 1..]
            .iter()
            .find(|&&(_, s, e)| s == start && e < end && !(s, e).eq(&(start, end)));
        let (start, end) = match inner {
            Some(&(_, _, inner_end)) => (inner_end, end),
            None => (start, end),
        };
        if start < end && !flat.iter().any(|&(_, s, e)| s < end && start < e) {
            flat.push((kind, start, end));
        }
    }
    let chars: Vec<char> = sentence.text.chars().collect();
    let mut entities: Vec<Entity> = flat
        .into_iter()
        .map(|(kind, start, end)| {
            let text: String = chars[start..end.min(chars.len())].iter().collect();
            Entity {
                kind,
                text: text.clone(),
                start,
                end,
                name: text,
                owner: None,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.start);
    amounts.sort_by_key(|a| a.start);
    (entities, amounts)
}

/// An event in DuEE's terms: its type, its (role, argument text) pairs and its trigger span.
type DueeEvent = (String, Vec<(String, String)>, (usize, usize));

/// Our event as DuEE arguments: the DuEE type and (role, span text) pairs, or `None` when unmapped.
fn to_duee(text: &[char], mention: &EventMention) -> Option<DueeEvent> {
    let trigger = mention.event.trigger?;
    let trigger_text: String = text[trigger.0..trigger.1].iter().collect();
    // A pronoun or generic noun (`他`, `该公司`) stands for the name it was resolved to; DuEE
    // annotates names, so the resolved name is what is compared.
    let resolved = |role: Role| -> Option<String> {
        match (&mention.event.detail, role) {
            (EventDetail::TalentMove { person, .. }, Role::Person) => Some(person.clone()),
            (EventDetail::TalentMove { from, .. }, Role::From) => from.clone(),
            (EventDetail::TalentMove { to, .. }, Role::To) => to.clone(),
            (EventDetail::Acquisition { acquirer, .. }, Role::Acquirer) => acquirer.clone(),
            (EventDetail::Acquisition { target, .. }, Role::Target) => target.clone(),
            (EventDetail::Acquisition { seller, .. }, Role::Seller) => seller.clone(),
            (
                EventDetail::Funding { company, .. }
                | EventDetail::Ipo { company, .. }
                | EventDetail::Layoff { company, .. },
                Role::Company,
            ) => Some(company.clone()),
            _ => None,
        }
    };
    let span = |role: Role| -> Vec<String> {
        mention
            .arguments
            .iter()
            .filter(|a| a.role == role)
            .map(|a| {
                let written: String = text[a.start..a.end].iter().collect();
                match resolved(role) {
                    Some(name) if ANAPHORS.contains(&written.as_str()) => name,
                    _ => written,
                }
            })
            .collect()
    };
    let (event_type, roles): (&str, Vec<(&str, Role)>) = match &mention.event.detail {
        EventDetail::TalentMove {
            action: TalentAction::Leave,
            ..
        } if FIRE_TRIGGERS.contains(&trigger_text.as_str()) => (
            "组织关系-解雇",
            vec![("被解雇人员", Role::Person), ("解雇方", Role::From)],
        ),
        // DuEE files `离开` (leaving a team, group or platform) under 退出, as it does `退出`.
        EventDetail::TalentMove {
            action: TalentAction::Leave,
            ..
        } if matches!(trigger_text.as_str(), "退出" | "离开") => (
            "组织关系-退出",
            vec![("退出方", Role::Person), ("原所属组织", Role::From)],
        ),
        EventDetail::TalentMove {
            action: TalentAction::Leave,
            ..
        } => (
            "组织关系-辞/离职",
            vec![("离职者", Role::Person), ("原所属组织", Role::From)],
        ),
        EventDetail::TalentMove {
            action: TalentAction::Join,
            ..
        } => (
            "组织关系-加盟",
            vec![("加盟者", Role::Person), ("所加盟组织", Role::To)],
        ),
        EventDetail::Funding { .. } => (
            "财经/交易-融资",
            vec![
                ("融资方", Role::Company),
                ("融资金额", Role::Amount),
                ("融资轮次", Role::Round),
                ("领投方", Role::LeadInvestor),
                ("跟投方", Role::Investor),
            ],
        ),
        // DuEE annotates a stake or business purchase (`收购乙公司100%股权`) with the stake as 交易物
        // and, when no seller is named, the company whose shares or business change hands as 出售方
        // (a business's seller is its company); a whole company bought is the 交易物.
        EventDetail::Acquisition { stake, seller, .. } => (
            "财经/交易-出售/收购",
            [
                Some(("收购方", Role::Acquirer)),
                Some(("出售方", Role::Seller)),
                match (stake, seller) {
                    (None, _) => Some(("交易物", Role::Target)),
                    (Some(_), None) => Some(("出售方", Role::Target)),
                    // The stake is what is sold, the seller is named: the company is neither.
                    (Some(_), Some(_)) => None,
                },
                Some(("交易物", Role::Stake)),
                Some(("出售价格", Role::Amount)),
            ]
            .into_iter()
            .flatten()
            .collect(),
        ),
        EventDetail::Ipo { .. } => (
            "财经/交易-上市",
            vec![
                ("上市企业", Role::Company),
                ("地点", Role::Exchange),
                ("融资金额", Role::Amount),
            ],
        ),
        EventDetail::Layoff { .. } => (
            "组织关系-裁员",
            vec![
                ("裁员方", Role::Company),
                ("裁员人数", Role::Count),
                ("裁员人数", Role::Share),
            ],
        ),
        _ => return None,
    };
    let mut out = Vec::new();
    for (name, role) in roles.into_iter().chain([("时间", Role::Date)]) {
        for text in span(role) {
            out.push((name.to_owned(), text));
        }
    }
    Some((event_type.to_owned(), out, trigger))
}

#[derive(Default)]
struct Counts {
    predicted: usize,
    gold: usize,
    matched: f64,
}

#[derive(Default)]
struct Score {
    roles: BTreeMap<(String, String), Counts>,
    triggers_predicted: usize,
    triggers_gold: usize,
    triggers_correct: usize,
    triggers_overlapping: usize,
    triggers_right_type: usize,
    unmapped: BTreeMap<&'static str, usize>,
}

impl Score {
    /// Adds one sentence; returns a description of its mismatches (empty when perfect).
    fn add(&mut self, sentence: &Sentence, mentions: &[EventMention]) -> String {
        let chars: Vec<char> = sentence.text.chars().collect();
        let gold_events: Vec<&GoldEvent> = sentence
            .event_list
            .iter()
            .filter(|e| MAPPED.contains(&e.event_type.as_str()))
            .collect();
        let mut predicted: Vec<(String, String, String)> = Vec::new();
        let mut predicted_triggers: Vec<(String, (usize, usize))> = Vec::new();
        for mention in mentions {
            match to_duee(&chars, mention) {
                Some((event_type, args, trigger)) => {
                    for (role, text) in args {
                        let triple = (event_type.clone(), role, text);
                        if !predicted.contains(&triple) {
                            predicted.push(triple);
                        }
                    }
                    if !predicted_triggers.contains(&(event_type.clone(), trigger)) {
                        predicted_triggers.push((event_type, trigger));
                    }
                }
                None => *self.unmapped.entry(unmapped_name(mention)).or_default() += 1,
            }
        }
        // Triggers: right type and overlapping span.
        self.triggers_predicted += predicted_triggers.len();
        self.triggers_gold += gold_events.len();
        let gold_triggers: Vec<(&str, (usize, usize))> = gold_events
            .iter()
            .map(|g| {
                (
                    g.event_type.as_str(),
                    (
                        g.trigger_start_index,
                        g.trigger_start_index + g.trigger.chars().count(),
                    ),
                )
            })
            .collect();
        let mut used = vec![false; gold_triggers.len()];
        for (event_type, (s, e)) in &predicted_triggers {
            let overlapping: Vec<usize> = (0..gold_triggers.len())
                .filter(|&i| gold_triggers[i].1.0 < *e && *s < gold_triggers[i].1.1)
                .collect();
            if !overlapping.is_empty() {
                self.triggers_overlapping += 1;
                if overlapping
                    .iter()
                    .any(|&i| gold_triggers[i].0 == event_type)
                {
                    self.triggers_right_type += 1;
                }
            }
            if let Some(&i) = overlapping
                .iter()
                .find(|&&i| !used[i] && gold_triggers[i].0 == event_type)
            {
                used[i] = true;
                self.triggers_correct += 1;
            }
        }
        // Arguments.
        let mut gold: Vec<(String, String, Vec<String>)> = Vec::new();
        for g in &gold_events {
            for a in &g.arguments {
                let mut variants = vec![a.argument.clone()];
                variants.extend(a.alias.iter().cloned());
                let _ = a.argument_start_index;
                gold.push((g.event_type.clone(), a.role.clone(), variants));
            }
        }
        for (t, r, _) in &gold {
            self.roles.entry((t.clone(), r.clone())).or_default().gold += 1;
        }
        for (t, r, _) in &predicted {
            self.roles
                .entry((t.clone(), r.clone()))
                .or_default()
                .predicted += 1;
        }
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (pi, (pt, pr, ptext)) in predicted.iter().enumerate() {
            for (gi, (gt, gr, variants)) in gold.iter().enumerate() {
                if pt == gt && pr == gr {
                    let best = variants
                        .iter()
                        .map(|v| char_f1(ptext, v))
                        .fold(0.0, f64::max);
                    if best > 0.0 {
                        pairs.push((best, pi, gi));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut p_used, mut g_used) = (vec![false; predicted.len()], vec![false; gold.len()]);
        let mut matched_score: HashMap<usize, f64> = HashMap::new();
        for (score, pi, gi) in pairs {
            if !p_used[pi] && !g_used[gi] {
                p_used[pi] = true;
                g_used[gi] = true;
                matched_score.insert(pi, score);
                let key = (predicted[pi].0.clone(), predicted[pi].1.clone());
                self.roles.entry(key).or_default().matched += score;
            }
        }
        let mut diff = String::new();
        for (i, g) in gold_events.iter().enumerate() {
            if !used[i] {
                diff.push_str(&format!("  trigger   {} {}\n", g.event_type, g.trigger));
            }
        }
        for (i, (t, r, text)) in predicted.iter().enumerate() {
            let s = matched_score.get(&i).copied().unwrap_or(0.0);
            if s < 1.0 {
                diff.push_str(&format!("  predicted {t} {r} = {text} ({s:.2})\n"));
            }
        }
        for (i, (t, r, v)) in gold.iter().enumerate() {
            if !g_used[i] {
                diff.push_str(&format!("  missed    {t} {r} = {}\n", v[0]));
            }
        }
        diff
    }

    fn print(&self) {
        println!("| type | role | pred | gold | P | R | F1 |");
        println!("|---|---|---:|---:|---:|---:|---:|");
        let mut total = Counts::default();
        let mut by_type: BTreeMap<&str, Counts> = BTreeMap::new();
        for ((t, r), c) in &self.roles {
            println!("| {t} | {r} | {} | {} | {} |", c.predicted, c.gold, prf(c));
            total.predicted += c.predicted;
            total.gold += c.gold;
            total.matched += c.matched;
            let e = by_type.entry(t.as_str()).or_default();
            e.predicted += c.predicted;
            e.gold += c.gold;
            e.matched += c.matched;
        }
        for (t, c) in &by_type {
            println!(
                "| {t} | (all roles) | {} | {} | {} |",
                c.predicted,
                c.gold,
                prf(c)
            );
        }
        println!(
            "| **all mapped types** | **all roles** | {} | {} | {} |",
            total.predicted,
            total.gold,
            prf(&total)
        );
        let trig = Counts {
            predicted: self.triggers_predicted,
            gold: self.triggers_gold,
            matched: self.triggers_correct as f64,
        };
        println!(
            "\ntriggers (span overlaps gold, same type): pred {} gold {} correct {} | {}",
            trig.predicted,
            trig.gold,
            trig.matched,
            prf(&trig).replace(" | ", " / ")
        );
        println!(
            "type accuracy on predicted triggers that overlap a gold trigger of a mapped type: {}/{} = {:.1}%",
            self.triggers_right_type,
            self.triggers_overlapping,
            100.0 * self.triggers_right_type as f64 / self.triggers_overlapping.max(1) as f64
        );
        let unmapped: Vec<String> = self
            .unmapped
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        println!(
            "events with no DuEE type (not scored): {}",
            if unmapped.is_empty() {
                "none".into()
            } else {
                unmapped.join(", ")
            }
        );
    }
}

fn unmapped_name(mention: &EventMention) -> &'static str {
    match &mention.event.detail {
        EventDetail::TalentMove {
            action: TalentAction::Appoint,
            ..
        } => "talent_move/appoint",
        EventDetail::TalentMove {
            action: TalentAction::RoleChange,
            ..
        } => "talent_move/role_change",
        other => other.type_name(),
    }
}

/// `P | R | F1` in percent.
fn prf(c: &Counts) -> String {
    let p = if c.predicted == 0 {
        0.0
    } else {
        c.matched / c.predicted as f64
    };
    let r = if c.gold == 0 {
        0.0
    } else {
        c.matched / c.gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    format!("{:.1} | {:.1} | {:.1}", 100.0 * p, 100.0 * r, 100.0 * f)
}

/// Character-level F1 between two strings: overlap of their character multisets, case-insensitive.
fn char_f1(predicted: &str, gold: &str) -> f64 {
    let p: Vec<char> = predicted.to_lowercase().chars().collect();
    let g: Vec<char> = gold.to_lowercase().chars().collect();
    if p.is_empty() || g.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<char, isize> = HashMap::new();
    for c in &g {
        *counts.entry(*c).or_default() += 1;
    }
    let mut common = 0usize;
    for c in &p {
        if let Some(n) = counts.get_mut(c)
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / p.len() as f64;
    let recall = common as f64 / g.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

#[cfg(test)]
mod tests {
    use super::char_f1;

    #[test]
    fn char_f1_is_overlap_f1() {
        assert_eq!(char_f1("吴灿光", "吴灿光"), 1.0);
        assert!((char_f1("吴灿光", "财务总监吴灿光") - 0.6).abs() < 1e-9);
        assert_eq!(char_f1("甲", "乙"), 0.0);
        assert_eq!(char_f1("ABC", "abc"), 1.0);
    }
}
