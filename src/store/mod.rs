//! The SQLite store: opening, pragmas, migrations and a façade that returns domain types.
//!
//! Every write is one transaction. A file that is not ours, is damaged or comes from a
//! newer version is refused before anything is written to it.

mod activities;
mod agreements;
mod assessments;
mod authoring;
mod backup;
mod board;
mod columns;
pub(crate) mod db;
pub mod health;
mod incidents;
mod indicators;
mod meetings;
mod municipalities;
mod pgwire;
mod pledges;
mod rekey;
mod removal;
mod rows;
mod schema;
pub mod server;
pub mod sync;
pub mod synthetic;
mod tables;
mod transfer;
mod walks;

#[cfg(test)]
mod tests;

use columns::{Names, names, prefixed};

pub use crate::domain::situation::IncidentDraft;
pub use backup::{
    CopyKind, KEEP_DAILY, KEEP_SAFETY, backup_dir, copy_info, copy_name, restore_unopenable,
    verify_copy,
};
pub use db::Engine;
pub use incidents::IncidentImport;
pub use removal::Removed;
pub use schema::LATEST_VERSION;
pub use server::server_url;
pub use transfer::Copied;
pub use walks::{DeletedObservation, DeletedWalk};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// "Tryg": marks a database file as Trygghetstavlan's.
pub const APPLICATION_ID: i32 = 0x5472_7967;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Mappen för databasen finns inte: {0}")]
    MissingFolder(PathBuf),
    #[error(
        "{0} är en länk till en fil som inte finns. Ange databasfilen själv, eller ta bort länken."
    )]
    DanglingLink(PathBuf),
    #[error("Filen {0} är tom och är ingen Trygghetstavlan-databas. Filen har inte ändrats.")]
    EmptyFile(PathBuf),
    #[error(
        "Filen {0} är ingen databas eller är skadad. Filen har inte ändrats. Återställ från en säkerhetskopia (Säkerhetskopior… i fönstret, eller trygghetstavlan restore FIL) eller välj en annan fil med --db."
    )]
    NotADatabase(PathBuf),
    #[error(
        "Filen {0} är en databas från ett annat program, inte från Trygghetstavlan. Filen har inte ändrats."
    )]
    ForeignDatabase(PathBuf),
    #[error(
        "Databasen är skapad av en nyare version av Trygghetstavlan (schemaversion {found}, denna version förstår {supported}). Uppdatera programmet. Filen har inte ändrats."
    )]
    TooNew { found: i64, supported: i64 },
    #[error("Databasen används av ett annat program just nu. Vänta en stund och försök igen.")]
    Busy,
    #[error("Databasfilen är skrivskyddad: {0}. Välj en fil du har rätt att ändra.")]
    ReadOnly(PathBuf),
    #[error(transparent)]
    Invalid(#[from] crate::validate::Invalid),
    #[error(
        "Säkerhetskopian har en äldre schemaversion ({0}); öppna den med --db först så uppgraderas den."
    )]
    OldBackup(i64),
    #[error("Grunddata kunde inte läsas: {0}")]
    Seed(String),
    #[error("Ett värde i databasen är skadat: {0}. Återställ från en säkerhetskopia.")]
    Corrupt(String),
    #[error("{0} finns inte.")]
    NotFound(String),
    #[error("Löftet har {0} insatser. Ta bort dem också, eller låt löftet vara kvar.")]
    HasActivities(u32),
    #[error("Kunde inte spara säkerhetskopian: {0}")]
    Backup(String),
    #[error(
        "Kunde inte göra en säkerhetskopia före uppgraderingen: {0}. Databasen har inte ändrats."
    )]
    MigrationBackup(String),
    #[error("Kopian {0} är skadad eller ofullständig och används inte. Välj en annan kopia.")]
    DamagedCopy(PathBuf),
    #[error(
        "Databasen är skadad. Återställ den från en säkerhetskopia: Säkerhetskopior… i fönstret, eller trygghetstavlan restore FIL."
    )]
    Damaged,
    #[error(
        "Det går inte att ångra: uppgifterna har ändrats sedan dess (till exempel av en återställning eller ett annat program)."
    )]
    UndoConflict,
    #[error("Databasfel: {0}")]
    Sqlite(rusqlite::Error),
    #[error("Databasservern: {0}")]
    Server(String),
    #[error(
        "Databasservern svarar inte: {0}. Kontrollera adressen (--db postgres://…) och nätverket, eller fråga IT."
    )]
    Unreachable(String),
    #[error(
        "Databasserverns certifikat godkändes inte ({0}). Utfärdaren måste finnas bland datorns betrodda certifikat; fråga IT."
    )]
    Certificate(String),
    #[error("Det här görs med en databasfil, inte med en databasserver.")]
    NotOnServer,
    #[error("Ändrad av någon annan — visa deras version. Ingenting har skrivits över.")]
    ChangedByOthers,
    #[error("{0}")]
    Exchange(String),
    #[error("Migreringsfel: {0}")]
    Migration(String),
}

impl StoreError {
    /// For Ångra: a record that cannot go back because its id (or a value that must be
    /// unique) is taken now is a conflict, said as such; other errors stay what they are.
    pub fn as_undo_conflict(self) -> StoreError {
        match self {
            StoreError::Sqlite(ref s)
                if s.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) =>
            {
                StoreError::UndoConflict
            }
            StoreError::Server(ref s) if s.starts_with(db::CONSTRAINT) => StoreError::UndoConflict,
            StoreError::ChangedByOthers => StoreError::UndoConflict,
            other => other,
        }
    }

    /// The database file cannot be used at all; only a restore can help.
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self,
            StoreError::NotADatabase(_) | StoreError::EmptyFile(_) | StoreError::Damaged
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(PathBuf::new()),
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => StoreError::Damaged,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        db::server_error(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What opening found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A new, empty database was created: seed it.
    Created,
    /// An existing database at the latest schema.
    Existing,
    /// An existing database was migrated; the copy made first is beside it.
    Migrated { from: i64 },
}

pub struct Store {
    conn: db::Db<'static>,
    path: Option<PathBuf>,
    /// The server's address without its password, when the store is on PostgreSQL.
    server: Option<String>,
    /// Other programs' commits seen so far on the server (LISTEN/NOTIFY).
    others: std::cell::Cell<i64>,
    opened: Opened,
    backup: Option<PathBuf>,
}

impl Store {
    /// A fresh in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, None)
    }

    /// Opens the database at `path`; when there is none, builds it complete (schema and
    /// `init`, e.g. the seed kommuner) under a temporary name and only then gives it the
    /// real name. A start that is killed leaves no half-made database, and of two
    /// programs starting at once on a new file one creates it and the other opens it.
    pub fn open_or_create(
        path: &Path,
        init: impl FnOnce(&mut Store) -> Result<()>,
    ) -> Result<Store> {
        if path.exists() || server::server_url(path).is_some() {
            return Store::open(path);
        }
        // A link whose file is gone: SQLite would create an empty database at its target,
        // with none of the data the user expects there.
        if crate::files::is_link(path) {
            return Err(StoreError::DanglingLink(path.to_path_buf()));
        }
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && !parent.is_dir()
        {
            return Err(StoreError::MissingFolder(parent.to_path_buf()));
        }
        let tmp = backup::temp_beside(path)?;
        let tmp_path = tmp.path().to_path_buf();
        let built = (|| {
            let mut store = Store::open_empty(&tmp_path)?;
            init(&mut store)?;
            // Everything into the main file, so that the file alone is the database.
            store
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", (), |_| Ok(()))?;
            drop(store);
            backup::publish(tmp, path)
        })();
        backup::remove_journals(&tmp_path);
        match built {
            // Another program made it first: theirs is as good as ours.
            Ok(()) | Err(StoreError::Invalid(crate::validate::Invalid::FileExists(_))) => {
                let mut store = Store::open(path)?;
                store.opened = Opened::Created;
                Ok(store)
            }
            Err(e) => Err(e),
        }
    }

    /// Builds a new database in the empty file at `path` (a temporary file this program
    /// just created); [`Store::open`] refuses empty files.
    fn open_empty(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(e, path))?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// Opens (or creates, empty) the database file at `path`, or the database on the
    /// PostgreSQL server when `path` is its address (`postgres://…`).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(url) = server::server_url(path) {
            return Store::connect(url);
        }
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && !parent.is_dir()
        {
            return Err(StoreError::MissingFolder(parent.to_path_buf()));
        }
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(StoreError::NotADatabase(path.to_path_buf()));
            }
            if meta.len() == 0 {
                return Err(StoreError::EmptyFile(path.to_path_buf()));
            }
            // Checked from the permissions, so that it holds for every user (root too).
            if meta.permissions().readonly() {
                return Err(StoreError::ReadOnly(path.to_path_buf()));
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(e, path))?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let p = path.clone().unwrap_or_default();
        conn.busy_timeout(Duration::from_secs(3))?;
        // Read the header before anything writes to the file.
        let version = Header::read(&conn, &p)?.check(&p, false)?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly(p));
        }
        let mut backup = None;
        if version > 0
            && version < LATEST_VERSION
            && let Some(path) = &path
        {
            backup = Some(backup::migration_copy(&conn, path, version)?);
        }
        if path.is_some() {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(|e| map_open_error(e, &p))?;
            log::debug!("journal_mode = {mode}");
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted text (an internal note) is overwritten, not left in free pages.
        conn.pragma_update(None, "secure_delete", "ON")?;
        schema::migrate(&mut conn).map_err(|e| match e {
            StoreError::Sqlite(e) => map_open_error(e, &p),
            other => other,
        })?;
        let opened = match version {
            0 => Opened::Created,
            v if v < LATEST_VERSION => Opened::Migrated { from: v },
            _ => Opened::Existing,
        };
        Ok(Store {
            conn: db::Db::sqlite(conn),
            path,
            server: None,
            others: Default::default(),
            opened,
            backup,
        })
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so a second
    /// program on the same file waits (busy timeout) instead of failing half-way when a
    /// read inside the transaction would have to be upgraded to a write. Inside
    /// [`Store::atomically`] it is a savepoint of the enclosing transaction instead.
    fn write_tx(&mut self) -> Result<db::Tx<'_>> {
        self.conn.begin()
    }

    /// Runs `f` as one transaction: every write in it lands, or none does (a multi-step
    /// command such as an import or the demo data).
    pub fn atomically<T>(&mut self, mut f: impl FnMut(&mut Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        // On the server, a transaction that lost a deadlock to another editor's is rolled
        // back by it whole and is simply run again; a file's writers wait their turn.
        let attempts = if self.server.is_some() { 3 } else { 1 };
        let mut attempt = 1;
        loop {
            self.conn.begin_outer()?;
            let done = f(self).and_then(|v| self.conn.end_outer(true).map(|()| v));
            match done {
                Ok(v) => return Ok(v),
                Err(e) => {
                    // The error that caused the rollback is the one to report.
                    let _ = self.conn.end_outer(false);
                    if !matches!(e, StoreError::Busy) || attempt == attempts {
                        return Err(e);
                    }
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(20 * attempt));
                }
            }
        }
    }

    /// One UPDATE in its own transaction; [`StoreError::NotFound`] when no row matched.
    fn update_one<P: db::Params>(
        &mut self,
        sql: &str,
        params: P,
        what: impl FnOnce() -> String,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        if tx.execute(sql, params)? == 0 {
            return Err(StoreError::NotFound(what()));
        }
        tx.commit()?;
        Ok(())
    }

    /// The database on a PostgreSQL server (an empty one gets the schema; nothing is
    /// seeded: kommuner come with `import-sqlite` or are made in the window).
    pub fn connect(url: &str) -> Result<Store> {
        let (conn, created) = server::connect(url)?;
        Ok(Store {
            conn,
            path: None,
            server: Some(server::shown(url)),
            others: Default::default(),
            opened: if created {
                Opened::Created
            } else {
                Opened::Existing
            },
            backup: None,
        })
    }

    /// The server's address (without password) when the store is on PostgreSQL.
    pub fn server(&self) -> Option<&str> {
        self.server.as_deref()
    }

    pub fn engine(&self) -> db::Engine {
        self.conn.engine()
    }

    pub fn opened(&self) -> Opened {
        self.opened
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The copy made before a migration, if one was made.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Opens an existing file read-only, with the same checks as [`Store::open`], without
    /// migrating or changing it (for restore and inspection).
    pub fn open_readonly(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Err(_) => return Err(StoreError::NotFound(format!("Filen {}", path.display()))),
            Ok(m) if m.len() == 0 => return Err(StoreError::EmptyFile(path.to_path_buf())),
            Ok(_) => {}
        }
        let p = path.to_path_buf();
        // Opened read-only on purpose: "read-only" here means a cut-off or broken file.
        let unreadable = |e: StoreError| match e {
            StoreError::ReadOnly(_) => StoreError::NotADatabase(p.clone()),
            other => other,
        };
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| unreadable(map_open_error(e, path)))?;
        let version = Header::read(&conn, &p)
            .map_err(unreadable)?
            .check(&p, true)?;
        if version != LATEST_VERSION {
            return Err(StoreError::OldBackup(version));
        }
        Ok(Store {
            conn: db::Db::sqlite(conn),
            path: Some(p),
            server: None,
            others: Default::default(),
            opened: Opened::Existing,
            backup: None,
        })
    }

    /// Changes whenever another connection (another program) commits to the file.
    pub fn data_version(&self) -> Result<i64> {
        if let Some(pg) = self.conn.server() {
            let seen = self.others.get() + pg.others_changes()? as i64;
            self.others.set(seen);
            return Ok(seen);
        }
        self.conn.query_row("PRAGMA data_version", (), |r| r.get(0))
    }

    /// Refuses a damaged database: `PRAGMA quick_check` reads every page.
    pub fn check_health(&self) -> Result<()> {
        if self.server.is_some() {
            // The server checks its own pages; IT watches over it.
            return Ok(());
        }
        let r: String = self
            .conn
            .query_row("PRAGMA quick_check", (), |r| r.get(0))?;
        if r == "ok" {
            Ok(())
        } else {
            Err(StoreError::Damaged)
        }
    }

    /// Result of `PRAGMA integrity_check` ("ok" when healthy).
    pub fn integrity_check(&self) -> Result<String> {
        if self.server.is_some() {
            return Ok("ok".into());
        }
        self.conn
            .query_row("PRAGMA integrity_check", (), |r| r.get(0))
    }

    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        self.conn.file().expect("a test store on a file")
    }
}

/// What the file says about itself before anything is written to it.
struct Header {
    application_id: i32,
    version: i64,
    tables: i64,
}

impl Header {
    fn read(conn: &Connection, path: &Path) -> Result<Header> {
        let read = || -> rusqlite::Result<Header> {
            Ok(Header {
                application_id: conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
                version: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
                tables: conn.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                    (),
                    |r| r.get(0),
                )?,
            })
        };
        read().map_err(|e| map_open_error(e, path))
    }

    /// The schema version, when the file is ours and not newer than this build. A new
    /// empty file is ours to create, except where an existing database is required.
    fn check(&self, path: &Path, existing: bool) -> Result<i64> {
        // A new file is ours to create; an empty database of another program is not.
        let ours = self.application_id == APPLICATION_ID
            || (!existing && self.application_id == 0 && self.tables == 0 && self.version == 0);
        if !ours {
            return Err(StoreError::ForeignDatabase(path.to_path_buf()));
        }
        if self.version > LATEST_VERSION {
            return Err(StoreError::TooNew {
                found: self.version,
                supported: LATEST_VERSION,
            });
        }
        Ok(self.version)
    }
}

fn map_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase(path.to_path_buf())
        }
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen)
            if path.exists() && is_readonly_file(path) =>
        {
            StoreError::ReadOnly(path.to_path_buf())
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path.to_path_buf()),
        _ => StoreError::from(e),
    }
}

fn is_readonly_file(path: &Path) -> bool {
    std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}
