//! Readers for pages whose article lives in embedded JSON rather than in the markup.
//!
//! Single-page-app news sites ship the article as JSON in `<script id="__NEXT_DATA__">`,
//! `window.__INITIAL_STATE__ = {…}` or `window.DATA = {…}`. The reader parses that JSON and takes
//! the longest string that is article HTML (has `<p>`) or long punctuated prose, and the title and
//! publish time fields next to it when they are there.

use crate::layout;
use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::LazyLock;

/// An article read from embedded JSON.
#[derive(Debug, Default)]
pub struct Embedded {
    /// Body lines.
    pub lines: Vec<String>,
    /// Non-whitespace characters in the lines.
    pub chars: usize,
    /// A `title` string found in the same object as the body, if any.
    pub title: Option<String>,
    /// A publish-time value found in the same object as the body, if any.
    pub published: Option<String>,
}

static SCRIPT: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("script").expect("static selector"));

/// Markers that introduce embedded article JSON.
const MARKERS: &[&str] = &[
    "window.__INITIAL_STATE__",
    "window.DATA",
    "window.__DATA__",
    "window.__NUXT__",
    "__INITIAL_STATE__",
    "window.__PRELOADED_STATE__",
];

/// Largest script parsed, so a huge inline blob cannot stall extraction.
const MAX_SCRIPT: usize = 4 * 1024 * 1024;

/// Finds and reads embedded article JSON.
pub fn read(html: &Html) -> Option<Embedded> {
    let mut best: Option<Embedded> = None;
    for script in html.select(&SCRIPT) {
        let is_next = script.attr("id") == Some("__NEXT_DATA__");
        let text: String = script.text().collect();
        if text.len() > MAX_SCRIPT || text.len() < 200 {
            continue;
        }
        let json_start = if is_next {
            text.find('{')
        } else {
            MARKERS.iter().find_map(|m| {
                let at = text.find(m)?;
                let rest = &text[at + m.len()..];
                let eq = rest.find('=')?;
                if rest[..eq].trim().is_empty() {
                    rest[eq..].find('{').map(|b| at + m.len() + eq + b)
                } else {
                    None
                }
            })
        };
        let Some(start) = json_start else { continue };
        let mut stream = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
        let Some(Ok(value)) = stream.next() else {
            continue;
        };
        let mut found = Candidate::default();
        walk(&value, &mut found, 0);
        if let Some(found) = found.into_embedded()
            && best.as_ref().is_none_or(|b| found.chars > b.chars)
        {
            best = Some(found);
        }
    }
    best
}

#[derive(Default)]
struct Candidate {
    body: Option<(usize, String)>,
    title: Option<String>,
    published: Option<String>,
}

impl Candidate {
    fn into_embedded(self) -> Option<Embedded> {
        let (_, raw) = self.body?;
        let lines = html_to_lines(&raw);
        let chars = lines
            .iter()
            .map(|l| l.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        Some(Embedded {
            lines,
            chars,
            title: self.title,
            published: self.published,
        })
    }
}

fn prose_score(s: &str) -> usize {
    let cjk = s.chars().filter(|&c| layout::is_cjk(c)).count();
    let punct = s.chars().filter(|&c| layout::is_punct(c)).count();
    if cjk < 100 || punct < 5 {
        return 0;
    }
    cjk
}

fn walk(value: &Value, found: &mut Candidate, depth: u32) {
    if depth > 40 {
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if let Value::String(s) = v {
                    let score = prose_score(s);
                    if score > 0 && found.body.as_ref().is_none_or(|(b, _)| score > *b) {
                        found.body = Some((score, s.clone()));
                        found.title = ["title", "headline", "articleTitle"]
                            .iter()
                            .find_map(|k| map.get(*k).and_then(Value::as_str))
                            .map(crate::meta::clean);
                        found.published = [
                            "publishTime",
                            "publish_time",
                            "pubTime",
                            "ptime",
                            "pubDate",
                            "publishDate",
                            "datePublished",
                            "createTime",
                            "ctime",
                        ]
                        .iter()
                        .find_map(|k| match map.get(*k) {
                            Some(Value::String(s)) => Some(s.clone()),
                            Some(Value::Number(n)) => Some(n.to_string()),
                            _ => None,
                        });
                    }
                    let _ = key;
                } else {
                    walk(v, found, depth + 1);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, found, depth + 1)),
        _ => {}
    }
}

/// Article HTML (or plain text) to lines.
fn html_to_lines(raw: &str) -> Vec<String> {
    if !raw.contains('<') {
        return raw
            .lines()
            .map(crate::meta::clean)
            .filter(|l| !l.is_empty())
            .collect();
    }
    let fragment = Html::parse_fragment(raw);
    let layout = layout::build(&fragment, None, &HashSet::new());
    layout
        .blocks
        .into_iter()
        .filter(|b| b.link_density() < 0.5)
        .map(|b| b.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose() -> String {
        "这是一段嵌在脚本里的正文，记者从发布会现场了解到，新产品将在下个月上市。".repeat(6)
    }

    #[test]
    fn next_data_article_html() {
        let json = serde_json::json!({"props": {"pageProps": {"article": {"title": "嵌入标题", "publishTime": "2024-09-13 10:20", "content": format!("<p>{}</p><p>第二段，结束。</p>", prose())}}}});
        let page = format!(
            "<html><body><div id=root></div><script id=\"__NEXT_DATA__\" type=\"application/json\">{json}</script></body></html>"
        );
        let e = read(&Html::parse_document(&page)).unwrap();
        assert_eq!(e.lines.len(), 2);
        assert_eq!(e.title.as_deref(), Some("嵌入标题"));
        assert_eq!(e.published.as_deref(), Some("2024-09-13 10:20"));
    }

    #[test]
    fn window_state_assignment() {
        let json = serde_json::json!({"detail": {"ptime": 1726194000, "body": prose()}});
        let page = format!("<script>window.__INITIAL_STATE__ = {json};(function(){{}})()</script>");
        let e = read(&Html::parse_document(&page)).unwrap();
        assert!(e.lines[0].starts_with("这是一段"));
        assert_eq!(e.published.as_deref(), Some("1726194000"));
        let none = read(&Html::parse_document(
            "<script>window.DATA = {\"a\": 1}</script>",
        ));
        assert!(none.is_none());
    }
}
