//! An article as the article extractor hands it on.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Where the publish time was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// A `<meta>` tag.
    Meta,
    /// JSON-LD `datePublished`.
    Jsonld,
    /// Visible text near the title or byline.
    Text,
    /// The URL path.
    Url,
}

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// One news article: stored.
    #[default]
    Article,
    /// A listing of links (channel page, index): used for discovery, not stored.
    List,
    /// Anything else (forum, Q&A, encyclopedia, error page): not stored.
    Other,
}

impl PageKind {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Article => "article",
            PageKind::List => "list",
            PageKind::Other => "other",
        }
    }
}

/// A page turned into an article: the JSON of `zhnews article`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The URL it was fetched from (or given with `--url`), if any.
    pub url: Option<String>,
    /// `<link rel=canonical>` (or og:url) resolved against `url`, else `url`.
    pub canonical_url: Option<String>,
    /// The headline, site suffixes removed.
    pub title: Option<String>,
    /// Publish time with its offset (+08:00 when the page gives none).
    pub published_at: Option<DateTime<FixedOffset>>,
    /// Where `published_at` came from.
    pub published_source: Option<PublishedSource>,
    /// The author or byline name.
    pub author: Option<String>,
    /// The site's name (网易科技) or, failing that, its host.
    pub site: Option<String>,
    /// Clean body text, paragraphs joined by `\n`.
    pub body: String,
    /// The encoding the bytes were decoded with (`UTF-8`, `GB18030`).
    pub encoding: Option<String>,
    /// Language code (`zh`, `en`, `ja`), from the text.
    pub lang: Option<String>,
    /// Article, list or other.
    pub kind: PageKind,
}
