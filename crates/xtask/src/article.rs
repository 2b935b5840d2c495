//! `cargo run -p xtask -- eval article [--report FILE] [--set NAME]`: the article extractor on the
//! HTML corpus.
//!
//! Unpacks `../shared/corpus/html.tar.xz` once into `target/eval-html/` and scores every ground truth
//! the corpus MANIFEST lists: body ROUGE-L F1 over jieba tokens (mean of per-page F1, per source
//! set), title exact match, publish time exact to the minute in UTC+8 at the label's precision
//! (a label with only a date is compared on the date, a year-less label without the year), author
//! exact (as a set of names), and the page kind (list/forum/other/foreign pages must not come out as
//! articles; article pages should). Extraction runs on one thread and its wall time gives pages/s.
//! `--report FILE` writes one TSV line per page with what was expected and what came out.

use anyhow::{Context, bail};
use chrono::{Datelike, FixedOffset, Timelike};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zhnews_model::{Article, PageKind};

/// One page and its labels.
#[derive(Debug, Default)]
struct Case {
    set: &'static str,
    path: PathBuf,
    url: Option<String>,
    body: Option<String>,
    title: Option<String>,
    time: Option<String>,
    author: Option<String>,
    /// Some(true) = must be stored as an article; Some(false) = must not; None = not scored.
    is_article: Option<bool>,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn json(path: &Path) -> anyhow::Result<Value> {
    Ok(serde_json::from_str(&read(path)?)?)
}

fn unpack(shared: &Path) -> anyhow::Result<PathBuf> {
    let dest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/eval-html");
    let html = dest.join("html");
    if !html.join("cwced").is_dir() {
        std::fs::create_dir_all(&dest)?;
        let archive = shared.join("corpus/html.tar.xz");
        eprintln!("unpacking {} into {}", archive.display(), dest.display());
        let status = std::process::Command::new("tar")
            .arg("xJf")
            .arg(&archive)
            .arg("-C")
            .arg(&dest)
            .status()
            .context("running tar")?;
        if !status.success() {
            bail!("tar xJf {} failed", archive.display());
        }
    }
    Ok(html)
}

fn label(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && !s.eq_ignore_ascii_case("unknown") && !s.eq_ignore_ascii_case("unknwon"))
        .then(|| s.to_owned())
}

fn silver(root: &Path, set: &'static str, dir: &str, cases: &mut Vec<Case>) -> anyhow::Result<()> {
    let labels = json(&root.join(dir).join("LABELS.silver.json"))?;
    let Some(files) = labels["files"].as_object() else {
        return Ok(());
    };
    for (path, l) in files {
        cases.push(Case {
            set,
            path: root.join(dir).join(path),
            title: l["title"].as_str().and_then(label),
            time: l["publish_time"].as_str().and_then(label),
            is_article: Some(true),
            ..Case::default()
        });
    }
    Ok(())
}

fn cases(root: &Path) -> anyhow::Result<Vec<Case>> {
    let mut cases = Vec::new();
    // magic-html: hand-annotated bodies (Chinese article pages) and forum/Q&A negatives.
    for (kind, set) in [("article", "magic-html"), ("forum", "magic-html forum")] {
        let dir = root.join("magic-html/benchmark/data").join(kind);
        let base = json(&dir.join("base.json"))?;
        for (sha, entry) in base.as_object().into_iter().flatten() {
            let path = dir.join("htmls").join(format!("{sha}.html"));
            if !path.exists() {
                continue;
            }
            cases.push(Case {
                set,
                path,
                url: entry["url"].as_str().map(str::to_owned),
                body: (kind == "article")
                    .then(|| entry["content"].as_str().unwrap_or("").to_owned()),
                is_article: Some(kind == "article"),
                ..Case::default()
            });
        }
    }
    // cwced: hand-labelled body, author, date (news, blogs, forums, gov mixed: kind not scored).
    let cw = root.join("cwced");
    let mut ids: Vec<String> = std::fs::read_dir(cw.join("original"))?
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".html"))
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    for id in ids {
        let txt = |d: &str| {
            std::fs::read(cw.join(d).join(format!("{id}.txt")))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        cases.push(Case {
            set: "cwced",
            path: cw.join("original").join(format!("{id}.html")),
            body: txt("cleaned"),
            author: txt("author").as_deref().and_then(label),
            time: txt("date")
                .as_deref()
                .and_then(label)
                .filter(|d| d.chars().next().is_some_and(|c| c.is_ascii_digit())),
            ..Case::default()
        });
    }
    silver(root, "gne", "gne", &mut cases)?;
    cases.push(Case {
        set: "gne",
        path: root.join("gne/test_list_page/tieba/1.html"),
        is_article: Some(false),
        ..Case::default()
    });
    silver(root, "cx-extractor", "cx-extractor", &mut cases)?;
    for case in cases.iter_mut().filter(|c| c.set == "cx-extractor") {
        let n = case
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        case.body = std::fs::read(root.join(format!("cx-extractor/Text/{n}.txt")))
            .ok()
            .map(|b| text_file(&b));
    }
    silver(root, "gerapy", "gerapy", &mut cases)?;
    for entry in std::fs::read_dir(root.join("gerapy/samples/list"))?.flatten() {
        cases.push(Case {
            set: "gerapy",
            path: entry.path(),
            is_article: Some(false),
            ..Case::default()
        });
    }
    // trafilatura: title/author/date labels; the lyrics blog, encyclopedia and Japanese pages are negatives.
    let traf = json(&root.join("trafilatura/tests/evaldata.json"))?;
    for (url, entry) in traf.as_object().into_iter().flatten() {
        let Some(file) = entry["file"].as_str() else {
            continue;
        };
        let path = ["eval", "cache"]
            .iter()
            .map(|d| root.join("trafilatura/tests").join(d).join(file))
            .find(|p| p.exists());
        let Some(path) = path else { continue };
        let negative =
            file.contains("chineselyrics") || file.contains("baike") || file.contains("nhk");
        cases.push(Case {
            set: "trafilatura",
            path,
            url: Some(url.clone()),
            title: (!negative)
                .then(|| entry["title"].as_str().and_then(label))
                .flatten(),
            time: (!negative)
                .then(|| entry["date"].as_str().and_then(label))
                .flatten(),
            author: (!negative)
                .then(|| entry["author"].as_str().and_then(label))
                .flatten(),
            is_article: Some(!negative),
            ..Case::default()
        });
    }
    for name in ["gmw", "pixnet", "qq", "youth", "hukumusume"] {
        let dir = root.join("readability/test/test-pages").join(name);
        let meta = json(&dir.join("expected-metadata.json")).unwrap_or(Value::Null);
        cases.push(Case {
            set: "readability",
            path: dir.join("source.html"),
            author: meta["byline"].as_str().and_then(label),
            time: meta["publishedTime"].as_str().and_then(label),
            is_article: Some(name != "hukumusume"),
            ..Case::default()
        });
    }
    for name in [
        "chinese_article",
        "chinese_article_001",
        "chinese_article_002",
    ] {
        cases.push(Case {
            set: "newspaper4k+goose3",
            path: root.join(format!("newspaper4k/tests/data/html/{name}.html")),
            is_article: Some(true),
            ..Case::default()
        });
    }
    cases.push(Case {
        set: "newspaper4k+goose3",
        path: root.join("goose3/tests/data/content/test_bbc_chinese.html"),
        is_article: Some(true),
        ..Case::default()
    });
    for entry in std::fs::read_dir(root.join("aeb/html"))?.flatten() {
        cases.push(Case {
            set: "aeb (English)",
            path: entry.path(),
            is_article: Some(false),
            ..Case::default()
        });
    }
    Ok(cases)
}

/// A label file as text: UTF-8, else GB18030 (the cx-extractor outputs are GBK).
fn text_file(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => zhnews_article::decode::decode(bytes, Some("gb18030"), None).text,
    }
}

fn page_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path.extension().is_some_and(|e| e == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .context("running gzip")?;
        return Ok(out.stdout);
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Tokens for ROUGE-L: jieba words, whitespace dropped.
fn tokens<'a>(jieba: &jieba_rs::Jieba, text: &'a str) -> Vec<&'a str> {
    jieba
        .cut(text, false)
        .into_iter()
        .map(|t| t.word)
        .filter(|w| !w.trim().is_empty())
        .collect()
}

fn lcs(a: &[&str], b: &[&str]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let mut row = vec![0u32; b.len() + 1];
    for x in a {
        let mut diag = 0u32;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()] as usize
}

fn rouge_l(jieba: &jieba_rs::Jieba, got: &str, want: &str) -> f64 {
    const CAP: usize = 40_000;
    let g = tokens(jieba, got);
    let w = tokens(jieba, want);
    let (g, w) = (&g[..g.len().min(CAP)], &w[..w.len().min(CAP)]);
    if g.is_empty() || w.is_empty() {
        return if g.is_empty() && w.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let l = lcs(g, w) as f64;
    let p = l / g.len() as f64;
    let r = l / w.len() as f64;
    if l == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// The fields a time label gives, to compare at its precision.
#[derive(Debug, Default, PartialEq)]
struct TimeLabel {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
}

fn parse_label(s: &str) -> Option<TimeLabel> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        let t = t.with_timezone(&FixedOffset::east_opt(8 * 3600)?);
        return Some(TimeLabel {
            year: Some(t.year()),
            month: Some(t.month()),
            day: Some(t.day()),
            hour: Some(t.hour()),
            minute: Some(t.minute()),
        });
    }
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let first_len = s
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| !p.is_empty())?
        .len();
    let mut l = TimeLabel::default();
    let rest: &[u32] = if first_len == 4 {
        l.year = Some(nums[0] as i32);
        &nums[1..]
    } else if nums.len() >= 5 {
        l.year = Some(2000 + nums[0] as i32);
        &nums[1..]
    } else {
        &nums[..]
    };
    l.month = rest.first().copied();
    l.day = rest.get(1).copied();
    l.hour = rest.get(2).copied();
    l.minute = rest.get(3).copied();
    Some(l)
}

fn time_matches(label: &TimeLabel, got: Option<chrono::DateTime<FixedOffset>>) -> bool {
    let Some(got) = got else { return false };
    let Some(cst) = FixedOffset::east_opt(8 * 3600) else {
        return false;
    };
    let t = got.with_timezone(&cst);
    label.year.is_none_or(|y| y == t.year())
        && label.month.is_none_or(|m| m == t.month())
        && label.day.is_none_or(|d| d == t.day())
        && label.hour.is_none_or(|h| h == t.hour())
        && label.minute.is_none_or(|m| m == t.minute())
}

fn names(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split([' ', '、', ',', '，', '\u{3000}', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

fn norm_title(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Tally {
    pages: usize,
    body_sum: f64,
    body_n: usize,
    title_ok: usize,
    title_n: usize,
    time_ok: usize,
    time_n: usize,
    author_ok: usize,
    author_n: usize,
    kind_ok: usize,
    kind_n: usize,
}

fn ratio(ok: usize, n: usize) -> String {
    if n == 0 {
        "—".to_owned()
    } else {
        format!("{:.1}% ({ok}/{n})", 100.0 * ok as f64 / n as f64)
    }
}

/// Runs the evaluation.
pub fn run(args: &[&str]) -> anyhow::Result<()> {
    let Some(shared) = crate::shared::dir() else {
        return Ok(());
    };
    let mut report_path: Option<PathBuf> = None;
    let mut only_set: Option<String> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--report" => report_path = it.next().map(PathBuf::from),
            "--set" => only_set = it.next().map(|s| (*s).to_owned()),
            other => bail!("unknown option {other} (options: --report FILE, --set NAME)"),
        }
    }
    let root = unpack(&shared)?;
    let mut cases = cases(&root)?;
    if let Some(set) = &only_set {
        cases.retain(|c| c.set.starts_with(set.as_str()));
    }
    let pages: Vec<Vec<u8>> = cases
        .iter()
        .map(|c| page_bytes(&c.path))
        .collect::<anyhow::Result<_>>()?;

    let mut outputs: Vec<Result<Article, String>> = Vec::with_capacity(cases.len());
    let mut elapsed = Duration::ZERO;
    for (case, bytes) in cases.iter().zip(&pages) {
        let info = zhnews_article::PageInfo {
            url: case.url.as_deref(),
            ..Default::default()
        };
        let start = Instant::now();
        let out = zhnews_article::extract(bytes, &info).map_err(|e| e.to_string());
        elapsed += start.elapsed();
        outputs.push(out);
    }

    let jieba = jieba_rs::Jieba::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut report = String::from("set\tpage\tfield\tok\texpected\tgot\n");
    for (case, out) in cases.iter().zip(&outputs) {
        let t = tallies.entry(case.set).or_default();
        t.pages += 1;
        let page = case
            .path
            .strip_prefix(&root)
            .unwrap_or(&case.path)
            .display()
            .to_string();
        let art = out.as_ref().ok();
        let mut line = |field: &str, ok: bool, want: &str, got: &str| {
            let clip = |s: &str| {
                s.chars()
                    .take(120)
                    .collect::<String>()
                    .replace(['\n', '\t'], " ")
            };
            let _ = writeln!(
                report,
                "{}\t{page}\t{field}\t{}\t{}\t{}",
                case.set,
                ok as u8,
                clip(want),
                clip(got)
            );
        };
        if let Some(want) = &case.body {
            let got = art.map_or("", |a| a.body.as_str());
            let f1 = rouge_l(&jieba, got, want);
            t.body_sum += f1;
            t.body_n += 1;
            line("body", f1 >= 0.9, &format!("{f1:.3}"), got);
        }
        if let Some(want) = &case.title {
            let got = art.and_then(|a| a.title.as_deref()).unwrap_or("");
            let ok = norm_title(got) == norm_title(want);
            t.title_n += 1;
            t.title_ok += ok as usize;
            line("title", ok, want, got);
        }
        if let Some(want) = &case.time
            && let Some(l) = parse_label(want)
        {
            let got = art.and_then(|a| a.published_at);
            let ok = time_matches(&l, got);
            t.time_n += 1;
            t.time_ok += ok as usize;
            line(
                "time",
                ok,
                want,
                &got.map(|g| g.to_rfc3339()).unwrap_or_default(),
            );
        }
        if let Some(want) = &case.author {
            let got = art.and_then(|a| a.author.as_deref()).unwrap_or("");
            let ok = names(got) == names(want);
            t.author_n += 1;
            t.author_ok += ok as usize;
            line("author", ok, want, got);
        }
        if let Some(expect_article) = case.is_article {
            let stored = art.is_some_and(|a| a.kind == PageKind::Article);
            let ok = stored == expect_article;
            t.kind_n += 1;
            t.kind_ok += ok as usize;
            let got = match out {
                Ok(a) => format!("{} {}", a.kind.as_str(), a.lang.as_deref().unwrap_or("")),
                Err(e) => e.clone(),
            };
            line(
                "kind",
                ok,
                if expect_article {
                    "article"
                } else {
                    "not article"
                },
                &got,
            );
        }
    }

    println!(
        "| set | pages | body ROUGE-L F1 | title exact | time to the minute | author exact | kind right |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut total = Tally::default();
    for (set, t) in &tallies {
        let body = if t.body_n == 0 {
            "—".to_owned()
        } else {
            format!("{:.3} ({})", t.body_sum / t.body_n as f64, t.body_n)
        };
        println!(
            "| {set} | {} | {body} | {} | {} | {} | {} |",
            t.pages,
            ratio(t.title_ok, t.title_n),
            ratio(t.time_ok, t.time_n),
            ratio(t.author_ok, t.author_n),
            ratio(t.kind_ok, t.kind_n)
        );
        total.pages += t.pages;
        total.title_ok += t.title_ok;
        total.title_n += t.title_n;
        total.time_ok += t.time_ok;
        total.time_n += t.time_n;
        total.author_ok += t.author_ok;
        total.author_n += t.author_n;
        total.kind_ok += t.kind_ok;
        total.kind_n += t.kind_n;
    }
    println!(
        "| all | {} | | {} | {} | {} | {} |",
        total.pages,
        ratio(total.title_ok, total.title_n),
        ratio(total.time_ok, total.time_n),
        ratio(total.author_ok, total.author_n),
        ratio(total.kind_ok, total.kind_n)
    );
    let negatives_stored = cases
        .iter()
        .zip(&outputs)
        .filter(|(c, o)| {
            c.is_article == Some(false) && o.as_ref().is_ok_and(|a| a.kind == PageKind::Article)
        })
        .count();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "\nnegative pages stored as articles: {negatives_stored}; extraction: {} pages, {:.1} MB in {:.2} s on one thread = {:.0} pages/s",
        cases.len(),
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        cases.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    if let Some(path) = report_path {
        std::fs::write(&path, report).with_context(|| format!("writing {}", path.display()))?;
        println!("per-page report: {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_at_their_precision() {
        let l = parse_label("2019年09月09日 18:13:22").unwrap();
        assert_eq!(
            (l.year, l.month, l.day, l.hour, l.minute),
            (Some(2019), Some(9), Some(9), Some(18), Some(13))
        );
        let y = parse_label("10-08 12:00").unwrap();
        assert_eq!((y.year, y.month, y.hour), (None, Some(10), Some(12)));
        let two = parse_label("18-03-08 23:16").unwrap();
        assert_eq!(two.year, Some(2018));
        assert_eq!(parse_label("1998-3").unwrap().day, None);
        let utc = parse_label("2020-02-12T14:17:54Z").unwrap();
        assert_eq!((utc.day, utc.hour), (Some(12), Some(22)));
    }

    #[test]
    fn rouge_l_bounds() {
        let j = jieba_rs::Jieba::new();
        assert!((rouge_l(&j, "今天天气很好", "今天天气很好") - 1.0).abs() < 1e-9);
        assert_eq!(rouge_l(&j, "", "今天天气很好"), 0.0);
        let half = rouge_l(&j, "今天 天气", "今天 下雨");
        assert!(half > 0.0 && half < 1.0);
    }
}
