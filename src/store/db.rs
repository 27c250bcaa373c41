//! The two engines behind the store: SQLite (a file on this computer) and PostgreSQL (a
//! server a polisregion's IT runs). The store's queries are written once, in SQL both
//! understand, against this small connection type; nothing above the store knows which
//! engine it talks to.
//!
//! Values travel as SQLite's (`rusqlite::types::Value`): the domain's `ToSql`/`FromSql`
//! column types serve both engines. On PostgreSQL a value is converted at the edge to the
//! column's own type (`date`, `boolean`, `jsonb`, `bytea`, `bigint`), as the server
//! describes each parameter of a prepared statement, and back when read.
//!
//! Parameters are written the SQLite way (`?1`, `:name`); for PostgreSQL the statement is
//! rewritten to `$n` once and remembered.

use super::pgwire::{Bind, ServerValue, translate};
use super::{Result, StoreError};
use rusqlite::types::{FromSql, ToSql, ToSqlOutput, Value, ValueRef};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// A statement's parameters: positional (`?1`) or named (`:date`), as rusqlite's `params!`,
/// `named_params!`, an array, or `()` for none.
pub(crate) trait Params {
    fn args(&self) -> Args<'_>;
}

pub(crate) enum Args<'a> {
    Positional(Vec<&'a dyn ToSql>),
    Named(Vec<(&'a str, &'a dyn ToSql)>),
}

impl Params for () {
    fn args(&self) -> Args<'_> {
        Args::Positional(Vec::new())
    }
}

impl<T: ToSql, const N: usize> Params for [T; N] {
    fn args(&self) -> Args<'_> {
        Args::Positional(self.iter().map(|v| v as &dyn ToSql).collect())
    }
}

impl Params for &[&dyn ToSql] {
    fn args(&self) -> Args<'_> {
        Args::Positional(self.to_vec())
    }
}

impl Params for &[(&str, &dyn ToSql)] {
    fn args(&self) -> Args<'_> {
        Args::Named(self.to_vec())
    }
}

impl<T: ToSql> Params for Vec<T> {
    fn args(&self) -> Args<'_> {
        Args::Positional(self.iter().map(|v| v as &dyn ToSql).collect())
    }
}

/// How a violated constraint on the server starts its message (see [`server_error`]).
pub(crate) const CONSTRAINT: &str = "Villkor: ";

/// A server error as the store reports it: an unreachable server, a refused constraint
/// (for Ångra's conflict), a transaction to retry, or the server's own words.
pub(crate) fn server_error(e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    match e.code() {
        Some(c)
            if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED =>
        {
            StoreError::Busy
        }
        Some(c) if c.code().starts_with("23") => StoreError::Server(format!(
            "{CONSTRAINT}{}",
            e.as_db_error().map(|d| d.message()).unwrap_or_default()
        )),
        Some(_) => StoreError::Server(
            e.as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string()),
        ),
        // No answer from the server: the connection failed or was lost.
        None if e.is_closed() || source_is_io(&e) => StoreError::Unreachable(with_causes(&e)),
        None => StoreError::Server(match std::error::Error::source(&e) {
            Some(s) => format!("{e}: {s}"),
            None => e.to_string(),
        }),
    }
}

/// The error and what caused it ("error performing TLS handshake: invalid peer
/// certificate: UnknownIssuer").
fn with_causes(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut s = std::error::Error::source(e);
    while let Some(x) = s {
        let part = x.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        s = x.source();
    }
    text
}

fn source_is_io(e: &postgres::Error) -> bool {
    let mut s = std::error::Error::source(e);
    while let Some(x) = s {
        if x.is::<std::io::Error>() {
            return true;
        }
        s = x.source();
    }
    false
}

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub(crate) struct Db<'c> {
    inner: Inner<'c>,
}

enum Inner<'c> {
    Sqlite(Conn<'c>),
    Pg(Box<Pg>),
}

/// A SQLite connection of the store's own, or one lent by a migration hook.
enum Conn<'c> {
    Owned(rusqlite::Connection),
    Lent(&'c rusqlite::Connection),
}

impl std::ops::Deref for Conn<'_> {
    type Target = rusqlite::Connection;
    fn deref(&self) -> &rusqlite::Connection {
        match self {
            Conn::Owned(c) => c,
            Conn::Lent(c) => c,
        }
    }
}

/// A PostgreSQL connection with its statements prepared once, and the transaction depth
/// (the server does not say whether one is open).
pub(crate) struct Pg {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, Prepared>>,
    depth: Cell<u32>,
    /// The server process of this connection: notifications from it are our own writes.
    pub(crate) backend: i32,
}

#[derive(Clone)]
pub(crate) struct Prepared {
    statement: postgres::Statement,
    /// The named parameters in `$n` order (empty for positional statements).
    names: Rc<Vec<String>>,
    columns: Rc<Vec<String>>,
}

impl Db<'static> {
    pub(crate) fn sqlite(conn: rusqlite::Connection) -> Db<'static> {
        Db {
            inner: Inner::Sqlite(Conn::Owned(conn)),
        }
    }

    pub(crate) fn postgres(mut client: postgres::Client) -> Result<Db<'static>> {
        let backend: i32 = client.query_one("SELECT pg_backend_pid()", &[])?.get(0);
        Ok(Db {
            inner: Inner::Pg(Box::new(Pg {
                client: RefCell::new(client),
                statements: RefCell::new(HashMap::new()),
                depth: Cell::new(0),
                backend,
            })),
        })
    }
}

impl<'c> Db<'c> {
    /// The store's queries on a connection a migration lends for the length of a hook.
    pub(crate) fn lent(conn: &'c rusqlite::Connection) -> Db<'c> {
        Db {
            inner: Inner::Sqlite(Conn::Lent(conn)),
        }
    }

    pub(crate) fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Pg(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only a file has (pragmas, the backup API).
    pub(crate) fn file(&self) -> Result<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c),
            Inner::Pg(_) => Err(StoreError::NotOnServer),
        }
    }

    pub(crate) fn file_mut(&mut self) -> Result<&mut rusqlite::Connection> {
        match &mut self.inner {
            Inner::Sqlite(Conn::Owned(c)) => Ok(c),
            _ => Err(StoreError::NotOnServer),
        }
    }

    pub(crate) fn server(&self) -> Option<&Pg> {
        match &self.inner {
            Inner::Sqlite(_) => None,
            Inner::Pg(p) => Some(p),
        }
    }

    pub(crate) fn is_autocommit(&self) -> bool {
        match &self.inner {
            Inner::Sqlite(c) => c.is_autocommit(),
            Inner::Pg(p) => p.depth.get() == 0,
        }
    }

    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Pg(p) => Ok(p.client.borrow_mut().batch_execute(sql)?),
        }
    }

    pub(crate) fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    pub(crate) fn prepare(&self, sql: &str) -> Result<Stmt<'_>> {
        self.prepare_cached(sql)
    }

    pub(crate) fn prepare_cached(&self, sql: &str) -> Result<Stmt<'_>> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(Stmt::Sqlite(c.prepare_cached(sql)?)),
            Inner::Pg(p) => Ok(Stmt::Pg(p, p.prepared(sql)?)),
        }
    }

    /// Foreign keys checked at commit instead of per statement (re-keying, exchange).
    pub(crate) fn defer_foreign_keys(&self) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.pragma_update(None, "defer_foreign_keys", "ON")?),
            Inner::Pg(p) => Ok(p
                .client
                .borrow_mut()
                .batch_execute("SET CONSTRAINTS ALL DEFERRED")?),
        }
    }

    /// Starts a write transaction, or a savepoint inside one. SQLite's IMMEDIATE takes the
    /// write lock up front, so a second program waits (busy timeout) instead of failing
    /// half-way; on the server rows are locked as they are written.
    pub(crate) fn begin(&self) -> Result<Tx<'_>> {
        let nested = self.start()?;
        Ok(Tx {
            db: self,
            nested,
            open: true,
        })
    }

    /// Begins the transaction of [`Store::atomically`](super::Store::atomically), which
    /// hands the whole store to its closure; [`Db::end_outer`] ends it.
    pub(crate) fn begin_outer(&self) -> Result<()> {
        self.start().map(|_| ())
    }

    /// Opens a transaction, or a savepoint inside one (returns whether it is nested).
    fn start(&self) -> Result<bool> {
        let nested = !self.is_autocommit();
        let sql = match (nested, self.engine()) {
            (true, _) => "SAVEPOINT w",
            (false, Engine::Sqlite) => "BEGIN IMMEDIATE",
            (false, Engine::Postgres) => "BEGIN",
        };
        self.execute_batch(sql)?;
        if let Inner::Pg(p) = &self.inner {
            p.depth.set(p.depth.get() + 1);
        }
        Ok(nested)
    }

    pub(crate) fn end_outer(&self, commit: bool) -> Result<()> {
        self.end(if commit { "COMMIT" } else { "ROLLBACK" })
    }

    fn end(&self, sql: &str) -> Result<()> {
        let r = self.execute_batch(sql);
        if let Inner::Pg(p) = &self.inner {
            p.depth.set(p.depth.get().saturating_sub(1));
        }
        r
    }
}

/// A write transaction (or a savepoint in one). Dropped without `commit`, it rolls back.
pub(crate) struct Tx<'a> {
    db: &'a Db<'a>,
    nested: bool,
    open: bool,
}

impl Tx<'_> {
    pub(crate) fn commit(mut self) -> Result<()> {
        self.open = false;
        self.db
            .end(if self.nested { "RELEASE w" } else { "COMMIT" })
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            let sql = if self.nested {
                "ROLLBACK TO w; RELEASE w"
            } else {
                "ROLLBACK"
            };
            if let Err(e) = self.db.end(sql) {
                log::warn!("rollback: {e}");
            }
        }
    }
}

impl<'a> std::ops::Deref for Tx<'a> {
    type Target = Db<'a>;
    fn deref(&self) -> &Db<'a> {
        self.db
    }
}

pub(crate) enum Stmt<'a> {
    Sqlite(rusqlite::CachedStatement<'a>),
    Pg(&'a Pg, Prepared),
}

impl Stmt<'_> {
    pub(crate) fn execute(&mut self, params: impl Params) -> Result<usize> {
        match self {
            Stmt::Sqlite(st) => Ok(match params.args() {
                Args::Positional(v) => st.execute(v.as_slice())?,
                Args::Named(v) => st.execute(v.as_slice())?,
            }),
            Stmt::Pg(p, prep) => {
                let values = pg_values(prep, params.args())?;
                let n = p
                    .client
                    .borrow_mut()
                    .execute(&prep.statement, &refs(&values))?;
                Ok(n as usize)
            }
        }
    }

    /// Every row mapped by `f`, read before the first is handed over.
    pub(crate) fn query_map<T>(
        &mut self,
        params: impl Params,
        mut f: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        let mut out = Vec::new();
        match self {
            Stmt::Sqlite(st) => {
                let mut rows = match params.args() {
                    Args::Positional(v) => st.query(v.as_slice())?,
                    Args::Named(v) => st.query(v.as_slice())?,
                };
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r)).map_err(Into::into));
                }
            }
            Stmt::Pg(p, prep) => {
                for r in p.query(prep, params.args())? {
                    let row = PgRow::read(&r, prep.columns.clone())?;
                    out.push(f(&Row::Pg(&row)).map_err(Into::into));
                }
            }
        }
        Ok(out.into_iter())
    }

    pub(crate) fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> rusqlite::Result<T>,
    ) -> Result<T> {
        match self {
            // Only the first row is read, as rusqlite does.
            Stmt::Sqlite(st) => Ok(match params.args() {
                Args::Positional(v) => st.query_row(v.as_slice(), |r| f(&Row::Sqlite(r)))?,
                Args::Named(v) => st.query_row(v.as_slice(), |r| f(&Row::Sqlite(r)))?,
            }),
            Stmt::Pg(p, prep) => {
                let rows = p.query(prep, params.args())?;
                let first = rows
                    .first()
                    .ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))?;
                let row = PgRow::read(first, prep.columns.clone())?;
                Ok(f(&Row::Pg(&row))?)
            }
        }
    }

    pub(crate) fn column_count(&self) -> usize {
        match self {
            Stmt::Sqlite(st) => st.column_count(),
            Stmt::Pg(_, prep) => prep.columns.len(),
        }
    }

    pub(crate) fn column_index(&self, name: &str) -> Result<usize> {
        match self {
            Stmt::Sqlite(st) => Ok(st.column_index(name)?),
            Stmt::Pg(_, prep) => {
                prep.columns.iter().position(|c| c == name).ok_or_else(|| {
                    StoreError::Sqlite(rusqlite::Error::InvalidColumnName(name.into()))
                })
            }
        }
    }
}

/// One row of a result, from either engine.
pub(crate) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Pg(&'a PgRow),
}

pub(crate) struct PgRow {
    columns: Rc<Vec<String>>,
    values: Vec<Value>,
}

/// A column by position or by name.
pub(crate) trait ColumnIndex: rusqlite::RowIndex {
    fn position(&self, columns: &[String]) -> Option<usize>;
}

impl ColumnIndex for usize {
    fn position(&self, columns: &[String]) -> Option<usize> {
        (*self < columns.len()).then_some(*self)
    }
}

impl ColumnIndex for &str {
    fn position(&self, columns: &[String]) -> Option<usize> {
        columns.iter().position(|c| c == self)
    }
}

impl Row<'_> {
    pub(crate) fn get<I: ColumnIndex, T: FromSql>(&self, i: I) -> rusqlite::Result<T> {
        match self {
            Row::Sqlite(r) => r.get(i),
            Row::Pg(r) => {
                let Some(at) = i.position(&r.columns) else {
                    return Err(rusqlite::Error::InvalidColumnName(format!(
                        "{:?}",
                        r.columns
                    )));
                };
                let v = &r.values[at];
                T::column_result(ValueRef::from(v)).map_err(|e| match e {
                    rusqlite::types::FromSqlError::InvalidType => {
                        rusqlite::Error::InvalidColumnType(
                            at,
                            r.columns[at].clone(),
                            ValueRef::from(v).data_type(),
                        )
                    }
                    rusqlite::types::FromSqlError::OutOfRange(n) => {
                        rusqlite::Error::IntegralValueOutOfRange(at, n)
                    }
                    other => rusqlite::Error::FromSqlConversionFailure(
                        at,
                        ValueRef::from(v).data_type(),
                        Box::new(other),
                    ),
                })
            }
        }
    }
}

impl PgRow {
    fn read(r: &postgres::Row, columns: Rc<Vec<String>>) -> Result<PgRow> {
        let mut values = Vec::with_capacity(columns.len());
        for i in 0..r.len() {
            let c: ServerValue = r.try_get(i)?;
            values.push(c.0);
        }
        Ok(PgRow { columns, values })
    }
}

impl Pg {
    /// Runs a prepared statement with `args` and returns its rows.
    fn query(&self, prep: &Prepared, args: Args<'_>) -> Result<Vec<postgres::Row>> {
        let values = pg_values(prep, args)?;
        Ok(self
            .client
            .borrow_mut()
            .query(&prep.statement, &refs(&values))?)
    }

    fn prepared(&self, sql: &str) -> Result<Prepared> {
        if let Some(p) = self.statements.borrow().get(sql) {
            return Ok(p.clone());
        }
        let (text, names) = translate(sql);
        let statement = self.client.borrow_mut().prepare(&text)?;
        let columns = statement
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let p = Prepared {
            statement,
            names: Rc::new(names),
            columns: Rc::new(columns),
        };
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), p.clone());
        Ok(p)
    }

    /// Notifications of other connections' commits since the last call (LISTEN/NOTIFY),
    /// without waiting.
    pub(crate) fn others_changes(&self) -> Result<u64> {
        let mut client = self.client.borrow_mut();
        // A round trip makes the connection read what the server sent meanwhile; without
        // one, notifications can wait in the socket.
        client.batch_execute("SELECT 1")?;
        let mut n = 0;
        let mut all = client.notifications();
        let mut it = all.iter();
        while let Some(note) = postgres::fallible_iterator::FallibleIterator::next(&mut it)? {
            if note.process_id() != self.backend {
                n += 1;
            }
        }
        Ok(n)
    }
}

/// Bound values as the client takes them.
fn refs(values: &[Bind]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    values
        .iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

/// The values of `args` in the statement's `$n` order.
fn pg_values(prep: &Prepared, args: Args<'_>) -> Result<Vec<Bind>> {
    let value = |v: &dyn ToSql| -> Result<Bind> {
        Ok(Bind(match v.to_sql()? {
            ToSqlOutput::Borrowed(r) => match r {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Integer(i),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            },
            ToSqlOutput::Owned(v) => v,
            _ => return Err(StoreError::Corrupt("ett värde av okänd sort".into())),
        }))
    };
    match args {
        Args::Positional(v) => v.into_iter().map(value).collect(),
        Args::Named(v) => prep
            .names
            .iter()
            .map(|name| {
                v.iter()
                    .find(|(n, _)| n.trim_start_matches(':') == name)
                    .ok_or_else(|| {
                        StoreError::Sqlite(rusqlite::Error::InvalidParameterName(name.clone()))
                    })
                    .and_then(|(_, v)| value(*v))
            })
            .collect(),
    }
}

/// The values of `it` as a statement's positional parameters.
pub(crate) fn params_from_iter<T: ToSql>(it: impl IntoIterator<Item = T>) -> Vec<T> {
    it.into_iter().collect()
}

/// `Option` for a query that may find no row.
pub(crate) trait Optional<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> Optional<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
