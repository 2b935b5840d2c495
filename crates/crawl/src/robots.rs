//! robots.txt (RFC 9309): groups by user agent, Allow/Disallow with `*` and `$`, longest match wins
//! (Allow on a tie), plus the non-standard Crawl-delay and the Sitemap lines.
//!
//! Parsing only; fetching and caching per origin is the fetcher's job.

/// The rules that apply to one crawler on one origin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, pattern), in file order.
    rules: Vec<(bool, String)>,
    /// Crawl-delay in seconds, if the group gives one.
    pub crawl_delay: Option<f64>,
    /// Sitemap URLs declared anywhere in the file.
    pub sitemaps: Vec<String>,
    /// Everything is disallowed (robots.txt unreachable with a server error).
    disallow_all: bool,
}

impl Robots {
    /// Rules that allow everything (no robots.txt, or a 4xx for it).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Rules that forbid everything (robots.txt answered with a server error).
    pub fn disallow_all() -> Robots {
        Robots {
            disallow_all: true,
            ..Robots::default()
        }
    }

    /// Parses a robots.txt for the product token `agent` (lowercase, e.g. `zhnews`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        #[derive(Default)]
        struct Group {
            agents: Vec<String>,
            rules: Vec<(bool, String)>,
            delay: Option<f64>,
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut sitemaps = Vec::new();
        let mut in_agents = false;
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push(Group::default());
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.agents.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !value.is_empty()
                    {
                        g.rules.push((key == "allow", value.to_owned()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        g.delay = value
                            .parse::<f64>()
                            .ok()
                            .filter(|d| d.is_finite() && *d >= 0.0);
                    }
                }
                "sitemap" => sitemaps.push(value.to_owned()),
                _ => {}
            }
        }
        let agent = agent.to_ascii_lowercase();
        let mine: Vec<&Group> = groups
            .iter()
            .filter(|g| {
                g.agents
                    .iter()
                    .any(|a| a != "*" && !a.is_empty() && agent.starts_with(a.as_str()))
            })
            .collect();
        let chosen: Vec<&Group> = if mine.is_empty() {
            groups
                .iter()
                .filter(|g| g.agents.iter().any(|a| a == "*"))
                .collect()
        } else {
            mine
        };
        Robots {
            rules: chosen.iter().flat_map(|g| g.rules.clone()).collect(),
            crawl_delay: chosen.iter().find_map(|g| g.delay),
            sitemaps,
            disallow_all: false,
        }
    }

    /// Whether `path_and_query` (e.g. `/a/b?c=1`) may be fetched.
    pub fn allowed(&self, path_and_query: &str) -> bool {
        if self.disallow_all {
            return false;
        }
        if path_and_query == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path_and_query) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Matches a robots pattern (`*` any run, `$` end anchor) against the start of `path`.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0usize;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
            continue;
        }
        let is_last = i == parts.len() - 1;
        if is_last && anchored {
            return path.len() >= pos + part.len() && path.ends_with(part);
        }
        match path[pos..].find(part) {
            Some(found) => pos += found + part.len(),
            None => return false,
        }
    }
    !anchored || pos == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "User-agent: *\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 3\n\nUser-agent: badbot\nUser-agent: zhnews\nDisallow: /zh-only/\nDisallow: /*.pdf$\nCrawl-delay: 0.5\n\nSitemap: https://x.com/sitemap.xml\n";

    #[test]
    fn own_group_wins_over_star() {
        let r = Robots::parse(TXT, "zhnews");
        assert!(!r.allowed("/zh-only/a"));
        assert!(r.allowed("/private/a"));
        assert!(!r.allowed("/doc/a.pdf"));
        assert!(r.allowed("/doc/a.pdf?x=1"));
        assert_eq!(r.crawl_delay, Some(0.5));
        assert_eq!(r.sitemaps, vec!["https://x.com/sitemap.xml"]);
    }

    #[test]
    fn star_group_and_longest_match() {
        let r = Robots::parse(TXT, "otherbot");
        assert!(!r.allowed("/private/x"));
        assert!(r.allowed("/private/ok/1"));
        assert!(r.allowed("/public"));
        assert_eq!(r.crawl_delay, Some(3.0));
        assert!(Robots::allow_all().allowed("/x"));
        assert!(!Robots::disallow_all().allowed("/x"));
    }

    #[test]
    fn wildcards() {
        assert!(matches("/a*/c", "/a/b/c"));
        assert!(!matches("/a*/c$", "/a/b/cd"));
        assert!(matches("/", "/anything"));
        assert!(matches("*", "/x"));
    }
}
