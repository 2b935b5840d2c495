//! The schema's versions, in order. Append only: a shipped migration is never edited.

use rusqlite_migration::{M, Migrations};

/// The SQL of every migration, oldest first; the schema version is how many have been applied.
const STEPS: &[&str] = &[
    include_str!("../migrations/0001_core.sql"),
    include_str!("../migrations/0002_frontier.sql"),
    include_str!("../migrations/0003_event_keys.sql"),
];

/// Every migration, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

/// The newest schema version this binary knows.
pub fn count() -> i64 {
    STEPS.len() as i64
}
