//! People, companies, products and organisations, built above jieba's tokens.
//!
//! jieba's `nr`/`nt` tags alone are poor on news (they fire on 切尔西 and 顾问, and miss most brand +
//! suffix companies), so the recognizer uses jieba only for token boundaries and POS hints and
//! decides itself, in passes over one text:
//!
//! 1. dictionary matches ([`crate::dict`]: companies, products with owners, people, orgs);
//! 2. people ([`person`]): surname + given-name evidence scored with context cues (titles before,
//!    speech/action verbs and titles after, apposition), transliterated names with `·`, Latin names;
//! 3. companies and orgs ([`company`]): brand + suffix, full legal names with their
//!    `（以下简称“X”）` short forms, Latin brands next to company cues; sports teams ([`team`]):
//!    a place's team, clubs by sport + 俱乐部, nicknames that are ordinary words in sport texts;
//! 4. overlaps are resolved by priority, then length;
//! 5. document consistency: every name accepted once is found at its other occurrences, and
//!    `杨总`/`周博士` forms link back to the one full name with that surname.
//!
//! The boundary: this module finds and names entities; amounts and events are other modules'.

mod company;
mod doc;
pub mod lexicon;
mod person;
mod team;
mod translit;

use crate::dict::Dictionary;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use doc::Doc;
use zhnews_model::{Entity, EntityKind};

/// A proposed entity before overlaps are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Canonical name, when it differs from the text or comes from the dictionary.
    pub name: Option<String>,
    pub owner: Option<String>,
    /// Higher wins an overlap; ties go to the longer span.
    pub priority: u8,
}

impl Candidate {
    /// A candidate named by its own text, with no owner.
    pub(crate) fn unnamed(start: usize, end: usize, kind: EntityKind, priority: u8) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            name: None,
            owner: None,
            priority,
        }
    }
}

/// Priorities of the candidate sources.
pub(crate) mod priority {
    /// A full legal name (`北京月之暗面科技有限公司`).
    pub const LEGAL: u8 = 90;
    /// A dictionary entry of 3+ chars, or a Latin one.
    pub const DICT_LONG: u8 = 85;
    /// A person with a `·` or strong cues.
    pub const PERSON_STRONG: u8 = 80;
    /// A short dictionary alias.
    pub const DICT_SHORT: u8 = 70;
    /// Brand + suffix company (`暴雪公司` is taken whole over the alias `暴雪`).
    pub const COMPANY_SUFFIX: u8 = 75;
    /// A person from given-name evidence.
    pub const PERSON: u8 = 60;
    /// An organisation from its suffix.
    pub const ORG_SUFFIX: u8 = 55;
    /// A Latin brand next to company cues.
    pub const LATIN_BRAND: u8 = 50;
    /// A repeat of a name found elsewhere in the document.
    pub const REPEAT: u8 = 40;
}

/// The entity recognizer, built once from the dictionaries.
pub struct Recognizer {
    matcher: Option<AhoCorasick>,
    /// Per pattern: entity kind, canonical name, owner.
    patterns: Vec<(EntityKind, String, Option<String>, String)>,
    ignored: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer")
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

impl Recognizer {
    /// Builds the recognizer's tables from `dictionary`.
    pub fn new(dictionary: &Dictionary) -> Recognizer {
        let mut patterns = Vec::new();
        for (surface, entry) in dictionary.surfaces() {
            let owner = match entry.kind {
                EntityKind::Product => entry.owner.clone(),
                _ => None,
            };
            patterns.push((entry.kind, entry.name.clone(), owner, surface.to_owned()));
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.3.as_str()))
            .ok();
        Recognizer {
            matcher,
            patterns,
            ignored: dictionary.ignored().map(str::to_owned).collect(),
        }
    }

    /// Entity mentions of `text`, in text order.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        if text.is_empty() {
            return Vec::new();
        }
        let doc = Doc::new(text);
        let mut candidates = Vec::new();
        self.dictionary_candidates(&doc, &mut candidates);
        person::candidates(&doc, &mut candidates);
        company::candidates(&doc, &mut candidates);
        team::candidates(&doc, &mut candidates);
        candidates.retain(|c| !self.ignored.contains(&doc.slice(c.start, c.end)));
        let mut accepted = resolve(candidates);
        company::extend_branches(&doc, &mut accepted);
        team::extend_clubs(&doc, &mut accepted);
        company::link_short_forms(&doc, &mut accepted);
        person::propagate(&doc, &mut accepted);
        let mut accepted = resolve(accepted);
        accepted.sort_by_key(|c| (c.start, c.end));
        for candidate in &mut accepted {
            // `2月5日信诚基金`: the 日 of a date glued to a name the recognizer read from its
            // suffix is the date's, not the name's.
            let chars = &doc.chars;
            if candidate.kind != EntityKind::Person
                && candidate.end - candidate.start >= 3
                && candidate.start >= 1
                && matches!(chars[candidate.start], '日' | '月' | '年' | '号')
                && (chars[candidate.start - 1].is_ascii_digit()
                    || "〇一二三四五六七八九十".contains(chars[candidate.start - 1]))
                && candidate
                    .name
                    .as_deref()
                    .is_none_or(|n| n.starts_with(chars[candidate.start]))
            {
                candidate.start += 1;
                candidate.name = None;
            }
        }
        for candidate in &mut accepted {
            if candidate.name.is_none() && candidate.kind == EntityKind::Company {
                candidate.name = self.company_inside(&doc, candidate.start, candidate.end);
            }
        }
        accepted
            .into_iter()
            .map(|c| {
                let text = doc.slice(c.start, c.end);
                Entity {
                    kind: c.kind,
                    name: c.name.unwrap_or_else(|| text.clone()),
                    text,
                    start: c.start,
                    end: c.end,
                    owner: c.owner,
                }
            })
            .collect()
    }

    fn dictionary_candidates(&self, doc: &Doc<'_>, out: &mut Vec<Candidate>) {
        let Some(matcher) = &self.matcher else {
            return;
        };
        for found in matcher.find_iter(doc.text) {
            let start = doc.char_of_byte(found.start());
            let end = doc.char_of_byte(found.end());
            let (kind, name, owner, surface) = &self.patterns[found.pattern().as_usize()];
            if !dictionary_match_fits(doc, start, end, surface)
                || inside_known_word(doc, start, end)
                || (*kind != EntityKind::Person && inside_dotted_name(doc, start, end))
            {
                continue;
            }
            let latin = surface.is_ascii();
            let priority = if latin || end - start >= 3 {
                priority::DICT_LONG
            } else {
                priority::DICT_SHORT
            };
            out.push(Candidate {
                start,
                end,
                kind: *kind,
                name: Some(name.clone()),
                owner: owner.clone(),
                priority,
            });
        }
    }
}

impl Recognizer {
    /// The canonical name of the one dictionary company written inside chars `start..end`
    /// (`字节跳动公司`, `北京字节跳动科技有限公司` → 字节跳动).
    fn company_inside(&self, doc: &Doc<'_>, start: usize, end: usize) -> Option<String> {
        let matcher = self.matcher.as_ref()?;
        let text = doc.slice(start, end);
        let mut found = None;
        for hit in matcher.find_iter(&text) {
            let (kind, name, _, surface) = &self.patterns[hit.pattern().as_usize()];
            let hit_start = start + text[..hit.start()].chars().count();
            let hit_end = hit_start + surface.chars().count();
            if *kind != EntityKind::Company
                || !dictionary_match_fits(doc, hit_start, hit_end, surface)
            {
                continue;
            }
            if found
                .replace(name.clone())
                .is_some_and(|previous| previous != *name)
            {
                return None;
            }
        }
        found
    }
}

/// Whether a dictionary match at chars `start..end` stands as a word of its own.
fn dictionary_match_fits(doc: &Doc<'_>, start: usize, end: usize, surface: &str) -> bool {
    let before = start.checked_sub(1).map(|i| doc.chars[i]);
    let after = doc.chars.get(end).copied();
    let first = doc.chars[start];
    let last = doc.chars[end - 1];
    if first.is_ascii_alphanumeric() && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if last.is_ascii_alphanumeric()
        && after.is_some_and(|c| c.is_ascii_alphanumeric())
        && !(last.is_ascii_alphabetic() && digits_then_date_or_count(doc, end))
    {
        return false;
    }
    if surface.chars().all(|c| c.is_ascii_digit()) {
        // `360` the company, not `360度` or `3600`.
        let unit_after = after.is_some_and(|c| {
            c == '.'
                || c == '%'
                || "度万亿千百元个年月日天岁人家多余名台部次倍只亩米克号位款期届".contains(c)
        });
        if unit_after || before.is_some_and(|c| c == '.' || c == '第') {
            return false;
        }
    }
    if surface.is_ascii() {
        // A lower-case match of a cased name (`apple` for Apple) is only taken for longer names.
        let written = doc.slice(start, end);
        if written != surface && written.chars().all(|c| !c.is_ascii_uppercase()) && end - start < 5
        {
            return false;
        }
        return true;
    }
    if end - start >= 4 {
        return true;
    }
    doc.is_boundary(start) && doc.is_boundary(end)
}

/// Whether the chars from `pos` are a number closed by a date or count word (`2019年`, `3月`,
/// `2000人`): a Latin name written right before one ends there (`Uber2019年上市`).
fn digits_then_date_or_count(doc: &Doc<'_>, pos: usize) -> bool {
    let digits = doc.chars[pos..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits > 0
        && doc
            .chars
            .get(pos + digits)
            .is_some_and(|&c| "年月日人名位家亿万".contains(c))
}

/// Whether chars `start..end` lie strictly inside one longer word jieba knows (`日本航空` inside
/// `日本航空自卫队`): the word is something else that contains the name. Only dictionary words
/// count: a run jieba's HMM glued together (`魅族开始`) says nothing.
fn inside_known_word(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    doc.token_covering(start).is_some_and(|token| {
        token.start <= start
            && token.end >= end
            && token.end - token.start > end - start
            && crate::segment::jieba().has_word(token.word)
    })
}

/// Whether chars `start..end` are one part of a transliterated name joined by a name dot
/// (`切尔西·克林顿` is a person, not the club).
fn inside_dotted_name(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let han_at = |i: usize| doc.chars.get(i).is_some_and(|&c| lexicon::is_han(c));
    let dot_at = |i: usize| doc.chars.get(i).is_some_and(|&c| lexicon::is_name_dot(c));
    (dot_at(end) && han_at(end + 1)) || (start >= 2 && dot_at(start - 1) && han_at(start - 2))
}

/// Keeps the best non-overlapping candidates: higher priority first, then longer, then earlier.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<Candidate> = Vec::with_capacity(candidates.len());
    // Occupancy by char, so the check is linear rather than quadratic.
    let len = candidates.iter().map(|c| c.end).max().unwrap_or(0);
    let mut occupied = vec![false; len];
    for candidate in candidates {
        if candidate.end <= candidate.start
            || occupied[candidate.start..candidate.end].contains(&true)
        {
            continue;
        }
        occupied[candidate.start..candidate.end].fill(true);
        taken.push(candidate);
    }
    taken
}
