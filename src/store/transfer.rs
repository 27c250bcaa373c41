//! Copying one database into another, whole: a kommun's file into the region's server
//! (`import-sqlite`), several kommuner's files into one. Ids never collide between
//! databases (`rows::new_id`), and rows two files share (the seed kommuner, their
//! lokalpolisområde) have the same derived id and content, so they are recognised, not
//! doubled. A row whose id is taken by different content stops the copy: nothing is
//! written, and the message names the row.

use super::db::Optional;
use super::tables::{TableInfo, record_tables};
use super::{Result, Store, StoreError};
use rusqlite::types::Value;
use std::collections::HashSet;

/// What the copy did to one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub table: String,
    /// Rows new to the target.
    pub new: u64,
    /// Rows the target already had, exactly so.
    pub same: u64,
}

impl Store {
    /// Copies every record of `source` into this database in one transaction.
    pub fn copy_from(&mut self, source: &Store) -> Result<Vec<Copied>> {
        let tables = record_tables(&source.conn)?;
        let ours = record_tables(&self.conn)?;
        for t in &tables {
            if !ours
                .iter()
                .any(|o| o.name == t.name && o.columns == t.columns)
            {
                return Err(StoreError::Exchange(format!(
                    "Tabellen {} ser olika ut i de två databaserna. Ingenting har kopierats.",
                    t.name
                )));
            }
        }
        let copied = self.atomically(|s| {
            s.conn.defer_foreign_keys()?;
            tables
                .iter()
                .map(|t| s.copy_table(source, t))
                .collect::<Result<Vec<_>>>()
        })?;
        if self.server.is_some() {
            // The server plans its queries from statistics; after a large copy they are
            // stale until autovacuum comes by (measured: +1 took 45 ms instead of 5).
            self.conn.execute_batch("ANALYZE")?;
        }
        Ok(copied)
    }

    fn copy_table(&self, source: &Store, t: &TableInfo) -> Result<Copied> {
        let cols = t
            .columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let n = t.columns.len();
        let key_at: Vec<usize> =
            t.pk.iter()
                .filter_map(|k| t.columns.iter().position(|c| c == k))
                .collect();
        let key_cols = key_at
            .iter()
            .map(|i| format!("\"{}\"", t.columns[*i]))
            .collect::<Vec<_>>()
            .join(", ");
        let read_all = |db: &super::db::Db, sql: &str| -> Result<Vec<Vec<Value>>> {
            let mut st = db.prepare(sql)?;
            let width = st.column_count();
            st.query_map((), |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())?
                .collect()
        };
        let there: HashSet<Vec<Key>> = read_all(
            &self.conn,
            &format!("SELECT {key_cols} FROM \"{}\"", t.name),
        )?
        .into_iter()
        .map(|k| k.iter().map(Key::of).collect())
        .collect();
        let by_key = format!(
            "SELECT {cols} FROM \"{}\" WHERE {}",
            t.name,
            key_at
                .iter()
                .enumerate()
                .map(|(i, c)| format!("\"{}\" = ?{}", t.columns[*c], i + 1))
                .collect::<Vec<_>>()
                .join(" AND ")
        );
        // Many rows per statement: a million insatser are a thousand round trips to a
        // server, not a million. Within both engines' limits on parameters.
        let per_statement = (30_000 / n.max(1)).clamp(1, 1000);
        let insert = |rows: usize| {
            let marks = (0..rows)
                .map(|r| {
                    let one = (1..=n)
                        .map(|i| format!("?{}", r * n + i))
                        .collect::<Vec<_>>()
                        .join(", ");
                    format!("({one})")
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("INSERT INTO \"{}\" ({cols}) VALUES {marks}", t.name)
        };
        let mut waiting: Vec<Vec<Value>> = Vec::new();
        let flush = |waiting: &mut Vec<Vec<Value>>| -> Result<()> {
            if waiting.is_empty() {
                return Ok(());
            }
            let values: Vec<Value> = waiting.drain(..).flatten().collect();
            self.conn
                .execute(&insert(values.len() / n), values)
                .map_err(|e| {
                    StoreError::Exchange(format!(
                        "{} kunde inte kopieras ({e}). Ingenting har kopierats.",
                        crate::domain::exchange::table_label(&t.name)
                    ))
                })?;
            Ok(())
        };
        let mut copied = Copied {
            table: t.name.clone(),
            new: 0,
            same: 0,
        };
        let label = crate::domain::exchange::table_label(&t.name);
        for row in read_all(&source.conn, &format!("SELECT {cols} FROM \"{}\"", t.name))? {
            let key: Vec<Value> = key_at.iter().map(|i| row[*i].clone()).collect();
            let shown = key.iter().map(show).collect::<Vec<_>>().join("/");
            if there.contains(&key.iter().map(Key::of).collect::<Vec<_>>()) {
                let stored = self
                    .conn
                    .query_row(&by_key, key.clone(), |r| {
                        (0..n)
                            .map(|i| r.get::<_, Value>(i))
                            .collect::<rusqlite::Result<Vec<_>>>()
                    })
                    .optional()?;
                if stored.is_some_and(|s| same_row(&s, &row)) {
                    copied.same += 1;
                    continue;
                }
                return Err(StoreError::Exchange(format!(
                    "{label} {shown} finns redan i databasen med annat innehåll. Ingenting har kopierats."
                )));
            }
            waiting.push(row);
            copied.new += 1;
            if waiting.len() == per_statement {
                flush(&mut waiting)?;
            }
        }
        flush(&mut waiting)?;
        Ok(copied)
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Text(t) => t.clone(),
        other => format!("{other:?}"),
    }
}

/// A key value that can be hashed (ids and years are integers; text for safety).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Int(i64),
    Other(String),
}

impl Key {
    fn of(v: &Value) -> Key {
        match v {
            Value::Integer(i) => Key::Int(*i),
            other => Key::Other(format!("{other:?}")),
        }
    }
}

/// The same values, as the two engines hold them: JSON may come back re-spaced.
fn same_row(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x == y
                || match (x, y) {
                    (Value::Text(x), Value::Text(y)) => {
                        serde_json::from_str::<serde_json::Value>(x)
                            .ok()
                            .is_some_and(|x| {
                                serde_json::from_str::<serde_json::Value>(y).ok() == Some(x)
                            })
                    }
                    (Value::Real(x), Value::Integer(y)) | (Value::Integer(y), Value::Real(x)) => {
                        *x == *y as f64
                    }
                    _ => false,
                }
        })
}
