//! The SQLite store of zhnews: migrations, idempotent article loads, the crawl frontier, export queries.
//!
//! One [`Store`] wraps one connection to one database file (WAL, foreign keys on). Migrations run on
//! open and are never destructive; a database written by a newer zhnews is refused.

pub mod frontier;
mod migrations;

use rusqlite::Connection;
use std::path::Path;

/// What went wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("cannot migrate database: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

/// An open database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Store { conn })
    }
}
