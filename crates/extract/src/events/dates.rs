//! Time expressions in a sentence and their resolution against the publish date.
//!
//! A time expression (`2023年初`, `今年8月`, `9月13日`, `上月`, `近日`) is kept with its span so the
//! event can cite it; its value is an ISO date at the precision the text gives (`2023`, `2024-08`,
//! `2024-09-13`), or `None` when it cannot be pinned down (`近日`, or `8月` with no publish date).

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimeExpr {
    /// Char offset of its first char in the text.
    pub start: usize,
    /// Char offset one past its last char.
    pub end: usize,
    /// The resolved date at its precision, when it can be resolved.
    pub value: Option<String>,
}

const NUM: &str = "[0-9０-９]+|[〇零一二两三四五六七八九十]+";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?:北京时间|当地时间)?
        (?:
          (?:(?P<year>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})\s?年|(?P<rel>今年|去年|前年|明年|本年|当年))
          (?:(?P<month>{NUM})月份?(?:(?P<day>{NUM})[日号])?(?P<mpart>初|上旬|中旬|下旬|中|底|末)?|(?P<ypart>年?初|年?底|年?末|年中|上半年|下半年|一季度|二季度|三季度|四季度|春节前后|春节|前后))?
        |
          (?P<month2>{NUM})月份?(?:(?P<day2>{NUM})[日号])?(?P<mpart2>初|上旬|中旬|下旬|中|底|末)?
        |
          (?P<relmonth>上个?月|本月|这个月|下个?月)(?P<day3>{NUM})?[日号]?
        |
          (?P<dayonly>{NUM})[日号]
        |
          (?P<relday>昨天|昨日|今天|今日|前天|明天|明日)
        |
          (?P<vague>近日|日前|近期|前不久|不久前|今夏|今春|今秋|今冬|前两天|上周|本周)
        )"
    ))
    .expect("date pattern is valid")
});

/// Parts of the day written after a date, longest first.
const DAY_PARTS: &[&str] = &[
    "凌晨", "早上", "早间", "上午", "中午", "下午", "傍晚", "晚间", "晚上", "晚",
];

/// Time expressions of `chars[start..end]`, with offsets in `chars`.
pub(crate) fn find(
    chars: &[char],
    start: usize,
    end: usize,
    published: Option<NaiveDate>,
) -> Vec<TimeExpr> {
    let sentence: String = chars[start..end].iter().collect();
    let mut byte_to_char = Vec::with_capacity(sentence.len() + 1);
    for (i, c) in sentence.chars().enumerate() {
        for _ in 0..c.len_utf8() {
            byte_to_char.push(i);
        }
    }
    byte_to_char.push(sentence.chars().count());
    let mut out = Vec::new();
    for caps in DATE.captures_iter(&sentence) {
        let whole = caps.get(0).expect("group 0 always matches");
        if whole.as_str().is_empty() {
            continue;
        }
        let value = resolve(&caps, published);
        let usable = caps.name("year").is_some()
            || caps.name("rel").is_some()
            || caps
                .name("month2")
                .is_some_and(|m| parse_num(m.as_str()).is_some_and(|v| (1..=12).contains(&v)))
            || caps.name("relmonth").is_some()
            || caps.name("relday").is_some()
            || caps.name("vague").is_some();
        // `一月内`, `两日内`, `三个月来`: a duration, not a date.
        let next = chars.get(start + byte_to_char[whole.end()]).copied();
        let bare = caps.name("month2").is_some() || caps.name("dayonly").is_some();
        if bare
            && matches!(
                next,
                Some('内' | '来' | '余' | '多' | '间' | '里' | '之' | '以')
            )
        {
            continue;
        }
        // A dateline (`8月7日消息`, `6月7日报道`) dates the report, not the event.
        let rest: String = chars[(start + byte_to_char[whole.end()]).min(end)..end]
            .iter()
            .take(6)
            .collect();
        let rest = rest.trim_start_matches(['晚', '早', '间', '上', '下', '午', ' ']);
        if ["消息", "讯", "报道", "电"]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            continue;
        }
        let usable = usable
            || caps
                .name("dayonly")
                .is_some_and(|d| parse_num(d.as_str()).is_some_and(|v| (1..=31).contains(&v)));
        if !usable {
            continue;
        }
        // A match inside the part of the day read after the previous one (`晚上` then `上月`) is
        // no expression of its own.
        if out
            .last()
            .is_some_and(|last: &TimeExpr| last.end > start + byte_to_char[whole.start()])
        {
            continue;
        }
        // A bare month must not be part of a longer number or a count (`3个月`, `12月份的数据` is fine).
        let mut expr_end = start + byte_to_char[whole.end()];
        // `5月23日晚`, `11日下午`: the part of the day belongs to the expression.
        for part in DAY_PARTS {
            let n = part.chars().count();
            if expr_end + n <= end
                && chars[expr_end..expr_end + n]
                    .iter()
                    .copied()
                    .eq(part.chars())
            {
                expr_end += n;
                break;
            }
        }
        out.push(TimeExpr {
            start: start + byte_to_char[whole.start()],
            end: expr_end,
            value,
        });
    }
    merge_ranges(chars, out)
}

/// `从2月到8月底` is one expression; it keeps a value only at the precision both ends share (the year).
fn merge_ranges(chars: &[char], exprs: Vec<TimeExpr>) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    for expr in exprs {
        if let Some(last) = out.last_mut() {
            let gap: String = chars[last.end..expr.start].iter().collect();
            if matches!(
                gap.as_str(),
                "到" | "至" | "-" | "—" | "~" | "～" | "到今年"
            ) {
                let year = |v: &Option<String>| v.as_ref().map(|s| s[..4].to_owned());
                let shared = year(&last.value).filter(|y| Some(y) == year(&expr.value).as_ref());
                last.end = expr.end;
                last.value = shared;
                continue;
            }
        }
        out.push(expr);
    }
    out
}

fn resolve(caps: &regex::Captures<'_>, published: Option<NaiveDate>) -> Option<String> {
    let year_text = caps.name("year").map(|m| m.as_str());
    let month = caps
        .name("month")
        .or(caps.name("month2"))
        .and_then(|m| parse_num(m.as_str()))
        .filter(|m| (1..=12).contains(m));
    let day = caps
        .name("day")
        .or(caps.name("day2"))
        .and_then(|m| parse_num(m.as_str()))
        .filter(|d| (1..=31).contains(d));
    if let Some(rel) = caps.name("relmonth") {
        let base = published?;
        let shift: i32 = match rel.as_str() {
            "上月" | "上个月" => -1,
            "下月" | "下个月" => 1,
            _ => 0,
        };
        let index = base.year() * 12 + base.month0() as i32 + shift;
        let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        return Some(format!("{y:04}-{m:02}"));
    }
    if let Some(rel) = caps.name("relday") {
        let base = published?;
        let shift = match rel.as_str() {
            "昨天" | "昨日" => -1,
            "前天" => -2,
            "明天" | "明日" => 1,
            _ => 0,
        };
        return Some(
            (base + Duration::days(shift))
                .format("%Y-%m-%d")
                .to_string(),
        );
    }
    if caps.name("vague").is_some() {
        return None;
    }
    if let Some(d) = caps.name("dayonly") {
        // `11日` alone: that day of the publish month, or of the month before when it lies ahead.
        let base = published?;
        let d = parse_num(d.as_str())?;
        let (mut y, mut m) = (base.year(), base.month());
        if d > base.day() {
            (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        }
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| date.format("%Y-%m-%d").to_string());
    }
    let year = if let Some(text) = year_text {
        Some(parse_year(text)?)
    } else if let Some(rel) = caps.name("rel") {
        let base = published?.year();
        Some(match rel.as_str() {
            "去年" => base - 1,
            "前年" => base - 2,
            "明年" => base + 1,
            "当年" => return None,
            _ => base,
        })
    } else {
        None
    };
    let year = match year {
        Some(y) => y,
        None => {
            // A month without a year: the publish year, or the year before when the month lies well
            // after the publish month (a December event reported in March happened last year).
            let base = published?;
            let m = month?;
            if m > base.month() + 2 {
                base.year() - 1
            } else {
                base.year()
            }
        }
    };
    let month_precise = caps.name("ypart").is_none();
    match (month, day) {
        (Some(m), Some(d)) if NaiveDate::from_ymd_opt(year, m, d).is_some() => {
            Some(format!("{year:04}-{m:02}-{d:02}"))
        }
        (Some(m), _) if month_precise => Some(format!("{year:04}-{m:02}")),
        _ => Some(format!("{year:04}")),
    }
}

fn parse_year(text: &str) -> Option<i32> {
    let digits: String = text
        .chars()
        .map(|c| match c {
            '〇' | '零' => Some('0'),
            '一' => Some('1'),
            '二' => Some('2'),
            '三' => Some('3'),
            '四' => Some('4'),
            '五' => Some('5'),
            '六' => Some('6'),
            '七' => Some('7'),
            '八' => Some('8'),
            '九' => Some('9'),
            c if c.is_ascii_digit() => Some(c),
            _ => None,
        })
        .collect::<Option<String>>()?;
    digits.parse().ok()
}

/// Parses `12`, `１２`, `十二`, `二十三`, `八` (numbers up to 99).
pub(crate) fn parse_num(text: &str) -> Option<u32> {
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        let ascii: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                }
            })
            .collect();
        return ascii.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.iter().position(|&c| c == '十') {
        None if chars.len() == 1 => digit(chars[0]),
        None => None,
        Some(p) => {
            let tens = if p == 0 {
                1
            } else if p == 1 {
                digit(chars[0])?
            } else {
                return None;
            };
            let units = match chars.len() - p - 1 {
                0 => 0,
                1 => digit(chars[p + 1])?,
                _ => return None,
            };
            Some(tens * 10 + units)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars, 0, chars.len(), published)
            .into_iter()
            .map(|t| (chars[t.start..t.end].iter().collect(), t.value))
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn resolves_relative_and_absolute_dates_with_precision() {
        let p = day(2024, 9, 13);
        assert_eq!(
            values("今年8月，他离职", p),
            vec![("今年8月".into(), Some("2024-08".into()))]
        );
        assert_eq!(
            values("9月13日宣布", p),
            vec![("9月13日".into(), Some("2024-09-13".into()))]
        );
        assert_eq!(
            values("2023年初离开", p),
            vec![("2023年初".into(), Some("2023".into()))]
        );
        assert_eq!(
            values("上月完成", p),
            vec![("上月".into(), Some("2024-08".into()))]
        );
        assert_eq!(
            values("去年十二月底", p),
            vec![("去年十二月底".into(), Some("2023-12".into()))]
        );
        assert_eq!(values("近日宣布", p), vec![("近日".into(), None)]);
        assert_eq!(
            values("昨天宣布", p),
            vec![("昨天".into(), Some("2024-09-12".into()))]
        );
    }

    #[test]
    fn bare_months_need_a_publish_date_and_may_fall_in_the_previous_year() {
        assert_eq!(values("8月加入", None), vec![("8月".into(), None)]);
        let march = day(2025, 3, 2);
        assert_eq!(
            values("12月加入", march),
            vec![("12月".into(), Some("2024-12".into()))]
        );
        assert_eq!(
            values("上月加入", day(2025, 1, 5)),
            vec![("上月".into(), Some("2024-12".into()))]
        );
    }

    #[test]
    fn a_part_of_the_day_is_kept_and_never_read_twice() {
        let chars: Vec<char> = "9月13日晚上月底".chars().collect();
        let found = find(&chars, 0, chars.len(), None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].end, 7);
    }

    #[test]
    fn ranges_keep_the_shared_year() {
        let p = day(2024, 9, 13);
        assert_eq!(
            values("从今年二月份到八月底投入", p),
            vec![("今年二月份到八月底".into(), Some("2024".into()))]
        );
    }

    #[test]
    fn parses_chinese_numbers() {
        assert_eq!(parse_num("十二"), Some(12));
        assert_eq!(parse_num("二十三"), Some(23));
        assert_eq!(parse_num("八"), Some(8));
        assert_eq!(parse_num("13"), Some(13));
        assert_eq!(parse_num("一二"), None);
    }
}
