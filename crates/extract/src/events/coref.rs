//! Pronouns and generic nouns that stand for a named person or company (`他`, `她`, `该公司`, `公司`).
//!
//! A mention is resolved only when it is unambiguous: exactly one distinct name of the right kind is
//! named in the window made of the previous sentence and the current one up to the mention, or, for a
//! company noun among several companies, the nearest one speaks right before it (`乙发布公告称，公司
//! 董事…`). Companies marked as former (`前京东…`, `原百度…`) describe a person's past and are not
//! antecedents. A resolved mention becomes an entity of its own (its span, the antecedent's canonical
//! name), so the argument rules need not know about it.

use zhnews_model::{Entity, EntityKind};

const PERSON_PRONOUNS: &[&str] = &["他", "她"];
const COMPANY_NOUNS: &[&str] = &[
    "该公司",
    "该集团",
    "这家公司",
    "此公司",
    "该企业",
    "这家企业",
    "公司",
];

/// Chars after which a bare `公司` is a generic reference (`离开公司`, `，公司…`), not part of a longer
/// noun (`创业公司`, `科技公司`).
fn bare_company_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            super::sentences::is_clause_break(c)
                || matches!(
                    c,
                    '开' | '入'
                        | '去'
                        | '任'
                        | '持'
                        | '在'
                        | '于'
                        | '到'
                        | '离'
                        | '该'
                        | '其'
                        | '本'
                        | '了'
                        | '回'
                        | '对'
                        | '、'
                )
        }
    }
}

/// Entities standing for the resolvable pronouns and generic nouns of `chars`, given the named
/// `entities` and the `sentences`.
pub(crate) fn resolve(
    chars: &[char],
    sentences: &[(usize, usize)],
    entities: &[Entity],
) -> Vec<Entity> {
    let mut out = Vec::new();
    let inside_entity = |pos: usize| entities.iter().any(|e| e.start <= pos && pos < e.end);
    for (index, &(s, e)) in sentences.iter().enumerate() {
        let window_start = if index > 0 { sentences[index - 1].0 } else { s };
        let mut i = s;
        while i < e {
            if inside_entity(i) {
                i += 1;
                continue;
            }
            let mut matched = None;
            for word in PERSON_PRONOUNS {
                if starts_with(chars, i, word) {
                    let next = chars.get(i + 1).copied();
                    let prev = if i > 0 {
                        chars.get(i - 1).copied()
                    } else {
                        None
                    };
                    // `他们`, `其他`, `他人`, `吉他` are not a single person.
                    if !matches!(next, Some('们' | '人' | '国' | '乡'))
                        && !matches!(prev, Some('其' | '吉' | '利' | '排'))
                    {
                        matched = Some((1, EntityKind::Person));
                    }
                }
            }
            if matched.is_none() {
                for word in COMPANY_NOUNS {
                    if starts_with(chars, i, word) {
                        let len = word.chars().count();
                        let prev = if i > 0 {
                            chars.get(i - 1).copied()
                        } else {
                            None
                        };
                        if *word != "公司" || bare_company_context(prev) {
                            matched = Some((len, EntityKind::Company));
                        }
                        break;
                    }
                }
            }
            if let Some((len, kind)) = matched {
                let name = antecedent(chars, entities, kind, window_start, i).or_else(|| {
                    (kind == EntityKind::Company)
                        .then(|| announcer(chars, entities, s, i))
                        .flatten()
                });
                if let Some(name) = name {
                    out.push(Entity {
                        kind,
                        text: chars[i..i + len].iter().collect(),
                        start: i,
                        end: i + len,
                        name,
                        owner: None,
                    });
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
    out
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// Words with which a company speaks for itself (`甲发布公告称`, `乙宣布`).
const REPORTING: &[&str] = &["公告", "宣布", "披露", "表示", "称"];

/// The company that reports right before a generic `公司` at `at` in the sentence starting at
/// `floor`, when several are named: in `甲在乙之后发布公告称，公司董事辞职` the company is the one
/// whose announcement it is. The nearest company before `at`, followed within a few chars by a
/// reporting word, with only a clause break and no other company between it and `at`.
fn announcer(chars: &[char], entities: &[Entity], floor: usize, at: usize) -> Option<String> {
    let company = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Company && e.start >= floor && e.end <= at)
        .filter(|e| !is_former(chars, e.start))
        .max_by_key(|e| e.end)?;
    let between: String = chars[company.end..at].iter().collect();
    let n = between.chars().count();
    let reports = REPORTING.iter().any(|w| between.contains(w));
    let breaks = between.ends_with(['，', '：', ':', ',']);
    (reports && breaks && n <= 16).then(|| company.name.clone())
}

/// The one name of `kind` named in `[from, to)`, if there is exactly one.
fn antecedent(
    chars: &[char],
    entities: &[Entity],
    kind: EntityKind,
    from: usize,
    to: usize,
) -> Option<String> {
    let mut names: Vec<&str> = entities
        .iter()
        .filter(|e| e.start >= from && e.end <= to && e.kind == kind)
        .filter(|e| kind != EntityKind::Company || !is_former(chars, e.start))
        .map(|e| e.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [only] => Some((*only).to_owned()),
        _ => None,
    }
}

/// True when the mention at `start` is marked as a former affiliation (`前京东`, `原百度`).
pub(crate) fn is_former(chars: &[char], start: usize) -> bool {
    // `此前百度…`, `之前`, `目前` are adverbs of time, not `前` as in `former`.
    start > 0
        && matches!(chars[start - 1], '前' | '原')
        && !(start > 1
            && matches!(
                chars[start - 2],
                '此' | '之' | '目' | '日' | '提' | '以' | '年' | '月' | '天'
            ))
}
