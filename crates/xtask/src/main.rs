//! Developer tasks for zhnews (not shipped): `cargo run -p xtask -- eval ner|money|article|events`
//! and `sample events` (events on unlabelled news, for judging precision by hand).
//!
//! The evaluation data lives outside the repository in `../shared/eval` and `../shared/corpus`
//! (licences forbid shipping it); `ZHNEWS_SHARED` points elsewhere. A missing directory is a message,
//! not a failure, so a fresh clone without it still works.

mod article;
mod events;
mod money;
mod ner;
mod sample;
mod shared;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["eval", "ner", rest @ ..] => ner::run(rest),
        ["eval", "money", rest @ ..] => money::run(rest),
        ["eval", "article", rest @ ..] => article::run(rest),
        ["eval", "events", rest @ ..] => events::run(rest),
        ["sample", rest @ ..] => sample::run(rest),
        _ => {
            eprintln!(
                "usage: cargo run -p xtask -- eval ner|money|article|events [options] | sample events [options]"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
