//! Exchange files (`.tavla`): the changes for a partner (see `store::sync`), always
//! encrypted with age and a passphrase the two sides agreed on by phone. Decrypted, a
//! file is a line naming the format and the changes as deflate-compressed JSON;
//! `describe` puts it in words for a registrator (a file sent or received is an allmän
//! handling at both ends).

use crate::domain::exchange::{Changes, Val, column_label, show_value, table_label};
use crate::store::sync::Applied;
use crate::store::{CopyKind, Store, StoreError};
use age::secrecy::SecretString;
use chrono::NaiveDateTime;
use std::path::Path;

/// The first line of a decrypted file.
const MAGIC: &str = "TRYGGHETSTAVLAN-ÄNDRINGAR\n";

/// No exchange file is larger (photos travel once, re-encoded to at most 1600 px).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Nor its content, uncompressed: a small file cannot unpack to fill the memory.
pub const MAX_CONTENT_BYTES: u64 = 2 << 30;

/// A passphrase read aloud over the phone: long enough to stand a guessing attack on a
/// file that was mailed to the wrong person.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExchangeError {
    #[error(
        "Lösenordet måste vara minst {MIN_PASSPHRASE_CHARS} tecken. Kom överens om det per telefon, till exempel fyra ord."
    )]
    ShortPassphrase,
    #[error("Fel lösenord, eller så är filen skadad. Inget har ändrats.")]
    WrongPassphrase,
    #[error(
        "Filen är ingen ändringsfil från Trygghetstavlan, eller så är den skadad. Inget har ändrats."
    )]
    NotAnExchangeFile,
    #[error("{0}")]
    File(String),
}

pub fn check_passphrase(p: &str) -> Result<(), ExchangeError> {
    if p.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(ExchangeError::ShortPassphrase);
    }
    Ok(())
}

/// The passphrase from a file (`--losenord-fil`): its first line, without the line end.
pub fn passphrase_from_file(path: &Path) -> Result<String, ExchangeError> {
    let bytes = crate::files::read_bounded(path, 4096)
        .map_err(|e| ExchangeError::File(format!("Lösenordsfilen {} {e}.", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ExchangeError::File(format!(
            "Lösenordsfilen {} är inte text (UTF-8).",
            path.display()
        ))
    })?;
    let line = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string();
    check_passphrase(&line)?;
    Ok(line)
}

/// The changes as an encrypted file's bytes.
pub fn seal(changes: &Changes, passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    check_passphrase(passphrase)?;
    use std::io::Write;
    let json = serde_json::to_vec(changes).map_err(|e| ExchangeError::File(e.to_string()))?;
    let mut z = flate2::write::DeflateEncoder::new(
        MAGIC.as_bytes().to_vec(),
        flate2::Compression::default(),
    );
    let plain = z
        .write_all(&json)
        .and_then(|_| z.finish())
        .map_err(|e| ExchangeError::File(e.to_string()))?;
    let recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    age::encrypt(&recipient, &plain)
        .map_err(|e| ExchangeError::File(format!("Kunde inte kryptera: {e}")))
}

/// The changes in an encrypted file's bytes; nothing about the content is trusted before
/// it decrypts and parses as a whole.
pub fn unseal(bytes: &[u8], passphrase: &str) -> Result<Changes, ExchangeError> {
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    let plain = age::decrypt(&identity, bytes).map_err(|e| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::InvalidMac => ExchangeError::WrongPassphrase,
        _ => ExchangeError::NotAnExchangeFile,
    })?;
    let packed = plain
        .strip_prefix(MAGIC.as_bytes())
        .ok_or(ExchangeError::NotAnExchangeFile)?;
    use std::io::Read;
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(packed)
        .take(MAX_CONTENT_BYTES + 1)
        .read_to_end(&mut json)
        .map_err(|_| ExchangeError::NotAnExchangeFile)?;
    if json.len() as u64 > MAX_CONTENT_BYTES {
        return Err(ExchangeError::NotAnExchangeFile);
    }
    serde_json::from_slice(&json).map_err(|_| ExchangeError::NotAnExchangeFile)
}

pub fn read(path: &Path, passphrase: &str) -> Result<Changes, ExchangeError> {
    let bytes = crate::files::read_bounded(path, MAX_FILE_BYTES)
        .map_err(|e| ExchangeError::File(format!("{} {e}.", path.display())))?;
    unseal(&bytes, passphrase)
}

pub fn write(path: &Path, changes: &Changes, passphrase: &str) -> Result<(), ExchangeError> {
    let bytes = seal(changes, passphrase)?;
    crate::files::write_atomically(path, &bytes).map_err(ExchangeError::File)
}

/// "1 ny, 3 ändrade och ingen borttagen post" — counts as a Swedish reader says them.
pub fn counted(new: usize, changed: usize, removed: usize) -> String {
    let n = |k: usize, one: &str, many: &str| match k {
        0 => format!("inga {many}"),
        1 => format!("1 {one}"),
        k => format!("{k} {many}"),
    };
    format!(
        "{}, {} och {} {}",
        n(new, "ny", "nya"),
        n(changed, "ändrad", "ändrade"),
        n(removed, "borttagen", "borttagna"),
        if removed == 1 { "post" } else { "poster" }
    )
}

fn stamp(now: NaiveDateTime) -> String {
    now.format("%Y-%m-%d %H:%M").to_string()
}

/// Writes the changes for `to` into an encrypted file at `path`. Nothing is recorded as
/// sent when the file cannot be written. The window and `send-changes` both use this.
pub fn send(
    store: &mut Store,
    to: &str,
    from: Option<&str>,
    path: &Path,
    passphrase: &str,
    now: NaiveDateTime,
) -> Result<Changes, String> {
    check_passphrase(passphrase).map_err(|e| e.to_string())?;
    crate::files::check_export_target(path)?;
    store
        .atomically(|s| {
            let c = s.changes_for(to, from, &stamp(now))?;
            write(path, &c, passphrase).map_err(|e| StoreError::Exchange(e.to_string()))?;
            Ok(c)
        })
        .map_err(|e| e.to_string())
}

/// Applies a partner's file in one transaction, with a copy of the database first.
pub fn receive(store: &mut Store, c: &Changes, now: NaiveDateTime) -> Result<Applied, String> {
    if !store.already_read(c).map_err(|e| e.to_string())? {
        store
            .backup_copy(CopyKind::BeforeExchange, now)
            .map_err(|e| e.to_string())?;
    }
    store
        .apply_changes(c, &stamp(now))
        .map_err(|e| e.to_string())
}

/// A new database made from a partner's first (whole) file: not seeded, built under a
/// temporary name and only then given the real one.
pub fn create_from(path: &Path, c: &Changes, now: NaiveDateTime) -> Result<Applied, String> {
    if !c.header.whole_copy {
        return Err(format!(
            "{} finns inte, och fil nr {} från {} är ingen hel kopia. Läs in den första filen från {} först, eller be dem skicka en ny.",
            path.display(),
            c.header.number,
            c.header.sender,
            c.header.sender
        ));
    }
    let mut applied = None;
    Store::open_or_create(path, |s| {
        applied = Some(s.apply_changes(c, &stamp(now))?);
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    applied.ok_or_else(|| format!("{} fanns redan.", path.display()))
}

pub fn sent_line(c: &Changes, output: &Path) -> String {
    let (new, changed, removed) = c.counts();
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    format!(
        "Skrev fil nr {} till {}: {}{} ({}, {} kB, krypterad).",
        c.header.number,
        c.header.receiver,
        counted(new, changed, removed),
        if c.header.whole_copy {
            ", en hel kopia"
        } else {
            ""
        },
        output.display(),
        size.div_ceil(1024)
    )
}

pub fn applied_line(a: &Applied) -> String {
    if a.already_read {
        return format!(
            "Fil nr {} från {} är redan inläst; inget ändrades.",
            a.number, a.partner
        );
    }
    let mut line = format!(
        "Läste in fil nr {} från {}: {}.",
        a.number,
        a.partner,
        counted(a.added, a.changed, a.removed)
    );
    if a.conflicts > 0 {
        line.push_str(&if a.conflicts == 1 {
            " 1 konflikt listad.".to_string()
        } else {
            format!(" {} konflikter listade.", a.conflicts)
        });
    }
    line
}

/// The file in words: who sent it to whom, and every row new, changed or removed with its
/// values (photos by size), for `--visa` and the window's preview.
pub fn describe(c: &Changes) -> String {
    let h = &c.header;
    let (new, changed, removed) = c.counts();
    let mut out = format!(
        "Ändringsfil nr {} från {} till {}, gjord {} (Trygghetstavlan {}, databasversion {}).\n",
        h.number, h.sender, h.receiver, h.made_at, h.program, h.schema
    );
    if h.whole_copy {
        out.push_str("Första filen till mottagaren: en hel kopia av tavlan.\n");
    }
    out.push_str(&format!(
        "{}. Avsändaren har läst mottagarens filer till och med nr {}.\n",
        counted(new, changed, removed),
        h.ack
    ));
    // Ids are unique across tables: a reference is named by the row it names, when the
    // file carries it ("kommun: 3759… (Bromölla)").
    let names: std::collections::HashMap<i64, String> = c
        .rows
        .iter()
        .filter(|r| r.key.len() == 1)
        .filter_map(|r| {
            let name = ["name", "title", "area", "place", "text"]
                .iter()
                .find_map(|col| {
                    r.cells
                        .iter()
                        .find(|x| x.column == *col)
                        .and_then(|x| match &x.value {
                            Val::T(t) if !t.trim().is_empty() => {
                                let mut short: String = t.chars().take(40).collect();
                                if t.chars().count() > 40 {
                                    short.push('…');
                                }
                                Some(short)
                            }
                            _ => None,
                        })
                })?;
            Some((r.key[0], name))
        })
        .collect();
    for r in &c.rows {
        let what = table_label(&r.table);
        let key = r
            .key
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let kind = if r.removed {
            "Borttagen"
        } else if r.whole {
            "Ny"
        } else {
            "Ändrad"
        };
        out.push_str(&format!("\n{kind}: {what} {key}\n"));
        for cell in &r.cells {
            if cell.column == "id" {
                continue;
            }
            let value = match &cell.value {
                Val::T(s) => s.replace('\n', " / "),
                Val::I(id)
                    if cell.column.ends_with("_id")
                        || cell.column == "copied_from"
                        || cell.column == "revisit_of" =>
                {
                    match names.get(id) {
                        Some(n) => format!("{id} ({n})"),
                        None => id.to_string(),
                    }
                }
                v => show_value(v),
            };
            out.push_str(&format!("  {}: {value}\n", column_label(&cell.column)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn counts_read_as_swedish() {
        assert_eq!(
            counted(1, 0, 0),
            "1 ny, inga ändrade och inga borttagna poster"
        );
        assert_eq!(
            counted(254, 3, 1),
            "254 nya, 3 ändrade och 1 borttagen post"
        );
        assert_eq!(
            counted(0, 1, 2),
            "inga nya, 1 ändrad och 2 borttagna poster"
        );
    }
}
