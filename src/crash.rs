//! A panic in the window is caught at the frame boundary, written to a log beside the
//! database and shown as a Swedish message. The data on disk is safe whatever the panic
//! interrupted: every write is one transaction, and an unwinding transaction rolls back.

use std::any::Any;
use std::io::Write;
use std::path::{Path, PathBuf};

thread_local! {
    /// Where and why this thread's last panic happened, as the panic hook saw it (the
    /// payload alone has no location). Per thread: a panic caught on a worker thread must
    /// not be reported as the window's.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers each panic's message and place before the default hook prints it.
pub fn install_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("{}{place}", panic_message(info.payload()));
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
        default(info);
    }));
}

/// The text of a panic's payload (`panic!("…")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "okänt fel".to_string()
    }
}

/// The log of internal errors for the database at `db`: `tavla.db` → `tavla-fellogg.txt`.
pub fn log_path(db: &Path) -> PathBuf {
    crate::files::named_beside(db, "-fellogg.txt", ".fellogg.txt")
}

/// A caught panic: what the user is told, and where the details were written.
#[derive(Debug, Clone, PartialEq)]
pub struct Crash {
    pub detail: String,
    /// `None` when the log could not be written (the reason is in `detail`).
    pub log: Option<PathBuf>,
}

impl Crash {
    /// Records the panic whose payload is `payload` in the log beside `db`; a database
    /// only in memory (None) has no folder, and nothing is written.
    pub fn record(db: Option<&Path>, payload: &(dyn Any + Send)) -> Crash {
        let detail = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload));
        let Some(db) = db else {
            return Crash { detail, log: None };
        };
        let path = log_path(db);
        let line = format!(
            "{}  Internt fel i Trygghetstavlan {}: {detail}\n",
            crate::domain::Clock::System
                .now()
                .format("%Y-%m-%d %H:%M:%S"),
            env!("CARGO_PKG_VERSION")
        );
        match append_private(&path, &line) {
            Ok(()) => Crash {
                detail,
                log: Some(path),
            },
            Err(e) => Crash {
                detail: format!(
                    "{detail} (loggen {} kunde inte skrivas: {e})",
                    path.display()
                ),
                log: None,
            },
        }
    }
}

/// Appends to a file readable by the user only; never through a link.
fn append_private(path: &Path, line: &str) -> std::io::Result<()> {
    if crate::files::is_link(path) {
        return Err(std::io::Error::other("länkar följs inte"));
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    f.write_all(line.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_appended_to_the_log_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tavla.db");
        for n in 1..=2 {
            let payload = std::panic::catch_unwind(|| panic!("prov {n}")).unwrap_err();
            let crash = Crash::record(Some(&db), payload.as_ref());
            assert_eq!(
                crash.log.as_deref(),
                Some(dir.path().join("tavla-fellogg.txt").as_path())
            );
            assert!(
                crash.detail.contains(&format!("prov {n}")),
                "{}",
                crash.detail
            );
        }
        let log = std::fs::read_to_string(dir.path().join("tavla-fellogg.txt")).unwrap();
        assert_eq!(log.lines().count(), 2, "{log}");
        assert!(log.contains("Internt fel") && log.contains("prov 1") && log.contains("prov 2"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("tavla-fellogg.txt")).unwrap();
            assert_eq!(mode.permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn the_log_is_not_written_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tavla.db");
        let target = dir.path().join("annan.txt");
        std::fs::write(&target, "orört").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, log_path(&db)).unwrap();
        #[cfg(unix)]
        {
            let payload = std::panic::catch_unwind(|| panic!("x")).unwrap_err();
            let crash = Crash::record(Some(&db), payload.as_ref());
            assert_eq!(crash.log, None);
            assert!(crash.detail.contains("kunde inte skrivas"));
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "orört");
        }
    }
}
