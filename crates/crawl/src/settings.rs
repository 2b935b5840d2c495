//! The crawl configuration as users write it: `[crawl]` (politeness and limits for every source) and
//! `[[sources]]` (what to crawl). Serde types plus validation; the binary does the TOML merging.
//!
//! Every `[crawl]` key may be repeated in a source to override it for that source's hosts.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// `[crawl]`: defaults for every source. Any key left out takes the documented default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrawlSettings {
    /// The `User-Agent` header; its first word (before `/`) is the robots.txt product token.
    pub user_agent: String,
    /// Requests in flight over all hosts.
    pub concurrency: usize,
    /// Requests in flight to one host (origin: scheme, host, port).
    pub per_host_concurrency: usize,
    /// Minimum gap between the starts of two requests to one host, in milliseconds (0: none).
    pub per_host_delay_ms: u64,
    /// Whole-request timeout in seconds (connect, headers and body).
    pub timeout_s: f64,
    /// Largest accepted body; a larger one is rejected as a failure, never truncated.
    pub max_body_bytes: u64,
    /// Obey robots.txt (Allow/Disallow and Crawl-delay).
    pub respect_robots: bool,
    /// The most attempts one request gets (1 = no retry) for timeouts, connection errors, 5xx and 429.
    pub max_attempts: u32,
    /// The first retry waits about this long (doubling each time, with jitter), in milliseconds.
    pub backoff_base_ms: u64,
    /// The longest single wait between retries (also the cap on Retry-After), in seconds.
    pub max_backoff_s: f64,
    /// The largest robots.txt Crawl-delay obeyed, in seconds (a longer one is capped to this).
    pub max_crawl_delay_s: f64,
    /// The most redirects followed for one URL.
    pub max_redirects: usize,
    /// `crawl` exits with code 1 when more than this fraction of its fetches failed.
    pub failure_threshold: f64,
    /// How many runs may fail on one URL with a transient error before it is given up.
    pub max_runs_per_url: u32,
}

impl Default for CrawlSettings {
    fn default() -> Self {
        CrawlSettings {
            user_agent: format!(
                "zhnews/{} (+https://github.com/zhnews/zhnews)",
                env!("CARGO_PKG_VERSION")
            ),
            concurrency: 32,
            per_host_concurrency: 2,
            per_host_delay_ms: 1000,
            timeout_s: 20.0,
            max_body_bytes: 10 * 1024 * 1024,
            respect_robots: true,
            max_attempts: 4,
            backoff_base_ms: 500,
            max_backoff_s: 60.0,
            max_crawl_delay_s: 10.0,
            max_redirects: 10,
            failure_threshold: 0.2,
            max_runs_per_url: 3,
        }
    }
}

/// What a source may override of [`CrawlSettings`]: every key optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsOverride {
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub user_agent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub concurrency: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub per_host_concurrency: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub per_host_delay_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub timeout_s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_body_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub respect_robots: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_attempts: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub backoff_base_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_backoff_s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_crawl_delay_s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_redirects: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub failure_threshold: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Overrides the `[crawl]` key of the same name.
    pub max_runs_per_url: Option<u32>,
}

impl CrawlSettings {
    /// These settings with a source's overrides applied.
    pub fn with(&self, o: &SettingsOverride) -> CrawlSettings {
        let mut s = self.clone();
        macro_rules! take {
            ($($f:ident),*) => { $( if let Some(v) = &o.$f { s.$f = v.clone(); } )* };
        }
        take!(
            user_agent,
            concurrency,
            per_host_concurrency,
            per_host_delay_ms,
            timeout_s,
            max_body_bytes,
            respect_robots,
            max_attempts,
            backoff_base_ms,
            max_backoff_s,
            max_crawl_delay_s,
            max_redirects,
            failure_threshold,
            max_runs_per_url
        );
        s
    }

    /// Checks ranges; the message names the key.
    pub fn validate(&self) -> Result<(), String> {
        if self.user_agent.trim().is_empty() {
            return Err("user_agent must not be empty".into());
        }
        if self.concurrency == 0 {
            return Err("concurrency must be at least 1".into());
        }
        if self.per_host_concurrency == 0 {
            return Err("per_host_concurrency must be at least 1".into());
        }
        if !(self.timeout_s.is_finite() && self.timeout_s > 0.0) {
            return Err("timeout_s must be a positive number".into());
        }
        if self.max_body_bytes == 0 {
            return Err("max_body_bytes must be at least 1".into());
        }
        if self.max_attempts == 0 {
            return Err("max_attempts must be at least 1".into());
        }
        for (name, v) in [
            ("max_backoff_s", self.max_backoff_s),
            ("max_crawl_delay_s", self.max_crawl_delay_s),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(format!("{name} must be a number ≥ 0"));
            }
        }
        if !(0.0..=1.0).contains(&self.failure_threshold) {
            return Err("failure_threshold must be between 0 and 1".into());
        }
        if self.max_runs_per_url == 0 {
            return Err("max_runs_per_url must be at least 1".into());
        }
        Ok(())
    }

    /// `timeout_s` as a duration.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs_f64(self.timeout_s)
    }

    /// `per_host_delay_ms` as a duration.
    pub fn per_host_delay(&self) -> Duration {
        Duration::from_millis(self.per_host_delay_ms)
    }

    /// The robots.txt product token: the user agent's first word, before any `/`.
    pub fn robots_token(&self) -> String {
        self.user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }
}

/// A listing page: a URL plus, optionally, how to pick article links out of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Listing {
    /// Just the URL: every link matching the source's `article_pattern` is taken.
    Url(String),
    /// A URL with a CSS selector (links are the matched elements' `href`, or their descendants') and/or
    /// a URL pattern (a regex the link must match, instead of `article_pattern`).
    Detailed {
        /// The listing page.
        url: String,
        /// CSS selector for link elements (or their containers).
        #[serde(default)]
        selector: Option<String>,
        /// Regex for article links on this listing.
        #[serde(default)]
        pattern: Option<String>,
    },
}

impl Listing {
    /// The listing page URL.
    pub fn url(&self) -> &str {
        match self {
            Listing::Url(u) | Listing::Detailed { url: u, .. } => u,
        }
    }
    /// The CSS selector, if any.
    pub fn selector(&self) -> Option<&str> {
        match self {
            Listing::Url(_) => None,
            Listing::Detailed { selector, .. } => selector.as_deref(),
        }
    }
    /// The link pattern, if any.
    pub fn pattern(&self) -> Option<&str> {
        match self {
            Listing::Url(_) => None,
            Listing::Detailed { pattern, .. } => pattern.as_deref(),
        }
    }
}

/// One `[[sources]]` entry: a site to crawl. (Unknown keys are refused by the flattened overrides.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceConfig {
    /// Unique short name (`--source NAME`).
    pub name: String,
    /// RSS/Atom feeds.
    #[serde(default)]
    pub feeds: Vec<String>,
    /// Sitemaps (plain, index or Google News; `.gz` too).
    #[serde(default)]
    pub sitemaps: Vec<String>,
    /// Listing pages.
    #[serde(default)]
    pub listings: Vec<Listing>,
    /// Regex an article URL (after canonicalization) must match; discovered links that do not are
    /// ignored. Empty: every discovered link is taken.
    #[serde(default)]
    pub article_pattern: Option<String>,
    /// Politeness and limit overrides for this source.
    #[serde(flatten)]
    pub overrides: SettingsOverride,
}

impl SourceConfig {
    /// Checks the name, URLs and regexes; the message names the source and key.
    pub fn validate(&self) -> Result<(), String> {
        let n = &self.name;
        if n.trim().is_empty() {
            return Err("a source has an empty name".into());
        }
        for u in self
            .feeds
            .iter()
            .chain(&self.sitemaps)
            .map(String::as_str)
            .chain(self.listings.iter().map(Listing::url))
        {
            crate::canon::canonicalize(u).map_err(|e| format!("source {n}: `{u}`: {e}"))?;
        }
        if self.feeds.is_empty() && self.sitemaps.is_empty() && self.listings.is_empty() {
            return Err(format!(
                "source {n}: no feeds, sitemaps or listings to start from"
            ));
        }
        let patterns = self
            .article_pattern
            .iter()
            .map(String::as_str)
            .chain(self.listings.iter().filter_map(Listing::pattern));
        for p in patterns {
            regex::Regex::new(p)
                .map_err(|e| format!("source {n}: bad pattern `{p}`: {}", one_line(&e)))?;
        }
        for sel in self.listings.iter().filter_map(Listing::selector) {
            scraper::Selector::parse(sel)
                .map_err(|e| format!("source {n}: bad CSS selector `{sel}`: {e}"))?;
        }
        Ok(())
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The job name of `zhnews backfill` URLs in the frontier; no source may take it.
pub const RESERVED_JOB: &str = "backfill";

/// Validates a whole source list: each source, plus unique names.
pub fn validate_sources(sources: &[SourceConfig], base: &CrawlSettings) -> Result<(), String> {
    let mut names = std::collections::HashSet::new();
    for s in sources {
        s.validate()?;
        if s.name == RESERVED_JOB {
            return Err(format!(
                "source name `{RESERVED_JOB}` is reserved for `zhnews backfill`"
            ));
        }
        if !names.insert(s.name.as_str()) {
            return Err(format!("source name `{}` appears twice", s.name));
        }
        base.with(&s.overrides)
            .validate()
            .map_err(|e| format!("source {}: {e}", s.name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_example_parses_and_overrides() {
        #[derive(Deserialize)]
        struct File {
            crawl: CrawlSettings,
            sources: Vec<SourceConfig>,
        }
        let f: File = toml::from_str(
            r#"
            [crawl]
            user_agent = "zhnews/0.1 (+https://x)"
            concurrency = 32
            per_host_concurrency = 2
            per_host_delay_ms = 1000
            timeout_s = 20
            max_body_bytes = 10485760
            respect_robots = true
            max_attempts = 4
            [[sources]]
            name = "ithome"
            feeds = ["https://www.ithome.com/rss/"]
            sitemaps = []
            listings = ["https://www.ithome.com/list/", { url = "https://www.ithome.com/tag/ai", selector = "h2 > a" }]
            article_pattern = '^https://www\.ithome\.com/0/\d+/\d+\.htm$'
            per_host_delay_ms = 2000
            "#,
        )
        .unwrap();
        assert_eq!(f.crawl.timeout_s, 20.0);
        validate_sources(&f.sources, &f.crawl).unwrap();
        let s = f.crawl.with(&f.sources[0].overrides);
        assert_eq!(s.per_host_delay_ms, 2000);
        assert_eq!(s.concurrency, 32);
        assert_eq!(f.sources[0].listings[1].selector(), Some("h2 > a"));
        assert_eq!(f.crawl.robots_token(), "zhnews");
    }

    #[test]
    fn bad_values_are_named() {
        let s = CrawlSettings {
            concurrency: 0,
            ..CrawlSettings::default()
        };
        assert!(s.validate().unwrap_err().contains("concurrency"));
        let src = SourceConfig {
            name: "x".into(),
            feeds: vec!["ftp://a/b".into()],
            sitemaps: vec![],
            listings: vec![],
            article_pattern: None,
            overrides: SettingsOverride::default(),
        };
        assert!(src.validate().unwrap_err().contains("ftp://a/b"));
    }
}
