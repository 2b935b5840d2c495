//! The article's author: who wrote or posted the page, read from its visible bylines and metadata.
//!
//! Works on the laid-out lines ([`crate::layout`]) around the headline and the body region the
//! body extractor chose, plus the `<meta>`/JSON-LD fields ([`crate::meta`]). In order of trust:
//! labelled bylines near the headline ("作者：", "本报记者 张三", "新华日报·交汇点记者 张三",
//! several labelled lines in a row, a label alone on its line with the name under it, the issuer
//! of an official document), a forum's opening post line ("发布时间 … by 某人", "某人 发表于 …",
//! "本贴由某人于…"), a bare name on the line under the headline, metadata (unless it names the
//! site), signatures at the end of the body ("（记者 张三）", "（作者张三系…）"), and a blog owner
//! named by the page title. Returns the names separated by single spaces. Sources (来源) and photo
//! credits ("张三 摄") are never authors; an editor (责任编辑) is named only when nothing else is.
//! Knows nothing of bodies or times beyond the line indices it is given.

use crate::{layout, meta};
use regex::Regex;
use std::sync::LazyLock;

/// Byline labels before a person's name, strongest first: (label regex, priority).
static AUTHOR_LABELED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\p{Han}]|[报社台网刊])(作\s*者|撰\s*文|执笔人?|记者|实习生|通讯员|博主|发布者|发表人|楼主|发帖人|文|责任编辑|责编|编辑)\s*(?:[:：/／|｜丨]\s*|\s+)((?:[\p{Han}·]{2,4}(?:[\s、，,)）\]】]+|$)){1,6}|[A-Za-z][A-Za-z0-9_.\-&]{1,24}|[\p{Han}A-Za-z0-9_&·\-]{2,16}\s*$)",
    )
    .expect("regex")
});
/// "（记者 张三）", "（张三 李四）", "（张三 上海报道）" at the end of the body.
static AUTHOR_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*(?:[\p{Han}]{0,6}记者\s*)?([\p{Han}]{2,4}?(?:[\s、]+[\p{Han}]{2,4}?){0,4}?)\s*(?:[\p{Han}]{2}报道)?\s*[)）]\s*$")
        .expect("regex")
});
/// "（作者张三系某大学教授）": the author's note closing an opinion piece.
static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*作者\s*[:：]?\s*([\p{Han}·]{2,4}?)\s*(?:系|为|是|现任|任职)")
        .expect("regex")
});
/// A name written without a separator after its label, or before "/文".
static AUTHOR_GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:记者|通讯员|实习生)\s*([\p{Han}]{2,4}?)\s*(?:[/／]\s*[文摄图]|发自|报道)|(?:^|[\s　])([\p{Han}]{2,3})\s*[/／]\s*文(?:$|[\s　])")
        .expect("regex")
});

/// "新华日报·交汇点记者 张三", "区委宣传部通讯员 李四": a reporter's label right after the outlet's
/// name on a short byline line, the names closing it or followed by the next label ("实习记者 甲
/// 通讯员 乙"). (Inside a sentence "…告诉记者 …" the label is a word of the text.)
static AUTHOR_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s　（(])([\p{Han}·]{1,16})(?:记者|通讯员|评论员|撰稿人)(?:[:：]\s*|\s+)([\p{Han}·]{2,4}(?:[\s、，,]+[\p{Han}·]{2,4}){0,5})\s*(?:$|\s(?:记者|通讯员|实习生))")
        .expect("regex")
});

/// A line that credits a photo ("新华社记者 张三 摄", "张三/摄影", "李四 供图"): the name on it
/// took the picture, it did not write the article.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^文并/／\s])\s*(?:摄|摄影|供图)\s*[)）]?\s*$|[^文\s]\s*[/／]\s*[摄图]\s*[)）]?\s*$",
    )
    .expect("regex")
});

/// A writer's credit on the same line as a photo credit ("记者张三/文 受访者供图").
static WRITER_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[/／]\s*文|文\s*[/／]|撰文|作者").expect("regex"));

/// A name followed by a staff code: "杨倩_NF4425".
static STAFF_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([\p{Han}]{2,4})_[A-Z]{1,4}\d{2,}$").expect("regex"));

/// The issuing body of an official document: "发文机关：某省人民政府".
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:发文机关|发布机构|发文单位|发布单位)\s*[:：]\s*([\p{Han}]{4,20})\s*$")
        .expect("regex")
});

/// A label alone on its line, the value on the next (table layouts): "作者：" ⏎ "张三".
static LONE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(作\s*者|撰\s*文|记\s*者)|发文机关|发布机构|发文单位|发布单位)\s*[:：]?\s*$",
    )
    .expect("regex")
});

/// A forum post's footer: "发布时间 2005/03/15 22:36:13 by 某人".
static POSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发布时间|发表时间|发表于|发布于|[Pp]osted)\D{0,6}(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:by|BY|By)\s+([^\s〓|｜]{2,20})")
        .expect("regex")
});

/// Forum and blog post lines: "某人 发表于 2005-…", "本贴由 某人 于 …". The time after 发表于 tells
/// a post line from a sentence ("研究成果发表于《自然》").
static AUTHOR_POSTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)([\p{Han}A-Za-z0-9_&]{2,20})\s*(?:发表于|写于)\s*[:：]?\s*(?:(?:19|20)\d{2}|\d{1,2}[-/月]\d{1,2}|\d+\s*(?:分钟|小时|天)前|[昨今前]天)|本贴由\s*(\S{2,20}?)\s*于|由\s*([\p{Han}A-Za-z0-9_&]{2,20}?)\s*张贴|是\s*([\p{Han}A-Za-z0-9_&]{2,20}?)\s*在\s*(?:19|20)\d{2}\s*年[^发]{0,30}发表")
        .expect("regex")
});

/// A blog's owner in its page title: "文章_张三的博客", "张三的专栏", "文章_张三_新浪博客", "张三 | blog.example.com".
static BLOG_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[_\-|｜\s])([\p{Han}A-Za-z0-9&·]{2,12}?)的(?:博客|专栏|个人空间|日志)|(?:^|[_\-|｜\s])([\p{Han}A-Za-z0-9&·]{2,12})\s*[_\-|｜]\s*(?:[\p{Han}]{0,2}博客|[Bb]log\b)(?:$|[\s_\-|｜.])")
        .expect("regex")
});

/// The blog owner named by the page title, if the title has a blog pattern.
fn blog_owner(title_tag: &str) -> Option<String> {
    // "X的博客" anywhere names the owner; only without it does "X_博客" count.
    let mut caps = BLOG_TITLE.captures_iter(title_tag).collect::<Vec<_>>();
    caps.sort_by_key(|c| c.get(1).is_none());
    let c = caps.into_iter().next()?;
    let name = c.get(1).or_else(|| c.get(2))?.as_str();
    (!NOT_NAMES.contains(&name) && !name.ends_with("博客")).then(|| name.to_owned())
}

/// "2004年7月16日08:19 [ 张三 ]  来源：…": a bracketed name in a byline that goes on with its other fields.
static AUTHOR_BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s　])[\[【]\s*([\p{Han}]{2,4})\s*[\]】][^\p{Han}A-Za-z0-9]{0,4}(?:来源|出处|时间|日期|发布|(?:19|20)\d{2}[-/年])")
        .expect("regex")
});

/// "(Joel Spolsky)" right after a name: the original of a translated name.
static ORIGINAL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[（(]\s*([A-Z][a-z]+(?:[ .\-][A-Z][a-z]*\.?){1,3})\s*[)）]").expect("regex")
});

/// Words that end a name match (a byline continues with them, they are not part of the name).
const NAME_STOPS: &[&str] = &[
    "来源",
    "发布",
    "时间",
    "日期",
    "编辑",
    "责任",
    "摄影",
    "报道",
    "通讯员",
    "阅读",
    "浏览",
    "点击",
    "字号",
    "发表",
    "更新",
    "出处",
    "原创",
    "转载",
    "出自",
    "发自",
    "实习生",
    "记者",
    "本报",
];
/// Labels that may repeat inside one byline.
const BYLINE_LABELS: &[&str] = &["记者", "实习生", "通讯员"];
/// Pieces that never occur in a person's name (form labels and placeholders in the name slot).
const NOT_NAME_PARTS: &[&str] = &[
    "评论", "显示", "内容", "登录", "注册", "匿名", "size", "class", "http",
];

/// Words that look like names in the name position but are not.
const NOT_NAMES: &[&str] = &[
    "不详",
    "佚名",
    "未知",
    "匿名",
    "本站",
    "本网",
    "网友",
    "admin",
    "管理员",
    "小编",
    "我们",
    "相关",
    "更多",
    "分享",
    "评论",
    "打印",
    "关闭",
    "来源",
    "正文",
    "首页",
    "发表",
    "登录",
    "注册",
    "点击",
    "收藏",
    "推荐",
    "搜索",
    "本文",
    "此文",
    "该文",
    "原文",
    "文章",
];

fn trim_name(raw: &str) -> Option<String> {
    // A closing bracket ends the byline: "（记者 张三）正文…".
    let raw = raw.split([')', '）', ']', '】']).next().unwrap_or(raw);
    let mut names = Vec::new();
    for part in raw
        .split([' ', '、', '，', ',', '\u{3000}'])
        .filter(|p| !p.is_empty())
    {
        let mut name = part.to_owned();
        let mut cut = false;
        for stop in NAME_STOPS {
            if let Some(i) = name.find(stop) {
                name.truncate(i);
                cut = true;
            }
        }
        let han = name.chars().filter(|&c| layout::is_cjk(c)).count();
        // "本报实习生 甲 乙 本报记者 丙": a second label inside the byline starts more names.
        if name.is_empty()
            && BYLINE_LABELS.iter().any(|l| part.ends_with(l))
            && part.chars().count() <= 6
        {
            continue;
        }
        if name.is_empty()
            || (han > 0 && han < 2)
            || NOT_NAMES.contains(&name.as_str())
            || NOT_NAME_PARTS.iter().any(|w| name.contains(w))
        {
            break;
        }
        names.push(name);
        if cut {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join(" "))
}

/// A labelled name in a line and the label's strength (3 author/reporter, 1 editor).
fn labeled_author(line: &str) -> Option<(u8, String)> {
    byline_author(line, true)
}

/// The reporter named in the lead of the first paragraph ("本报讯（记者 张三）…"): only the
/// standard labels, since the outlet form needs a whole byline line to be sure.
fn lead_author(lead: &str) -> Option<(u8, String)> {
    byline_author(lead, false).filter(|(s, _)| *s == 3)
}

fn byline_author(line: &str, whole_line: bool) -> Option<(u8, String)> {
    if PHOTO_CREDIT.is_match(line) && !WRITER_CREDIT.is_match(line) {
        return None;
    }
    let mut best: Option<(u8, String)> = None;
    // Labelled names with their position and strength, merged in reading order below.
    let mut found: Vec<(usize, u8, String)> = Vec::new();
    if whole_line && line.chars().count() <= 60 {
        for c in AUTHOR_OUTLET.captures_iter(line) {
            if !["摄影", "摄像", "图片"].iter().any(|w| c[1].ends_with(w))
                && let Some(name) = trim_name(&c[2])
            {
                found.push((c.get(2).map_or(0, |m| m.start()), 3, name));
            }
        }
    }
    for c in AUTHOR_LABELED.captures_iter(line) {
        let label: String = c[1].chars().filter(|c| !c.is_whitespace()).collect();
        let strength = match label.as_str() {
            "责任编辑" | "责编" | "编辑" => 1,
            "文" => 2,
            _ => 3,
        };
        // "/文 受访者供图": after the bare 文 label only a short name counts, not any phrase.
        if label == "文" && !c[2].contains(char::is_whitespace) && c[2].chars().count() > 4 {
            continue;
        }
        let Some(mut name) = trim_name(&c[2]) else {
            continue;
        };
        // "周思博 (Joel Spolsky)": a translated name keeps its original written after it.
        if !name.contains(' ')
            && let Some(o) = ORIGINAL_NAME.captures(&line[c.get(2).map_or(0, |m| m.end())..])
        {
            name = format!("{name} ({})", o[1].trim());
        }
        // "杨倩_NF4425": a newsroom's staff code after the name is no part of it.
        if let Some(code) = STAFF_CODE.captures(&name) {
            name = code[1].to_owned();
        }
        found.push((c.get(2).map_or(0, |m| m.start()), strength, name));
    }
    found.sort_by_key(|(pos, _, _)| *pos);
    for (_, strength, name) in found {
        merge_name(&mut best, strength, name);
    }
    if best.is_none()
        && let Some(c) = AUTHOR_BRACKETED.captures(line)
        && plausible_author(&c[1])
        && !NOT_NAMES.contains(&&c[1])
    {
        best = Some((2, c[1].to_owned()));
    }
    if best.is_none() {
        // "记者张三/文", "本报记者张三发自北京", "张三/摄": the name glued to its label.
        if let Some(c) = AUTHOR_GLUED.captures(line) {
            let name = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            if let Some(name) = trim_name(name) {
                best = Some((3, name));
            }
        }
    }
    best
}

fn merge_name(best: &mut Option<(u8, String)>, strength: u8, name: String) {
    {
        match best {
            Some((s, n)) if *s == strength && strength == 3 => {
                // "本报实习生 甲 乙 本报记者 丙 丁": every labelled name of the byline.
                if !n.contains(&name) {
                    n.push(' ');
                    n.push_str(&name);
                }
            }
            Some((s, _)) if *s >= strength => {}
            _ => *best = Some((strength, name)),
        }
    }
}

/// "赵 培" (a two-character name spaced out for looks) → "赵培".
fn join_spaced_name(s: &str) -> String {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let single_han = |p: &str| p.chars().count() == 1 && p.chars().all(layout::is_cjk);
    if parts.len() >= 2 && parts.len() <= 3 && parts.iter().all(|p| single_han(p)) {
        parts.concat()
    } else {
        s.trim().to_owned()
    }
}

fn plausible_author(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && !s.contains("http")
        && !s.contains('.')
        && !s.contains(',')
        && s.chars().filter(char::is_ascii_digit).count() < 3
        && !["网络", "科技", "公司", "集团", "传媒"]
            .iter()
            .any(|w| s.ends_with(w))
        && ![
            "网",
            "新闻",
            "报",
            "频道",
            "有限公司",
            "中心",
            "编辑部",
            "出版社",
        ]
        .iter()
        .any(|w| s.ends_with(w))
}

/// Section headings and form words that stand alone on a line like a bare name.
const NOT_BARE_NAMES: &[&str] = &[
    "编者按",
    "按语",
    "导语",
    "摘要",
    "前言",
    "引言",
    "序言",
    "后记",
    "附录",
    "附件",
    "目录",
    "简介",
    "概述",
    "背景",
    "总结",
    "结语",
    "说明",
    "通知",
    "公告",
    "声明",
    "全文",
    "原文",
    "图集",
    "视频",
    "专题",
    "热点",
    "要闻",
    "快讯",
    "新闻",
    "资讯",
    "动态",
    "返回",
    "上一篇",
    "下一篇",
    "作者",
    "记者",
    "编辑",
    "责任编辑",
    "昨天",
    "今天",
    "前天",
    "刚刚",
    "字号",
    "大中小",
    "原创",
    "转载",
    "置顶",
    "精华",
    "推荐",
    "热门",
    "最新",
    "独家",
];

/// Two-character surnames, the only start a four-character bare name may have.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "公孙", "夏侯", "尉迟", "长孙",
    "宇文", "司徒", "端木", "独孤", "南宫", "西门", "呼延", "申屠", "轩辕", "澹台", "钟离", "闻人",
];

/// A line that holds nothing but one to four names ("张三", "张三、李四", "眉间尺").
fn bare_names(b: &layout::Block) -> Option<String> {
    // A linked short line under a headline is a menu or share button ("手机版", "我要分享").
    if b.noisy || b.chars > 20 || b.link_chars * 2 > b.chars {
        return None;
    }
    let parts: Vec<&str> = b
        .text
        .split([' ', '、', '，', ',', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    // Four characters are a name only after a two-character surname ("欧阳晓明"); otherwise they
    // are mostly words ("活动现场", "调整字体").
    let ok = (1..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            let len = p.chars().count();
            ((2..=3).contains(&len)
                || (len == 4 && COMPOUND_SURNAMES.iter().any(|s| p.starts_with(s))))
                && p.chars().all(layout::is_cjk)
                && !NOT_NAMES.contains(p)
                && !NOT_BARE_NAMES.contains(p)
        });
    ok.then(|| parts.join(" "))
}

/// A line that reads like a headline: short, no sentence punctuation, no byline fields.
fn headline_like(b: &layout::Block) -> bool {
    (4..=40).contains(&b.chars)
        && b.cjk >= 4
        && !b.noisy
        && b.link_chars * 2 < b.chars
        && !b.text.contains(['。', '，', '！', '？', '；', '：', ':'])
        && !BYLINE_WORDS.is_match(&b.text)
}

static BYLINE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"来源|作者|编辑|记者|发布|发表|时间|日期|(?:19|20)\d{2}[-/.年]").expect("regex")
});

/// The poster named by a forum or blog post line ("某人 发表于 …", "… by 某人", "本贴由某人于 …").
fn posted_author(line: &str) -> Option<String> {
    // Most lines carry none of the words; checking for them first keeps the regexes off them.
    if !["发表", "写于", "本贴由", "张贴", "by", "BY", "By"]
        .iter()
        .any(|w| line.contains(w))
    {
        return None;
    }
    let raw = if let Some(c) = POSTED_BY.captures(line) {
        c.get(1)?.as_str()
    } else {
        let c = AUTHOR_POSTED.captures(line)?;
        (1..=4).find_map(|i| c.get(i))?.as_str()
    };
    (!NOT_NAMES.contains(&raw) && !raw.contains("http")).then(|| raw.to_owned())
}

/// The organisation or person a lone label line ("发文机关：", "作者：") gives on the next line.
fn lone_label_value(label: &str, next: &layout::Block) -> Option<(u8, String)> {
    let c = LONE_LABEL.captures(label)?;
    if next.chars > 30 || next.noisy {
        return None;
    }
    if c.get(1).is_some() {
        return labeled_author(&format!("作者：{}", next.text.trim())).filter(|(s, _)| *s == 3);
    }
    issuer(&format!("发文机关：{}", next.text.trim()))
}

/// "发文机关：某省人民政府": the issuing body of an official document, a weaker claim than a
/// reporter's byline.
fn issuer(line: &str) -> Option<(u8, String)> {
    let c = ISSUER.captures(line)?;
    Some((2, c[1].to_owned()))
}

/// A metadata "author" that is the start of the site's name (`<meta name=author content=网易>` on
/// a page titled "…_网易财经"): the publisher, not a writer.
fn names_the_site(a: &str, meta: &meta::Meta) -> bool {
    let suffix = meta
        .title_tag
        .as_deref()
        .and_then(|t| meta::strip_site_suffix(t).1);
    [
        meta.tags.get("og:site_name"),
        meta.tags.get("application-name"),
        meta.ld_publisher.as_ref(),
        suffix.as_ref(),
    ]
    .into_iter()
    .flatten()
    .any(|site| {
        // "网易" of "网易财经" is the site; "张三" of "张三的博客" is its owner.
        site.len() > a.len()
            && site.starts_with(a)
            && !site[a.len()..].starts_with(['的', '_', ' ', '-', '|', '(', '（'])
    })
}

fn consider(best: &mut Option<(u8, String)>, found: Option<(u8, String)>) {
    if let Some((s, name)) = found
        && best.as_ref().is_none_or(|(b, _)| s > *b)
    {
        *best = Some((s, name));
    }
}

/// The author of a page laid out as `layout`, its headline at `title_idx` and its body over `region`.
pub fn find(
    meta: &meta::Meta,
    layout: &layout::Layout,
    title_idx: Option<usize>,
    region: Option<(usize, usize)>,
) -> Option<String> {
    let blocks = &layout.blocks;
    let n = blocks.len();
    let (from, to) = match (title_idx, region) {
        (Some(t), Some((s, _))) if t < s => (t, (s + 3).max(t + 10).min(n)),
        (Some(t), _) => (t, (t + 12).min(n)),
        (None, Some((s, _))) => (s.saturating_sub(8), (s + 3).min(n)),
        (None, None) => (0, n.min(40)),
    };
    let from = from.min(n);
    let mut best: Option<(u8, String)> = None;
    // The line of the last reporter byline, so that a byline split over lines ("本报实习生 甲 乙"
    // ⏎ "本报记者 丙") is read whole.
    let mut strong_line: Option<usize> = None;
    for (i, b) in blocks.iter().enumerate().take(to).skip(from) {
        let found = if b.chars <= 120 {
            labeled_author(&b.text)
                .or_else(|| {
                    blocks
                        .get(i + 1)
                        .and_then(|next| lone_label_value(&b.text, next))
                })
                .or_else(|| issuer(&b.text))
                .or_else(|| posted_author(&b.text).map(|name| (2, name)))
        } else if !b.noisy {
            // "本报讯（记者 张三）…": the lead of the first paragraph names the reporter.
            let lead: String = b.text.chars().take(40).collect();
            lead_author(&lead)
        } else {
            None
        };
        if let Some((3, name)) = &found {
            if let (Some((3, names)), Some(j)) = (best.as_mut(), strong_line)
                && j + 1 == i
            {
                for part in name.split(' ') {
                    if !names.split(' ').any(|p| p == part) {
                        names.push(' ');
                        names.push_str(part);
                    }
                }
                strong_line = Some(i);
                continue;
            }
            if best.as_ref().is_none_or(|(s, _)| *s < 3) {
                strong_line = Some(i);
            }
        }
        consider(&mut best, found);
    }
    // Official documents name their issuer in a table that can sit above the headline.
    if best.is_none()
        && let Some(t) = title_idx
    {
        for (i, b) in blocks.iter().enumerate().take(t).skip(t.saturating_sub(12)) {
            let found = issuer(&b.text).or_else(|| {
                blocks
                    .get(i + 1)
                    .and_then(|next| lone_label_value(&b.text, next))
                    .filter(|_| {
                        LONE_LABEL
                            .captures(&b.text)
                            .is_some_and(|c| c.get(1).is_none())
                    })
            });
            consider(&mut best, found);
        }
    }
    if best.as_ref().is_some_and(|(s, _)| *s == 3) {
        return best.map(|(_, n)| n);
    }
    // A forum thread or a blog post: the first post line from the body's start names the poster
    // (later ones are replies).
    if let Some((s, e)) = region {
        let first = blocks[s.min(n)..e.min(n)]
            .iter()
            .filter(|b| !b.noisy && b.chars <= 160)
            .find_map(|b| posted_author(&b.text));
        consider(&mut best, first.map(|name| (2, name)));
    }
    // Blogs and essays put the bare name on the line under the headline; without a known
    // headline, under a headline-like line at the start of the body.
    if best.is_none() {
        let bare = match (title_idx, region) {
            (Some(t), _) => blocks.iter().skip(t + 1).take(2).find_map(bare_names),
            (None, Some((s, _))) => (s.max(1)..(s + 4).min(n))
                .find(|&i| headline_like(&blocks[i - 1]) && bare_names(&blocks[i]).is_some())
                .and_then(|i| bare_names(&blocks[i])),
            (None, None) => None,
        };
        if let Some(names) = bare {
            best = Some((1, names));
        }
    }
    let person = |a: &&String| plausible_author(a) && !names_the_site(a, meta);
    if let Some(a) = meta.ld_author.as_ref().filter(person) {
        return Some(join_spaced_name(a));
    }
    for key in [
        "author",
        "article:author",
        "byl",
        "dc.creator",
        "sailthru.author",
    ] {
        if let Some(a) = meta.tags.get(key).filter(person) {
            return Some(join_spaced_name(a.trim_start_matches("By ")));
        }
    }
    // The end of the body often signs the article ("（记者 张三）", "作者：…", "X 发表于 …").
    if let Some((s, e)) = region {
        for b in blocks[s..e.min(n)].iter().rev().take(6) {
            if let Some(c) = AUTHOR_BIO.captures(&b.text) {
                consider(&mut best, Some((3, c[1].to_owned())));
                break;
            }
            if !PHOTO_CREDIT.is_match(&b.text)
                && let Some(c) = AUTHOR_SIGNATURE.captures(&b.text)
                && let Some(name) = trim_name(c[1].trim())
            {
                consider(&mut best, Some((3, name)));
                break;
            }
            if b.chars <= 80 {
                consider(&mut best, labeled_author(&b.text));
            }
        }
        for b in blocks.iter().skip(e.saturating_sub(2)).take(12) {
            if b.chars <= 160 {
                consider(&mut best, labeled_author(&b.text));
                consider(&mut best, posted_author(&b.text).map(|name| (2, name)));
            }
        }
    }
    if best.is_none()
        && let Some(owner) = meta.title_tag.as_deref().and_then(blog_owner)
    {
        return Some(owner);
    }
    best.map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_name_opening_a_byline() {
        assert_eq!(
            labeled_author("2006年3月1日 08:19 [ 李文华 ]  来源：[ 某某网 ]").map(|(_, n)| n),
            Some("李文华".to_owned())
        );
        assert_eq!(labeled_author("【环球时报】 来源：环球网"), None);
        assert_eq!(labeled_author("[ 李文华 ] 查看原图"), None);
    }

    #[test]
    fn translated_name_keeps_its_original() {
        assert_eq!(
            labeled_author("作者：白乐天 (John Smith)  2006-01-02").map(|(_, n)| n),
            Some("白乐天 (John Smith)".to_owned())
        );
        assert_eq!(
            labeled_author("作者：白乐天 (本报特约)").map(|(_, n)| n),
            Some("白乐天".to_owned())
        );
    }

    #[test]
    fn blog_owner_from_the_page_title_and_posted_lines() {
        assert_eq!(blog_owner("春游记_王小明的博客").as_deref(), Some("王小明"));
        assert_eq!(
            blog_owner("读书笔记_林一_新浪博客").as_deref(),
            Some("林一")
        );
        assert_eq!(
            blog_owner("小河 | blog.example.com").as_deref(),
            Some("小河")
        );
        assert_eq!(blog_owner("某公司发布新品_某某科技"), None);
    }

    #[test]
    fn bylines_with_several_labels_and_spaced_names() {
        assert_eq!(
            labeled_author("本报实习生 刘一 周二 本报记者 王三 方四")
                .map(|(_, n)| n)
                .as_deref(),
            Some("刘一 周二 王三 方四")
        );
        assert_eq!(labeled_author("作者：不显示在评论中"), None);
        assert_eq!(
            labeled_author("（记者 林晓峰）星河智能")
                .map(|(_, n)| n)
                .as_deref(),
            Some("林晓峰")
        );
        assert_eq!(join_spaced_name("赵 培"), "赵培");
        assert_eq!(
            labeled_author("河南商报记者马一鸣/文")
                .map(|(_, n)| n)
                .as_deref(),
            Some("马一鸣")
        );
        assert_eq!(
            labeled_author("本报记者罗科发自北京")
                .map(|(_, n)| n)
                .as_deref(),
            Some("罗科")
        );
        assert_eq!(join_spaced_name("张三 李四"), "张三 李四");
    }
}
