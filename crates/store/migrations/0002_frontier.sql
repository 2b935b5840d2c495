-- Crawl frontier, cache validators, fetch log and run log.
--
-- `frontier` is the seen-set and the queue at once: one row per canonical URL, whatever its state.
-- States: queued, in_flight (claimed by the running crawl; put back to queued when a killed run is
-- resumed), done, not_article (fetched, but a list or other page), duplicate (its canonical URL is
-- another known URL), failed (with class, reason and `retryable`), skipped (robots.txt).
-- `origin_seq` numbers the URLs of one origin (scheme://host:port); taking the queue in that order
-- interleaves hosts, so one big site does not starve the others. Discovery pages (feeds, sitemaps,
-- listings) get 0 and so come first.

CREATE TABLE frontier (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    origin        TEXT NOT NULL,
    origin_seq    INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    job           TEXT NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    runs_failed   INTEGER NOT NULL DEFAULT 0,
    retryable     INTEGER NOT NULL DEFAULT 0,
    error_class   TEXT,
    error         TEXT,
    http_status   INTEGER,
    final_url     TEXT,
    run_id        INTEGER,
    discovered_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    fetched_at    TEXT
);
CREATE INDEX frontier_queue ON frontier (job, origin_seq, id) WHERE state = 'queued';
CREATE INDEX frontier_origin ON frontier (origin, origin_seq);
CREATE INDEX frontier_state ON frontier (state, job);

-- ETag / Last-Modified of feeds, sitemaps and listing pages, for conditional GETs.
CREATE TABLE validators (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;

-- One row per finished fetch (success or failure), for audits and rate questions.
CREATE TABLE fetch_log (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER,
    url         TEXT NOT NULL,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    http_status INTEGER,
    error_class TEXT,
    attempts    INTEGER NOT NULL,
    bytes       INTEGER,
    duration_ms INTEGER,
    redirects   TEXT
);
CREATE INDEX fetch_log_run ON fetch_log (run_id);

-- One row per crawl or backfill run.
CREATE TABLE crawl_runs (
    id          INTEGER PRIMARY KEY,
    command     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    exit_code   INTEGER,
    summary     TEXT
);
