//! `zhnews crawl`.

use crate::args::GlobalArgs;
use crate::commands::not_implemented;
use crate::exit::CommandResult;
use clap::Args;

/// Arguments of `zhnews crawl`.
#[derive(Debug, Args)]
pub struct CrawlArgs {}

/// Runs `zhnews crawl`.
pub fn run(_global: &GlobalArgs, _args: CrawlArgs) -> CommandResult {
    not_implemented("crawl")
}
