//! The crawl frontier: every URL's state (queued, in flight, done, failed, skipped), the cache
//! validators of discovery pages, the fetch log and the run log.
//!
//! The queue and the seen-set are the same table on disk, so memory stays flat however long a crawl
//! runs. Every state change of one URL is its own transaction: a `kill -9` loses at most the requests
//! in flight, which [`Store::recover_in_flight`] puts back on the queue. URLs are stored already
//! canonicalized (the crawler's job); the store only compares strings.

use crate::{Store, StoreError};
use chrono::{SecondsFormat, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params, params_from_iter};

/// A URL's state in the frontier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlState {
    /// Waiting to be fetched.
    Queued,
    /// Claimed by a running crawl.
    InFlight,
    /// Fetched and handled (an article stored, or a discovery page read).
    Done,
    /// Fetched, but a list or other page: not stored as an article.
    NotArticle,
    /// Fetched, but its canonical URL is another URL already known.
    Duplicate,
    /// Failed; see the error class and whether it will be retried.
    Failed,
    /// Not fetched: robots.txt disallows it.
    Skipped,
}

impl UrlState {
    /// The name stored in the `state` column.
    pub fn as_str(self) -> &'static str {
        match self {
            UrlState::Queued => "queued",
            UrlState::InFlight => "in_flight",
            UrlState::Done => "done",
            UrlState::NotArticle => "not_article",
            UrlState::Duplicate => "duplicate",
            UrlState::Failed => "failed",
            UrlState::Skipped => "skipped",
        }
    }

    /// Parses [`UrlState::as_str`].
    pub fn parse(s: &str) -> Option<UrlState> {
        Some(match s {
            "queued" => UrlState::Queued,
            "in_flight" => UrlState::InFlight,
            "done" => UrlState::Done,
            "not_article" => UrlState::NotArticle,
            "duplicate" => UrlState::Duplicate,
            "failed" => UrlState::Failed,
            "skipped" => UrlState::Skipped,
            _ => return None,
        })
    }
}

/// A URL to put on the frontier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUrl {
    /// The canonical URL.
    pub url: String,
    /// Its origin (`scheme://host:port`).
    pub origin: String,
    /// `article`, `feed`, `sitemap` or `listing`.
    pub kind: String,
    /// The source name it was found for, or `backfill`.
    pub job: String,
}

/// How [`Store::enqueue`] treats a URL that is already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requeue {
    /// A discovery page (feed, sitemap, listing): queued again once per run (`run_id`), whatever its
    /// state, because it is polled every run.
    OncePerRun,
    /// An article found by discovery: left alone when known, unless `refetch` (then fetched again once
    /// in this run).
    Article {
        /// `--refetch`: fetch known articles again.
        refetch: bool,
    },
    /// A backfill URL: queued unless done; a failure is queued again only with `retry_failed`
    /// (or when it is retryable).
    Backfill {
        /// `--retry-failed`.
        retry_failed: bool,
    },
}

/// A URL claimed for fetching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    /// Row id, for the state change that follows.
    pub id: i64,
    /// The canonical URL.
    pub url: String,
    /// Its origin.
    pub origin: String,
    /// `article`, `feed`, `sitemap` or `listing`.
    pub kind: String,
    /// The source name or `backfill`.
    pub job: String,
}

/// How a fetch ended, for the URL's row and the fetch log.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchRecord<'a> {
    /// The run it happened in.
    pub run_id: i64,
    /// The new state (not `Queued` or `InFlight`).
    pub state: UrlState,
    /// `done`, `not_modified`, `not_article`, `duplicate`, `failed`, `skipped`… for the log.
    pub outcome: &'a str,
    /// The final HTTP status, if any.
    pub http_status: Option<u16>,
    /// The URL after redirects, if different.
    pub final_url: Option<&'a str>,
    /// The failure class (`timeout`, `not_found`…), for failures and skips.
    pub error_class: Option<&'a str>,
    /// The failure message.
    pub error: Option<&'a str>,
    /// For failures: whether a later run should try again.
    pub retryable: bool,
    /// HTTP attempts made.
    pub attempts: u32,
    /// Body bytes received.
    pub bytes: Option<u64>,
    /// Wall time of the fetch.
    pub duration_ms: Option<u64>,
    /// The redirect chain, as a JSON array of URLs (None: no redirects).
    pub redirects: Option<&'a str>,
}

/// Frontier rows by state, for summaries and progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// (state, rows), states in name order.
    pub by_state: Vec<(String, u64)>,
}

impl StateCounts {
    /// Rows in `state`.
    pub fn get(&self, state: UrlState) -> u64 {
        self.by_state
            .iter()
            .find(|(s, _)| s == state.as_str())
            .map_or(0, |(_, n)| *n)
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

impl Store {
    /// Trades the last commits before a power loss for speed (`synchronous = NORMAL` under WAL): a
    /// killed process still loses nothing that was committed.
    pub fn tune_for_crawl(&self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Records the start of a run and returns its id.
    pub fn begin_run(&self, command: &str) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO crawl_runs (command, started_at) VALUES (?1, ?2)",
            params![command, now()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of a run with its exit code and JSON summary.
    pub fn finish_run(&self, run_id: i64, exit_code: u8, summary: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE crawl_runs SET finished_at = ?1, exit_code = ?2, summary = ?3 WHERE id = ?4",
            params![now(), exit_code, summary, run_id],
        )?;
        Ok(())
    }

    /// Deletes fetch-log rows older than `days` days (the log would otherwise grow with every cron
    /// run); returns how many.
    pub fn prune_fetch_log(&self, days: u32) -> Result<usize, StoreError> {
        let cutoff = (Utc::now() - chrono::Duration::days(i64::from(days)))
            .to_rfc3339_opts(SecondsFormat::Millis, true);
        Ok(self
            .conn
            .execute("DELETE FROM fetch_log WHERE at < ?1", [cutoff])?)
    }

    /// Puts URLs left in flight by a killed run back on the queue; returns how many.
    pub fn recover_in_flight(&self) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "UPDATE frontier SET state = 'queued', updated_at = ?1 WHERE state = 'in_flight'",
            [now()],
        )?)
    }

    /// Queues again the retryable failures of these jobs (a new run gives them another chance).
    pub fn requeue_retryable(&self, jobs: &[&str]) -> Result<usize, StoreError> {
        if jobs.is_empty() {
            return Ok(0);
        }
        let sql = format!(
            "UPDATE frontier SET state = 'queued', updated_at = ?
             WHERE state = 'failed' AND retryable = 1 AND job IN ({})",
            placeholders(jobs.len())
        );
        let mut values: Vec<String> = vec![now()];
        values.extend(jobs.iter().map(|j| (*j).to_owned()));
        Ok(self.conn.execute(&sql, params_from_iter(values))?)
    }

    /// Adds URLs to the frontier in one transaction; known URLs are handled per `requeue`. Returns how
    /// many URLs were queued (new or again).
    pub fn enqueue(
        &mut self,
        urls: &[NewUrl],
        requeue: Requeue,
        run_id: i64,
    ) -> Result<usize, StoreError> {
        if urls.is_empty() {
            return Ok(0);
        }
        let at = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut queued = 0;
        {
            let mut find = tx.prepare_cached(
                "SELECT id, state, run_id, retryable FROM frontier WHERE url = ?1",
            )?;
            let mut next_seq = tx.prepare_cached(
                "SELECT coalesce(max(origin_seq), 0) + 1 FROM frontier WHERE origin = ?1",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO frontier (url, origin, origin_seq, kind, job, state, run_id,
                    discovered_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?7, ?7)",
            )?;
            let mut stored =
                tx.prepare_cached("SELECT 1 FROM articles WHERE canonical_url = ?1")?;
            let mut insert_done = tx.prepare_cached(
                "INSERT INTO frontier (url, origin, origin_seq, kind, job, state, run_id,
                    discovered_at, updated_at)
                 VALUES (?1, ?2, 0, ?3, ?4, 'done', ?5, ?6, ?6)",
            )?;
            let mut requeue_row = tx.prepare_cached(
                "UPDATE frontier SET state = 'queued', job = ?2, run_id = ?3, updated_at = ?4,
                    runs_failed = CASE WHEN ?5 THEN 0 ELSE runs_failed END
                 WHERE id = ?1",
            )?;
            for u in urls {
                let existing: Option<(i64, String, Option<i64>, bool)> = find
                    .query_row([&u.url], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .optional()?;
                let Some((id, state, row_run, retryable)) = existing else {
                    // An article stored by other means (`zhnews import`) is known already.
                    let refetch = matches!(requeue, Requeue::Article { refetch: true });
                    if u.kind == "article"
                        && !refetch
                        && stored.query_row([&u.url], |_| Ok(())).optional()?.is_some()
                    {
                        insert_done.execute(params![u.url, u.origin, u.kind, u.job, run_id, at])?;
                        continue;
                    }
                    let seq: i64 = if u.kind == "article" {
                        next_seq.query_row([&u.origin], |r| r.get(0))?
                    } else {
                        0
                    };
                    insert.execute(params![u.url, u.origin, seq, u.kind, u.job, run_id, at])?;
                    queued += 1;
                    continue;
                };
                let state = UrlState::parse(&state);
                let this_run = row_run == Some(run_id);
                let (again, reset_failures) = match (requeue, state) {
                    // Queued for a source: a backfill takes it over (it is fetched once anyway).
                    (Requeue::Backfill { .. }, Some(UrlState::Queued)) => (true, false),
                    (_, Some(UrlState::Queued | UrlState::InFlight)) => (false, false),
                    (Requeue::OncePerRun, _) => (!this_run, false),
                    (Requeue::Article { refetch }, Some(UrlState::Done | UrlState::NotArticle)) => {
                        (refetch && !this_run, false)
                    }
                    (Requeue::Article { .. }, _) => (false, false),
                    (
                        Requeue::Backfill { .. },
                        Some(UrlState::Done | UrlState::NotArticle | UrlState::Duplicate),
                    ) => (false, false),
                    (
                        Requeue::Backfill { retry_failed },
                        Some(UrlState::Failed | UrlState::Skipped),
                    ) => (retry_failed || retryable, retry_failed),
                    (Requeue::Backfill { .. }, None) => (true, false),
                };
                if again {
                    requeue_row.execute(params![id, u.job, run_id, at, reset_failures])?;
                    queued += 1;
                }
            }
        }
        tx.commit()?;
        Ok(queued)
    }

    /// Claims up to `limit` queued URLs of these jobs, in an order that interleaves origins
    /// (discovery pages first), taking at most `per_origin` per origin counting the ones already
    /// `pending` (in flight) for it, and marks them in flight.
    pub fn claim(
        &mut self,
        jobs: &[&str],
        pending: &std::collections::HashMap<String, usize>,
        per_origin: usize,
        limit: usize,
    ) -> Result<Vec<Claimed>, StoreError> {
        if jobs.is_empty() || limit == 0 || per_origin == 0 {
            return Ok(Vec::new());
        }
        let busy: Vec<&str> = pending
            .iter()
            .filter(|(_, n)| **n >= per_origin)
            .map(|(o, _)| o.as_str())
            .collect();
        let mut sql = format!(
            "SELECT id, url, origin, kind, job FROM frontier
             WHERE state = 'queued' AND job IN ({})",
            placeholders(jobs.len())
        );
        if !busy.is_empty() {
            sql.push_str(&format!(
                " AND origin NOT IN ({})",
                placeholders(busy.len())
            ));
        }
        sql.push_str(" ORDER BY origin_seq, id LIMIT ?");
        let mut values: Vec<rusqlite::types::Value> = jobs
            .iter()
            .chain(&busy)
            .map(|s| rusqlite::types::Value::Text((*s).to_owned()))
            .collect();
        // Read ahead a little: rows of an origin already at its cap are passed over.
        values.push(rusqlite::types::Value::Integer((limit * 4) as i64));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let claimed = {
            let mut stmt = tx.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(values), |r| {
                    Ok(Claimed {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        origin: r.get(2)?,
                        kind: r.get(3)?,
                        job: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let mut taken: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            let mut chosen = Vec::new();
            for c in rows {
                let n = taken
                    .entry(c.origin.clone())
                    .or_insert_with(|| pending.get(&c.origin).copied().unwrap_or(0));
                if *n >= per_origin {
                    continue;
                }
                *n += 1;
                chosen.push(c);
                if chosen.len() == limit {
                    break;
                }
            }
            let mut mark = tx.prepare_cached(
                "UPDATE frontier SET state = 'in_flight', updated_at = ?2 WHERE id = ?1",
            )?;
            let at = now();
            for c in &chosen {
                mark.execute(params![c.id, at])?;
            }
            chosen
        };
        tx.commit()?;
        Ok(claimed)
    }

    /// Records how a claimed URL's fetch ended: its new state and a fetch-log row, in one transaction.
    pub fn record_fetch(&mut self, id: i64, record: &FetchRecord<'_>) -> Result<(), StoreError> {
        let at = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let url: String =
            tx.query_row("SELECT url FROM frontier WHERE id = ?1", [id], |r| r.get(0))?;
        let failed = record.state == UrlState::Failed;
        tx.execute(
            "UPDATE frontier SET state = ?2, attempts = attempts + ?3,
                runs_failed = runs_failed + ?4, retryable = ?5, error_class = ?6, error = ?7,
                http_status = coalesce(?8, http_status), final_url = ?9, updated_at = ?10,
                fetched_at = CASE WHEN ?8 IS NULL THEN fetched_at ELSE ?10 END
             WHERE id = ?1",
            params![
                id,
                record.state.as_str(),
                record.attempts,
                failed as i64,
                failed && record.retryable,
                record.error_class,
                record.error,
                record.http_status,
                record.final_url,
                at
            ],
        )?;
        tx.execute(
            "INSERT INTO fetch_log (run_id, url, at, outcome, http_status, error_class, attempts,
                bytes, duration_ms, redirects)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                record.run_id,
                url,
                at,
                record.outcome,
                record.http_status,
                record.error_class,
                record.attempts,
                record.bytes.map(|b| b as i64),
                record.duration_ms.map(|d| d as i64),
                record.redirects
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Puts a claimed URL back on the queue untouched (its host asked us to stop for now).
    pub fn release(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE frontier SET state = 'queued', updated_at = ?2 WHERE id = ?1 AND state = 'in_flight'",
            params![id, now()],
        )?;
        Ok(())
    }

    /// How many times this URL's row has failed in a run (transient failures count toward giving up).
    pub fn runs_failed(&self, id: i64) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(
            "SELECT runs_failed FROM frontier WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Marks a URL (a page's declared canonical URL) as done without fetching it, so discovery does
    /// not fetch it again; inserts it when unknown. Returns false when it was already done (the page
    /// that declared it is then a duplicate).
    pub fn mark_known(&mut self, url: &NewUrl, run_id: i64) -> Result<bool, StoreError> {
        let at = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let state: Option<String> = tx
            .query_row(
                "SELECT state FROM frontier WHERE url = ?1",
                [&url.url],
                |r| r.get(0),
            )
            .optional()?;
        let fresh = match state.as_deref() {
            None => {
                tx.execute(
                    "INSERT INTO frontier (url, origin, origin_seq, kind, job, state, run_id,
                        discovered_at, updated_at, fetched_at)
                     VALUES (?1, ?2, 0, ?3, ?4, 'done', ?5, ?6, ?6, ?6)",
                    params![url.url, url.origin, url.kind, url.job, run_id, at],
                )?;
                true
            }
            Some("done") => false,
            Some(_) => {
                tx.execute(
                    "UPDATE frontier SET state = 'done', run_id = ?2, updated_at = ?3 WHERE url = ?1",
                    params![url.url, run_id, at],
                )?;
                true
            }
        };
        tx.commit()?;
        Ok(fresh)
    }

    /// The state of a URL, if it is known.
    pub fn url_state(&self, url: &str) -> Result<Option<UrlState>, StoreError> {
        let s: Option<String> = self
            .conn
            .query_row("SELECT state FROM frontier WHERE url = ?1", [url], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(s.as_deref().and_then(UrlState::parse))
    }

    /// Queued URLs of these jobs.
    pub fn queued_count(&self, jobs: &[&str]) -> Result<u64, StoreError> {
        if jobs.is_empty() {
            return Ok(0);
        }
        let sql = format!(
            "SELECT count(*) FROM frontier WHERE state = 'queued' AND job IN ({})",
            placeholders(jobs.len())
        );
        Ok(self
            .conn
            .query_row(&sql, params_from_iter(jobs.iter()), |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// Frontier rows by state (all jobs).
    pub fn state_counts(&self) -> Result<StateCounts, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT state, count(*) FROM frontier GROUP BY state ORDER BY state")?;
        let by_state = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(StateCounts { by_state })
    }

    /// The stored cache validators (ETag, Last-Modified) of a URL.
    pub fn validators(&self, url: &str) -> Result<(Option<String>, Option<String>), StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM validators WHERE url = ?1",
                [url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or((None, None)))
    }

    /// Stores the cache validators of a URL (both None: forgets them).
    pub fn set_validators(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<(), StoreError> {
        if etag.is_none() && last_modified.is_none() {
            self.conn
                .execute("DELETE FROM validators WHERE url = ?1", [url])?;
        } else {
            self.conn.execute(
                "INSERT INTO validators (url, etag, last_modified, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, updated_at = ?4",
                params![url, etag, last_modified, now()],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn url(u: &str, kind: &str, job: &str) -> NewUrl {
        let origin = u.split('/').take(3).collect::<Vec<_>>().join("/");
        NewUrl {
            url: u.to_owned(),
            origin,
            kind: kind.to_owned(),
            job: job.to_owned(),
        }
    }

    fn record(run_id: i64, state: UrlState) -> FetchRecord<'static> {
        FetchRecord {
            run_id,
            state,
            outcome: state.as_str(),
            http_status: Some(200),
            final_url: None,
            error_class: None,
            error: None,
            retryable: false,
            attempts: 1,
            bytes: Some(10),
            duration_ms: Some(5),
            redirects: None,
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("f.db")).unwrap();
        (dir, s)
    }

    #[test]
    fn queue_interleaves_origins_and_survives_a_kill() {
        let (_d, mut s) = store();
        let run = s.begin_run("crawl").unwrap();
        let urls: Vec<NewUrl> = (0..3)
            .flat_map(|i| {
                [
                    url(&format!("http://a.cn/{i}"), "article", "x"),
                    url(&format!("http://b.cn/{i}"), "article", "x"),
                ]
            })
            .chain([url("http://a.cn/feed", "feed", "x")])
            .collect();
        assert_eq!(
            s.enqueue(&urls, Requeue::Article { refetch: false }, run)
                .unwrap(),
            7
        );
        // Known URLs are not queued twice.
        assert_eq!(
            s.enqueue(&urls, Requeue::Article { refetch: false }, run)
                .unwrap(),
            0
        );
        let none = HashMap::new();
        let first = s.claim(&["x"], &none, 10, 3).unwrap();
        assert_eq!(first[0].url, "http://a.cn/feed");
        assert_ne!(first[1].origin, first[2].origin);
        // a.cn already has two in flight: with a cap of two, only b.cn is taken, two at most.
        let pending = HashMap::from([("http://a.cn".to_owned(), 2)]);
        let capped = s.claim(&["x"], &pending, 2, 10).unwrap();
        assert_eq!(capped.len(), 2, "{capped:?}");
        assert!(capped.iter().all(|c| c.origin == "http://b.cn"));
        assert_eq!(s.state_counts().unwrap().get(UrlState::InFlight), 5);
        // A killed run leaves rows in flight; the next run takes them back.
        assert_eq!(s.recover_in_flight().unwrap(), 5);
        assert_eq!(s.queued_count(&["x"]).unwrap(), 7);
        assert_eq!(s.queued_count(&["other"]).unwrap(), 0);
    }

    #[test]
    fn done_articles_stay_done_unless_refetch() {
        let (_d, mut s) = store();
        let run = s.begin_run("crawl").unwrap();
        let a = url("http://a.cn/1", "article", "x");
        s.enqueue(
            std::slice::from_ref(&a),
            Requeue::Article { refetch: false },
            run,
        )
        .unwrap();
        let c = s.claim(&["x"], &HashMap::new(), 100, 10).unwrap();
        s.record_fetch(c[0].id, &record(run, UrlState::Done))
            .unwrap();
        let run2 = s.begin_run("crawl").unwrap();
        let again = Requeue::Article { refetch: false };
        assert_eq!(s.enqueue(std::slice::from_ref(&a), again, run2).unwrap(), 0);
        let refetch = Requeue::Article { refetch: true };
        assert_eq!(
            s.enqueue(std::slice::from_ref(&a), refetch, run2).unwrap(),
            1
        );
        // Once per run only.
        let c = s.claim(&["x"], &HashMap::new(), 100, 10).unwrap();
        s.record_fetch(c[0].id, &record(run2, UrlState::Done))
            .unwrap();
        assert_eq!(
            s.enqueue(std::slice::from_ref(&a), refetch, run2).unwrap(),
            0
        );
    }

    #[test]
    fn discovery_pages_are_polled_each_run_and_validators_kept() {
        let (_d, mut s) = store();
        let feed = url("http://a.cn/feed", "feed", "x");
        for _ in 0..2 {
            let run = s.begin_run("crawl").unwrap();
            assert_eq!(
                s.enqueue(std::slice::from_ref(&feed), Requeue::OncePerRun, run)
                    .unwrap(),
                1
            );
            let c = s.claim(&["x"], &HashMap::new(), 100, 10).unwrap();
            s.record_fetch(c[0].id, &record(run, UrlState::Done))
                .unwrap();
            assert_eq!(
                s.enqueue(std::slice::from_ref(&feed), Requeue::OncePerRun, run)
                    .unwrap(),
                0
            );
        }
        s.set_validators(&feed.url, Some("\"e1\""), None).unwrap();
        assert_eq!(
            s.validators(&feed.url).unwrap().0.as_deref(),
            Some("\"e1\"")
        );
    }

    #[test]
    fn backfill_failures_need_retry_failed() {
        let (_d, mut s) = store();
        let run = s.begin_run("backfill").unwrap();
        let a = url("http://a.cn/404", "article", "backfill");
        let plain = Requeue::Backfill {
            retry_failed: false,
        };
        s.enqueue(std::slice::from_ref(&a), plain, run).unwrap();
        let c = s.claim(&["backfill"], &HashMap::new(), 100, 10).unwrap();
        let mut r = record(run, UrlState::Failed);
        r.error_class = Some("not_found");
        s.record_fetch(c[0].id, &r).unwrap();
        let run2 = s.begin_run("backfill").unwrap();
        assert_eq!(s.enqueue(std::slice::from_ref(&a), plain, run2).unwrap(), 0);
        let retry = Requeue::Backfill { retry_failed: true };
        assert_eq!(s.enqueue(std::slice::from_ref(&a), retry, run2).unwrap(), 1);
        assert_eq!(s.url_state(&a.url).unwrap(), Some(UrlState::Queued));
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM fetch_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn imported_articles_are_not_queued_and_old_log_rows_go() {
        let (_d, mut s) = store();
        let run = s.begin_run("crawl").unwrap();
        let article = zhnews_model::Article {
            url: Some("http://a.cn/imported".into()),
            canonical_url: Some("http://a.cn/imported".into()),
            body: "正文".into(),
            ..zhnews_model::Article::default()
        };
        let at = chrono::Utc::now().fixed_offset();
        s.load_article(&article, &zhnews_model::Extraction::default(), at, None)
            .unwrap();
        let u = url("http://a.cn/imported", "article", "x");
        let found = Requeue::Article { refetch: false };
        assert_eq!(s.enqueue(std::slice::from_ref(&u), found, run).unwrap(), 0);
        assert_eq!(s.url_state(&u.url).unwrap(), Some(UrlState::Done));
        s.conn
            .execute(
                "INSERT INTO fetch_log (run_id, url, at, outcome, attempts)
                 VALUES (1, 'x', '2000-01-01T00:00:00Z', 'done', 1)",
                [],
            )
            .unwrap();
        assert_eq!(s.prune_fetch_log(30).unwrap(), 1);
    }

    #[test]
    fn canonical_aliases() {
        let (_d, mut s) = store();
        let run = s.begin_run("crawl").unwrap();
        let c = url("http://a.cn/canon", "article", "x");
        assert!(s.mark_known(&c, run).unwrap());
        assert!(!s.mark_known(&c, run).unwrap());
        assert_eq!(s.url_state(&c.url).unwrap(), Some(UrlState::Done));
    }
}
