//! Mentions found in text: named entities and amounts.

use crate::Decimal;
use serde::{Deserialize, Serialize};

/// What kind of thing an entity mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person (杨植麟, Nando de Freitas).
    Person,
    /// A firm (字节跳动, OpenAI, 北京月之暗面科技有限公司).
    Company,
    /// A product or service of a firm (Kimi, 豆包, ChatGPT).
    Product,
    /// An organisation that is not treated as a firm: government body, university, media outlet.
    Org,
}

impl EntityKind {
    /// The lowercase name used in JSON, CSV and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Company => "company",
            EntityKind::Product => "product",
            EntityKind::Org => "org",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" => EntityKind::Person,
            "company" => EntityKind::Company,
            "product" => EntityKind::Product,
            "org" => EntityKind::Org,
            _ => return None,
        })
    }
}

/// One mention of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// What the mention names.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The text as written (`字节`).
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The canonical name (`字节跳动`), the key the store merges mentions on.
    pub name: String,
    /// For a product, the canonical name of the company that makes it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// A sum of money (currency may still be unknown).
    Money,
    /// A number of things (users, visits, devices, firms).
    Count,
    /// A percentage; `value` is in percent (`12.5%` → 12.5).
    Percent,
}

impl AmountKind {
    /// The lowercase name used in JSON, CSV and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            AmountKind::Money => "money",
            AmountKind::Count => "count",
            AmountKind::Percent => "percent",
        }
    }
}

/// How the text bounds the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Exactly `value`.
    #[default]
    Exact,
    /// About `value` (约, 左右).
    About,
    /// More than `value`, which is the lower bound (超过, 逾, 以上).
    Over,
    /// Less than (or up to) `value`, which is the upper bound (近, 不到).
    Under,
    /// Between `value` and `max` (10-20亿, 三千多万).
    Range,
}

impl Qualifier {
    /// The lowercase name used in JSON, CSV and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Range => "range",
        }
    }
}

/// A normalized number found in text: money, a count or a percentage.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// The text as written (`近1.4亿元人民币`).
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Money, count or percent.
    pub kind: AmountKind,
    /// The value in whole units (元, dollars; percent for percentages); the lower bound of a range.
    pub value: Decimal,
    /// The upper bound, for `Range` only.
    pub max: Option<Decimal>,
    /// ISO 4217 code when the text names the currency, else `None`.
    pub currency: Option<String>,
    /// How the text bounds the value.
    pub qualifier: Qualifier,
    /// For counts, the measure word or noun that follows (`台`, `用户`), when there is one.
    pub unit: Option<String>,
}
