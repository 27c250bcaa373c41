//! Conflicts: listed for a human, who keeps ours or takes theirs. The decision is an
//! ordinary change here, so it travels to the partner with the next file.

use super::versions::*;
use crate::domain::exchange::{Conflict, Val, table_label};
use crate::store::db::Db;
use crate::store::tables::record_tables;
use crate::store::{Result, Store, StoreError};
use rusqlite::params;
use rusqlite::types::Value;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Side {
    Ours,
    Theirs,
}

/// Lists a conflict unless the same one is listed and open; true when it is new.
#[allow(clippy::too_many_arguments)]
pub(super) fn record_conflict(
    tx: &Db,
    partner: &str,
    table: &str,
    key: &str,
    col: &str,
    ours: Option<String>,
    theirs: Option<String>,
    kept: Side,
    now: &str,
) -> Result<bool> {
    let listed: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM sync_conflict WHERE tbl = ?1 AND row_key = ?2 AND col = ?3 \
         AND ours IS ?4 AND theirs IS ?5 AND resolved IS NULL)",
        params![table, key, col, ours, theirs],
        |r| r.get(0),
    )?;
    if listed {
        return Ok(false);
    }
    let kept = match kept {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    };
    let id = crate::store::rows::fresh_id();
    tx.execute(
        "INSERT INTO sync_conflict(id, partner, tbl, row_key, col, ours, theirs, kept, found_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, partner, table, key, col, ours, theirs, kept, now],
    )?;
    Ok(true)
}

/// A stored value: one column's (`Val`) or a whole row's (`[(column, Val)]`).
fn stored_value(json: Option<String>) -> Option<Val> {
    let json = json?;
    if let Ok(v) = serde_json::from_str::<Val>(&json) {
        return Some(v);
    }
    let row: Vec<(String, Val)> = serde_json::from_str(&json).ok()?;
    Some(Val::T(describe_cells(&row)))
}

fn describe_cells(row: &[(String, Val)]) -> String {
    let pick = ["date", "title", "name", "place", "text", "description"];
    let mut parts = Vec::new();
    for p in pick {
        if let Some((_, Val::T(s))) = row.iter().find(|(c, _)| c == p)
            && !s.trim().is_empty()
        {
            parts.push(short(s));
        }
    }
    parts.join(" · ")
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// What a row is, in words, from its current values ("Insats · 2026-03-04 · Torget").
fn describe(tx: &Db, table: &str, key: &str) -> String {
    let label = table_label(table).to_string();
    let found = (|| {
        let tables = record_tables(tx).ok()?;
        let t = tables.into_iter().find(|t| t.name == table)?;
        let ids = parse_key(key)?;
        let values = read_row(tx, &t, &ids).ok()??;
        let row: Vec<(String, Val)> = t
            .columns
            .iter()
            .cloned()
            .zip(values.into_iter().map(to_val))
            .collect();
        Some(describe_cells(&row))
    })();
    match found {
        Some(d) if !d.is_empty() => format!("{label} · {d}"),
        Some(_) => label,
        None => format!("{label} (borttagen)"),
    }
}

impl Store {
    /// The conflicts, open ones first (all when `all`).
    pub fn conflicts(&self, all: bool) -> Result<Vec<Conflict>> {
        self.file_only()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, partner, tbl, row_key, col, ours, theirs, kept, found_at, resolved \
             FROM sync_conflict WHERE ?1 OR resolved IS NULL \
             ORDER BY resolved IS NOT NULL, found_at, id",
        )?;
        let rows = stmt
            .query_map([all], |r| {
                let table: String = r.get(2)?;
                let key: String = r.get(3)?;
                let resolved: Option<String> = r.get(9)?;
                Ok(Conflict {
                    id: r.get(0)?,
                    partner: r.get(1)?,
                    what: describe(&self.conn, &table, &key),
                    table,
                    row_key: key,
                    column: r.get(4)?,
                    ours: stored_value(r.get(5)?),
                    theirs: stored_value(r.get(6)?),
                    kept_theirs: r.get::<_, String>(7)? == "theirs",
                    found_at: r.get(8)?,
                    resolved: resolved.map(|s| s == "theirs"),
                })
            })?
            .collect::<Result<_>>()?;
        Ok(rows)
    }

    /// A human's decision: the value chosen is written here as an ordinary change (it goes
    /// to the partner with the next file) and the conflict is closed. A removal in conflict
    /// is closed as it stands; a removed row's values are in the list for copying.
    pub fn resolve_conflict(&mut self, id: i64, take_theirs: bool) -> Result<()> {
        self.file_only()?;
        let tx = self.write_tx()?;
        type Stored = (String, String, String, Option<String>, Option<String>);
        let found: Option<Stored> = tx
            .query_row(
                "SELECT tbl, row_key, col, ours, theirs FROM sync_conflict \
                 WHERE id = ?1 AND resolved IS NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .ok();
        let Some((table, key, col, ours, theirs)) = found else {
            return Err(StoreError::NotFound(format!("Konflikt {id}")));
        };
        if !col.is_empty() {
            let chosen = if take_theirs { theirs } else { ours };
            let value = chosen
                .and_then(|j| serde_json::from_str::<Val>(&j).ok())
                .and_then(|v| to_value(&v))
                .unwrap_or(Value::Null);
            let tables = record_tables(&tx)?;
            let t = tables
                .iter()
                .find(|t| t.name == table && t.columns.contains(&col))
                .ok_or_else(|| StoreError::Corrupt(format!("konflikt i {table}.{col}")))?;
            let ids =
                parse_key(&key).ok_or_else(|| StoreError::Corrupt(format!("nyckel {key}")))?;
            let mut params: Vec<Value> = vec![value];
            params.extend(ids.iter().map(|i| Value::Integer(*i)));
            tx.execute(
                &format!(
                    "UPDATE \"{table}\" SET \"{col}\" = ?1 WHERE {}",
                    key_where(t, 2)
                ),
                crate::store::db::params_from_iter(params.iter()),
            )?;
        }
        tx.execute(
            "UPDATE sync_conflict SET resolved = ?1 WHERE id = ?2",
            params![if take_theirs { "theirs" } else { "ours" }, id],
        )?;
        tx.commit()?;
        Ok(())
    }
}
