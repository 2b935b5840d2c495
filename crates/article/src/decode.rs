//! Bytes to text: picks the page's encoding and decodes it.
//!
//! Order (issue 5): the HTTP charset, then a byte-order mark, then "the bytes are valid UTF-8" (which
//! beats any `<meta>` claim, because re-saved pages keep a stale `gb2312` declaration), then the
//! `<meta>` charset (every GB label decodes as GB18030, as the WHATWG Encoding Standard does), then
//! detection with chardetng. Decoding is always lossy-safe: invalid sequences become U+FFFD rather
//! than errors, and an almost-valid UTF-8 page (a truncated last character, a stray byte) stays UTF-8.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// The decoded text and the name of the encoding used.
#[derive(Debug)]
pub struct Decoded {
    /// The page as text.
    pub text: String,
    /// `UTF-8`, `GB18030`, `Big5`…
    pub encoding: &'static str,
}

/// How many leading bytes are searched for a `<meta>` charset.
const META_SCAN: usize = 8192;

/// Maps a charset label to an encoding, widening every GB label to GB18030.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
    let encoding = Encoding::for_label(label.as_bytes())?;
    if encoding == encoding_rs::GBK || label.starts_with("gb") {
        return Some(GB18030);
    }
    // A page cannot really be UTF-16 once we read it as bytes with ASCII markup; the BOM check
    // catches real UTF-16. WHATWG maps such meta claims to UTF-8 as well.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(encoding)
}

/// Finds `charset=` in the first bytes of the page (`<meta charset>` or `http-equiv` content).
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let start = from + pos + b"charset".len();
        from = start;
        // Only inside a <meta …> tag: the nearest '<' before must open "meta".
        let tag_start = lower[..start].iter().rposition(|&b| b == b'<');
        let in_meta = tag_start.is_some_and(|t| lower[t..].starts_with(b"<meta"));
        if !in_meta {
            continue;
        }
        let rest = &lower[start..];
        let rest = trim_start(rest, |b| b == b' ' || b == b'\t');
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest, |b| b == b' ' || b == b'"' || b == b'\'');
        let end = rest
            .iter()
            .position(|&b| {
                !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' || b == b':')
            })
            .unwrap_or(rest.len());
        if let Some(enc) = std::str::from_utf8(&rest[..end])
            .ok()
            .and_then(encoding_for_label)
        {
            return Some(enc);
        }
    }
    None
}

fn trim_start(bytes: &[u8], skip: impl Fn(u8) -> bool) -> &[u8] {
    let n = bytes.iter().take_while(|&&b| skip(b)).count();
    &bytes[n..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// True when the bytes are UTF-8 apart from a truncated tail or a very few stray bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) if e.error_len().is_none() => true, // only the last character is cut off
        Err(_) => {
            let mut invalid = 0usize;
            let mut multibyte = 0usize;
            for chunk in bytes.utf8_chunks() {
                multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                }
            }
            // GB text read as UTF-8 fails on nearly every character; a re-saved UTF-8 page with a
            // few damaged bytes has thousands of good multibyte characters per bad one.
            multibyte >= 50 && invalid * 200 <= multibyte
        }
    }
}

/// Decodes the page bytes following the documented order.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, tld: Option<&[u8]>) -> Decoded {
    if let Some(enc) = http_charset.and_then(encoding_for_label) {
        return with(enc, bytes);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return with(enc, &bytes[bom_len..]);
    }
    if mostly_utf8(bytes) {
        return with(UTF_8, bytes);
    }
    if let Some(enc) = meta_charset(bytes)
        && enc != UTF_8
    {
        return with(enc, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    detector.feed(sample, sample.len() == bytes.len());
    let mut enc = detector.guess(tld, true);
    if enc == encoding_rs::GBK {
        enc = GB18030;
    }
    // Mixed or damaged GB pages (a few bytes of another encoding) make the detector fall back to
    // a single-byte Latin guess; GB18030 that reads as Han text with rare damage is the better bet.
    if !is_multibyte(enc) {
        let gb = with(GB18030, bytes);
        let bad = gb.text.chars().filter(|&c| c == '\u{FFFD}').count();
        let han = gb
            .text
            .chars()
            .filter(|&c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            .count();
        if han >= 20 && bad * 50 < han {
            return gb;
        }
    }
    with(enc, bytes)
}

fn is_multibyte(encoding: &'static Encoding) -> bool {
    encoding == UTF_8
        || encoding == GB18030
        || encoding == encoding_rs::BIG5
        || encoding == encoding_rs::SHIFT_JIS
        || encoding == encoding_rs::EUC_JP
        || encoding == encoding_rs::EUC_KR
        || encoding == encoding_rs::ISO_2022_JP
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: if encoding == GB18030 {
            "GB18030"
        } else {
            encoding.name()
        },
    }
}

/// True when the bytes look like a binary file rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"%PDF",
        b"\x89PNG",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"BM",
        b"RIFF",
        b"\x00\x00\x01\x00",
        b"7z\xBC\xAF",
        b"Rar!",
        b"\x7FELF",
        b"wOFF",
        b"wOF2",
        b"OggS",
        b"ID3",
    ];
    let trimmed = trim_start(bytes, |b| b.is_ascii_whitespace());
    if MAGIC.iter().any(|m| trimmed.starts_with(m)) {
        return true;
    }
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0E..0x1B).contains(&b))
        .count();
    controls * 20 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_beats_a_stale_gb2312_meta() {
        let page = "<meta charset=gb2312><p>中文页面，内容是UTF-8。</p>".as_bytes();
        let d = decode(page, None, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("中文页面"));
    }

    #[test]
    fn gb2312_meta_decodes_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>新闻正文：镕基与喆</body></html>");
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.contains("镕基与喆"));
    }

    #[test]
    fn http_charset_comes_first_and_bom_second() {
        let (bytes, _, _) = GB18030.encode("<p>服务器说是GBK</p>");
        assert_eq!(decode(&bytes, Some("GBK"), None).encoding, "GB18030");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("<meta charset=gbk><p>带BOM</p>".as_bytes());
        let d = decode(&bom, None, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let text = "<html><body><p>".to_owned()
            + &"这是一篇没有声明编码的中文新闻，记者从现场发回报道。".repeat(20)
            + "</p></body></html>";
        let (bytes, _, _) = GB18030.encode(&text);
        let d = decode(&bytes, None, Some(b"cn"));
        assert!(d.text.contains("记者从现场发回报道"), "{}", d.encoding);
    }

    #[test]
    fn truncated_utf8_stays_utf8() {
        let page = "<p>截断的页面".as_bytes();
        let cut = &page[..page.len() - 1];
        assert_eq!(decode(cut, None, None).encoding, "UTF-8");
    }

    #[test]
    fn binary_is_recognized() {
        assert!(looks_binary(b"%PDF-1.7 \x00\x01\x02"));
        assert!(looks_binary(&[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0]));
        assert!(!looks_binary("<html>中文</html>".as_bytes()));
    }
}
