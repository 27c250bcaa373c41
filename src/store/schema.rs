//! Versioned schema migrations (`PRAGMA user_version`), each run in one transaction.

use super::{Result, StoreError};
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// Schema 10's re-keying cannot be SQL: ids are random or derived from a row's content.
fn rekey_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::rekey::rekey_all(&super::db::Db::lent(tx)).map_err(|e| match e {
        StoreError::Sqlite(e) => rusqlite_migration::HookError::RusqliteError(e),
        other => rusqlite_migration::HookError::Hook(other.to_string()),
    })?;
    tx.execute(
        "INSERT INTO sync_site(id, site_key) VALUES (1, ?1)",
        [super::rekey::new_site_key()],
    )?;
    Ok(())
}

fn migrations() -> Vec<M<'static>> {
    let mut all: Vec<M<'static>> = SQL.iter().map(|sql| M::up(sql)).collect();
    all.push(M::up_with_hook(
        include_str!("sql/010_exchange.sql"),
        rekey_hook,
    ));
    all.extend(LATER.iter().map(|sql| M::up(sql)));
    all
}

const SQL: &[&str] = &[
    include_str!("sql/001_initial.sql"),
    include_str!("sql/002_safety_walks.sql"),
    include_str!("sql/003_tally_index.sql"),
    include_str!("sql/004_meetings.sql"),
    include_str!("sql/005_assessments.sql"),
    include_str!("sql/006_copied_from.sql"),
    include_str!("sql/007_observation_details.sql"),
    include_str!("sql/008_joint_meetings.sql"),
    include_str!("sql/009_pledge_assessment.sql"),
];

/// After schema 10 (the re-keying hook).
const LATER: &[&str] = &[
    include_str!("sql/011_versions.sql"),
    include_str!("sql/012_incidents.sql"),
    include_str!("sql/013_indicators.sql"),
    include_str!("sql/014_agreements.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = (SQL.len() + 1 + LATER.len()) as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    Migrations::new(migrations())
        .to_latest(conn)
        .map_err(migration_error)
}

/// Brings a connection to exactly `version` (tests of upgrades from older files).
#[cfg(test)]
pub(crate) fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
    Migrations::new(migrations())
        .to_version(conn, version)
        .map_err(migration_error)
}

fn migration_error(e: rusqlite_migration::Error) -> StoreError {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
        other => StoreError::Migration(other.to_string()),
    }
}
