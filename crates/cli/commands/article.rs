//! `zhnews article`: one saved page in, the article's JSON out.

use crate::args::GlobalArgs;
use crate::commands::{output_error, read_input};
use crate::exit::{CommandResult, Exit, Failure};
use chrono::{DateTime, FixedOffset};
use clap::Args;
use std::io::{self, Write};
use std::path::PathBuf;

/// Arguments of `zhnews article`.
#[derive(Debug, Args)]
pub struct ArticleArgs {
    /// The saved HTML page, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// The URL the page came from (for the canonical URL, site and dates in the URL).
    #[arg(long)]
    pub url: Option<String>,
    /// When the page was fetched (RFC 3339), to resolve 昨天, 3小时前 and year-less dates.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub fetched_at: Option<DateTime<FixedOffset>>,
    /// Pretty-print the JSON.
    #[arg(long)]
    pub pretty: bool,
}

fn parse_time(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s).map_err(|e| format!("`{s}` is not an RFC 3339 time: {e}"))
}

/// Runs `zhnews article`.
pub fn run(_global: &GlobalArgs, args: ArticleArgs) -> CommandResult {
    let bytes = read_input(&args.input)?;
    let info = zhnews_article::PageInfo {
        url: args.url.as_deref(),
        http_charset: None,
        fetched_at: args.fetched_at,
    };
    let article = zhnews_article::extract(&bytes, &info)
        .map_err(|e| Failure::usage(format!("{}: {e}", args.input.display())))?;
    let mut out = io::stdout().lock();
    let written = if args.pretty {
        serde_json::to_writer_pretty(&mut out, &article)
    } else {
        serde_json::to_writer(&mut out, &article)
    };
    written.map_err(|e| output_error(e.into()))?;
    writeln!(out).map_err(output_error)?;
    Ok(Exit::Ok)
}
