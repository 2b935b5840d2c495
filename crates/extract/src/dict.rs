//! The entity dictionaries: companies with aliases, people, products with owners, organisations.
//!
//! The dictionaries are plain text files that a user can read and extend. The ones in `config/dict/`
//! are embedded in the binary ([`Dictionary::embedded`]); a user adds files of the same format with
//! [`Dictionary::extend_from_file`]. This module only parses and answers lookups (surface form →
//! canonical entry); finding the entries in text is the recognizer's job ([`crate::ner`]).
//!
//! # Format
//!
//! ```text
//! # a comment; blank lines are ignored
//! [company]                      # section header: company, person, product, org or ignore
//! 字节跳动 | 字节 | ByteDance     # canonical name first, then aliases, separated by `|`
//! [product]
//! 豆包 | Doubao @ 字节跳动        # `@ owner`: the company that makes a product
//! [person]
//! 杨植麟 @ 月之暗面               # `@ affiliation` for a person (optional)
//! [ignore]
//! 小米粥                          # words that must never be read as an entity
//! ```
//!
//! A later entry for the same surface form replaces the earlier one, so a user file can re-map an
//! alias of the embedded dictionaries. Latin aliases match case-insensitively (`Minimax` = `MiniMax`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use zhnews_model::EntityKind;

/// A dictionary file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// The file could not be read.
    #[error("cannot read dictionary {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line does not follow the format.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One dictionary entity: its kind, canonical name, other written forms and owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Person, company, product or org.
    pub kind: EntityKind,
    /// The canonical name, the one the store merges mentions on.
    pub name: String,
    /// Other written forms (the canonical name is not repeated here).
    pub aliases: Vec<String>,
    /// For a product, the canonical name of its company; for a person, an affiliation.
    pub owner: Option<String>,
}

impl Entry {
    /// The canonical name followed by the aliases.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// All entity dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
    /// Surface form (ASCII lowercased) → index into `entries`.
    by_surface: HashMap<String, usize>,
    /// Words that are never entities.
    ignored: HashSet<String>,
}

/// The embedded files, in load order, with the names used in error messages.
const EMBEDDED: [(&str, &str); 5] = [
    (
        "config/dict/companies.txt",
        include_str!("../../../config/dict/companies.txt"),
    ),
    (
        "config/dict/products.txt",
        include_str!("../../../config/dict/products.txt"),
    ),
    (
        "config/dict/people.txt",
        include_str!("../../../config/dict/people.txt"),
    ),
    (
        "config/dict/orgs.txt",
        include_str!("../../../config/dict/orgs.txt"),
    ),
    (
        "config/dict/ignore.txt",
        include_str!("../../../config/dict/ignore.txt"),
    ),
];

fn surface_key(surface: &str) -> String {
    surface.to_ascii_lowercase()
}

impl Dictionary {
    /// An empty dictionary.
    pub fn empty() -> Dictionary {
        Dictionary::default()
    }

    /// The dictionaries embedded in the binary (`config/dict/*.txt`).
    pub fn embedded() -> Dictionary {
        let mut dictionary = Dictionary::empty();
        for (name, text) in EMBEDDED {
            // The embedded files are checked by a unit test; a bad line cannot ship.
            if let Err(error) = dictionary.extend_from_str(Path::new(name), text) {
                debug_assert!(false, "embedded dictionary is malformed: {error}");
            }
        }
        dictionary
    }

    /// Adds the entries of a user dictionary file.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), DictError> {
        let text = std::fs::read_to_string(path).map_err(|source| DictError::Read {
            path: path.to_owned(),
            source,
        })?;
        self.extend_from_str(path, &text)
    }

    /// Adds the entries of dictionary text; `origin` names it in error messages. Nothing is added
    /// when a line is malformed.
    pub fn extend_from_str(&mut self, origin: &Path, text: &str) -> Result<(), DictError> {
        let parsed = parse(origin, text)?;
        for item in parsed {
            match item {
                Parsed::Entry(entry) => self.insert(entry),
                Parsed::Ignore(word) => {
                    self.ignored.insert(surface_key(&word));
                }
            }
        }
        Ok(())
    }

    /// Adds one entry; its surface forms now resolve to it.
    pub fn insert(&mut self, entry: Entry) {
        let index = self.entries.len();
        for surface in entry.surfaces() {
            self.by_surface.insert(surface_key(surface), index);
        }
        self.entries.push(entry);
    }

    /// The entry a written form resolves to (`字节` → 字节跳动's entry).
    pub fn lookup(&self, surface: &str) -> Option<&Entry> {
        self.by_surface
            .get(&surface_key(surface))
            .map(|&index| &self.entries[index])
    }

    /// The canonical name of a written form (`字节` → `字节跳动`, `Google` → `谷歌`).
    pub fn canonical(&self, surface: &str) -> Option<&str> {
        self.lookup(surface).map(|entry| entry.name.as_str())
    }

    /// The kind of entity a written form names.
    pub fn kind_of(&self, surface: &str) -> Option<EntityKind> {
        self.lookup(surface).map(|entry| entry.kind)
    }

    /// The canonical name of the company that makes a product (`Kimi` → `月之暗面`).
    pub fn owner_of(&self, product: &str) -> Option<&str> {
        self.lookup(product)
            .filter(|entry| entry.kind == EntityKind::Product)
            .and_then(|entry| entry.owner.as_deref())
    }

    /// The affiliation recorded for a person (`杨植麟` → `月之暗面`).
    pub fn affiliation_of(&self, person: &str) -> Option<&str> {
        self.lookup(person)
            .filter(|entry| entry.kind == EntityKind::Person)
            .and_then(|entry| entry.owner.as_deref())
    }

    /// Whether a word is listed as never being an entity.
    pub fn is_ignored(&self, word: &str) -> bool {
        self.ignored.contains(&surface_key(word))
    }

    /// Every entry, in load order (a re-mapped alias still appears under its old entry here).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every surface form with the entry it currently resolves to.
    pub fn surfaces(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .flat_map(move |(index, entry)| {
                entry.surfaces().filter_map(move |surface| {
                    (self.by_surface.get(&surface_key(surface)) == Some(&index))
                        .then_some((surface, entry))
                })
            })
    }

    /// The ignored words.
    pub fn ignored(&self) -> impl Iterator<Item = &str> {
        self.ignored.iter().map(String::as_str)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

enum Parsed {
    Entry(Entry),
    Ignore(String),
}

#[derive(Clone, Copy)]
enum Section {
    Kind(EntityKind),
    Ignore,
}

fn parse(origin: &Path, text: &str) -> Result<Vec<Parsed>, DictError> {
    let mut section: Option<Section> = None;
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let error = |message: String| DictError::Syntax {
            path: origin.to_owned(),
            line: line_no,
            message,
        };
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let name = header
                .strip_suffix(']')
                .ok_or_else(|| error(format!("section header `{line}` lacks its `]`")))?
                .trim();
            section = Some(match name {
                "company" => Section::Kind(EntityKind::Company),
                "person" => Section::Kind(EntityKind::Person),
                "product" => Section::Kind(EntityKind::Product),
                "org" => Section::Kind(EntityKind::Org),
                "ignore" => Section::Ignore,
                other => {
                    return Err(error(format!(
                        "unknown section `[{other}]` (expected company, person, product, org or ignore)"
                    )));
                }
            });
            continue;
        }
        let Some(section) = section else {
            return Err(error(
                "entry before any section header such as `[company]`".to_owned(),
            ));
        };
        let (names, owner) = match line.split_once('@') {
            Some((names, owner)) => {
                let owner = owner.trim();
                if owner.is_empty() || owner.contains('@') || owner.contains('|') {
                    return Err(error(format!(
                        "`@` must be followed by one name, found `{owner}`"
                    )));
                }
                (names, Some(owner.to_owned()))
            }
            None => (line, None),
        };
        let mut surfaces = Vec::new();
        for part in names.split('|') {
            let part = part.trim();
            if part.is_empty() {
                return Err(error("empty name between `|` separators".to_owned()));
            }
            if part.chars().count() > 40 {
                return Err(error(format!("name `{part}` is longer than 40 chars")));
            }
            surfaces.push(part.to_owned());
        }
        match section {
            Section::Ignore => {
                if owner.is_some() {
                    return Err(error("an [ignore] line takes no `@`".to_owned()));
                }
                out.extend(surfaces.into_iter().map(Parsed::Ignore));
            }
            Section::Kind(kind) => {
                if owner.is_some() && matches!(kind, EntityKind::Company | EntityKind::Org) {
                    return Err(error(
                        "`@ owner` is for products and people only".to_owned(),
                    ));
                }
                let mut surfaces = surfaces.into_iter();
                let name = surfaces.next().unwrap_or_default();
                out.push(Parsed::Entry(Entry {
                    kind,
                    name,
                    aliases: surfaces.collect(),
                    owner,
                }));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_and_resolve_aliases() {
        for (name, text) in EMBEDDED {
            Dictionary::empty()
                .extend_from_str(Path::new(name), text)
                .unwrap();
        }
        let dict = Dictionary::embedded();
        assert!(dict.len() > 300, "only {} entries", dict.len());
        assert_eq!(dict.canonical("字节"), Some("字节跳动"));
        assert_eq!(dict.canonical("ByteDance"), Some("字节跳动"));
        assert_eq!(dict.canonical("阿里"), Some("阿里巴巴"));
        assert_eq!(dict.canonical("Google"), Some("谷歌"));
        assert_eq!(dict.canonical("Moonshot AI"), Some("月之暗面"));
        assert_eq!(dict.canonical("minimax"), Some("MiniMax"));
        assert_eq!(dict.owner_of("Kimi"), Some("月之暗面"));
        assert_eq!(dict.owner_of("豆包"), Some("字节跳动"));
        assert_eq!(dict.owner_of("ChatGPT"), Some("OpenAI"));
        assert_eq!(dict.owner_of("钉钉"), Some("阿里巴巴"));
        assert_eq!(dict.kind_of("清华大学"), Some(EntityKind::Org));
        assert_eq!(dict.kind_of("杨植麟"), Some(EntityKind::Person));
        assert_eq!(dict.owner_of("字节跳动"), None);
    }

    #[test]
    fn every_product_owner_is_a_known_company() {
        let dict = Dictionary::embedded();
        for entry in dict.entries() {
            if let (EntityKind::Product, Some(owner)) = (entry.kind, &entry.owner) {
                assert_eq!(
                    dict.kind_of(owner),
                    Some(EntityKind::Company),
                    "owner {owner} of {}",
                    entry.name
                );
                assert_eq!(dict.canonical(owner), Some(owner.as_str()));
            }
        }
    }

    #[test]
    fn user_entries_override_and_extend() {
        let mut dict = Dictionary::embedded();
        let text = "# my companies\n[company]\n深度求索 | DeepSeek | 幻方\n\n[product]\n小灵通 @ 深度求索\n[ignore]\n小米粥\n";
        dict.extend_from_str(Path::new("user.txt"), text).unwrap();
        assert_eq!(dict.canonical("幻方"), Some("深度求索"));
        assert_eq!(dict.owner_of("小灵通"), Some("深度求索"));
        assert!(dict.is_ignored("小米粥"));
    }

    #[test]
    fn malformed_lines_report_their_line_number() {
        let cases = [
            ("字节跳动 | 字节\n", 1, "before any section"),
            ("[company]\n\n字节跳动 || 字节\n", 3, "empty name"),
            ("[companies]\n", 1, "unknown section"),
            ("[product]\nKimi @\n", 2, "`@` must be followed"),
            (
                "[company]\n字节跳动 @ 抖音\n",
                2,
                "products and people only",
            ),
            ("[company\n", 1, "lacks its `]`"),
        ];
        for (text, line, needle) in cases {
            let mut dict = Dictionary::empty();
            let error = dict
                .extend_from_str(Path::new("bad.txt"), text)
                .unwrap_err();
            match &error {
                DictError::Syntax { line: got, .. } => assert_eq!(*got, line, "{text}"),
                other => panic!("unexpected {other}"),
            }
            assert!(error.to_string().contains(needle), "{error}");
            assert!(error.to_string().starts_with(&format!("bad.txt:{line}:")));
            assert!(dict.is_empty(), "nothing is added from a bad file");
        }
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let mut dict = Dictionary::empty();
        let error = dict
            .extend_from_file(Path::new("/nonexistent/zhnews-dict.txt"))
            .unwrap_err();
        assert!(matches!(error, DictError::Read { .. }));
    }
}
