//! Polite async fetching for zhnews: robots.txt, per-host limits, retries with backoff, feeds,
//! sitemaps and listing pages, URL canonicalization.
//!
//! This crate fetches and discovers; it keeps no state on disk. The crawl frontier lives in
//! `zhnews-store`, and the binary drives the two.
//!
//! - [`settings`]: the `[crawl]` and `[[sources]]` configuration types and their validation.
//! - [`canon`]: URL canonicalization (the dedup key).
//! - [`fetch`]: the polite fetcher.
//! - [`plan`]: a source made ready to crawl (settings, start points, patterns, link picking).
//! - [`robots`]: robots.txt rules.
//! - [`discover`]: links out of feeds, sitemaps and listing pages; `<link rel=canonical>`.
//! - [`error`]: fetch errors and their transient/permanent classes.

pub mod canon;
pub mod discover;
pub mod error;
pub mod fetch;
pub mod plan;
pub mod robots;
pub mod settings;

pub use canon::{UrlError, canonicalize};
pub use error::{ErrorClass, FetchError};
pub use fetch::{Fetched, Fetcher, PageKind, Validators};
pub use plan::{Found, SourcePlan};
pub use settings::{CrawlSettings, Listing, SettingsOverride, SourceConfig};
