//! Facts extracted from text: who moved, who raised or spent what.
//!
//! The JSON of an [`Event`] is one flat object: `{"type": "funding", "company": …, "amount": {…},
//! "date": …, "modality": …, "sentence": …, "start": …, "end": …}`. Entity-valued fields hold canonical
//! names; amount-valued fields hold an [`Amount`] object; fields the text does not give are `null`.

use crate::Amount;
use serde::{Deserialize, Serialize};

/// One fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The type and its arguments.
    #[serde(flatten)]
    pub detail: EventDetail,
    /// When it happened, resolved against the publish date, at the precision the text gives
    /// (`2024`, `2024-08`, `2024-08-13`); `None` when the text gives no date.
    pub date: Option<String>,
    /// How the text asserts it.
    pub modality: Modality,
    /// The sentence it was found in.
    pub sentence: String,
    /// Char offset of the sentence start in the text.
    pub start: usize,
    /// Char offset one past the sentence end.
    pub end: usize,
    /// Char offsets of the trigger word (`离职`, `融资`) in the text.
    #[serde(default)]
    pub trigger: Option<(usize, usize)>,
}

impl Event {
    /// The event type's name (`talent_move`, `funding`, …).
    pub fn type_name(&self) -> &'static str {
        self.detail.type_name()
    }
}

/// What a talent move is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TalentAction {
    /// Joined a company.
    Join,
    /// Left a company.
    Leave,
    /// Was appointed to a role.
    Appoint,
    /// Changed role within a company.
    RoleChange,
}

/// How the text asserts an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Attributed to a source (据…报道, 据…透露).
    Reported,
    /// Hearsay (传言, 传闻, 据传).
    Rumored,
    /// Intended, not done (计划, 拟, 将).
    Planned,
    /// Denied (否认, 辟谣).
    Denied,
}

/// An event's type and arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventDetail {
    /// A person joins, leaves, is appointed or changes role.
    TalentMove {
        /// Join, leave, appoint or role change.
        action: TalentAction,
        /// The person's canonical name.
        person: String,
        /// The company left.
        from: Option<String>,
        /// The company joined.
        to: Option<String>,
        /// The role (副总裁, CEO).
        role: Option<String>,
    },
    /// A company raises money.
    Funding {
        /// The company raising.
        company: String,
        /// 天使, Pre-A, A, B+, 战略, 第3轮 …
        round: Option<String>,
        /// How much.
        amount: Option<Amount>,
        /// Every investor named.
        investors: Vec<String>,
        /// The lead investors among them.
        lead_investors: Vec<String>,
    },
    /// A company's valuation.
    Valuation {
        /// The company valued.
        company: String,
        /// The valuation.
        amount: Option<Amount>,
    },
    /// One party buys a company, a stake in one, a business or an asset (land at auction).
    Acquisition {
        /// The buyer.
        acquirer: Option<String>,
        /// What is bought: the company (or the company whose stake changes hands), or the asset.
        target: Option<String>,
        /// The party that sells (`甲将所持乙30%股权转让给丙` gives 甲); `None` when the text does not
        /// say (a stake bought from a company's unnamed owners).
        seller: Option<String>,
        /// What changes hands when it is not a whole company, as written (`57%股份`, `100%股权`,
        /// `控股权`, `一宗商住用地`, `手机芯片业务`).
        stake: Option<String>,
        /// The price.
        amount: Option<Amount>,
    },
    /// A listing.
    Ipo {
        /// The company listing.
        company: String,
        /// The exchange (港交所, 纳斯达克, 科创板).
        exchange: Option<String>,
        /// The money raised.
        amount: Option<Amount>,
    },
    /// Job cuts.
    Layoff {
        /// The company cutting.
        company: String,
        /// How many people.
        count: Option<Amount>,
        /// What share of staff.
        share: Option<Amount>,
    },
    /// Spending on a purpose.
    Spend {
        /// The company spending.
        company: String,
        /// 广告, 训练, 研发, 获客 …
        purpose: Option<String>,
        /// How much.
        amount: Option<Amount>,
    },
}

impl EventDetail {
    /// The type's name as in JSON.
    pub fn type_name(&self) -> &'static str {
        match self {
            EventDetail::TalentMove { .. } => "talent_move",
            EventDetail::Funding { .. } => "funding",
            EventDetail::Valuation { .. } => "valuation",
            EventDetail::Acquisition { .. } => "acquisition",
            EventDetail::Ipo { .. } => "ipo",
            EventDetail::Layoff { .. } => "layoff",
            EventDetail::Spend { .. } => "spend",
        }
    }
}
