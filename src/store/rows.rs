//! Writing rows: one binding per table (named parameters, `:column`) shared by its INSERT
//! and its UPDATE, and the one place where new ids are made.
//!
//! The SQL is built from the binding's own column names, which are constants in this
//! module's callers, never from user input.

use super::db::Db;
use crate::store::Result;
use rusqlite::ToSql;

/// A row's columns by name (`":date"`), each with its value; the id is not part of it.
pub(super) type Binding<'a> = Vec<(&'static str, Box<dyn ToSql + 'a>)>;

/// One value of a binding, borrowed (`&a.date`) or made for the row (`a.kind.key()`).
pub(super) fn val<'a, T: ToSql + 'a>(v: T) -> Box<dyn ToSql + 'a> {
    Box::new(v)
}

/// `binding![":date" => &a.date, ":count" => a.count]`
macro_rules! binding {
    ($($name:literal => $value:expr),* $(,)?) => {
        vec![$(($name, $crate::store::rows::val($value))),*]
    };
}
pub(super) use binding;

/// The binding as rusqlite's named parameters, with `:id` first.
pub(super) fn named<'b>(id: &'b i64, binding: &'b Binding) -> Vec<(&'b str, &'b dyn ToSql)> {
    let mut named: Vec<(&str, &dyn ToSql)> = vec![(":id", id)];
    named.extend(binding.iter().map(|(n, v)| (*n, v.as_ref() as &dyn ToSql)));
    named
}

/// The id for a new row of `table`. Ids are made here and only here.
///
/// An id must never be one that another database could also give, because two databases
/// exchange rows (the session of `store::sync`): it is the milliseconds since 2020 in the
/// high bits and 20 random bits below, so that ids still sort in the order rows were made
/// (lists break ties on dates by id). Within one table it also stays above every id there,
/// should the clock have gone back.
pub(super) fn new_id(tx: &Db, table: &str) -> Result<i64> {
    let max: i64 = tx.query_row(
        &format!("SELECT coalesce(max(id), 0) FROM {table}"),
        (),
        |r| r.get(0),
    )?;
    Ok(fresh_id().max(max.saturating_add(1)))
}

/// A time-ordered random id (see [`new_id`]), positive in 63 bits.
pub(crate) fn fresh_id() -> i64 {
    let since_2020 = chrono::Utc::now().timestamp_millis() - 1_577_836_800_000;
    (since_2020.max(0) << 20) | i64::from(rand::random::<u32>() & 0xF_FFFF)
}

/// An id derived from what a row is (a kommun's name, a löfte's kommun and period), so
/// that two installations that create the same kommun agree on its id.
pub(crate) fn derived_id(parts: &[&str]) -> i64 {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"trygghetstavlan-id");
    for p in parts {
        h.update([0u8]);
        h.update(p.as_bytes());
    }
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    // Positive and never 0 (`XId::NEW`).
    (u64::from_be_bytes(b) >> 1).max(1) as i64
}

/// The derived id of a new row of `table` when it is free, else a new one (a kommun
/// renamed and its old name used again).
pub(super) fn natural_id(tx: &Db, table: &str, parts: &[&str]) -> Result<i64> {
    let id = derived_id(parts);
    let taken: bool = tx.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if taken { new_id(tx, table) } else { Ok(id) }
}

/// Ids for many new rows of one table in one write transaction (the bulk generator):
/// the first from [`new_id`], then counted on without asking the table again.
pub(super) struct Ids(i64);

impl Ids {
    pub(super) fn of(tx: &Db, table: &str) -> Result<Self> {
        new_id(tx, table).map(Ids)
    }

    pub(super) fn next(&mut self) -> i64 {
        let id = self.0;
        self.0 += 1;
        id
    }
}

/// Inserts a row of `table` with `id` (a new one when None) and returns the id.
pub(super) fn insert(tx: &Db, table: &str, id: Option<i64>, binding: &Binding) -> Result<i64> {
    let id = match id {
        Some(id) => id,
        None => new_id(tx, table)?,
    };
    let columns: Vec<&str> = binding.iter().map(|(name, _)| &name[1..]).collect();
    let values: Vec<&str> = binding.iter().map(|(name, _)| *name).collect();
    let sql = format!(
        "INSERT INTO {table}(id, {}) VALUES (:id, {})",
        columns.join(", "),
        values.join(", ")
    );
    tx.prepare_cached(&sql)?
        .execute(named(&id, binding).as_slice())?;
    Ok(id)
}

/// Updates row `id` of `table`; returns how many rows changed (0: there is no such row).
pub(super) fn update(tx: &Db, table: &str, id: i64, binding: &Binding) -> Result<usize> {
    tx.prepare_cached(&update_sql(table, binding))?
        .execute(named(&id, binding).as_slice())
}

/// Updates row `id` of `table` only if it is still at `version` (the edit counter it was
/// read at), and counts the edit. Someone else's save in between refuses it
/// ([`StoreError::ChangedByOthers`]) and nothing is overwritten; a row that is gone is
/// [`StoreError::NotFound`] with `what` naming it.
pub(super) fn update_versioned(
    tx: &Db,
    table: &str,
    id: i64,
    version: i64,
    binding: &Binding,
    what: impl FnOnce() -> String,
) -> Result<()> {
    let sql = format!(
        "UPDATE {table} SET {}, version = version + 1 WHERE id = :id AND version = :version",
        set_list(binding)
    );
    let mut params = named(&id, binding);
    params.push((":version", &version));
    if tx.prepare_cached(&sql)?.execute(params.as_slice())? == 1 {
        return Ok(());
    }
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    Err(if exists {
        super::StoreError::ChangedByOthers
    } else {
        super::StoreError::NotFound(what())
    })
}

/// `UPDATE table SET col = :col, … WHERE id = :id` for `binding`.
pub(super) fn update_sql(table: &str, binding: &Binding) -> String {
    format!("UPDATE {table} SET {} WHERE id = :id", set_list(binding))
}

/// `col = :col, …` for `binding`.
fn set_list(binding: &Binding) -> String {
    binding
        .iter()
        .map(|(name, _)| format!("{} = {name}", &name[1..]))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Db<'static> {
        let c = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        c.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")
            .unwrap();
        c
    }

    fn row(c: &Db, id: i64) -> (String, Option<i64>) {
        c.query_row("SELECT name, n FROM t WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    }

    #[test]
    fn one_binding_inserts_and_updates_by_name() {
        let c = table();
        let first = insert(&c, "t", None, &binding![":name" => "Torget", ":n" => 3]).unwrap();
        let second = insert(
            &c,
            "t",
            None,
            &binding![":n" => None::<i64>, ":name" => "Parken"],
        )
        .unwrap();
        assert!(
            first > 1 << 40 && second > first,
            "ids made here, time-ordered: {first}, {second}"
        );
        assert_eq!(
            row(&c, second),
            ("Parken".into(), None),
            "bound by name, not by place"
        );
        let changed = update(
            &c,
            "t",
            first,
            &binding![":name" => "Stortorget", ":n" => 4],
        );
        assert_eq!(changed.unwrap(), 1);
        assert_eq!(row(&c, first), ("Stortorget".into(), Some(4)));
        assert_eq!(
            update(&c, "t", 99, &binding![":n" => 1]).unwrap(),
            0,
            "no such row"
        );
    }

    #[test]
    fn an_own_id_is_kept_and_a_taken_one_refused() {
        let c = table();
        assert_eq!(
            insert(&c, "t", Some(40), &binding![":name" => "A"]).unwrap(),
            40
        );
        assert!(new_id(&c, "t").unwrap() > 1 << 40);
        assert!(insert(&c, "t", Some(40), &binding![":name" => "B"]).is_err());
        let mut ids = Ids::of(&c, "t").unwrap();
        let (a, b) = (ids.next(), ids.next());
        assert!(a > 1 << 40 && b == a + 1);
        // Above every id of the table, should the clock have gone back.
        let ahead = fresh_id() + (1 << 50);
        insert(&c, "t", Some(ahead), &binding![":name" => "C"]).unwrap();
        assert_eq!(new_id(&c, "t").unwrap(), ahead + 1);
    }
}
