//! `zhnews demo`.

use crate::args::GlobalArgs;
use crate::commands::not_implemented;
use crate::exit::CommandResult;
use clap::Args;

/// Arguments of `zhnews demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {}

/// Runs `zhnews demo`.
pub fn run(_global: &GlobalArgs, _args: DemoArgs) -> CommandResult {
    not_implemented("demo")
}
