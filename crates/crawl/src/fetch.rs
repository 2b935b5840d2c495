//! The polite fetcher: one HTTP client shared by a whole run, with robots.txt cached per origin,
//! per-origin concurrency and minimum delay, a global concurrency limit, retries with exponential
//! backoff and jitter (Retry-After honoured), conditional GET, a body size cap, a content-type check
//! and bounded, recorded redirects.
//!
//! Per-origin state (a few counters and the parsed robots.txt) is kept for the run; queues are not:
//! callers hand in one URL at a time and the frontier lives elsewhere.

use crate::canon::{self, origin_key};
use crate::error::FetchError;
use crate::robots::Robots;
use crate::settings::CrawlSettings;
use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{
    CONTENT_LENGTH, CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
    LOCATION, RETRY_AFTER, USER_AGENT,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OnceCell, Semaphore};
use tokio::time::Instant;
use url::Url;

/// What a URL is expected to be; decides the accepted content types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// An article page (HTML).
    Article,
    /// An RSS or Atom feed.
    Feed,
    /// A sitemap or sitemap index.
    Sitemap,
    /// A listing page (HTML).
    Listing,
}

impl PageKind {
    /// The lowercase name stored in the frontier.
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Article => "article",
            PageKind::Feed => "feed",
            PageKind::Sitemap => "sitemap",
            PageKind::Listing => "listing",
        }
    }

    /// Parses [`PageKind::as_str`].
    pub fn parse(s: &str) -> Option<PageKind> {
        Some(match s {
            "article" => PageKind::Article,
            "feed" => PageKind::Feed,
            "sitemap" => PageKind::Sitemap,
            "listing" => PageKind::Listing,
            _ => return None,
        })
    }

    fn is_html(self) -> bool {
        matches!(self, PageKind::Article | PageKind::Listing)
    }
}

/// Cache validators from an earlier response, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

impl Validators {
    /// Neither validator is known.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A successful fetch.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: Url,
    /// The redirects followed, in order (each hop's target).
    pub redirects: Vec<Url>,
    /// The final status (200…, or 304 for an unchanged conditional GET).
    pub status: u16,
    /// True when the server answered 304 Not Modified: `body` is empty.
    pub not_modified: bool,
    /// The body, complete (never truncated).
    pub body: Bytes,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The charset from `Content-Type`, if any.
    pub charset: Option<String>,
    /// The validators to send next time.
    pub validators: Validators,
    /// Requests made for the final hop (1 = no retry).
    pub attempts: u32,
}

/// Per-origin state for the run.
#[derive(Debug)]
struct Host {
    slots: Semaphore,
    /// The earliest moment the next request may start.
    next_start: tokio::sync::Mutex<Instant>,
    /// Parsed robots.txt, or why it could not be read.
    robots: OnceCell<Result<Robots, String>>,
    /// URLs in a row that ended rate-limited.
    limited_streak: AtomicU32,
    /// The host kept rate-limiting: it is not asked again in this run.
    blocked: AtomicBool,
}

/// URLs in a row a host may end rate-limited before it is left alone for the run.
const RATE_LIMIT_STREAK: u32 = 3;

/// The fetcher. Cheap to share behind an `Arc`; all methods take `&self`.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
    requests: AtomicU64,
}

/// Result of one HTTP exchange, before retry decisions.
struct Exchange {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Fetcher {
    /// A fetcher whose global limit and client come from `settings` (per-request settings may differ
    /// per source).
    pub fn new(settings: &CrawlSettings) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.timeout().min(Duration::from_secs(10)))
            .pool_idle_timeout(Duration::from_secs(30))
            .pool_max_idle_per_host(settings.per_host_concurrency.max(1) * 2)
            .build()
            .map_err(|e| FetchError::Connect(format!("cannot build HTTP client: {e}")))?;
        Ok(Fetcher {
            client,
            global: Semaphore::new(settings.concurrency.max(1)),
            hosts: Mutex::new(HashMap::new()),
            requests: AtomicU64::new(0),
        })
    }

    /// HTTP requests sent so far (robots.txt and retries included).
    pub fn requests_sent(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Origins that kept rate-limiting and were left alone.
    pub fn rate_limited_hosts(&self) -> Vec<String> {
        let hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<String> = hosts
            .iter()
            .filter(|(_, h)| h.blocked.load(Ordering::Relaxed))
            .map(|(k, _)| k.clone())
            .collect();
        v.sort();
        v
    }

    fn host(&self, url: &Url, settings: &CrawlSettings) -> Arc<Host> {
        let key = origin_key(url);
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key)
            .or_insert_with(|| {
                Arc::new(Host {
                    slots: Semaphore::new(settings.per_host_concurrency.max(1)),
                    next_start: tokio::sync::Mutex::new(Instant::now()),
                    robots: OnceCell::new(),
                    limited_streak: AtomicU32::new(0),
                    blocked: AtomicBool::new(false),
                })
            })
            .clone()
    }

    /// Fetches `url` as a `kind` page with the given settings, following redirects; `validators`
    /// make it a conditional GET.
    pub async fn fetch(
        &self,
        url: &Url,
        kind: PageKind,
        settings: &CrawlSettings,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let mut current = canon::canonical(url.clone())?;
        let mut redirects = Vec::new();
        let mut seen = vec![current.clone()];
        loop {
            let conditional = if redirects.is_empty() {
                validators
            } else {
                None
            };
            let (exchange, attempts) = self.fetch_hop(&current, settings, conditional).await?;
            let status = exchange.status;
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = exchange
                    .headers
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::BadRedirect(format!("{status} without Location")))?;
                let next = current
                    .join(location)
                    .map_err(|e| FetchError::BadRedirect(format!("`{location}`: {e}")))?;
                let next = canon::canonical(next)
                    .map_err(|e| FetchError::BadRedirect(format!("`{location}`: {e}")))?;
                if seen.contains(&next) {
                    return Err(FetchError::RedirectLoop(next.to_string()));
                }
                if redirects.len() >= settings.max_redirects {
                    return Err(FetchError::TooManyRedirects(settings.max_redirects));
                }
                seen.push(next.clone());
                redirects.push(next.clone());
                current = next;
                continue;
            }
            let content_type = header(&exchange.headers, CONTENT_TYPE);
            let validators = Validators {
                etag: header(&exchange.headers, ETAG),
                last_modified: header(&exchange.headers, LAST_MODIFIED),
            };
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched {
                    final_url: current,
                    redirects,
                    status: 304,
                    not_modified: true,
                    body: Bytes::new(),
                    charset: content_type.as_deref().and_then(charset_of),
                    content_type,
                    validators,
                    attempts,
                });
            }
            check_type(kind, content_type.as_deref(), &exchange.body)?;
            return Ok(Fetched {
                final_url: current,
                redirects,
                status: status.as_u16(),
                not_modified: false,
                body: exchange.body,
                charset: content_type.as_deref().and_then(charset_of),
                content_type,
                validators,
                attempts,
            });
        }
    }

    /// One URL (no redirect following) with robots, politeness and retries.
    async fn fetch_hop(
        &self,
        url: &Url,
        settings: &CrawlSettings,
        validators: Option<&Validators>,
    ) -> Result<(Exchange, u32), FetchError> {
        let host = self.host(url, settings);
        if host.blocked.load(Ordering::Relaxed) {
            return Err(FetchError::HostRateLimited);
        }
        let mut delay = settings.per_host_delay();
        if settings.respect_robots {
            let robots = self.robots(url, &host, settings).await?;
            let path = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_owned(),
            };
            if !robots.allowed(&path) {
                return Err(FetchError::Robots);
            }
            if let Some(d) = robots.crawl_delay {
                delay = delay.max(Duration::from_secs_f64(d.min(settings.max_crawl_delay_s)));
            }
        }
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let result = self.exchange(url, &host, delay, settings, validators).await;
            let last = attempt >= settings.max_attempts;
            let wait = match &result {
                Ok(x) if x.status == StatusCode::TOO_MANY_REQUESTS => {
                    let retry_after = retry_after(&x.headers);
                    if let Some(ra) = retry_after
                        && ra > settings.max_backoff_s
                    {
                        // Asked to wait longer than we may: stop asking for now.
                        self.push_back(&host, Duration::from_secs_f64(settings.max_backoff_s))
                            .await;
                        return Err(self.limited(&host, Some(ra)));
                    }
                    if last {
                        return Err(self.limited(&host, retry_after));
                    }
                    let wait = retry_after
                        .map(Duration::from_secs_f64)
                        .unwrap_or_else(|| backoff(settings, attempt));
                    // Everyone waits for this host, not just this request.
                    self.push_back(&host, wait).await;
                    wait
                }
                Ok(x) if x.status.is_server_error() => {
                    if last {
                        return Err(FetchError::Status(x.status.as_u16()));
                    }
                    retry_after(&x.headers)
                        .filter(|ra| *ra <= settings.max_backoff_s)
                        .map(Duration::from_secs_f64)
                        .unwrap_or_else(|| backoff(settings, attempt))
                }
                Ok(x) if x.status.is_client_error() => {
                    host.limited_streak.store(0, Ordering::Relaxed);
                    return Err(FetchError::Status(x.status.as_u16()));
                }
                Ok(_) => {
                    host.limited_streak.store(0, Ordering::Relaxed);
                    let Ok(x) = result else { unreachable!() };
                    return Ok((x, attempt));
                }
                Err(FetchError::HostRateLimited) => return Err(FetchError::HostRateLimited),
                Err(e) if e.is_transient() && !last => backoff(settings, attempt),
                Err(_) => {
                    let Err(e) = result else { unreachable!() };
                    return Err(e);
                }
            };
            tracing::debug!(%url, attempt, wait_ms = wait.as_millis() as u64, "retrying");
            tokio::time::sleep(wait).await;
        }
    }

    fn limited(&self, host: &Host, retry_after: Option<f64>) -> FetchError {
        if host.limited_streak.fetch_add(1, Ordering::Relaxed) + 1 >= RATE_LIMIT_STREAK {
            host.blocked.store(true, Ordering::Relaxed);
        }
        FetchError::RateLimited(retry_after)
    }

    async fn push_back(&self, host: &Host, wait: Duration) {
        let mut next = host.next_start.lock().await;
        let until = Instant::now() + wait;
        if *next < until {
            *next = until;
        }
    }

    /// The robots.txt of `url`'s origin, fetched once per run.
    async fn robots(
        &self,
        url: &Url,
        host: &Host,
        settings: &CrawlSettings,
    ) -> Result<Robots, FetchError> {
        let cached = host
            .robots
            .get_or_init(|| async {
                let mut robots_url = url.clone();
                robots_url.set_path("/robots.txt");
                robots_url.set_query(None);
                let tries = settings.max_attempts.min(2);
                let mut last_error = String::new();
                for attempt in 1..=tries {
                    match self
                        .exchange(&robots_url, host, settings.per_host_delay(), settings, None)
                        .await
                    {
                        Ok(x) if x.status.is_success() => {
                            let text = String::from_utf8_lossy(&x.body);
                            let robots = Robots::parse(&text, &settings.robots_token());
                            if let Some(d) = robots.crawl_delay {
                                // The robots.txt request itself counts: the next one waits too.
                                let d = d.min(settings.max_crawl_delay_s);
                                self.push_back(host, Duration::from_secs_f64(d)).await;
                            }
                            return Ok(robots);
                        }
                        // RFC 9309: a 4xx (or a redirect we do not chase) means no rules.
                        Ok(x) if x.status.is_client_error() || x.status.is_redirection() => {
                            return Ok(Robots::allow_all());
                        }
                        Ok(x) => last_error = format!("HTTP {}", x.status.as_u16()),
                        Err(FetchError::TooLarge(_)) => return Ok(Robots::allow_all()),
                        Err(e) => last_error = e.to_string(),
                    }
                    if attempt < tries {
                        tokio::time::sleep(backoff(settings, attempt)).await;
                    }
                }
                Err(last_error)
            })
            .await;
        cached.clone().map_err(FetchError::RobotsUnavailable)
    }

    /// One HTTP exchange: waits for the host's turn, then a global slot, sends, reads the body.
    async fn exchange(
        &self,
        url: &Url,
        host: &Host,
        delay: Duration,
        settings: &CrawlSettings,
        validators: Option<&Validators>,
    ) -> Result<Exchange, FetchError> {
        let _host_slot = host
            .slots
            .acquire()
            .await
            .map_err(|_| FetchError::Connect("fetcher closed".into()))?;
        {
            let mut next = host.next_start.lock().await;
            let now = Instant::now();
            if *next > now {
                tokio::time::sleep_until(*next).await;
            }
            *next = Instant::now() + delay;
        }
        // Requests that queued up for the host before it was given up do not go out.
        if host.blocked.load(Ordering::Relaxed) {
            return Err(FetchError::HostRateLimited);
        }
        let _global = self
            .global
            .acquire()
            .await
            .map_err(|_| FetchError::Connect("fetcher closed".into()))?;
        self.requests.fetch_add(1, Ordering::Relaxed);
        let timeout = settings.timeout();
        let mut request = self
            .client
            .get(url.clone())
            .timeout(timeout)
            .header(USER_AGENT, settings.user_agent.as_str());
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header(IF_NONE_MATCH, etag.as_str());
            }
            if let Some(lm) = &v.last_modified {
                request = request.header(IF_MODIFIED_SINCE, lm.as_str());
            }
        }
        let work = async {
            let mut response = request.send().await.map_err(|e| map_reqwest(&e, timeout))?;
            let status = response.status();
            let headers = response.headers().clone();
            let limit = settings.max_body_bytes;
            if let Some(len) = headers
                .get(CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok())
                && len > limit
                && status.is_success()
            {
                return Err(FetchError::TooLarge(limit));
            }
            let mut body = Vec::new();
            if !status.is_redirection() {
                while let Some(chunk) = response
                    .chunk()
                    .await
                    .map_err(|e| map_reqwest(&e, timeout))?
                {
                    if body.len() as u64 + chunk.len() as u64 > limit {
                        return Err(FetchError::TooLarge(limit));
                    }
                    body.extend_from_slice(&chunk);
                }
            }
            Ok(Exchange {
                status,
                headers,
                body: Bytes::from(body),
            })
        };
        // reqwest's timeout covers the body too; this guards a server that trickles forever.
        match tokio::time::timeout(timeout + Duration::from_millis(500), work).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout(timeout.as_secs_f64())),
        }
    }
}

fn map_reqwest(e: &reqwest::Error, timeout: Duration) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout(timeout.as_secs_f64())
    } else {
        // The innermost cause says what actually happened (refused, reset, DNS…).
        let mut source: &dyn std::error::Error = e;
        while let Some(s) = source.source() {
            source = s;
        }
        FetchError::Connect(source.to_string())
    }
}

fn header(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Exponential backoff with jitter: about `base · 2^(attempt-1)`, between half and all of it, capped.
fn backoff(settings: &CrawlSettings, attempt: u32) -> Duration {
    let exp = settings.backoff_base_ms as f64 * 2f64.powi(attempt.saturating_sub(1) as i32);
    let capped = (exp / 1000.0).min(settings.max_backoff_s);
    Duration::from_secs_f64(capped * (0.5 + fastrand::f64() * 0.5))
}

/// Retry-After as seconds: delta-seconds or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<f64> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then_some(secs);
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.signed_duration_since(chrono::Utc::now());
    Some((delta.num_milliseconds().max(0) as f64) / 1000.0)
}

/// The `charset` parameter of a Content-Type value.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|c| !c.is_empty())
    })
}

/// Rejects bodies that cannot be the expected kind of page.
fn check_type(kind: PageKind, content_type: Option<&str>, body: &[u8]) -> Result<(), FetchError> {
    let mime = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let binary_type = mime.starts_with("image/")
        || mime.starts_with("video/")
        || mime.starts_with("audio/")
        || mime.starts_with("font/")
        || mime == "application/pdf"
        || mime == "application/zip"
        || mime == "application/msword";
    if binary_type {
        return Err(FetchError::ContentType(mime));
    }
    let gzip = body.starts_with(&[0x1f, 0x8b]);
    if kind.is_html() {
        // Listings may be JSON or JSONP list APIs (their links are found by URL pattern).
        let listing_api = kind == PageKind::Listing
            && matches!(
                mime.as_str(),
                "application/json" | "application/javascript" | "text/javascript"
            );
        let ok = mime.is_empty()
            || mime == "text/html"
            || mime == "application/xhtml+xml"
            || mime == "text/plain"
            || mime == "application/octet-stream"
            || listing_api;
        if !ok {
            return Err(FetchError::ContentType(mime));
        }
    } else if gzip {
        // A .xml.gz sitemap: decompressed by the discovery parser.
        return Ok(());
    }
    if let Some(what) = sniff_binary(body) {
        return Err(FetchError::Binary(what));
    }
    Ok(())
}

/// Names the binary format `body` starts with, if any.
fn sniff_binary(body: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF8", "GIF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b", "gzip"),
        (b"RIFF", "RIFF"),
    ];
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..];
    MAGIC
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, n)| *n)
        .or_else(|| {
            // Many NUL bytes early on: not text in any encoding a news site uses.
            let sample = &head[..head.len().min(1024)];
            (sample.iter().filter(|b| **b == 0).count() > 8).then_some("binary data")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_of("text/html; charset=GBK").as_deref(), Some("GBK"));
        assert_eq!(
            charset_of("text/html;Charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn type_checks() {
        assert!(check_type(PageKind::Article, Some("text/html"), b"%PDF-1.4 ...").is_err());
        assert!(check_type(PageKind::Article, Some("application/pdf"), b"x").is_err());
        assert!(check_type(PageKind::Article, Some("application/json"), b"{}").is_err());
        assert!(check_type(PageKind::Listing, Some("application/json"), b"{}").is_ok());
        assert!(check_type(PageKind::Article, None, b"<html>").is_ok());
        assert!(check_type(PageKind::Feed, Some("application/rss+xml"), b"<rss>").is_ok());
        assert!(check_type(PageKind::Sitemap, Some("application/x-gzip"), b"\x1f\x8b..").is_ok());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let s = CrawlSettings {
            backoff_base_ms: 1000,
            max_backoff_s: 5.0,
            ..CrawlSettings::default()
        };
        let first = backoff(&s, 1);
        assert!(first >= Duration::from_millis(500) && first <= Duration::from_secs(1));
        let tenth = backoff(&s, 10);
        assert!(tenth <= Duration::from_secs(5) && tenth >= Duration::from_millis(2500));
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "3".parse().unwrap());
        assert_eq!(retry_after(&h), Some(3.0));
        let later = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        h.insert(RETRY_AFTER, later.parse().unwrap());
        let s = retry_after(&h).unwrap();
        assert!(s > 25.0 && s <= 30.0, "{s}");
    }
}
