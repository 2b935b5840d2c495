//! The page as a list of text lines ("blocks") with the DOM ranges that hold them.
//!
//! One non-recursive walk over the parsed tree turns every block-level boundary (`<p>`, `<div>`,
//! `<br>`, `<li>`, headings…) into a line break and records, for each element, which lines it spans.
//! Each line carries the counts the body scorer needs (characters, link characters, CJK characters,
//! Chinese punctuation) and whether it sits in a noise region (navigation, comments, share bars…).
//! Invisible and non-content elements (`script`, `style`, `display:none`…) are skipped here.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};

/// One visual line of text.
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// The line, whitespace collapsed.
    pub text: String,
    /// Non-whitespace characters.
    pub chars: u32,
    /// Non-whitespace characters inside `<a>`.
    pub link_chars: u32,
    /// Han characters.
    pub cjk: u32,
    /// Sentence punctuation (Chinese and ASCII).
    pub punct: u32,
    /// Heading level 1–6 when the line is inside `<h1>`…`<h6>`, else 0.
    pub heading: u8,
    /// True inside a region whose class/id or site profile marks it as noise.
    pub noisy: bool,
    /// How many noise regions enclose the line (a misnested one may be lifted later).
    pub noise_count: u16,
    /// Number of `<a>` elements that contributed text.
    pub links: u16,
}

impl Block {
    /// Share of the characters that are link text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// The lines of a page and the element → line range index.
#[derive(Debug, Default)]
pub struct Layout {
    /// Lines in document order.
    pub blocks: Vec<Block>,
    /// For every visited element, the half-open range of lines inside it.
    pub ranges: HashMap<NodeId, (u32, u32)>,
    /// Elements in document order (the keys of `ranges`).
    pub order: Vec<NodeId>,
}

/// Elements whose content is never text of the page.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "svg"
            | "canvas"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "button"
            | "textarea"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "nav"
            | "footer"
            | "aside"
            | "video"
            | "audio"
            | "map"
            | "math"
    )
}

/// Elements that start a new line.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "section"
            | "article"
            | "main"
            | "header"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "hr"
            | "center"
            | "body"
            | "address"
            | "caption"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "html"
    )
}

/// Class/id words that mark navigation, comments, sharing, recommendations and similar chrome.
const NOISE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "cmt",
    "footer",
    "foot",
    "sidebar",
    "side",
    "share",
    "sharing",
    "recommend",
    "recommends",
    "related",
    "relate",
    "breadcrumb",
    "crumb",
    "crumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "hot",
    "hotnews",
    "rank",
    "ranking",
    "copyright",
    "banner",
    "ad",
    "ads",
    "advert",
    "login",
    "toolbar",
    "tags",
    "keywords",
    "disclaimer",
    "pagination",
    "pager",
    "qrcode",
    "subscribe",
    "social",
    "popup",
    "modal",
    "reply",
    "replies",
    "widget",
    "aside",
    "sponsor",
    "promo",
    "feedback",
    "statement",
];

/// True when an element's class or id words name a noise region.
pub fn is_noise_element(name: &str, class: Option<&str>, id: Option<&str>) -> bool {
    if matches!(name, "body" | "html" | "article" | "main") {
        return false;
    }
    let mut words = class
        .into_iter()
        .chain(id)
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty());
    words.any(|w| {
        let w = w.to_ascii_lowercase();
        NOISE_WORDS.contains(&w.as_str())
    })
}

/// True when lines read as an article's prose rather than chrome: plenty of punctuated non-link text.
fn holds_prose(lines: &[Block]) -> bool {
    let (mut chars, mut links, mut punct) = (0u32, 0u32, 0u32);
    for b in lines {
        chars += b.chars;
        links += b.link_chars;
        punct += b.punct;
    }
    let own = chars - links.min(chars);
    own >= 300 && punct >= 15 && own * 2 >= links
}

fn is_comment_region(class: Option<&str>, id: Option<&str>) -> bool {
    class.into_iter().chain(id).any(|s| {
        let s = s.to_ascii_lowercase();
        s.contains("comment") || s.contains("cmt") || s.contains("reply")
    })
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none")
    })
}

/// Sentence punctuation that marks running prose.
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '！'
            | '？'
            | '；'
            | '：'
            | '、'
            | '“'
            | '”'
            | '（'
            | '）'
            | '…'
            | '《'
            | '》'
            | ','
            | '.'
            | '!'
            | '?'
            | ';'
    )
}

/// True for a Han character.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

#[derive(Default)]
struct Line {
    block: Block,
    pending_space: bool,
}

impl Line {
    fn push_text(&mut self, text: &str, in_link: bool) {
        let mut counted_link = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_whitespace()
                || c == '\u{3000}'
                || c == '\u{00A0}'
                || c == '\u{200B}'
                || c == '\u{FEFF}'
            {
                self.pending_space = !self.block.text.is_empty();
                continue;
            }
            if self.pending_space {
                self.block.text.push(' ');
                self.pending_space = false;
            }
            self.block.text.push(c);
            self.block.chars += 1;
            if in_link {
                self.block.link_chars += 1;
                counted_link = true;
            }
            if is_cjk(c) {
                self.block.cjk += 1;
            } else if is_punct(c) {
                // ASCII marks count only as sentence ends (before a space), not inside 18,652.59.
                if !c.is_ascii() || chars.peek().is_none_or(|n| n.is_whitespace()) {
                    self.block.punct += 1;
                }
            }
        }
        if counted_link {
            self.block.links = self.block.links.saturating_add(1);
        }
    }
}

/// Walks the document (or the subtree of `root`) into lines.
pub fn build(html: &Html, root: Option<NodeId>, noise: &HashSet<NodeId>) -> Layout {
    let mut layout = Layout::default();
    let mut line = Line::default();
    let mut skip: Option<NodeId> = None;
    let mut link_depth = 0u32;
    let mut heading_stack: Vec<u8> = Vec::new();
    let mut noise_depth = 0u32;
    // (element, first line, counted as noise)
    let mut stack: Vec<(NodeId, u32, bool)> = Vec::new();
    let start = root
        .and_then(|id| html.tree.get(id))
        .unwrap_or_else(|| html.tree.root());

    let flush = |line: &mut Line, layout: &mut Layout, heading: u8, noise_depth: u32| {
        if line.block.chars > 0 {
            let mut block = std::mem::take(&mut line.block);
            block.heading = heading;
            block.noisy = noise_depth > 0;
            block.noise_count = noise_depth.min(u32::from(u16::MAX)) as u16;
            layout.blocks.push(block);
        } else {
            line.block = Block::default();
        }
        line.pending_space = false;
    };

    for edge in start.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if is_skipped_tag(name) || is_hidden(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        if is_block_tag(name) {
                            flush(
                                &mut line,
                                &mut layout,
                                heading_stack.last().copied().unwrap_or(0),
                                noise_depth,
                            );
                        }
                        if name == "a" {
                            link_depth += 1;
                        }
                        if let Some(level) =
                            name.strip_prefix('h').and_then(|d| d.parse::<u8>().ok())
                            && (1..=6).contains(&level)
                        {
                            heading_stack.push(level);
                        }
                        let noisy = noise.contains(&node.id())
                            || is_noise_element(name, el.attr("class"), el.id());
                        if noisy {
                            noise_depth += 1;
                        }
                        stack.push((node.id(), layout.blocks.len() as u32, noisy));
                    }
                    Node::Text(text) => line.push_text(text, link_depth > 0),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if is_block_tag(name) {
                    flush(
                        &mut line,
                        &mut layout,
                        heading_stack.last().copied().unwrap_or(0),
                        noise_depth,
                    );
                }
                if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if let Some(level) = name.strip_prefix('h').and_then(|d| d.parse::<u8>().ok())
                    && (1..=6).contains(&level)
                {
                    heading_stack.pop();
                }
                if let Some((id, first, noisy)) = stack.pop() {
                    if noisy {
                        noise_depth = noise_depth.saturating_sub(1);
                        let lines = &mut layout.blocks[first as usize..];
                        if holds_prose(lines) && !is_comment_region(el.attr("class"), el.id()) {
                            // An unclosed breadcrumb or a mislabelled wrapper swallowed the
                            // article: this region does not make its lines noise.
                            for b in lines.iter_mut() {
                                b.noise_count = b.noise_count.saturating_sub(1);
                                b.noisy = b.noise_count > 0;
                            }
                        }
                    }
                    layout
                        .ranges
                        .insert(id, (first, layout.blocks.len() as u32));
                    layout.order.push(id);
                }
            }
        }
    }
    flush(&mut line, &mut layout, 0, 0);
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_links_and_noise() {
        let html = Html::parse_document(
            "<body><div class='nav-bar'><a href=/>首页</a> <a href=/a>科技</a></div>\
             <div id=content><p>第一段，有标点。</p>第二<b>段</b><br>第三段<script>var x='不算';</script></div>\
             <div style='display: none'>隐藏</div></body>",
        );
        let layout = build(&html, None, &HashSet::new());
        let lines: Vec<&str> = layout.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(lines, ["首页 科技", "第一段，有标点。", "第二段", "第三段"]);
        assert!(layout.blocks[0].noisy);
        assert_eq!(layout.blocks[0].link_chars, 4);
        assert!(!layout.blocks[1].noisy);
        assert_eq!(layout.blocks[1].punct, 2);
    }
}
