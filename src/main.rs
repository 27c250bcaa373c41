// On Windows a GUI-subsystem program: no console window opens beside the app when it is
// started from the Start menu; CLI commands attach to the console they were typed in.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;
use trygghetstavlan::cli::{self, Command};
use trygghetstavlan::domain::Clock;
use trygghetstavlan::store::{Store, StoreError, health};

/// The default database file in the OS data folder.
fn default_db() -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("se", "Trygghetstavlan", "Trygghetstavlan")
        .ok_or("Hittar ingen hemkatalog för programmets data; ange --db SÖKVÄG.")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).map_err(|e| format!("Kunde inte skapa {}: {e}", dir.display()))?;
    Ok(dir.join("trygghetstavlan.db"))
}

/// Opens the database; a new one is created complete, with the seed kommuner.
fn open(path: &std::path::Path) -> Result<Store, StoreError> {
    Store::open_or_create(path, trygghetstavlan::seed::install)
}

/// For a command: a damaged database is refused (read whole only when it changed since
/// the last check passed); a healthy one gets the day's copy.
fn open_for_command(path: &std::path::Path) -> Result<Store, StoreError> {
    let unchanged = health::unchanged_since_check(path);
    let store = open(path)?;
    store.check_health_if_changed(path, unchanged)?;
    let today = Clock::System.today();
    let dir = trygghetstavlan::store::backup_dir(path);
    if let Err(e) = store.daily_backup(&dir, today, trygghetstavlan::store::KEEP_DAILY) {
        // A failed copy must not stop the work; say so and go on.
        eprintln!("varning: {e}");
    }
    Ok(store)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("fel: {msg}");
    ExitCode::from(2)
}

/// A GUI-subsystem program starts without standard handles; when it was started from cmd
/// or PowerShell, it borrows their console so that CLI output and errors reach the user.
/// Output redirected to a file or a pipe already has its handles and is left alone.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain Win32 calls without pointers; a failure (no parent console, as when
    // started from Explorer) leaves the process as it was.
    unsafe {
        if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    let args = match cli::parse_args(std::env::args_os()) {
        Ok(a) => a,
        Err((text, code)) => {
            // Help and version go to standard out; a mistake is one line on standard error.
            if code == 0 {
                println!("{}", text.trim_end());
            } else {
                eprintln!("{}", text.trim_end());
            }
            return ExitCode::from(code);
        }
    };
    let path = match args.db.clone().map(Ok).unwrap_or_else(default_db) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let today = Clock::System.today();
    let Some(command) = args.command else {
        trygghetstavlan::crash::install_hook();
        let store = open(&path);
        let mut start = trygghetstavlan::app::StartAt {
            municipality: None,
            meeting: args.mote,
        };
        if let (Some(name), Ok(s)) = (&args.kommun, &store) {
            match s.municipality_by_name(name) {
                Ok(Some(m)) => start.municipality = Some(m.id),
                Ok(None) => return fail(&format!("Okänd kommun: {name}")),
                Err(e) => return fail(&e.to_string()),
            }
        } else if args.mote && args.kommun.is_none() {
            return fail("Ange kommunen för mötet: --kommun NAMN --mote.");
        }
        return match trygghetstavlan::app::run(path.clone(), store, start) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("Kunde inte öppna fönstret: {e}")),
        };
    };
    if let Command::Demo { sverige: true } = &command {
        // A new file only: the generator fills an empty database.
        if path.exists() {
            return fail(&format!(
                "{} finns redan. Ange en ny fil med --db för databasen i Sveriges storlek.",
                path.display()
            ));
        }
        let started = std::time::Instant::now();
        return match trygghetstavlan::store::Store::open(&path).and_then(|mut s| {
            s.generate_synthetic(trygghetstavlan::store::synthetic::Spec::sweden())
        }) {
            Ok(n) => {
                println!(
                    "Skapade {} med 290 kommuner och {} insatser på {:.0} s.",
                    path.display(),
                    trygghetstavlan::validate::fmt_thousands(n as u32),
                    started.elapsed().as_secs_f64()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        };
    }
    if let Command::Restore { file } = &command {
        // Restore must work on a database that cannot be opened: that is when it is needed.
        let now = Clock::System.now();
        let r = match open(&path) {
            Ok(mut s) => cli::restore(Some(&mut s), &path, file, now),
            Err(e) if e.is_unreadable() => cli::restore(None, &path, file, now),
            Err(e) => Err(e.into()),
        };
        return match r {
            Ok(()) => ExitCode::SUCCESS,
            Err(cli::CliError(msg)) => fail(&msg),
        };
    }
    let mut store = match open_for_command(&path) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    // Another program writing meanwhile changes this; then the file is not known checked.
    let version = store.data_version().ok();
    let mut stdout = std::io::stdout().lock();
    let result = match command {
        Command::List { kommun, period } => {
            use std::io::IsTerminal;
            let terminal = std::io::stdout().is_terminal();
            cli::list(
                &store,
                kommun.as_deref(),
                period,
                today,
                terminal,
                &mut stdout,
            )
        }
        Command::ExportCsv {
            kommun,
            atgarder: true,
            ansvarig,
            output,
            ..
        } => cli::export_measures_csv(
            &store,
            kommun.as_deref(),
            ansvarig.as_deref(),
            output.as_deref(),
            today,
            &mut stdout,
        ),
        Command::ExportCsv {
            kommun,
            period,
            output,
            ..
        } => cli::export_csv(
            &store,
            kommun.as_deref(),
            period,
            output.as_deref(),
            today,
            &mut stdout,
        ),
        Command::AddInsats {
            kommun,
            lofte,
            date,
            count,
            by,
            mal,
            place,
            text,
            note,
        } => cli::add_activity(
            &mut store,
            &cli::AddActivityArgs {
                kommun: &kommun,
                commitment: lofte,
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
        } => match (mote, kommun, lpo, period) {
            _ if vandring.is_some() => {
                cli::export_protocol(&store, vandring.unwrap_or_default(), &output, today)
            }
            (None, Some(k), None, None) if atgarder => {
                cli::export_measures_pdf(&store, &k, ansvarig.as_deref(), &output, today)
            }
            (Some(id), _, _, _) => cli::export_minutes(&store, id, &output, today),
            (None, Some(k), _, Some(p)) => {
                cli::export_pdf(&store, &k, p, &output, today, !utan_bilaga)
            }
            (None, None, Some(a), Some(p)) => {
                cli::export_area_pdf(&store, &a, p, &output, today, !utan_bilaga)
            }
            _ => Err(cli::CliError(
                "Ange --kommun och --period, --lpo och --period, eller --mote.".into(),
            )),
        }
        .map(|msg| println!("{msg}")),
        Command::ExportHtml {
            kommun,
            period,
            output,
        } => cli::export_html(&store, &kommun, period, &output, today).map(|msg| println!("{msg}")),
        Command::AddMote {
            kommun,
            lpo,
            date,
            deltagare,
            anteckning,
        } => cli::add_meeting(
            &mut store,
            (kommun.as_deref(), lpo.as_deref()),
            &date,
            &deltagare,
            &anteckning,
        )
        .map(|id| println!("Sparade möte {id}.")),
        Command::AddBeslut {
            mote,
            text,
            ansvarig,
            senast,
            lofte,
        } => cli::add_decision(
            &mut store,
            &cli::DecisionArgs {
                meeting: mote,
                text: &text,
                responsible: &ansvarig,
                deadline: senast.as_deref(),
                commitment: lofte,
            },
        )
        .map(|id| println!("Sparade beslut {id}.")),
        Command::CloseBeslut {
            id,
            struken,
            reason,
        } => cli::close_decision(&mut store, id, struken, &reason, today),
        Command::SetBedomning {
            kommun,
            lofte,
            period,
            resultat,
            orsak,
            fortsattning,
        } => cli::set_assessment(
            &mut store,
            &cli::AssessmentArgs {
                kommun: &kommun,
                commitment: lofte,
                year: period,
                result: resultat.as_deref(),
                cause: orsak.as_deref(),
                next: fortsattning.as_deref(),
            },
            today,
        ),
        Command::ListMoten { kommun } => {
            cli::list_meetings(&store, kommun.as_deref(), today, &mut stdout)
        }
        Command::ImportText {
            kommun,
            period,
            lpo,
            file,
            dry_run,
            json,
        } => cli::import_text(
            &mut store,
            &cli::ImportArgs {
                kommun: &kommun,
                period: period.as_deref(),
                lpo: lpo.as_deref(),
                file: &file,
                dry_run,
                json,
            },
            &mut stdout,
        ),
        Command::Backup { output } => cli::backup(&store, output.as_deref(), Clock::System.now()),
        Command::Restore { .. } => Ok(()), // handled above, before the health check
        Command::StressWrite { kommun, count } => cli::stress_write(&mut store, &kommun, count),
        Command::AddVandring {
            kommun,
            date,
            omrade,
            ljus,
            deltagare,
            organisationer,
            lofte,
        } => cli::add_walk(
            &mut store,
            &cli::WalkArgs {
                kommun: &kommun,
                date: &date,
                area: &omrade,
                light: ljus.as_deref(),
                participants: deltagare,
                organisations: &organisationer,
                commitment: lofte,
            },
        )
        .map(|id| println!("Sparade vandring {id}.")),
        Command::AddIakttagelse { vandring, fields } => {
            cli::add_observation(&mut store, vandring, &fields.into_args(), today)
                .map(|id| println!("Sparade iakttagelse {id}."))
        }
        Command::EditIakttagelse { id, fields } => {
            cli::edit_observation(&mut store, id, &fields.into_args())
                .map(|()| println!("Sparade iakttagelse {id}."))
        }
        Command::DeleteIakttagelse { id } => cli::delete_observation(&mut store, id)
            .map(|place| println!("Tog bort iakttagelse {id} ({place}).")),
        Command::ListVandringar { kommun, open } => {
            cli::list_walks(&store, kommun.as_deref(), open, today, &mut stdout)
        }
        Command::NewPeriod {
            kommun,
            from,
            period,
            bara_ej_genomforda,
        } => cli::new_period(
            &mut store,
            &kommun,
            from,
            &period,
            bara_ej_genomforda,
            today,
        )
        .map(|msg| println!("{msg}")),
        Command::DeletePeriod { kommun, period, ja } => {
            let removal = cli::find_kommun(&store, &kommun)
                .and_then(|m| {
                    store.pledge_for_year(m.id, period)?.ok_or_else(|| {
                        cli::CliError(format!(
                            "{} har inget medborgarlöfte som omfattar {period}.",
                            m.name
                        ))
                    })
                })
                .and_then(|p| Ok(store.pledge_removal(p.id)?));
            removal
                .and_then(|r| cli::delete(&mut store, &r, ja, Clock::System.now()))
                .map(|msg| println!("{msg}"))
        }
        Command::DeleteKommun { namn, ja } => cli::find_kommun(&store, &namn)
            .and_then(|m| Ok(store.municipality_removal(m.id)?))
            .and_then(|r| cli::delete(&mut store, &r, ja, Clock::System.now()))
            .map(|msg| println!("{msg}")),
        Command::RenameKommun { namn, nytt_namn } => {
            cli::rename_kommun(&mut store, &namn, &nytt_namn).map(|msg| println!("{msg}"))
        }
        // `demo --sverige` was handled before the database was opened.
        Command::Demo { .. } => trygghetstavlan::demo::add_demo(&mut store, today)
            .map(|c| {
                println!(
                    "La till exempeldata: {} insatser, {} trygghetsvandringar med {} iakttagelser.",
                    c.activities, c.walks, c.observations
                )
            })
            .map_err(cli::CliError::from),
    };
    let own_writes_only = version.is_some() && store.data_version().ok() == version;
    // Closed first: closing writes the write-ahead log back into the file.
    drop(store);
    match result {
        Ok(()) => {
            if own_writes_only {
                // Failing to remember only costs the next command a check.
                let _ = health::remember_checked(&path);
            }
            ExitCode::SUCCESS
        }
        // A refused command wrote nothing: the remembered check (if any) still fits the
        // file, and a page SQLite found damaged it reports again on the next read.
        Err(cli::CliError(msg)) => fail(&msg),
    }
}
