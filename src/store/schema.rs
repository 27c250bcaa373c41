//! Versioned schema migrations (`PRAGMA user_version`), each run in one transaction.

use super::{Result, StoreError};
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("sql/001_initial.sql")),
    M::up(include_str!("sql/002_safety_walks.sql")),
    M::up(include_str!("sql/003_tally_index.sql")),
    M::up(include_str!("sql/004_meetings.sql")),
    M::up(include_str!("sql/005_assessments.sql")),
    M::up(include_str!("sql/006_copied_from.sql")),
    M::up(include_str!("sql/007_observation_details.sql")),
    M::up(include_str!("sql/008_joint_meetings.sql")),
    M::up(include_str!("sql/009_pledge_assessment.sql")),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(migration_error)
}

/// Brings a connection to exactly `version` (tests of upgrades from older files).
#[cfg(test)]
pub(crate) fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
    Migrations::from_slice(MIGRATIONS)
        .to_version(conn, version)
        .map_err(migration_error)
}

fn migration_error(e: rusqlite_migration::Error) -> StoreError {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
        other => StoreError::Migration(other.to_string()),
    }
}
