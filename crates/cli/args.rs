//! The command line: global options and the subcommands, each of whose arguments live beside its code
//! in `commands/`.

use crate::commands;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Watches Chinese tech news and turns it into facts: people, companies, money, events.
#[derive(Debug, Parser)]
#[command(name = "zhnews", version, about, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The SQLite database.
    #[arg(long, global = true, env = "ZHNEWS_DB", default_value = "zhnews.db")]
    pub db: PathBuf,
    /// A TOML file whose keys override the embedded configuration ([crawl], [[sources]], [extract]).
    #[arg(long, global = true, env = "ZHNEWS_CONFIG")]
    pub config: Option<PathBuf>,
    /// More log output (-v debug, -vv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Only errors in the log.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log format on stderr.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// Log line format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities, amounts and events from text (or HTML) as JSON; no database needed.
    Extract(commands::extract::ExtractArgs),
    /// Turn one saved HTML page into an article (title, time, author, body) as JSON.
    Article(commands::article::ArticleArgs),
    /// Load saved pages (.html/.htm) and texts (.txt) into the database; directories are walked.
    Import(commands::import::ImportArgs),
    /// Crawl the configured sources once (for cron): discover, fetch, extract, store.
    Crawl(commands::crawl::CrawlArgs),
    /// Fetch a list of article URLs (history), resumable, with progress.
    Backfill(commands::backfill::BackfillArgs),
    /// Stream rows out of the database as JSONL or CSV.
    Export(commands::export::ExportArgs),
    /// Serve the bundled demo site on 127.0.0.1, crawl it into a fresh database and report.
    Demo(commands::demo::DemoArgs),
}
