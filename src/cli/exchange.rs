//! `send-changes`, `receive-changes`, `list-konflikter`, `resolve-konflikt`: the exchange
//! between kommun and polis from the command line (the window's Samverkan menu does the
//! same).

use super::{CliError, CliResult};
use crate::domain::exchange::{Changes, column_label, show_value};
use crate::exchange;
use crate::store::{CopyKind, Store, StoreError};
use chrono::NaiveDateTime;
use std::path::Path;

fn stamp(now: NaiveDateTime) -> String {
    now.format("%Y-%m-%d %H:%M").to_string()
}

fn exchange_error(e: exchange::ExchangeError) -> CliError {
    CliError(e.to_string())
}

/// Writes the changes for `to` into an encrypted file; nothing is recorded as sent when
/// the file cannot be written.
pub fn send_changes(
    store: &mut Store,
    from: Option<&str>,
    to: &str,
    output: &Path,
    passphrase_file: &Path,
    now: NaiveDateTime,
) -> CliResult {
    let passphrase = exchange::passphrase_from_file(passphrase_file).map_err(exchange_error)?;
    crate::files::check_export_target(output).map_err(CliError)?;
    let c = store.atomically(|s| {
        let c = s.changes_for(to, from, &stamp(now))?;
        exchange::write(output, &c, &passphrase)
            .map_err(|e| StoreError::Exchange(e.to_string()))?;
        Ok(c)
    })?;
    println!("{}", sent_line(&c, output));
    Ok(())
}

pub fn sent_line(c: &Changes, output: &Path) -> String {
    let (new, changed, removed) = c.counts();
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    format!(
        "Skrev fil nr {} till {}: {new} nya, {changed} ändrade och {removed} borttagna rader{} ({}, {} kB, krypterad).",
        c.header.number,
        c.header.receiver,
        if c.header.whole_copy {
            ", en hel kopia"
        } else {
            ""
        },
        output.display(),
        size.div_ceil(1024)
    )
}

/// Decrypts and checks a file before the database is touched.
pub fn read_changes(file: &Path, passphrase_file: &Path) -> Result<Changes, CliError> {
    let passphrase = exchange::passphrase_from_file(passphrase_file).map_err(exchange_error)?;
    exchange::read(file, &passphrase).map_err(exchange_error)
}

/// A first (whole) file makes a new database of its own: not seeded, built under a
/// temporary name and only then given the real one.
pub fn create_from(path: &Path, c: &Changes, now: NaiveDateTime) -> CliResult {
    if !c.header.whole_copy {
        return Err(CliError(format!(
            "{} finns inte, och fil nr {} från {} är ingen hel kopia. Läs in den första filen från {} först, eller be dem skicka en ny.",
            path.display(),
            c.header.number,
            c.header.sender,
            c.header.sender
        )));
    }
    let mut applied = None;
    Store::open_or_create(path, |s| {
        applied = Some(s.apply_changes(c, &stamp(now))?);
        Ok(())
    })?;
    let a = applied.ok_or_else(|| CliError(format!("{} fanns redan.", path.display())))?;
    println!(
        "Skapade {} från fil nr {} från {}: {} rader. Svara med --till \"{}\".",
        path.display(),
        a.number,
        a.partner,
        a.added,
        a.partner
    );
    Ok(())
}

/// Applies a partner's file in one transaction, a copy of the database first.
pub fn receive(store: &mut Store, c: &Changes, now: NaiveDateTime) -> CliResult {
    if !store.already_read(c)? {
        let copy = store.backup_copy(CopyKind::BeforeExchange, now)?;
        log::info!("kopia före inläsning: {}", copy.display());
    }
    let a = store.apply_changes(c, &stamp(now))?;
    if a.already_read {
        println!(
            "Fil nr {} från {} är redan inläst; inget ändrades.",
            a.number, a.partner
        );
        return Ok(());
    }
    let mut line = format!(
        "Läste in fil nr {} från {}: {} nya, {} ändrade och {} borttagna rader.",
        a.number, a.partner, a.added, a.changed, a.removed
    );
    if a.conflicts > 0 {
        line.push_str(&format!(
            " {} konflikt{} — se list-konflikter.",
            a.conflicts,
            if a.conflicts == 1 { "" } else { "er" }
        ));
    }
    println!("{line}");
    Ok(())
}

pub fn list_conflicts(store: &Store, all: bool) -> CliResult {
    let conflicts = store.conflicts(all)?;
    if conflicts.is_empty() {
        println!("Inga konflikter.");
        return Ok(());
    }
    for c in conflicts {
        let kept = if c.kept_theirs { "deras" } else { "vår" };
        let value = |v: &Option<crate::domain::exchange::Val>| {
            v.as_ref()
                .map(show_value)
                .unwrap_or_else(|| "(borttagen)".into())
        };
        let what = if c.column.is_empty() {
            format!(
                "borttagen hos {}, ändrad hos {}",
                if c.kept_theirs { "dem" } else { "oss" },
                if c.kept_theirs { "oss" } else { "dem" }
            )
        } else {
            format!(
                "{}: vår \"{}\", deras \"{}\"",
                column_label(&c.column),
                value(&c.ours),
                value(&c.theirs)
            )
        };
        let state = match c.resolved {
            Some(true) => "avgjord: tog deras".to_string(),
            Some(false) => "avgjord: behöll vår".to_string(),
            None => format!("gäller nu: {kept}"),
        };
        println!(
            "{}  {} — {what} ({state}; {}, {})",
            c.id, c.what, c.partner, c.found_at
        );
    }
    Ok(())
}

pub fn resolve(store: &mut Store, id: i64, theirs: bool) -> CliResult {
    store.resolve_conflict(id, theirs)?;
    println!(
        "Konflikt {id} avgjord: {}. Ändringen skickas med nästa fil.",
        if theirs {
            "deras uppgift gäller"
        } else {
            "vår uppgift gäller"
        }
    );
    Ok(())
}
