//! The crawl engine behind `crawl`, `backfill` and `demo`: claims URLs from the frontier, fetches them
//! politely, reads discovery pages for links and sends article pages through the article extractor,
//! the entity extractor and the store, recording every URL's outcome as it goes.
//!
//! State lives in the database, never here: the engine holds only the requests in flight (a window of
//! about twice the global concurrency), so memory stays flat and a killed run resumes from the
//! frontier. CPU work (article and entity extraction) runs on the blocking pool, limited to the cores;
//! database work is serialized on one connection. Per-item failures are logged and counted; only a
//! database failure stops the run.

use crate::commands::store_failure;
use crate::exit::{Exit, Failure};
use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;
use url::Url;
use zhnews_crawl::{FetchError, Fetched, Fetcher, PageKind, SourcePlan, canon};
use zhnews_extract::Extractor;
use zhnews_model::{Article, Extraction};
use zhnews_store::frontier::{Claimed, FetchRecord, NewUrl, Requeue, UrlState};
use zhnews_store::{LoadOutcome, Store, StoreError};

/// A signal that interrupts a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGINT (Ctrl-C): exit 130.
    Interrupt,
    /// SIGTERM: exit 143.
    Terminate,
}

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing but the final summary.
    Quiet,
    /// A bar on a terminal, else a log line every `Duration`.
    Auto(Duration),
}

/// Called with each stored article and what was extracted from it (the demo's report).
pub type Observer = Arc<dyn Fn(&Article, &Extraction) + Send + Sync>;

/// What one run is asked to do.
pub struct Plan {
    /// `crawl`, `backfill` or `demo` (for logs and the run table).
    pub command: &'static str,
    /// The jobs whose queued URLs are fetched, by name.
    pub jobs: HashMap<String, SourcePlan>,
    /// Global settings: the fetcher's concurrency and user agent.
    pub base: zhnews_crawl::CrawlSettings,
    /// Stop claiming after this many URLs.
    pub max_pages: Option<u64>,
    /// Stop (resumably) at this moment.
    pub deadline: Option<Instant>,
    /// Fetch known articles again.
    pub refetch: bool,
    /// Progress display.
    pub progress: Progress,
    /// Sees every stored article.
    pub observer: Option<Observer>,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("command", &self.command)
            .field("jobs", &self.jobs.keys().collect::<Vec<_>>())
            .field("max_pages", &self.max_pages)
            .finish_non_exhaustive()
    }
}

/// What a run did: the summary line and the `--metrics` JSON.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// The command.
    pub command: String,
    /// Pages fetched successfully (304s included).
    pub pages_fetched: u64,
    /// Conditional GETs answered 304 Not Modified.
    pub not_modified: u64,
    /// Articles stored for the first time.
    pub articles_new: u64,
    /// Articles stored before whose content or extraction changed.
    pub articles_updated: u64,
    /// Articles fetched again without any change.
    pub articles_unchanged: u64,
    /// Pages that were not articles (lists, other pages).
    pub not_articles: u64,
    /// Pages whose canonical URL was already known.
    pub duplicates: u64,
    /// Article links newly queued by discovery.
    pub links_queued: u64,
    /// URLs that failed.
    pub failed: u64,
    /// URLs robots.txt disallowed.
    pub skipped_robots: u64,
    /// Failures (and robots skips) by class.
    pub errors: BTreeMap<String, u64>,
    /// HTTP requests sent (robots.txt and retries included).
    pub requests: u64,
    /// Origins that kept rate-limiting and were left alone.
    pub rate_limited_hosts: Vec<String>,
    /// Invalid input lines (backfill).
    pub invalid_lines: u64,
    /// Why the run stopped early, if it did: max_pages, max_duration, interrupted, terminated.
    pub stopped: Option<String>,
    /// Wall time in seconds.
    pub duration_s: f64,
}

impl Summary {
    /// The one summary line.
    pub fn line(&self) -> String {
        let errors = if self.errors.is_empty() {
            "none".to_owned()
        } else {
            self.errors
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut line = format!(
            "{}: {} pages fetched ({} not modified), articles {} new / {} updated / {} unchanged, {} not articles, {} duplicates, {} links queued, {} failed, errors: {errors}, {:.1}s",
            self.command,
            self.pages_fetched,
            self.not_modified,
            self.articles_new,
            self.articles_updated,
            self.articles_unchanged,
            self.not_articles,
            self.duplicates,
            self.links_queued,
            self.failed,
            self.duration_s
        );
        if self.invalid_lines > 0 {
            line.push_str(&format!(", {} invalid lines", self.invalid_lines));
        }
        if !self.rate_limited_hosts.is_empty() {
            line.push_str(&format!(
                ", rate-limited: {}",
                self.rate_limited_hosts.join(" ")
            ));
        }
        if let Some(s) = &self.stopped {
            line.push_str(&format!(" (stopped: {s})"));
        }
        line
    }

    /// Writes the JSON metrics file.
    pub fn write_metrics(&self, path: &Path) -> Result<(), Failure> {
        let json = serde_json::to_string_pretty(self)
            .map_err(|e| Failure::fatal(format!("cannot encode metrics: {e}")))?;
        std::fs::write(path, json + "\n")
            .map_err(|e| Failure::fatal(format!("cannot write {}: {e}", path.display())))
    }
}

/// The shared database connection.
pub type SharedStore = Arc<Mutex<Store>>;

/// Runs `f` on the store on the blocking pool.
pub async fn db<T, F>(store: &SharedStore, f: F) -> Result<T, StoreError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
{
    let store = store.clone();
    match tokio::task::spawn_blocking(move || {
        let mut guard = store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    })
    .await
    {
        Ok(r) => r,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Opens the database for a crawl-type command.
pub fn open_store(path: &Path) -> Result<SharedStore, Failure> {
    let store = Store::open(path).map_err(|e| store_failure(path, e))?;
    store.tune_for_crawl().map_err(|e| store_failure(path, e))?;
    Ok(Arc::new(Mutex::new(store)))
}

/// A database failure ends the run: exit 75 when it stays busy (another process), else exit 3.
pub fn fatal_db(e: StoreError) -> Failure {
    if e.is_transient() {
        // Busy beyond the busy timeout: another process holds the database; retrying later works.
        Failure {
            exit: crate::exit::Exit::Locked,
            message: format!("database: {e}"),
        }
    } else {
        Failure::fatal(format!("database: {e}"))
    }
}

/// A multi-threaded runtime for one command.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::fatal(format!("cannot start the async runtime: {e}")))
}

/// Watches SIGINT and SIGTERM; the receiver sees the first one.
pub fn watch_signals() -> Result<watch::Receiver<Option<Stop>>, Failure> {
    use tokio::signal::unix::{SignalKind, signal};
    let (tx, rx) = watch::channel(None);
    let mut int = signal(SignalKind::interrupt())
        .map_err(|e| Failure::fatal(format!("cannot watch signals: {e}")))?;
    let mut term = signal(SignalKind::terminate())
        .map_err(|e| Failure::fatal(format!("cannot watch signals: {e}")))?;
    tokio::spawn(async move {
        let stop = tokio::select! {
            _ = int.recv() => Stop::Interrupt,
            _ = term.recv() => Stop::Terminate,
        };
        let _ = tx.send(Some(stop));
    });
    Ok(rx)
}

/// China Standard Time, the offset times are resolved in.
fn fetched_now() -> DateTime<FixedOffset> {
    let cst = FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset");
    Utc::now().with_timezone(&cst)
}

/// The new URL row for a canonical URL.
pub fn new_url(url: &Url, kind: PageKind, job: &str) -> NewUrl {
    NewUrl {
        url: url.to_string(),
        origin: canon::origin_key(url),
        kind: kind.as_str().to_owned(),
        job: job.to_owned(),
    }
}

/// How one claimed URL ended.
#[derive(Debug)]
enum Outcome {
    Discovery {
        not_modified: bool,
        queued: u64,
    },
    Stored(LoadOutcome),
    NotArticle,
    Duplicate,
    Failed(String),
    Skipped,
    /// The host kept rate-limiting: the URL went back on the queue untouched.
    Released,
}

struct Ctx {
    store: SharedStore,
    fetcher: Arc<Fetcher>,
    extractor: Arc<Extractor>,
    jobs: HashMap<String, SourcePlan>,
    fallback: SourcePlan,
    cpu: Arc<Semaphore>,
    run_id: i64,
    refetch: bool,
    observer: Option<Observer>,
}

/// Runs the engine until the queue of `plan.jobs` is empty or a stop condition hits.
pub async fn run(
    store: SharedStore,
    extractor: Arc<Extractor>,
    plan: Plan,
    run_id: i64,
    total: Option<u64>,
    mut signals: watch::Receiver<Option<Stop>>,
    mut summary: Summary,
) -> Result<(Summary, Option<Stop>), Failure> {
    let started = Instant::now();
    let fetcher = Arc::new(Fetcher::new(&plan.base).map_err(|e| Failure::fatal(e.to_string()))?);
    let cpus = std::thread::available_parallelism().map_or(2, |n| n.get());
    let window = (plan.base.concurrency * 2).max(4);
    let per_origin = plan
        .jobs
        .values()
        .map(|j| j.settings.per_host_concurrency)
        .max()
        .unwrap_or(1)
        + 1;
    let job_names: Vec<String> = plan.jobs.keys().cloned().collect();
    let ctx = Arc::new(Ctx {
        store: store.clone(),
        fetcher: fetcher.clone(),
        extractor,
        fallback: SourcePlan::backfill(&plan.base),
        jobs: plan.jobs,
        cpu: Arc::new(Semaphore::new(cpus)),
        run_id,
        refetch: plan.refetch,
        observer: plan.observer,
    });
    let bar = match plan.progress {
        Progress::Auto(_) if std::io::stderr().is_terminal() => {
            let bar = match total {
                Some(t) => indicatif::ProgressBar::new(t),
                None => indicatif::ProgressBar::no_length(),
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:40}] {pos}/{len} {per_sec} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            Some(bar)
        }
        _ => None,
    };
    let log_every = match plan.progress {
        Progress::Auto(d) if bar.is_none() => Some(d),
        _ => None,
    };
    let mut last_log = Instant::now();
    let mut set: JoinSet<(String, Result<Outcome, StoreError>)> = JoinSet::new();
    let mut pending: HashMap<String, usize> = HashMap::new();
    let mut blocked: HashSet<String> = HashSet::new();
    let mut claimed_total = 0u64;
    let mut done = 0u64;
    let mut stop: Option<Stop> = None;
    let mut fatal: Option<StoreError> = None;
    loop {
        if stop.is_none() && summary.stopped.is_none() {
            if let Some(s) = *signals.borrow() {
                stop = Some(s);
                summary.stopped = Some(
                    match s {
                        Stop::Interrupt => "interrupted",
                        Stop::Terminate => "terminated",
                    }
                    .into(),
                );
                set.abort_all();
            } else if plan.deadline.is_some_and(|d| Instant::now() >= d) {
                summary.stopped = Some("max_duration".into());
                set.abort_all();
            }
        }
        blocked.extend(fetcher.rate_limited_hosts());
        let budget = plan
            .max_pages
            .map_or(u64::MAX, |m| m.saturating_sub(claimed_total));
        if budget == 0 && summary.stopped.is_none() && set.is_empty() {
            summary.stopped = Some("max_pages".into());
        }
        let claiming = summary.stopped.is_none() && fatal.is_none() && budget > 0;
        if claiming && set.len() < window {
            let mut capped = pending.clone();
            for origin in &blocked {
                capped.insert(origin.clone(), per_origin);
            }
            let limit = ((window - set.len()) as u64).min(budget) as usize;
            let jobs = job_names.clone();
            let rows = db(&store, move |s| {
                let jobs: Vec<&str> = jobs.iter().map(String::as_str).collect();
                s.claim(&jobs, &capped, per_origin, limit)
            })
            .await
            .map_err(fatal_db)?;
            let got = rows.len();
            for row in rows {
                *pending.entry(row.origin.clone()).or_default() += 1;
                claimed_total += 1;
                let ctx = ctx.clone();
                set.spawn(async move {
                    let origin = row.origin.clone();
                    (origin, handle(&ctx, row).await)
                });
            }
            if got == limit && got > 0 {
                continue;
            }
        }
        if set.is_empty() {
            break;
        }
        let deadline = plan.deadline;
        tokio::select! {
            joined = set.join_next() => {
                let Some(joined) = joined else { continue };
                let Ok((origin, outcome)) = joined else { continue };
                if let Some(n) = pending.get_mut(&origin) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        pending.remove(&origin);
                    }
                }
                done += 1;
                match outcome {
                    Ok(o) => count(&mut summary, o),
                    Err(e) => {
                        tracing::error!("database: {e}; stopping");
                        fatal = Some(e);
                        set.abort_all();
                    }
                }
                if let Some(bar) = &bar {
                    bar.set_position(done);
                }
            }
            _ = signals.changed() => {}
            _ = async {
                match deadline {
                    Some(d) => tokio::time::sleep_until(d).await,
                    None => std::future::pending().await,
                }
            } => {}
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
        if let Some(every) = log_every
            && last_log.elapsed() >= every
        {
            last_log = Instant::now();
            let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
            match total {
                Some(t) => tracing::info!(
                    "progress: {done}/{t} pages, {} new articles, {} failed, {rate:.1} pages/s",
                    summary.articles_new,
                    summary.failed
                ),
                None => tracing::info!(
                    "progress: {done} pages, {} new articles, {} failed, {rate:.1} pages/s",
                    summary.articles_new,
                    summary.failed
                ),
            }
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // Whatever was cut off goes back on the queue now (the next run would do it anyway).
    db(&store, |s| s.recover_in_flight())
        .await
        .map_err(fatal_db)?;
    if let Some(e) = fatal {
        return Err(fatal_db(e));
    }
    summary.requests = fetcher.requests_sent();
    summary.rate_limited_hosts = fetcher.rate_limited_hosts();
    summary.duration_s = started.elapsed().as_secs_f64();
    Ok((summary, stop))
}

fn count(summary: &mut Summary, outcome: Outcome) {
    match outcome {
        Outcome::Discovery {
            not_modified,
            queued,
        } => {
            summary.pages_fetched += 1;
            summary.not_modified += u64::from(not_modified);
            summary.links_queued += queued;
        }
        Outcome::Stored(o) => {
            summary.pages_fetched += 1;
            match o {
                LoadOutcome::New(_) => summary.articles_new += 1,
                LoadOutcome::Updated(_) => summary.articles_updated += 1,
                LoadOutcome::Unchanged(_) => summary.articles_unchanged += 1,
            }
        }
        Outcome::NotArticle => {
            summary.pages_fetched += 1;
            summary.not_articles += 1;
        }
        Outcome::Duplicate => {
            summary.pages_fetched += 1;
            summary.duplicates += 1;
        }
        Outcome::Failed(class) => {
            summary.failed += 1;
            *summary.errors.entry(class).or_default() += 1;
        }
        Outcome::Skipped => {
            summary.skipped_robots += 1;
            *summary.errors.entry("robots".into()).or_default() += 1;
        }
        Outcome::Released => {}
    }
}

/// What to record for a claimed URL.
struct Record {
    state: UrlState,
    outcome: &'static str,
    http_status: Option<u16>,
    final_url: Option<String>,
    error_class: Option<String>,
    error: Option<String>,
    retryable: bool,
    attempts: u32,
    bytes: Option<u64>,
    redirects: Option<String>,
}

impl Record {
    fn ok(state: UrlState, outcome: &'static str, f: &Fetched, claimed: &str) -> Record {
        Record {
            state,
            outcome,
            http_status: Some(f.status),
            final_url: (f.final_url.as_str() != claimed).then(|| f.final_url.to_string()),
            error_class: None,
            error: None,
            retryable: false,
            attempts: f.attempts,
            bytes: Some(f.body.len() as u64),
            redirects: (!f.redirects.is_empty()).then(|| {
                serde_json::to_string(&f.redirects.iter().map(Url::as_str).collect::<Vec<_>>())
                    .unwrap_or_default()
            }),
        }
    }

    fn failed(class: &str, error: String, retryable: bool, f: Option<&Fetched>) -> Record {
        Record {
            state: UrlState::Failed,
            outcome: "failed",
            http_status: f.map(|f| f.status),
            final_url: None,
            error_class: Some(class.to_owned()),
            error: Some(error),
            retryable,
            attempts: f.map_or(1, |f| f.attempts),
            bytes: f.map(|f| f.body.len() as u64),
            redirects: None,
        }
    }
}

async fn save(ctx: &Ctx, id: i64, record: Record, started: Instant) -> Result<(), StoreError> {
    let run_id = ctx.run_id;
    let duration_ms = started.elapsed().as_millis() as u64;
    db(&ctx.store, move |s| {
        write_record(s, id, run_id, &record, duration_ms)
    })
    .await
}

/// Records a claimed URL's outcome (its state and a fetch-log row) in one transaction.
fn write_record(
    s: &mut Store,
    id: i64,
    run_id: i64,
    record: &Record,
    duration_ms: u64,
) -> Result<(), StoreError> {
    s.record_fetch(
        id,
        &FetchRecord {
            run_id,
            state: record.state,
            outcome: record.outcome,
            http_status: record.http_status,
            final_url: record.final_url.as_deref(),
            error_class: record.error_class.as_deref(),
            error: record.error.as_deref(),
            retryable: record.retryable,
            attempts: record.attempts,
            bytes: record.bytes,
            duration_ms: Some(duration_ms),
            redirects: record.redirects.as_deref(),
        },
    )
}

/// Fetches one claimed URL and records how it ended.
async fn handle(ctx: &Ctx, claimed: Claimed) -> Result<Outcome, StoreError> {
    let started = Instant::now();
    let plan = ctx.jobs.get(&claimed.job).unwrap_or(&ctx.fallback);
    let kind = PageKind::parse(&claimed.kind).unwrap_or(PageKind::Article);
    let url = match canon::canonicalize(&claimed.url) {
        Ok(u) => u,
        Err(e) => {
            tracing::warn!("{}: {e}", claimed.url);
            let r = Record::failed("invalid_url", e.to_string(), false, None);
            save(ctx, claimed.id, r, started).await?;
            return Ok(Outcome::Failed("invalid_url".into()));
        }
    };
    let validators = if kind == PageKind::Article {
        None
    } else {
        let u = claimed.url.clone();
        let (etag, last_modified) = db(&ctx.store, move |s| s.validators(&u)).await?;
        Some(zhnews_crawl::Validators {
            etag,
            last_modified,
        })
    };
    let fetched = ctx
        .fetcher
        .fetch(&url, kind, &plan.settings, validators.as_ref())
        .await;
    let fetched = match fetched {
        Ok(f) => f,
        Err(FetchError::HostRateLimited) => {
            let id = claimed.id;
            db(&ctx.store, move |s| s.release(id)).await?;
            return Ok(Outcome::Released);
        }
        Err(FetchError::Robots) => {
            tracing::info!("{}: disallowed by robots.txt (skipped)", claimed.url);
            let mut r = Record::failed("robots", "disallowed by robots.txt".into(), false, None);
            r.state = UrlState::Skipped;
            r.outcome = "skipped";
            r.attempts = 0;
            save(ctx, claimed.id, r, started).await?;
            return Ok(Outcome::Skipped);
        }
        Err(e) => {
            let class = e.class().as_str();
            let id = claimed.id;
            let runs = db(&ctx.store, move |s| s.runs_failed(id)).await?;
            let retryable = e.is_transient() && runs + 1 < plan.settings.max_runs_per_url;
            tracing::warn!(
                "{}: {e}{}",
                claimed.url,
                if retryable {
                    " (will retry next run)"
                } else {
                    ""
                }
            );
            let r = Record::failed(class, e.to_string(), retryable, None);
            save(ctx, claimed.id, r, started).await?;
            return Ok(Outcome::Failed(class.into()));
        }
    };
    if kind != PageKind::Article {
        return discovery(ctx, plan, &claimed, kind, fetched, started).await;
    }
    article(ctx, &claimed, fetched, started).await
}

async fn discovery(
    ctx: &Ctx,
    plan: &SourcePlan,
    claimed: &Claimed,
    kind: PageKind,
    fetched: Fetched,
    started: Instant,
) -> Result<Outcome, StoreError> {
    let v = fetched.validators.clone();
    let u = claimed.url.clone();
    if !fetched.not_modified {
        db(&ctx.store, move |s| {
            s.set_validators(&u, v.etag.as_deref(), v.last_modified.as_deref())
        })
        .await?;
    }
    if fetched.not_modified {
        tracing::debug!("{}: not modified", claimed.url);
        let r = Record::ok(UrlState::Done, "not_modified", &fetched, &claimed.url);
        save(ctx, claimed.id, r, started).await?;
        return Ok(Outcome::Discovery {
            not_modified: true,
            queued: 0,
        });
    }
    let found = match plan.discover(kind, &claimed.url, &fetched) {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!("{}: {e}", claimed.url);
            // Polled again next run anyway; forget the validators so it is read in full then.
            let u = claimed.url.clone();
            db(&ctx.store, move |s| s.set_validators(&u, None, None)).await?;
            let r = Record::failed("parse", e.to_string(), false, Some(&fetched));
            save(ctx, claimed.id, r, started).await?;
            return Ok(Outcome::Failed("parse".into()));
        }
    };
    let job = claimed.job.clone();
    let articles: Vec<NewUrl> = found
        .articles
        .iter()
        .map(|u| new_url(u, PageKind::Article, &job))
        .collect();
    let sitemaps: Vec<NewUrl> = found
        .sitemaps
        .iter()
        .map(|u| new_url(u, PageKind::Sitemap, &job))
        .collect();
    let (run_id, refetch) = (ctx.run_id, ctx.refetch);
    let queued = db(&ctx.store, move |s| {
        let n = s.enqueue(&articles, Requeue::Article { refetch }, run_id)?;
        s.enqueue(&sitemaps, Requeue::OncePerRun, run_id)?;
        Ok(n)
    })
    .await?;
    tracing::debug!(
        "{}: {} links, {queued} queued",
        claimed.url,
        found.articles.len()
    );
    let r = Record::ok(UrlState::Done, "done", &fetched, &claimed.url);
    save(ctx, claimed.id, r, started).await?;
    Ok(Outcome::Discovery {
        not_modified: false,
        queued: queued as u64,
    })
}

/// How an article page ended, decided on the blocking pool.
enum ArticleEnd {
    Stored(Box<Article>, Extraction, LoadOutcome),
    NotArticle,
    Duplicate,
    Failed(&'static str),
}

/// Article pages: extraction, the canonical-URL check and the store, all in one trip to the
/// blocking pool (one thread hand-off per page instead of three).
async fn article(
    ctx: &Ctx,
    claimed: &Claimed,
    fetched: Fetched,
    started: Instant,
) -> Result<Outcome, StoreError> {
    let permit = ctx.cpu.clone().acquire_owned().await;
    let body = fetched.body.clone();
    let charset = fetched.charset.clone();
    let final_url = fetched.final_url.clone();
    let extractor = ctx.extractor.clone();
    let store = ctx.store.clone();
    let ok_record = Record::ok(UrlState::Done, "done", &fetched, &claimed.url);
    let failed_record = Record::failed("", String::new(), false, Some(&fetched));
    let (id, run_id, refetch) = (claimed.id, ctx.run_id, ctx.refetch);
    let claimed_url = claimed.url.clone();
    let job = claimed.job.clone();
    let joined = tokio::task::spawn_blocking(move || -> Result<ArticleEnd, StoreError> {
        let fetched_at = fetched_now();
        let page = final_url.as_str();
        let info = zhnews_article::PageInfo {
            url: Some(page),
            http_charset: charset.as_deref(),
            fetched_at: Some(fetched_at),
        };
        let finish = |record: &Record| {
            let duration_ms = started.elapsed().as_millis() as u64;
            let mut s = store.lock().unwrap_or_else(|e| e.into_inner());
            write_record(&mut s, id, run_id, record, duration_ms)
        };
        let mut a = match zhnews_article::extract(&body, &info) {
            Err(e) => {
                let class = match e {
                    zhnews_article::ArticleError::Binary => "content_type",
                    _ => "empty",
                };
                tracing::warn!("{claimed_url}: {e}");
                let mut r = failed_record;
                r.error_class = Some(class.to_owned());
                r.error = Some(e.to_string());
                finish(&r)?;
                return Ok(ArticleEnd::Failed(class));
            }
            Ok(a) if a.kind != zhnews_model::PageKind::Article => {
                tracing::debug!("{claimed_url}: a {} page, not stored", a.kind.as_str());
                let mut r = ok_record;
                r.state = UrlState::NotArticle;
                r.outcome = "not_article";
                finish(&r)?;
                return Ok(ArticleEnd::NotArticle);
            }
            Ok(a) => a,
        };
        // The article extractor takes only absolute canonical links; a relative
        // `<link rel=canonical href="/news/1.html">` is read here. The cheap byte search over the
        // page head keeps most pages from being parsed twice.
        let head = &body[..body.len().min(32 * 1024)];
        if a.canonical_url.as_deref().is_none_or(|c| c == page)
            && contains_ascii_ci(head, b"canonical")
        {
            let html = zhnews_crawl::discover::decode_html(&body, charset.as_deref());
            if let Some(c) = zhnews_crawl::discover::canonical_link(&html, &final_url) {
                a.canonical_url = Some(c.to_string());
            }
        }
        let published = a.published_at.map(|t| t.date_naive());
        let extraction = extractor.extract(&a.body, published);
        drop(permit);
        // The article's identity: its declared canonical URL (unless it points at a site's front
        // page, a common mistake that would fold every article into one), else where it was
        // fetched from.
        let declared = a
            .canonical_url
            .as_deref()
            .and_then(|c| canon::resolve(&final_url, c).ok())
            .filter(|u| u.path() != "/" && !u.path().is_empty());
        let identity = declared.unwrap_or_else(|| final_url.clone());
        let mut s = store.lock().unwrap_or_else(|e| e.into_inner());
        if identity.as_str() != claimed_url {
            let known = new_url(&identity, PageKind::Article, &job);
            if !s.mark_known(&known, run_id)? && !refetch {
                tracing::debug!("{claimed_url}: duplicate of {identity}");
                let mut r = ok_record;
                r.state = UrlState::Duplicate;
                r.outcome = "duplicate";
                let duration_ms = started.elapsed().as_millis() as u64;
                write_record(&mut s, id, run_id, &r, duration_ms)?;
                return Ok(ArticleEnd::Duplicate);
            }
        }
        a.url = Some(final_url.to_string());
        a.canonical_url = Some(identity.to_string());
        let source = (job != zhnews_crawl::settings::RESERVED_JOB).then_some(job.as_str());
        // The article and then its URL's new state: two transactions. A kill between them leaves
        // the URL in flight; the rerun loads the article again, unchanged.
        let outcome = s.load_article(&a, &extraction, fetched_at, source)?;
        let mut r = ok_record;
        r.outcome = outcome.as_str();
        let duration_ms = started.elapsed().as_millis() as u64;
        write_record(&mut s, id, run_id, &r, duration_ms)?;
        tracing::debug!("{claimed_url}: article {}", outcome.as_str());
        Ok(ArticleEnd::Stored(Box::new(a), extraction, outcome))
    })
    .await;
    let end = match joined {
        Ok(end) => end?,
        Err(e) => {
            let message = format!("extraction failed: {e}");
            tracing::error!("{}: {message}", claimed.url);
            let r = Record::failed("internal", message, false, None);
            save(ctx, claimed.id, r, started).await?;
            return Ok(Outcome::Failed("internal".into()));
        }
    };
    Ok(match end {
        ArticleEnd::Stored(article, extraction, outcome) => {
            if let Some(observer) = &ctx.observer {
                observer(&article, &extraction);
            }
            Outcome::Stored(outcome)
        }
        ArticleEnd::NotArticle => Outcome::NotArticle,
        ArticleEnd::Duplicate => Outcome::Duplicate,
        ArticleEnd::Failed(class) => Outcome::Failed(class.into()),
    })
}

/// Whether `hay` contains `needle` (lowercase ASCII), ignoring ASCII case.
fn contains_ascii_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    hay.windows(needle.len())
        .any(|w| w[0] | 0x20 == first && w.eq_ignore_ascii_case(needle))
}

/// The exit code of a finished run.
pub fn exit_code(summary: &Summary, stop: Option<Stop>, threshold: Option<f64>) -> Exit {
    match stop {
        Some(Stop::Interrupt) => return Exit::Interrupted,
        Some(Stop::Terminate) => return Exit::Terminated,
        None => {}
    }
    if !summary.rate_limited_hosts.is_empty() {
        return Exit::RateLimited;
    }
    if summary.invalid_lines > 0 {
        return Exit::Failures;
    }
    let attempted = summary.pages_fetched + summary.failed;
    let failed = summary.failed as f64;
    let over = match threshold {
        Some(t) => attempted > 0 && failed / attempted as f64 > t,
        None => summary.failed > 0,
    };
    if over { Exit::Failures } else { Exit::Ok }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        let mut s = Summary {
            pages_fetched: 8,
            failed: 2,
            ..Summary::default()
        };
        assert_eq!(exit_code(&s, None, Some(0.2)), Exit::Ok);
        assert_eq!(exit_code(&s, None, Some(0.1)), Exit::Failures);
        assert_eq!(exit_code(&s, None, None), Exit::Failures);
        assert_eq!(exit_code(&s, Some(Stop::Terminate), None), Exit::Terminated);
        assert_eq!(
            exit_code(&s, Some(Stop::Interrupt), None),
            Exit::Interrupted
        );
        s.rate_limited_hosts.push("http://a.cn".into());
        assert_eq!(exit_code(&s, None, Some(0.5)), Exit::RateLimited);
        let empty = Summary::default();
        assert_eq!(exit_code(&empty, None, Some(0.0)), Exit::Ok);
    }

    #[test]
    fn case_insensitive_search() {
        assert!(contains_ascii_ci(b"<link REL=\"Canonical\"", b"canonical"));
        assert!(!contains_ascii_ci(b"<link rel=alternate>", b"canonical"));
        assert!(!contains_ascii_ci(b"canon", b"canonical"));
    }
}
