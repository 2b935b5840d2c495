//! The SQLite store of zhnews: migrations, idempotent article loads, the crawl frontier, export queries.
