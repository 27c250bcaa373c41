//! Removing a whole medborgarlöfte (a period) or a kommun, and putting it back. What goes
//! is first read whole — every row of every table it owns, every column, by name — so
//! that Ångra restores exactly what was there, ids and links included, and columns added
//! by later schema versions come along without code here knowing them.

use super::{Result, Store};
use crate::domain::{CommitmentId, MunicipalityId, PledgeId, SectionId};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

/// Rows of one table, with their column names (and each row's rowid, to remove it by).
#[derive(Debug, Clone, PartialEq)]
struct Rows {
    table: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
    rowids: Vec<i64>,
}

/// A link from a row that stays to a row that goes (set to NULL by the removal).
#[derive(Debug, Clone, PartialEq)]
struct Link {
    table: &'static str,
    column: &'static str,
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

/// The löften of the pledges chosen by `pledges` (an SQL condition on `pledge`).
fn commitments_of(pledges: &str) -> String {
    format!(
        "SELECT c.id FROM commitment c JOIN section s ON s.id = c.section_id \
         JOIN pledge p ON p.id = s.pledge_id WHERE {pledges}"
    )
}

fn read(tx: &rusqlite::Connection, table: &'static str, cond: &str) -> Result<Rows> {
    // Oldest first: a row that names another of its table (copied_from, revisit_of)
    // names an older one, which is then back before it.
    let mut st = tx.prepare(&format!(
        "SELECT rowid AS rowid_of_row, * FROM {table} WHERE {cond} ORDER BY rowid"
    ))?;
    let columns: Vec<String> = st
        .column_names()
        .iter()
        .skip(1)
        .map(|c| c.to_string())
        .collect();
    let n = columns.len();
    let mut rows = Vec::new();
    let mut rowids = Vec::new();
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        rowids.push(r.get::<_, i64>(0)?);
        rows.push(
            (1..=n)
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<Value>>>()?,
        );
    }
    Ok(Rows {
        table,
        columns,
        rows,
        rowids,
    })
}

fn read_links(
    tx: &rusqlite::Connection,
    table: &'static str,
    column: &'static str,
    cond: &str,
) -> Result<Vec<Link>> {
    let mut st = tx.prepare(&format!(
        "SELECT id, {column} FROM {table} WHERE {column} IN ({cond})"
    ))?;
    let rows = st.query_map([], |r| {
        Ok(Link {
            table,
            column,
            id: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rows elsewhere that name a löfte (set to NULL when it goes, put back on Ångra).
const COMMITMENT_LINKS: [(&str, &str); 3] = [
    ("safety_walk", "commitment_id"),
    ("decision", "commitment_id"),
    ("commitment", "copied_from"),
];

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
        let cond = format!("p.id = {}", p.0);
        let c = commitments_of(&cond);
        let specs: Vec<(&'static str, String)> = vec![
            ("pledge", format!("id = {}", p.0)),
            ("signatory", format!("pledge_id = {}", p.0)),
            ("section", format!("pledge_id = {}", p.0)),
        ];
        let specs = [specs, Self::commitment_specs(format!("id IN ({c})"), &c)].concat();
        self.removal(
            format!("medborgarlöftet {} för {kommun}", pledge.period),
            &specs,
            &COMMITMENT_LINKS,
            &c,
        )
    }

    /// Reads (without removing) what removing kommun `m` takes away: its medborgarlöften,
    /// insatser, överenskommelser, trygghetsvandringar and lägesbildsmöten.
    pub fn municipality_removal(&self, m: MunicipalityId) -> Result<Removed> {
        let name = self.municipality(m)?.name;
        let cond = format!("p.municipality_id = {}", m.0);
        let c = commitments_of(&cond);
        let walks = format!("SELECT id FROM safety_walk WHERE municipality_id = {}", m.0);
        let obs = format!("SELECT id FROM observation WHERE walk_id IN ({walks})");
        let meetings = format!("SELECT id FROM meeting WHERE municipality_id = {}", m.0);
        let specs: Vec<(&'static str, String)> = vec![
            ("municipality", format!("id = {}", m.0)),
            ("pledge", format!("municipality_id = {}", m.0)),
            (
                "signatory",
                format!(
                    "pledge_id IN (SELECT id FROM pledge WHERE municipality_id = {})",
                    m.0
                ),
            ),
            (
                "section",
                format!(
                    "pledge_id IN (SELECT id FROM pledge WHERE municipality_id = {})",
                    m.0
                ),
            ),
            ("commitment", format!("id IN ({c})")),
            ("target", format!("commitment_id IN ({c})")),
            ("activity", format!("municipality_id = {}", m.0)),
            ("assessment", format!("commitment_id IN ({c})")),
            ("agreement", format!("municipality_id = {}", m.0)),
            (
                "focus_area",
                format!(
                    "agreement_id IN (SELECT id FROM agreement WHERE municipality_id = {})",
                    m.0
                ),
            ),
            ("safety_walk", format!("id IN ({walks})")),
            ("observation", format!("id IN ({obs})")),
            (
                "observation_status_change",
                format!("observation_id IN ({obs})"),
            ),
            ("observation_photo", format!("observation_id IN ({obs})")),
            ("meeting", format!("id IN ({meetings})")),
            ("decision", format!("meeting_id IN ({meetings})")),
        ];
        // Links from what stays: a joint meeting's beslut about one of its löften.
        let links = [("decision", "commitment_id"), ("commitment", "copied_from")];
        self.removal(name.clone(), &specs, &links, &c)
    }

    /// Reads (without removing) what removing löfte `c` takes away: its mål, insatser and
    /// bedömningar; walks, beslut and later copies that name it keep their row and get
    /// the link back on Ångra.
    pub fn commitment_removal(&self, c: CommitmentId) -> Result<Removed> {
        let text: String = self.commitment(c)?.text.chars().take(40).collect();
        let ids = format!("SELECT {}", c.0);
        self.removal(
            format!("löftet \"{text}…\""),
            &Self::commitment_specs(format!("id = {}", c.0), &ids),
            &COMMITMENT_LINKS,
            &ids,
        )
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
        let ids = format!("SELECT id FROM commitment WHERE section_id = {}", s.0);
        let mut specs = vec![("section", format!("id = {}", s.0))];
        specs.extend(Self::commitment_specs(
            format!("section_id = {}", s.0),
            &ids,
        ));
        self.removal(
            format!("avsnittet {title}"),
            &specs,
            &COMMITMENT_LINKS,
            &ids,
        )
    }

    /// The rows löften (chosen by `cond` on `commitment`, ids `ids`) own.
    fn commitment_specs(cond: String, ids: &str) -> Vec<(&'static str, String)> {
        vec![
            ("commitment", cond),
            ("target", format!("commitment_id IN ({ids})")),
            ("activity", format!("commitment_id IN ({ids})")),
            ("assessment", format!("commitment_id IN ({ids})")),
        ]
    }

    fn removal(
        &self,
        what: String,
        specs: &[(&'static str, String)],
        links: &[(&'static str, &'static str)],
        commitments: &str,
    ) -> Result<Removed> {
        let mut tables = Vec::new();
        for (table, cond) in specs {
            tables.push(read(&self.conn, table, cond)?);
        }
        let mut found = Vec::new();
        for (table, column) in links {
            found.extend(read_links(&self.conn, table, column, commitments)?);
        }
        // Links within what goes come back with its rows.
        let going = |table: &str, id: i64| {
            tables
                .iter()
                .any(|t| t.table == table && t.rowids.contains(&id))
        };
        found.retain(|l| !going(l.table, l.id));
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
    pub fn remove_read(&mut self, read: impl FnOnce(&Store) -> Result<Removed>) -> Result<Removed> {
        self.atomically(|s| {
            let r = read(s)?;
            s.remove(&r)?;
            Ok(r)
        })
    }

    /// Removes what `r` describes (read just before) in one transaction.
    pub fn remove(&mut self, r: &Removed) -> Result<()> {
        let tx = self.write_tx()?;
        // Children first: insatser are not cascaded from their löfte.
        for t in r.tables.iter().rev() {
            let sql = format!("DELETE FROM {} WHERE rowid = ?1", t.table);
            for id in &t.rowids {
                tx.execute(&sql, [id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Puts back what a removal took (Ångra), with the same ids and links. Refused when
    /// any of its ids is taken again.
    pub fn restore_removed(&mut self, r: &Removed) -> Result<()> {
        let tx = self.write_tx()?;
        for t in &r.tables {
            let cols = t.columns.join(", ");
            let marks = (1..=t.columns.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("INSERT INTO {} ({cols}) VALUES ({marks})", t.table);
            for row in &t.rows {
                tx.execute(&sql, rusqlite::params_from_iter(row.iter()))?;
            }
        }
        for l in &r.links {
            tx.execute(
                &format!(
                    "UPDATE {} SET {} = ?1 WHERE id = ?2 AND {} IS NULL",
                    l.table, l.column, l.column
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
