//! Chinese news pages to articles: HTML bytes in, [`Article`] out.
//!
//! Decodes the bytes (GBK and friends included, see [`decode`]), parses them once, lays the page out
//! as text lines ([`layout`]), then reads the headline and metadata ([`meta`]), the body ([`body`],
//! with site profiles from `config/sites.toml` in [`sites`] and embedded-JSON readers in
//! [`embedded`]), the publish time ([`time`]), the author ([`author`]), the language and the page
//! kind. Pure and synchronous: no network, no printing. The work is bounded: input beyond [`MAX_BYTES`] is cut
//! before parsing and every walk over the tree is iterative.

pub mod author;
pub mod body;
pub mod decode;
pub mod embedded;
pub mod layout;
pub mod meta;
pub mod prepare;
pub mod sites;
pub mod time;

use chrono::{DateTime, FixedOffset};
use regex::Regex;
use scraper::Html;
use std::collections::HashSet;
use std::sync::LazyLock;
use zhnews_model::{Article, PageKind, PublishedSource};

/// What the caller knows about the page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct PageInfo<'a> {
    /// The URL the page came from.
    pub url: Option<&'a str>,
    /// The charset from the HTTP `Content-Type` header.
    pub http_charset: Option<&'a str>,
    /// When it was fetched, to resolve year-less and relative times.
    pub fetched_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// Why a page gives no article.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The bytes are not text (binary data such as a PDF or an image).
    #[error("not an HTML or text page (binary data)")]
    Binary,
    /// The page is empty.
    #[error("empty page")]
    Empty,
}

/// Pages are cut to this many bytes before parsing; real article pages are far smaller, and the cut
/// bounds the time a 20 MB page can take.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Turns page bytes into an article.
pub fn extract(bytes: &[u8], info: &PageInfo<'_>) -> Result<Article, ArticleError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ArticleError::Empty);
    }
    if decode::looks_binary(bytes) {
        return Err(ArticleError::Binary);
    }
    let bytes = &bytes[..bytes.len().min(MAX_BYTES)];
    let url_host = info.url.and_then(host_of);
    let tld = url_host
        .as_deref()
        .and_then(|h| h.rsplit('.').next())
        .map(str::as_bytes);
    let decoded = decode::decode(bytes, info.http_charset, tld);
    let html = Html::parse_document(&prepare::prepare(&decoded.text, MAX_DEPTH));
    let meta = meta::read(&html);

    let canonical = meta
        .canonical
        .as_deref()
        .and_then(|c| match info.url.and_then(|u| url::Url::parse(u).ok()) {
            Some(base) => base.join(c).ok().map(String::from),
            None => url::Url::parse(c).ok().map(String::from),
        })
        .or_else(|| info.url.map(str::to_owned))
        .filter(|c| !c.is_empty());
    let page_url = info.url.map(str::to_owned).or_else(|| canonical.clone());
    let host = page_url.as_deref().and_then(host_of);
    let profile = host.as_deref().and_then(|h| sites::PROFILES.for_host(h));

    let mut noise = HashSet::new();
    if let Some(site) = profile {
        for selector in &site.noise {
            noise.extend(html.select(selector).map(|e| e.id()));
        }
    }
    let layout = layout::build(&html, None, &noise);
    let (mut title, title_idx) = meta::title(&meta, &layout);

    let region = profile
        .and_then(|site| profile_region(&html, &layout, site))
        .or_else(|| body::choose_region(&html, &layout, title_idx));
    let rules = &sites::PROFILES.boilerplate;
    let mut body = match region {
        Some(r) => body::clean_lines(&layout, r, title.as_deref(), rules),
        None => body::Body::default(),
    };

    let mut embedded_time = None;
    if body.chars < 300
        && let Some(e) = embedded::read(&html)
        && e.chars > body.chars * 3 / 2 + 50
    {
        body.lines = e.lines.into_iter().filter(|l| !rules.drops(l)).collect();
        body.chars = e.chars;
        body.punct = body
            .lines
            .iter()
            .flat_map(|l| l.chars())
            .filter(|&c| layout::is_punct(c))
            .count();
        if title.is_none() {
            title = e.title;
        }
        embedded_time = e.published;
    }

    let (published_at, published_source) = publish_time(
        &meta,
        &layout,
        &html,
        title_idx,
        region,
        embedded_time.as_deref(),
        page_url.as_deref(),
        info.fetched_at,
    );
    let author = author::find(&meta, &layout, title_idx, region);
    let body_text = body.lines.join("\n");
    let lang = language(&body_text, &layout, meta.html_lang.as_deref());
    let kind = classify(
        &layout,
        &body,
        host.as_deref(),
        page_url.as_deref(),
        profile,
        lang.as_deref(),
        title_idx.is_some(),
    );
    let site = site_name(&meta, profile, host.as_deref());

    Ok(Article {
        url: info.url.map(str::to_owned),
        canonical_url: canonical,
        title,
        published_at,
        published_source,
        author,
        site,
        body: body_text,
        encoding: Some(decoded.encoding.to_owned()),
        lang,
        kind,
    })
}

/// Deepest element nesting parsed. Real pages stay below a few hundred levels; the HTML tree
/// builder's scope checks walk the open-element stack, so thousands of unclosed elements would make
/// parsing quadratic. The text is cut where the nesting passes this depth.
pub const MAX_DEPTH: usize = 2000;
fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()?
        .host_str()
        .map(|h| h.to_ascii_lowercase())
}

/// The region of the first profile body selector that holds enough text.
fn profile_region(
    html: &Html,
    layout: &layout::Layout,
    site: &sites::Site,
) -> Option<(usize, usize)> {
    for selector in &site.body {
        for el in html.select(selector) {
            let Some(&(a, b)) = layout.ranges.get(&el.id()) else {
                continue;
            };
            let chars: u32 = layout.blocks[a as usize..b as usize]
                .iter()
                .filter(|b| !b.noisy)
                .map(|b| b.chars - b.link_chars)
                .sum();
            if chars >= 80 {
                return Some((a as usize, b as usize));
            }
        }
    }
    None
}

/// Meta names that carry the publish time, most specific first.
const TIME_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish_date",
    "pubdate",
    "ptime",
    "apub:time",
    "publishtime",
    "publish-time",
    "publish_time",
    "release_date",
    "og:release_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "weibo: article:create_at",
    "created",
    "firstpublishedtime",
    "article:created",
    "date",
    "pubtime",
    "lastmod",
];

static BYLINE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"发布|时间|日期|来源|作者|编辑|发表|记者|更新|稿|浏览|阅读|点击").expect("regex")
});
static WECHAT_CT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"var\s+ct\s*=\s*"(\d{10})""#).expect("regex"));

#[allow(clippy::too_many_arguments)]
fn publish_time(
    meta: &meta::Meta,
    layout: &layout::Layout,
    html: &Html,
    title_idx: Option<usize>,
    region: Option<(usize, usize)>,
    embedded: Option<&str>,
    url: Option<&str>,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> (Option<DateTime<FixedOffset>>, Option<PublishedSource>) {
    let text = text_time(layout, title_idx, region, fetched_at);
    let structured = meta
        .ld_published
        .as_deref()
        .and_then(|v| time::parse_value(v, fetched_at))
        .map(|f| (f, PublishedSource::Jsonld))
        .or_else(|| {
            TIME_META.iter().find_map(|name| {
                meta.tags
                    .get(*name)
                    .and_then(|v| time::parse_value(v, fetched_at))
                    .map(|f| (f, PublishedSource::Meta))
            })
        });
    if let Some((f, source)) = structured {
        // A date-only meta value yields to the byline's time on the same day.
        if let Some(t) =
            text.filter(|t| !f.has_time && t.has_time && t.at.date_naive() == f.at.date_naive())
        {
            return (Some(t.at), Some(PublishedSource::Text));
        }
        return (Some(f.at), Some(source));
    }
    if let Some(found) = text {
        return (Some(found.at), Some(PublishedSource::Text));
    }
    if let Some(f) = embedded.and_then(|v| time::parse_value(v, fetched_at)) {
        return (Some(f.at), Some(PublishedSource::Meta));
    }
    if let Some(f) = script_time(html) {
        return (Some(f.at), Some(PublishedSource::Meta));
    }
    if let Some(f) = url.and_then(time::from_url) {
        return (Some(f.at), Some(PublishedSource::Url));
    }
    if let Some(at) = issue_date(layout) {
        return (Some(at), Some(PublishedSource::Text));
    }
    (None, None)
}

/// How trustworthy a found time is: an explicit year with a time of day beats a bare date, which
/// beats year-less and relative forms.
fn time_rank(f: &time::Found, line: &str) -> u8 {
    let explicit_year = time::has_explicit_year(&line[f.pos..]);
    match (explicit_year, f.has_time) {
        (true, true) => 3,
        (true, false) => 2,
        (false, true) => 1,
        (false, false) => 0,
    }
}

/// The byline time: the best-ranked date between the headline and the start of the body (or just
/// inside it), a line with a byline word ("发布时间", "来源") preferred among equals, and a date-only
/// match yielding to a time on the same day. Without one, a "发表于 …" line after the body (blogs,
/// forums) or any line that announces a publish time.
fn text_time(
    layout: &layout::Layout,
    title_idx: Option<usize>,
    region: Option<(usize, usize)>,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> Option<time::Found> {
    let blocks = &layout.blocks;
    let n = blocks.len();
    let (from, to) = match (title_idx, region) {
        (Some(t), Some((s, _))) if t < s => (t + 1, (s + 4).max(t + 12).min(n)),
        (Some(t), _) => (t + 1, (t + 15).min(n)),
        (None, Some((s, _))) => (s.saturating_sub(12), (s + 8).min(n)),
        (None, None) => (0, n.min(60)),
    };
    // The header zone (headline to body start) is searched first; the first body lines only
    // when the header has no date, so a dated list further down cannot outrank the byline.
    let split = match region {
        Some((s, _)) if s > from && s < to => s,
        _ => to,
    };
    let mut best: Option<((bool, u8, bool), time::Found)> = None;
    let mut candidates: Vec<time::Found> = Vec::new();
    for (zone, (lo, hi)) in [(from, split), (split, to)].into_iter().enumerate() {
        if best.is_some() {
            break;
        }
        for b in blocks.iter().take(hi).skip(lo.min(n)) {
            // Header-zone lines count even inside chrome-classed wrappers ("post_info"); below
            // the body start, chrome is where the decoy dates are.
            if b.chars > 200 || (zone == 1 && (b.noisy || b.chars > 60)) {
                continue;
            }
            if let Some(f) = time::find_in_text(&b.text, fetched_at) {
                let rank = time_rank(&f, &b.text);
                let strong = rank >= 2 && STRONG_HINT.is_match(&b.text);
                let hinted = BYLINE_HINT.is_match(&b.text) || b.chars < 30;
                let key = (strong, rank, hinted);
                if best.is_none_or(|(k, _)| key > k) {
                    best = Some((key, f));
                }
                candidates.push(f);
            }
        }
    }
    if let Some((_, f)) = best {
        if !f.has_time
            && let Some(better) = candidates
                .iter()
                .find(|g| g.has_time && g.at.date_naive() == f.at.date_naive())
        {
            return Some(*better);
        }
        return Some(f);
    }
    // A bare date line above the body (the headline was not found, or sits far above).
    if let Some((start, _)) = region {
        let above = blocks[..start.min(n)].iter().rev().take(40);
        if let Some(f) = above
            .filter(|b| b.chars <= 25 && !b.noisy && b.link_chars == 0)
            .find_map(|b| time::find_in_text(&b.text, fetched_at))
        {
            return Some(f);
        }
    }
    // A forum thread's region can span several posts: the first "发布时间 … by" line from the
    // region's start on is the opening post's, later ones are replies.
    if let Some((start, end)) = region {
        let after = blocks
            .iter()
            .take(end.saturating_sub(2).max(start) + 12)
            .skip(start);
        if let Some(f) = after
            .filter(|b| b.chars <= 160 && POSTED.is_match(&b.text))
            .find_map(|b| time::find_in_text(&b.text, fetched_at))
        {
            return Some(f);
        }
    }
    blocks
        .iter()
        .filter(|b| !b.noisy && b.chars <= 120 && BYLINE_HINT.is_match(&b.text))
        .find_map(|b| time::find_in_text(&b.text, fetched_at).filter(|f| f.has_time))
}

/// "——《某刊》1998年3月号": a magazine issue line, the only date many reprinted essays carry.
static ISSUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"》\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月号").expect("regex"));

/// The first day of the month of a magazine issue named on a short line, when nothing better dates
/// the page (the month is all such a page says).
fn issue_date(layout: &layout::Layout) -> Option<DateTime<FixedOffset>> {
    let c = layout
        .blocks
        .iter()
        .filter(|b| b.chars <= 60)
        .find_map(|b| ISSUE.captures(&b.text))?;
    let date = chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, 1)?;
    let offset = FixedOffset::east_opt(8 * 3600)?;
    date.and_hms_opt(0, 0, 0)?
        .and_local_timezone(offset)
        .single()
}

static STRONG_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"发布时间|发表时间|发布日期|发表日期|更新时间|时间\s*[:：]|日期\s*[:：]|发表于|发布于",
    )
    .expect("regex")
});

static POSTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"发表于|发布于|发表时间|发布时间|posted|Posted").expect("regex"));

fn script_time(html: &Html) -> Option<time::Found> {
    static SCRIPT: LazyLock<scraper::Selector> =
        LazyLock::new(|| scraper::Selector::parse("script").expect("static selector"));
    for script in html.select(&SCRIPT) {
        for text in script.text() {
            if let Some(c) = WECHAT_CT.captures(text) {
                return time::parse_value(&c[1], None);
            }
        }
    }
    None
}

/// `zh`, `ja`, `ko`, `en` (or another Latin-script language reported as `en`) from the characters.
fn language(body: &str, layout: &layout::Layout, html_lang: Option<&str>) -> Option<String> {
    let count =
        |text: &str, han: &mut usize, kana: &mut usize, hangul: &mut usize, latin: &mut usize| {
            for c in text.chars() {
                match c {
                    '\u{3040}'..='\u{30FF}' => *kana += 1,
                    '\u{AC00}'..='\u{D7AF}' => *hangul += 1,
                    c if layout::is_cjk(c) => *han += 1,
                    c if c.is_ascii_alphabetic() => *latin += 1,
                    _ => {}
                }
            }
        };
    let (mut han, mut kana, mut hangul, mut latin) = (0, 0, 0, 0);
    count(body, &mut han, &mut kana, &mut hangul, &mut latin);
    if han + kana + hangul + latin < 50 {
        for b in layout.blocks.iter().take(400) {
            count(&b.text, &mut han, &mut kana, &mut hangul, &mut latin);
        }
    }
    let total = han + kana + hangul + latin;
    if total == 0 {
        return html_lang.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_owned());
    }
    let lang = if kana * 10 > han + kana && kana >= 10 {
        "ja"
    } else if hangul * 3 > total {
        "ko"
    } else if han * 8 >= latin && han >= 10 {
        "zh"
    } else {
        "en"
    };
    Some(lang.to_owned())
}

static FORUM_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"楼主|只看该作者|只看楼主|发表于|回复本楼|沙发|板凳|\d+楼|个回答|回答数|关注问题|写回答|收起评论").expect("regex")
});

fn classify(
    layout: &layout::Layout,
    body: &body::Body,
    host: Option<&str>,
    url: Option<&str>,
    profile: Option<&sites::Site>,
    lang: Option<&str>,
    has_headline: bool,
) -> PageKind {
    if let (Some(site), Some(url)) = (profile, url) {
        let path = url::Url::parse(url)
            .map(|u| u.path().to_owned())
            .unwrap_or_default();
        if let Some(kind) = site.kind_for(&path) {
            return kind;
        }
    }
    if host
        .is_some_and(|h| h.starts_with("bbs.") || h.starts_with("forum.") || h.starts_with("club."))
    {
        return PageKind::Other;
    }
    if lang.is_some_and(|l| l != "zh") {
        return PageKind::Other;
    }
    let total: u32 = layout.blocks.iter().map(|b| b.chars).sum();
    let links: u32 = layout.blocks.iter().map(|b| b.link_chars).sum();
    let link_lines = layout
        .blocks
        .iter()
        .filter(|b| b.link_density() > 0.7 && (6..=60).contains(&b.chars))
        .count();
    if body.chars < 50 || body.punct == 0 {
        return if link_lines >= 15 || (total > 0 && links * 2 > total) {
            PageKind::List
        } else {
            PageKind::Other
        };
    }
    // A headline that the head agrees with, over punctuated text: an article however many links
    // surround it. Without that evidence, a small text region among long link lists is a list.
    if !has_headline && link_lines >= 40 && (body.chars as u32) * 3 < links && body.punct < 25 {
        return PageKind::List;
    }
    // Thread and comment listings: a large share of the lines are bare counters and times.
    let numeric_lines = body
        .lines
        .iter()
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
        })
        .count();
    if numeric_lines >= 15 && numeric_lines * 4 >= body.lines.len() {
        return PageKind::List;
    }
    let forum_marks = layout
        .blocks
        .iter()
        .filter(|b| b.chars < 80 && FORUM_MARK.is_match(&b.text))
        .count();
    if forum_marks >= 6 {
        return PageKind::Other;
    }
    PageKind::Article
}

fn site_name(
    meta: &meta::Meta,
    profile: Option<&sites::Site>,
    host: Option<&str>,
) -> Option<String> {
    meta.tags
        .get("og:site_name")
        .cloned()
        .or_else(|| meta.tags.get("application-name").cloned())
        .or_else(|| meta.ld_publisher.clone())
        .or_else(|| {
            meta.title_tag
                .as_deref()
                .and_then(|t| meta::strip_site_suffix(t).1)
        })
        .or_else(|| profile.and_then(|p| p.name.clone()))
        .or_else(|| host.map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(page: &str, url: Option<&str>) -> Article {
        let fetched = DateTime::parse_from_rfc3339("2024-09-14T09:00:00+08:00").unwrap();
        extract(
            page.as_bytes(),
            &PageInfo {
                url,
                http_charset: None,
                fetched_at: Some(fetched),
            },
        )
        .unwrap()
    }

    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>第{i}段：这家公司今年的研发投入继续增加，管理层在发布会上表示，新产品将在明年上市，并计划扩大海外市场。</p>"))
            .collect()
    }

    #[test]
    fn forum_thread_time_is_the_first_posts() {
        let post = |text: &str, at: &str, who: &str| {
            format!(
                "<tr><td>{who}</td><td>{text}<p>〓 某论坛 发布时间 {at} by <a href=/u>{who}</a> 〓</p></td></tr>"
            )
        };
        let page = format!(
            "<html><head><title>观影随笔</title></head><body><h1>观影随笔</h1><table>{}{}</table></body></html>",
            post(&paragraphs(4), "2006/04/02 21:10:05", "楼上客"),
            post(&paragraphs(5), "2006/06/03 08:00:00", "回帖人")
        );
        assert_eq!(
            article(&page, None).published_at.unwrap().to_rfc3339(),
            "2006-04-02T21:10:05+08:00"
        );
    }

    #[test]
    fn magazine_issue_dates_an_undated_essay() {
        let page = format!(
            "<html><head><title>论言论自由</title></head><body><h1>论言论自由</h1>\
             <div class=content>{}<p>——《某某评论》2001年7月号</p></div></body></html>",
            paragraphs(5)
        );
        let a = article(&page, None);
        assert_eq!(
            a.published_at.unwrap().to_rfc3339(),
            "2001-07-01T00:00:00+08:00"
        );
        assert_eq!(a.published_source, Some(PublishedSource::Text));
    }

    #[test]
    fn byline_time_beats_decoys_and_author_is_read() {
        let page = format!(
            "<html><head><title>某公司发布新品_某某科技</title></head><body>\
             <div class=top>2020-01-01 10:00 网站公告</div>\
             <h1>某公司发布新品</h1><div class=byline>2024年9月13日 10:20 来源：某某日报 作者：张伟</div>\
             <div class=content>{}</div>\
             <div class=list><p>2023-05-06 11:00 往期文章</p></div></body></html>",
            paragraphs(5)
        );
        let a = article(&page, None);
        assert_eq!(a.title.as_deref(), Some("某公司发布新品"));
        assert_eq!(
            a.published_at.unwrap().to_rfc3339(),
            "2024-09-13T10:20:00+08:00"
        );
        assert_eq!(a.published_source, Some(PublishedSource::Text));
        assert_eq!(a.author.as_deref(), Some("张伟"));
        assert_eq!(a.kind, PageKind::Article);
        assert_eq!(a.lang.as_deref(), Some("zh"));
        assert_eq!(a.body.lines().count(), 5);
    }

    #[test]
    fn meta_time_and_url_fallback() {
        let page = format!(
            "<meta name=pubdate content='2024-09-10 08:00:00'><h1>标题文字很好</h1>{}",
            paragraphs(3)
        );
        let a = article(&page, None);
        assert_eq!(a.published_source, Some(PublishedSource::Meta));
        assert_eq!(
            a.published_at.unwrap().to_rfc3339(),
            "2024-09-10T08:00:00+08:00"
        );
        let b = article(
            &format!("<h1>标题文字很好</h1>{}", paragraphs(3)),
            Some("https://news.example.cn/2024/0911/c1.html"),
        );
        assert_eq!(b.published_source, Some(PublishedSource::Url));
        assert_eq!(
            b.published_at.unwrap().date_naive().to_string(),
            "2024-09-11"
        );
    }

    #[test]
    fn list_pages_are_lists() {
        let items: String = (0..40).map(|i| format!("<li><a href='/n/{i}'>第{i}条新闻的标题在这里显示</a><span>09-1{} 10:00</span></li>", i % 9)).collect();
        let a = article(
            &format!("<title>滚动新闻_某某网</title><ul>{items}</ul>"),
            None,
        );
        assert_eq!(a.kind, PageKind::List);
    }

    #[test]
    fn forum_hosts_and_foreign_pages_are_other() {
        let a = article(
            &format!("<h1>帖子</h1>{}", paragraphs(4)),
            Some("https://tieba.baidu.com/p/123"),
        );
        assert_eq!(a.kind, PageKind::Other);
        let ja = "<p>これは日本語の記事です。東京で新しい製品が発表されました。詳しい情報はまだありません。</p>".repeat(5);
        let b = article(&ja, None);
        assert_eq!(b.lang.as_deref(), Some("ja"));
        assert_eq!(b.kind, PageKind::Other);
    }

    #[test]
    fn bad_input_is_an_error_or_a_result() {
        assert!(matches!(
            extract(b"   ", &PageInfo::default()),
            Err(ArticleError::Empty)
        ));
        assert!(matches!(
            extract(b"%PDF-1.4\x00\x00\x01", &PageInfo::default()),
            Err(ArticleError::Binary)
        ));
        let truncated = "<html><body><div><p>没有结束的页面，内容到这里就断了".as_bytes();
        assert!(extract(truncated, &PageInfo::default()).is_ok());
        let deep = "<div>".repeat(100_000) + "深层嵌套";
        assert!(extract(deep.as_bytes(), &PageInfo::default()).is_ok());
        let a = extract(b"<html><body></body></html>", &PageInfo::default()).unwrap();
        assert_eq!(a.body, "");
        assert_ne!(a.kind, PageKind::Article);
    }

    #[test]
    fn huge_and_mixed_pages_give_a_result() {
        let para = "<div><p>这是一段很长的页面里的正文，用来检验大页面会被截断处理。</p></div>\n";
        let huge = para.repeat(20 * 1024 * 1024 / para.len());
        assert!(huge.len() >= 19 * 1024 * 1024);
        let a = extract(huge.as_bytes(), &PageInfo::default()).unwrap();
        assert!(a.body.len() < MAX_BYTES);
        assert!(!a.body.is_empty());

        let (gbk, _, _) =
            encoding_rs::GB18030.encode("<p>前半部分是国标编码的中文正文，内容完整。</p>");
        let mut mixed = gbk.into_owned();
        mixed.extend_from_slice("<p>后半部分却是UTF-8编码的文字。</p>".as_bytes());
        mixed.extend_from_slice(&[0xFF, 0xFE, 0x80]);
        let m = extract(&mixed, &PageInfo::default()).unwrap();
        assert!(m.encoding.is_some());
    }

    #[test]
    fn profile_selector_picks_the_body() {
        let page = format!(
            "<h1>网易标题测试文字</h1><div class=post_body><p>短正文，只有一句话，但它是正文所在。这里再补充一些内容，让它超过阈值，满足配置里的最小字数要求。</p></div><div class=other>{}</div>",
            paragraphs(3)
        );
        let a = article(&page, Some("https://www.163.com/dy/article/X.html"));
        assert!(a.body.starts_with("短正文"), "{}", a.body);
        assert_eq!(a.site.as_deref(), Some("网易"));
    }
}
