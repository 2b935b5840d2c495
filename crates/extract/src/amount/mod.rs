//! Numbers, money, counts and percentages in Chinese text.
//!
//! [`find_amounts`] reads every amount of a text into an exact [`Decimal`] with its kind, currency,
//! bound (`约`, `超过`, `近`, ranges) and, for counts, the measure word or noun. The boundary: this
//! module reads numerals and the words right around them (currency, bound words, measure words, a
//! short window of money words such as `融资` or `罚款` that makes a bare `13亿` money). It does
//! not know entities: the caller passes the char spans of company and product names, inside which
//! nothing is read (`零一万物` is a company), and it does not decide what an amount is the amount
//! *of* (the event extractor does).
//!
//! Layout: `numeral` reads one numeral into a value and a spread (`三千多万`); `lexicon` holds the
//! word lists (currencies, bound words, measure words, money words, ordinary words with numerals);
//! this file scans the text and decides kind, span and bounds. [`find_numbers`] exposes the
//! numeral layer alone (every number, no money/count decision) for evaluation against numeral specs.
//!
//! Speed: the text is first checked for numeral chars without allocating; text between numerals
//! is skipped with one table lookup per char, and word lists are only consulted around a numeral
//! (behind first/last-char tables). `cargo bench -p zhnews-extract --bench amount` measures it.

mod lexicon;
mod numeral;

use lexicon::{
    COUNT_CONTEXT, COUNT_UNITS, CURRENCY_AFTER, CURRENCY_BEFORE, MONEY_CONTEXT, NOT_AMOUNT_AFTER,
    ORDINARY_WORDS, PRICE_WORDS, QUALIFIER_AFTER, QUALIFIER_BEFORE, RANGE_JOINERS, UNIT_LOOKALIKES,
    any_within, longest, longest_ending, longest_word, matches_at,
};
use numeral::{Numeral, arabic_digit, big_unit, chinese_digit, small_unit};
use std::collections::BTreeMap;
use std::sync::LazyLock;
use zhnews_model::{Amount, AmountKind, Decimal, Qualifier};

/// Finds amounts in `text`, reading none inside the `blocked` char spans (entity names).
///
/// Money needs a currency (`元`, `美元`, `$`, `人民币`…) or, for a bare magnitude (`13亿`), a money
/// word nearby (`融资`, `估值`, `罚款`…). A number followed by a measure word or noun is a count
/// (`2000万台`, `7亿的用户`); a lone number with neither (`2024`, `600519`, `第三`) is left out.
pub fn find_amounts(text: &str, blocked: &[(usize, usize)]) -> Vec<Amount> {
    if !text.chars().any(is_trigger) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    Scan::new(&chars, blocked, Mode::Amounts).run()
}

/// Finds every numeral in `text` as a [`AmountKind::Count`] with no unit, whatever follows it:
/// the numeral layer of [`find_amounts`] without its money, count and date decisions (dates give
/// their numbers here). Ordinary words (`一切`, `四川`) and `blocked` spans still give none.
pub fn find_numbers(text: &str, blocked: &[(usize, usize)]) -> Vec<Amount> {
    if !text.chars().any(is_trigger) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    Scan::new(&chars, blocked, Mode::Numbers).run()
}

/// A char that can start a numeral: a digit, a unit, or `几`/`数`.
fn is_trigger(c: char) -> bool {
    let code = c as u32;
    code < 0x1_0000 && TRIGGERS[(code >> 6) as usize] & (1 << (code & 63)) != 0
}

/// [`is_trigger_slow`] as a bit table over the Basic Multilingual Plane, for the scan loop.
static TRIGGERS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut table = vec![0u64; 1024];
    for code in 0..0x1_0000u32 {
        if let Some(c) = char::from_u32(code)
            && is_trigger_slow(c)
        {
            table[(code >> 6) as usize] |= 1 << (code & 63);
        }
    }
    table
});

fn is_trigger_slow(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || matches!(c, '几' | '幾' | '数' | '數')
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn is_any_digit(c: char) -> bool {
    arabic_digit(c).is_some() || chinese_digit(c).is_some()
}

/// Ordinary words indexed by each numeral char they contain: char → (offset in word, word, length).
/// For one numeral char: (its offset in the word, the word, the word's length in chars).
type WordsAt = Vec<(usize, &'static str, usize)>;

static WORDS_BY_CHAR: LazyLock<Vec<(char, WordsAt)>> = LazyLock::new(|| {
    let mut map: BTreeMap<char, WordsAt> = BTreeMap::new();
    for &word in ORDINARY_WORDS {
        let len = word.chars().count();
        for (k, c) in word.chars().enumerate() {
            if is_trigger_slow(c) {
                map.entry(c).or_default().push((k, word, len));
            }
        }
    }
    map.into_iter().collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Amounts,
    Numbers,
}

/// What reading at one position gave.
enum Step {
    Found(Amount),
    Skip(usize),
}

/// Everything read around one numeral before the kind is decided.
#[derive(Clone, Copy)]
struct Reading {
    start: usize,
    end: usize,
    value: Decimal,
    max: Option<Decimal>,
    currency: Option<&'static str>,
    qualifier: Qualifier,
    percent: bool,
}

/// The second bound of a range.
struct UpperBound {
    /// The first bound with the magnitude it leaves out (`10-20亿` → 10亿), when it was scaled.
    low: Option<Decimal>,
    /// The upper bound (the top of its own spread: `10到20多万` → 30万).
    high: Decimal,
    /// Char index one past the second bound.
    end: usize,
    /// A currency written after the first bound (`1万元--5万元`).
    low_currency: Option<&'static str>,
    /// True when the second bound has a `万`/`亿`.
    magnitude: bool,
}

struct Scan<'a> {
    chars: &'a [char],
    blocked: Vec<(usize, usize)>,
    mode: Mode,
    /// Nothing before this char may join the current mention (the previous mention or name ends here).
    floor: usize,
}

impl<'a> Scan<'a> {
    fn new(chars: &'a [char], blocked: &[(usize, usize)], mode: Mode) -> Scan<'a> {
        let mut blocked: Vec<(usize, usize)> = blocked
            .iter()
            .copied()
            .filter(|&(s, e)| s < e && s < chars.len())
            .collect();
        blocked.sort_unstable();
        Scan {
            chars,
            blocked,
            mode,
            floor: 0,
        }
    }

    fn run(mut self) -> Vec<Amount> {
        let n = self.chars.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if !is_trigger(self.chars[i]) {
                i += 1;
                continue;
            }
            if let Some(end) = self.blocked_at(i) {
                self.floor = end;
                i = end;
                continue;
            }
            if self.mode == Mode::Amounts
                && let Some(Step::Found(amount)) = self.percent_words(i, self.limit_from(i))
                && !self.overlaps_blocked(amount.start, amount.end)
            {
                i = amount.end.max(i + 1);
                self.floor = i;
                out.push(amount);
                continue;
            }
            if let Some(end) = self.ordinary_word_at(i) {
                self.floor = end;
                i = end;
                continue;
            }
            match self.mention(i) {
                // Words around a number never reach into a name either (`七二折` beside a name).
                Step::Found(amount) if self.overlaps_blocked(amount.start, amount.end) => i += 1,
                Step::Found(amount) => {
                    i = amount.end.max(i + 1);
                    self.floor = i;
                    out.push(amount);
                }
                Step::Skip(next) => i = next.max(i + 1),
            }
        }
        out
    }

    /// The end of the blocked span holding `i`, if any.
    fn blocked_at(&self, i: usize) -> Option<usize> {
        self.blocked
            .iter()
            .filter(|&&(s, e)| s <= i && i < e)
            .map(|&(_, e)| e)
            .max()
    }

    fn overlaps_blocked(&self, start: usize, end: usize) -> bool {
        self.blocked.iter().any(|&(s, e)| s < end && start < e)
    }

    /// The first blocked char at or after `i` (reading stops there).
    fn limit_from(&self, i: usize) -> usize {
        self.blocked
            .iter()
            .filter(|&&(s, _)| s >= i)
            .map(|&(s, _)| s)
            .min()
            .unwrap_or(self.chars.len())
    }

    /// The end of an ordinary word (`一切`, `四川`, `零一万物`) that covers `i`, if any.
    fn ordinary_word_at(&self, i: usize) -> Option<usize> {
        let c = self.chars[i];
        let at = WORDS_BY_CHAR.binary_search_by_key(&c, |&(k, _)| k).ok()?;
        let candidates = &WORDS_BY_CHAR[at].1;
        candidates
            .iter()
            .filter(|&&(k, word, _)| {
                k <= i && i - k >= self.floor && matches_at(self.chars, i - k, word) > 0
            })
            .map(|&(k, _, len)| i - k + len)
            .max()
    }

    fn mention(&self, i: usize) -> Step {
        let chars = self.chars;
        let limit = self.limit_from(i);
        let Some(num) = numeral::read(chars, i, limit) else {
            if is_any_digit(chars[i]) {
                // A value that does not fit: skip the whole run, so that no tail of it is read.
                return Step::Skip(numeral_run_end(chars, i));
            }
            if self.mode == Mode::Amounts {
                return self.unit_only(i, limit);
            }
            return Step::Skip(i + 1);
        };
        // A run of digits with no unit (`二〇二四`, `一二三`) is a code or a year, not a numeral.
        if num.end < limit && is_any_digit(chars[num.end]) {
            let mut end = num.end;
            while end < chars.len() && is_any_digit(chars[end]) {
                end += 1;
            }
            if self.mode == Mode::Amounts
                && end - i == 2
                && chars.get(end) == Some(&'折')
                && let (Some(a), Some(b)) = (chinese_digit(chars[i]), chinese_digit(chars[i + 1]))
            {
                // `八五折` = 85%.
                return Step::Found(self.amount(
                    Reading {
                        start: i,
                        end: end + 1,
                        value: Decimal::from_int(i128::from(a * 10 + b)),
                        max: None,
                        currency: None,
                        qualifier: Qualifier::Exact,
                        percent: true,
                    },
                    AmountKind::Percent,
                    None,
                ));
            }
            return Step::Skip(end);
        }
        // A lone Chinese digit (`一`, `三`) is mostly a word part (`一起`, `三星`) or a determiner
        // (`一家`); it is an amount only before a currency, a percent word or a range joiner.
        if self.mode == Mode::Amounts
            && num.chinese
            && num.bare
            && num.spread.is_none()
            && num.end == i + 1 && !chars.get(num.end).is_some_and(|&c| {
            "元圆块美港欧日英韩瑞新台澳加卢泰越林奈雷里兰人%％‰成折个個角毛到至-－–—~～〜 \u{3000}"
                .contains(c)
        }) {
            return Step::Skip(num.end);
        }
        let (start, negative) = self.sign_before(i);
        if self.mode == Mode::Numbers {
            let value = if negative {
                num.value.checked_neg()
            } else {
                Some(num.value)
            };
            let Some(value) = value else {
                return Step::Skip(num.end);
            };
            return Step::Found(self.amount(
                Reading {
                    start,
                    end: num.end,
                    value,
                    max: None,
                    currency: None,
                    qualifier: Qualifier::Exact,
                    percent: false,
                },
                AmountKind::Count,
                None,
            ));
        }
        let end = num.end;
        self.classify(i, start, negative, num, limit)
            .unwrap_or(Step::Skip(end))
    }

    /// `负`/`-` right before the numeral (not a hyphen inside a code: `A-1`).
    fn sign_before(&self, i: usize) -> (usize, bool) {
        let chars = self.chars;
        if i == 0 || i - 1 < self.floor {
            return (i, false);
        }
        match chars[i - 1] {
            '负' | '負' => (i - 1, true),
            '-' | '－' | '−' => {
                let glued = i >= 2 && {
                    let p = chars[i - 2];
                    p.is_ascii_alphanumeric()
                        || arabic_digit(p).is_some()
                        || chinese_digit(p).is_some()
                        || small_unit(p).is_some()
                        || big_unit(p).is_some()
                        || matches!(p, '%' | '-' | '－')
                };
                if glued { (i, false) } else { (i - 1, true) }
            }
            _ => (i, false),
        }
    }

    /// `百分之三十`, `千分之五`: a percent written in words before the number.
    fn percent_words(&self, i: usize, limit: usize) -> Option<Step> {
        let chars = self.chars;
        // A run of units before `分之` gives the denominator: 百 → percent, 千 → per mille, 百万 → ppm.
        let mut denominator: i128 = 1;
        let mut at = i;
        while at < limit
            && let Some(u) = small_unit(chars[at])
                .filter(|&u| u > 10)
                .or_else(|| big_unit(chars[at]))
        {
            denominator = denominator.checked_mul(u)?;
            at += 1;
        }
        if at == i || at > i + 3 || matches_at(chars, at, "分之") == 0 || denominator < 100 {
            return None;
        }
        // `per` is the power of ten the number is divided by to be in percent.
        let per = denominator.ilog10().checked_sub(2)?;
        let at = at + 2;
        if matches_at(chars, at, "百") > 0
            && !chars.get(at + 1).is_some_and(|&c| is_trigger(c))
            && per == 0
        {
            let reading = Reading {
                start: i,
                end: at + 1,
                value: Decimal::from_int(100),
                max: None,
                currency: None,
                qualifier: Qualifier::Exact,
                percent: true,
            };
            return Some(Step::Found(self.amount(reading, AmountKind::Percent, None)));
        }
        let (at, negative) = match chars.get(at) {
            Some('负' | '負' | '-') => (at + 1, true),
            _ => (at, false),
        };
        let Some(num) = numeral::read(chars, at, limit) else {
            return Some(Step::Skip(at));
        };
        let mut value = num.value;
        if per > 0 {
            value = Decimal::new(value.mantissa(), value.scale() + per)?;
        }
        if negative {
            value = value.checked_neg()?;
        }
        let (start, _) = self.sign_before(i);
        let (qualifier, start) = self.qualifier_before(start);
        let mut reading = Reading {
            start,
            end: num.end,
            value,
            max: num.spread.and_then(|s| value.checked_add(s)),
            currency: None,
            qualifier: qualifier.unwrap_or_default(),
            percent: true,
        };
        if reading.max.is_some() {
            reading.qualifier = Qualifier::Range;
        }
        self.qualifier_after(&mut reading, limit);
        Some(Step::Found(self.amount(reading, AmountKind::Percent, None)))
    }

    /// A bound word right before `start` (`约`, `超过`…), with the new start.
    fn qualifier_before(&self, start: usize) -> (Option<Qualifier>, usize) {
        match longest_ending(self.chars, start, QUALIFIER_BEFORE) {
            Some((len, q)) if start - len >= self.floor && self.bound_word_ok(start - len, len) => {
                (Some(q), start - len)
            }
            _ => (None, start),
        }
    }

    /// `过` and `超` are bound words only on their own, not inside `通过`, `经过`, `高超`.
    fn bound_word_ok(&self, at: usize, len: usize) -> bool {
        if len != 1 || at == 0 {
            return true;
        }
        let word = self.chars[at];
        let before = self.chars[at - 1];
        match word {
            '过' => !matches!(
                before,
                '通' | '经'
                    | '越'
                    | '度'
                    | '不'
                    | '太'
                    | '跳'
                    | '错'
                    | '难'
                    | '路'
                    | '胜'
                    | '超'
                    | '闪'
                    | '穿'
                    | '放'
                    | '去'
            ),
            '超' => !matches!(before, '高' | '赶' | '反'),
            '近' => !matches!(before, '最' | '附' | '邻' | '靠' | '亲' | '就'),
            '约' => !matches!(
                before,
                '合' | '签' | '违' | '相' | '预' | '邀' | '节' | '公' | '条' | '契' | '制'
            ),
            _ => true,
        }
    }

    /// A magnitude written with units only (`上亿`, `过亿`, `亿级`) where the reader found no number.
    fn unit_only(&self, i: usize, limit: usize) -> Step {
        let chars = self.chars;
        let mut end = i;
        let mut value: i128 = 1;
        while end < limit
            && let Some(u) =
                big_unit(chars[end]).or_else(|| small_unit(chars[end]).filter(|_| end > i))
        {
            value = match value.checked_mul(u) {
                Some(v) => v,
                None => return Step::Skip(end + 1),
            };
            end += 1;
        }
        if end == i {
            return Step::Skip(i + 1);
        }
        let value = Decimal::from_int(value);
        let ten = value.checked_mul_int(10);
        // `亿级`, and `亿元级` with the currency inside.
        let level_at = longest(chars, end, CURRENCY_AFTER).map_or(end, |(n, _)| end + n);
        let level_inside = level_at > end && chars.get(level_at) == Some(&'级') && level_at < limit;
        let level = level_inside || chars.get(end) == Some(&'级') && end < limit;
        let before = if i > self.floor {
            Some(chars[i - 1])
        } else {
            None
        };
        let (start, qualifier, max, end) = match before {
            Some('上' | '数' | '几' | '數' | '幾') => (
                i - 1,
                Qualifier::Range,
                ten,
                end + usize::from(level && !level_inside),
            ),
            _ if level => (i, Qualifier::Range, ten, end + usize::from(!level_inside)),
            _ => match self.qualifier_before(i) {
                (Some(q), start) if start < i => (start, q, None, end),
                _ => return Step::Skip(end),
            },
        };
        let reading = Reading {
            start,
            end,
            value,
            max,
            currency: None,
            qualifier,
            percent: false,
        };
        let mut reading = reading_with_currency(self, reading, limit);
        self.level_after(&mut reading, limit);
        self.finish(reading, false, true, limit)
            .unwrap_or(Step::Skip(end))
    }

    /// `千万元级`: `级` after a currency makes a unit-led magnitude the range up to ten times it.
    fn level_after(&self, reading: &mut Reading, limit: usize) {
        if reading.currency.is_some()
            && self.chars.get(reading.end) == Some(&'级')
            && reading.end < limit
        {
            reading.end += 1;
            reading.max = reading.value.checked_mul_int(10);
            reading.qualifier = Qualifier::Range;
        }
    }

    /// Decides what the numeral read at `i` (with its sign starting at `start`) is.
    fn classify(
        &self,
        i: usize,
        start: usize,
        negative: bool,
        num: Numeral,
        limit: usize,
    ) -> Option<Step> {
        let chars = self.chars;
        if num.end == i {
            return None;
        }
        let mut start = start;
        // Currency and bound words before the number, in either order, spaces allowed before it.
        let mut currency = None;
        let mut qualifier = None;
        let mut level_prefix = false;
        // `百万`, `千万`, `百亿`: a magnitude written with units alone (not `十`, which is ten).
        let unit_led =
            small_unit(chars[i]).is_some_and(|u| u >= 100) || big_unit(chars[i]).is_some();
        for _ in 0..3 {
            let mut t = start;
            while t > self.floor && t > 0 && is_space(chars[t - 1]) && start - t < 2 {
                t -= 1;
            }
            if currency.is_none()
                && let Some((len, code)) = longest_ending(chars, t, CURRENCY_BEFORE)
                && t - len >= self.floor
                && !(t - len > 0
                    && chars[t - len - 1].is_ascii_alphabetic()
                    && chars[t - 1].is_ascii_alphabetic())
            {
                currency = Some(code);
                start = t - len;
                continue;
            }
            if qualifier.is_none() && !level_prefix {
                if unit_led && start > self.floor && matches!(chars[start - 1], '上' | '数' | '几')
                {
                    level_prefix = true;
                    start -= 1;
                    continue;
                }
                let (q, s) = self.qualifier_before(start);
                if let Some(q) = q {
                    qualifier = Some(q);
                    start = s;
                    continue;
                }
            }
            break;
        }
        // Ordinals, versions, codes and times: `第三`, `iOS 18`, `A1`, `10:20`, `v1.2`.
        if i > 0 && currency.is_none() {
            let p = chars[i - 1];
            let time_colon =
                matches!(p, ':' | '：') && i >= 2 && arabic_digit(chars[i - 2]).is_some();
            if p == '第'
                || p.is_ascii_alphabetic()
                || time_colon
                || matches!(p, '.' | '_' | '/' | '#' | '＃' | '%' | '=' | '&' | '?')
            {
                return Some(Step::Skip(num.end));
            }
            // `tokens 0.8元` is a price after a Latin word, `iOS 18` a version.
            let priced = longest(chars, num.end, CURRENCY_AFTER).is_some();
            if is_space(p) && i >= 2 && chars[i - 2].is_ascii_alphanumeric() && !priced {
                return Some(Step::Skip(num.end));
            }
        }
        let mut end = num.end;
        if let Some(&c) = chars.get(end) {
            let next_digit = chars
                .get(end + 1)
                .is_some_and(|&d| arabic_digit(d).is_some());
            if (matches!(c, ':' | '：' | '/' | '.') && next_digit)
                || (c.is_ascii_alphabetic()
                    && currency.is_none()
                    && !starts_currency_code(chars, end))
            {
                return Some(Step::Skip(skip_token(chars, end)));
            }
        }
        let mut value = num.value;
        if negative {
            value = value.checked_neg()?;
        }
        let mut max = num.spread.and_then(|s| value.checked_add(s));
        if level_prefix {
            max = value.checked_mul_int(10);
        }
        let mut range = false;
        let mut range_magnitude = false;
        // A range: `10-20亿`, `10亿至20亿`, `两到三万`, `1万元--5万元`, `3%-5%`.
        if let Some(upper) = self.range_after(&num, value, limit) {
            range_magnitude = upper.magnitude;
            if let Some(low) = upper.low {
                value = low;
            }
            max = Some(upper.high);
            end = upper.end;
            range = true;
            if start > self.floor && chars[start - 1] == '从' {
                start -= 1;
            }
            if currency.is_none() {
                currency = upper.low_currency;
            }
        }
        let mut reading = Reading {
            start,
            end,
            value,
            max,
            currency,
            qualifier: qualifier.unwrap_or_default(),
            percent: false,
        };
        if reading.max.is_some() {
            reading.qualifier = Qualifier::Range;
        }
        if unit_led && chars.get(reading.end) == Some(&'级') && reading.end < limit {
            reading.end += 1;
            reading.max = reading.value.checked_mul_int(10);
            reading.qualifier = Qualifier::Range;
        }
        let magnitude =
            num.magnitude || range_magnitude || num.spread.is_some() || level_prefix || unit_led;
        // A bare Arabic number may still be a price right after a price word (`售价1999`).
        let tight = !num.chinese && (num.fraction || num.arabic_digits >= 2);
        let single_digit = num.chinese && num.bare && num.spread.is_none() && !range;
        let mut reading = reading_with_currency(self, reading, limit);
        if unit_led {
            self.level_after(&mut reading, limit);
        }
        if single_digit && reading.currency.is_none() && !reading.percent {
            // `一家`, `三款`, `两位`: a lone Chinese digit before a measure word is a determiner.
            return Some(Step::Skip(num.end));
        }
        self.finish(reading, magnitude, tight, limit)
    }

    /// The upper bound of a range after the first number (`10-20亿`, `1万元--5万元`), if one follows.
    fn range_after(&self, num: &Numeral, low: Decimal, limit: usize) -> Option<UpperBound> {
        let chars = self.chars;
        let mut at = num.end;
        let mut currency = None;
        if let Some((len, code)) = longest(chars, at, CURRENCY_AFTER) {
            currency = Some(code);
            at += len;
        }
        let low_percent = matches!(chars.get(at), Some('%' | '％'));
        if low_percent {
            at += 1;
        }
        for w in ["（含）", "(含)"] {
            at += matches_at(chars, at, w);
        }
        while at < limit && is_space(chars[at]) {
            at += 1;
        }
        let joiner = RANGE_JOINERS
            .iter()
            .map(|w| matches_at(chars, at, w))
            .max()
            .filter(|&n| n > 0)?;
        at += joiner;
        while at < limit && is_space(chars[at]) {
            at += 1;
        }
        let (at, negative_hi) = match chars.get(at) {
            Some('负' | '負') => (at + 1, true),
            _ => (at, false),
        };
        if at >= limit {
            return None;
        }
        let hi = numeral::read(chars, at, limit)?;
        if hi.end < limit && is_any_digit(chars[hi.end]) {
            return None;
        }
        // Both bounds measure the same thing: `增长35%至12.3亿元` is a percent, then money.
        let high_percent = matches!(chars.get(hi.end), Some('%' | '％'));
        if (low_percent && !high_percent) || (currency.is_some() && high_percent) {
            return None;
        }
        let mut hi_value = hi.value;
        if negative_hi {
            hi_value = hi_value.checked_neg()?;
        }
        if let Some(s) = hi.spread {
            hi_value = hi_value.checked_add(s)?;
        }
        // A bare first bound takes the magnitude of the second (`10-20亿`, `两到三万`, `八到九百亿`)
        // unless that would put it above the second (`8500到3万`).
        let mut adjusted = None;
        let factor = if num.bare {
            hi.tail_factor
        } else if !num.magnitude {
            hi.big_factor
        } else {
            1
        };
        if !hi.bare && factor > 1 {
            let scaled = low.checked_mul_int(factor)?;
            if scaled.to_f64() < hi_value.to_f64() {
                adjusted = Some(scaled);
            }
        }
        let lo = adjusted.unwrap_or(low);
        if lo.to_f64() >= hi_value.to_f64() {
            return None;
        }
        // Years and codes joined by a hyphen (`2023-2024`) stay out: both bare Arabic with no unit
        // is left to what follows.
        let end = hi.end;
        Some(UpperBound {
            low: adjusted,
            high: hi_value,
            end,
            low_currency: currency,
            magnitude: hi.magnitude,
        })
    }

    /// Bound words after the amount (`左右`, `以上`, `（含）以上`).
    fn qualifier_after(&self, reading: &mut Reading, limit: usize) {
        if let Some((len, q)) = longest(self.chars, reading.end, QUALIFIER_AFTER)
            && reading.end + len <= limit
        {
            reading.end += len;
            if reading.qualifier == Qualifier::Exact {
                reading.qualifier = q;
            }
        }
    }

    /// Decides the kind once currency and percent signs are known.
    fn finish(
        &self,
        mut reading: Reading,
        magnitude: bool,
        tight: bool,
        limit: usize,
    ) -> Option<Step> {
        let chars = self.chars;
        if reading.currency.is_some() {
            self.qualifier_after(&mut reading, limit);
            return Some(Step::Found(self.amount(reading, AmountKind::Money, None)));
        }
        if reading.percent {
            self.qualifier_after(&mut reading, limit);
            return Some(Step::Found(self.amount(reading, AmountKind::Percent, None)));
        }
        let end = reading.end;
        if let Some(n) = longest_word(chars, end, NOT_AMOUNT_AFTER)
            && longest_word(chars, end, COUNT_UNITS).is_none_or(|c| c < n)
        {
            return Some(Step::Skip(end + n));
        }
        let (unit_at, via_de) = if chars.get(end) == Some(&'的') {
            (end + 1, true)
        } else {
            (end, false)
        };
        if let Some(n) = longest_word(chars, unit_at, COUNT_UNITS)
            && (!via_de || n >= 2)
            && unit_at + n <= limit
            && (n > 1 || longest_word(chars, unit_at, UNIT_LOOKALIKES).is_none())
        {
            if !magnitude && !tight {
                return Some(Step::Skip(end));
            }
            let unit: String = chars[unit_at..unit_at + n].iter().collect();
            let mut counted = self.amount(reading, AmountKind::Count, Some(unit));
            // `20万次以上`: the bound word comes after the measure word.
            let after = unit_at + n;
            if let Some((len, q)) = longest(chars, after, QUALIFIER_AFTER)
                && counted.qualifier == Qualifier::Exact
                && after + len <= limit
            {
                counted.qualifier = q;
            }
            return Some(Step::Found(counted));
        }
        if magnitude {
            self.qualifier_after(&mut reading, limit);
            let kind = if !self.count_context(reading.start)
                && self.money_context(reading.start, reading.end, 12, 8)
            {
                AmountKind::Money
            } else {
                AmountKind::Count
            };
            return Some(Step::Found(self.amount(reading, kind, None)));
        }
        if tight && self.price_word_before(reading.start) {
            self.qualifier_after(&mut reading, limit);
            return Some(Step::Found(self.amount(reading, AmountKind::Money, None)));
        }
        None
    }

    /// True when a money word stands within `back` chars before `start` (same sentence) or
    /// `ahead` chars after `end` (same clause).
    fn money_context(&self, start: usize, end: usize, back: usize, ahead: usize) -> bool {
        let chars = self.chars;
        let mut from = start;
        while from > 0
            && start - from < back
            && !matches!(
                chars[from - 1],
                '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';'
            )
        {
            from -= 1;
        }
        if any_within(chars, from, start, MONEY_CONTEXT) {
            return true;
        }
        let mut to = end;
        while to < chars.len()
            && to - end < ahead
            && !matches!(
                chars[to],
                '，' | ',' | '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';'
            )
        {
            to += 1;
        }
        any_within(chars, end, to, MONEY_CONTEXT)
    }

    /// True when a word for things counted (`用户`, `销量`) stands in the few chars before `start`.
    fn count_context(&self, start: usize) -> bool {
        any_within(
            self.chars,
            start.saturating_sub(6).max(self.floor),
            start,
            COUNT_CONTEXT,
        )
    }

    /// True when a price word ends right before `start`, with at most one linking char between
    /// (`售价1999`, `罚款为500`).
    fn price_word_before(&self, start: usize) -> bool {
        let chars = self.chars;
        let mut end = start;
        if end > 0
            && matches!(
                chars[end - 1],
                '为' | '是' | '达' | '仅' | '：' | ':' | '了'
            )
        {
            end -= 1;
        }
        PRICE_WORDS.iter().any(|w| {
            let n = w.chars().count();
            n <= end && matches_at(chars, end - n, w) == n
        })
    }

    fn amount(&self, reading: Reading, kind: AmountKind, unit: Option<String>) -> Amount {
        let Reading {
            start,
            end,
            value,
            max,
            currency,
            qualifier,
            ..
        } = reading;
        let (value, max, qualifier) = match (qualifier, max) {
            (Qualifier::Range, Some(m)) => (value, Some(m), Qualifier::Range),
            (Qualifier::Range, None) => (value, None, Qualifier::Exact),
            (q, _) => (value, None, q),
        };
        Amount {
            text: self.chars[start..end].iter().collect(),
            start,
            end,
            kind,
            value,
            max,
            currency: currency.map(str::to_string),
            qualifier,
            unit,
        }
    }
}

/// The end of the run of numeral chars, separators and points that starts at `at`.
fn numeral_run_end(chars: &[char], at: usize) -> usize {
    let mut end = at;
    while end < chars.len()
        && (is_trigger(chars[end])
            || matches!(chars[end], ',' | '，' | '.' | '．' | '点')
                && chars.get(end + 1).is_some_and(|&c| is_any_digit(c)))
    {
        end += 1;
    }
    end.max(at + 1)
}

/// The end of the Latin token at `at` (`GB`, `nm`).
fn skip_token(chars: &[char], at: usize) -> usize {
    let mut end = at;
    while end < chars.len()
        && (chars[end].is_ascii_alphanumeric()
            || matches!(chars[end], '.' | ':' | '/' | '-' | '：'))
    {
        end += 1;
    }
    end
}

fn starts_currency_code(chars: &[char], at: usize) -> bool {
    ["RMB", "USD", "CNY", "HKD", "EUR", "JPY", "GBP"]
        .iter()
        .any(|w| matches_at(chars, at, w) > 0)
}

/// Reads the currency, sub-units (`角`, `分`), percent signs and `个百分点` after the number.
fn reading_with_currency(scan: &Scan<'_>, reading: Reading, limit: usize) -> Reading {
    let chars = scan.chars;
    let mut at = reading.end;
    let mut spaced = at;
    while spaced < limit && spaced - at < 2 && is_space(chars[spaced]) {
        spaced += 1;
    }
    let within = |n: usize, from: usize| from + n <= limit;
    let mut out = reading;
    if let Some((len, code)) =
        longest(chars, spaced, CURRENCY_AFTER).filter(|&(n, _)| within(n, spaced))
    {
        let word_end = spaced + len;
        let word: String = chars[spaced..word_end].iter().collect();
        let accept = match word.as_str() {
            // `5块屏幕` is a count; `5块`, `5块钱`, `一块二` are money.
            "块" => {
                let next = chars.get(word_end).copied();
                let lone_digit = reading.end == at
                    && at >= 1
                    && chinese_digit(chars[at - 1]).is_some()
                    && (at < 2 || !is_trigger(chars[at - 2]));
                match next {
                    _ if lone_digit => {
                        matches!(next, Some('钱'))
                            || next.is_some_and(|c| chinese_digit(c).is_some())
                            || scan.money_context(reading.start, word_end, 12, 0)
                    }
                    None => true,
                    Some(c) if arabic_digit(c).is_some() => false,
                    Some(c) => {
                        !is_han(c)
                            || c == '钱'
                            || chinese_digit(c).is_some()
                            || matches!(c, '左' | '上' | '以' | '的' | '多' | '买' | '卖')
                    }
                }
            }
            _ => true,
        };
        if accept {
            let generic = matches!(word.as_str(), "元" | "圆" | "元钱" | "块" | "块钱");
            at = word_end;
            if out.currency.is_none() || !generic {
                out.currency = Some(code);
            }
            // `5亿元人民币`, `9000元日币`: a currency name after 元 names it.
            if matches!(word.as_str(), "元" | "圆")
                && let Some((len2, code2)) = longest(chars, at, CURRENCY_AFTER)
                && len2 >= 2
                && within(len2, at)
            {
                at += len2;
                if out.currency == Some("CNY") {
                    out.currency = Some(code2);
                }
            }
            if out.currency == Some("CNY") && matches!(word.as_str(), "元" | "圆" | "块") {
                at = cny_subunits(chars, at, limit, &mut out.value, word == "块");
                for tail in ["整", "正", "钱"] {
                    if chars.get(at) == Some(&tail.chars().next().unwrap_or(' ')) && at < limit {
                        at += 1;
                        break;
                    }
                }
            }
            out.end = at;
            return out;
        }
    }
    // `欧` alone after a magnitude (`1万欧`) is euros when no Han word goes on.
    if chars.get(spaced) == Some(&'欧')
        && chars.get(spaced + 1).is_none_or(|&c| !is_han(c))
        && within(1, spaced)
    {
        out.currency = Some("EUR");
        out.end = spaced + 1;
        return out;
    }
    match chars.get(at) {
        Some('%' | '％') if at < limit => {
            out.percent = true;
            out.end = at + 1;
        }
        Some('‰') if at < limit => {
            out.percent = true;
            out.end = at + 1;
            if let Some(v) = Decimal::new(out.value.mantissa(), out.value.scale() + 1) {
                out.value = v;
            }
            out.max = out
                .max
                .and_then(|m| Decimal::new(m.mantissa(), m.scale() + 1));
        }
        Some('个' | '個')
            if matches_at(chars, at + 1, "百分点") > 0
                || matches_at(chars, at + 1, "百分點") > 0 =>
        {
            out.percent = true;
            out.end = at + 4;
        }
        Some('成')
            if out.value.to_f64() <= 10.0
                && out.value.to_f64() > 0.0
                && !matches!(
                    chars.get(at + 1),
                    Some(
                        '为' | '立'
                            | '功'
                            | '本'
                            | '员'
                            | '交'
                            | '熟'
                            | '果'
                            | '长'
                            | '绩'
                            | '就'
                            | '效'
                            | '型'
                            | '品'
                            | '年'
                            | '都'
                            | '了'
                            | '份'
                            | '人'
                            | '批'
                            | '千'
                            | '百'
                    )
                ) =>
        {
            out.percent = true;
            let mut end = at + 1;
            let mut value = out.value.checked_mul_int(10).unwrap_or(out.value);
            if let Some(d) = chars.get(end).and_then(|&c| chinese_digit(c)) {
                value = value
                    .checked_add(Decimal::from_int(i128::from(d)))
                    .unwrap_or(value);
                end += 1;
            } else if chars.get(end) == Some(&'半') {
                value = value.checked_add(Decimal::from_int(5)).unwrap_or(value);
                end += 1;
            }
            out.value = value;
            out.max = out.max.and_then(|m| m.checked_mul_int(10));
            out.end = end;
        }
        Some('折')
            if !matches!(
                chars.get(at + 1),
                Some('合' | '算' | '旧' | '叠' | '腾' | '射' | '损' | '返' | '线')
            ) =>
        {
            let v = out.value.to_f64();
            if v > 0.0 && v < 10.0 {
                out.value = out.value.checked_mul_int(10).unwrap_or(out.value);
                out.percent = true;
                out.end = at + 1;
            } else if (11.0..100.0).contains(&v) && out.value.is_integer() {
                out.percent = true;
                out.end = at + 1;
            }
        }
        _ => {}
    }
    out
}

/// `3元5角2分`, `十块三毛`, `一块二`: adds the jiao and fen after 元/块 to `value`; returns the end.
fn cny_subunits(chars: &[char], at: usize, limit: usize, value: &mut Decimal, kuai: bool) -> usize {
    let digit = |i: usize| -> Option<u8> {
        chars
            .get(i)
            .filter(|_| i < limit)
            .and_then(|&c| chinese_digit(c).or_else(|| arabic_digit(c)))
    };
    let mut end = at;
    let mut add = Decimal::ZERO;
    let mut i = at;
    if chars.get(i) == Some(&'零') && digit(i + 1).is_some() {
        i += 1;
    }
    if let Some(d) = digit(i)
        && matches!(chars.get(i + 1), Some('角' | '毛'))
    {
        add = Decimal::new(i128::from(d), 1).unwrap_or(add);
        i += 2;
        end = i;
    }
    if let Some(d) = digit(i)
        && matches!(chars.get(i + 1), Some('分'))
    {
        add = add
            .checked_add(Decimal::new(i128::from(d), 2).unwrap_or(Decimal::ZERO))
            .unwrap_or(add);
        i += 2;
        end = i;
    } else if end == at
        && kuai
        && let Some(d) = digit(i)
        && chars
            .get(i + 1)
            .is_none_or(|&c| !is_han(c) || matches!(c, '钱' | '的'))
    {
        // `一块二`: a lone digit after 块 is jiao; `三块零四`: after 零 it is fen.
        let scale = if i > at { 2 } else { 1 };
        add = Decimal::new(i128::from(d), scale).unwrap_or(add);
        end = i + 1;
    }
    if end > at
        && let Some(v) = value.checked_add(add)
    {
        *value = v;
    }
    end
}

#[cfg(test)]
mod tests;
