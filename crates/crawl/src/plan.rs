//! A source made ready to crawl: its effective settings, its start points and compiled patterns,
//! and what to take out of each discovery page it fetches.

use crate::canon::{self, UrlError};
use crate::discover::{self, DiscoverError};
use crate::fetch::{Fetched, PageKind};
use crate::settings::{CrawlSettings, RESERVED_JOB, SourceConfig};
use regex::Regex;
use std::collections::HashMap;
use url::Url;

/// A listing's own link rules.
#[derive(Debug, Clone)]
struct ListingRule {
    selector: Option<String>,
    pattern: Option<Regex>,
}

/// A source ready to crawl (or the backfill job, which has no start points and takes any URL).
#[derive(Debug, Clone)]
pub struct SourcePlan {
    /// The source name (the frontier's job).
    pub name: String,
    /// `[crawl]` with the source's overrides applied.
    pub settings: CrawlSettings,
    /// Feeds, sitemaps and listings, canonicalized.
    pub start: Vec<(Url, PageKind)>,
    article_re: Option<Regex>,
    listings: HashMap<String, ListingRule>,
}

/// Links found on one discovery page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Article URLs (canonical, matching the source's pattern).
    pub articles: Vec<Url>,
    /// Child sitemaps of a sitemap index.
    pub sitemaps: Vec<Url>,
}

fn compile(p: &str) -> Result<Regex, String> {
    Regex::new(p).map_err(|e| format!("bad pattern `{p}`: {e}"))
}

impl SourcePlan {
    /// Prepares a configured source (validated already, but errors are still reported).
    pub fn new(source: &SourceConfig, base: &CrawlSettings) -> Result<SourcePlan, String> {
        let mut start = Vec::new();
        let mut listings = HashMap::new();
        let canon = |u: &str| canon::canonicalize(u).map_err(|e: UrlError| format!("`{u}`: {e}"));
        for f in &source.feeds {
            start.push((canon(f)?, PageKind::Feed));
        }
        for s in &source.sitemaps {
            start.push((canon(s)?, PageKind::Sitemap));
        }
        for l in &source.listings {
            let url = canon(l.url())?;
            listings.insert(
                url.to_string(),
                ListingRule {
                    selector: l.selector().map(str::to_owned),
                    pattern: l.pattern().map(compile).transpose()?,
                },
            );
            start.push((url, PageKind::Listing));
        }
        Ok(SourcePlan {
            name: source.name.clone(),
            settings: base.with(&source.overrides),
            start,
            article_re: source.article_pattern.as_deref().map(compile).transpose()?,
            listings,
        })
    }

    /// The `zhnews backfill` job: no start points, every URL taken.
    pub fn backfill(base: &CrawlSettings) -> SourcePlan {
        SourcePlan {
            name: RESERVED_JOB.to_owned(),
            settings: base.clone(),
            start: Vec::new(),
            article_re: None,
            listings: HashMap::new(),
        }
    }

    /// Whether a URL is one of this source's articles.
    pub fn is_article(&self, url: &Url) -> bool {
        self.article_re
            .as_ref()
            .is_none_or(|re| re.is_match(url.as_str()))
    }

    /// The links of a fetched discovery page (`page` is the URL it was queued under).
    pub fn discover(
        &self,
        kind: PageKind,
        page: &str,
        fetched: &Fetched,
    ) -> Result<Found, DiscoverError> {
        let base = &fetched.final_url;
        let mut found = Found::default();
        match kind {
            PageKind::Article => {}
            PageKind::Feed => {
                found.articles = discover::feed_links(&fetched.body, base)?;
            }
            PageKind::Sitemap => {
                let links = discover::sitemap_links(&fetched.body, base)?;
                found.articles = links.pages;
                found.sitemaps = links.sitemaps;
            }
            PageKind::Listing => {
                let html = discover::decode_html(&fetched.body, fetched.charset.as_deref());
                let rule = self.listings.get(page);
                let selector = rule.and_then(|r| r.selector.as_deref());
                let pattern = rule
                    .and_then(|r| r.pattern.as_ref())
                    .or(self.article_re.as_ref());
                found.articles = discover::listing_links(&html, base, selector, pattern)?;
                // A listing's own pattern replaces the article pattern.
                if rule.is_some_and(|r| r.pattern.is_some()) {
                    return Ok(found);
                }
            }
        }
        found.articles.retain(|u| self.is_article(u));
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::Validators;
    use crate::settings::{Listing, SettingsOverride};

    fn fetched(url: &str, body: &str) -> Fetched {
        Fetched {
            final_url: Url::parse(url).unwrap(),
            redirects: vec![],
            status: 200,
            not_modified: false,
            body: bytes::Bytes::copy_from_slice(body.as_bytes()),
            content_type: None,
            charset: None,
            validators: Validators::default(),
            attempts: 1,
        }
    }

    #[test]
    fn feeds_filtered_by_article_pattern_listings_by_their_own() {
        let src = SourceConfig {
            name: "s".into(),
            feeds: vec!["http://a.cn/feed".into()],
            sitemaps: vec![],
            listings: vec![Listing::Detailed {
                url: "http://a.cn/list".into(),
                selector: None,
                pattern: Some(r"/flash/\d+$".into()),
            }],
            article_pattern: Some(r"^http://a\.cn/news/\d+\.html$".into()),
            overrides: SettingsOverride {
                per_host_delay_ms: Some(7),
                ..SettingsOverride::default()
            },
        };
        let plan = SourcePlan::new(&src, &CrawlSettings::default()).unwrap();
        assert_eq!(plan.settings.per_host_delay_ms, 7);
        assert_eq!(plan.start.len(), 2);
        let feed = "<rss><channel><item><link>http://a.cn/news/1.html</link></item><item><link>http://a.cn/about</link></item></channel></rss>";
        let found = plan
            .discover(
                PageKind::Feed,
                "http://a.cn/feed",
                &fetched("http://a.cn/feed", feed),
            )
            .unwrap();
        assert_eq!(found.articles.len(), 1);
        let list = r#"<a href="/flash/9">x</a><a href="/news/2.html">y</a>"#;
        let found = plan
            .discover(
                PageKind::Listing,
                "http://a.cn/list",
                &fetched("http://a.cn/list", list),
            )
            .unwrap();
        assert_eq!(found.articles[0].as_str(), "http://a.cn/flash/9");
        assert_eq!(found.articles.len(), 1);
    }
}
