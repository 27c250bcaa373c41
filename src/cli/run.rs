//! Runs one command: opens the database the way the command needs it, dispatches, and
//! turns the outcome into one line and an exit code.

use super::{CliError, CliResult, Command};
use crate::domain::Clock;
use crate::store::{Store, StoreError, health};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Opens the database; a new one is created complete, with the seed kommuner.
fn open(path: &Path) -> Result<Store, StoreError> {
    Store::open_or_create(path, crate::seed::install)
}

/// One line on standard error, exit code 2.
pub fn fail(msg: &str) -> ExitCode {
    eprintln!("fel: {msg}");
    ExitCode::from(2)
}

/// For a command: a damaged database is refused (read whole only when it changed since
/// the last check passed); a healthy one gets the day's copy.
fn open_for_command(path: &Path) -> Result<Store, StoreError> {
    if crate::store::server_url(path).is_some() {
        // The server's health and copies are IT's (pg_dump).
        return open(path);
    }
    let unchanged = health::unchanged_since_check(path);
    let store = open(path)?;
    store.check_health_if_changed(path, unchanged)?;
    let today = Clock::System.today();
    let dir = crate::store::backup_dir(path);
    if let Err(e) = store.daily_backup(&dir, today, crate::store::KEEP_DAILY) {
        // A failed copy must not stop the work; say so and go on.
        eprintln!("varning: {e}");
    }
    Ok(store)
}

/// Runs `command` on the database at `path`.
pub fn run(path: &Path, command: Command) -> ExitCode {
    match command {
        Command::Demo { sverige: true } => return sweden(path),
        Command::Restore { file } => return restore_command(path, &file),
        Command::ReceiveChanges {
            file,
            losenord_fil,
            visa,
            csv,
        } => return receive_command(path, &file, &losenord_fil, visa, csv.as_deref()),
        _ => {}
    }
    let mut store = match open_for_command(path) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    // Another program writing meanwhile changes this; then the file is not known checked.
    let version = store.data_version().ok();
    let result = dispatch(command, &mut store, Clock::System.today());
    let own_writes_only = version.is_some() && store.data_version().ok() == version;
    // Closed first: closing writes the write-ahead log back into the file.
    drop(store);
    match result {
        Ok(()) => {
            if own_writes_only && crate::store::server_url(path).is_none() {
                // Failing to remember only costs the next command a check.
                let _ = health::remember_checked(path);
            }
            ExitCode::SUCCESS
        }
        // A refused command wrote nothing: the remembered check (if any) still fits the
        // file, and a page SQLite found damaged it reports again on the next read.
        Err(CliError(msg)) => fail(&msg),
    }
}

/// `demo --sverige`: a new file only, filled by the generator.
fn sweden(path: &Path) -> ExitCode {
    if path.exists() {
        return fail(&format!(
            "{} finns redan. Ange en ny fil med --db för databasen i Sveriges storlek.",
            path.display()
        ));
    }
    let started = std::time::Instant::now();
    match Store::open(path)
        .and_then(|mut s| s.generate_synthetic(crate::store::synthetic::Spec::sweden()))
    {
        Ok(n) => {
            println!(
                "Skapade {} med 290 kommuner, {} insatser och 1 000 000 händelser på {:.0} s.",
                path.display(),
                crate::validate::fmt_thousands(n as u32),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Restore must work on a database that cannot be opened: that is when it is needed.
fn restore_command(path: &Path, file: &Path) -> ExitCode {
    let now = Clock::System.now();
    let r = match open(path) {
        Ok(mut s) => super::restore(Some(&mut s), path, file, now),
        Err(e) if e.is_unreadable() => super::restore(None, path, file, now),
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(msg)) => fail(&msg),
    }
}

/// `receive-changes`: the file is decrypted and checked before the database is opened;
/// `--visa` only shows it; a database that does not exist is made from a first file.
fn receive_command(
    path: &Path,
    file: &Path,
    passphrase: &Path,
    show: bool,
    csv: Option<&Path>,
) -> ExitCode {
    let now = Clock::System.now();
    let result = super::exchange::read_changes(file, passphrase).and_then(|c| {
        if show {
            print!("{}", crate::exchange::describe(&c));
            return Ok(());
        }
        if let Some(out) = csv {
            crate::files::write_atomically(out, crate::csv::changes_document(&c).as_bytes())
                .map_err(CliError)?;
            println!(
                "Skrev innehållet i fil nr {} till {}.",
                c.header.number,
                out.display()
            );
            return Ok(());
        }
        if !path.exists() {
            return super::exchange::create_from(path, &c, now);
        }
        let mut store = open_for_command(path)?;
        super::exchange::receive(&mut store, &c, now)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(msg)) => fail(&msg),
    }
}

/// Prints a command's message on success.
fn say(r: Result<String, CliError>) -> CliResult {
    r.map(|msg| println!("{msg}"))
}

fn dispatch(command: Command, store: &mut Store, today: NaiveDate) -> CliResult {
    let mut stdout = std::io::stdout().lock();
    match command {
        c
        @ (Command::ExportPdf { .. } | Command::ExportHtml { .. } | Command::ExportCsv { .. }) => {
            export(c, store, today, &mut stdout)
        }
        c @ (Command::AddVandring { .. }
        | Command::AddIakttagelse { .. }
        | Command::EditIakttagelse { .. }
        | Command::DeleteIakttagelse { .. }
        | Command::ListVandringar { .. }) => walk_command(c, store, today, &mut stdout),
        c @ (Command::AddMote { .. }
        | Command::AddBeslut { .. }
        | Command::CloseBeslut { .. }
        | Command::SetBedomning { .. }) => meeting_command(c, store, today),
        Command::ListMoten { kommun } => {
            super::list_meetings(store, kommun.as_deref(), today, &mut stdout)
        }
        Command::List { kommun, period } => {
            use std::io::IsTerminal;
            let terminal = std::io::stdout().is_terminal();
            super::list(
                store,
                kommun.as_deref(),
                period,
                today,
                terminal,
                &mut stdout,
            )
        }
        Command::ListOverenskommelser { kommun } => {
            super::list_agreements(store, kommun.as_deref(), &mut stdout)
        }
        Command::AddInsats {
            kommun,
            lofte,
            fokus,
            date,
            count,
            by,
            mal,
            place,
            text,
            note,
        } => super::add_activity(
            store,
            &super::AddActivityArgs {
                kommun: &kommun,
                commitment: lofte,
                focus: &fokus,
                date: &date,
                count: &count,
                by: by.as_deref(),
                target_no: mal,
                place: &place,
                text: &text,
                note: &note,
            },
        )
        .map(|(id, warning)| {
            if let Some(w) = warning {
                eprintln!("{w}");
            }
            println!("Sparade insats {id}.");
        }),
        Command::ImportText {
            kommun,
            period,
            lpo,
            file,
            dry_run,
            json,
        } => super::import_text(
            store,
            &super::ImportArgs {
                kommun: &kommun,
                period: period.as_deref(),
                lpo: lpo.as_deref(),
                file: &file,
                dry_run,
                json,
            },
            &mut stdout,
        ),
        Command::AddHandelse {
            kommun,
            date,
            tid,
            plats,
            kategori,
            omrade,
            kalla,
            antal,
            beskrivning,
        } => super::incidents::add_incident(
            store,
            &super::incidents::IncidentArgs {
                kommun: &kommun,
                date: &date,
                time: tid.as_deref(),
                area: &omrade,
                place: &plats,
                category: &kategori,
                source: &kalla,
                count: &antal,
                description: &beskrivning,
            },
        ),
        Command::ImportHandelser {
            kommun,
            file,
            dry_run,
        } => super::incidents::import_incidents(store, &kommun, &file, dry_run),
        Command::Lagesbild {
            kommun,
            fran,
            till,
            json,
        } => super::incidents::situation(store, &kommun, &fran, &till, json, &mut stdout),
        Command::AddIndikator {
            kommun,
            namn,
            enhet,
            kalla,
            lagre_ar_battre,
            lofte,
        } => super::incidents::add_indicator(
            store,
            &kommun,
            (&namn, &enhet, &kalla),
            lagre_ar_battre,
            &lofte,
        ),
        Command::SetVarde {
            indikator,
            ar,
            varde,
            fil,
        } => super::incidents::set_value(store, indikator, ar.zip(varde), fil.as_deref()),
        c => maintenance(c, store, today),
    }
}

/// The year cycle, deleting and renaming, copies and the demo data.
fn maintenance(command: Command, store: &mut Store, today: NaiveDate) -> CliResult {
    let now = Clock::System.now();
    match command {
        Command::NewPeriod {
            kommun,
            from,
            period,
            bara_ej_genomforda,
        } => say(super::new_period(
            store,
            &kommun,
            from,
            &period,
            bara_ej_genomforda,
            today,
        )),
        Command::DeletePeriod { kommun, period, ja } => {
            let m = super::find_kommun(store, &kommun)?;
            let pledge = store.pledge_for_year(m.id, period)?.ok_or_else(|| {
                CliError(format!(
                    "{} har inget medborgarlöfte som omfattar {period}.",
                    m.name
                ))
            })?;
            let removal = store.pledge_removal(pledge.id)?;
            say(super::delete(store, &removal, ja, now))
        }
        Command::DeleteKommun { namn, ja } => {
            let m = super::find_kommun(store, &namn)?;
            let removal = store.municipality_removal(m.id)?;
            say(super::delete(store, &removal, ja, now))
        }
        Command::RenameKommun { namn, nytt_namn } => {
            say(super::rename_kommun(store, &namn, &nytt_namn))
        }
        Command::Backup { output } => super::backup(store, output.as_deref(), now),
        Command::ImportSqlite { file } => say(super::exchange::import_file(store, &file)),
        Command::SendChanges {
            fran,
            till,
            output,
            losenord_fil,
        } => super::exchange::send_changes(
            store,
            fran.as_deref(),
            &till,
            &output,
            &losenord_fil,
            now,
        ),
        Command::ListKonflikter { alla } => super::exchange::list_conflicts(store, alla),
        Command::ResolveKonflikt { id, deras, .. } => super::exchange::resolve(store, id, deras),
        Command::ReceiveChanges { .. } => Err(CliError("receive-changes".into())),
        Command::StressWrite { kommun, count } => super::stress_write(store, &kommun, count),
        // `demo --sverige` was handled before the database was opened.
        Command::Demo { .. } => {
            let c = crate::demo::add_demo(store, today)?;
            println!(
                "La till exempeldata: {} insatser, {} trygghetsvandringar med {} iakttagelser.",
                c.activities, c.walks, c.observations
            );
            Ok(())
        }
        // Restore runs before the health check (`run`); the rest are dispatched above.
        _ => Ok(()),
    }
}

/// PDF, HTML and CSV.
fn export(command: Command, store: &Store, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    match command {
        Command::ExportCsv {
            overenskommelse: Some(id),
            output,
            ..
        } => super::export_agreement_csv(store, id, output.as_deref(), today, out),
        Command::ExportCsv {
            kommun,
            atgarder: true,
            ansvarig,
            output,
            ..
        } => super::export_measures_csv(
            store,
            kommun.as_deref(),
            ansvarig.as_deref(),
            output.as_deref(),
            today,
            out,
        ),
        Command::ExportCsv {
            kommun,
            period,
            output,
            ..
        } => super::export_csv(
            store,
            kommun.as_deref(),
            period,
            output.as_deref(),
            today,
            out,
        ),
        Command::ExportPdf {
            overenskommelse: Some(id),
            output,
            dnr,
            ..
        } => {
            let dnr = crate::validate::parse_dnr(dnr.as_deref().unwrap_or(""))?;
            let to = super::exports::Target::new(&output, dnr.as_deref());
            say(super::export_agreement_pdf(store, id, &to, today))
        }
        Command::ExportPdf {
            kommun,
            vandring,
            atgarder,
            ansvarig,
            lpo,
            period,
            mote,
            utan_bilaga,
            output,
            dnr,
            ..
        } => {
            let dnr = crate::validate::parse_dnr(dnr.as_deref().unwrap_or(""))?;
            let to = super::exports::Target::new(&output, dnr.as_deref());
            say(match (vandring, mote, kommun, lpo, period) {
                (Some(walk), ..) => super::export_protocol(store, walk, &to, today),
                (None, None, Some(k), None, None) if atgarder => {
                    super::export_measures_pdf(store, &k, ansvarig.as_deref(), &to, today)
                }
                (None, Some(id), ..) => super::export_minutes(store, id, &to, today),
                (None, None, Some(k), _, Some(p)) => {
                    super::export_pdf(store, &k, p, &to, today, !utan_bilaga)
                }
                (None, None, None, Some(a), Some(p)) => {
                    super::export_area_pdf(store, &a, p, &to, today, !utan_bilaga)
                }
                _ => Err(CliError(
                    "Ange --kommun och --period, --lpo och --period, eller --mote.".into(),
                )),
            })
        }
        Command::ExportHtml {
            kommun,
            period,
            output,
        } => say(super::export_html(store, &kommun, period, &output, today)),
        _ => Ok(()),
    }
}

/// Trygghetsvandringar and their iakttagelser.
fn walk_command(
    command: Command,
    store: &mut Store,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    match command {
        Command::AddVandring {
            kommun,
            date,
            omrade,
            ljus,
            deltagare,
            organisationer,
            lofte,
        } => {
            let id = super::add_walk(
                store,
                &super::WalkArgs {
                    kommun: &kommun,
                    date: &date,
                    area: &omrade,
                    light: ljus.as_deref(),
                    participants: deltagare,
                    organisations: &organisationer,
                    commitment: lofte,
                },
            )?;
            println!("Sparade vandring {id}.");
            Ok(())
        }
        Command::AddIakttagelse { vandring, fields } => {
            let id = super::add_observation(store, vandring, &fields.into_args(), today)?;
            println!("Sparade iakttagelse {id}.");
            Ok(())
        }
        Command::EditIakttagelse { id, fields } => {
            super::edit_observation(store, id, &fields.into_args())?;
            println!("Sparade iakttagelse {id}.");
            Ok(())
        }
        Command::DeleteIakttagelse { id } => {
            let place = super::delete_observation(store, id)?;
            println!("Tog bort iakttagelse {id} ({place}).");
            Ok(())
        }
        Command::ListVandringar { kommun, open } => {
            super::list_walks(store, kommun.as_deref(), open, today, out)
        }
        _ => Ok(()),
    }
}

/// Lägesbildsmöten, beslut and bedömningar.
fn meeting_command(command: Command, store: &mut Store, today: NaiveDate) -> CliResult {
    match command {
        Command::AddMote {
            kommun,
            lpo,
            date,
            deltagare,
            anteckning,
        } => {
            let id = super::add_meeting(
                store,
                (kommun.as_deref(), lpo.as_deref()),
                &date,
                &deltagare,
                &anteckning,
            )?;
            println!("Sparade möte {id}.");
            Ok(())
        }
        Command::AddBeslut {
            mote,
            text,
            ansvarig,
            senast,
            lofte,
        } => {
            let id = super::add_decision(
                store,
                &super::DecisionArgs {
                    meeting: mote,
                    text: &text,
                    responsible: &ansvarig,
                    deadline: senast.as_deref(),
                    commitment: lofte,
                },
            )?;
            println!("Sparade beslut {id}.");
            Ok(())
        }
        Command::CloseBeslut {
            id,
            struken,
            reason,
        } => super::close_decision(store, id, struken, &reason, today),
        Command::SetBedomning {
            kommun,
            lofte,
            period,
            resultat,
            orsak,
            fortsattning,
        } => super::set_assessment(
            store,
            &super::AssessmentArgs {
                kommun: &kommun,
                commitment: lofte,
                year: period,
                result: resultat.as_deref(),
                cause: orsak.as_deref(),
                next: fortsattning.as_deref(),
            },
            today,
        ),
        _ => Ok(()),
    }
}
