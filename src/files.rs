//! Writing export files so that a failed write never leaves half a file behind.

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, then renames it over.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("Kunde inte skriva {}: {e}", path.display())
        })
}
