//! Exchange files (`.tavla`): the changes for a partner (see `store::sync`), always
//! encrypted with age and a passphrase the two sides agreed on by phone. Decrypted, a
//! file is a line naming the format and the changes as JSON; `describe` puts it in words
//! for a registrator (a file sent or received is an allmän handling at both ends).

use crate::domain::exchange::{Changes, Val, column_label, show_value, table_label};
use age::secrecy::SecretString;
use std::path::Path;

/// The first line of a decrypted file.
const MAGIC: &str = "TRYGGHETSTAVLAN-ÄNDRINGAR\n";

/// No exchange file is larger (photos travel once, re-encoded to at most 1600 px).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

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
    let json = serde_json::to_vec(changes).map_err(|e| ExchangeError::File(e.to_string()))?;
    let mut plain = Vec::with_capacity(MAGIC.len() + json.len());
    plain.extend_from_slice(MAGIC.as_bytes());
    plain.extend_from_slice(&json);
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
    let json = plain
        .strip_prefix(MAGIC.as_bytes())
        .ok_or(ExchangeError::NotAnExchangeFile)?;
    serde_json::from_slice(json).map_err(|_| ExchangeError::NotAnExchangeFile)
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
        "{new} nya, {changed} ändrade och {removed} borttagna rader. Avsändaren har läst mottagarens filer till och med nr {}.\n",
        h.ack
    ));
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
                v => show_value(v),
            };
            out.push_str(&format!("  {}: {value}\n", column_label(&cell.column)));
        }
    }
    out
}
