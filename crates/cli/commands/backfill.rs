//! `zhnews backfill`: fetch a list of article URLs (history), resumably, with progress.
//!
//! The lists are streamed into the frontier in batches (never held in memory whole): one URL per
//! line, blank lines and `#` comments skipped, an invalid line (not a URL, or not http/https) logged
//! with its file and line number and skipped (exit 1 at the end). URLs already done are skipped, so
//! a rerun (after a kill, or of the same list) only does what is left; `--retry-failed` gives failed
//! URLs another chance. Progress is a bar on a terminal and a log line every 10 s otherwise.

use crate::args::GlobalArgs;
use crate::commands::crawl::finish;
use crate::config;
use crate::exit::{CommandResult, Failure};
use crate::lock;
use crate::pipeline::{self, Plan, Progress, Summary, db, fatal_db, new_url};
use clap::Args;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use zhnews_crawl::settings::RESERVED_JOB;
use zhnews_crawl::{PageKind, SourcePlan};
use zhnews_store::frontier::{NewUrl, Requeue};

/// Arguments of `zhnews backfill`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 ok; 1 finished, but some URLs failed or some lines were \
invalid (each was logged); 2 usage error; 3 fatal (database); 4 stopped because hosts kept \
rate-limiting; 75 another run holds the lock; 130/143 interrupted (resumable: run again)."
)]
pub struct BackfillArgs {
    /// Files with one URL per line (`-` for standard input); `#` starts a comment line.
    #[arg(value_name = "LIST")]
    pub lists: Vec<PathBuf>,
    /// A URL to fetch (repeatable), in addition to the lists.
    #[arg(long = "url", value_name = "URL")]
    pub urls: Vec<String>,
    /// Try URLs that failed in earlier runs again.
    #[arg(long)]
    pub retry_failed: bool,
    /// Also write the summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
}

/// URLs written to the frontier per transaction while reading the lists.
const BATCH: usize = 1000;

/// Runs `zhnews backfill`.
pub fn run(global: &GlobalArgs, args: BackfillArgs) -> CommandResult {
    if args.lists.is_empty() && args.urls.is_empty() {
        return Err(Failure::usage(
            "nothing to backfill: give URL list files (or `-`) and/or --url URL",
        ));
    }
    for list in &args.lists {
        if list.as_os_str() != "-" && !list.is_file() {
            return Err(Failure::usage(format!(
                "cannot read {}: no such file",
                list.display()
            )));
        }
    }
    let config = config::load(global.config.as_deref())?;
    let extractor = Arc::new(crate::commands::extract::build_extractor(global)?);
    let _lock = lock::acquire(&global.db, "backfill")?;
    let rt = pipeline::runtime()?;
    let requeue = Requeue::Backfill {
        retry_failed: args.retry_failed,
    };
    let (summary, stop, store, run_id) = rt.block_on(async {
        let signals = pipeline::watch_signals()?;
        let store = pipeline::open_store(&global.db)?;
        let run_id = db(&store, |s| {
            s.recover_in_flight()?;
            s.begin_run("backfill")
        })
        .await
        .map_err(fatal_db)?;
        let mut invalid = 0u64;
        let mut batch: Vec<NewUrl> = Vec::with_capacity(BATCH);
        let mut read = 0u64;
        let flush = |batch: Vec<NewUrl>| {
            let store = store.clone();
            async move {
                db(&store, move |s| s.enqueue(&batch, requeue, run_id))
                    .await
                    .map_err(fatal_db)
            }
        };
        let mut take = |origin: &str, line_no: Option<usize>, text: &str| -> Option<NewUrl> {
            match zhnews_crawl::canonicalize(text) {
                Ok(u) => Some(new_url(&u, PageKind::Article, RESERVED_JOB)),
                Err(e) => {
                    invalid += 1;
                    match line_no {
                        Some(n) => tracing::error!("{origin}:{n}: `{text}`: {e} (skipped)"),
                        None => tracing::error!("--url `{text}`: {e} (skipped)"),
                    }
                    None
                }
            }
        };
        for url in &args.urls {
            if let Some(u) = take("--url", None, url) {
                batch.push(u);
                read += 1;
            }
        }
        for list in &args.lists {
            let (origin, reader): (String, Box<dyn BufRead>) = if list.as_os_str() == "-" {
                (
                    "standard input".into(),
                    Box::new(BufReader::new(std::io::stdin())),
                )
            } else {
                let file = std::fs::File::open(list)
                    .map_err(|e| Failure::usage(format!("cannot read {}: {e}", list.display())))?;
                (
                    list.display().to_string(),
                    Box::new(BufReader::with_capacity(1 << 16, file)),
                )
            };
            for (i, line) in reader.split(b'\n').enumerate() {
                let line =
                    line.map_err(|e| Failure::usage(format!("cannot read {origin}: {e}")))?;
                let text = String::from_utf8_lossy(&line);
                let text = text.trim().trim_start_matches('\u{feff}');
                if text.is_empty() || text.starts_with('#') {
                    continue;
                }
                if let Some(u) = take(&origin, Some(i + 1), text) {
                    batch.push(u);
                    read += 1;
                }
                if batch.len() >= BATCH {
                    flush(std::mem::take(&mut batch)).await?;
                }
            }
        }
        flush(batch).await?;
        let total = db(&store, |s| s.queued_count(&[RESERVED_JOB]))
            .await
            .map_err(fatal_db)?;
        tracing::info!("{read} URLs read, {total} to fetch (the rest is done already)");
        let plan = Plan {
            command: "backfill",
            jobs: HashMap::from([(RESERVED_JOB.to_owned(), SourcePlan::backfill(&config.crawl))]),
            base: config.crawl.clone(),
            max_pages: None,
            deadline: None,
            refetch: false,
            progress: Progress::Auto(Duration::from_secs(10)),
            observer: None,
        };
        let summary = Summary {
            command: "backfill".into(),
            invalid_lines: invalid,
            ..Summary::default()
        };
        let (summary, stop) = pipeline::run(
            store.clone(),
            extractor,
            plan,
            run_id,
            Some(total),
            signals,
            summary,
        )
        .await?;
        Ok::<_, Failure>((summary, stop, store, run_id))
    })?;
    finish(
        &rt,
        &store,
        run_id,
        summary,
        stop,
        None,
        args.metrics.as_deref(),
    )
}
