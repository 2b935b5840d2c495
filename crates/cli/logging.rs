//! Logs go to stderr (data goes to stdout), as text for people or JSON lines for log collectors.

use crate::args::{GlobalArgs, LogFormat};
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. `-v` raises the level to debug (`-vv` trace), `-q` lowers it to
/// errors only; `RUST_LOG` overrides both.
pub fn init(global: &GlobalArgs) {
    let level = match (global.quiet, global.verbose) {
        (true, _) => "error",
        (false, 0) => "info",
        (false, 1) => "debug",
        (false, _) => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new(format!(
            "warn,zhnews={level},zhnews_crawl={level},zhnews_store={level}"
        ))
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match global.log_format {
        LogFormat::Text => builder.without_time().try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}
