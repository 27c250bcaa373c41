//! Versions of rows and values. Changes are found by comparing every row with what was
//! recorded the last time (a hash per value), so that every way of writing — forms, the
//! import, Ångra, a restore — is covered without triggers, and a change applied from a
//! partner is recorded with the partner's version, never as a change of our own.

use crate::domain::exchange::Val;
use crate::store::Result;
use crate::store::db::{Db, Optional};
use crate::store::tables::TableInfo;
use base64::Engine;
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::{HashMap, HashSet};

pub(super) type Hash = Vec<u8>;

/// (clock, installation key): the higher wins everywhere.
pub(super) type Ver = (i64, String);

pub(super) fn hash_value(v: &Value) -> Hash {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    match v {
        Value::Null => h.update([0u8]),
        Value::Integer(i) => {
            h.update([1u8]);
            h.update(i.to_be_bytes());
        }
        Value::Real(f) => {
            h.update([2u8]);
            h.update(f.to_bits().to_be_bytes());
        }
        Value::Text(s) => {
            h.update([3u8]);
            h.update(s.as_bytes());
        }
        Value::Blob(b) => {
            h.update([4u8]);
            h.update(b);
        }
    }
    h.finalize()[..16].to_vec()
}

pub(super) fn to_val(v: Value) -> Val {
    match v {
        Value::Null => Val::N,
        Value::Integer(i) => Val::I(i),
        Value::Real(f) => Val::R(f),
        Value::Text(s) => Val::T(s),
        Value::Blob(b) => Val::B(base64::engine::general_purpose::STANDARD.encode(b)),
    }
}

/// None for a blob that is not base64 (a damaged file).
pub(super) fn to_value(v: &Val) -> Option<Value> {
    Some(match v {
        Val::N => Value::Null,
        Val::I(i) => Value::Integer(*i),
        Val::R(f) => Value::Real(*f),
        Val::T(s) => Value::Text(s.clone()),
        Val::B(b) => Value::Blob(base64::engine::general_purpose::STANDARD.decode(b).ok()?),
    })
}

pub(super) fn row_key(key: &[i64]) -> String {
    key.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

pub(super) fn parse_key(key: &str) -> Option<Vec<i64>> {
    key.split(',').map(|p| p.parse().ok()).collect()
}

/// `"a" = ?1 AND "b" = ?2` for the table's primary key, numbered from `from`.
pub(super) fn key_where(t: &TableInfo, from: usize) -> String {
    t.pk.iter()
        .enumerate()
        .map(|(i, c)| format!("\"{c}\" = ?{}", from + i))
        .collect::<Vec<_>>()
        .join(" AND ")
}

pub(super) fn quoted_columns(t: &TableInfo) -> String {
    t.columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// This installation: its key, Lamport clock and the number of its last change.
pub(super) struct Site {
    pub key: String,
    pub previous_key: Option<String>,
    pub name: Option<String>,
    pub clock: i64,
    pub seq: i64,
}

pub(super) fn site(tx: &Db) -> Result<Site> {
    tx.query_row(
        "SELECT site_key, name, clock, seq, previous_key FROM sync_site WHERE id = 1",
        (),
        |r| {
            Ok(Site {
                key: r.get(0)?,
                name: r.get(1)?,
                clock: r.get(2)?,
                seq: r.get(3)?,
                previous_key: r.get(4)?,
            })
        },
    )
}

pub(super) fn save_clock(tx: &Db, clock: i64, seq: i64) -> Result<()> {
    tx.execute(
        "UPDATE sync_site SET clock = ?1, seq = ?2 WHERE id = 1",
        params![clock, seq],
    )
    .map(|_| ())
}

pub(super) struct RowVer {
    pub removed: bool,
    pub ver: Ver,
}

pub(super) fn row_version(tx: &Db, table: &str, key: &str) -> Result<Option<RowVer>> {
    tx.prepare_cached("SELECT deleted, clock, site FROM sync_row WHERE tbl = ?1 AND row_key = ?2")?
        .query_row(params![table, key], |r| {
            Ok(RowVer {
                removed: r.get(0)?,
                ver: (r.get(1)?, r.get(2)?),
            })
        })
        .optional()
}

pub(super) fn set_row_version(
    tx: &Db,
    table: &str,
    key: &str,
    removed: bool,
    ver: &Ver,
    seq: i64,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_row(tbl, row_key, deleted, clock, site, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT(tbl, row_key) DO UPDATE SET deleted = excluded.deleted, clock = excluded.clock, \
         site = excluded.site, seq = excluded.seq",
    )?
    .execute(params![table, key, removed, ver.0, ver.1, seq])
    .map(|_| ())
}

pub(super) struct CellVer {
    pub hash: Hash,
    pub ver: Ver,
    pub replaced: Ver,
}

pub(super) fn cell_version(tx: &Db, table: &str, key: &str, col: &str) -> Result<Option<CellVer>> {
    tx.prepare_cached(
        "SELECT hash, clock, site, prev_clock, prev_site FROM sync_cell \
         WHERE tbl = ?1 AND row_key = ?2 AND col = ?3",
    )?
    .query_row(params![table, key, col], |r| {
        Ok(CellVer {
            hash: r.get(0)?,
            ver: (r.get(1)?, r.get(2)?),
            replaced: (r.get(3)?, r.get(4)?),
        })
    })
    .optional()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn set_cell_version(
    tx: &Db,
    table: &str,
    key: &str,
    col: &str,
    hash: &Hash,
    ver: &Ver,
    replaced: &Ver,
    seq: i64,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_cell(tbl, row_key, col, hash, clock, site, prev_clock, prev_site, seq) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT(tbl, row_key, col) DO UPDATE SET hash = excluded.hash, clock = excluded.clock, \
         site = excluded.site, prev_clock = excluded.prev_clock, prev_site = excluded.prev_site, \
         seq = excluded.seq",
    )?
    .execute(params![table, key, col, hash, ver.0, ver.1, replaced.0, replaced.1, seq])
    .map(|_| ())
}

/// Reads every row of `t` as (key, values in column order).
pub(super) fn read_all(tx: &Db, t: &TableInfo) -> Result<Vec<(Vec<i64>, Vec<Value>)>> {
    let pk =
        t.pk.iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
    let sql = format!("SELECT {pk}, {} FROM \"{}\"", quoted_columns(t), t.name);
    let mut stmt = tx.prepare(&sql)?;
    let k = t.pk.len();
    let n = t.columns.len();
    stmt.query_map((), |r| {
        let key = (0..k)
            .map(|i| r.get::<_, i64>(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let values = (0..n)
            .map(|i| r.get::<_, Value>(k + i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((key, values))
    })?
    .collect()
}

/// One row of `t` by key, values in column order.
pub(super) fn read_row(tx: &Db, t: &TableInfo, key: &[i64]) -> Result<Option<Vec<Value>>> {
    let sql = format!(
        "SELECT {} FROM \"{}\" WHERE {}",
        quoted_columns(t),
        t.name,
        key_where(t, 1)
    );
    let n = t.columns.len();
    tx.prepare_cached(&sql)?
        .query_row(crate::store::db::params_from_iter(key.iter()), |r| {
            (0..n).map(|i| r.get::<_, Value>(i)).collect()
        })
        .optional()
}

/// Records every change since the last scan with a new version of this installation;
/// returns the rows it found removed (table, key).
pub(super) fn scan(tx: &Db, tables: &[TableInfo]) -> Result<Vec<(String, String)>> {
    let site = site(tx)?;
    let mut stamp: Option<(Ver, i64)> = None;
    let next = |stamp: &mut Option<(Ver, i64)>| -> (Ver, i64) {
        stamp
            .get_or_insert_with(|| ((site.clock + 1, site.key.clone()), site.seq + 1))
            .clone()
    };
    let mut removed = Vec::new();
    for t in tables {
        let mut alive: HashMap<String, bool> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT row_key, deleted FROM sync_row WHERE tbl = ?1")?;
            for r in stmt.query_map([&t.name], |r| Ok((r.get(0)?, !r.get::<_, bool>(1)?)))? {
                let (key, live) = r?;
                alive.insert(key, live);
            }
        }
        let mut cells: HashMap<(String, String), (Hash, Ver)> = HashMap::new();
        {
            let mut stmt =
                tx.prepare("SELECT row_key, col, hash, clock, site FROM sync_cell WHERE tbl = ?1")?;
            let found = stmt.query_map([&t.name], |r| {
                Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, (r.get(3)?, r.get(4)?))))
            })?;
            for r in found {
                let (k, v) = r?;
                cells.insert(k, v);
            }
        }
        let mut seen = HashSet::new();
        for (key, values) in read_all(tx, t)? {
            let key = row_key(&key);
            if alive.get(&key) != Some(&true) {
                let (ver, seq) = next(&mut stamp);
                set_row_version(tx, &t.name, &key, false, &ver, seq)?;
            }
            for (col, value) in t.columns.iter().zip(values) {
                let hash = hash_value(&value);
                let known = cells.remove(&(key.clone(), col.clone()));
                if known.as_ref().map(|(h, _)| h) != Some(&hash) {
                    let (ver, seq) = next(&mut stamp);
                    let replaced = known.map(|(_, v)| v).unwrap_or((0, String::new()));
                    set_cell_version(tx, &t.name, &key, col, &hash, &ver, &replaced, seq)?;
                }
            }
            seen.insert(key);
        }
        for (key, is_alive) in alive {
            if is_alive && !seen.contains(&key) {
                let (ver, seq) = next(&mut stamp);
                set_row_version(tx, &t.name, &key, true, &ver, seq)?;
                removed.push((t.name.clone(), key));
            }
        }
    }
    if let Some(((clock, _), seq)) = stamp {
        save_clock(tx, clock, seq)?;
    }
    Ok(removed)
}
