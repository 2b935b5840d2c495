//! The SQLite store of zhnews: migrations, idempotent article loads, the crawl frontier, export queries.
//!
//! One [`Store`] wraps one connection to one database file (WAL, foreign keys on, a busy timeout so a
//! second process waits briefly instead of failing at once). Migrations run on open and are never
//! destructive; a database written by a newer zhnews is refused with [`StoreError::NewerSchema`].
//!
//! The store only stores and queries: it neither fetches, extracts, prints nor formats files. Loading
//! is in `load` (one transaction per article), event identity in [`event_key`], the export queries
//! in [`export`] (rows handed to a callback as the query steps), the crawl frontier in [`frontier`].

pub mod event_key;
pub mod export;
pub mod frontier;
mod load;
mod migrations;

pub use load::LoadOutcome;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another process's lock before giving up with [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What went wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database.
    #[error("not an SQLite database (is --db pointing at the right file?)")]
    NotADatabase,
    /// The database file is damaged.
    #[error("the database file is damaged (SQLite reports corruption)")]
    Corrupt,
    /// Another process holds the lock longer than the busy timeout; retrying later may succeed.
    #[error("the database is locked by another process (busy); try again later")]
    Busy,
    /// The file cannot be opened or created (missing directory, permissions, a directory given).
    #[error(
        "cannot open or create the database file (does its directory exist, is it a file, may it be written?)"
    )]
    CannotOpen,
    /// The database does not exist and the caller asked not to create it.
    #[error("no database at {0} (create one with `zhnews import` or `zhnews crawl`)")]
    Missing(PathBuf),
    /// The database was written by a newer zhnews whose schema this binary does not know.
    #[error(
        "the database has schema version {found} but this zhnews knows only up to {known}; upgrade zhnews"
    )]
    NewerSchema {
        /// The version found in the file.
        found: i64,
        /// The newest version this binary knows.
        known: i64,
    },
    /// The schema could not be brought up to date.
    #[error("cannot migrate database: {0}")]
    Migration(rusqlite_migration::Error),
    /// An article without any URL cannot be stored (the canonical URL is its identity).
    #[error("the article has neither a canonical URL nor a URL")]
    NoUrl,
    /// Writing exported rows to their destination failed.
    #[error("cannot write exported rows: {0}")]
    Output(#[from] std::io::Error),
    /// A stored value could not be read back (written by another program or a bug).
    #[error("bad stored value in {column}: {reason}")]
    BadValue {
        /// The table and column.
        column: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// SQLite reported another error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// True when the same operation may succeed if retried later (the database was busy).
    pub fn is_transient(&self) -> bool {
        matches!(self, StoreError::Busy)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(error: rusqlite_migration::Error) -> StoreError {
        match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
            other => StoreError::Migration(other),
        }
    }
}

/// An open database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
}

/// How many rows the main tables hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Stored articles.
    pub articles: u64,
    /// Distinct entities (canonical name and kind).
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Amounts.
    pub amounts: u64,
    /// Distinct events.
    pub events: u64,
    /// Event reports (one per event per article sentence).
    pub event_mentions: u64,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Store::prepare(conn)
    }

    /// Opens and migrates an existing database; a missing file is [`StoreError::Missing`] instead of
    /// a new empty database (for commands that only read).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::prepare(conn)
    }

    fn prepare(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the schema first makes a non-SQLite file fail here, before anything is written.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let known = migrations::count();
        if found > known {
            return Err(StoreError::NewerSchema { found, known });
        }
        use_wal(&conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        if found < known {
            // Immediate: a second process opening a fresh database waits for the first one's
            // migration instead of racing it.
            conn.set_transaction_behavior(TransactionBehavior::Immediate);
            let migrated = migrations::migrations().to_latest(&mut conn);
            conn.set_transaction_behavior(TransactionBehavior::Deferred);
            if let Err(error) = migrated {
                // The version was read before the write lock was taken: if another process
                // migrated in between, the database is up to date and the failure moot.
                let now: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
                if now != known {
                    return Err(error.into());
                }
            }
        }
        Ok(Store { conn })
    }

    /// The schema version the database is at (the number of migrations applied).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// How many rows the main tables hold.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                        row.get(0)
                    })?;
            Ok(n.max(0) as u64)
        };
        Ok(Counts {
            articles: count("articles")?,
            entities: count("entities")?,
            mentions: count("mentions")?,
            amounts: count("amounts")?,
            events: count("events")?,
            event_mentions: count("event_mentions")?,
        })
    }
}

/// Switches the database to write-ahead logging (readers never block the writer).
///
/// Changing the mode needs a moment of exclusive access, and SQLite answers "busy" at once rather
/// than waiting when another process is opening the same fresh file, so the switch is retried for
/// up to [`BUSY_TIMEOUT`]. A database that cannot use WAL (a file system without shared memory)
/// keeps its mode, which is slower but correct.
fn use_wal(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0))?;
    if mode.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |row| {
            row.get::<_, String>(0)
        }) {
            Ok(_) => return Ok(()),
            Err(error) => {
                let error = StoreError::from(error);
                if !error.is_transient() || started.elapsed() >= BUSY_TIMEOUT {
                    return Err(error);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

#[cfg(test)]
mod tests;
