//! Page metadata: `<meta>` tags, JSON-LD, `<title>`, canonical URL, and the headline choice.
//!
//! The headline is the text that `<h1>`–`<h3>`, `og:title`, JSON-LD `headline` and `<title>` agree
//! on; failing agreement, `og:title`/JSON-LD, then `<title>` with its site suffix (`_网易科技`,
//! `-新浪科技`, `| 36氪`) removed.

use crate::layout::Layout;
use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the head and structured data of a page say.
#[derive(Debug, Default)]
pub struct Meta {
    /// `<meta name|property|itemprop>` → content, keys lowercased, first occurrence kept.
    pub tags: HashMap<String, String>,
    /// `<title>` text.
    pub title_tag: Option<String>,
    /// JSON-LD `headline` (or `name` of an article object).
    pub ld_headline: Option<String>,
    /// JSON-LD `datePublished`.
    pub ld_published: Option<String>,
    /// JSON-LD author name(s).
    pub ld_author: Option<String>,
    /// JSON-LD publisher name.
    pub ld_publisher: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub html_lang: Option<String>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel='canonical']"));
static HTML_TAG: LazyLock<Selector> = LazyLock::new(|| sel("html"));

/// Collapses whitespace and trims.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Reads the metadata of a parsed page.
pub fn read(html: &Html) -> Meta {
    let mut meta = Meta::default();
    for el in html.select(&META).take(500) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            let content = clean(content);
            if !content.is_empty() {
                meta.tags
                    .entry(key.trim().to_ascii_lowercase())
                    .or_insert(content);
            }
        }
    }
    meta.title_tag = html
        .select(&TITLE)
        .next()
        .map(|t| clean(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    for script in html.select(&LD).take(20) {
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(raw.trim()) {
            read_ld(&value, &mut meta, 0);
        }
    }
    meta.canonical = html
        .select(&CANONICAL)
        .find_map(|l| l.attr("href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_owned)
        .or_else(|| {
            meta.tags
                .get("og:url")
                .filter(|u| u.starts_with("http"))
                .cloned()
        });
    meta.html_lang = html
        .select(&HTML_TAG)
        .next()
        .and_then(|h| h.attr("lang"))
        .map(|l| l.trim().to_ascii_lowercase());
    meta
}

fn ld_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)),
        Value::Object(o) => o.get("name").and_then(ld_name),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(ld_name)
                .filter(|n| !n.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(" "))
        }
        _ => None,
    }
}

fn read_ld(value: &Value, meta: &mut Meta, depth: u32) {
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| read_ld(v, meta, depth + 1)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                read_ld(graph, meta, depth + 1);
            }
            if meta.ld_headline.is_none() {
                meta.ld_headline = o
                    .get("headline")
                    .and_then(Value::as_str)
                    .map(clean)
                    .filter(|s| !s.is_empty());
            }
            if meta.ld_published.is_none() {
                meta.ld_published = o
                    .get("datePublished")
                    .or_else(|| o.get("pubDate"))
                    .or_else(|| o.get("uploadDate"))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
            }
            if meta.ld_author.is_none() {
                meta.ld_author = o.get("author").and_then(ld_name).filter(|s| !s.is_empty());
            }
            if meta.ld_publisher.is_none() {
                meta.ld_publisher = o
                    .get("publisher")
                    .and_then(ld_name)
                    .filter(|s| !s.is_empty());
            }
        }
        _ => {}
    }
}

/// Separators between a headline and the site name in `<title>`.
const SEPARATORS: &[&str] = &["_", "|", "｜", " - ", "--", "-", "—", "–", "::", " · ", "·"];

/// `<title>` without trailing site segments (`标题_科技_腾讯网` → `标题`), and the removed suffix.
pub fn strip_site_suffix(title: &str) -> (String, Option<String>) {
    let mut rest = title.trim().to_owned();
    let mut removed: Option<String> = None;
    for _ in 0..4 {
        let cut = SEPARATORS
            .iter()
            .filter_map(|sep| rest.rfind(sep).map(|i| (i, sep.len())))
            .max_by_key(|(i, _)| *i);
        let Some((i, len)) = cut else { break };
        let head = rest[..i].trim();
        let tail = rest[i + len..].trim();
        if head.chars().count() < 4 || tail.chars().count() > 16 {
            break;
        }
        if removed.is_none() && !tail.is_empty() {
            removed = Some(tail.to_owned());
        }
        rest = head.to_owned();
    }
    (rest, removed)
}

fn norm_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '“' | '”' | '＂' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect()
}

/// The chosen headline and, when found, the index of its line in the layout.
pub fn title(meta: &Meta, layout: &Layout) -> (Option<String>, Option<usize>) {
    let og = meta
        .tags
        .get("og:title")
        .or_else(|| meta.tags.get("twitter:title"))
        .map(|s| clean(s));
    let references: Vec<String> = [meta.title_tag.clone(), og.clone(), meta.ld_headline.clone()]
        .into_iter()
        .flatten()
        .map(|s| norm_key(&s))
        .filter(|s| !s.is_empty())
        .collect();

    // A heading that one of the head titles contains: the best evidence there is. A heading much
    // shorter than the title's own headline part is a section name ("新闻动态"), not the headline.
    let min_chars =
        meta.title_tag
            .as_deref()
            .map_or(4, |t| (strip_site_suffix(t).0.chars().count() / 2).max(4)) as u32;
    let mut best: Option<(usize, usize, u8)> = None; // (index, chars, level)
    for (i, block) in layout.blocks.iter().enumerate() {
        if block.heading == 0 || block.heading > 3 || block.chars < min_chars || block.chars > 120 {
            continue;
        }
        let key = norm_key(&block.text);
        if references.iter().any(|r| r.contains(&key)) {
            let better = match best {
                None => true,
                Some((_, chars, level)) => {
                    block.heading < level
                        || (block.heading == level && block.chars as usize > chars)
                }
            };
            if better {
                best = Some((i, block.chars as usize, block.heading));
            }
        }
    }
    if let Some((i, _, _)) = best {
        return (Some(layout.blocks[i].text.clone()), Some(i));
    }

    // A line of the page equal to one segment of <title> (`站名--标题`, `标题 栏目名`).
    if let Some(t) = &meta.title_tag {
        let pieces: Vec<String> = t
            .split(['_', '|', '｜', '-', '—', ' '])
            .map(norm_key)
            .filter(|s| !s.is_empty())
            .collect();
        let segments: Vec<&String> = pieces.iter().filter(|s| s.chars().count() >= 6).collect();
        let lengths: Vec<usize> = segments.iter().map(|s| s.chars().count()).collect();
        if pieces.len() > 1 && !segments.is_empty() {
            let found = layout.blocks.iter().enumerate().find(|(_, b)| {
                b.chars >= 6
                    && b.chars <= 120
                    && !b.noisy
                    && lengths.contains(&(b.chars as usize))
                    && segments.contains(&&norm_key(&b.text))
            });
            if let Some((i, b)) = found {
                return (Some(b.text.clone()), Some(i));
            }
        }
    }
    let head_title = og
        .as_ref()
        .filter(|o| o.chars().count() >= 4)
        .map(|o| strip_site_suffix(o).0)
        .or_else(|| meta.ld_headline.clone())
        .or_else(|| meta.title_tag.as_ref().map(|t| strip_site_suffix(t).0))
        .filter(|t| !t.is_empty());
    // A non-heading line equal to the head title (sites that style a <div> as the headline).
    if let Some(t) = &head_title {
        let key = norm_key(t);
        if let Some(i) = layout
            .blocks
            .iter()
            .position(|b| b.chars as usize >= 4 && norm_key(&b.text) == key)
        {
            return (Some(layout.blocks[i].text.clone()), Some(i));
        }
        // The title tag's text may extend a shorter heading (`<h1>标题</h1>` vs `标题 - 站名`).
        return (Some(t.clone()), None);
    }
    let h1 = layout
        .blocks
        .iter()
        .position(|b| b.heading == 1 && !b.noisy && b.chars >= 4);
    (h1.map(|i| layout.blocks[i].text.clone()), h1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn run(page: &str) -> Option<String> {
        let html = Html::parse_document(page);
        let meta = read(&html);
        let layout = crate::layout::build(&html, None, &HashSet::new());
        title(&meta, &layout).0
    }

    #[test]
    fn site_suffixes_are_removed() {
        assert_eq!(
            strip_site_suffix("某公司发布新芯片_科技_腾讯网").0,
            "某公司发布新芯片"
        );
        assert_eq!(
            strip_site_suffix("某公司发布新芯片-新浪科技").0,
            "某公司发布新芯片"
        );
        assert_eq!(
            strip_site_suffix("某公司发布新芯片 | 36氪").0,
            "某公司发布新芯片"
        );
        assert_eq!(
            strip_site_suffix("某公司发布新芯片_网易科技").1.as_deref(),
            Some("网易科技")
        );
    }

    #[test]
    fn heading_agreeing_with_title_wins() {
        let page = "<title>棱镜|数据公司整顿观察_腾讯新闻</title><meta property='og:title' content='棱镜'>\
                    <h2>热门推荐</h2><h1>棱镜|数据公司整顿观察</h1>";
        assert_eq!(run(page).as_deref(), Some("棱镜|数据公司整顿观察"));
    }

    #[test]
    fn og_title_then_title_tag() {
        let page = "<title>标题甲乙丙丁 - 某某网</title><meta property='og:title' content='标题甲乙丙丁'><h1>网站名称</h1>";
        assert_eq!(run(page).as_deref(), Some("标题甲乙丙丁"));
        assert_eq!(
            run("<title>新品发布会今日举行_某某财经</title>").as_deref(),
            Some("新品发布会今日举行")
        );
    }

    #[test]
    fn json_ld_is_read() {
        let html = Html::parse_document(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"甲","datePublished":"2024-01-02T03:04:05+08:00","author":[{"name":"张三"},{"name":"李四"}]}]}</script>"#,
        );
        let meta = read(&html);
        assert_eq!(meta.ld_headline.as_deref(), Some("甲"));
        assert_eq!(meta.ld_author.as_deref(), Some("张三 李四"));
        assert!(meta.ld_published.is_some());
    }
}
