//! Mentions written by hand for the event rule tests, placed by the text they quote: the recognizers'
//! contract (char offsets, a canonical name) without running them.

// Each test file uses the part it needs; the rest is unused there.
#![allow(dead_code)]

use zhnews_model::{Amount, AmountKind, Decimal, Entity, EntityKind, Qualifier};

/// Char offsets of the `nth` occurrence (from 0) of `needle` in `text`.
pub fn char_span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in {text}"))
        .0;
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A mention of the `nth` occurrence of `written`, named as written.
pub fn mention(text: &str, kind: EntityKind, written: &str, nth: usize) -> Entity {
    let (start, end) = char_span(text, written, nth);
    Entity {
        kind,
        text: written.into(),
        start,
        end,
        name: written.into(),
        owner: None,
    }
}

/// An exact amount at the first occurrence of `written`.
pub fn amount_at(
    text: &str,
    written: &str,
    kind: AmountKind,
    value: &str,
    currency: Option<&str>,
    unit: Option<&str>,
) -> Amount {
    let (start, end) = char_span(text, written, 0);
    Amount {
        text: written.into(),
        start,
        end,
        kind,
        value: value
            .parse::<Decimal>()
            .unwrap_or_else(|_| panic!("{value} is no decimal")),
        max: None,
        currency: currency.map(str::to_owned),
        qualifier: Qualifier::Exact,
        unit: unit.map(str::to_owned),
    }
}
