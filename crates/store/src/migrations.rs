//! The schema's versions, in order. Append only: a shipped migration is never edited.

use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_core.sql")),
        M::up(include_str!("../migrations/0002_frontier.sql")),
    ])
}
