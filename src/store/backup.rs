//! Copies of the database and restoring from them. Every copy is written under a temporary
//! name, checked, and only then given its real name, so a copy that exists is complete.
//! Daily, manual and safety copies are told apart by name and pruned separately. Copies
//! hold internal notes: the folder and the files are readable by the user only.

use super::{APPLICATION_ID, Result, Store, StoreError};
use crate::validate::Invalid;
use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// What a copy is for; it decides its name and how long it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// One a day, on the first start of the day; the newest [`KEEP_DAILY`] are kept.
    Daily,
    /// Asked for by the user; kept until the user deletes it.
    Manual,
    /// The data as it was before a restore; the newest [`KEEP_SAFETY`] are kept.
    Safety,
    /// The data as it was before a medborgarlöfte or a kommun was removed; the newest
    /// [`KEEP_SAFETY`] are kept.
    BeforeRemoval,
    /// The data as it was before a partner's changes were read; the newest
    /// [`KEEP_SAFETY`] are kept.
    BeforeExchange,
}

pub const KEEP_DAILY: usize = 14;
pub const KEEP_SAFETY: usize = 10;

impl CopyKind {
    fn prefix(self) -> &'static str {
        match self {
            CopyKind::Daily => "trygghetstavlan-",
            CopyKind::Manual => "kopia-",
            CopyKind::Safety => "fore-aterstallning-",
            CopyKind::BeforeRemoval => "fore-borttagning-",
            CopyKind::BeforeExchange => "fore-inlasning-",
        }
    }

    fn stamp_format(self) -> &'static str {
        match self {
            CopyKind::Daily => "%Y-%m-%d",
            CopyKind::Manual
            | CopyKind::Safety
            | CopyKind::BeforeRemoval
            | CopyKind::BeforeExchange => "%Y-%m-%d-%H%M%S",
        }
    }

    /// Whether `name` is the name of a copy of this kind (and not, say, an older
    /// version's manual copy "trygghetstavlan-2026-10-15-093000.db", which shares the
    /// daily prefix and must never be pruned).
    fn matches(self, name: &str) -> bool {
        let Some(stamp) = name
            .strip_prefix(self.prefix())
            .and_then(|r| r.strip_suffix(".db"))
        else {
            return false;
        };
        let parses = |s: &str| match self {
            CopyKind::Daily => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
            _ => NaiveDateTime::parse_from_str(s, "%Y-%m-%d-%H%M%S").is_ok(),
        };
        // A second copy in the same second is "<stamp>-1".
        parses(stamp)
            || stamp
                .rsplit_once('-')
                .is_some_and(|(s, n)| n.len() <= 3 && n.parse::<u32>().is_ok() && parses(s))
    }
}

/// What a copy's file name says: its kind and when it was made.
pub fn copy_info(name: &str) -> Option<(CopyKind, NaiveDateTime)> {
    [
        CopyKind::Daily,
        CopyKind::Manual,
        CopyKind::Safety,
        CopyKind::BeforeRemoval,
        CopyKind::BeforeExchange,
    ]
    .into_iter()
    .find(|k| k.matches(name))
    .and_then(|k| {
        let stamp = &name[k.prefix().len()..name.len() - ".db".len()];
        let stamp = match k {
            CopyKind::Daily => &stamp[..10],
            _ => &stamp[..17],
        };
        let when = match k {
            CopyKind::Daily => chrono::NaiveDate::parse_from_str(stamp, "%Y-%m-%d")
                .ok()?
                .and_time(Default::default()),
            _ => NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()?,
        };
        Some((k, when))
    })
}

/// Where the copies of the database at `db` are kept: its own folder, never shared with
/// another database's. `NAME.db` keeps `NAME-sakerhetskopior` (where earlier versions put
/// them); any other name gets `FULL NAME.sakerhetskopior`, so `tavla.db` and
/// `tavla.sqlite` no longer share one. Built from the raw file name, so two names that
/// are not valid text never meet either.
pub fn backup_dir(db: &Path) -> PathBuf {
    crate::files::named_beside(db, "-sakerhetskopior", ".sakerhetskopior")
}

/// The file name of a copy of `kind` made at `now`.
pub fn copy_name(kind: CopyKind, now: NaiveDateTime) -> String {
    format!("{}{}.db", kind.prefix(), now.format(kind.stamp_format()))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Backup(format!("{what} {}: {e}", path.display()))
}

/// Creates the folder of copies, readable by the user only. A link there is refused: the
/// program would otherwise change the rights of, and prune files in, whatever folder it
/// points to.
pub(super) fn ensure_private_dir(dir: &Path) -> Result<()> {
    if crate::files::is_link(dir) {
        return Err(StoreError::Backup(format!(
            "mappen {} är en länk; säkerhetskopiorna sparas bara i en riktig mapp. Ta bort länken.",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| io_error("Kunde inte skapa mappen", dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| io_error("Kunde inte skydda mappen", dir, e))?;
    }
    Ok(())
}

/// A new temporary file beside `dest`: exclusive, random name, private from its first
/// byte (see [`crate::files::private_temp_in`]).
pub(super) fn temp_beside(dest: &Path) -> Result<tempfile::NamedTempFile> {
    crate::files::private_temp_beside(dest)
        .map_err(|e| io_error("Kunde inte skapa en fil i", dest, e))
}

/// The journal files SQLite may leave beside a database file.
pub(super) fn remove_journals(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Gives a finished temporary file its real name, never over an existing file; flushed
/// to disk first (through its own, writable handle) so that a power cut cannot leave a
/// named but empty copy. Every SQLite connection to it must be closed.
pub(super) fn publish(tmp: tempfile::NamedTempFile, dest: &Path) -> Result<()> {
    crate::files::flush(&tmp).map_err(|e| io_error("Kunde inte skriva", tmp.path(), e))?;
    match tmp.persist_noclobber(dest) {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Invalid::FileExists(dest.to_path_buf()).into());
        }
        // File systems without hard links or an atomic no-replace rename (FAT on a USB
        // stick): rename after a check.
        Err(e) if !dest.exists() => {
            e.file
                .persist(dest)
                .map_err(|e| io_error("Kunde inte byta namn på", dest, e.error))?;
        }
        Err(e) => return Err(io_error("Kunde inte skriva", dest, e.error)),
    }
    crate::files::sync_dir_of(dest);
    Ok(())
}

/// Runs `write` on a temporary file beside `dest`, checks the result with `check`, and
/// publishes it; the temporary file and any journal SQLite left beside it are removed on
/// any failure.
fn write_checked(
    dest: &Path,
    write: impl FnOnce(&Path) -> Result<()>,
    check: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    if dest.exists() {
        return Err(Invalid::FileExists(dest.to_path_buf()).into());
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(StoreError::Backup(format!(
            "mappen {} finns inte",
            dir.display()
        )));
    }
    let tmp = temp_beside(dest)?;
    let tmp_path = tmp.path().to_path_buf();
    let r = write(&tmp_path)
        .and_then(|_| check(&tmp_path))
        .and_then(|_| publish(tmp, dest));
    remove_journals(&tmp_path);
    r
}

/// Cheap look at a file without opening it as a database: SQLite's magic, our application
/// id, and a size of whole pages. Catches empty and cut-off files.
fn looks_complete(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 100];
    let Ok(len) = std::fs::metadata(path).map(|m| m.len()) else {
        return false;
    };
    if std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_err()
    {
        return false;
    }
    let page = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let app_id = i32::from_be_bytes([head[68], head[69], head[70], head[71]]);
    head.starts_with(b"SQLite format 3\0")
        && app_id == APPLICATION_ID
        && page >= 512
        && len > 0
        && len.is_multiple_of(page)
}

/// The tables and columns of a database, for comparing schemas.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2",
    )?;
    st.query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
}

/// The tables and columns this version creates.
fn expected_schema() -> Result<&'static [(String, String)]> {
    static SCHEMA: OnceLock<Vec<(String, String)>> = OnceLock::new();
    if let Some(s) = SCHEMA.get() {
        return Ok(s);
    }
    let fresh = Store::open_in_memory()?;
    let schema = schema_of(fresh.conn.file()?)?;
    Ok(SCHEMA.get_or_init(|| schema))
}

/// Checks that `path` is a whole, healthy Trygghetstavlan database of this version with
/// the tables and columns this version expects, without changing it. A file to restore
/// from gets SQLite's full `integrity_check`.
pub fn verify_copy(path: &Path) -> Result<()> {
    check_copy(path, "integrity_check")
}

/// A copy this program just wrote from a healthy database needs only `quick_check`
/// (whole pages and trees; a tenth of the time at Sweden scale).
fn verify_fresh_copy(path: &Path) -> Result<()> {
    check_copy(path, "quick_check")
}

fn check_copy(path: &Path, pragma: &str) -> Result<()> {
    let store = Store::open_readonly(path)?;
    let check: String = store
        .conn
        .query_row(&format!("PRAGMA {pragma}"), (), |r| r.get(0))
        .map_err(|_| StoreError::DamagedCopy(path.to_path_buf()))?;
    if check != "ok" {
        return Err(StoreError::DamagedCopy(path.to_path_buf()));
    }
    if schema_of(store.conn.file()?)? != expected_schema()? {
        return Err(StoreError::ForeignDatabase(path.to_path_buf()));
    }
    Ok(())
}

/// Copies every page of `from` into the database at `to` with SQLite's backup API, in one
/// step: the destination has all of the source or none of it.
fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to).map_err(|e| StoreError::Backup(e.to_string()))?;
    match backup.step(-1) {
        Ok(StepResult::Done) => Ok(()),
        Ok(_) => Err(StoreError::Busy),
        Err(e) => Err(StoreError::from(e)),
    }
}

/// Removes the oldest copies of `kind` beyond `keep`, and any copy of that kind that is
/// not a complete database (so a bad copy never outlives a good one).
fn prune(dir: &Path, kind: CopyKind, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut copies: Vec<PathBuf> = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if kind.matches(&name) {
            copies.push(path);
        } else if is_own_temp(&name) && is_stale(&path) {
            // Left by a copy that was interrupted; never a finished copy.
            let _ = std::fs::remove_file(&path);
        }
    }
    copies.sort();
    copies.reverse();
    let mut kept = 0;
    for path in copies {
        if looks_complete(&path) && kept < keep {
            kept += 1;
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// A temporary file this program made for a copy (`.COPY.RANDOM.tmp`, see
/// [`crate::files::private_temp_in`]) or the journal SQLite left beside one; nothing else
/// in the folder is ever removed.
fn is_own_temp(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some(rest) = ["", "-journal", "-wal", "-shm"]
        .iter()
        .find_map(|j| rest.strip_suffix(&format!(".tmp{j}")))
    else {
        return false;
    };
    rest.rsplit_once('.')
        .is_some_and(|(copy, random)| !random.is_empty() && copy_info(copy).is_some())
}

/// Older than an hour: no copy in progress takes that long.
fn is_stale(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > Duration::from_secs(3600))
}

/// A free name for a copy of `kind` at `now` in `dir`.
fn free_name(dir: &Path, kind: CopyKind, now: NaiveDateTime) -> PathBuf {
    let mut dest = dir.join(copy_name(kind, now));
    let mut n = 1;
    while dest.exists() {
        dest = dir.join(format!(
            "{}{}-{n}.db",
            kind.prefix(),
            now.format(kind.stamp_format())
        ));
        n += 1;
    }
    dest
}

/// Before a migration: a copy beside the database, `<name>.fore-v<N>-<stamp>.bak`.
pub(super) fn migration_copy(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let stamp = crate::domain::Clock::System.now().format("%Y%m%d-%H%M%S");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "trygghetstavlan.db".into());
    let mut dest = path.with_file_name(format!("{name}.fore-v{version}-{stamp}.bak"));
    let mut n = 1;
    while dest.exists() {
        dest = path.with_file_name(format!("{name}.fore-v{version}-{stamp}-{n}.bak"));
        n += 1;
    }
    write_checked(
        &dest,
        |tmp| vacuum_into(conn, tmp),
        |tmp| match looks_complete(tmp) {
            true => Ok(()),
            false => Err(StoreError::DamagedCopy(tmp.to_path_buf())),
        },
    )
    .map_err(|e| StoreError::MigrationBackup(e.to_string()))?;
    Ok(dest)
}

fn vacuum_into(conn: &Connection, dest: &Path) -> Result<()> {
    let dest = dest
        .to_str()
        .ok_or_else(|| StoreError::Backup("sökvägen är inte giltig text".into()))?;
    conn.execute("VACUUM INTO ?1", [dest])
        .map_err(|e| match StoreError::from(e) {
            StoreError::Damaged => StoreError::Damaged,
            StoreError::Sqlite(e) => StoreError::Backup(format!("kunde inte skriva {dest}: {e}")),
            other => other,
        })?;
    Ok(())
}

impl Store {
    /// Writes a checked copy of the database to `dest` (which must not exist). A damaged
    /// database gives an error and no file.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_checked(
            dest,
            |tmp| vacuum_into(self.conn.file()?, tmp),
            verify_fresh_copy,
        )
    }

    /// A copy of `kind`, named after `now`, in the folder of copies; older copies of the
    /// same kind are pruned. Returns the copy's path.
    pub fn backup_copy(&self, kind: CopyKind, now: NaiveDateTime) -> Result<PathBuf> {
        let db = self
            .path
            .as_deref()
            .ok_or_else(|| StoreError::Backup("databasen finns bara i minnet".into()))?;
        let dir = backup_dir(db);
        ensure_private_dir(&dir)?;
        let dest = free_name(&dir, kind, now);
        self.backup_to(&dest)?;
        match kind {
            CopyKind::Safety | CopyKind::BeforeRemoval | CopyKind::BeforeExchange => {
                prune(&dir, kind, KEEP_SAFETY)
            }
            CopyKind::Daily => prune(&dir, kind, KEEP_DAILY),
            CopyKind::Manual => {}
        }
        Ok(dest)
    }

    /// Today's copy in `dir`, unless a complete one exists; keeps the newest `keep` daily
    /// copies (manual and safety copies are not counted). Returns the new copy's path.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: chrono::NaiveDate,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        ensure_private_dir(dir)?;
        let dest = dir.join(copy_name(
            CopyKind::Daily,
            today.and_time(Default::default()),
        ));
        let made = if looks_complete(&dest) {
            None
        } else {
            // An interrupted older version may have left a bad file under today's name.
            let _ = std::fs::remove_file(&dest);
            self.backup_to(&dest)?;
            Some(dest)
        };
        prune(dir, CopyKind::Daily, keep);
        Ok(made)
    }

    /// Replaces every record with those of the copy at `source`, after checking the copy
    /// completely (a damaged, foreign or other-version file changes nothing). The current
    /// data is saved first as a safety copy, with SQLite's backup API so that even a
    /// damaged database is saved; its path is returned.
    pub fn restore_from(&mut self, source: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        verify_copy(source)?;
        let safety = match self.path.clone() {
            Some(db) => Some(self.safety_copy(&db, now)?),
            None => None,
        };
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_pages(&src, self.conn.file_mut()?)?;
        self.conn
            .file()?
            .pragma_update(None, "foreign_keys", "ON")?;
        super::sync::after_restore(&self.conn)?;
        Ok(safety)
    }

    /// The current data, page by page, as a safety copy.
    fn safety_copy(&self, db: &Path, now: NaiveDateTime) -> Result<PathBuf> {
        let dir = backup_dir(db);
        ensure_private_dir(&dir)?;
        let dest = free_name(&dir, CopyKind::Safety, now);
        let pages: i64 = self.conn.query_row("PRAGMA page_count", (), |r| r.get(0))?;
        write_checked(
            &dest,
            |tmp| {
                let mut to = Connection::open(tmp)?;
                copy_pages(self.conn.file()?, &mut to)?;
                // One file, no journal beside it.
                to.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
                Ok(())
            },
            // A safety copy of a damaged database is damaged too; it must be whole.
            |tmp| {
                let copied: i64 = Connection::open_with_flags(
                    tmp,
                    OpenFlags::SQLITE_OPEN_READ_ONLY,
                )?
                .query_row("PRAGMA page_count", [], |r| r.get(0))?;
                if copied == pages && looks_complete(tmp) {
                    Ok(())
                } else {
                    Err(StoreError::DamagedCopy(tmp.to_path_buf()))
                }
            },
        )?;
        prune(&dir, CopyKind::Safety, KEEP_SAFETY);
        Ok(dest)
    }
}

/// Restore when the database file cannot be opened at all (not a database any more, or
/// empty): the copy is checked, the unreadable file is kept as a safety copy byte for
/// byte, and a fresh file built from the copy replaces it.
pub fn restore_unopenable(db: &Path, source: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    verify_copy(source)?;
    let dir = backup_dir(db);
    let safety = match std::fs::metadata(db) {
        Ok(m) if m.len() > 0 => {
            ensure_private_dir(&dir)?;
            let dest = free_name(&dir, CopyKind::Safety, now);
            write_checked(
                &dest,
                |tmp| {
                    // Byte for byte into the private file (fs::copy would give it the
                    // database's permissions).
                    std::fs::File::open(db)
                        .and_then(|mut from| {
                            let mut to = std::fs::OpenOptions::new().write(true).open(tmp)?;
                            std::io::copy(&mut from, &mut to).map(|_| ())
                        })
                        .map_err(|e| io_error("Kunde inte kopiera", db, e))
                },
                |_| Ok(()),
            )?;
            Some(dest)
        }
        _ => None,
    };
    let tmp = temp_beside(db)?;
    let tmp_path = tmp.path().to_path_buf();
    let r = (|| {
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut to = Connection::open(&tmp_path)?;
        copy_pages(&src, &mut to)?;
        super::sync::after_restore(&super::db::Db::lent(&to))?;
        to.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        drop(to);
        // The journal files of the unreadable database belong to it, not to the copy.
        remove_journals(db);
        // Replaces the file itself; a link there is resolved first so that the damaged
        // file it points to is the one replaced.
        let target = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        crate::files::persist_over(tmp, &target).map_err(|e| io_error("Kunde inte ersätta", db, e))
    })();
    remove_journals(&tmp_path);
    r.map(|_| safety)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each database its own folder of copies: `tavla.db` and `tavla.sqlite` shared one,
    /// and so did names that differ only in bytes that are not text.
    #[test]
    fn every_database_has_its_own_folder_of_copies() {
        let dir = |n: &str| backup_dir(Path::new("/d").join(n).as_path());
        assert_eq!(dir("tavla.db"), Path::new("/d/tavla-sakerhetskopior"));
        assert_eq!(
            dir("tavla.sqlite"),
            Path::new("/d/tavla.sqlite.sakerhetskopior")
        );
        assert_eq!(dir("tavla"), Path::new("/d/tavla.sakerhetskopior"));
        let names = [
            "tavla.db",
            "tavla.sqlite",
            "tavla",
            "tavla.DB",
            "tavla.db.db",
        ];
        let dirs: std::collections::HashSet<_> = names.iter().map(|n| dir(n)).collect();
        assert_eq!(dirs.len(), names.len());
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let a = Path::new(std::ffi::OsStr::from_bytes(b"/d/tavla\xff.db"));
            let b = Path::new(std::ffi::OsStr::from_bytes(b"/d/tavla\xfe.db"));
            assert_ne!(backup_dir(a), backup_dir(b));
        }
    }

    /// Only the program's own temporary files are cleaned up in the folder.
    #[test]
    fn only_own_temporary_files_are_recognised() {
        for own in [
            ".trygghetstavlan-2026-12-05.db.a1B2c3.tmp",
            ".kopia-2026-12-05-101010.db.XyZ123.tmp-journal",
            ".fore-aterstallning-2026-12-05-101010-2.db.QWErty.tmp",
        ] {
            assert!(is_own_temp(own), "{own}");
        }
        for other in [
            ".x.tmp",
            ".semester.jpg.abc.tmp",
            "trygghetstavlan-2026-12-05.db",
            ".kopia-2026-12-05-101010.db..tmp",
        ] {
            assert!(!is_own_temp(other), "{other}");
        }
    }

    /// A folder of copies that is a link is refused: the folder it points to keeps its
    /// rights and every file in it.
    #[cfg(unix)]
    #[test]
    fn a_linked_folder_of_copies_is_refused_and_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let elsewhere = tmp.path().join("annan");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
        let planted = elsewhere.join("trygghetstavlan-2020-01-01.db");
        std::fs::write(&planted, b"inte min").unwrap();
        let db = tmp.path().join("t.db");
        let store = Store::open(&db).unwrap();
        std::os::unix::fs::symlink(&elsewhere, backup_dir(&db)).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let e = store
            .daily_backup(&backup_dir(&db), today, KEEP_DAILY)
            .unwrap_err();
        assert!(e.to_string().contains("är en länk"), "{e}");
        assert!(
            store
                .backup_copy(CopyKind::Manual, today.and_time(Default::default()))
                .is_err()
        );
        assert_eq!(std::fs::read(&planted).unwrap(), b"inte min");
        let mode = std::fs::metadata(&elsewhere).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
    }

    #[test]
    fn copy_names_tell_kind_and_time() {
        let t = NaiveDateTime::parse_from_str("2026-11-24 09:30:05", "%Y-%m-%d %H:%M:%S").unwrap();
        for kind in [CopyKind::Daily, CopyKind::Manual, CopyKind::Safety] {
            let name = copy_name(kind, t);
            assert!(kind.matches(&name), "{name}");
            assert_eq!(copy_info(&name).map(|(k, _)| k), Some(kind));
        }
        assert_eq!(
            copy_name(CopyKind::Daily, t),
            "trygghetstavlan-2026-11-24.db"
        );
        assert_eq!(
            copy_info("fore-aterstallning-2026-11-24-093005-2.db"),
            Some((CopyKind::Safety, t))
        );
        // An older version's manual copy is not a daily one, so it is never pruned.
        assert!(!CopyKind::Daily.matches("trygghetstavlan-2026-11-24-093005.db"));
        assert_eq!(copy_info("trygghetstavlan-2026-11-24-093005.db"), None);
        assert_eq!(copy_info("kopia.db"), None);
    }
}
