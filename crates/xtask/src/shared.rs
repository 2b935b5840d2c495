//! Where the shared evaluation data is.

use std::path::PathBuf;

/// The `shared/` directory: `$ZHNEWS_SHARED`, else `../shared` beside the repository.
/// `None` (after a message on stderr) when it is not there.
pub fn dir() -> Option<PathBuf> {
    let path = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "xtask: no shared data at {} (set ZHNEWS_SHARED); nothing to evaluate",
            path.display()
        );
        None
    }
}
