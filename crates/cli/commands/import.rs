//! `zhnews import`.

use crate::args::GlobalArgs;
use crate::commands::not_implemented;
use crate::exit::CommandResult;
use clap::Args;

/// Arguments of `zhnews import`.
#[derive(Debug, Args)]
pub struct ImportArgs {}

/// Runs `zhnews import`.
pub fn run(_global: &GlobalArgs, _args: ImportArgs) -> CommandResult {
    not_implemented("import")
}
