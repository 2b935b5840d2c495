//! Sentence and clause boundaries, in char offsets.
//!
//! Events never span sentences: a sentence ends at `。！？；!?;` or a line break (closing quotes and
//! brackets right after the terminator stay with it). Clauses (split at `，,：:`) are the unit within
//! which an argument is looked for first, because Chinese news packs several predicates per sentence.

/// The `[start, end)` char spans of the sentences of `chars`, leading blanks trimmed, empty ones dropped.
pub(crate) fn split(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if is_terminator(chars[i]) {
            let mut end = i + 1;
            while end < chars.len() && is_closer(chars[end]) {
                end += 1;
            }
            push_trimmed(chars, start, end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push((start, end));
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '"')
}

/// True for a char that ends a clause inside a sentence.
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '：' | ':' | '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n'
    )
}

/// True when `chars[i]` ends a clause: clause punctuation, or a blank next to Chinese text (crawled
/// headlines and lists separate items with spaces: `甲辞职 去年净利润…`), not one inside Latin text
/// (`vivo Z1`).
pub(crate) fn breaks_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if is_clause_break(c) {
        return true;
    }
    if matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\t') {
        let wide = |x: Option<&char>| x.is_some_and(|x| !x.is_ascii() && !x.is_whitespace());
        return !matches!(c, ' ' | '\u{a0}')
            || wide(i.checked_sub(1).and_then(|p| chars.get(p)))
            || wide(chars.get(i + 1));
    }
    false
}

/// The start of the clause holding `pos`, not before `floor`.
pub(crate) fn clause_start(chars: &[char], pos: usize, floor: usize) -> usize {
    let mut i = pos.min(chars.len());
    while i > floor && !breaks_at(chars, i - 1) {
        i -= 1;
    }
    i
}

/// The end of the clause holding `pos`, not after `ceiling`.
pub(crate) fn clause_end(chars: &[char], pos: usize, ceiling: usize) -> usize {
    let mut i = pos;
    while i < ceiling && !breaks_at(chars, i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        split(&chars)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn splits_on_terminators_and_keeps_closing_quotes() {
        assert_eq!(
            spans("他说：“我走了。”随后离开。 \n第二段；完"),
            vec!["他说：“我走了。”", "随后离开。", "第二段；", "完"]
        );
        assert!(spans("  \n ").is_empty());
    }

    #[test]
    fn blanks_break_chinese_clauses_but_not_latin_names() {
        let chars: Vec<char> = "甲辞职 乙公司vivo Z1上市".chars().collect();
        assert_eq!(clause_end(&chars, 0, chars.len()), 3);
        assert_eq!(clause_start(&chars, chars.len(), 0), 4);
    }

    #[test]
    fn clauses_stop_at_commas() {
        let chars: Vec<char> = "甲，乙丙，丁".chars().collect();
        assert_eq!(clause_start(&chars, 3, 0), 2);
        assert_eq!(clause_end(&chars, 2, chars.len()), 4);
    }
}
