//! A cheap pass over the page text before HTML parsing, to bound and shrink the parser's work.
//!
//! Removes comments and the contents of `<style>` and of `<script>` elements that cannot matter
//! (everything but JSON-LD and the embedded-article JSON the readers look for, and the WeChat
//! `var ct` time), which is often half of a news page's bytes. Cuts the text where the tag nesting
//! passes a depth limit, because the HTML tree builder's scope checks walk the stack of open
//! elements and thousands of unclosed elements would make parsing quadratic.

/// Elements without an end tag, or whose end tag is optional and often left out.
const NO_END: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"td",
    b"th",
    b"tr",
    b"dt",
    b"dd",
    b"option",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"!doctype",
];

/// Script contents that the extractor reads.
const KEEP_SCRIPT: &[&str] = &[
    "ld+json",
    "__NEXT_DATA__",
    "__INITIAL_STATE__",
    "window.DATA",
    "__DATA__",
    "__NUXT__",
    "__PRELOADED_STATE__",
    "var ct",
];

/// Position of the `</name` that closes a raw-text element, searching from `from`.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = bytes.get(i..)?.iter().position(|&b| b == b'<') {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The page text with comments and unneeded script/style bodies removed, cut at `max_depth`.
pub fn prepare(text: &str, max_depth: usize) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // bytes[..copied] are handled
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + off;
        i = at + 1;
        if bytes[at..].starts_with(b"<!--") {
            let end = text[at + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| at + 4 + e + 3);
            out.push_str(&text[copied..at]);
            copied = end;
            i = end;
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = bytes[name_start..name_start + name_len].to_ascii_lowercase();
        if NO_END.contains(&name.as_slice()) {
            continue;
        }
        let tag_end = bytes[i..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| i + e + 1);
        if !closing
            && matches!(
                name.as_slice(),
                b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"plaintext"
            )
        {
            let close = find_close(bytes, tag_end, &name).unwrap_or(bytes.len());
            let keep = match name.as_slice() {
                b"style" => false,
                b"script" => {
                    // Tag and body boundaries sit next to ASCII '<' and '>', so slicing is safe.
                    let open_tag = &text[at..tag_end.min(bytes.len())];
                    let body = &text[tag_end.min(close)..close];
                    KEEP_SCRIPT
                        .iter()
                        .any(|k| open_tag.contains(k) || body.contains(k))
                }
                _ => true,
            };
            if !keep {
                out.push_str(&text[copied..tag_end.min(bytes.len())]);
                copied = close;
            }
            i = close;
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            if tag_end >= 2 && bytes[tag_end - 2] == b'/' {
                continue;
            }
            depth += 1;
            if depth > max_depth {
                out.push_str(&text[copied..at]);
                return out;
            }
        }
        i = tag_end.max(i);
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_noise_and_keeps_what_readers_need() {
        let page = "<html><!-- 注释 <p>不要</p> --><style>p{color:red}</style>\
                    <script>var a = '<div>';</script>\
                    <script type=\"application/ld+json\">{\"headline\":\"甲\"}</script>\
                    <script>window.__INITIAL_STATE__ = {\"a\":1}</script><p>正文</p></html>";
        let out = prepare(page, 100);
        assert!(!out.contains("注释"));
        assert!(!out.contains("color:red"));
        assert!(!out.contains("var a"));
        assert!(out.contains("\"headline\""));
        assert!(out.contains("__INITIAL_STATE__"));
        assert!(out.contains("<p>正文</p>"));
        assert!(out.contains("<script></script>"));
    }

    #[test]
    fn deep_nesting_is_cut_and_unclosed_raw_text_is_safe() {
        let deep = "<div>".repeat(50) + "底";
        assert_eq!(prepare(&deep, 10), "<div>".repeat(10));
        let unclosed = "<p>甲</p><script>var x = 1;";
        assert_eq!(prepare(unclosed, 10), "<p>甲</p><script>");
        let truncated_comment = "<p>乙</p><!-- 没有结束";
        assert_eq!(prepare(truncated_comment, 10), "<p>乙</p>");
        assert_eq!(prepare("a < b <", 10), "a < b <");
    }
}
