//! A partner's changes applied in one transaction: removals first (children before
//! parents), then new and changed rows (parents first), value by value; what cannot stay
//! (a row whose parent is gone) goes the way the schema says, and is listed.

use super::conflicts::{Side, record_conflict};
use super::versions::*;
use super::{PartnerRow, partner_keyed, partner_named};
use crate::domain::exchange::{Changes, FORMAT, RowChange, Val, Version};
use crate::store::db::Db;
use crate::store::tables::{TableInfo, record_tables};
use crate::store::{LATEST_VERSION, Result, Store, StoreError};
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::HashMap;

/// What reading a file did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    pub partner: String,
    pub number: i64,
    /// The file had been read before: nothing changed.
    pub already_read: bool,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub conflicts: usize,
}

impl Store {
    /// Applies a partner's file, all or nothing. A file from another schema version, one
    /// meant for another database or one this database sent is refused untouched.
    pub fn apply_changes(&mut self, c: &Changes, now: &str) -> Result<Applied> {
        self.file_only()?;
        check_header(c)?;
        let tx = self.write_tx()?;
        tx.defer_foreign_keys()?;
        let tables = record_tables(&tx)?;
        check_rows(c, &tables)?;
        scan(&tx, &tables)?;
        let me = site(&tx)?;
        if c.header.sender_key == me.key {
            return Err(StoreError::Exchange(
                "Filen är skickad från den här databasen. Inget har ändrats.".into(),
            ));
        }
        if let Some(k) = &c.header.receiver_key
            && k != &me.key
        {
            return Err(StoreError::Exchange(format!(
                "Filen är skickad till en annan databas ({}). Inget har ändrats.",
                c.header.receiver
            )));
        }
        let partner = find_or_add_partner(&tx, &c.header, &me.key)?;
        // A database made from a partner's first file goes by the name the partner gave it.
        if me.name.is_none() {
            tx.execute(
                "UPDATE sync_site SET name = ?1 WHERE id = 1",
                [&c.header.receiver],
            )?;
        }
        let mut applied = Applied {
            partner: c.header.sender.clone(),
            number: c.header.number,
            ..Applied::default()
        };
        if c.header.number <= partner.received_file {
            applied.already_read = true;
            return Ok(applied);
        }
        if c.header.ack > partner.acked_file {
            let up_to: Option<i64> = tx
                .query_row(
                    "SELECT up_to_seq FROM sync_file WHERE partner_id = ?1 AND direction = 'sent' \
                     AND number = ?2",
                    params![partner.id, c.header.ack],
                    |r| r.get(0),
                )
                .ok();
            if let Some(up_to) = up_to {
                tx.execute(
                    "UPDATE sync_partner SET acked_file = ?1, acked_seq = max(acked_seq, ?2) WHERE id = ?3",
                    params![c.header.ack, up_to, partner.id],
                )?;
            }
        }
        let newest = c
            .rows
            .iter()
            .flat_map(|r| {
                std::iter::once(r.version.clock).chain(r.cells.iter().map(|c| c.version.clock))
            })
            .max()
            .unwrap_or(0);
        let clock = me.clock.max(newest) + 1;
        let seq = me.seq + 1;
        save_clock(&tx, clock, seq)?;
        let by_name: HashMap<&str, &TableInfo> =
            tables.iter().map(|t| (t.name.as_str(), t)).collect();
        let order: HashMap<&str, usize> = tables
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        let mut removals: Vec<&RowChange> = c.rows.iter().filter(|r| r.removed).collect();
        removals.sort_by_key(|r| std::cmp::Reverse(order.get(r.table.as_str()).copied()));
        let mut rest: Vec<&RowChange> = c.rows.iter().filter(|r| !r.removed).collect();
        rest.sort_by_key(|r| order.get(r.table.as_str()).copied());
        let mut a = Applier {
            tx: &tx,
            c,
            partner: &partner,
            seq,
            now,
            applied: &mut applied,
        };
        // `check_rows` made sure every table is known; a miss is refused, never a panic.
        let table = |name: &str| {
            by_name.get(name).copied().ok_or_else(|| {
                StoreError::Exchange(format!("Filen är skadad (okänd tabell {name})."))
            })
        };
        for r in removals {
            a.remove(table(&r.table)?, r)?;
        }
        for r in rest {
            a.upsert(table(&r.table)?, r)?;
        }
        a.orphans(&tables)?;
        tx.execute(
            "INSERT OR REPLACE INTO sync_file(partner_id, direction, number, at, rows) \
             VALUES (?1, 'received', ?2, ?3, ?4)",
            params![partner.id, c.header.number, now, c.rows.len() as i64],
        )?;
        tx.execute(
            "UPDATE sync_partner SET received_file = ?1 WHERE id = ?2",
            params![c.header.number, partner.id],
        )?;
        tx.commit()?;
        Ok(applied)
    }
}

fn check_header(c: &Changes) -> Result<()> {
    let h = &c.header;
    if h.format != FORMAT {
        return Err(StoreError::Exchange(format!(
            "Filen har ett format ({}) som den här versionen inte kan läsa. Installera Trygghetstavlan {} och läs in filen igen. Inget har ändrats.",
            h.format, h.program
        )));
    }
    if h.schema != LATEST_VERSION {
        return Err(StoreError::Exchange(format!(
            "Filen kommer från Trygghetstavlan {} med databasversion {}; den här databasen har version {}. Installera samma version som avsändaren (Trygghetstavlan {}) och läs in filen igen. Inget har ändrats.",
            h.program, h.schema, LATEST_VERSION, h.program
        )));
    }
    Ok(())
}

/// Every table, column and installation the file names must exist: nothing is dropped
/// silently.
fn check_rows(c: &Changes, tables: &[TableInfo]) -> Result<()> {
    let bad = |what: String| {
        StoreError::Exchange(format!("Filen är skadad ({what}). Inget har ändrats."))
    };
    let site_ok = |v: &Version| (v.site as usize) < c.sites.len();
    for r in &c.rows {
        let t = tables
            .iter()
            .find(|t| t.name == r.table)
            .ok_or_else(|| bad(format!("okänd tabell {}", r.table)))?;
        if r.key.len() != t.pk.len() || !site_ok(&r.version) {
            return Err(bad(format!("nyckel i {}", r.table)));
        }
        for cell in &r.cells {
            if !t.columns.contains(&cell.column)
                || !site_ok(&cell.version)
                || !cell.replaced.as_ref().is_none_or(site_ok)
                || to_value(&cell.value).is_none()
            {
                return Err(bad(format!("kolumn {} i {}", cell.column, r.table)));
            }
        }
        if r.whole && r.cells.len() != t.columns.len() {
            return Err(bad(format!("ofullständig rad i {}", r.table)));
        }
    }
    Ok(())
}

fn find_or_add_partner(
    tx: &Db,
    h: &crate::domain::exchange::Header,
    own: &str,
) -> Result<PartnerRow> {
    let (name, key) = (h.sender.as_str(), h.sender_key.as_str());
    if let Some(p) = partner_keyed(tx, key)? {
        return Ok(p);
    }
    // The partner restored its database from a copy: it may lack what we sent since, and
    // numbers its files anew. Everything goes to it again.
    if let Some(old) = h.previous_key.as_deref().filter(|k| *k != own)
        && let Some(p) = partner_keyed(tx, old)?
    {
        tx.execute(
            "UPDATE sync_partner SET site_key = ?1, received_file = 0, acked_file = 0, acked_seq = 0 \
             WHERE id = ?2",
            params![key, p.id],
        )?;
        tx.execute("DELETE FROM sync_file WHERE partner_id = ?1", [p.id])?;
        return partner_keyed(tx, key)?.ok_or_else(|| StoreError::NotFound(name.to_string()));
    }
    // The partner this database wrote to first, now heard from.
    if let Some(p) = partner_named(tx, name)?
        && p.key.is_none()
    {
        tx.execute(
            "UPDATE sync_partner SET site_key = ?1 WHERE id = ?2",
            params![key, p.id],
        )?;
        return partner_keyed(tx, key)?.ok_or_else(|| StoreError::NotFound(name.to_string()));
    }
    let mut candidate = name.trim().to_string();
    let mut n = 2;
    while partner_named(tx, &candidate)?.is_some() {
        candidate = format!("{} ({n})", name.trim());
        n += 1;
    }
    tx.execute(
        "INSERT INTO sync_partner(name, site_key) VALUES (?1, ?2)",
        params![candidate, key],
    )?;
    partner_keyed(tx, key)?.ok_or_else(|| StoreError::NotFound(name.to_string()))
}

struct Applier<'a> {
    tx: &'a Db<'a>,
    c: &'a Changes,
    partner: &'a PartnerRow,
    seq: i64,
    now: &'a str,
    applied: &'a mut Applied,
}

impl Applier<'_> {
    /// `check_rows` made sure every site index is in range.
    fn ver(&self, v: &Version) -> Ver {
        let site = self
            .c
            .sites
            .get(v.site as usize)
            .cloned()
            .unwrap_or_default();
        (v.clock, site)
    }

    fn sender_key(&self) -> &str {
        &self.c.header.sender_key
    }

    /// Changed here (or by a third) since the sender last confirmed our changes.
    fn changed_here(&self, table: &str, key: &str) -> Result<bool> {
        self.tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM sync_cell WHERE tbl = ?1 AND row_key = ?2 \
             AND site <> ?3 AND seq > ?4)",
            params![table, key, self.sender_key(), self.partner.acked_seq],
            |r| r.get(0),
        )
    }

    fn remove(&mut self, t: &TableInfo, r: &RowChange) -> Result<()> {
        let key = row_key(&r.key);
        let theirs = self.ver(&r.version);
        match row_version(self.tx, &t.name, &key)? {
            Some(local) if !local.removed => {
                // Restored here after their removal: ours stands.
                if local.ver > theirs {
                    return Ok(());
                }
                if self.changed_here(&t.name, &key)? {
                    let ours = read_row(self.tx, t, &r.key)?.map(|v| row_json(t, v));
                    record_conflict(
                        self.tx,
                        &self.c.header.sender,
                        &t.name,
                        &key,
                        "",
                        ours,
                        None,
                        Side::Theirs,
                        self.now,
                    )?;
                    self.applied.conflicts += 1;
                }
                self.tx.execute(
                    &format!("DELETE FROM \"{}\" WHERE {}", t.name, key_where(t, 1)),
                    crate::store::db::params_from_iter(r.key.iter()),
                )?;
                set_row_version(self.tx, &t.name, &key, true, &theirs, self.seq)?;
                self.applied.removed += 1;
            }
            Some(local) => {
                if theirs > local.ver {
                    set_row_version(self.tx, &t.name, &key, true, &theirs, self.seq)?;
                }
            }
            None => set_row_version(self.tx, &t.name, &key, true, &theirs, self.seq)?,
        }
        Ok(())
    }

    fn upsert(&mut self, t: &TableInfo, r: &RowChange) -> Result<()> {
        let key = row_key(&r.key);
        let theirs = self.ver(&r.version);
        match row_version(self.tx, &t.name, &key)? {
            Some(local) if local.removed => {
                if theirs > local.ver && r.whole {
                    // Restored on their side after the removal here.
                    self.insert(t, r, &key, &theirs)?;
                } else {
                    self.changed_after_removal(t, r, &key)?;
                }
            }
            None => {
                if r.whole {
                    self.insert(t, r, &key, &theirs)?;
                }
            }
            Some(_) => self.merge(t, r, &key)?,
        }
        Ok(())
    }

    fn insert(&mut self, t: &TableInfo, r: &RowChange, key: &str, ver: &Ver) -> Result<()> {
        let mut values = Vec::with_capacity(t.columns.len());
        for col in &t.columns {
            let cell = r.cells.iter().find(|c| &c.column == col);
            values.push(cell.and_then(|c| to_value(&c.value)).unwrap_or(Value::Null));
        }
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        self.tx.execute(
            &format!(
                "INSERT OR REPLACE INTO \"{}\" ({}) VALUES ({})",
                t.name,
                quoted_columns(t),
                marks.join(", ")
            ),
            crate::store::db::params_from_iter(values.iter()),
        )?;
        set_row_version(self.tx, &t.name, key, false, ver, self.seq)?;
        for cell in &r.cells {
            let value = to_value(&cell.value).unwrap_or(Value::Null);
            let replaced = cell
                .replaced
                .as_ref()
                .map(|v| self.ver(v))
                .unwrap_or((0, String::new()));
            set_cell_version(
                self.tx,
                &t.name,
                key,
                &cell.column,
                &hash_value(&value),
                &self.ver(&cell.version),
                &replaced,
                self.seq,
            )?;
        }
        self.applied.added += 1;
        Ok(())
    }

    /// They changed a row removed here: the removal stands; listed once.
    fn changed_after_removal(&mut self, t: &TableInfo, r: &RowChange, key: &str) -> Result<()> {
        let mut news = false;
        for cell in &r.cells {
            let ver = self.ver(&cell.version);
            let known = cell_version(self.tx, &t.name, key, &cell.column)?;
            if known.as_ref().map(|k| &k.ver) != Some(&ver) && ver.1 == self.sender_key() {
                news = true;
            }
            let value = to_value(&cell.value).unwrap_or(Value::Null);
            let replaced = cell
                .replaced
                .as_ref()
                .map(|v| self.ver(v))
                .unwrap_or((0, String::new()));
            set_cell_version(
                self.tx,
                &t.name,
                key,
                &cell.column,
                &hash_value(&value),
                &ver,
                &replaced,
                self.seq,
            )?;
        }
        if news {
            let theirs: Vec<(String, Val)> = r
                .cells
                .iter()
                .map(|c| (c.column.clone(), c.value.clone()))
                .collect();
            let theirs = serde_json::to_string(&theirs).ok();
            record_conflict(
                self.tx,
                &self.c.header.sender,
                &t.name,
                key,
                "",
                None,
                theirs,
                Side::Ours,
                self.now,
            )?;
            self.applied.conflicts += 1;
        }
        Ok(())
    }

    /// Value by value: the higher version wins; a value changed on both sides is listed.
    fn merge(&mut self, t: &TableInfo, r: &RowChange, key: &str) -> Result<()> {
        let current = read_row(self.tx, t, &r.key)?;
        let mut sets: Vec<(String, Value)> = Vec::new();
        for cell in &r.cells {
            let theirs = self.ver(&cell.version);
            let replaced = cell.replaced.as_ref().map(|v| self.ver(v));
            let value = to_value(&cell.value).unwrap_or(Value::Null);
            let hash = hash_value(&value);
            let local = cell_version(self.tx, &t.name, key, &cell.column)?;
            let ours_now = || {
                current.as_ref().and_then(|row| {
                    t.columns
                        .iter()
                        .position(|c| c == &cell.column)
                        .and_then(|i| row.get(i).cloned())
                        .map(to_val)
                })
            };
            match local {
                Some(l) if l.ver == theirs => {}
                Some(l) if theirs > l.ver => {
                    let concurrent = l.ver.1 != self.sender_key()
                        && replaced.as_ref() != Some(&l.ver)
                        && l.hash != hash;
                    if concurrent {
                        let ours = ours_now().and_then(|v| serde_json::to_string(&v).ok());
                        let theirs_json = serde_json::to_string(&cell.value).ok();
                        record_conflict(
                            self.tx,
                            &self.c.header.sender,
                            &t.name,
                            key,
                            &cell.column,
                            ours,
                            theirs_json,
                            Side::Theirs,
                            self.now,
                        )?;
                        self.applied.conflicts += 1;
                    }
                    if l.hash != hash {
                        sets.push((cell.column.clone(), value));
                    }
                    let rep = replaced.clone().unwrap_or((0, String::new()));
                    set_cell_version(
                        self.tx,
                        &t.name,
                        key,
                        &cell.column,
                        &hash,
                        &theirs,
                        &rep,
                        self.seq,
                    )?;
                }
                Some(l) => {
                    // Ours is newer: kept. Listed when it was made without knowing theirs.
                    if l.ver.1 != self.sender_key() && l.replaced != theirs && l.hash != hash {
                        let ours = ours_now().and_then(|v| serde_json::to_string(&v).ok());
                        let theirs_json = serde_json::to_string(&cell.value).ok();
                        if record_conflict(
                            self.tx,
                            &self.c.header.sender,
                            &t.name,
                            key,
                            &cell.column,
                            ours,
                            theirs_json,
                            Side::Ours,
                            self.now,
                        )? {
                            self.applied.conflicts += 1;
                        }
                    }
                }
                None => {
                    sets.push((cell.column.clone(), value));
                    let rep = replaced.clone().unwrap_or((0, String::new()));
                    set_cell_version(
                        self.tx,
                        &t.name,
                        key,
                        &cell.column,
                        &hash,
                        &theirs,
                        &rep,
                        self.seq,
                    )?;
                }
            }
        }
        if !sets.is_empty() {
            let assign: Vec<String> = sets
                .iter()
                .enumerate()
                .map(|(i, (c, _))| format!("\"{c}\" = ?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE \"{}\" SET {} WHERE {}",
                t.name,
                assign.join(", "),
                key_where(t, sets.len() + 1)
            );
            let params: Vec<Value> = sets
                .into_iter()
                .map(|(_, v)| v)
                .chain(r.key.iter().map(|k| Value::Integer(*k)))
                .collect();
            self.tx
                .execute(&sql, crate::store::db::params_from_iter(params.iter()))?;
            self.applied.changed += 1;
        }
        Ok(())
    }

    /// Rows whose parent is gone (removed on the other side while added here): cleared or
    /// removed as the schema says, then recorded as removed here and listed.
    fn orphans(&mut self, tables: &[TableInfo]) -> Result<()> {
        for _ in 0..32 {
            let found: Vec<(String, i64, i64)> = self
                .tx
                .prepare("SELECT \"table\", rowid, fkid FROM pragma_foreign_key_check")?
                .query_map((), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_>>()?;
            if found.is_empty() {
                break;
            }
            for (table, rowid, fkid) in found {
                let Some(t) = tables.iter().find(|t| t.name == table) else {
                    continue;
                };
                let column: Option<String> = self
                    .tx
                    .query_row(
                        "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2",
                        params![table, fkid],
                        |r| r.get(0),
                    )
                    .ok();
                match column {
                    Some(c) if t.set_null.contains(&c) => {
                        self.tx.execute(
                            &format!("UPDATE \"{table}\" SET \"{c}\" = NULL WHERE rowid = ?1"),
                            [rowid],
                        )?;
                    }
                    _ => {
                        self.tx.execute(
                            &format!("DELETE FROM \"{table}\" WHERE rowid = ?1"),
                            [rowid],
                        )?;
                    }
                }
            }
        }
        // What went is recorded as removed here, and listed when it held changes the
        // sender had not seen.
        let removed = scan(self.tx, tables)?;
        for (table, key) in removed {
            if self.changed_here(&table, &key)? {
                record_conflict(
                    self.tx,
                    &self.c.header.sender,
                    &table,
                    &key,
                    "",
                    None,
                    None,
                    Side::Theirs,
                    self.now,
                )?;
                self.applied.conflicts += 1;
            }
        }
        Ok(())
    }
}

fn row_json(t: &TableInfo, values: Vec<Value>) -> String {
    let row: Vec<(String, Val)> = t
        .columns
        .iter()
        .cloned()
        .zip(values.into_iter().map(to_val))
        .collect();
    serde_json::to_string(&row).unwrap_or_default()
}
