//! Writing export files: never over a database, and never half a file.

use std::io::Read;
use std::path::Path;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// True when `path` is an SQLite database (this app's or any other program's).
fn is_database(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|_| &head == SQLITE_MAGIC)
}

/// Refuses a target that is a database, or the journal of one: an export named like the
/// database by mistake must not destroy it.
pub fn check_export_target(path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!("{} är en mapp; ange ett filnamn.", path.display()));
    }
    let name = path.to_string_lossy();
    let journal_of = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .map(std::path::PathBuf::from);
    if is_database(path) || journal_of.is_some_and(|db| is_database(&db)) {
        return Err(format!(
            "{} är en databas; en export skriver aldrig över en databas. Välj ett annat filnamn.",
            path.display()
        ));
    }
    Ok(())
}

/// A new, empty temporary file in `dir`, hidden and named after `name`. Created
/// exclusively (never through a link or over a file someone planted under a guessed name,
/// the name is random) and, on Unix, readable by the user only from its first byte; on
/// Windows it inherits the folder's access list like any file created there. Removed when
/// dropped unless persisted.
pub fn private_temp_in(dir: &Path, name: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// A temporary file beside `dest` (see [`private_temp_in`]).
pub fn private_temp_beside(dest: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "trygghetstavlan".into());
    private_temp_in(dest.parent().unwrap_or(Path::new("")), &name)
}

/// Flushes a finished temporary file to disk through its own handle, which is open for
/// writing (Windows' FlushFileBuffers refuses a read-only handle).
pub fn flush(tmp: &tempfile::NamedTempFile) -> std::io::Result<()> {
    tmp.as_file().sync_all()
}

/// Flushes a finished temporary file and renames it over `path`, replacing what is there
/// (a link at `path` is replaced, not followed), then flushes the folder.
pub fn persist_over(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    flush(&tmp)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir_of(path);
    Ok(())
}

/// Whether `path` itself is a symbolic link (whatever it points to, if anything).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Flushes the folder's entry of a file just renamed into it, so that a power cut cannot
/// undo the rename (Unix; Windows' NTFS journals renames itself).
pub fn sync_dir_of(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Writes `bytes` to `path` through a temporary file beside it, then renames it over, so
/// that a failed write never leaves half a file behind. A database is never overwritten,
/// and a link at `path` is replaced, never written through.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    check_export_target(path)?;
    let failed = |e: std::io::Error| format!("Kunde inte skriva {}: {e}", path.display());
    let mut tmp = private_temp_beside(path).map_err(failed)?;
    tmp.write_all(bytes).map_err(failed)?;
    // An export is a document to share: readable as the user's other files are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    persist_over(tmp, path).map_err(failed)
}

/// A text file's contents and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// "UTF-8", "UTF-16LE", "windows-1252", …
    pub encoding: &'static str,
}

/// Reads the bytes of a text file the way Swedish offices save them: UTF-8 (with or
/// without BOM), UTF-16 with BOM (Notepad's "Unicode"), or Windows-1252 ("ANSI", where
/// å, ä and ö are single bytes). Anything else is refused rather than stored with "�".
pub fn decode_text(bytes: &[u8]) -> Result<Text, String> {
    let (text, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                return Err(format!(
                    "Filen börjar som {} men innehåller ogiltiga tecken.",
                    enc.name()
                ));
            }
            (text.into_owned(), enc.name())
        }
        None => match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), "UTF-8"),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (text.into_owned(), "windows-1252")
            }
        },
    };
    // NUL and other control bytes mean this is no text file (or UTF-16 without a BOM).
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 0 {
        return Err(
            "Filen verkar inte vara en textfil. Spara den som text (UTF-8) och försök igen.".into(),
        );
    }
    Ok(Text { text, encoding })
}

/// Largest text file the import reads (a published medborgarlöfte is a few kB; a whole
/// kommun's website saved as text is well under this).
pub const MAX_TEXT_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file the user named, at most `max` bytes: only a regular file (a device such as
/// /dev/zero, a FIFO or a folder is refused before it is opened, so nothing reads for ever
/// or blocks), and never more than `max` + 1 bytes even if the file grows meanwhile. The
/// error is a Swedish phrase to put after the file's name.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_large = |n: u64| {
        format!(
            "filen är för stor ({} MB; högst {} MB)",
            n.div_ceil(1 << 20),
            max >> 20
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| format!("kunde inte läsas ({e})"))?;
    if !meta.is_file() {
        return Err("är ingen vanlig fil".into());
    }
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("kunde inte läsas ({e})"))?;
    // Swapped for something else between the two looks: refused all the same.
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err("är ingen vanlig fil".into());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("kunde inte läsas ({e})"))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A text file for the import, read with [`read_bounded`] and decoded (see
/// [`decode_text`]).
pub fn read_text_file(path: &Path) -> Result<Text, String> {
    decode_text(&read_bounded(path, MAX_TEXT_FILE_BYTES)?)
}

/// A photo file read and prepared for storing (see `photo::prepare`), with the position
/// its camera recorded; a file too large is refused before it is read. The error is a
/// Swedish phrase to put after the file's name.
pub fn read_photo(
    path: &Path,
) -> Result<(crate::domain::Photo, Option<crate::domain::GeoPoint>), String> {
    let bytes =
        read_bounded(path, crate::photo::MAX_FILE_BYTES as u64).map_err(
            |e| match std::fs::metadata(path) {
                Ok(m) if m.is_file() && m.len() > crate::photo::MAX_FILE_BYTES as u64 => {
                    crate::photo::PhotoError::TooLarge(m.len().div_ceil(1024 * 1024) as usize)
                        .to_string()
                }
                _ => e,
            },
        )?;
    let photo = crate::photo::prepare(&bytes).map_err(|e| e.to_string())?;
    Ok((photo, crate::photo::position_in(&bytes)))
}

/// A file or folder named after the database beside it: `NAME.db` gives `NAME{after_stem}`,
/// any other name `FULL NAME{after_name}` (so `tavla.db` and `tavla.sqlite` never share
/// one). Built from the raw file name, so two names that are not valid text never meet.
pub fn named_beside(db: &Path, after_stem: &str, after_name: &str) -> std::path::PathBuf {
    let is_db = db.extension().is_some_and(|e| e == "db");
    let name = match (is_db, db.file_stem(), db.file_name()) {
        (true, Some(stem), _) => {
            let mut n = stem.to_os_string();
            n.push(after_stem);
            n
        }
        (_, _, Some(full)) => {
            let mut n = full.to_os_string();
            n.push(after_name);
            n
        }
        _ => {
            let mut n = std::ffi::OsString::from("trygghetstavlan");
            n.push(after_stem);
            n
        }
    };
    db.with_file_name(name)
}

/// The default database file in the OS data folder.
pub fn default_db() -> Result<std::path::PathBuf, String> {
    let dirs = directories::ProjectDirs::from("se", "Trygghetstavlan", "Trygghetstavlan")
        .ok_or("Hittar ingen hemkatalog för programmets data; ange --db SÖKVÄG.")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).map_err(|e| format!("Kunde inte skapa {}: {e}", dir.display()))?;
    Ok(dir.join("trygghetstavlan.db"))
}

/// Whether two paths name the same file (links and `..` resolved); a path that does not
/// exist is no file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn databases_and_their_journals_are_never_export_targets() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let store = crate::store::Store::open(&db).unwrap();
        let before = std::fs::read(&db).unwrap();
        for target in [db.clone(), dir.path().join("t.db-wal")] {
            let e = write_atomically(&target, b"kommun;period").unwrap_err();
            assert!(e.contains("skriver aldrig över en databas"), "{e}");
        }
        assert_eq!(std::fs::read(&db).unwrap(), before);
        drop(store);
        assert!(
            write_atomically(dir.path(), b"x")
                .unwrap_err()
                .contains("mapp")
        );
        // Any other file is replaced whole.
        let csv = dir.path().join("ut.csv");
        std::fs::write(&csv, "gammalt").unwrap();
        write_atomically(&csv, b"nytt").unwrap();
        assert_eq!(std::fs::read(&csv).unwrap(), b"nytt");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    /// A name an attacker could guess (the old `.NAME.tmp`) linked to the live database:
    /// the export never writes through it, and a link at the target itself is replaced,
    /// not followed.
    #[cfg(unix)]
    #[test]
    fn exports_never_write_through_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("live.db");
        drop(crate::store::Store::open(&db).unwrap());
        let before = std::fs::read(&db).unwrap();
        let out = dir.path().join("r2.csv");
        std::os::unix::fs::symlink(&db, dir.path().join(".r2.csv.tmp")).unwrap();
        write_atomically(&out, b"kommun;period").unwrap();
        assert_eq!(std::fs::read(&db).unwrap(), before);
        assert_eq!(std::fs::read(&out).unwrap(), b"kommun;period");

        let other = dir.path().join("annan.txt");
        std::fs::write(&other, "orört").unwrap();
        let link = dir.path().join("länk.csv");
        std::os::unix::fs::symlink(&other, &link).unwrap();
        write_atomically(&link, b"nytt").unwrap();
        assert_eq!(std::fs::read(&other).unwrap(), b"or\xc3\xb6rt");
        assert!(
            !std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    /// Temporary files are the user's alone from their first byte, with names nobody can
    /// guess, and never reuse an existing file.
    #[cfg(unix)]
    #[test]
    fn temp_files_are_private_exclusive_and_unguessable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("kopia.db");
        let a = private_temp_beside(&dest).unwrap();
        let b = private_temp_beside(&dest).unwrap();
        assert_ne!(a.path(), b.path());
        for t in [&a, &b] {
            let meta = std::fs::symlink_metadata(t.path()).unwrap();
            assert_eq!(meta.permissions().mode() & 0o777, 0o600);
            assert_eq!(meta.len(), 0);
            let name = t.path().file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.starts_with(".kopia.db.") && name.ends_with(".tmp"),
                "{name}"
            );
        }
        let (pa, pb) = (a.path().to_path_buf(), b.path().to_path_buf());
        drop((a, b));
        assert!(
            !pa.exists() && !pb.exists(),
            "dropped temp files are removed"
        );
    }

    /// Devices, FIFOs and folders are refused before they are opened (no endless read, no
    /// block); a file over the limit is refused; a file at the limit is read whole.
    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for p in [Path::new("/dev/zero"), dir.path()] {
            assert_eq!(read_bounded(p, 1024).unwrap_err(), "är ingen vanlig fil");
            assert!(read_text_file(p).is_err());
            assert!(read_photo(p).unwrap_err().contains("ingen vanlig fil"));
        }
        let fifo = dir.path().join("rör");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(
                read_bounded(&fifo, 1024).unwrap_err(),
                "är ingen vanlig fil"
            );
        }
        let big = dir.path().join("stor.txt");
        std::fs::write(&big, vec![b'a'; 3 << 20]).unwrap();
        let e = read_bounded(&big, 2 << 20).unwrap_err();
        assert!(e.contains("för stor (3 MB; högst 2 MB)"), "{e}");
        assert_eq!(read_bounded(&big, 3 << 20).unwrap().len(), 3 << 20);
    }

    #[test]
    fn text_files_in_the_encodings_offices_use() {
        let swedish = "Polisen ska öka närvaron på torget i Sölvesborg.\n";
        let utf8 = decode_text(swedish.as_bytes()).unwrap();
        assert_eq!((utf8.text.as_str(), utf8.encoding), (swedish, "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(swedish.as_bytes());
        assert_eq!(decode_text(&bom).unwrap().text, swedish);
        // Notepad's "ANSI": å = 0xE5, ä = 0xE4, ö = 0xF6.
        let (ansi, _, _) = encoding_rs::WINDOWS_1252.encode(swedish);
        let read = decode_text(&ansi).unwrap();
        assert_eq!(
            (read.text.as_str(), read.encoding),
            (swedish, "windows-1252")
        );
        assert!(!read.text.contains('\u{FFFD}'));
        // Notepad's "Unicode": UTF-16 little endian with a BOM.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in swedish.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let read = decode_text(&utf16).unwrap();
        assert_eq!((read.text.as_str(), read.encoding), (swedish, "UTF-16LE"));
        // UTF-16 without a BOM, or a binary file, is refused.
        assert!(
            decode_text(&utf16[2..])
                .unwrap_err()
                .contains("inte vara en textfil")
        );
        assert!(decode_text(b"%PDF-1.7\x00\x01\x02").is_err());
    }
}
