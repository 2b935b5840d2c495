//! Reading one numeral (`1,100.9亿`, `三千二百万`, `三万五`, `100万三千`, `几十亿`, `八九亿`) from a
//! char slice into an exact value, with the spread that approximate forms carry (`三千多万` is
//! 30–40 million). This module knows digits and magnitudes only: what the number measures, its
//! currency and the words around it are decided by the caller.

use zhnews_model::Decimal;

/// The value of a Chinese digit char (`一`, `两`, `壹`, `〇`, …).
pub fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '貳' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of an ASCII or full-width digit.
pub fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// `十`, `百`, `千` and their financial forms.
pub fn small_unit(c: char) -> Option<i128> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// `万`, `亿`, `兆` (兆 = 10^12, as in financial usage).
pub fn big_unit(c: char) -> Option<i128> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        '兆' => 1_000_000_000_000,
        _ => return None,
    })
}

fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

/// One numeral read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    /// Char index one past the last char of the numeral.
    pub end: usize,
    /// The value (the lower bound for approximate forms).
    pub value: Decimal,
    /// How far above `value` an approximate form reaches (`三千多万` → 10 million), if it is one.
    pub spread: Option<Decimal>,
    /// True when a `万`, `亿` or `兆` was read.
    pub magnitude: bool,
    /// The factor that trailing `万`/`亿` (and a `百`/`千` right before them when the numeral is a
    /// lone digit and a unit) applied, for ranges whose first bound leaves it out (`10-20亿`).
    pub tail_factor: i128,
    /// The factor of the trailing `万`/`亿` alone (1 when there is none).
    pub big_factor: i128,
    /// True for a lone digit with no unit (`八`, `10`), which may inherit `tail_factor`.
    pub bare: bool,
    /// True when the numeral holds Chinese numeral chars only (no Arabic digits).
    pub chinese: bool,
    /// True when the value has a fractional part written with a point.
    pub fraction: bool,
    /// Number of Arabic digits read, for phone numbers and codes.
    pub arabic_digits: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Number { chinese_single: bool },
    Zero,
    Small(i128),
    Big(i128),
    Approx,
}

/// Where the spread of an approximate form currently sits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SpreadAt {
    Pending,
    Section,
    Total,
}

/// An Arabic number at `chars[i..]`: digits with thousands separators and a decimal point.
/// Returns the value, the end, the number of digits, whether it has a fraction, and the count of
/// trailing zeros of its integer part. `None` when there are no digits or the value overflows.
pub fn arabic_number(
    chars: &[char],
    i: usize,
    limit: usize,
) -> Option<(Decimal, usize, usize, bool)> {
    let mut j = i;
    let mut mantissa: i128 = 0;
    let mut digits = 0usize;
    let mut scale = 0u32;
    let mut overflow = false;
    let full_width = chars.get(i).is_some_and(|c| ('０'..='９').contains(c));
    while j < limit {
        let c = chars[j];
        if let Some(d) = arabic_digit(c) {
            digits += 1;
            match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d)))
            {
                Some(m) => mantissa = m,
                None => overflow = true,
            }
            j += 1;
        } else if matches!(c, ',' | '，' | '﹐') && digits > 0 && scale == 0 {
            // A thousands separator: exactly three digits follow, then no further digit.
            let group = (1..=3).all(|k| j + k < limit && arabic_digit(chars[j + k]).is_some());
            let closed = j + 4 >= limit || arabic_digit(chars[j + 4]).is_none();
            if !group || !closed {
                break;
            }
            if c != ',' && !full_width && !separator_confirmed(chars, j + 4, limit) {
                break;
            }
            j += 1;
        } else {
            break;
        }
    }
    if digits == 0 {
        return None;
    }
    // A decimal point needs a digit right after it.
    if j + 1 < limit && is_point(chars[j]) && arabic_digit(chars[j + 1]).is_some() {
        j += 1;
        while j < limit {
            let Some(d) = arabic_digit(chars[j]) else {
                break;
            };
            digits += 1;
            match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d)))
            {
                Some(m) => mantissa = m,
                None => overflow = true,
            }
            scale += 1;
            j += 1;
        }
    }
    if overflow || scale > 18 {
        return None;
    }
    Some((Decimal::new(mantissa, scale)?, j, digits, scale > 0))
}

/// A Chinese full-width comma between ASCII digits is a thousands separator only when the number
/// clearly goes on as money (`82，225.00元`), not in a list (`100，200和300`).
fn separator_confirmed(chars: &[char], j: usize, limit: usize) -> bool {
    match chars.get(j) {
        Some(&c) if j < limit => {
            is_point(c) || c == ',' || c == '，' || c == '元' || big_unit(c).is_some()
        }
        _ => false,
    }
}

fn trailing_zeros(value: Decimal) -> u32 {
    if value.scale() > 0 || value.mantissa() == 0 {
        return 0;
    }
    let mut m = value.mantissa();
    let mut zeros = 0;
    while m % 10 == 0 {
        m /= 10;
        zeros += 1;
    }
    zeros
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// Fraction digits after `点`: Chinese or Arabic digits, not followed by a unit (then it is a time:
/// `十点二十分`). Returns the fraction and the end.
fn point_fraction(chars: &[char], i: usize, limit: usize) -> Option<(Decimal, usize)> {
    let mut j = i;
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    if chars.get(i).is_some_and(|&c| matches!(c, '两' | '兩')) {
        // `一点两小时`: 两 is never a decimal digit.
        return None;
    }
    while j < limit && scale < 18 {
        let d = chinese_digit(chars[j]).or_else(|| arabic_digit(chars[j]));
        let Some(d) = d else { break };
        mantissa = mantissa * 10 + i128::from(d);
        scale += 1;
        j += 1;
    }
    if scale == 0 {
        return None;
    }
    if let Some(&c) = chars.get(j).filter(|_| j < limit)
        && (small_unit(c).is_some() || matches!(c, '分' | '刻' | '时' | '点'))
    {
        return None;
    }
    Some((Decimal::new(mantissa, scale)?, j))
}

/// Reads the numeral that starts at `chars[start]`, reading nothing at or after `limit`.
///
/// Returns `None` when no number starts there or its value does not fit.
pub fn read(chars: &[char], start: usize, limit: usize) -> Option<Numeral> {
    let limit = limit.min(chars.len());
    let mut i = start;
    let mut total = Decimal::ZERO;
    let mut max_big: i128 = 1;
    let mut seg = Decimal::ZERO;
    let mut pending: Option<Decimal> = None;
    let mut pending_chinese_digit: Option<u8> = None;
    let mut last = Last::Nothing;
    let mut last_small: Option<i128> = None;
    let mut spread: Option<(Decimal, SpreadAt)> = None;
    let mut magnitude = false;
    let mut any_arabic = false;
    let mut arabic_digits = 0usize;
    let mut fraction = false;
    let mut zero_gap = false;
    let mut read_any = false;
    let mut units_seen = false;
    let mut tail_factor: i128 = 1;
    let mut big_factor: i128 = 1;
    let mut end = start;

    while i < limit {
        let c = chars[i];
        // Arabic digits.
        if arabic_digit(c).is_some() {
            if pending.is_some() || matches!(last, Last::Approx) {
                break;
            }
            let (v, j, n, frac) = arabic_number(chars, i, limit)?;
            any_arabic = true;
            arabic_digits += n;
            fraction |= frac;
            pending = Some(v);
            pending_chinese_digit = None;
            last = Last::Number {
                chinese_single: false,
            };
            read_any = true;
            i = j;
            end = i;
            // Spaces may stand between Arabic digits and the magnitude (`500　亿`, `7 万`).
            let mut k = i;
            while k < limit && k - i < 3 && is_space(chars[k]) {
                k += 1;
            }
            if k > i
                && k < limit
                && (big_unit(chars[k]).is_some() || small_unit(chars[k]).is_some())
            {
                i = k;
            }
            continue;
        }
        if let Some(d) = chinese_digit(c) {
            if matches!(last, Last::Approx) {
                break;
            }
            if d == 0 {
                if !read_any {
                    pending = Some(Decimal::ZERO);
                    pending_chinese_digit = Some(0);
                    last = Last::Number {
                        chinese_single: true,
                    };
                    read_any = true;
                } else if pending.is_some() {
                    // `一零`: a digit string, not a numeral this reader handles.
                    break;
                } else {
                    zero_gap = true;
                    last = Last::Zero;
                }
                i += 1;
                end = i;
                continue;
            }
            if let Some(prev) = pending {
                // Two adjacent digits before a unit give a range: `八九亿`, `三五百`, `二三十`.
                let next_is_unit = chars.get(i + 1).is_some_and(|&n| {
                    i + 1 < limit && (small_unit(n).is_some() || big_unit(n).is_some())
                });
                match pending_chinese_digit {
                    Some(p) if p > 0 && d > p && next_is_unit && spread.is_none() => {
                        spread = Some((Decimal::from_int(i128::from(d - p)), SpreadAt::Pending));
                        pending = Some(prev);
                        pending_chinese_digit = None;
                        i += 1;
                        end = i;
                        continue;
                    }
                    _ => break,
                }
            }
            pending = Some(Decimal::from_int(i128::from(d)));
            pending_chinese_digit = Some(d);
            last = Last::Number {
                chinese_single: true,
            };
            read_any = true;
            i += 1;
            end = i;
            continue;
        }
        // `几`/`数` before a unit: one to ten of it (`几十亿`, `数百万`).
        if matches!(c, '几' | '幾' | '数' | '數') && pending.is_none() {
            let before_unit = chars.get(i + 1).is_some_and(|&n| {
                i + 1 < limit && (small_unit(n).is_some() || big_unit(n).is_some())
            });
            if before_unit && spread.is_none() && !matches!(last, Last::Small(_)) {
                // After 零 (`一百零几万`) the lower bound adds nothing.
                let low = if matches!(last, Last::Zero) { 0 } else { 1 };
                pending = Some(Decimal::from_int(low));
                pending_chinese_digit = None;
                spread = Some((Decimal::from_int(9), SpreadAt::Pending));
                last = Last::Number {
                    chinese_single: false,
                };
                read_any = true;
                i += 1;
                end = i;
                continue;
            }
        }
        if let Some(u) = small_unit(c) {
            if matches!(last, Last::Approx) {
                break;
            }
            if let Some(ls) = last_small
                && u >= ls
            {
                break;
            }
            // A unit with no digit before it counts one (`十五`, `百三`, `一百十一`); `两百十`
            // after a zero keeps the digit (`一千零十` = 1010).
            let mult = match pending {
                Some(p) if p == Decimal::ZERO && !units_seen => Decimal::from_int(1),
                Some(p) => p,
                None => Decimal::from_int(1),
            };
            if pending.is_none()
                && !read_any
                && chars.get(i + 1).is_none_or(|&n| {
                    big_unit(n).is_none()
                        && small_unit(n).is_none()
                        && chinese_digit(n).is_none()
                        && arabic_digit(n).is_none()
                })
                && u != 10
            {
                // A lone `百` or `千` is a word (`百度`, `千方百计`), not a number.
                break;
            }
            seg = seg.checked_add(mult.checked_mul_int(u)?)?;
            if let Some((s, SpreadAt::Pending)) = spread {
                spread = Some((s.checked_mul_int(u)?, SpreadAt::Section));
            }
            pending = None;
            pending_chinese_digit = None;
            last_small = Some(u);
            last = Last::Small(u);
            read_any = true;
            units_seen = true;
            i += 1;
            end = i;
            continue;
        }
        if let Some(u) = big_unit(c) {
            if !read_any {
                break;
            }
            // `100兆带宽`, `5兆瓦`: 兆 as the SI prefix mega, not 10^12.
            if c == '兆'
                && chars.get(i + 1).is_some_and(|&n| {
                    n.is_ascii_alphabetic() || "瓦赫字比帕位焦欧伏安带像内".contains(n)
                })
            {
                break;
            }
            let section_empty = pending.is_none() && seg == Decimal::ZERO;
            if section_empty && matches!(last, Last::Big(_) | Last::Approx) {
                // `万亿`, `万万`: the magnitudes compound.
                total = total.checked_mul_int(u)?;
                max_big = max_big.checked_mul(u)?;
                if let Some((s, at)) = spread {
                    spread = Some((s.checked_mul_int(u)?, at));
                }
                tail_factor = tail_factor.checked_mul(u)?;
                big_factor = big_factor.checked_mul(u)?;
            } else if section_empty && !matches!(last, Last::Zero) {
                break;
            } else {
                let section = seg.checked_add(pending.unwrap_or(Decimal::ZERO))?;
                if u > max_big {
                    total = total.checked_add(section)?.checked_mul_int(u)?;
                    max_big = u;
                    if let Some((s, _)) = spread {
                        spread = Some((s.checked_mul_int(u)?, SpreadAt::Total));
                    }
                } else {
                    total = total.checked_add(section.checked_mul_int(u)?)?;
                    if let Some((s, at)) = spread
                        && at != SpreadAt::Total
                    {
                        spread = Some((s.checked_mul_int(u)?, SpreadAt::Total));
                    }
                }
                // A lone digit and unit before the magnitude (`九百亿`) is inherited whole by a
                // bare first bound (`八到九百亿`).
                big_factor = u;
                tail_factor = match (last, last_small) {
                    (Last::Small(s), Some(_)) if seg_is_single_digit_times(seg, s) => {
                        s.checked_mul(u)?
                    }
                    _ => u,
                };
            }
            seg = Decimal::ZERO;
            pending = None;
            pending_chinese_digit = None;
            last_small = None;
            zero_gap = false;
            last = Last::Big(u);
            magnitude = true;
            units_seen = true;
            i += 1;
            end = i;
            continue;
        }
        // `两个亿`, `几个亿`: a measure word between the number and the magnitude.
        if matches!(c, '个' | '個')
            && pending.is_some()
            && chars
                .get(i + 1)
                .is_some_and(|&n| i + 1 < limit && big_unit(n).is_some())
        {
            i += 1;
            continue;
        }
        if matches!(c, '多' | '余' | '餘' | '几' | '幾' | '来')
            && spread.is_none()
            && !matches!(last, Last::Nothing | Last::Zero | Last::Approx)
        {
            // The spread is one step of the last place written: `三千多` +1000, `200余` +100,
            // `二十几` +10, `一万多` +10000.
            let (step, at) = match last {
                Last::Small(u) => (Decimal::from_int(u), SpreadAt::Section),
                Last::Big(u) => (Decimal::from_int(u), SpreadAt::Total),
                Last::Number { chinese_single } => {
                    let Some(p) = pending else { break };
                    if chinese_single || p.scale() > 0 {
                        // `一百零几万`: a digit place after 零.
                        if c == '几' && zero_gap {
                            (Decimal::from_int(9), SpreadAt::Section)
                        } else {
                            break;
                        }
                    } else {
                        (
                            Decimal::from_int(pow10(trailing_zeros(p))?),
                            SpreadAt::Pending,
                        )
                    }
                }
                _ => break,
            };
            if c == '来' && !matches!(at, SpreadAt::Section | SpreadAt::Pending) {
                break;
            }
            spread = Some((step, at));
            last = Last::Approx;
            i += 1;
            end = i;
            continue;
        }
        if matches!(c, '点' | '點')
            && matches!(last, Last::Number { .. } | Last::Small(_) | Last::Big(_))
        {
            // `点` opens a fraction only when digits follow (`三点五亿`; `三点` is a time).
            if let Some((frac, j)) = point_fraction(chars, i + 1, limit) {
                if let Last::Number { .. } = last
                    && pending.is_some_and(|p| p.scale() == 0)
                {
                    // `两千三点一` = 2300.1: the abbreviated digit takes its place first.
                    let mut whole = pending.unwrap_or(Decimal::ZERO);
                    if let (Some(d), false, true) =
                        (pending_chinese_digit, zero_gap, i >= start + 2)
                        && d > 0
                        && let Some(u) = small_unit(chars[i - 2]).or_else(|| big_unit(chars[i - 2]))
                        && u >= 100
                    {
                        whole = Decimal::from_int(i128::from(d)).checked_mul_int(u / 10)?;
                    }
                    pending = Some(whole.checked_add(frac)?);
                    pending_chinese_digit = None;
                    fraction = true;
                    i = j;
                    end = i;
                    // The fraction binds the digit before it; only a magnitude may follow.
                    if j < limit && big_unit(chars[j]).is_some() {
                        last = Last::Number {
                            chinese_single: false,
                        };
                        continue;
                    }
                    break;
                } else if matches!(last, Last::Small(_) | Last::Big(_)) && pending.is_none() {
                    seg = seg.checked_add(frac)?;
                    fraction = true;
                    end = j;
                    break;
                }
            }
            break;
        }
        break;
    }
    if !read_any {
        return None;
    }
    // `三万五` = 35000, `一百二` = 120: a lone Chinese digit right after a unit abbreviates the
    // next lower place.
    let mut tail = pending.unwrap_or(Decimal::ZERO);
    if let (Some(d), false) = (pending_chinese_digit, zero_gap)
        && d > 0
        && let Last::Number {
            chinese_single: true,
        } = last
        && end >= start + 2
        && let Some(u) = small_unit(chars[end - 2]).or_else(|| big_unit(chars[end - 2]))
        && u >= 100
    {
        if abbreviation_may_end(chars.get(end).copied().filter(|_| end < limit)) {
            tail = Decimal::from_int(i128::from(d)).checked_mul_int(u / 10)?;
        } else {
            // `3万一年`: the digit starts the next phrase.
            tail = Decimal::ZERO;
            end -= 1;
        }
    }
    if !magnitude
        && let Last::Small(u) = last
        && seg_is_single_digit_times(seg, u)
    {
        // `三仟` as the second bound of `两到三仟`.
        tail_factor = u;
    }
    let value = total.checked_add(seg)?.checked_add(tail)?;
    let bare = !magnitude
        && last_small.is_none()
        && !matches!(last, Last::Small(_))
        && total == Decimal::ZERO
        && seg == Decimal::ZERO;
    let spread = spread.map(|(s, _)| s);
    Some(Numeral {
        end,
        value,
        spread,
        magnitude,
        tail_factor,
        big_factor,
        bare,
        chinese: !any_arabic,
        fraction,
        arabic_digits,
    })
}

/// After `三万五`, what may follow for the `五` to belong to the number: the end, punctuation,
/// Latin text, a currency, a bound word or `的`; not another word (`3万一年`, `十万一个`).
fn abbreviation_may_end(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) if !('\u{4e00}'..='\u{9fff}').contains(&c) => true,
        Some(c) => "元块圆美港欧日英韩人台澳加新卢泰越林奈雷里兰左上以的多余钱".contains(c),
    }
}

fn seg_is_single_digit_times(seg: Decimal, unit: i128) -> bool {
    seg.scale() == 0 && seg.mantissa() % unit == 0 && seg.mantissa() / unit < 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> (String, usize, Option<String>) {
        let chars: Vec<char> = s.chars().collect();
        let n = read(&chars, 0, chars.len()).unwrap();
        (n.value.to_string(), n.end, n.spread.map(|d| d.to_string()))
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(val("三千二百万").0, "32000000");
        assert_eq!(val("两千五百万").0, "25000000");
        assert_eq!(val("一万二").0, "12000");
        assert_eq!(val("三万五").0, "35000");
        assert_eq!(val("十万").0, "100000");
        assert_eq!(val("十五").0, "15");
        assert_eq!(val("一百零一万一千").0, "1011000");
        assert_eq!(val("四亿五千六百四十二万零一十五").0, "456420015");
        assert_eq!(val("五兆六十二亿四万五千二").0, "5006200045200");
        assert_eq!(val("四万万").0, "400000000");
        assert_eq!(val("一千零十").0, "1010");
        assert_eq!(val("壹佰壹拾壹").0, "111");
    }

    #[test]
    fn reads_arabic_and_mixed() {
        assert_eq!(val("1,100.9亿").0, "110090000000");
        assert_eq!(val("4.78万亿").0, "4780000000000");
        assert_eq!(val("100万三千").0, "1003000");
        assert_eq!(val("１．５亿").0, "150000000");
        assert_eq!(val("５００　亿").0, "50000000000");
        assert_eq!(val("3万4000").0, "34000");
        assert_eq!(val("1.0753").0, "1.0753");
    }

    #[test]
    fn reads_spreads() {
        assert_eq!(
            val("三千多万"),
            ("30000000".into(), 4, Some("10000000".into()))
        );
        assert_eq!(val("200余万").2.as_deref(), Some("1000000"));
        assert_eq!(
            val("几十亿"),
            ("1000000000".into(), 3, Some("9000000000".into()))
        );
        assert_eq!(
            val("八九亿"),
            ("800000000".into(), 3, Some("100000000".into()))
        );
        assert_eq!(val("十几万").2.as_deref(), Some("100000"));
    }

    #[test]
    fn stops_at_times_and_words() {
        assert_eq!(val("十点二十分").1, 1);
        let chars: Vec<char> = "万物".chars().collect();
        assert!(read(&chars, 0, 2).is_none());
        let chars: Vec<char> = "百度".chars().collect();
        assert!(read(&chars, 0, 2).is_none());
    }
}
