//! The data types every zhnews stage shares: what an article is, what the extractor finds in it
//! (entities, amounts, events), and the exact JSON shape those take on the command line and in exports.
//!
//! This crate is the contract between the stage crates (`zhnews-article`, `zhnews-extract`,
//! `zhnews-crawl`, `zhnews-store`), which depend on it and never on each other. It does no I/O.
//!
//! Offsets (`start`, `end`) everywhere count Unicode scalar values (Rust `char`s) of the text that was
//! extracted from, end exclusive, so that Python's `text[start:end]` gives back `text`.

mod article;
mod decimal;
mod entity;
mod event;

pub use article::{Article, PageKind, PublishedSource};
pub use decimal::{Decimal, DecimalParseError};
pub use entity::{Amount, AmountKind, Entity, EntityKind, Qualifier};
pub use event::{Event, EventDetail, Modality, TalentAction};

use serde::{Deserialize, Serialize};

/// Everything the extractor found in one text: the `entities`, `amounts` and `events` of
/// `zhnews extract`'s JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// People, companies, products and other organisations, in text order.
    pub entities: Vec<Entity>,
    /// Money, counts and percentages, in text order.
    pub amounts: Vec<Amount>,
    /// Facts (talent moves, funding, …) with their provenance.
    pub events: Vec<Event>,
}

/// Converts a byte offset into `text` to a char offset. `byte` must lie on a char boundary.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Builds a table from byte offset to char offset for texts where many offsets are converted.
///
/// The result has `text.len() + 1` entries; entries inside a multi-byte char hold the index of that char.
pub fn byte_to_char_table(text: &str) -> Vec<u32> {
    let mut table = Vec::with_capacity(text.len() + 1);
    for (index, ch) in text.chars().enumerate() {
        for _ in 0..ch.len_utf8() {
            table.push(index as u32);
        }
    }
    table.push(text.chars().count() as u32);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "字节a跳动";
        assert_eq!(char_offset(text, 0), 0);
        assert_eq!(char_offset(text, 6), 2);
        assert_eq!(char_offset(text, 7), 3);
        let table = byte_to_char_table(text);
        assert_eq!(table.len(), text.len() + 1);
        assert_eq!(table[7], 3);
        assert_eq!(table[text.len()], 5);
    }
}
