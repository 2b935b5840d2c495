//! The bench inputs every extract bench shares: the THUCNews sample, read at bench time from the
//! shared corpus when it is there (it is never copied into the repository).

use std::path::{Path, PathBuf};

/// Up to `n` articles of `../shared/corpus/text/thucnews-cnews/cnews.val.txt` (or the same under
/// `$ZHNEWS_SHARED`), one per line as `category<TAB>title+body`; empty when the corpus is absent.
pub fn thucnews_articles(n: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let path = shared.join("corpus/text/thucnews-cnews/cnews.val.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| line.split_once('\t').map(|(_, body)| body.to_owned()))
        .take(n)
        .collect()
}
