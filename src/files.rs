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
    tmp.write_all(bytes).and_then(|_| flush(&tmp)).map_err(failed)?;
    // An export is a document to share: readable as the user's other files are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path).map_err(|e| failed(e.error))?;
    sync_dir_of(path);
    Ok(())
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

/// A photo file read and prepared for storing (see `photo::prepare`), with the position
/// its camera recorded; a file too large is refused before it is read. The error is a
/// Swedish phrase to put after the file's name.
pub fn read_photo(
    path: &Path,
) -> Result<(crate::domain::Photo, Option<crate::domain::GeoPoint>), String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("kunde inte läsas ({e})"))?
        .len() as usize;
    if size > crate::photo::MAX_FILE_BYTES {
        return Err(crate::photo::PhotoError::TooLarge(size.div_ceil(1024 * 1024)).to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("kunde inte läsas ({e})"))?;
    let photo = crate::photo::prepare(&bytes).map_err(|e| e.to_string())?;
    Ok((photo, crate::photo::position_in(&bytes)))
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
