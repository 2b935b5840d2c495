//! Chinese entity, amount and event extraction: text in, [`Extraction`] out.
//!
//! The pipeline, per text: jieba-rs segmentation (one process-wide [`segment::jieba`]) feeds the
//! entity recognizer ([`ner`]), whose company and product spans the amount recognizer ([`amount`])
//! must not read numbers from (`零一万物` is a company, not a number); the event extractor ([`events`])
//! then reads sentences with both in hand. Everything here is pure and synchronous: no I/O except
//! reading user dictionary files when asked to, no printing, typed errors.

pub mod amount;
pub mod dict;
pub mod events;
pub mod ner;
pub mod segment;

pub use dict::{DictError, Dictionary};

use chrono::NaiveDate;
use zhnews_model::Extraction;

/// An extractor with its dictionaries loaded. Build one per process and share it: it is `Sync`.
#[derive(Debug)]
pub struct Extractor {
    dictionary: Dictionary,
    recognizer: ner::Recognizer,
}

impl Extractor {
    /// An extractor over the dictionaries embedded in the binary.
    pub fn new() -> Extractor {
        Extractor::with_dictionary(Dictionary::embedded())
    }

    /// An extractor over the given dictionaries.
    pub fn with_dictionary(dictionary: Dictionary) -> Extractor {
        let recognizer = ner::Recognizer::new(&dictionary);
        Extractor {
            dictionary,
            recognizer,
        }
    }

    /// The dictionaries in use.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The entity mentions of `text` alone (people, companies, products, orgs), in text order: the
    /// first stage of [`Extractor::extract`], for callers and evaluations that need only entities.
    pub fn entities(&self, text: &str) -> Vec<zhnews_model::Entity> {
        self.recognizer.entities(text)
    }

    /// Extracts entities, amounts and events from `text`. `published` is the article's publish date,
    /// against which relative dates (`今年8月`) are resolved.
    pub fn extract(&self, text: &str, published: Option<NaiveDate>) -> Extraction {
        let entities = self.recognizer.entities(text);
        let blocked: Vec<(usize, usize)> = entities
            .iter()
            .filter(|e| e.kind != zhnews_model::EntityKind::Person)
            .map(|e| (e.start, e.end))
            .collect();
        let amounts = amount::find_amounts(text, &blocked);
        let events = events::find_events(text, &entities, &amounts, published);
        Extraction {
            entities,
            amounts,
            events,
        }
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}
