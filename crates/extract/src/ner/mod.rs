//! People, companies, products and organisations.

use crate::dict::Dictionary;
use crate::segment::jieba;
use zhnews_model::{Entity, EntityKind};

/// The entity recognizer, built once from the dictionaries.
#[derive(Debug)]
pub struct Recognizer {}

impl Recognizer {
    /// Builds the recognizer's tables from `dictionary`.
    pub fn new(dictionary: &Dictionary) -> Recognizer {
        let _ = dictionary;
        Recognizer {}
    }

    /// Entity mentions of `text`, in text order.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let mut out = Vec::new();
        let mut char_pos = 0;
        for tag in jieba().tag(text, true) {
            let len = tag.word.chars().count();
            let kind = match tag.tag {
                "nr" => Some(EntityKind::Person),
                "nt" => Some(EntityKind::Company),
                _ => None,
            };
            if let Some(kind) = kind {
                out.push(Entity {
                    kind,
                    text: tag.word.to_owned(),
                    start: char_pos,
                    end: char_pos + len,
                    name: tag.word.to_owned(),
                    owner: None,
                });
            }
            char_pos += len;
        }
        out
    }
}
