//! The stable identity of an event: which reports are the same fact.
//!
//! An event's id hashes its type and the arguments that tell one fact from another, so ten articles
//! reporting one talent move or one funding round give one event row with ten mentions, and
//! re-extracting an article never makes a new event. Arguments that reports fill in unevenly (role,
//! investors, modality, the sentence) stay out of the key; the key uses the arguments nearly every
//! report of the fact names.
//!
//! The key is kept readable (`talent_move|黄文灏|字节跳动|2024-08`) and stored beside the id; the id is
//! the first 16 hex digits of its SHA-256.
//!
//! Keys that end in a month ([`EventKey::month`]) take it from the event's own date, else from the
//! publish month of the article. Reports without a date of their own are usually published soon
//! after the fact, so the loader attaches them to a dated event of the same fact from up to
//! [`UNDATED_WINDOW_MONTHS`] months earlier instead of keeping them apart.

use sha2::{Digest, Sha256};
use zhnews_model::{Amount, Event, EventDetail};

/// The readable key and its hash id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    /// `type|argument|…`, the parts that identify the fact.
    pub key: String,
    /// The first 16 hex digits of the key's SHA-256.
    pub id: String,
    /// For keys that end in a month: where that month came from.
    pub month: Option<KeyMonth>,
}

/// The month a key ends in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMonth {
    /// The key up to and including the `|` before the month.
    pub prefix: String,
    /// `YYYY-MM` (or just `YYYY` when that is all the date gives).
    pub month: String,
    /// True when the month is the event's own date, false when it is the article's publish month.
    pub dated: bool,
}

/// How many months before its article an undated report may refer to a dated event.
pub const UNDATED_WINDOW_MONTHS: u32 = 6;

/// `YYYY-MM` shifted by `delta` months, or `None` for anything that is not `YYYY-MM`.
pub fn shift_month(month: &str, delta: i32) -> Option<String> {
    let (year, m) = month.split_once('-')?;
    if year.len() != 4 || m.len() != 2 {
        return None;
    }
    let index = year.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()? - 1 + delta;
    (index >= 0).then(|| format!("{:04}-{:02}", index / 12, index % 12 + 1))
}

/// The key of `event` found in an article published in `publish_month` (`YYYY-MM`).
///
/// Where the date matters to tell facts apart (a person can join the same company twice, a company
/// lays off staff more than once) the event's own month is used, else the article's publish month.
pub fn event_key(event: &Event, publish_month: Option<&str>) -> EventKey {
    let own_month = event.date.as_deref().map(|d| d.get(..7).unwrap_or(d));
    let month = own_month.or(publish_month).unwrap_or("");
    let mut parts: Vec<String> = vec![event.type_name().to_owned()];
    // Set by the arms whose key ends in the month.
    let mut ends_in_month = false;
    match &event.detail {
        EventDetail::TalentMove {
            person, from, to, ..
        } => {
            // A move is identified by who and where to (or, for a departure with no destination,
            // where from), in which month.
            parts.push(person.clone());
            parts.push(to.clone().or_else(|| from.clone()).unwrap_or_default());
            parts.push(month.to_owned());
            ends_in_month = true;
        }
        EventDetail::Funding {
            company,
            round,
            amount,
            ..
        } => {
            parts.push(company.clone());
            match round.as_deref().map(normalize_round) {
                // A company has one series A; the round alone identifies it.
                Some(round) if round_is_unique(&round) => parts.push(round),
                // 战略, 新一轮 and the like recur: amount and month tell them apart.
                round => {
                    parts.push(round.unwrap_or_default());
                    parts.push(amount_key(amount.as_ref()));
                    parts.push(month.to_owned());
                    ends_in_month = true;
                }
            }
        }
        EventDetail::Valuation { company, amount } => {
            parts.push(company.clone());
            parts.push(amount_key(amount.as_ref()));
        }
        EventDetail::Acquisition {
            acquirer, target, ..
        } => {
            parts.push(acquirer.clone().unwrap_or_default());
            parts.push(target.clone().unwrap_or_default());
        }
        EventDetail::Ipo {
            company, exchange, ..
        } => {
            parts.push(company.clone());
            parts.push(exchange.clone().unwrap_or_default());
        }
        EventDetail::Layoff { company, .. } => {
            parts.push(company.clone());
            parts.push(month.to_owned());
            ends_in_month = true;
        }
        EventDetail::Spend {
            company,
            purpose,
            amount,
            ..
        } => {
            parts.push(company.clone());
            parts.push(purpose.clone().unwrap_or_default());
            parts.push(amount_key(amount.as_ref()));
        }
    }
    let key = parts.join("|");
    let month = (ends_in_month && !month.is_empty()).then(|| KeyMonth {
        prefix: key[..key.len() - month.len()].to_owned(),
        month: month.to_owned(),
        dated: own_month.is_some(),
    });
    EventKey {
        id: key_id(&key),
        key,
        month,
    }
}

/// The id of a key: the first 16 hex digits of its SHA-256.
pub fn key_id(key: &str) -> String {
    Sha256::digest(key.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Rounds are written `A轮`, `A 轮`, `a`: compare them without the suffix, spaces and case.
fn normalize_round(round: &str) -> String {
    round
        .trim_end_matches('轮')
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// True for a round a company goes through once: a series letter (A, Pre-A, B+, Pre-IPO), a
/// numbered round (第3轮) or the first money (天使, 种子).
fn round_is_unique(round: &str) -> bool {
    round.chars().any(|c| c.is_ascii_alphanumeric())
        || round.starts_with('第')
        || round.starts_with("天使")
        || round.starts_with("种子")
}

/// An amount as currency and exact value (the text varies between reports: 2亿美元, 两亿美元).
fn amount_key(amount: Option<&Amount>) -> String {
    match amount {
        Some(a) => format!("{}{}", a.currency.as_deref().unwrap_or(""), a.value),
        None => String::new(),
    }
}

/// How many arguments an event fills: a report with more of them describes the fact better.
pub fn completeness(detail: &EventDetail) -> i64 {
    fn some<T>(v: &Option<T>) -> i64 {
        i64::from(v.is_some())
    }
    match detail {
        EventDetail::TalentMove { from, to, role, .. } => some(from) + some(to) + some(role),
        EventDetail::Funding {
            round,
            amount,
            investors,
            lead_investors,
            ..
        } => {
            some(round)
                + some(amount)
                + i64::from(!investors.is_empty())
                + i64::from(!lead_investors.is_empty())
        }
        EventDetail::Valuation { amount, .. } => some(amount),
        EventDetail::Acquisition {
            acquirer,
            target,
            seller,
            stake,
            amount,
        } => some(acquirer) + some(target) + some(seller) + some(stake) + some(amount),
        EventDetail::Ipo {
            exchange, amount, ..
        } => some(exchange) + some(amount),
        EventDetail::Layoff { count, share, .. } => some(count) + some(share),
        EventDetail::Spend {
            purpose, amount, ..
        } => some(purpose) + some(amount),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_model::{Modality, TalentAction};

    fn talent(person: &str, to: Option<&str>, date: Option<&str>, role: Option<&str>) -> Event {
        Event {
            detail: EventDetail::TalentMove {
                action: TalentAction::Join,
                person: person.into(),
                from: Some("甲公司".into()),
                to: to.map(Into::into),
                role: role.map(Into::into),
            },
            date: date.map(Into::into),
            modality: Modality::Asserted,
            sentence: "s".into(),
            start: 0,
            end: 1,
            trigger: None,
        }
    }

    #[test]
    fn same_fact_in_different_words_has_one_key() {
        let a = event_key(
            &talent("王小明", Some("乙公司"), Some("2024-08-13"), None),
            None,
        );
        let b = event_key(
            &talent("王小明", Some("乙公司"), Some("2024-08"), Some("副总裁")),
            Some("2024-09"),
        );
        assert_eq!((&a.key, &a.id), (&b.key, &b.id));
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.key, "talent_move|王小明|乙公司|2024-08");
    }

    #[test]
    fn different_facts_have_different_keys() {
        let base = event_key(
            &talent("王小明", Some("乙公司"), Some("2024-08"), None),
            None,
        );
        for other in [
            talent("李四", Some("乙公司"), Some("2024-08"), None),
            talent("王小明", Some("丙公司"), Some("2024-08"), None),
            talent("王小明", Some("乙公司"), Some("2023-08"), None),
        ] {
            assert_ne!(event_key(&other, None).id, base.id);
        }
        // Without a date of its own, the publish month decides.
        let undated = talent("王小明", Some("乙公司"), None, None);
        assert_eq!(event_key(&undated, Some("2024-08")).id, base.id);
        assert_ne!(event_key(&undated, Some("2024-10")).id, base.id);
    }

    #[test]
    fn month_keys_say_where_the_month_came_from() {
        let dated = event_key(
            &talent("王小明", Some("乙公司"), Some("2024-08-13"), None),
            None,
        );
        let month = dated.month.unwrap();
        assert_eq!(month.prefix, "talent_move|王小明|乙公司|");
        assert_eq!((month.month.as_str(), month.dated), ("2024-08", true));
        let undated = event_key(
            &talent("王小明", Some("乙公司"), None, None),
            Some("2024-09"),
        );
        assert!(!undated.month.unwrap().dated);
        assert!(
            event_key(&talent("王小明", None, None, None), None)
                .month
                .is_none()
        );
        assert_eq!(shift_month("2024-03", -6).as_deref(), Some("2023-09"));
        assert_eq!(shift_month("2024-12", 1).as_deref(), Some("2025-01"));
        assert_eq!(shift_month("2024", 1), None);
    }

    fn funding(round: &str, value: i128, date: &str) -> Event {
        Event {
            detail: EventDetail::Funding {
                company: "星河科技".into(),
                round: Some(round.into()),
                amount: Some(Amount {
                    text: "x".into(),
                    start: 0,
                    end: 1,
                    kind: zhnews_model::AmountKind::Money,
                    value: zhnews_model::Decimal::from_int(value),
                    max: None,
                    currency: Some("USD".into()),
                    qualifier: zhnews_model::Qualifier::Exact,
                    unit: None,
                }),
                investors: vec![],
                lead_investors: vec![],
            },
            ..talent("王小明", None, Some(date), None)
        }
    }

    #[test]
    fn series_rounds_happen_once_strategic_rounds_recur() {
        let b = |v, d| event_key(&funding("B轮", v, d), None).id;
        assert_eq!(b(1, "2024-01"), b(2, "2024-05"), "one series B");
        let strategic = |v, d| event_key(&funding("战略", v, d), None).id;
        assert_ne!(strategic(1, "2024-01"), strategic(1, "2024-05"));
        assert_eq!(strategic(1, "2024-01-03"), strategic(1, "2024-01"));
        assert!(round_is_unique("第3"));
        assert!(!round_is_unique("新一"));
    }

    #[test]
    fn rounds_compare_loosely() {
        assert_eq!(normalize_round("a 轮"), normalize_round("A轮"));
        assert_eq!(normalize_round("Pre-A"), "PRE-A");
    }
}
