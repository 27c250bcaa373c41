//! Writing rows: one binding per table (named parameters, `:column`) shared by its INSERT
//! and its UPDATE, and the one place where new ids are made.
//!
//! The SQL is built from the binding's own column names, which are constants in this
//! module's callers, never from user input.

use rusqlite::{Connection, ToSql};

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

/// The id for a new row of `table`. Ids are made here and only here, so that the next
/// step (ids that never collide between two databases) changes one function.
pub(super) fn new_id(tx: &Connection, table: &str) -> rusqlite::Result<i64> {
    tx.query_row(
        &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
        [],
        |r| r.get(0),
    )
}

/// Ids for many new rows of one table in one write transaction (the bulk generator):
/// the first from [`new_id`], then counted on without asking the table again.
pub(super) struct Ids(i64);

impl Ids {
    pub(super) fn of(tx: &Connection, table: &str) -> rusqlite::Result<Self> {
        new_id(tx, table).map(Ids)
    }

    pub(super) fn next(&mut self) -> i64 {
        let id = self.0;
        self.0 += 1;
        id
    }
}

/// Inserts a row of `table` with `id` (a new one when None) and returns the id.
pub(super) fn insert(
    tx: &Connection,
    table: &str,
    id: Option<i64>,
    binding: &Binding,
) -> rusqlite::Result<i64> {
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
pub(super) fn update(
    tx: &Connection,
    table: &str,
    id: i64,
    binding: &Binding,
) -> rusqlite::Result<usize> {
    tx.prepare_cached(&update_sql(table, binding))?
        .execute(named(&id, binding).as_slice())
}

/// `UPDATE table SET col = :col, … WHERE id = :id` for `binding`.
pub(super) fn update_sql(table: &str, binding: &Binding) -> String {
    let set: Vec<String> = binding
        .iter()
        .map(|(name, _)| format!("{} = {name}", &name[1..]))
        .collect();
    format!("UPDATE {table} SET {} WHERE id = :id", set.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")
            .unwrap();
        c
    }

    fn row(c: &Connection, id: i64) -> (String, Option<i64>) {
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
        assert_eq!(
            (first, second),
            (1, 2),
            "ids made here, one after the other"
        );
        assert_eq!(
            row(&c, 2),
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
        assert_eq!(new_id(&c, "t").unwrap(), 41);
        assert!(insert(&c, "t", Some(40), &binding![":name" => "B"]).is_err());
        let mut ids = Ids::of(&c, "t").unwrap();
        assert_eq!((ids.next(), ids.next()), (41, 42));
    }
}
