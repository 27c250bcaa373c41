//! Whether a command must read the whole file before it trusts it. `PRAGMA quick_check`
//! reads every page (0.9 s on a 200 MB file), so it runs only when the file changed since
//! the last check passed: a fingerprint of the file (size, times, identity, and those of
//! its write-ahead log) is remembered in the database's own backup folder after a check,
//! and again after a command whose only writes were its own. SQLite still reports
//! damage on every page it reads; this only spares re-reading an unchanged file.

use super::{Result, Store, StoreError};
use std::path::{Path, PathBuf};

/// The remembered fingerprint: `NAME-sakerhetskopior/senast-kontrollerad`.
pub fn record_path(db: &Path) -> PathBuf {
    super::backup_dir(db).join("senast-kontrollerad")
}

fn stamp(path: &Path) -> String {
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return "saknas".into();
    };
    let time = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt;
        // The change time cannot be set back by a copying tool, unlike the modified time.
        format!("{} {} {} {}", m.dev(), m.ino(), m.ctime(), m.ctime_nsec())
    };
    #[cfg(not(unix))]
    let identity = time(m.created()).to_string();
    format!("{} {} {identity}", m.len(), time(m.modified()))
}

/// The file and its write-ahead log as they are now.
fn fingerprint(db: &Path) -> String {
    let mut wal = db.as_os_str().to_os_string();
    wal.push("-wal");
    format!("1|{}|{}", stamp(db), stamp(Path::new(&wal)))
}

/// The file has not changed since a check passed.
pub fn unchanged_since_check(db: &Path) -> bool {
    let record = record_path(db);
    if crate::files::is_link(&record) {
        return false;
    }
    crate::files::read_bounded(&record, 4096).is_ok_and(|bytes| bytes == fingerprint(db).as_bytes())
}

/// Remembers the file as it is now as checked. Called only after a check passed, or after
/// the program's own writes to a file that was checked (then closed: closing a database
/// in WAL mode writes the log back into the file).
pub fn remember_checked(db: &Path) -> Result<()> {
    let dir = super::backup_dir(db);
    super::backup::ensure_private_dir(&dir)?;
    let record = record_path(db);
    let failed = |e: std::io::Error| StoreError::Backup(format!("{}: {e}", record.display()));
    let mut tmp = crate::files::private_temp_in(&dir, "senast-kontrollerad").map_err(failed)?;
    std::io::Write::write_all(&mut tmp, fingerprint(db).as_bytes()).map_err(failed)?;
    crate::files::persist_over(tmp, &record).map_err(failed)
}

/// Forgets the remembered check (the next command reads the whole file again).
pub fn forget_check(db: &Path) {
    let record = record_path(db);
    if !crate::files::is_link(&record) {
        let _ = std::fs::remove_file(record);
    }
}

impl Store {
    /// Refuses a damaged database at `path` unless `unchanged` (what
    /// [`unchanged_since_check`] said before it was opened).
    pub fn check_health_if_changed(&self, path: &Path, unchanged: bool) -> Result<()> {
        if unchanged {
            return Ok(());
        }
        self.check_health().inspect_err(|_| forget_check(path))
    }
}
