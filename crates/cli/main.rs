//! The `zhnews` binary: parses arguments, runs one command, turns its outcome into an exit code.
//!
//! Everything else lives in the modules: `args` (clap), `config` (embedded defaults plus the user's
//! file), `logging`, `exit` (the documented exit codes) and `commands/` (one file per subcommand).

mod args;
mod commands;
mod config;
mod exit;
mod lock;
mod logging;
mod pipeline;
mod site_server;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = args::Cli::parse();
    logging::init(&args.global);
    let code = commands::run(args);
    std::process::ExitCode::from(code.as_u8())
}
