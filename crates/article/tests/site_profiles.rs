//! Each news-site profile in `config/sites.toml` against a page shaped like that site's articles.
//!
//! The sites cannot be reached from the build machines, so the profiles come from notes on their
//! markup. Each test page puts the article in the profile's body container, a noise region inside it
//! (share bar, editor line) and a long decoy block outside it; the profile must pick the article,
//! drop the noise and name the site. When a site changes its markup, update the page here with the
//! profile.

use zhnews_article::{PageInfo, extract};
use zhnews_model::PageKind;

/// (site name in the profile, article URL, body container opening tag, its closing tag, noise element).
const PROFILES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "网易",
        "https://www.163.com/tech/article/JC4N7LKB00097U7R.html",
        r#"<div class="post_body">"#,
        "</div>",
        r#"<div class="post_btmshare">NOISE分享到微博</div>"#,
    ),
    (
        "新浪",
        "https://finance.sina.com.cn/tech/2024-09-13/doc-incnxyzq1234567.shtml",
        r#"<div id="artibody">"#,
        "</div>",
        r#"<p class="article-editor">NOISE责任编辑：王某</p>"#,
    ),
    (
        "腾讯网",
        "https://news.qq.com/rain/a/20251016A07W8J00",
        r#"<div class="content-article">"#,
        "</div>",
        r#"<div class="qq_editor">NOISE编辑某某</div>"#,
    ),
    (
        "搜狐",
        "https://www.sohu.com/a/812345678_121124",
        r#"<article class="article">"#,
        "</article>",
        r#"<p data-role="editor-name">NOISE责任编辑：<span>某某</span></p>"#,
    ),
    (
        "凤凰网",
        "https://tech.ifeng.com/c/8d2abcdEFgh",
        r#"<div class="main_content-r5RGqegj">"#,
        "</div>",
        r#"<div class="copyright-1aBcD">NOISE凤凰网版权所有</div>"#,
    ),
    (
        "澎湃新闻",
        "https://www.thepaper.cn/newsDetail_forward_28712345",
        r#"<div class="index_cententWrap__Jv8jK">"#,
        "</div>",
        r#"<div class="index_copyright__x1">NOISE澎湃新闻版权所有</div>"#,
    ),
    (
        "36氪",
        "https://36kr.com/p/2950112233445566",
        r#"<div class="common-width content articleDetailContent kr-rich-text-wrapper">"#,
        "</div>",
        r#"<div class="article-footer-txt">NOISE本文来自36氪</div>"#,
    ),
    (
        "虎嗅网",
        "https://www.huxiu.com/article/3412345.html",
        r#"<div id="article-content">"#,
        "</div>",
        r#"<div class="neirong-shouquan">NOISE本内容由作者授权发布</div>"#,
    ),
    (
        "钛媒体",
        "https://www.tmtpost.com/7212345.html",
        r#"<article><div class="inner">"#,
        "</div></article>",
        r#"<div class="post-share">NOISE分享</div>"#,
    ),
    (
        "IT之家",
        "https://www.ithome.com/0/795/123.htm",
        r#"<div id="paragraph">"#,
        "</div>",
        r#"<p class="ad-tips">NOISE广告声明</p>"#,
    ),
    (
        "量子位",
        "https://www.qbitai.com/2024/09/189234.html",
        r#"<div class="article">"#,
        "</div>",
        r#"<div class="zhaiyao">NOISE摘要</div>"#,
    ),
    (
        "微信公众平台",
        "https://mp.weixin.qq.com/s/Abc123DEF456ghi789",
        r#"<div class="rich_media_content" id="js_content">"#,
        "</div>",
        r#"<div class="qr_code_pc">NOISE微信扫一扫关注该公众号</div>"#,
    ),
    (
        "机器之心",
        "https://www.jiqizhixin.com/articles/2024-09-13-5",
        r#"<div class="article__content">"#,
        "</div>",
        r#"<div class="article__footer">NOISE机器之心原创</div>"#,
    ),
];

const PARAGRAPHS: [&str; 3] = [
    "据了解，这家成立于2021年的大模型公司本轮融资由多家知名机构联合领投，老股东继续跟投，资金将主要用于模型训练、算力采购和海外市场拓展。",
    "公司创始人在接受采访时表示，过去一年团队规模扩大了一倍，产品的日活跃用户已经突破一千万，商业化收入也在稳步增长。",
    "业内人士分析认为，随着行业竞争进入下半场，头部公司的融资节奏明显放缓，能否找到可持续的商业模式成为投资人最关心的问题。",
];

fn page(container_open: &str, container_close: &str, noise: &str) -> String {
    let decoy: String = (0..6)
        .map(|i| format!("<li><a href=\"/news/{i}.html\">DECOY相关推荐：另一家公司发布了新的财报，营收同比增长，净利润创下历史新高，股价随之上涨。</a></li>"))
        .collect();
    let body: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>大模型公司完成新一轮融资</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a><a href=\"/tech\">科技</a></div>\
         <h1>大模型公司完成新一轮融资</h1><div class=\"info\">2024-09-13 10:20</div>\
         {container_open}{body}{noise}{container_close}\
         <div class=\"sidebar\"><h3>相关推荐</h3><ul>{decoy}</ul></div></body></html>"
    )
}

#[test]
fn every_site_profile_picks_the_article_and_drops_its_noise() {
    for (site, url, open, close, noise) in PROFILES {
        let html = page(open, close, noise);
        let info = PageInfo {
            url: Some(url),
            ..PageInfo::default()
        };
        let article = extract(html.as_bytes(), &info).unwrap_or_else(|e| panic!("{site}: {e}"));
        assert_eq!(article.kind, PageKind::Article, "{site}");
        for paragraph in PARAGRAPHS {
            assert!(
                article.body.contains(paragraph),
                "{site}: paragraph missing from {:?}",
                article.body
            );
        }
        assert!(
            !article.body.contains("NOISE"),
            "{site}: noise kept: {:?}",
            article.body
        );
        assert!(
            !article.body.contains("DECOY"),
            "{site}: decoy kept: {:?}",
            article.body
        );
        assert_eq!(
            article.title.as_deref(),
            Some("大模型公司完成新一轮融资"),
            "{site}"
        );
        assert_eq!(article.site.as_deref(), Some(*site), "{site}: site name");
    }
}

#[test]
fn every_news_profile_in_sites_toml_has_a_page_here() {
    let config = include_str!("../../../config/sites.toml");
    let table: toml::Table = config.parse().unwrap();
    let sites = table["site"].as_array().unwrap();
    for site in sites {
        let has_body = site.get("body").is_some();
        let name = site["name"].as_str().unwrap();
        if has_body {
            assert!(
                PROFILES.iter().any(|p| p.0 == name),
                "profile {name} has no test page"
            );
        }
    }
}
