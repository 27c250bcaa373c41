//! Removing a whole medborgarlöfte (a period) or a kommun, and putting it back. What goes
//! is first read whole — every row of every table it owns, every column, by name — so
//! that Ångra restores exactly what was there, ids and links included, and columns added
//! by later schema versions come along without code here knowing them.

use super::db::Optional;
use super::{Result, Store};
use crate::domain::{CommitmentId, MunicipalityId, PledgeId, SectionId};
use crate::store::db::Db;
use rusqlite::types::Value;

/// Rows of one table, with their column names (and each row's primary key, to remove it
/// by: `id`, or `commitment_id, year` for a bedömning).
#[derive(Debug, Clone, PartialEq)]
struct Rows {
    table: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
    pk: Vec<String>,
    keys: Vec<Vec<Value>>,
}

/// A link from a row that stays to a row that goes (set to NULL by the removal).
#[derive(Debug, Clone, PartialEq)]
struct Link {
    table: String,
    column: String,
    id: i64,
    value: i64,
}

/// Everything a removal took away, in the order it is put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// "medborgarlöftet 2024 för Sölvesborg", for messages.
    pub what: String,
    /// (label, count) of what went, for the confirmation and the toast.
    pub counts: Vec<(&'static str, usize)>,
    tables: Vec<Rows>,
    links: Vec<Link>,
}

use super::tables::{ForeignKey, TableInfo, foreign_keys, record_tables, tables_in_order};

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Which rows of each table go with the rows of `root` chosen by `root_cond`: a child goes
/// when a key that owns it names a row that goes. Returned parents first, as SQL
/// conditions on each table. Linear in the schema: every table's condition is built once,
/// from its parents' (the order guarantees they are ready).
fn owned(
    order: &[String],
    keys: &[ForeignKey],
    root: &str,
    root_cond: &str,
) -> Result<Vec<(String, String)>> {
    let mut going: Vec<(String, String)> = Vec::new();
    for table in order {
        let mut parts = Vec::new();
        if table == root {
            parts.push(format!("({root_cond})"));
        }
        for k in keys.iter().filter(|k| &k.child == table && k.owns()) {
            if k.parent == *table {
                // A row owned by another of its own table would need a recursive query;
                // the schema has none (tested), so this is a programming error.
                return Err(super::StoreError::Corrupt(format!(
                    "{table}.{} äger rader i sin egen tabell",
                    k.column
                )));
            }
            if let Some((_, cond)) = going.iter().find(|(t, _)| *t == k.parent) {
                parts.push(format!(
                    "{} IN (SELECT id FROM {} WHERE {cond})",
                    quoted(&k.column),
                    quoted(&k.parent)
                ));
            }
        }
        if !parts.is_empty() {
            going.push((table.clone(), parts.join(" OR ")));
        }
    }
    Ok(going)
}

fn read(tx: &Db, table: &TableInfo, cond: &str) -> Result<Rows> {
    // Every column by name, so that columns added later come along. Put back in one
    // transaction with its keys checked at the end, the order of rows does not matter.
    // With the edit counter, so that Ångra puts the row back as it was.
    let all: Vec<String> = table.columns.iter().chain(&table.local).cloned().collect();
    let cols = all.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
    let order = table
        .pk
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ");
    let mut st = tx.prepare(&format!(
        "SELECT {cols} FROM {} WHERE {cond} ORDER BY {order}",
        quoted(&table.name)
    ))?;
    let n = all.len();
    let key_at: Vec<usize> = table
        .pk
        .iter()
        .filter_map(|k| table.columns.iter().position(|c| c == k))
        .collect();
    let rows = st
        .query_map((), |r| {
            (0..n)
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<Value>>>()
        })?
        .collect::<Result<Vec<_>>>()?;
    let keys = rows
        .iter()
        .map(|row| key_at.iter().map(|i| row[*i].clone()).collect())
        .collect();
    Ok(Rows {
        table: table.name.clone(),
        columns: all,
        rows,
        pk: table.pk.clone(),
        keys,
    })
}

/// Rows of `k.child` that stay but name a row of `k.parent` chosen by `cond`.
fn read_links(tx: &Db, k: &ForeignKey, cond: &str) -> Result<Vec<Link>> {
    let mut st = tx.prepare(&format!(
        "SELECT id, {col} FROM {child} WHERE {col} IN (SELECT id FROM {parent} WHERE {cond})",
        col = quoted(&k.column),
        child = quoted(&k.child),
        parent = quoted(&k.parent),
    ))?;
    let rows = st.query_map((), |r| {
        Ok(Link {
            table: k.child.clone(),
            column: k.column.clone(),
            id: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    rows.collect::<Result<_>>()
}

fn count(rows: &[Rows], table: &str) -> usize {
    rows.iter()
        .filter(|r| r.table == table)
        .map(|r| r.rows.len())
        .sum()
}

impl Store {
    /// Reads (without removing) what removing medborgarlöfte `p` takes away.
    pub fn pledge_removal(&self, p: PledgeId) -> Result<Removed> {
        let pledge = self.pledge(p)?;
        let kommun = self.municipality(pledge.municipality)?.name;
        self.removal(
            format!("medborgarlöftet {} för {kommun}", pledge.period),
            "pledge",
            p.0,
        )
    }

    /// Reads (without removing) what removing kommun `m` takes away: its medborgarlöften,
    /// insatser, överenskommelser, trygghetsvandringar and lägesbildsmöten.
    pub fn municipality_removal(&self, m: MunicipalityId) -> Result<Removed> {
        let name = self.municipality(m)?.name;
        self.removal(name, "municipality", m.0)
    }

    /// Reads (without removing) what removing löfte `c` takes away: its mål, insatser and
    /// bedömningar; walks, beslut and later copies that name it keep their row and get
    /// the link back on Ångra.
    pub fn commitment_removal(&self, c: CommitmentId) -> Result<Removed> {
        let text: String = self.commitment(c)?.text.chars().take(40).collect();
        self.removal(format!("löftet \"{text}…\""), "commitment", c.0)
    }

    /// Reads (without removing) what removing avsnitt `s` takes away: its löften with
    /// everything they own.
    pub fn section_removal(&self, s: SectionId) -> Result<Removed> {
        let title: String = self
            .conn
            .query_row("SELECT title FROM section WHERE id = ?1", [s.0], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| super::StoreError::NotFound(format!("Avsnitt {s}")))?;
        self.removal(format!("avsnittet {title}"), "section", s.0)
    }

    /// Reads the row `id` of `root` and everything the schema says it owns, and the links
    /// to them from rows that stay.
    fn removal(&self, what: String, root: &str, id: i64) -> Result<Removed> {
        let keys = foreign_keys(&self.conn)?;
        let order = tables_in_order(&self.conn, &keys)?.ok_or_else(|| {
            super::StoreError::Corrupt("tabellernas nycklar går i en cirkel".into())
        })?;
        let going = owned(&order, &keys, root, &format!("id = {id}"))?;
        let info = record_tables(&self.conn)?;
        let mut tables = Vec::new();
        for (table, cond) in &going {
            let t = info.iter().find(|t| &t.name == table).ok_or_else(|| {
                super::StoreError::Corrupt(format!("tabellen {table} saknas i schemat"))
            })?;
            tables.push(read(&self.conn, t, cond)?);
        }
        let mut found = Vec::new();
        for k in keys.iter().filter(|k| !k.owns()) {
            if let Some((_, cond)) = going.iter().find(|(t, _)| *t == k.parent) {
                found.extend(read_links(&self.conn, k, cond)?);
            }
        }
        // Links within what goes come back with its rows.
        let goes = |table: &str, id: i64| {
            tables
                .iter()
                .any(|t| t.table == table && t.keys.contains(&vec![Value::Integer(id)]))
        };
        found.retain(|l| !goes(&l.table, l.id));
        let counts = vec![
            ("medborgarlöften", count(&tables, "pledge")),
            ("löften", count(&tables, "commitment")),
            ("insatser", count(&tables, "activity")),
            ("trygghetsvandringar", count(&tables, "safety_walk")),
            ("lägesbildsmöten", count(&tables, "meeting")),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
        Ok(Removed {
            what,
            counts,
            tables,
            links: found,
        })
    }

    /// Reads what `read` says goes and removes it, in one transaction, and returns it for
    /// Ångra: nothing another program writes in between is removed without being in what
    /// comes back.
    pub fn remove_read(&mut self, read: impl Fn(&Store) -> Result<Removed>) -> Result<Removed> {
        self.atomically(|s| {
            let r = read(s)?;
            s.remove(&r)?;
            Ok(r)
        })
    }

    /// Removes what `r` describes (read just before) in one transaction.
    pub fn remove(&mut self, r: &Removed) -> Result<()> {
        let tx = self.write_tx()?;
        // Children first: not every child is cascaded from its parent.
        for t in r.tables.iter().rev() {
            let cond =
                t.pk.iter()
                    .enumerate()
                    .map(|(i, c)| format!("{} = ?{}", quoted(c), i + 1))
                    .collect::<Vec<_>>()
                    .join(" AND ");
            let sql = format!("DELETE FROM {} WHERE {cond}", quoted(&t.table));
            for key in &t.keys {
                tx.execute(&sql, crate::store::db::params_from_iter(key.iter()))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Puts back what a removal took (Ångra), with the same ids and links. Refused when
    /// any of its ids is taken again.
    pub fn restore_removed(&mut self, r: &Removed) -> Result<()> {
        let tx = self.write_tx()?;
        // A copied löfte may come back before the one it was copied from.
        tx.defer_foreign_keys()?;
        for t in &r.tables {
            let cols = t
                .columns
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", ");
            let marks = (1..=t.columns.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("INSERT INTO {} ({cols}) VALUES ({marks})", quoted(&t.table));
            for row in &t.rows {
                tx.execute(&sql, crate::store::db::params_from_iter(row.iter()))?;
            }
        }
        for l in &r.links {
            let col = quoted(&l.column);
            tx.execute(
                &format!(
                    "UPDATE {} SET {col} = ?1 WHERE id = ?2 AND {col} IS NULL",
                    quoted(&l.table)
                ),
                [l.value, l.id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Removed {
    /// How many insatser went with it.
    pub fn activities(&self) -> usize {
        count(&self.tables, "activity")
    }

    /// "1 medborgarlöfte, 11 löften, 23 insatser" — what the confirmation names.
    pub fn summary(&self) -> String {
        if self.counts.is_empty() {
            return "inget annat".into();
        }
        self.counts
            .iter()
            .map(|(label, n)| {
                let one = match *label {
                    "medborgarlöften" => "medborgarlöfte",
                    "löften" => "löfte",
                    "insatser" => "insats",
                    "trygghetsvandringar" => "trygghetsvandring",
                    "lägesbildsmöten" => "lägesbildsmöte",
                    other => other,
                };
                crate::validate::count_of(*n, one, label)
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
