//! Why a fetch failed, and whether trying again later could help.

use serde::Serialize;

/// A failed fetch.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The URL is not a crawlable http(s) URL.
    #[error("invalid URL: {0}")]
    InvalidUrl(#[from] crate::canon::UrlError),
    /// robots.txt forbids the URL.
    #[error("disallowed by robots.txt")]
    Robots,
    /// robots.txt could not be read (server error or unreachable), so the host is not crawled now.
    #[error("robots.txt unavailable: {0}")]
    RobotsUnavailable(String),
    /// The request timed out.
    #[error("timed out after {0:.1}s")]
    Timeout(f64),
    /// The connection could not be made or broke.
    #[error("connection failed: {0}")]
    Connect(String),
    /// The server answered with an error status (after any retries).
    #[error("HTTP {0}")]
    Status(u16),
    /// The server kept answering 429 Too Many Requests (or asked to wait longer than allowed).
    #[error("rate limited (HTTP 429){}", .0.map(|s| format!(", Retry-After {s:.0}s")).unwrap_or_default())]
    RateLimited(Option<f64>),
    /// The host rate-limited so many requests in this run that it is no longer asked.
    #[error("host keeps rate-limiting; not asked again in this run")]
    HostRateLimited,
    /// The body is larger than `max_body_bytes`; it was not kept.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    /// The content type is not one this kind of page can be.
    #[error("unexpected content type `{0}`")]
    ContentType(String),
    /// The body is binary data (PDF, image, archive) whatever the header says.
    #[error("binary body ({0}) where text was expected")]
    Binary(&'static str),
    /// More redirects than `max_redirects`.
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    /// A redirect led back to a URL already visited.
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    /// A redirect without a usable Location or to a non-http(s) URL.
    #[error("bad redirect: {0}")]
    BadRedirect(String),
}

/// The class of a failure, as counted in summaries and stored in the frontier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// Invalid URL.
    InvalidUrl,
    /// robots.txt disallows.
    Robots,
    /// Timeout.
    Timeout,
    /// Connection error (robots.txt unavailable included).
    Connect,
    /// 5xx.
    ServerError,
    /// 429 / host rate-limiting.
    RateLimited,
    /// 404 or 410.
    NotFound,
    /// Another 4xx or unexpected status.
    ClientError,
    /// Body over the size cap.
    TooLarge,
    /// Wrong content type or binary body.
    ContentType,
    /// Redirect trouble.
    Redirect,
}

impl ErrorClass {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::InvalidUrl => "invalid_url",
            ErrorClass::Robots => "robots",
            ErrorClass::Timeout => "timeout",
            ErrorClass::Connect => "connect",
            ErrorClass::ServerError => "server_error",
            ErrorClass::RateLimited => "rate_limited",
            ErrorClass::NotFound => "not_found",
            ErrorClass::ClientError => "client_error",
            ErrorClass::TooLarge => "too_large",
            ErrorClass::ContentType => "content_type",
            ErrorClass::Redirect => "redirect",
        }
    }
}

impl FetchError {
    /// The failure's class.
    pub fn class(&self) -> ErrorClass {
        match self {
            FetchError::InvalidUrl(_) => ErrorClass::InvalidUrl,
            FetchError::Robots => ErrorClass::Robots,
            FetchError::RobotsUnavailable(_) | FetchError::Connect(_) => ErrorClass::Connect,
            FetchError::Timeout(_) => ErrorClass::Timeout,
            FetchError::Status(s) if *s >= 500 => ErrorClass::ServerError,
            FetchError::Status(404 | 410) => ErrorClass::NotFound,
            FetchError::Status(_) => ErrorClass::ClientError,
            FetchError::RateLimited(_) | FetchError::HostRateLimited => ErrorClass::RateLimited,
            FetchError::TooLarge(_) => ErrorClass::TooLarge,
            FetchError::ContentType(_) | FetchError::Binary(_) => ErrorClass::ContentType,
            FetchError::TooManyRedirects(_)
            | FetchError::RedirectLoop(_)
            | FetchError::BadRedirect(_) => ErrorClass::Redirect,
        }
    }

    /// Whether a later attempt could succeed (timeouts, connection errors, 5xx, 429); permanent
    /// failures (404, 410, robots, size, type, redirects) are not retried.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.class(),
            ErrorClass::Timeout
                | ErrorClass::Connect
                | ErrorClass::ServerError
                | ErrorClass::RateLimited
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifier() {
        assert!(FetchError::Status(503).is_transient());
        assert!(FetchError::RateLimited(Some(2.0)).is_transient());
        assert!(FetchError::Timeout(1.0).is_transient());
        assert!(!FetchError::Status(404).is_transient());
        assert!(!FetchError::Status(410).is_transient());
        assert!(!FetchError::Robots.is_transient());
        assert!(!FetchError::TooLarge(10).is_transient());
        assert_eq!(FetchError::Status(410).class(), ErrorClass::NotFound);
        assert_eq!(FetchError::Status(403).class(), ErrorClass::ClientError);
    }
}
