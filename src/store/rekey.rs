//! Re-keying: every row gets a new id and every reference to it follows, in one
//! transaction. Files made before ids were unique across databases (schema 9 and older)
//! go through this once; a new database re-keys its seed so that two installations agree.

use super::rows::{derived_id, fresh_id};
use super::tables::{TableInfo, record_tables};
use crate::store::Result;
use crate::store::db::Db;
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::HashSet;

/// Rows that are the same thing in every installation (lokalpolisområden, kommuner, a
/// kommun's löfte for a period, and what a löfte or överenskommelse is made of) get ids
/// derived from what they are; other rows get new time-ordered ids in their old order.
pub(super) fn rekey_all(tx: &Db) -> Result<()> {
    tx.defer_foreign_keys()?;
    let tables = record_tables(tx)?;
    let mut next = fresh_id();
    let mut used = HashSet::new();
    for t in tables.iter().filter(|t| t.has_id()) {
        let rows = read_rows(tx, t)?;
        let mut map = Vec::with_capacity(rows.len());
        for row in &rows {
            let old = match row.first() {
                Some(Value::Integer(id)) => *id,
                _ => continue,
            };
            let mut new = match what_it_is(t, row) {
                Some(parts) => {
                    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                    derived_id(&parts)
                }
                None => {
                    next += 1;
                    next
                }
            };
            // Two rows that are alike in every column: the second is told apart.
            while !used.insert(new) {
                new = derived_id(&[&new.to_string(), "igen"]);
            }
            map.push((old, new));
        }
        move_ids(tx, t, &tables, &map)?;
    }
    Ok(())
}

/// `id` first, then the other columns in order.
fn read_rows(tx: &Db, t: &TableInfo) -> Result<Vec<Vec<Value>>> {
    let others: Vec<String> = t
        .columns
        .iter()
        .filter(|c| *c != "id")
        .map(|c| format!("\"{c}\""))
        .collect();
    let sql = format!(
        "SELECT id{}{} FROM \"{}\" ORDER BY id",
        if others.is_empty() { "" } else { ", " },
        others.join(", "),
        t.name
    );
    let mut stmt = tx.prepare(&sql)?;
    let n = stmt.column_count();
    stmt.query_map((), |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?
        .collect()
}

/// What a row is, for a derived id; None for rows that get a new one.
fn what_it_is(t: &TableInfo, row: &[Value]) -> Option<Vec<String>> {
    let column = |name: &str| {
        std::iter::once("id")
            .chain(t.columns.iter().map(String::as_str).filter(|c| *c != "id"))
            .position(|c| c == name)
            .and_then(|i| row.get(i))
            .map(render)
            .unwrap_or_default()
    };
    let mut parts = vec![t.name.clone()];
    match t.name.as_str() {
        "police_area" | "municipality" => parts.push(column("name").to_lowercase()),
        "pledge" => {
            for c in ["municipality_id", "first_year", "last_year"] {
                parts.push(column(c));
            }
        }
        "signatory" | "section" | "commitment" | "target" | "agreement" | "focus_area" => {
            let self_refs: Vec<&str> = t
                .refs
                .iter()
                .filter(|(_, p)| p == &t.name)
                .map(|(c, _)| c.as_str())
                .collect();
            for c in t.columns.iter().filter(|c| *c != "id") {
                if !self_refs.contains(&c.as_str()) {
                    parts.push(format!("{c}={}", column(c)));
                }
            }
        }
        _ => return None,
    }
    Some(parts)
}

fn render(v: &Value) -> String {
    match v {
        Value::Null => "\u{2205}".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("{} bytes", b.len()),
    }
}

/// Moves the rows of `t` to their new ids and every reference to them along.
fn move_ids(tx: &Db, t: &TableInfo, tables: &[TableInfo], map: &[(i64, i64)]) -> Result<()> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.rekey; \
         CREATE TEMP TABLE rekey (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)",
    )?;
    {
        let mut insert = tx.prepare("INSERT INTO temp.rekey(old, new) VALUES (?1, ?2)")?;
        for (old, new) in map {
            insert.execute(params![old, new])?;
        }
    }
    tx.execute(
        &format!(
            "UPDATE \"{0}\" SET id = (SELECT new FROM temp.rekey WHERE old = \"{0}\".id) \
             WHERE id IN (SELECT old FROM temp.rekey)",
            t.name
        ),
        (),
    )?;
    for child in tables {
        for (column, parent) in &child.refs {
            if parent != &t.name {
                continue;
            }
            tx.execute(
                &format!(
                    "UPDATE \"{0}\" SET \"{1}\" = (SELECT new FROM temp.rekey WHERE old = \"{0}\".\"{1}\") \
                     WHERE \"{1}\" IN (SELECT old FROM temp.rekey)",
                    child.name, column
                ),
                (),
            )?;
        }
    }
    tx.execute_batch("DROP TABLE temp.rekey")
}

/// A random key that names this installation to its partners.
pub(super) fn new_site_key() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl super::Store {
    /// Gives a new database's seed (kommuner, löften, överenskommelser) the ids every
    /// installation gives it, so that two installations seeded alike can exchange.
    pub fn derive_seed_ids(&mut self) -> super::Result<()> {
        let tx = self.write_tx()?;
        rekey_all(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
