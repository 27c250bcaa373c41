//! `send-changes`, `receive-changes`, `list-konflikter`, `resolve-konflikt`: the exchange
//! between kommun and polis from the command line (the window's Samverkan menu does the
//! same).

use super::{CliError, CliResult};
use crate::domain::exchange::{Changes, column_label, show_value};
use crate::exchange;
use crate::store::Store;
use chrono::NaiveDateTime;
use std::path::Path;

fn exchange_error(e: exchange::ExchangeError) -> CliError {
    CliError(e.to_string())
}

pub fn send_changes(
    store: &mut Store,
    from: Option<&str>,
    to: &str,
    output: &Path,
    passphrase_file: &Path,
    now: NaiveDateTime,
) -> CliResult {
    let passphrase = exchange::passphrase_from_file(passphrase_file).map_err(exchange_error)?;
    let c = exchange::send(store, to, from, output, &passphrase, now).map_err(CliError)?;
    println!("{}", exchange::sent_line(&c, output));
    Ok(())
}

/// Decrypts and checks a file before the database is touched.
pub fn read_changes(file: &Path, passphrase_file: &Path) -> Result<Changes, CliError> {
    let passphrase = exchange::passphrase_from_file(passphrase_file).map_err(exchange_error)?;
    exchange::read(file, &passphrase).map_err(exchange_error)
}

pub fn create_from(path: &Path, c: &Changes, now: NaiveDateTime) -> CliResult {
    let a = exchange::create_from(path, c, now).map_err(CliError)?;
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

pub fn receive(store: &mut Store, c: &Changes, now: NaiveDateTime) -> CliResult {
    let a = exchange::receive(store, c, now).map_err(CliError)?;
    let mut line = exchange::applied_line(&a);
    if a.conflicts > 0 {
        line.push_str(" Se list-konflikter.");
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

/// `import-sqlite FIL`: a kommun's file copied whole into this database, one line per
/// table and a total.
pub fn import_file(store: &mut Store, file: &Path) -> Result<String, CliError> {
    if store
        .path()
        .is_some_and(|p| crate::files::same_file(p, file))
    {
        return Err(CliError(
            "Filen är databasen själv. Ange en annan fil att kopiera från.".into(),
        ));
    }
    let source = Store::open_readonly(file).map_err(|e| match e {
        crate::store::StoreError::OldBackup(v) => CliError(format!(
            "{} har en äldre schemaversion ({v}). Öppna den först med trygghetstavlan --db {} list, så uppgraderas den.",
            file.display(),
            file.display()
        )),
        other => other.into(),
    })?;
    let copied = store.copy_from(&source)?;
    let mut out = String::new();
    for c in &copied {
        if c.new + c.same > 0 {
            out.push_str(&format!(
                "{}: {} nya, {} fanns redan\n",
                crate::domain::exchange::table_label(&c.table),
                c.new,
                c.same
            ));
        }
    }
    let new: u64 = copied.iter().map(|c| c.new).sum();
    let target = store
        .server()
        .map(String::from)
        .or_else(|| store.path().map(|p| p.display().to_string()))
        .unwrap_or_default();
    out.push_str(&format!(
        "Kopierade {new} rader från {} till {target}.",
        file.display()
    ));
    Ok(out)
}
