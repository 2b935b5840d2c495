//! `zhnews crawl`: one pass over the configured sources, for cron.
//!
//! Takes the run lock (a second run exits 75 at once), resumes whatever a killed run left, polls each
//! source's feeds, sitemaps and listings (conditional GET), queues the new article links and fetches
//! them through the pipeline. Ends with one summary line (and `--metrics` JSON) and an exit code:
//! 0 ok, 1 failures over `failure_threshold`, 2 usage/config, 3 fatal, 4 hosts kept rate-limiting,
//! 75 locked, 130/143 interrupted (resumable).

use crate::args::GlobalArgs;
use crate::config;
use crate::exit::{CommandResult, Failure};
use crate::lock;
use crate::pipeline::{self, Plan, Progress, Summary, db, fatal_db, new_url};
use clap::Args;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use zhnews_crawl::SourcePlan;
use zhnews_store::frontier::Requeue;

/// Arguments of `zhnews crawl`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 ok; 1 finished, but more than failure_threshold of the fetches \
failed; 2 usage or configuration error; 3 fatal (database); 4 stopped because hosts kept \
rate-limiting; 75 another run holds the lock; 130/143 interrupted by SIGINT/SIGTERM (resumable: \
run again)."
)]
pub struct CrawlArgs {
    /// Crawl only this source (repeatable); default: every configured source.
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Stop after this many pages (discovery pages included); the rest stays queued.
    #[arg(long, value_name = "N")]
    pub max_pages: Option<u64>,
    /// Stop after this long (e.g. 90s, 10m, 1h); what is in flight is put back on the queue.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub max_duration: Option<Duration>,
    /// Fetch articles again even when they are already stored.
    #[arg(long)]
    pub refetch: bool,
    /// Also write the summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
}

/// Fetch-log rows older than this many days are deleted at the start of a crawl.
const FETCH_LOG_DAYS: u32 = 30;

/// Parses `90`, `90s`, `10m`, `2h`, `500ms`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (like 90s, 10m, 1h)"))?;
    let seconds = match unit.trim() {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(format!("`{s}` is not a duration (like 90s, 10m, 1h)")),
    };
    if !seconds.is_finite() || seconds <= 0.0 {
        return Err(format!("`{s}` must be a positive duration"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Runs `zhnews crawl`.
pub fn run(global: &GlobalArgs, args: CrawlArgs) -> CommandResult {
    let config = config::load(global.config.as_deref())?;
    let selected: Vec<&zhnews_crawl::SourceConfig> = if args.sources.is_empty() {
        config.sources.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for name in &args.sources {
            let source = config
                .sources
                .iter()
                .find(|s| &s.name == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = config.sources.iter().map(|s| s.name.as_str()).collect();
                    Failure::usage(format!(
                        "no source named `{name}` (configured: {})",
                        known.join(", ")
                    ))
                })?;
            chosen.push(source);
        }
        chosen
    };
    if selected.is_empty() {
        return Err(Failure::usage("no sources configured: nothing to crawl"));
    }
    let mut jobs = HashMap::new();
    for source in selected {
        let plan = SourcePlan::new(source, &config.crawl)
            .map_err(|e| Failure::usage(format!("source {}: {e}", source.name)))?;
        jobs.insert(plan.name.clone(), plan);
    }
    let extractor = Arc::new(crate::commands::extract::build_extractor(global)?);
    let _lock = lock::acquire(&global.db, "crawl")?;
    let rt = pipeline::runtime()?;
    let threshold = config.crawl.failure_threshold;
    let (summary, stop, store, run_id) = rt.block_on(async {
        let signals = pipeline::watch_signals()?;
        let store = pipeline::open_store(&global.db)?;
        let run_id = db(&store, |s| s.begin_run("crawl"))
            .await
            .map_err(fatal_db)?;
        let names: Vec<String> = jobs.keys().cloned().collect();
        let starts: Vec<_> = jobs
            .values()
            .flat_map(|j| j.start.iter().map(|(u, k)| new_url(u, *k, &j.name)))
            .collect();
        let (resumed, retried) = db(&store, move |s| {
            s.prune_fetch_log(FETCH_LOG_DAYS)?;
            let resumed = s.recover_in_flight()?;
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let retried = s.requeue_retryable(&names)?;
            s.enqueue(&starts, Requeue::OncePerRun, run_id)?;
            Ok((resumed, retried))
        })
        .await
        .map_err(fatal_db)?;
        if resumed > 0 {
            tracing::info!("resuming: {resumed} URLs left in flight by an interrupted run");
        }
        if retried > 0 {
            tracing::info!("{retried} URLs that failed transiently are tried again");
        }
        let plan = Plan {
            command: "crawl",
            jobs,
            base: config.crawl.clone(),
            max_pages: args.max_pages,
            deadline: args.max_duration.map(|d| tokio::time::Instant::now() + d),
            refetch: args.refetch,
            progress: Progress::Auto(Duration::from_secs(30)),
            observer: None,
        };
        let summary = Summary {
            command: "crawl".into(),
            ..Summary::default()
        };
        let (summary, stop) = pipeline::run(
            store.clone(),
            extractor,
            plan,
            run_id,
            None,
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
        Some(threshold),
        args.metrics.as_deref(),
    )
}

/// Prints the summary, writes metrics, records the run; returns the exit code.
pub fn finish(
    rt: &tokio::runtime::Runtime,
    store: &pipeline::SharedStore,
    run_id: i64,
    summary: Summary,
    stop: Option<pipeline::Stop>,
    threshold: Option<f64>,
    metrics: Option<&std::path::Path>,
) -> CommandResult {
    let exit = pipeline::exit_code(&summary, stop, threshold);
    println!("{}", summary.line());
    if let Some(path) = metrics {
        summary.write_metrics(path)?;
    }
    let json = serde_json::to_string(&summary).unwrap_or_default();
    let code = exit.as_u8();
    rt.block_on(db(store, move |s| s.finish_run(run_id, code, &json)))
        .map_err(fatal_db)?;
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10m").unwrap(), Duration::from_secs(600));
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("1.5h").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("5 parsecs").is_err());
    }
}
