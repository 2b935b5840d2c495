//! URL canonicalization: the one spelling of a URL that dedup keys on.
//!
//! Only http and https are accepted. The scheme and host are lowercased and default ports dropped (the
//! `url` crate does both), the fragment removed, tracking parameters (`utm_*`, click ids, share markers)
//! removed, and the remaining query parameters sorted so that reordered links compare equal.

use url::Url;

/// Why a string is not a crawlable URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The text does not parse as an absolute URL.
    #[error("not a URL ({0})")]
    Parse(String),
    /// The scheme is not http or https.
    #[error("scheme `{0}` is not http or https")]
    Scheme(String),
    /// The URL has no host.
    #[error("URL has no host")]
    NoHost,
}

/// Query parameters that only track where a click came from (compared lowercase).
const TRACKING_PARAMS: &[&str] = &[
    "gclid",
    "dclid",
    "fbclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "spm",
    "scm",
    "from",
    "isappinstalled",
    "share_token",
    "sharesource",
    "share_source",
    "wfr",
    "s_trans",
    "sessionid",
    "wx_share",
    "ref",
];

fn is_tracking(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_") || TRACKING_PARAMS.contains(&k.as_str())
}

/// Parses and canonicalizes an absolute URL.
pub fn canonicalize(text: &str) -> Result<Url, UrlError> {
    let url = Url::parse(text.trim()).map_err(|e| UrlError::Parse(e.to_string()))?;
    canonical(url)
}

/// Resolves `href` against `base` and canonicalizes the result.
pub fn resolve(base: &Url, href: &str) -> Result<Url, UrlError> {
    let url = base
        .join(href.trim())
        .map_err(|e| UrlError::Parse(e.to_string()))?;
    canonical(url)
}

/// Canonicalizes a parsed URL.
pub fn canonical(mut url: Url) -> Result<Url, UrlError> {
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(UrlError::Scheme(other.to_owned())),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlError::NoHost);
    }
    url.set_fragment(None);
    if url.query().is_some() {
        let mut pairs: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if pairs.is_empty() {
            url.set_query(None);
        } else {
            pairs.sort();
            url.query_pairs_mut().clear().extend_pairs(pairs);
        }
    }
    // A trailing dot names the same host (`example.com.`).
    if let Some(host) = url.host_str()
        && host.ends_with('.')
        && host.len() > 1
    {
        let trimmed = host.trim_end_matches('.').to_owned();
        let _ = url.set_host(Some(&trimmed));
    }
    Ok(url)
}

/// The origin key of a URL (`scheme://host:port`), the unit of politeness and robots.txt.
pub fn origin_key(url: &Url) -> String {
    url.origin().ascii_serialization()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_fragments_ports_and_case_go() {
        let a = canonicalize(
            "HTTPS://WWW.Example.COM:443/news/1.html?utm_source=wx&id=7&utm_medium=x&spm=a.b#comments",
        )
        .unwrap();
        assert_eq!(a.as_str(), "https://www.example.com/news/1.html?id=7");
        let b = canonicalize("http://example.com:80/a?b=2&a=1").unwrap();
        assert_eq!(b.as_str(), "http://example.com/a?a=1&b=2");
        assert_eq!(
            canonicalize("https://example.com/x?utm_campaign=1")
                .unwrap()
                .as_str(),
            "https://example.com/x"
        );
        // A non-default port is part of the origin and stays.
        assert_eq!(
            canonicalize("http://127.0.0.1:8080/a").unwrap().as_str(),
            "http://127.0.0.1:8080/a"
        );
    }

    #[test]
    fn only_http_urls() {
        assert_eq!(
            canonicalize("ftp://example.com/a"),
            Err(UrlError::Scheme("ftp".into()))
        );
        assert!(matches!(canonicalize("not a url"), Err(UrlError::Parse(_))));
        assert!(canonicalize("mailto:a@b.c").is_err());
    }

    #[test]
    fn relative_links_resolve() {
        let base = Url::parse("https://www.ithome.com/list/").unwrap();
        assert_eq!(
            resolve(&base, "../0/123/456.htm#top").unwrap().as_str(),
            "https://www.ithome.com/0/123/456.htm"
        );
        assert_eq!(
            origin_key(&Url::parse("http://a.com:81/x").unwrap()),
            "http://a.com:81"
        );
    }
}
