//! `zhnews backfill`.

use crate::args::GlobalArgs;
use crate::commands::not_implemented;
use crate::exit::CommandResult;
use clap::Args;

/// Arguments of `zhnews backfill`.
#[derive(Debug, Args)]
pub struct BackfillArgs {}

/// Runs `zhnews backfill`.
pub fn run(_global: &GlobalArgs, _args: BackfillArgs) -> CommandResult {
    not_implemented("backfill")
}
