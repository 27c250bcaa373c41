//! The exchange between two databases of a samverkan group, on the store's side: what a
//! partner has not confirmed, as [`Changes`], and a partner's changes applied value by
//! value in one transaction. Sealing in an encrypted file is `crate::exchange`.
//!
//! Every row and value has a version (Lamport clock, installation key). A value changed
//! on one side replaces the other's; the same value changed on both sides is a conflict:
//! the higher version wins on both sides (so they end alike) and the conflict is listed
//! for a human. A removal wins over a change (listed too) unless the row was restored
//! later. Ids never collide (`rows::new_id`), so a row is the same row everywhere.

mod apply;
mod conflicts;
mod versions;

use super::tables::{TableInfo, record_tables};
use super::{Result, Store, StoreError};
use crate::domain::exchange::{CellChange, Changes, FORMAT, Header, RowChange, Version};
use crate::store::db::{Db, Optional};
use rusqlite::params;
use std::collections::{BTreeSet, HashMap};
use versions::*;

pub use apply::Applied;

/// A partner as this database knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub name: String,
    /// Heard from at least once.
    pub known: bool,
    pub sent: i64,
    pub confirmed: i64,
    pub received: i64,
}

pub(super) struct PartnerRow {
    pub id: i64,
    pub key: Option<String>,
    pub acked_file: i64,
    pub acked_seq: i64,
    pub received_file: i64,
    pub sent_file: i64,
}

fn partner_named(tx: &Db, name: &str) -> Result<Option<PartnerRow>> {
    partner_where(tx, "lower(name) = lower(?1)", name)
}

fn partner_keyed(tx: &Db, key: &str) -> Result<Option<PartnerRow>> {
    partner_where(tx, "site_key = ?1", key)
}

fn partner_where(tx: &Db, cond: &str, v: &str) -> Result<Option<PartnerRow>> {
    tx.query_row(
        &format!(
            "SELECT id, site_key, acked_file, acked_seq, received_file, sent_file \
             FROM sync_partner WHERE {cond}"
        ),
        [v],
        |r| {
            Ok(PartnerRow {
                id: r.get(0)?,
                key: r.get(1)?,
                acked_file: r.get(2)?,
                acked_seq: r.get(3)?,
                received_file: r.get(4)?,
                sent_file: r.get(5)?,
            })
        },
    )
    .optional()
}

fn clean_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(StoreError::Exchange(
            "Namnet måste vara 1–80 tecken, till exempel \"Kommunen\" eller \"Polisen LPO Karlshamn\".".into(),
        ));
    }
    Ok(name.to_string())
}

/// After a restore from a copy the database is back where the copy was: its partners may
/// hold changes it no longer has, and file numbers it already used. It takes a new key
/// (naming the old one, so partners know it) and starts over with every partner: the
/// next file to each carries everything, and theirs are read whatever their number.
pub(super) fn after_restore(conn: &Db) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE name = 'sync_site')",
        (),
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(());
    }
    conn.execute(
        "UPDATE sync_site SET previous_key = site_key, site_key = ?1 WHERE id = 1",
        [super::rekey::new_site_key()],
    )?;
    conn.execute_batch(
        "UPDATE sync_partner SET sent_file = 0, acked_file = 0, acked_seq = 0, received_file = 0;
         DELETE FROM sync_file;",
    )
}

impl Store {
    /// How this database names itself to its partners, once it has been told.
    /// The exchange is between database files; on a server everyone already works in
    /// the same database.
    fn file_only(&self) -> Result<()> {
        if self.server.is_some() {
            return Err(StoreError::Exchange(
                "Ändringsfiler skickas och läses mellan databasfiler. På en databasserver arbetar alla redan i samma databas; en kommuns fil kopieras in med import-sqlite.".into(),
            ));
        }
        Ok(())
    }

    pub fn exchange_name(&self) -> Result<Option<String>> {
        self.file_only()?;
        Ok(site(&self.conn)?.name)
    }

    /// Whether this file (or a later one from the same partner) has been read here.
    pub fn already_read(&self, c: &Changes) -> Result<bool> {
        self.file_only()?;
        Ok(partner_keyed(&self.conn, &c.header.sender_key)?
            .is_some_and(|p| c.header.number <= p.received_file))
    }

    pub fn partners(&self) -> Result<Vec<Partner>> {
        self.file_only()?;
        let mut stmt = self.conn.prepare(
            "SELECT name, site_key IS NOT NULL, sent_file, acked_file, received_file \
             FROM sync_partner ORDER BY name",
        )?;
        let rows = stmt
            .query_map((), |r| {
                Ok(Partner {
                    name: r.get(0)?,
                    known: r.get(1)?,
                    sent: r.get(2)?,
                    confirmed: r.get(3)?,
                    received: r.get(4)?,
                })
            })?
            .collect::<Result<_>>()?;
        Ok(rows)
    }

    /// Everything `to` has not confirmed: new, changed and removed rows of every table;
    /// the first file to a partner is a whole copy. `from` names this database (needed
    /// once). The file is numbered and remembered, so that a confirmation can be matched.
    pub fn changes_for(&mut self, to: &str, from: Option<&str>, now: &str) -> Result<Changes> {
        self.file_only()?;
        let to = clean_name(to)?;
        let tx = self.write_tx()?;
        if let Some(from) = from {
            tx.execute(
                "UPDATE sync_site SET name = ?1 WHERE id = 1",
                [clean_name(from)?],
            )?;
        }
        let tables = record_tables(&tx)?;
        scan(&tx, &tables)?;
        let me = site(&tx)?;
        let Some(my_name) = me.name.clone() else {
            return Err(StoreError::Exchange(
                "Ange först vad den här databasen heter hos partnern (--fran \"Kommunen\").".into(),
            ));
        };
        if my_name.to_lowercase() == to.to_lowercase() {
            return Err(StoreError::Exchange(format!(
                "Mottagaren kan inte heta som den här databasen ({my_name})."
            )));
        }
        let partner = match partner_named(&tx, &to)? {
            Some(p) => p,
            None => {
                tx.execute("INSERT INTO sync_partner(name) VALUES (?1)", [&to])?;
                partner_named(&tx, &to)?.ok_or_else(|| StoreError::NotFound(to.clone()))?
            }
        };
        let number = partner.sent_file + 1;
        let mut out = Outgoing {
            sites: vec![],
            index: HashMap::new(),
        };
        let rows = out.rows(&tx, &tables, &partner)?;
        tx.execute(
            "INSERT INTO sync_file(partner_id, direction, number, at, up_to_seq, rows) \
             VALUES (?1, 'sent', ?2, ?3, ?4, ?5)",
            params![partner.id, number, now, me.seq, rows.len() as i64],
        )?;
        tx.execute(
            "UPDATE sync_partner SET sent_file = ?1 WHERE id = ?2",
            params![number, partner.id],
        )?;
        let changes = Changes {
            header: Header {
                format: FORMAT,
                schema: super::LATEST_VERSION,
                program: env!("CARGO_PKG_VERSION").to_string(),
                sender: my_name,
                sender_key: me.key,
                previous_key: me.previous_key,
                receiver: to,
                receiver_key: partner.key.clone(),
                number,
                ack: partner.received_file,
                made_at: now.to_string(),
                whole_copy: partner.key.is_none() && partner.acked_seq == 0,
            },
            sites: out.sites,
            rows,
        };
        tx.commit()?;
        Ok(changes)
    }
}

/// Builds the rows of one outgoing file.
struct Outgoing {
    sites: Vec<String>,
    index: HashMap<String, u32>,
}

impl Outgoing {
    fn version(&mut self, v: &Ver) -> Version {
        let next = self.sites.len() as u32;
        let site = *self.index.entry(v.1.clone()).or_insert_with(|| {
            self.sites.push(v.1.clone());
            next
        });
        Version { clock: v.0, site }
    }

    fn rows(&mut self, tx: &Db, tables: &[TableInfo], p: &PartnerRow) -> Result<Vec<RowChange>> {
        let theirs = p.key.clone().unwrap_or_default();
        let mut touched: BTreeSet<(String, String)> = BTreeSet::new();
        for sql in [
            "SELECT tbl, row_key FROM sync_row WHERE seq > ?1",
            "SELECT DISTINCT tbl, row_key FROM sync_cell WHERE seq > ?1",
        ] {
            let mut stmt = tx.prepare(sql)?;
            let found = stmt.query_map([p.acked_seq], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for f in found {
                touched.insert(f?);
            }
        }
        let mut rows = Vec::new();
        // Parents before children; the receiver sorts again for removals.
        for t in tables {
            for (table, key) in touched.range((t.name.clone(), String::new())..) {
                // The range runs on into later tables: stop there.
                if table != &t.name {
                    break;
                }
                if let Some(r) = self.row(tx, t, key, p.acked_seq, &theirs)? {
                    rows.push(r);
                }
            }
        }
        Ok(rows)
    }

    fn row(
        &mut self,
        tx: &Db,
        t: &TableInfo,
        key: &str,
        acked: i64,
        theirs: &str,
    ) -> Result<Option<RowChange>> {
        let Some(rv) = row_version(tx, &t.name, key)? else {
            return Ok(None);
        };
        let ids = parse_key(key).ok_or_else(|| StoreError::Corrupt(format!("nyckel {key}")))?;
        let row_seq: i64 = tx.query_row(
            "SELECT seq FROM sync_row WHERE tbl = ?1 AND row_key = ?2",
            params![t.name, key],
            |r| r.get(0),
        )?;
        if rv.removed {
            // Their own removal goes not back to them.
            if rv.ver.1 == theirs {
                return Ok(None);
            }
            return Ok(Some(RowChange {
                table: t.name.clone(),
                key: ids,
                removed: true,
                version: self.version(&rv.ver),
                whole: false,
                cells: vec![],
            }));
        }
        let Some(values) = read_row(tx, t, &ids)? else {
            return Ok(None);
        };
        // New to them since they last confirmed (and not theirs to begin with).
        let whole = row_seq > acked && rv.ver.1 != theirs;
        let mut cells = Vec::new();
        let mut stmt = tx.prepare_cached(
            "SELECT clock, site, prev_clock, prev_site, seq FROM sync_cell \
             WHERE tbl = ?1 AND row_key = ?2 AND col = ?3",
        )?;
        for (col, value) in t.columns.iter().zip(values) {
            let (clock, site, prev_clock, prev_site, seq): (i64, String, i64, String, i64) =
                stmt.query_row(params![t.name, key, col], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?;
            if !whole && (seq <= acked || site == theirs) {
                continue;
            }
            let replaced = (prev_clock > 0).then(|| self.version(&(prev_clock, prev_site)));
            cells.push(CellChange {
                column: col.clone(),
                value: to_val(value),
                version: self.version(&(clock, site)),
                replaced,
            });
        }
        if cells.is_empty() {
            return Ok(None);
        }
        Ok(Some(RowChange {
            table: t.name.clone(),
            key: ids,
            removed: false,
            version: self.version(&rv.ver),
            whole,
            cells,
        }))
    }
}
