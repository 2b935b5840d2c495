//! Site profiles and boilerplate rules from `config/sites.toml` (embedded at build time).
//!
//! A profile names the CSS selectors that hold a site's article body, the noise regions inside it,
//! and, for forums, Q&A and encyclopedias, the page kind of the whole host. The boilerplate rules
//! (lines to drop, lines that end the body) apply to every site.

use regex::{Regex, RegexSet};
use scraper::Selector;
use serde::Deserialize;
use std::sync::LazyLock;
use zhnews_model::PageKind;

const SITES_TOML: &str = include_str!("../../../config/sites.toml");

#[derive(Debug, Deserialize)]
struct File {
    boilerplate: BoilerplateFile,
    #[serde(default)]
    site: Vec<SiteFile>,
}

#[derive(Debug, Deserialize)]
struct BoilerplateFile {
    #[serde(default)]
    drop: Vec<String>,
    #[serde(default)]
    stop: Vec<String>,
    #[serde(default = "default_max_drop")]
    max_drop_chars: usize,
}

fn default_max_drop() -> usize {
    60
}

#[derive(Debug, Deserialize)]
struct SiteFile {
    name: Option<String>,
    hosts: Vec<String>,
    #[serde(default)]
    body: Vec<String>,
    #[serde(default)]
    noise: Vec<String>,
    kind: Option<String>,
    #[serde(default)]
    paths: Vec<String>,
}

/// One site's profile.
#[derive(Debug)]
pub struct Site {
    /// Display name.
    pub name: Option<String>,
    hosts: Vec<String>,
    /// Body selectors in order of preference.
    pub body: Vec<Selector>,
    /// Noise selectors.
    pub noise: Vec<Selector>,
    kind: Option<PageKind>,
    paths: Vec<String>,
}

impl Site {
    /// The page kind this profile forces for `path`, if any.
    pub fn kind_for(&self, path: &str) -> Option<PageKind> {
        let kind = self.kind?;
        (self.paths.is_empty() || self.paths.iter().any(|p| path.starts_with(p.as_str())))
            .then_some(kind)
    }
}

/// The boilerplate rules.
#[derive(Debug)]
pub struct Boilerplate {
    drop: Vec<Regex>,
    stop: RegexSet,
    max_drop_chars: usize,
}

impl Boilerplate {
    /// True when a body line is boilerplate to remove.
    pub fn drops(&self, line: &str) -> bool {
        let long = line.chars().count() > self.max_drop_chars;
        // Long lines are prose: only the unanchored phrase rules may remove them.
        self.drop
            .iter()
            .any(|re| (!long || !re.as_str().starts_with('^')) && re.is_match(line))
    }

    /// True when a line starts what follows the article (related lists, comments).
    pub fn stops(&self, line: &str) -> bool {
        line.chars().count() <= 30 && self.stop.is_match(line)
    }
}

/// All profiles and rules.
#[derive(Debug)]
pub struct Profiles {
    /// The boilerplate rules.
    pub boilerplate: Boilerplate,
    /// Per-site profiles.
    pub sites: Vec<Site>,
}

impl Profiles {
    /// The profile for a host, the most specific (longest matching host entry) first.
    pub fn for_host(&self, host: &str) -> Option<&Site> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.sites
            .iter()
            .filter_map(|s| {
                s.hosts
                    .iter()
                    .filter(|h| host == **h || host.ends_with(&format!(".{h}")))
                    .map(|h| h.len())
                    .max()
                    .map(|len| (len, s))
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, s)| s)
    }
}

fn parse(text: &str) -> Result<Profiles, String> {
    let file: File = toml::from_str(text).map_err(|e| format!("config/sites.toml: {e}"))?;
    let drop = file
        .boilerplate
        .drop
        .iter()
        .map(|r| Regex::new(r).map_err(|e| format!("drop rule {r}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let stop = RegexSet::new(&file.boilerplate.stop).map_err(|e| format!("stop rules: {e}"))?;
    let selectors = |list: &[String]| -> Result<Vec<Selector>, String> {
        list.iter()
            .map(|s| Selector::parse(s).map_err(|e| format!("selector {s}: {e}")))
            .collect()
    };
    let mut sites = Vec::new();
    for s in file.site {
        let kind = match s.kind.as_deref() {
            None => None,
            Some("list") => Some(PageKind::List),
            Some("other") => Some(PageKind::Other),
            Some("article") => Some(PageKind::Article),
            Some(k) => return Err(format!("unknown kind {k}")),
        };
        sites.push(Site {
            name: s.name,
            hosts: s.hosts.iter().map(|h| h.to_ascii_lowercase()).collect(),
            body: selectors(&s.body)?,
            noise: selectors(&s.noise)?,
            kind,
            paths: s.paths,
        });
    }
    Ok(Profiles {
        boilerplate: Boilerplate {
            drop,
            stop,
            max_drop_chars: file.boilerplate.max_drop_chars,
        },
        sites,
    })
}

/// The embedded profiles. The file is checked by a unit test, so a broken edit fails `cargo test`.
pub static PROFILES: LazyLock<Profiles> = LazyLock::new(|| match parse(SITES_TOML) {
    Ok(p) => p,
    Err(_) => Profiles {
        boilerplate: Boilerplate {
            drop: Vec::new(),
            stop: RegexSet::empty(),
            max_drop_chars: 60,
        },
        sites: Vec::new(),
    },
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses() {
        let p = parse(SITES_TOML).unwrap();
        assert!(p.sites.len() >= 12);
        assert_eq!(
            p.for_host("news.163.com").and_then(|s| s.name.as_deref()),
            Some("网易")
        );
        assert_eq!(
            p.for_host("mp.weixin.qq.com")
                .and_then(|s| s.name.as_deref()),
            Some("微信公众平台")
        );
        assert!(p.for_host("example.com").is_none());
        assert!(p.for_host("not163.com").is_none());
    }

    #[test]
    fn boilerplate_lines_go_and_prose_stays() {
        let b = &PROFILES.boilerplate;
        for line in [
            "责任编辑：张三_NB123",
            "原标题：某某某",
            "（来源：某报）",
            "打开网易新闻 查看精彩图片",
            "分享到：微信 微博",
            "Copyright © 2024 Example",
            "返回搜狐，查看更多",
        ] {
            assert!(b.drops(line), "{line}");
        }
        for line in [
            "来源于一线的数据显示，今年市场回暖明显，多家公司上调了全年的营收预期，分析师认为这一趋势将持续到明年。",
            "记者了解到，这家公司去年完成了两轮融资。",
            "版本更新后，用户可以在设置中找到新的隐私选项。",
        ] {
            assert!(!b.drops(line), "{line}");
        }
        assert!(b.stops("相关阅读"));
        assert!(b.stops("【相关新闻】"));
        assert!(b.stops("你可能還想看"));
        assert!(b.stops("延伸閱讀："));
        assert!(!b.stops("相关阅读材料显示，这家公司去年营收翻番。"));
    }

    #[test]
    fn kinds_by_host_and_path() {
        let p = &PROFILES;
        assert_eq!(
            p.for_host("tieba.baidu.com")
                .and_then(|s| s.kind_for("/p/1")),
            Some(PageKind::Other)
        );
        let zhihu = p.for_host("www.zhihu.com").unwrap();
        assert_eq!(zhihu.kind_for("/question/1"), Some(PageKind::Other));
        assert_eq!(zhihu.kind_for("/p/1"), None);
    }
}
