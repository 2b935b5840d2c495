//! `zhnews import`: saved pages (`.html`/`.htm`) and plain texts (`.txt`) from disk into the database.
//!
//! Each file becomes an article (HTML through the article extractor; a text file's first line is its
//! title and the rest its body), is run through the extractor and loaded in one transaction. A file
//! that cannot be read or turned into an article is logged on one line and the run goes on; a
//! database error stops the run. Local files are identified by their `file://` URL, so importing the
//! same files again updates rather than duplicates.

use crate::args::GlobalArgs;
use crate::commands::extract::build_extractor;
use crate::commands::store_failure;
use crate::exit::{CommandResult, Exit};
use chrono::{DateTime, FixedOffset};
use clap::Args;
use std::path::{Path, PathBuf};
use zhnews_extract::Extractor;
use zhnews_model::{Article, PageKind};
use zhnews_store::{LoadOutcome, Store};

/// Arguments of `zhnews import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files (.html, .htm, .txt) or directories, walked recursively in name order.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The source name stored with the imported articles (as the crawler stores its source names).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

/// The file types import reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileType {
    Html,
    Text,
}

fn file_type(path: &Path) -> Option<FileType> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => Some(FileType::Html),
        "txt" => Some(FileType::Text),
        _ => None,
    }
}

/// What happened to the files of one run.
#[derive(Debug, Default)]
struct Tally {
    new: usize,
    updated: usize,
    unchanged: usize,
    skipped: usize,
    failed: usize,
}

/// Runs `zhnews import`.
pub fn run(global: &GlobalArgs, args: ImportArgs) -> CommandResult {
    let extractor = build_extractor(global)?;
    let mut store = Store::open(&global.db).map_err(|e| store_failure(&global.db, e))?;
    let mut tally = Tally::default();
    for path in &args.paths {
        let mut files = Vec::new();
        collect(path, true, &mut files, &mut tally);
        for file in files {
            match import_file(&file, &extractor) {
                Ok(Imported::Article(article, extraction, fetched_at)) => {
                    let outcome = store
                        .load_article(&article, &extraction, fetched_at, args.source.as_deref())
                        .map_err(|e| store_failure(&global.db, e))?;
                    tracing::debug!(
                        "{}: {} (article {}, {} entities, {} amounts, {} events)",
                        file.display(),
                        outcome.as_str(),
                        outcome.id(),
                        extraction.entities.len(),
                        extraction.amounts.len(),
                        extraction.events.len()
                    );
                    match outcome {
                        LoadOutcome::New(_) => tally.new += 1,
                        LoadOutcome::Updated(_) => tally.updated += 1,
                        LoadOutcome::Unchanged(_) => tally.unchanged += 1,
                    }
                }
                Ok(Imported::Skipped(why)) => {
                    tracing::info!("skipped {}: {why}", file.display());
                    tally.skipped += 1;
                }
                Err(message) => {
                    tracing::error!("{}: {message}", file.display());
                    tally.failed += 1;
                }
            }
        }
    }
    tracing::info!(
        "import done: {} new, {} updated, {} unchanged, {} skipped, {} failed",
        tally.new,
        tally.updated,
        tally.unchanged,
        tally.skipped,
        tally.failed
    );
    Ok(if tally.failed > 0 {
        Exit::Failures
    } else {
        Exit::Ok
    })
}

/// The files under `path` that import reads, in name order. A file named on the command line is
/// taken whatever its extension says (and refused later if it is not one import reads); inside
/// directories only .html, .htm and .txt files are taken. Unreadable paths are logged and counted.
fn collect(path: &Path, named: bool, files: &mut Vec<PathBuf>, tally: &mut Tally) {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) => {
            tracing::error!("{}: {e}", path.display());
            tally.failed += 1;
            return;
        }
    };
    if !metadata.is_dir() {
        if named || file_type(path).is_some() {
            files.push(path.to_owned());
        }
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            tracing::error!("cannot read directory {}: {e}", path.display());
            tally.failed += 1;
            return;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                // Symbolic links to directories are not followed (they could loop).
                let is_dir_link =
                    entry.file_type().is_ok_and(|t| t.is_symlink()) && entry.path().is_dir();
                if !is_dir_link {
                    children.push(entry.path());
                }
            }
            Err(e) => {
                tracing::error!("cannot read directory {}: {e}", path.display());
                tally.failed += 1;
            }
        }
    }
    children.sort();
    for child in children {
        collect(&child, false, files, tally);
    }
}

/// One file's result.
enum Imported {
    /// An article, what was extracted from it, and when the file was saved.
    Article(
        Box<Article>,
        zhnews_model::Extraction,
        DateTime<FixedOffset>,
    ),
    /// Not an article (a list page, another kind of page); why.
    Skipped(String),
}

/// Reads one file and turns it into an article with its extraction; `Err` is the one-line reason.
fn import_file(path: &Path, extractor: &Extractor) -> Result<Imported, String> {
    let Some(kind) = file_type(path) else {
        return Err("not a file import reads (.html, .htm or .txt)".to_owned());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let absolute = std::path::absolute(path).map_err(|e| format!("cannot resolve path: {e}"))?;
    let url = url::Url::from_file_path(&absolute)
        .map_err(|()| "cannot turn the path into a file URL".to_owned())?
        .to_string();
    let fetched_at = saved_at(path);
    let mut article = match kind {
        FileType::Html => {
            let info = zhnews_article::PageInfo {
                url: Some(&url),
                http_charset: None,
                fetched_at: Some(fetched_at),
            };
            let article = zhnews_article::extract(&bytes, &info).map_err(|e| e.to_string())?;
            if article.kind != PageKind::Article {
                return Ok(Imported::Skipped(format!(
                    "a {} page, not an article",
                    article.kind.as_str()
                )));
            }
            article
        }
        FileType::Text => text_article(&bytes)?,
    };
    if article.body.trim().is_empty() {
        return Err("no article text in it".to_owned());
    }
    // The file is the identity of a local import, whatever canonical link a saved page carries.
    article.url = Some(url.clone());
    article.canonical_url = Some(url);
    let published = article.published_at.map(|t| t.date_naive());
    let extraction = extractor.extract(&article.body, published);
    Ok(Imported::Article(Box::new(article), extraction, fetched_at))
}

/// A plain text: the first non-blank line is the title, the rest the body.
///
/// UTF-8 is expected; Chinese texts saved by older Windows tools are GBK, so a text that is not
/// UTF-8 but decodes as GB18030 without a single error is read as that.
fn text_article(bytes: &[u8]) -> Result<Article, String> {
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), "UTF-8"),
        Err(e) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) => (text, "GB18030"),
                None => {
                    return Err(format!(
                        "neither UTF-8 (first bad byte at offset {}) nor GB18030 text",
                        e.valid_up_to()
                    ));
                }
            }
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.trim_start();
    if text.is_empty() {
        return Err("empty file".to_owned());
    }
    let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
    let title = title.trim();
    let body = rest
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Article {
        title: Some(title.to_owned()),
        // A one-line text is all title; it is also the only text to extract from.
        body: if body.is_empty() {
            title.to_owned()
        } else {
            body
        },
        encoding: Some(encoding.to_owned()),
        kind: PageKind::Article,
        ..Article::default()
    })
}

/// When the file was last written, in China time (the time relative dates in the page refer to);
/// now when the file system does not say.
fn saved_at(path: &Path) -> DateTime<FixedOffset> {
    let china =
        FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap());
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(DateTime::<chrono::Utc>::from)
        .unwrap_or_else(|_| chrono::Utc::now());
    modified.with_timezone(&china)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_split_title_and_body() {
        let article =
            text_article("\u{feff}\n 标题 \n\n第一段。\r\n第二段。\n".as_bytes()).unwrap();
        assert_eq!(article.title.as_deref(), Some("标题"));
        assert_eq!(article.body, "第一段。\n第二段。");
        assert!(text_article(b"  \n ").is_err());
        assert!(text_article(&[0xff, 0xfe, 0x00]).is_err());
        let (gbk, _, _) = encoding_rs::GBK.encode("标题\n字节跳动估值超过两千亿美元。\n");
        let article = text_article(&gbk).unwrap();
        assert_eq!(article.title.as_deref(), Some("标题"));
        assert_eq!(article.body, "字节跳动估值超过两千亿美元。");
        assert_eq!(article.encoding.as_deref(), Some("GB18030"));
    }

    #[test]
    fn only_known_extensions_are_read() {
        assert_eq!(file_type(Path::new("a/b.HTM")), Some(FileType::Html));
        assert_eq!(file_type(Path::new("b.txt")), Some(FileType::Text));
        assert_eq!(file_type(Path::new("b.pdf")), None);
        assert_eq!(file_type(Path::new("README")), None);
    }
}
