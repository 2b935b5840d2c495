//! Publish-time strings to instants: ISO 8601 and the many Chinese forms.
//!
//! Handles `2024-09-13 10:20(:30)`, `2024/9/13`, `2024年9月13日 10:20`, two-digit years
//! (`18-03-08 23:16`), year-less `09-13 10:20` / `9月13日 10:20` / `09月07日` (resolved against the
//! fetch time), `昨天 10:20`, `前天`, `3小时前`, `20分钟前`, `刚刚`, epoch seconds, and dates in URLs.
//! Times without an offset are China time (+08:00). Where a time is found in a page is decided by
//! the caller; this module only reads strings.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
};
use regex::Regex;
use std::sync::LazyLock;

/// China Standard Time, the offset assumed when a page gives none.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// A time found in a string and how precise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The instant.
    pub at: DateTime<FixedOffset>,
    /// True when the string had a time of day, not just a date.
    pub has_time: bool,
    /// Byte offset of the match in the searched string.
    pub pos: usize,
}

/// An `AM`/`PM` marker as the Chinese half-day word [`hm`] reads (`下午` adds twelve hours).
fn half_day(marker: Option<regex::Match<'_>>) -> Option<&'static str> {
    marker.map(|m| {
        if m.as_str().eq_ignore_ascii_case("pm") {
            "下午"
        } else {
            "上午"
        }
    })
}

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(?:(上午|下午|晚上|凌晨|中午)\s*)?(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\s*([AaPp][Mm])\b)?)?",
    )
    .expect("regex")
});
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{2})-(\d{2})-(\d{2})\s*(\d{2})[:：](\d{2})(?:[:：](\d{2}))?|(\d{2})-(\d{1,2})-(\d{1,2})\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")
        .expect("regex")
});
static YEARLESS_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")
        .expect("regex")
});
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?").expect("regex")
});
static YEARLESS_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})月(\d{1,2})日").expect("regex"));
static RELATIVE_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(今天|昨天|前天)\s*(\d{1,2})[:：](\d{2})").expect("regex"));
static AGO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3})\s*(秒|分钟|小时|天)前|刚刚").expect("regex"));
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_\-])((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/_\-.]|\d|$)")
        .expect("regex")
});
static ISO_NAIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
        .expect("regex")
});

fn not_after_digit(text: &str, pos: usize) -> bool {
    !text[..pos]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

fn make(date: NaiveDate, time: Option<NaiveTime>) -> Option<DateTime<FixedOffset>> {
    let naive = NaiveDateTime::new(date, time.unwrap_or(NaiveTime::MIN));
    china().from_local_datetime(&naive).single()
}

fn hm(h: &str, m: &str, s: Option<&str>, half: Option<&str>) -> Option<NaiveTime> {
    let mut h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let s: u32 = s.and_then(|s| s.parse().ok()).unwrap_or(0);
    if matches!(half, Some("下午" | "晚上")) && h < 12 {
        h += 12;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

fn reference(fetched_at: Option<DateTime<FixedOffset>>) -> DateTime<FixedOffset> {
    fetched_at.unwrap_or_else(|| chrono::Utc::now().with_timezone(&china()))
}

/// The year that puts a month/day on or before the fetch time (allowing a day of clock skew).
fn resolve_year(month: u32, day: u32, fetched: DateTime<FixedOffset>) -> Option<NaiveDate> {
    let local = fetched.with_timezone(&china());
    let this_year = NaiveDate::from_ymd_opt(local.year(), month, day);
    match this_year {
        Some(d) if d <= local.date_naive() + Duration::days(1) => Some(d),
        _ => NaiveDate::from_ymd_opt(local.year() - 1, month, day),
    }
}

/// Reads a metadata value: RFC 3339, ISO without offset, epoch seconds or milliseconds, or any
/// Chinese form that [`find_in_text`] knows.
pub fn parse_value(value: &str, fetched_at: Option<DateTime<FixedOffset>>) -> Option<Found> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Some(Found {
            at,
            has_time: true,
            pos: 0,
        });
    }
    if let Some(c) = ISO_NAIVE.captures(value) {
        let date =
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        let time = hm(&c[4], &c[5], c.get(6).map(|m| m.as_str()), None)?;
        let naive = NaiveDateTime::new(date, time);
        let offset = match c.get(7).map(|m| m.as_str()) {
            None => china(),
            Some("Z") => FixedOffset::east_opt(0)?,
            Some(off) => {
                let digits: String = off[1..].chars().filter(char::is_ascii_digit).collect();
                let secs =
                    digits[..2].parse::<i32>().ok()? * 3600 + digits[2..].parse::<i32>().ok()? * 60;
                FixedOffset::east_opt(if off.starts_with('-') { -secs } else { secs })?
            }
        };
        return Some(Found {
            at: offset.from_local_datetime(&naive).single()?,
            has_time: true,
            pos: 0,
        });
    }
    if value.len() >= 10 && value.len() <= 13 && value.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = value.parse().ok()?;
        let secs = if value.len() == 13 { n / 1000 } else { n };
        // Plausible news epochs only (2000..2100), so ids are not read as times.
        if (946_684_800..4_102_444_800).contains(&secs) {
            let at = DateTime::from_timestamp(secs, 0)?.with_timezone(&china());
            return Some(Found {
                at,
                has_time: true,
                pos: 0,
            });
        }
        return None;
    }
    find_in_text(value, fetched_at)
}

/// The first publish-time-like expression in a line of text.
pub fn find_in_text(text: &str, fetched_at: Option<DateTime<FixedOffset>>) -> Option<Found> {
    let mut best: Option<Found> = None;
    fn consider(best: &mut Option<Found>, f: Found) {
        if best.is_none_or(|b| f.pos < b.pos) {
            *best = Some(f);
        }
    }
    for c in FULL.captures_iter(text) {
        let m = c.get(0)?;
        if !not_after_digit(text, m.start()) {
            continue;
        }
        let Some(date) =
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        else {
            continue;
        };
        let time = match (c.get(5), c.get(6)) {
            (Some(h), Some(mi)) => hm(
                h.as_str(),
                mi.as_str(),
                c.get(7).map(|x| x.as_str()),
                c.get(4).map(|x| x.as_str()).or_else(|| half_day(c.get(8))),
            ),
            _ => None,
        };
        if let Some(at) = make(date, time) {
            consider(
                &mut best,
                Found {
                    at,
                    has_time: time.is_some(),
                    pos: m.start(),
                },
            );
            break;
        }
    }
    if best.is_some() {
        return best;
    }
    for c in SHORT_YEAR.captures_iter(text) {
        let m = c.get(0)?;
        if !not_after_digit(text, m.start()) {
            continue;
        }
        let base = if c.get(1).is_some() { 0 } else { 6 };
        let g = |k: usize| c.get(base + k).map_or("", |m| m.as_str());
        let year = 2000 + g(1).parse::<i32>().ok()?;
        let Some(date) = NaiveDate::from_ymd_opt(year, g(2).parse().ok()?, g(3).parse().ok()?)
        else {
            continue;
        };
        let time = hm(g(4), g(5), c.get(base + 6).map(|x| x.as_str()), None);
        if let (Some(at), Some(_)) = (make(date, time), time) {
            consider(
                &mut best,
                Found {
                    at,
                    has_time: true,
                    pos: m.start(),
                },
            );
            break;
        }
    }
    if best.is_some() {
        return best;
    }
    for c in SLASH_DATE.captures_iter(text) {
        let m = c.get(0)?;
        if !not_after_digit(text, m.start()) {
            continue;
        }
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        // Month first (9/17/2004) unless the first number cannot be a month (17/9/2004).
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        let Some(date) = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, day) else {
            continue;
        };
        let half = half_day(c.get(7));
        let time = match (c.get(4), c.get(5)) {
            (Some(h), Some(mi)) => hm(h.as_str(), mi.as_str(), c.get(6).map(|x| x.as_str()), half),
            _ => None,
        };
        if let Some(at) = make(date, time) {
            consider(
                &mut best,
                Found {
                    at,
                    has_time: time.is_some(),
                    pos: m.start(),
                },
            );
            break;
        }
    }
    if best.is_some() {
        return best;
    }
    // Relative forms mean nothing without the fetch time (a saved page read later).
    if let Some(c) = RELATIVE_DAY.captures(text).filter(|_| fetched_at.is_some()) {
        let m = c.get(0)?;
        let back = match &c[1] {
            "今天" => 0,
            "昨天" => 1,
            _ => 2,
        };
        let day = reference(fetched_at).with_timezone(&china()).date_naive() - Duration::days(back);
        if let Some(at) = make(day, hm(&c[2], &c[3], None, None)) {
            consider(
                &mut best,
                Found {
                    at,
                    has_time: true,
                    pos: m.start(),
                },
            );
        }
    }
    if let Some(c) = AGO.captures(text).filter(|_| fetched_at.is_some()) {
        let m = c.get(0)?;
        let now = reference(fetched_at);
        let delta = match (c.get(1), c.get(2).map(|x| x.as_str())) {
            (Some(n), Some(unit)) => {
                let n: i64 = n.as_str().parse().ok()?;
                match unit {
                    "秒" => Duration::seconds(n),
                    "分钟" => Duration::minutes(n),
                    "小时" => Duration::hours(n),
                    _ => Duration::days(n),
                }
            }
            _ => Duration::zero(),
        };
        consider(
            &mut best,
            Found {
                at: now - delta,
                has_time: true,
                pos: m.start(),
            },
        );
    }
    for c in YEARLESS_TIME.captures_iter(text) {
        let m = c.get(0)?;
        if !not_after_digit(text, m.start()) {
            continue;
        }
        let Some(date) = resolve_year(
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            reference(fetched_at),
        ) else {
            continue;
        };
        let time = hm(&c[3], &c[4], c.get(5).map(|x| x.as_str()), None);
        if let (Some(at), Some(_)) = (make(date, time), time) {
            consider(
                &mut best,
                Found {
                    at,
                    has_time: true,
                    pos: m.start(),
                },
            );
            break;
        }
    }
    if best.is_none() {
        for c in YEARLESS_DATE.captures_iter(text) {
            let m = c.get(0)?;
            if !not_after_digit(text, m.start()) {
                continue;
            }
            if let Some(at) = resolve_year(
                c[1].parse().ok()?,
                c[2].parse().ok()?,
                reference(fetched_at),
            )
            .and_then(|d| make(d, None))
            {
                consider(
                    &mut best,
                    Found {
                        at,
                        has_time: false,
                        pos: m.start(),
                    },
                );
                break;
            }
        }
    }
    best
}

/// True when the time expression at the start of `s` names its year (`2024-…`, `18-03-08 …`).
pub fn has_explicit_year(s: &str) -> bool {
    FULL.find(s).is_some_and(|m| m.start() == 0)
        || SHORT_YEAR.find(s).is_some_and(|m| m.start() == 0)
}

/// A date in a URL path (`/2024/0913/`, `/20240913/`, `/2024-09-13/`).
pub fn from_url(url: &str) -> Option<Found> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let c = URL_DATE.captures(path)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    Some(Found {
        at: make(date, None)?,
        has_time: false,
        pos: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2024-09-14T09:00:00+08:00").unwrap()
    }

    fn text(s: &str) -> String {
        find_in_text(s, Some(fetched()))
            .map(|f| f.at.to_rfc3339())
            .unwrap_or_default()
    }

    #[test]
    fn chinese_full_dates() {
        assert_eq!(
            text("发布时间：2024年9月13日 10:20 来源：某报"),
            "2024-09-13T10:20:00+08:00"
        );
        assert_eq!(text("2023-01-05 08:07:09"), "2023-01-05T08:07:09+08:00");
        assert_eq!(text("2022/3/4"), "2022-03-04T00:00:00+08:00");
        assert_eq!(text("2021年12月1日 下午3:05"), "2021-12-01T15:05:00+08:00");
    }

    #[test]
    fn yearless_and_relative_use_the_fetch_time() {
        assert_eq!(text("09-13 10:20"), "2024-09-13T10:20:00+08:00");
        assert_eq!(text("12月30日 08:00"), "2023-12-30T08:00:00+08:00");
        assert_eq!(text("昨天 22:15"), "2024-09-13T22:15:00+08:00");
        assert_eq!(text("3小时前"), "2024-09-14T06:00:00+08:00");
        assert_eq!(text("发布于 20分钟前"), "2024-09-14T08:40:00+08:00");
        assert_eq!(text("18-03-08 23:16"), "2018-03-08T23:16:00+08:00");
    }

    #[test]
    fn metadata_values() {
        let at = |s| {
            parse_value(s, None)
                .map(|f| f.at.to_rfc3339())
                .unwrap_or_default()
        };
        assert_eq!(at("2019-09-07T13:43:45+08:00"), "2019-09-07T13:43:45+08:00");
        assert_eq!(at("2019-09-07 13:43:45"), "2019-09-07T13:43:45+08:00");
        assert_eq!(at("2020-02-12T14:17:54Z"), "2020-02-12T14:17:54+00:00");
        assert_eq!(at("1581517074"), "2020-02-12T22:17:54+08:00");
        assert_eq!(at("12345"), "");
    }

    #[test]
    fn urls() {
        let u = |s| {
            from_url(s)
                .map(|f| f.at.date_naive().to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            u("https://news.example.cn/2024/0913/c1234.html"),
            "2024-09-13"
        );
        assert_eq!(u("https://example.com/a/20240913/12.shtml"), "2024-09-13");
        assert_eq!(u("https://example.com/2024-09-13/x"), "2024-09-13");
        assert_eq!(u("https://example.com/item/987654321.html"), "");
    }

    #[test]
    fn slash_dates_and_am_pm() {
        assert_eq!(
            text("发布日期： 9/17/2004 5:54:13 PM"),
            "2004-09-17T17:54:13+08:00"
        );
        assert_eq!(
            text("发表于2005年09月07日 11:57 PM"),
            "2005-09-07T23:57:00+08:00"
        );
        assert_eq!(text("发布时间：18-03-0823:16"), "2018-03-08T23:16:00+08:00");
        assert_eq!(find_in_text("3小时前", None), None);
    }

    #[test]
    fn no_date_in_plain_numbers() {
        assert_eq!(text("营收123456元，增长12.5%"), "");
    }
}
