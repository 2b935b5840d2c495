//! The author read from whole pages, one test per byline family, with the look-alikes (sources,
//! editors, photo credits, menu words) that must not be taken for an author. Every page here was
//! written for these tests; names and outlets are made up.

use zhnews_article::{PageInfo, extract};

fn author_of(page: &str) -> Option<String> {
    extract(page.as_bytes(), &PageInfo::default())
        .expect("a page")
        .author
}

/// Body paragraphs long enough to be chosen as the article text.
fn paragraphs(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>第{i}段：城东的老菜市场改造完成后，摊位重新排了号，街坊们说买菜比以前方便多了，\
                 不少年轻人周末也愿意来逛一逛，看看新开的小吃铺子。</p>"
            )
        })
        .collect()
}

fn news_page(byline: &str, tail: &str) -> String {
    format!(
        "<html><head><title>老菜市场换新颜_某某晚报</title></head><body>\
         <div class=nav><a href=/>首页</a> <a href=/city>城市</a></div>\
         <h1>老菜市场换新颜</h1><div class=info>{byline}</div>\
         <div class=content>{}{tail}</div>\
         <div class=foot>关于我们 | 联系方式</div></body></html>",
        paragraphs(5)
    )
}

#[test]
fn labelled_byline_beats_the_editor_and_the_source() {
    let page = news_page(
        "2023-03-02 09:15 来源：某某晚报 记者：周明远",
        "<p>责任编辑：陈小燕</p>",
    );
    assert_eq!(author_of(&page).as_deref(), Some("周明远"));
}

#[test]
fn reporters_label_after_an_outlet_name() {
    // "交汇点" ends in a Han character that is no outlet suffix (报/社/台/网/刊).
    let page = news_page("2023-03-02 09:15", "<p>东南日报·晨风客户端记者 韩立秋</p>");
    assert_eq!(author_of(&page).as_deref(), Some("韩立秋"));
    let trainee = news_page("实习记者 宋一鸣 通讯员 蒋红", "");
    assert_eq!(author_of(&trainee).as_deref(), Some("宋一鸣 蒋红"));
}

#[test]
fn a_byline_over_two_lines_gives_every_name() {
    let page = news_page(
        "<p>本报实习生 孟凡 白露</p><p>本报记者 钟毅 何晴</p><p>2003-07-24 城市晚报</p>",
        "",
    );
    let got = author_of(&page).unwrap_or_default();
    let mut names: Vec<&str> = got.split(' ').collect();
    names.sort_unstable();
    let mut want = vec!["孟凡", "白露", "钟毅", "何晴"];
    want.sort_unstable();
    assert_eq!(names, want);
}

#[test]
fn bare_name_under_the_headline() {
    let page = format!(
        "<html><head><title>论慢生活</title></head><body><h1>论慢生活</h1><p>林青禾</p>\
         <div class=content>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&page).as_deref(), Some("林青禾"));
    // Several authors of a paper on one line, separated by 、.
    let paper = format!(
        "<html><head><title>城市更新中的社区参与</title></head><body><h1>城市更新中的社区参与</h1>\
         <p>郑远、方小禾</p><div class=content>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&paper).as_deref(), Some("郑远 方小禾"));
}

#[test]
fn bare_name_under_a_headline_the_head_does_not_name() {
    // The <title> says nothing useful, so the headline is only a short line before the essay.
    let page = format!(
        "<html><head><title>显示文章</title></head><body><div>犬与鹤(上篇)</div><div>方明</div>\
         <div>——一篇随笔</div>{}</body></html>",
        paragraphs(6)
    );
    assert_eq!(author_of(&page).as_deref(), Some("方明"));
}

#[test]
fn menu_words_and_times_under_the_headline_are_no_names() {
    for line in [
        "<a href=/m>手机版</a>",
        "<span>字号</span>",
        "<span>调整字体</span>",
        "<span>某某科技 昨天</span>",
    ] {
        let page = format!(
            "<html><head><title>论慢生活</title></head><body><h1>论慢生活</h1>{line}\
             <div class=content>{}</div></body></html>",
            paragraphs(5)
        );
        assert_eq!(author_of(&page), None, "{line}");
    }
}

#[test]
fn forum_thread_names_the_first_poster() {
    let post = |text: &str, at: &str, who: &str| {
        format!(
            "<tr><td><a href=/u>{who}</a></td><td>{text}\
             <p>〓 某某社区 影评版 发布时间 {at} by <a href=/u>{who}</a> 〓</p></td></tr>"
        )
    };
    let page = format!(
        "<html><head><title>某某社区</title></head><body><table>{}{}</table></body></html>",
        post(&paragraphs(5), "2005/05/17 22:11:42", "夜航船"),
        post(&paragraphs(2), "2005/05/18 13:45:40", "moonwalker")
    );
    assert_eq!(author_of(&page).as_deref(), Some("夜航船"));
}

#[test]
fn forum_and_blog_post_lines() {
    // "本贴由X于…发表" in an old board, "X 发表于 …" right above a blog post.
    let board = format!(
        "<html><head><title>育儿心得</title></head><body><div>{}\
         <p>本贴由云朵于2005年8月12日16:12:21在〖亲子乐园〗发表.</p><p>郑重声明</p></div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&board).as_deref(), Some("云朵"));
    let blog = format!(
        "<html><head><title>Blog--读书笔记</title></head><body>\
         <div class=side><p>Blog名:读书笔记</p><p>日志:279</p></div>\
         <div><a href=/u>bookworm_77</a> 发表于 2005-9-15 11:46:00</div>\
         <div class=post>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&blog).as_deref(), Some("bookworm_77"));
}

#[test]
fn forum_nickname_with_symbols_after_a_label() {
    let page = format!(
        "<html><head><title>主题：周末骑行路线分享</title></head><body>\
         <h1>主题：周末骑行路线分享</h1><div>楼层：第 1 楼 时间：2005-08-28 20:56:20</div>\
         <div>作者： 追风&少年</div><div class=content>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&page).as_deref(), Some("追风&少年"));
}

#[test]
fn signatures_at_the_end_of_the_body() {
    let note = news_page(
        "2023-03-02",
        "<p>（作者丁一凡系某某大学城市规划系教授）</p>",
    );
    assert_eq!(author_of(&note).as_deref(), Some("丁一凡"));
    let report = news_page(
        "2023-03-02",
        "<p>市场管理方表示，改造还将继续。（冯涛 上海报道）</p>",
    );
    assert_eq!(author_of(&report).as_deref(), Some("冯涛"));
}

#[test]
fn official_document_names_its_issuer() {
    let page = format!(
        "<html><head><title>关于做好春季植树工作的通知</title></head><body>\
         <table><tr><td>发文机关：</td><td>某某市人民政府</td></tr>\
         <tr><td>发布日期：</td><td>2022年03月01日</td></tr></table>\
         <h1>关于做好春季植树工作的通知</h1><div class=content>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&page).as_deref(), Some("某某市人民政府"));
}

#[test]
fn sources_and_photo_credits_are_not_authors() {
    let source_only = news_page("2023-03-02 09:15 来源：新华社", "");
    assert_eq!(author_of(&source_only), None);
    let photo = news_page(
        "2023-03-02 09:15",
        "<p>市民在新市场里挑选蔬菜。某某社记者 郑晓光 摄</p><p>（卢小川摄）</p>",
    );
    assert_eq!(author_of(&photo), None);
    // A writer and a photographer on one line: the writer.
    let both = news_page("某某商报记者贺一鸣/文 受访者供图", "");
    assert_eq!(author_of(&both).as_deref(), Some("贺一鸣"));
}

#[test]
fn a_meta_author_that_is_the_site_yields_to_the_page() {
    let page = format!(
        "<html><head><title>老菜市场换新颜_某某网财经</title><meta name=author content=某某网></head>\
         <body><h1>老菜市场换新颜</h1><div class=content>{}<p>责任编辑：齐乐_NB1234</p></div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&page).as_deref(), Some("齐乐"));
    // A blog named after its owner keeps the owner.
    let blog = format!(
        "<html><head><title>春日随笔_林一舟的博客</title><meta name=author content=林一舟>\
         <meta property=og:site_name content=林一舟的博客></head>\
         <body><h1>春日随笔</h1><div class=content>{}</div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&blog).as_deref(), Some("林一舟"));
}

#[test]
fn a_sentence_about_publishing_names_no_poster() {
    let page = format!(
        "<html><head><title>新材料研究取得进展</title></head><body><h1>新材料研究取得进展</h1>\
         <div class=content>{}<p>研究成果发表于《材料前沿》杂志。</p></div></body></html>",
        paragraphs(5)
    );
    assert_eq!(author_of(&page), None);
}

#[test]
fn gbk_forum_thread_fixture_names_the_opening_poster() {
    let bytes = include_bytes!("../../../fixtures/article/forum_thread_gbk.html");
    let a = extract(bytes, &PageInfo::default()).expect("a page");
    assert_eq!(a.author.as_deref(), Some("青石巷"));
    assert_eq!(
        a.published_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2006-03-15T22:36:13+08:00")
    );
}
