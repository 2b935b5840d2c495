//! One file per subcommand. Each exposes its clap `…Args` and a `run` that returns a
//! [`CommandResult`]; this module turns a failure into its one-line message and exit code.

pub mod article;
pub mod backfill;
pub mod crawl;
pub mod demo;
pub mod export;
pub mod extract;
pub mod import;

use crate::args::{Cli, Command};
use crate::exit::{CommandResult, Exit, Failure};
use std::io::{self, Read};
use std::path::Path;
use zhnews_store::StoreError;

/// Runs the chosen command and reports a failure on stderr.
pub fn run(cli: Cli) -> Exit {
    let global = &cli.global;
    let result = match cli.command {
        Command::Extract(args) => extract::run(global, args),
        Command::Article(args) => article::run(global, args),
        Command::Import(args) => import::run(global, args),
        Command::Crawl(args) => crawl::run(global, args),
        Command::Backfill(args) => backfill::run(global, args),
        Command::Export(args) => export::run(global, args),
        Command::Demo(args) => demo::run(global, args),
    };
    match result {
        Ok(exit) => exit,
        Err(failure) => {
            eprintln!("zhnews: error: {failure}");
            failure.exit
        }
    }
}

/// The answer of a command whose issue has not landed yet.
#[allow(dead_code)]
pub fn not_implemented(command: &str) -> CommandResult {
    Err(Failure::usage(format!(
        "`zhnews {command}` is not implemented yet"
    )))
}

/// Reads a whole input file, or stdin for `-`, with a clear message for a missing file.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))
    }
}

/// Maps an error writing to stdout: a closed pipe (`zhnews … | head`) ends the run quietly.
pub fn output_error(error: io::Error) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Failure {
            exit: Exit::Ok,
            message: String::new(),
        }
    } else {
        Failure::fatal(format!("cannot write output: {error}"))
    }
}

/// Turns a store error into the run's failure: a busy database is exit 75 (try again later), any
/// other database problem is fatal (exit 3). The message names the database file.
pub fn store_failure(db: &Path, error: StoreError) -> Failure {
    let message = format!("database {}: {error}", db.display());
    if error.is_transient() {
        Failure {
            exit: Exit::Locked,
            message,
        }
    } else {
        Failure::fatal(message)
    }
}
