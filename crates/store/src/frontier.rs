//! The crawl frontier: every URL's state (queued, fetched, failed, skipped) and the fetch log.
