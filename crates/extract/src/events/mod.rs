//! Events: talent moves, funding, valuation, acquisitions, IPOs, layoffs, spending.
//!
//! Reads the text sentence by sentence (events never span sentences) with the entity and amount
//! mentions already found: `triggers` proposes an event wherever a trigger word stands,
//! `arguments` fills its roles from the mentions around it (or drops it when a required role is
//! missing), `dates` attaches and resolves the time expression that governs it, `modality` reads
//! how the sentence asserts it, and `coref` lets `他` / `公司` stand for the person or company last
//! named when that is unambiguous. `fallback` reads the arguments the recognizers missed from the
//! clause itself (`plausible` refuses the organisation phrases among them that cannot be names), and `spans` widens each cited argument span to the phrase that fills the role as
//! written (title and employer before a name, stock code after a company). A talent move or a layoff
//! that a later sentence only repeats is reported once. The rules are general news grammar, not
//! tuned to any corpus.
//!
//! [`find_events`] is what the pipeline calls; [`find_event_mentions`] also gives each argument's span,
//! for evaluation and for callers that cite the text.

mod arguments;
mod coref;
mod dates;
mod deals;
mod fallback;
mod modality;
mod plausible;
mod sentences;
mod spans;
mod triggers;

use chrono::NaiveDate;
use std::collections::HashSet;
use zhnews_model::{Amount, Entity, EntityKind, Event, EventDetail, TalentAction};

/// What an argument span stands for in its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The person of a talent move.
    Person,
    /// The company left.
    From,
    /// The company joined or appointed to.
    To,
    /// The position title.
    Role,
    /// The company raising, valued, listing, cutting or spending.
    Company,
    /// The funding round.
    Round,
    /// The money of a funding, valuation, acquisition, IPO or spend.
    Amount,
    /// An investor (lead investors are [`Role::LeadInvestor`] only).
    Investor,
    /// A lead investor.
    LeadInvestor,
    /// The buyer.
    Acquirer,
    /// What is bought: the company, or the company whose stake or business changes hands.
    Target,
    /// The party selling.
    Seller,
    /// What changes hands when it is not a whole company (`30%股权`, `一宗商住用地`, `…业务`).
    Stake,
    /// The exchange or board of a listing.
    Exchange,
    /// The number of people laid off.
    Count,
    /// The share of staff laid off.
    Share,
    /// What money is spent on.
    Purpose,
    /// The time expression the date was resolved from.
    Date,
}

/// One argument's span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Argument {
    /// What the span stands for.
    pub role: Role,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// An event with the spans of its arguments (a pronoun's span where the argument was resolved from one).
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// The event as the pipeline reports it.
    pub event: Event,
    /// Where each argument was read from.
    pub arguments: Vec<Argument>,
}

/// Finds events in `text` given its entities and amounts (char offsets into `text`). `published`
/// resolves relative dates (`今年8月`).
pub fn find_events(
    text: &str,
    entities: &[Entity],
    amounts: &[Amount],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    find_event_mentions(text, entities, amounts, published)
        .into_iter()
        .map(|m| m.event)
        .collect()
}

/// Like [`find_events`], keeping the argument spans.
pub fn find_event_mentions(
    text: &str,
    entities: &[Entity],
    amounts: &[Amount],
    published: Option<NaiveDate>,
) -> Vec<EventMention> {
    let chars: Vec<char> = text.chars().collect();
    // Mentions outside the text (a caller's mistake) are ignored rather than trusted.
    let mut named: Vec<Entity> = entities
        .iter()
        .filter(|e| e.start < e.end && e.end <= chars.len())
        .cloned()
        .collect();
    // A name written with its stock code is a listed company, recognized or not.
    named.extend(fallback::listed(&chars, &named));
    named.sort_by_key(|e| (e.start, e.end));
    let amounts: Vec<&Amount> = amounts
        .iter()
        .filter(|a| a.start < a.end && a.end <= chars.len())
        .collect();
    let sentence_spans = sentences::split(&chars);
    let mut all = named.clone();
    all.extend(coref::resolve(&chars, &sentence_spans, &named));
    let blocked: Vec<(usize, usize)> = named.iter().map(|e| (e.start, e.end)).collect();
    // Slots the recognizer left empty are read from the text around each trigger.
    let mut read = Vec::new();
    for &(start, end) in &sentence_spans {
        let found = triggers::find(&chars, start, end, &blocked);
        if !found.is_empty() {
            read.extend(
                fallback::mentions(&chars, start, end, &found, &all)
                    .into_iter()
                    .filter(|e| plausible::could_be_name(&chars, e)),
            );
        }
    }
    all.extend(read);
    all.sort_by_key(|e| (e.start, e.end));
    // `银润传媒(微博)`, `甲地产(企业专区,旗下楼盘)`: a bracket right after a name annotates it (a
    // portal's link label, a section tag, the name in another script); a name inside it is no
    // party of its own. `周小辉(甲乙饰)`: the actor credited after a character plays the part;
    // what happens to the character does not happen to them.
    let ends: HashSet<usize> = all.iter().map(|e| e.end).collect();
    all.retain(|e| {
        let opened = e.start >= 2 && matches!(chars[e.start - 1], '(' | '（');
        let credit = opened
            && chars.get(e.end) == Some(&'饰')
            && chars
                .get(e.end + 1)
                .is_some_and(|c| matches!(c, ')' | '）'));
        !(opened && ends.contains(&(e.start - 1)) && e.kind != EntityKind::Person || credit)
    });

    let mut out = Vec::new();
    for &(start, end) in &sentence_spans {
        let sentence = arguments::Sentence {
            chars: &chars,
            start,
            end,
            entities: all
                .iter()
                .filter(|e| e.start >= start && e.end <= end)
                .collect(),
            amounts: amounts
                .iter()
                .copied()
                .filter(|a| a.start >= start && a.end <= end)
                .collect(),
        };
        let mut found: Vec<(triggers::Trigger, arguments::Built)> = Vec::new();
        for trigger in triggers::find(&chars, start, end, &blocked) {
            for built in arguments::build(&sentence, trigger) {
                found.push((trigger, built));
            }
        }
        if found.is_empty() {
            continue;
        }
        borrow_sources(&mut found);
        drop_restatements(&mut found);
        let times = dates::find(&chars, start, end, published);
        let trigger_starts: Vec<usize> = found.iter().map(|(t, _)| t.start).collect();
        let sentence_text: String = chars[start..end].iter().collect();
        for (trigger, mut built) in found {
            // `对于高管离职，…`: a move named as the topic of a clause is talked about, not told.
            let clause = sentences::clause_start(&chars, trigger.start, start);
            let topic = [['对', '于'], ['针', '对']]
                .iter()
                .any(|w| chars[clause..trigger.start].starts_with(w))
                && chars
                    .get(trigger.end)
                    .is_some_and(|c| matches!(c, '，' | ',' | '的'));
            if topic {
                continue;
            }
            // A one-char person is a surname read off a title (`毛主席`, `邓先生`): no one to follow;
            // a place, body or thing word (`基金`) taken for a person anywhere moves nowhere.
            // A company named with the person in it (`乙公司CFO甲`) is the person's title read as
            // the employer: a misreading, not a move.
            if let EventDetail::TalentMove {
                person, from, to, ..
            } = &built.detail
                && (person.chars().count() < 2
                    || !plausible::could_be_person(person)
                    || [from, to]
                        .iter()
                        .any(|c| c.as_deref().is_some_and(|c| c.contains(person.as_str()))))
            {
                continue;
            }
            let time = governing_time(&chars, &times, &trigger_starts, trigger, start);
            if let Some(t) = time {
                built.arguments.push(Argument {
                    role: Role::Date,
                    start: t.start,
                    end: t.end,
                });
            }
            let event = Event {
                detail: built.detail,
                date: time.and_then(|t| t.value.clone()),
                modality: modality::of(&chars, start, end, (trigger.start, trigger.end)),
                sentence: sentence_text.clone(),
                start,
                end,
                trigger: Some((trigger.start, trigger.end)),
            };
            spans::widen(&chars, start, end, &sentence.entities, &mut built.arguments);
            let duplicate = out.iter().any(|m: &EventMention| {
                m.event.start == event.start
                    && m.event.detail == event.detail
                    && m.event.date == event.date
            }) || out.iter().any(|m| restates(&m.event, &event));
            if !duplicate && !merge_round(&mut out, &event) {
                out.push(EventMention {
                    event,
                    arguments: built.arguments,
                });
            }
        }
    }
    out
}

/// True when `later`, told in a later sentence, only repeats `earlier`: a talent move of the same
/// person and action adding nothing the earlier one lacks (`乙辞去董事职务。乙辞职后不再担任…`), or
/// more cuts by a company whose cuts were already counted.
fn restates(earlier: &Event, later: &Event) -> bool {
    // `甲将裁员1000人。甲周四确认，将裁减一千多人`: one round of cuts told twice.
    if let (
        EventDetail::Layoff {
            company: c1,
            count: n1,
            share: s1,
        },
        EventDetail::Layoff { company: c2, .. },
    ) = (&earlier.detail, &later.detail)
    {
        return earlier.start < later.start && c1 == c2 && (n1.is_some() || s1.is_some());
    }
    let (
        EventDetail::TalentMove {
            action: a1,
            person: p1,
            from: f1,
            to: t1,
            role: r1,
        },
        EventDetail::TalentMove {
            action: a2,
            person: p2,
            from: f2,
            to: t2,
            role: r2,
        },
    ) = (&earlier.detail, &later.detail)
    else {
        return false;
    };
    let adds = |old: &Option<String>, new: &Option<String>| new.is_some() && new != old;
    earlier.start < later.start
        && a1 == a2
        && p1 == p2
        && !adds(f1, f2)
        && !adds(t1, t2)
        && !adds(r1, r2)
        && !adds(&earlier.date, &later.date)
}

/// One sentence tells one funding round per company however often it says 融资 (`甲完成A轮融资，本轮
/// 融资由乙领投`): a second funding of the same company in the same sentence fills in what the first
/// lacks instead of standing as its own event. True when `event` was merged into one of `out`.
fn merge_round(out: &mut [EventMention], event: &Event) -> bool {
    let EventDetail::Funding {
        company,
        round,
        amount,
        investors,
        lead_investors,
    } = &event.detail
    else {
        return false;
    };
    let Some(earlier) = out.iter_mut().find(|m| {
        m.event.start == event.start
            && matches!(&m.event.detail, EventDetail::Funding { company: c, round: r, .. }
                if c == company && (r.is_none() || round.is_none() || r == round))
    }) else {
        return false;
    };
    if let EventDetail::Funding {
        round: r,
        amount: a,
        investors: i,
        lead_investors: l,
        ..
    } = &mut earlier.event.detail
    {
        if r.is_none() {
            r.clone_from(round);
        }
        if a.is_none() {
            a.clone_from(amount);
        }
        for (mine, theirs) in [(i, investors), (l, lead_investors)] {
            for name in theirs {
                if !mine.contains(name) {
                    mine.push(name.clone());
                }
            }
        }
    }
    if earlier.event.date.is_none() {
        earlier.event.date.clone_from(&event.date);
    }
    true
}

/// A join whose person left a named company earlier in the same sentence came from there
/// (`离开甲公司后加入乙公司`).
fn borrow_sources(found: &mut [(triggers::Trigger, arguments::Built)]) {
    let leaves: Vec<(String, String, Option<Argument>)> = found
        .iter()
        .filter_map(|(_, b)| match &b.detail {
            EventDetail::TalentMove {
                action: TalentAction::Leave,
                person,
                from: Some(from),
                ..
            } => Some((
                person.clone(),
                from.clone(),
                b.arguments.iter().copied().find(|a| a.role == Role::From),
            )),
            _ => None,
        })
        .collect();
    for (_, built) in found.iter_mut() {
        if let EventDetail::TalentMove {
            action: TalentAction::Join,
            person,
            from,
            to,
            ..
        } = &mut built.detail
            && from.is_none()
            && let Some((_, left, span)) = leaves
                .iter()
                .find(|(p, f, _)| p == person && Some(f) != to.as_ref())
        {
            *from = Some(left.clone());
            if let Some(span) = span {
                built.arguments.push(*span);
            }
        }
    }
}

/// Removes events that restate another of the same sentence: a second trigger for the same fact
/// (`广告投放上花费了…`), the `担任CTO` that gives the role of a join, the `募资` of a listing.
fn drop_restatements(found: &mut Vec<(triggers::Trigger, arguments::Built)>) {
    let joined: Vec<String> = found
        .iter()
        .filter_map(|(_, b)| match &b.detail {
            EventDetail::TalentMove {
                action: TalentAction::Join,
                person,
                ..
            } => Some(person.clone()),
            _ => None,
        })
        .collect();
    let listed: Vec<String> = found
        .iter()
        .filter_map(|(_, b)| match &b.detail {
            EventDetail::Ipo { company, .. } => Some(company.clone()),
            _ => None,
        })
        .collect();
    let mut kept: Vec<(triggers::Trigger, arguments::Built)> = Vec::new();
    for (trigger, built) in found.drain(..) {
        let restated = match &built.detail {
            EventDetail::TalentMove {
                action: TalentAction::Appoint | TalentAction::RoleChange,
                person,
                ..
            } => joined.contains(person),
            EventDetail::Funding { company, .. } => listed.contains(company),
            _ => false,
        };
        if !restated && !kept.iter().any(|(_, k)| k.detail == built.detail) {
            kept.push((trigger, built));
        }
    }
    *found = kept;
}

/// The time expression governing `trigger`: the nearest one before it in its own clause, else one
/// right after it introduced by `于`/`在`/`自` (`离任，自2019年5月29日起生效`), else the time standing
/// alone in the clause that opens the sentence (`6月27日，甲辞职`); none of them with another event's
/// trigger in between (`2023年初，他离开甲后，…后加入乙`: the year belongs to the leaving). A time
/// in some other clause dates another predicate (`甲10日宣布，乙辞职` dates the announcement).
fn governing_time<'t>(
    chars: &[char],
    times: &'t [dates::TimeExpr],
    trigger_starts: &[usize],
    trigger: triggers::Trigger,
    sentence_start: usize,
) -> Option<&'t dates::TimeExpr> {
    // A report or document standing between dates itself, not the event it tells of
    // (`8月26日，甲发布关于董事长辞职的公告`, `前不久，我们报道了乙离开丙`).
    const REPORTS: &[&str] = &["关于", "报道", "获悉", "了解到", "消息称"];
    let between_other = |t: &dates::TimeExpr| {
        let between: String = chars[t.end..trigger.start.max(t.end)].iter().collect();
        trigger_starts
            .iter()
            .any(|&s| s >= t.end && s < trigger.start)
            || REPORTS.iter().any(|r| between.contains(r))
    };
    let clause = sentences::clause_start(chars, trigger.start, sentence_start);
    let before = times
        .iter()
        .filter(|t| t.end <= trigger.start && t.start >= clause)
        .max_by_key(|t| t.end)
        .filter(|t| !between_other(t));
    let after = || {
        times.iter().find(|t| {
            t.start >= trigger.end
                && t.start - trigger.end <= 12
                && t.start > 0
                && matches!(chars[t.start - 1], '于' | '在' | '自' | '由')
                && !chars[trigger.end..t.start]
                    .iter()
                    .any(|&c| sentences::is_clause_break(c) && c != '，')
        })
    };
    let opening = || {
        let first_end = sentences::clause_end(chars, sentence_start, trigger.start);
        times
            .iter()
            .filter(|t| t.start >= sentence_start && t.end <= first_end && first_end < clause)
            .find(|t| {
                let rest: String = chars[sentence_start..t.start]
                    .iter()
                    .chain(&chars[t.end..first_end])
                    .filter(|c| !c.is_whitespace())
                    .collect();
                matches!(rest.as_str(), "" | "在" | "于" | "截至")
            })
            .filter(|t| !between_other(t))
    };
    before.or_else(after).or_else(opening)
}
