//! Discovery: article links out of RSS/Atom feeds, sitemaps (plain, index, Google News, gzipped) and
//! listing pages (a CSS selector or a URL pattern), plus `<link rel=canonical>` of a fetched page.
//!
//! Pure functions over bodies already fetched. Every URL handed back is canonicalized; links that are
//! not http(s) are dropped.

use crate::canon;
use regex::Regex;
use scraper::{Html, Selector};
use std::io::Read;
use url::Url;

/// Why a feed or sitemap could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    /// The body is not well-formed XML.
    #[error("not well-formed XML: {0}")]
    Xml(String),
    /// The XML root is not what this kind of document has.
    #[error("unexpected root element <{0}>")]
    Root(String),
    /// A gzipped body could not be decompressed.
    #[error("cannot decompress: {0}")]
    Gzip(String),
    /// A CSS selector does not parse.
    #[error("bad CSS selector `{0}`")]
    Selector(String),
}

/// What a sitemap holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SitemapLinks {
    /// Page URLs (`<urlset>`), in document order.
    pub pages: Vec<Url>,
    /// Child sitemaps (`<sitemapindex>`).
    pub sitemaps: Vec<Url>,
}

/// Largest decompressed sitemap read (the protocol's limit is 50 MB).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

fn xml_text(body: &[u8]) -> Result<String, DiscoverError> {
    let bytes: std::borrow::Cow<[u8]> = if body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body)
            .take(MAX_XML_BYTES)
            .read_to_end(&mut out)
            .map_err(|e| DiscoverError::Gzip(e.to_string()))?;
        out.into()
    } else {
        body.into()
    };
    // Feeds declare their encoding in the XML prolog; GBK feeds exist.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let label = head
        .split("encoding=")
        .nth(1)
        .and_then(|r| r.trim_start_matches(['"', '\'']).split(['"', '\'']).next())
        .unwrap_or("utf-8")
        .to_owned();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(&bytes);
    // roxmltree refuses DOCTYPEs with entities and needs no prolog; drop a BOM and the declaration.
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let text = if text.starts_with("<?xml") {
        text.split_once("?>").map_or(text, |(_, rest)| rest)
    } else {
        text
    };
    Ok(text.to_owned())
}

fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, DiscoverError> {
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .map_err(|e| DiscoverError::Xml(e.to_string()))
}

fn push(out: &mut Vec<Url>, base: &Url, href: &str) {
    if let Ok(u) = canon::resolve(base, href)
        && !out.contains(&u)
    {
        out.push(u);
    }
}

/// Article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order.
pub fn feed_links(body: &[u8], base: &Url) -> Result<Vec<Url>, DiscoverError> {
    let text = xml_text(body)?;
    let doc = parse_xml(&text)?;
    let root = doc.root_element();
    let mut out = Vec::new();
    match root.tag_name().name() {
        "rss" | "RDF" => {
            for item in root.descendants().filter(|n| n.has_tag_name("item")) {
                let link = item
                    .children()
                    .find(|c| {
                        c.tag_name().name() == "link"
                            && c.tag_name()
                                .namespace()
                                .is_none_or(|ns| !ns.contains("Atom"))
                    })
                    .and_then(|c| c.text())
                    .map(str::trim)
                    .filter(|t| !t.is_empty());
                let permalink_guid = || {
                    item.children()
                        .find(|c| c.has_tag_name("guid"))
                        .filter(|g| g.attribute("isPermaLink") != Some("false"))
                        .and_then(|g| g.text())
                        .map(str::trim)
                        .filter(|t| t.starts_with("http"))
                };
                let about = || {
                    item.attributes()
                        .find(|a| a.name() == "about")
                        .map(|a| a.value())
                };
                if let Some(href) = link.or_else(permalink_guid).or_else(about) {
                    push(&mut out, base, href);
                }
            }
        }
        "feed" => {
            for entry in root.children().filter(|n| n.tag_name().name() == "entry") {
                let links: Vec<_> = entry
                    .children()
                    .filter(|c| c.tag_name().name() == "link")
                    .collect();
                let chosen = links
                    .iter()
                    .find(|l| l.attribute("rel").is_none_or(|r| r == "alternate"))
                    .or(links.first());
                if let Some(href) = chosen.and_then(|l| l.attribute("href")) {
                    push(&mut out, base, href);
                }
            }
        }
        other => return Err(DiscoverError::Root(other.to_owned())),
    }
    Ok(out)
}

/// Page and child-sitemap links of a sitemap (`<urlset>`, Google News included) or sitemap index.
pub fn sitemap_links(body: &[u8], base: &Url) -> Result<SitemapLinks, DiscoverError> {
    let text = xml_text(body)?;
    let doc = parse_xml(&text)?;
    let root = doc.root_element();
    let mut links = SitemapLinks::default();
    let (entry, target) = match root.tag_name().name() {
        "urlset" => ("url", &mut links.pages),
        "sitemapindex" => ("sitemap", &mut links.sitemaps),
        other => return Err(DiscoverError::Root(other.to_owned())),
    };
    for node in root.children().filter(|n| n.tag_name().name() == entry) {
        let loc = node
            .children()
            .find(|c| c.tag_name().name() == "loc")
            .and_then(|c| c.text());
        if let Some(loc) = loc {
            push(target, base, loc.trim());
        }
    }
    Ok(links)
}

/// Article links of a listing page: the `href`s of elements matching `selector` (or of the links
/// inside them), else of every `<a>`; kept when they match `pattern` (if given). `<base href>` is
/// honoured.
pub fn listing_links(
    html: &str,
    page_url: &Url,
    selector: Option<&str>,
    pattern: Option<&Regex>,
) -> Result<Vec<Url>, DiscoverError> {
    let doc = Html::parse_document(html);
    let base = base_url(&doc, page_url);
    let anchors = Selector::parse("a[href]").map_err(|_| DiscoverError::Selector("a".into()))?;
    let mut out = Vec::new();
    let mut take = |href: &str| {
        if let Ok(u) = canon::resolve(&base, href)
            && pattern.is_none_or(|p| p.is_match(u.as_str()))
            && !out.contains(&u)
        {
            out.push(u);
        }
    };
    if let Some(p) = pattern.filter(|_| selector.is_none()) {
        // JSON and JSONP list APIs carry their links as strings, not anchors.
        let unescaped = html.replace("\\/", "/");
        for m in RAW_URL.find_iter(&unescaped) {
            let candidate = m.as_str();
            if p.is_match(candidate)
                || canon::canonicalize(candidate).is_ok_and(|u| p.is_match(u.as_str()))
            {
                take(candidate);
            }
        }
    }
    match selector {
        Some(sel) => {
            let sel = Selector::parse(sel).map_err(|_| DiscoverError::Selector(sel.to_owned()))?;
            for el in doc.select(&sel) {
                if let Some(href) = el.value().attr("href") {
                    take(href);
                } else {
                    for a in el.select(&anchors) {
                        if let Some(href) = a.value().attr("href") {
                            take(href);
                        }
                    }
                }
            }
        }
        None => {
            for a in doc.select(&anchors) {
                if let Some(href) = a.value().attr("href") {
                    take(href);
                }
            }
        }
    }
    Ok(out)
}

/// An absolute http(s) URL inside text (JSON strings, scripts).
static RAW_URL: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r#"https?://[^\s"'<>\\]+"#).expect("static regex"));

/// Decodes an HTML (or JSON) body: the HTTP charset, else a `<meta>` charset, else UTF-8 (GBK, GB2312
/// and Big5 pages included). Invalid bytes become U+FFFD.
pub fn decode_html(body: &[u8], http_charset: Option<&str>) -> String {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let meta = head.split("charset=").nth(1).map(|r| {
        r.trim_start_matches(['"', '\'', ' '])
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .next()
            .unwrap_or("")
            .to_owned()
    });
    let encoding = http_charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| meta.and_then(|m| encoding_rs::Encoding::for_label(m.as_bytes())))
        .unwrap_or(encoding_rs::UTF_8);
    // GB2312 and GBK pages often use GB18030-only characters; the superset decodes them all.
    let encoding = if encoding == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        encoding
    };
    encoding.decode(body).0.into_owned()
}

fn base_url(doc: &Html, page_url: &Url) -> Url {
    Selector::parse("base[href]")
        .ok()
        .and_then(|s| doc.select(&s).next())
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page_url.join(h).ok())
        .unwrap_or_else(|| page_url.clone())
}

/// The canonical URL a page declares (`<link rel=canonical>`), resolved and canonicalized.
pub fn canonical_link(html: &str, page_url: &Url) -> Option<Url> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("link[rel][href]").ok()?;
    let href = doc
        .select(&sel)
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })?
        .value()
        .attr("href")?;
    canon::resolve(&base_url(&doc, page_url), href).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example.com/feed").unwrap()
    }

    #[test]
    fn rss_and_atom() {
        let rss = br#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
            <item><title>a</title><link>https://news.example.com/a/1.html?utm_source=rss</link></item>
            <item><title>b</title><guid>https://news.example.com/a/2.html</guid></item>
            <item><title>c</title><link> /a/3.html </link></item></channel></rss>"#;
        let links = feed_links(rss, &base()).unwrap();
        let s: Vec<&str> = links.iter().map(Url::as_str).collect();
        assert_eq!(
            s,
            [
                "https://news.example.com/a/1.html",
                "https://news.example.com/a/2.html",
                "https://news.example.com/a/3.html"
            ]
        );
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="/self"/><link href="https://x.com/p/9"/></entry></feed>"#;
        assert_eq!(
            feed_links(atom, &base()).unwrap()[0].as_str(),
            "https://x.com/p/9"
        );
        assert!(feed_links(b"<html><body>x</body></html>", &base()).is_err());
        assert!(feed_links(b"not xml <", &base()).is_err());
    }

    #[test]
    fn gbk_feed_decodes() {
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<?xml version=\"1.0\" encoding=\"gbk\"?><rss><channel><item><title>科技</title><link>http://a.cn/1</link></item></channel></rss>",
        );
        assert_eq!(
            feed_links(&gbk, &base()).unwrap()[0].as_str(),
            "http://a.cn/1"
        );
    }

    #[test]
    fn sitemaps_index_news_and_gzip() {
        let idx = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.com/s1.xml</loc></sitemap></sitemapindex>"#;
        let l = sitemap_links(idx, &base()).unwrap();
        assert_eq!(l.sitemaps.len(), 1);
        assert!(l.pages.is_empty());
        let news = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://x.com/n/1.html</loc><news:news><news:title>t</news:title></news:news></url></urlset>"#;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, news).unwrap();
        let gz = gz.finish().unwrap();
        let l = sitemap_links(&gz, &base()).unwrap();
        assert_eq!(l.pages[0].as_str(), "https://x.com/n/1.html");
    }

    #[test]
    fn listing_selector_and_pattern() {
        let html = r#"<html><head><base href="https://www.ithome.com/"></head><body>
            <ul id="list"><li><a class="t" href="0/801/123.htm">一</a></li><li><a class="t" href="/0/801/124.htm#c">二</a></li></ul>
            <a href="/about.html">关于</a><a href="javascript:void(0)">x</a></body></html>"#;
        let page = Url::parse("https://www.ithome.com/list/").unwrap();
        let by_sel = listing_links(html, &page, Some("#list a.t"), None).unwrap();
        assert_eq!(by_sel.len(), 2);
        assert_eq!(by_sel[1].as_str(), "https://www.ithome.com/0/801/124.htm");
        let re = Regex::new(r"/0/\d+/\d+\.htm$").unwrap();
        let by_re = listing_links(html, &page, None, Some(&re)).unwrap();
        assert_eq!(by_re, by_sel);
        assert!(listing_links(html, &page, Some("[[["), None).is_err());
    }

    #[test]
    fn jsonp_listing_by_pattern() {
        let js = r#"data_callback([{"title":"a","docurl":"https:\/\/www.163.com\/tech\/article\/L29E048G00098IEO.html"},{"docurl":"https://www.163.com/dy/article/ABCDEFGHIJ123456.html?spm=1"}])"#;
        let page = Url::parse("https://tech.163.com/special/x.js").unwrap();
        let re =
            Regex::new(r"^https://www\.163\.com/(tech|dy)/article/[0-9A-Z]{16}\.html$").unwrap();
        let links = listing_links(js, &page, None, Some(&re)).unwrap();
        assert_eq!(links.len(), 2, "{links:?}");
        assert_eq!(
            links[1].as_str(),
            "https://www.163.com/dy/article/ABCDEFGHIJ123456.html"
        );
    }

    #[test]
    fn gbk_html_decodes_with_and_without_header() {
        let (gbk, _, _) = encoding_rs::GBK
            .encode("<html><head><meta charset=\"gbk\"></head><body>阿里巴巴</body></html>");
        assert!(decode_html(&gbk, None).contains("阿里巴巴"));
        assert!(decode_html(&gbk, Some("GBK")).contains("阿里巴巴"));
        assert!(decode_html("纯文本".as_bytes(), None).contains("纯文本"));
    }

    #[test]
    fn canonical_link_is_found() {
        let html =
            r#"<html><head><link rel="canonical" href="/a/1.html?utm_medium=x"></head></html>"#;
        let page = Url::parse("https://m.example.com/a/1.html?from=wx").unwrap();
        assert_eq!(
            canonical_link(html, &page).unwrap().as_str(),
            "https://m.example.com/a/1.html"
        );
        assert_eq!(canonical_link("<html></html>", &page), None);
    }
}
