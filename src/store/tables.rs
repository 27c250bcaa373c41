//! The schema as data: every table of the records, parents before the tables that refer
//! to them, with columns, primary key and references. Re-keying and the exchange between
//! databases treat all tables alike through this.

use crate::store::Result;
use crate::store::db::{Db, Engine};
use std::sync::OnceLock;

/// The schema as data, read once from a SQLite database of the latest version: the
/// server's schema has the same tables, columns and keys (`store::server` tests it), and
/// PostgreSQL's catalog need not be read for what the two share.
struct Reference {
    keys: Vec<ForeignKey>,
    tables: Vec<TableInfo>,
}

fn reference() -> Result<&'static Reference> {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    if let Some(r) = REFERENCE.get() {
        return Ok(r);
    }
    let store = crate::store::Store::open_in_memory()?;
    let made = Reference {
        keys: foreign_keys(&store.conn)?,
        tables: record_tables(&store.conn)?,
    };
    Ok(REFERENCE.get_or_init(|| made))
}

/// A foreign key as the schema declares it: `child.column` names a row of `parent`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ForeignKey {
    pub child: String,
    pub column: String,
    pub parent: String,
    /// `ON DELETE`: "CASCADE", "SET NULL", "NO ACTION", …
    pub on_delete: String,
}

impl ForeignKey {
    /// The child row cannot outlive its parent (the schema cascades or would refuse the
    /// removal), so it goes with it; otherwise (SET NULL) it stays and loses the link.
    pub(crate) fn owns(&self) -> bool {
        !matches!(self.on_delete.as_str(), "SET NULL" | "SET DEFAULT")
    }
}

/// Every foreign key of every table, read from the schema itself: what a removal takes
/// is derived from these, so a table a later migration adds is covered without a list
/// here to keep up to date.
pub(crate) fn foreign_keys(conn: &Db) -> Result<Vec<ForeignKey>> {
    if conn.engine() == Engine::Postgres {
        return Ok(reference()?.keys.clone());
    }
    let mut st = conn.prepare(
        "SELECT m.name, f.\"from\", f.\"table\", f.on_delete \
         FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sync\\_%' ESCAPE '\\' ORDER BY m.name, f.id",
    )?;
    let rows = st.query_map((), |r| {
        Ok(ForeignKey {
            child: r.get(0)?,
            column: r.get(1)?,
            parent: r.get(2)?,
            on_delete: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The schema's tables, parents before children (by every foreign key but a table's links
/// to itself), or `None` if the keys run in a circle.
pub(crate) fn tables_in_order(conn: &Db, keys: &[ForeignKey]) -> Result<Option<Vec<String>>> {
    if conn.engine() == Engine::Postgres {
        return Ok(Some(
            reference()?.tables.iter().map(|t| t.name.clone()).collect(),
        ));
    }
    let mut st = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         AND name NOT LIKE 'sync\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let mut left: Vec<String> = st.query_map((), |r| r.get(0))?.collect::<Result<_>>()?;
    let mut order = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|t| {
            !keys
                .iter()
                .any(|k| &k.child == t && k.parent != *t && left.contains(&k.parent))
        });
        match ready {
            Some(i) => order.push(left.remove(i)),
            None => return Ok(None),
        }
    }
    Ok(Some(order))
}

#[derive(Debug, Clone)]
pub(crate) struct TableInfo {
    pub name: String,
    /// In the order the table declares them.
    pub columns: Vec<String>,
    /// The primary key's columns in key order (`id`, or `commitment_id, year`).
    pub pk: Vec<String>,
    /// This table's references: (column, table referred to).
    pub refs: Vec<(String, String)>,
    /// The columns whose reference is cleared, not cascaded, when the row referred to goes.
    pub set_null: Vec<String>,
    /// This database's own bookkeeping (the edit counter, schema 11): put back by Ångra,
    /// but neither exchanged, copied nor compared between databases.
    pub local: Vec<String>,
}

impl TableInfo {
    /// `id INTEGER PRIMARY KEY`: a table whose rows have ids of their own.
    pub fn has_id(&self) -> bool {
        self.pk.len() == 1 && self.pk[0] == "id"
    }
}

/// The record tables (not SQLite's own, not the exchange's bookkeeping), each after every
/// table it refers to (a reference to itself aside), ties by name.
pub(crate) fn record_tables(conn: &Db) -> Result<Vec<TableInfo>> {
    if conn.engine() == Engine::Postgres {
        return Ok(reference()?.tables.clone());
    }
    let keys = foreign_keys(conn)?;
    let Some(names) = tables_in_order(conn, &keys)? else {
        return Err(rusqlite::Error::InvalidQuery.into());
    };
    let mut tables = Vec::new();
    for name in names {
        let mut columns = Vec::new();
        let mut local = Vec::new();
        let mut pk: Vec<(i64, String)> = Vec::new();
        let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
        for r in stmt.query_map([&name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (col, key) = r?;
            if col == "version" {
                local.push(col);
                continue;
            }
            if key > 0 {
                pk.push((key, col.clone()));
            }
            columns.push(col);
        }
        pk.sort();
        let mine = keys.iter().filter(|k| k.child == name);
        tables.push(TableInfo {
            columns,
            local,
            pk: pk.into_iter().map(|(_, c)| c).collect(),
            set_null: mine
                .clone()
                .filter(|k| k.on_delete == "SET NULL")
                .map(|k| k.column.clone())
                .collect(),
            refs: mine.map(|k| (k.column.clone(), k.parent.clone())).collect(),
            name,
        });
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_comes_after_those_it_refers_to() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let tables = record_tables(&store.conn).unwrap();
        assert!(tables.len() >= 18, "{}", tables.len());
        for (i, t) in tables.iter().enumerate() {
            for (_, parent) in &t.refs {
                if parent != &t.name {
                    let p = tables.iter().position(|x| &x.name == parent).unwrap();
                    assert!(p < i, "{} before {}", parent, t.name);
                }
            }
        }
        let assessment = tables.iter().find(|t| t.name == "assessment").unwrap();
        assert_eq!(assessment.pk, ["commitment_id", "year"]);
        assert!(!assessment.has_id());
        assert!(tables.iter().all(|t| !t.name.starts_with("sync_")));
    }
}
