//! Polite async fetching for zhnews: robots.txt, per-host limits, retries with backoff, feeds,
//! sitemaps and listing pages, URL canonicalization.
//!
//! This crate fetches and discovers; it keeps no state on disk. The crawl frontier lives in
//! `zhnews-store`, and the binary drives the two.
