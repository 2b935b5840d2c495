//! Each source shipped in `config/sources.toml` against a small fixture shaped like its real pages.
//!
//! The real sites cannot be reached from the build machines, so these tests pin what the entries
//! promise: the entry validates, real-looking article URLs match its pattern (and channel pages do not),
//! and each of its listings yields the article links from a page of the documented shape (HTML with the
//! documented selector, or the JSON/JSONP list API). When a site changes, the fixture here is the
//! place to update along with the entry.

use bytes::Bytes;
use serde::Deserialize;
use url::Url;
use zhnews_crawl::{CrawlSettings, Fetched, PageKind, SourceConfig, SourcePlan, Validators};

const EMBEDDED: &str = include_str!("../../../config/sources.toml");

#[derive(Deserialize)]
struct Config {
    crawl: CrawlSettings,
    sources: Vec<SourceConfig>,
}

/// What one source must do.
struct Expectation {
    name: &'static str,
    articles: &'static [&'static str],
    not_articles: &'static [&'static str],
    /// A listing (by URL prefix) and the body it is given; every URL of `articles` that appears
    /// in the body must be found.
    listing: Option<(&'static str, &'static str)>,
}

const EXPECTED: &[Expectation] = &[
    Expectation {
        name: "163tech",
        articles: &[
            "https://www.163.com/tech/article/JC4N7LKB00097U7R.html",
            "https://www.163.com/dy/article/JC4L2V9T0511B8LM.html",
        ],
        not_articles: &["https://tech.163.com/", "https://www.163.com/tech/"],
        listing: Some((
            "https://tech.163.com/special/00097UHL/tech_datalist.js",
            r#"data_callback([{"title":"大模型公司完成新一轮融资","docurl":"https:\/\/www.163.com\/tech\/article\/JC4N7LKB00097U7R.html","time":"09/13/2024 10:20:00"},{"title":"视频","docurl":"https:\/\/v.163.com\/static\/1\/VJC4.html"}])"#,
        )),
    },
    Expectation {
        name: "sinatech",
        articles: &[
            "https://finance.sina.com.cn/tech/2024-09-13/doc-incnxyzq1234567.shtml",
            "https://tech.sina.com.cn/it/2024-09-13/doc-incnabcd7654321.shtml",
        ],
        not_articles: &[
            "https://tech.sina.com.cn/",
            "https://finance.sina.com.cn/tech/",
        ],
        listing: Some((
            "https://feed.mix.sina.com.cn/api/roll/get",
            r#"{"result":{"status":{"code":0},"data":[{"title":"AI公司发布新模型","url":"https:\/\/finance.sina.com.cn\/tech\/2024-09-13\/doc-incnxyzq1234567.shtml","ctime":"1726194000"}]}}"#,
        )),
    },
    Expectation {
        name: "qqtech",
        articles: &["https://news.qq.com/rain/a/20251016A07W8J00"],
        not_articles: &["https://news.qq.com/ch/tech/"],
        listing: Some((
            "https://i.news.qq.com/",
            r#"{"ret":0,"data":{"list":[{"id":"20251016A07W8J00","title":"芯片公司上市","url":"https://news.qq.com/rain/a/20251016A07W8J00","publish_time":"2025-10-16 12:00:00"}]}}"#,
        )),
    },
    Expectation {
        name: "36kr",
        articles: &[
            "https://www.36kr.com/p/2950112233445566",
            "https://36kr.com/p/2950112233445567",
            "https://www.36kr.com/newsflashes/2950112233",
        ],
        not_articles: &["https://www.36kr.com/information/technology/"],
        listing: Some((
            "https://www.36kr.com/information/technology",
            r#"<html><body><div class="information-flow-list"><a class="article-item-title" href="/p/2950112233445566">某机器人公司获数亿元B轮融资</a><a href="/information/AI/">AI</a></div></body></html>"#,
        )),
    },
    Expectation {
        name: "huxiu",
        articles: &["https://www.huxiu.com/article/3412345.html"],
        not_articles: &[
            "https://www.huxiu.com/channel/105.html",
            "https://www.huxiu.com/moment/123.html",
        ],
        listing: Some((
            "https://www.huxiu.com/channel/105.html",
            r#"<html><body><div class="article-item"><a href="/article/3412345.html">大模型价格战</a></div><a href="/channel/106.html">车</a></body></html>"#,
        )),
    },
    Expectation {
        name: "tmtpost",
        articles: &["https://www.tmtpost.com/7212345.html"],
        not_articles: &["https://www.tmtpost.com/column/6916385"],
        listing: Some((
            "https://www.tmtpost.com/column/6916385",
            r#"<html><body><ul><li><a href="https://www.tmtpost.com/7212345.html">钛媒体快报</a></li><li><a href="/tag/ai">AI</a></li></ul></body></html>"#,
        )),
    },
    Expectation {
        name: "ithome",
        articles: &[
            "https://www.ithome.com/0/795/123.htm",
            "https://www.ithome.com/0/1795/123.htm",
        ],
        not_articles: &[
            "https://www.ithome.com/list/",
            "https://www.ithome.com/tag/ai",
        ],
        listing: Some((
            "https://www.ithome.com/list/",
            r#"<html><body><div id="list"><div class="fl"><ul><li><i>10:20</i><a class="t" href="https://www.ithome.com/0/795/123.htm">小米发布新品</a></li></ul></div><div class="fr"><a class="t" href="https://www.ithome.com/0/795/999.htm">热榜</a></div></div></body></html>"#,
        )),
    },
    Expectation {
        name: "qbitai",
        articles: &["https://www.qbitai.com/2024/09/189234.html"],
        not_articles: &["https://www.qbitai.com/category/ai"],
        listing: Some((
            "https://www.qbitai.com/",
            r#"<html><body><div class="article_list"><div class="picture_text"><div class="text_box"><h4><a href="https://www.qbitai.com/2024/09/189234.html">OpenAI发布o1</a></h4><p>摘要</p></div></div></div></body></html>"#,
        )),
    },
    Expectation {
        name: "jiqizhixin",
        articles: &["https://www.jiqizhixin.com/articles/2024-09-13-5"],
        not_articles: &[
            "https://www.jiqizhixin.com/",
            "https://www.jiqizhixin.com/columns/aitech",
        ],
        listing: Some((
            "https://www.jiqizhixin.com/",
            r#"<html><body><article><a class="article-item__title" href="/articles/2024-09-13-5">机器之心报道</a></article></body></html>"#,
        )),
    },
    Expectation {
        name: "thepaper",
        articles: &[
            "https://www.thepaper.cn/newsDetail_forward_28712345",
            "https://m.thepaper.cn/detail/28712345",
        ],
        not_articles: &["https://www.thepaper.cn/channel_119908"],
        listing: Some((
            "https://www.thepaper.cn/channel_119908",
            r#"<html><body><div class="news_li"><a href="newsDetail_forward_28712345" target="_blank">科技公司发布财报</a></div></body></html>"#,
        )),
    },
];

fn fetched(url: &Url, body: &str) -> Fetched {
    Fetched {
        final_url: url.clone(),
        redirects: vec![],
        status: 200,
        not_modified: false,
        body: Bytes::copy_from_slice(body.as_bytes()),
        content_type: None,
        charset: None,
        validators: Validators::default(),
        attempts: 1,
    }
}

fn embedded() -> Config {
    toml::from_str(EMBEDDED).expect("config/sources.toml parses")
}

#[test]
fn every_embedded_source_is_covered_and_valid() {
    let config = embedded();
    config.crawl.validate().expect("[crawl] is valid");
    zhnews_crawl::settings::validate_sources(&config.sources, &config.crawl)
        .expect("sources valid");
    let names: Vec<&str> = config.sources.iter().map(|s| s.name.as_str()).collect();
    for expected in EXPECTED {
        assert!(
            names.contains(&expected.name),
            "{} is no longer shipped",
            expected.name
        );
    }
    for name in &names {
        assert!(
            EXPECTED.iter().any(|e| e.name == *name),
            "source {name} has no fixture test here"
        );
    }
}

#[test]
fn article_patterns_take_articles_and_leave_channel_pages() {
    let config = embedded();
    for expected in EXPECTED {
        let source = config
            .sources
            .iter()
            .find(|s| s.name == expected.name)
            .unwrap();
        let plan = SourcePlan::new(source, &config.crawl).unwrap();
        for url in expected.articles {
            let canonical = zhnews_crawl::canonicalize(url).unwrap();
            assert!(
                plan.is_article(&canonical),
                "{}: {url} should be an article",
                expected.name
            );
        }
        for url in expected.not_articles {
            let canonical = zhnews_crawl::canonicalize(url).unwrap();
            assert!(
                !plan.is_article(&canonical),
                "{}: {url} is not an article",
                expected.name
            );
        }
    }
}

#[test]
fn listings_yield_their_article_links() {
    let config = embedded();
    for expected in EXPECTED {
        let Some((prefix, body)) = expected.listing else {
            continue;
        };
        let source = config
            .sources
            .iter()
            .find(|s| s.name == expected.name)
            .unwrap();
        let plan = SourcePlan::new(source, &config.crawl).unwrap();
        let (page, _) = plan
            .start
            .iter()
            .find(|(url, kind)| *kind == PageKind::Listing && url.as_str().starts_with(prefix))
            .unwrap_or_else(|| panic!("{}: no listing starting with {prefix}", expected.name));
        let found = plan
            .discover(PageKind::Listing, page.as_str(), &fetched(page, body))
            .unwrap_or_else(|e| panic!("{}: {e}", expected.name));
        let found: Vec<String> = found.articles.iter().map(Url::to_string).collect();
        let wanted: Vec<String> = expected
            .articles
            .iter()
            .filter(|u| {
                body.contains(&u.replace('/', "\\/")) || body.contains(*u) || {
                    // Relative links in the fixture: match on the path.
                    let path = Url::parse(u).unwrap().path().to_owned();
                    body.contains(path.trim_start_matches('/'))
                }
            })
            .map(|u| zhnews_crawl::canonicalize(u).unwrap().to_string())
            .collect();
        assert!(
            !wanted.is_empty(),
            "{}: the fixture holds one of its articles",
            expected.name
        );
        for url in &wanted {
            assert!(
                found.contains(url),
                "{}: {url} not found in listing, got {found:?}",
                expected.name
            );
        }
        for url in &found {
            assert!(
                plan.is_article(&Url::parse(url).unwrap()),
                "{}: listing yielded a non-article {url}",
                expected.name
            );
        }
    }
}
