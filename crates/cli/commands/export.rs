//! `zhnews export`.

use crate::args::GlobalArgs;
use crate::commands::not_implemented;
use crate::exit::CommandResult;
use clap::Args;

/// Arguments of `zhnews export`.
#[derive(Debug, Args)]
pub struct ExportArgs {}

/// Runs `zhnews export`.
pub fn run(_global: &GlobalArgs, _args: ExportArgs) -> CommandResult {
    not_implemented("export")
}
