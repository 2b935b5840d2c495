//! The article body: which region of the page holds it, and which of its lines to keep.
//!
//! Site-independent, in the spirit of GNE (text and punctuation density) with Readability-style
//! sibling merging: every line gets a value, positive for punctuated non-link prose (counted in
//! characters, so CJK text weighs per character), negative for link lists, noise regions and short
//! unpunctuated chrome. The element whose lines sum highest is the body container; neighbouring
//! siblings that add value are merged in. A site profile's selector, when it matches enough text,
//! replaces the choice. The kept lines then pass the boilerplate rules.

use crate::layout::{Block, Layout};
use crate::sites::Boilerplate;
use ego_tree::NodeId;
use scraper::Html;

/// A chosen body: its line range in the layout and the clean lines.
#[derive(Debug, Default)]
pub struct Body {
    /// First line of the region.
    pub start: usize,
    /// One past the last line of the region.
    pub end: usize,
    /// Kept lines.
    pub lines: Vec<String>,
    /// Non-link characters in the kept lines.
    pub chars: usize,
    /// Punctuation in the kept lines.
    pub punct: usize,
}

/// The value of one line for choosing the body container.
pub fn line_value(b: &Block) -> f32 {
    let chars = b.chars as f32;
    if b.noisy {
        return -(chars * 0.5) - 3.0;
    }
    let ld = b.link_density();
    if ld > 0.5 {
        return -(chars * ld) - 2.0;
    }
    let own = chars - b.link_chars as f32;
    if b.punct == 0 && own < 25.0 {
        return -2.0;
    }
    own * (1.0 - ld) + b.punct as f32 * 4.0
}

fn range_sum(prefix: &[f32], (a, b): (u32, u32)) -> f32 {
    prefix[b as usize] - prefix[a as usize]
}

/// The best container's line range, siblings merged. Lines after a second dated `<h1>` below the
/// headline belong to another article (recommendation feeds append whole stories) and count
/// against a container.
pub fn choose_region(
    html: &Html,
    layout: &Layout,
    title_idx: Option<usize>,
) -> Option<(usize, usize)> {
    let next_story = title_idx.and_then(|t| {
        let title = &layout.blocks[t].text;
        let blocks = &layout.blocks;
        (t + 4..blocks.len()).find(|&i| {
            let b = &blocks[i];
            // A second story's headline comes with its own byline date right below it.
            b.heading == 1
                && b.chars >= 8
                && &b.text != title
                && blocks[i + 1..(i + 5).min(blocks.len())]
                    .iter()
                    .any(|n| n.chars < 60 && DATELINE.is_match(&n.text))
        })
    });
    let mut prefix = Vec::with_capacity(layout.blocks.len() + 1);
    prefix.push(0.0f32);
    for (i, b) in layout.blocks.iter().enumerate() {
        let last = *prefix.last().unwrap_or(&0.0);
        let value = if next_story.is_some_and(|n| i >= n) {
            -(b.chars as f32) * 0.5 - 2.0
        } else {
            line_value(b)
        };
        prefix.push(last + value);
    }
    let mut best: Option<(NodeId, f32)> = None;
    for id in &layout.order {
        let Some(&range) = layout.ranges.get(id) else {
            continue;
        };
        if range.0 == range.1 {
            continue;
        }
        let score = range_sum(&prefix, range);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((*id, score));
        }
    }
    let (id, score) = best?;
    if score <= 0.0 {
        return None;
    }
    // Table layouts and <br>-separated text can leave no element around the article that is
    // free of navigation; the best run of consecutive lines then beats every element.
    let (run_start, run_end, run_sum) = best_run(&prefix);
    if run_sum > score * 1.5 && run_sum - score > 150.0 {
        return Some((run_start, run_end));
    }
    let (mut start, mut end) = layout.ranges[&id];
    // Sibling merging: extend over neighbours while the run keeps a positive gain.
    if let Some(node) = html.tree.get(id) {
        let mut run = 0.0f32;
        let mut sib = node.prev_sibling();
        while let Some(s) = sib {
            if let Some(&r) = layout.ranges.get(&s.id())
                && r.0 < r.1
            {
                run += range_sum(&prefix, r);
                if run > 0.0 {
                    start = r.0;
                    run = 0.0;
                } else if run < -200.0 {
                    break;
                }
            }
            sib = s.prev_sibling();
        }
        run = 0.0;
        let mut sib = node.next_sibling();
        while let Some(s) = sib {
            if let Some(&r) = layout.ranges.get(&s.id())
                && r.0 < r.1
            {
                run += range_sum(&prefix, r);
                if run > 0.0 {
                    end = r.1;
                    run = 0.0;
                } else if run < -200.0 {
                    break;
                }
            }
            sib = s.next_sibling();
        }
    }
    Some((start as usize, end as usize))
}

/// The maximum-sum run of consecutive lines (Kadane over the prefix sums).
fn best_run(prefix: &[f32]) -> (usize, usize, f32) {
    let mut best = (0, 0, 0.0f32);
    let mut low = 0usize; // index of the smallest prefix so far
    for i in 1..prefix.len() {
        if prefix[i - 1] < prefix[low] {
            low = i - 1;
        }
        let sum = prefix[i] - prefix[low];
        if sum > best.2 {
            best = (low, i, sum);
        }
    }
    best
}

/// True for a line that carries text of the article rather than page chrome.
fn keeps(b: &Block) -> bool {
    if b.noisy {
        return false;
    }
    let ld = b.link_density();
    ld < 0.5 || (b.chars >= 80 && ld < 0.7 && b.punct >= 3)
}

static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}").expect("regex")
});

/// A short line with a full date and no sentence end: the byline or a dateline, not prose.
fn is_dateline(b: &Block) -> bool {
    b.chars < 80 && !b.text.contains('。') && DATELINE.is_match(&b.text)
}

fn is_sentence(line: &str) -> bool {
    line.chars().count() >= 8
        && line
            .chars()
            .any(|c| matches!(c, '，' | '。' | '！' | '？' | '；'))
}

/// The clean lines of a region: chrome, the headline and boilerplate removed, stopping at
/// "相关阅读"-style trailers.
pub fn clean_lines(
    layout: &Layout,
    (start, end): (usize, usize),
    title: Option<&str>,
    rules: &Boilerplate,
) -> Body {
    let title_key: Option<String> =
        title.map(|t| t.chars().filter(|c| !c.is_whitespace()).collect());
    let mut body = Body {
        start,
        end,
        ..Body::default()
    };
    let mut seen_prose = false;
    for b in &layout.blocks[start..end] {
        if rules.stops(&b.text) && seen_prose && body.chars >= 150 {
            break;
        }
        if !keeps(b) {
            continue;
        }
        if let Some(key) = &title_key {
            let line: String = b.text.chars().filter(|c| !c.is_whitespace()).collect();
            if &line == key {
                continue;
            }
        }
        if rules.drops(&b.text) || is_dateline(b) {
            continue;
        }
        if b.punct > 0 && b.chars >= 20 {
            seen_prose = true;
        }
        body.chars += (b.chars - b.link_chars) as usize;
        body.punct += b.punct as usize;
        body.lines.push(b.text.clone());
    }
    // Drop a short run of short unpunctuated lines before the first sentence (channel labels,
    // a repeated headline, the byline): the article starts with punctuated text.
    if let Some(first) = body.lines.iter().position(|l| is_sentence(l))
        && first <= 5
        && body.lines[..first].iter().all(|l| l.chars().count() <= 40)
    {
        body.lines.drain(..first);
    }
    // Drop a trailing run of short unpunctuated lines (bylines, tags, image credits).
    while body
        .lines
        .last()
        .is_some_and(|l| l.chars().count() < 12 && !l.chars().any(crate::layout::is_punct))
    {
        body.lines.pop();
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::PROFILES;
    use std::collections::HashSet;

    const PAGE: &str = "<html><body>
      <div class='top'><a href='/'>首页</a><a href='/t'>科技</a><a href='/f'>财经</a><a href='/s'>体育</a></div>
      <div class='main'>
        <div class='left'>
          <h1>某公司发布新一代芯片</h1>
          <div class='info'>2024-09-13 10:20 来源：某某日报</div>
          <div class='article'>
            <p>本报讯，某公司今天在北京发布了新一代人工智能芯片，性能比上一代提升了一倍。</p>
            <p>公司负责人表示，这款芯片将在明年第一季度量产，首批产品供应国内的数据中心客户。</p>
            <p>分析人士认为，这将加剧国内芯片市场的竞争，也会推动价格下降。</p>
            <p>责任编辑：王五</p>
          </div>
          <div class='article-more'><p>业内人士还指出，芯片的软件生态同样重要，开发者工具是否完善将决定市场接受度。</p></div>
          <div class='related'><h3>相关新闻</h3><ul><li><a href='/1'>另一家公司也发布了芯片产品线</a></li><li><a href='/2'>芯片行业年度回顾与展望报告</a></li></ul></div>
        </div>
        <div class='right'><ul><li><a href='/3'>热门文章一则标题很长很长的链接</a></li><li><a href='/4'>热门文章二则标题很长很长的链接</a></li></ul></div>
      </div></body></html>";

    #[test]
    fn best_run_of_lines() {
        // values: +5, -10, +3, +4, -1, +6, -20
        let prefix = [0.0, 5.0, -5.0, -2.0, 2.0, 1.0, 7.0, -13.0];
        assert_eq!(best_run(&prefix), (2, 6, 12.0));
    }

    #[test]
    fn br_separated_text_in_a_cluttered_cell_is_found() {
        let links: String = (0..30)
            .map(|i| format!("<a href='/{i}'>频道链接文字{i}</a><br>"))
            .collect();
        let text: String = (0..6).map(|i| format!("第{i}段正文，这里讲的是某地今年的经济数据，增长明显，记者采访了多位企业负责人。<br>")).collect();
        let page = format!(
            "<table><tr><td>{links}{text}{links}</td></tr></table><div class=c>版权所有，转载请注明出处。</div>"
        );
        let html = Html::parse_document(&page);
        let layout = crate::layout::build(&html, None, &HashSet::new());
        let region = choose_region(&html, &layout, None).unwrap();
        let body = clean_lines(&layout, region, None, &PROFILES.boilerplate);
        assert_eq!(body.lines.len(), 6, "{:?}", body.lines);
    }

    #[test]
    fn density_picks_the_article_and_merges_siblings() {
        let html = Html::parse_document(PAGE);
        let layout = crate::layout::build(&html, None, &HashSet::new());
        let region = choose_region(&html, &layout, None).unwrap();
        let body = clean_lines(
            &layout,
            region,
            Some("某公司发布新一代芯片"),
            &PROFILES.boilerplate,
        );
        let text = body.lines.join("\n");
        assert!(text.starts_with("本报讯"), "{text}");
        assert!(text.contains("分析人士认为"));
        assert!(
            text.contains("开发者工具"),
            "sibling paragraph merged: {text}"
        );
        assert!(!text.contains("责任编辑"));
        assert!(!text.contains("另一家公司"));
        assert!(!text.contains("热门文章"));
        assert!(!text.contains("某公司发布新一代芯片\n"));
    }
}
