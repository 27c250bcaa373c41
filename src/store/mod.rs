//! The SQLite store: opening, pragmas, migrations and a façade that returns domain types.
//!
//! Every write is one transaction. A file that is not ours, is damaged or comes from a
//! newer version is refused before anything is written to it.

mod activities;
mod agreements;
mod authoring;
mod board;
mod columns;
mod municipalities;
mod pledges;
mod schema;
pub mod synthetic;
mod walks;

#[cfg(test)]
mod tests;

use columns::{Names, names, prefixed};

pub use authoring::{DeletedCommitment, DeletedSection};
pub use schema::LATEST_VERSION;
pub use walks::DeletedWalk;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// "Tryg": marks a database file as Trygghetstavlan's.
pub const APPLICATION_ID: i32 = 0x5472_7967;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Mappen för databasen finns inte: {0}")]
    MissingFolder(PathBuf),
    #[error("Filen {0} är tom och är ingen Trygghetstavlan-databas. Filen har inte ändrats.")]
    EmptyFile(PathBuf),
    #[error(
        "Filen {0} är ingen databas eller är skadad. Filen har inte ändrats; öppna en säkerhetskopia eller välj en annan fil."
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
    #[error("Kunde inte göra en säkerhetskopia före uppgraderingen: {0}")]
    Backup(String),
    #[error("Databasfel: {0}")]
    Sqlite(rusqlite::Error),
    #[error("Migreringsfel: {0}")]
    Migration(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(PathBuf::new()),
            _ => StoreError::Sqlite(e),
        }
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
    conn: Connection,
    path: Option<PathBuf>,
    opened: Opened,
    backup: Option<PathBuf>,
}

impl Store {
    /// A fresh in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, None)
    }

    /// Opens (or creates) the database file at `path`.
    pub fn open(path: &Path) -> Result<Store> {
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
            backup = Some(backup_copy(&conn, path, &format!("fore-v{version}"))?);
        }
        if path.is_some() {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(|e| map_open_error(e, &p))?;
            log::debug!("journal_mode = {mode}");
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
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
            conn,
            path,
            opened,
            backup,
        })
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so a second
    /// program on the same file waits (busy timeout) instead of failing half-way when a
    /// read inside the transaction would have to be upgraded to a write.
    fn write_tx(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
    }

    /// One UPDATE in its own transaction; [`StoreError::NotFound`] when no row matched.
    fn update_one<P: rusqlite::Params>(
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

    /// Writes a consistent copy of the database to `dest` (which must not exist).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let dest = dest
            .to_str()
            .ok_or_else(|| StoreError::Backup("sökvägen är inte giltig text".into()))?;
        self.conn
            .execute("VACUUM INTO ?1", [dest])
            .map_err(|e| StoreError::Backup(e.to_string()))?;
        Ok(())
    }

    /// Replaces every record with those of the database at `source` (which is checked
    /// first, like any file we open). A copy of the current data is saved beside the file
    /// before, and its path returned.
    pub fn restore_from(&mut self, source: &Path) -> Result<Option<PathBuf>> {
        let src = Store::open_readonly(source)?;
        let safety = match &self.path {
            Some(p) => Some(backup_copy(&self.conn, p, "fore-aterstallning")?),
            None => None,
        };
        let backup = rusqlite::backup::Backup::new(&src.conn, &mut self.conn)
            .map_err(|e| StoreError::Backup(e.to_string()))?;
        backup
            .run_to_completion(256, Duration::from_millis(0), None)
            .map_err(|e| StoreError::Backup(e.to_string()))?;
        drop(backup);
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(safety)
    }

    /// Opens an existing file read-only, with the same checks as [`Store::open`], without
    /// migrating or changing it (for restore and inspection).
    pub fn open_readonly(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Err(_) => return Err(StoreError::NotFound(format!("Filen {}", path.display()))),
            Ok(m) if m.len() == 0 => return Err(StoreError::EmptyFile(path.to_path_buf())),
            Ok(_) => {}
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| map_open_error(e, path))?;
        let p = path.to_path_buf();
        let version = Header::read(&conn, &p)?.check(&p, true)?;
        if version != LATEST_VERSION {
            return Err(StoreError::OldBackup(version));
        }
        Ok(Store {
            conn,
            path: Some(p),
            opened: Opened::Existing,
            backup: None,
        })
    }

    /// A dated copy of the database in `dir`, at most once a day; keeps the newest `keep`.
    /// Returns the new copy's path when one was made.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: chrono::NaiveDate,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Backup(e.to_string()))?;
        let name = format!("trygghetstavlan-{}.db", today.format("%Y-%m-%d"));
        let dest = dir.join(&name);
        let made = if dest.exists() {
            None
        } else {
            self.backup_to(&dest)?;
            Some(dest)
        };
        let mut old: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| StoreError::Backup(e.to_string()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("trygghetstavlan-") && n.ends_with(".db"))
            })
            .collect();
        old.sort();
        while old.len() > keep {
            let p = old.remove(0);
            let _ = std::fs::remove_file(p);
        }
        Ok(made)
    }

    /// Result of `PRAGMA integrity_check` ("ok" when healthy).
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
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
                    [],
                    |r| r.get(0),
                )?,
            })
        };
        read().map_err(|e| map_open_error(e, path))
    }

    /// The schema version, when the file is ours and not newer than this build. A new
    /// empty file is ours to create, except where an existing database is required.
    fn check(&self, path: &Path, existing: bool) -> Result<i64> {
        let ours = self.application_id == APPLICATION_ID
            || (!existing && self.application_id == 0 && self.tables == 0);
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

/// Copies the database next to `path` as `<name>.<tag>-<timestamp>.bak` and returns the
/// copy's path.
fn backup_copy(conn: &Connection, path: &Path, tag: &str) -> Result<PathBuf> {
    let stamp = crate::domain::Clock::System.now().format("%Y%m%d-%H%M%S");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "trygghetstavlan.db".into());
    let mut dest = path.with_file_name(format!("{name}.{tag}-{stamp}.bak"));
    let mut n = 1;
    while dest.exists() {
        dest = path.with_file_name(format!("{name}.{tag}-{stamp}-{n}.bak"));
        n += 1;
    }
    let dest_str = dest
        .to_str()
        .ok_or_else(|| StoreError::Backup("sökvägen är inte giltig text".into()))?;
    conn.execute("VACUUM INTO ?1", [dest_str])
        .map_err(|e| StoreError::Backup(e.to_string()))?;
    Ok(dest)
}

/// Where the automatic daily copies of the database at `db` are kept.
pub fn backup_dir(db: &Path) -> PathBuf {
    let name = db
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "trygghetstavlan".into());
    db.with_file_name(format!("{name}-sakerhetskopior"))
}
