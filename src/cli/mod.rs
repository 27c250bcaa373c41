//! Command line: arguments and the commands that do not open a window.

use crate::domain::{
    Activity, ActivityId, BoardData, Commitment, CommitmentId, Party, default_pledge,
};
use crate::store::{Store, StoreError};
use crate::summary::{BoardSummary, summarize};
use crate::validate::{check_text, count_of, parse_count, parse_date};
use chrono::NaiveDate;
use std::io::Write;

mod agreements;
mod args;
mod assessments;
mod exchange;
mod exports;
mod incidents;
mod meetings;
mod run;
mod walks;

pub use agreements::list_agreements;
pub use args::{Cli, Command, parse_args};
pub use assessments::{AssessmentArgs, set_assessment};
pub use exports::{
    export_agreement_csv, export_agreement_pdf, export_area_pdf, export_csv, export_html,
    export_measures_csv, export_measures_pdf, export_minutes, export_pdf, export_protocol,
};
pub use meetings::{DecisionArgs, add_decision, add_meeting, close_decision, list_meetings};
pub use run::{fail, run};
pub use walks::{
    ObservationArgs, WalkArgs, add_observation, add_walk, delete_observation, edit_observation,
};

/// A command error: the message goes to stderr as one line; exit code 2.
#[derive(Debug)]
pub struct CliError(pub String);

impl From<crate::validate::Invalid> for CliError {
    fn from(e: crate::validate::Invalid) -> Self {
        CliError(e.to_string())
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(e.to_string())
    }
}

pub(crate) type CliResult = Result<(), CliError>;

/// The kommun named on the command line, or a Swedish error.
/// The kommun named by `--kommun`, or every kommun.
pub(crate) fn chosen_kommuner(
    store: &Store,
    kommun: Option<&str>,
) -> Result<Vec<crate::domain::Municipality>, CliError> {
    Ok(match kommun {
        Some(name) => vec![find_kommun(store, name)?],
        None => store.municipalities()?,
    })
}

pub fn find_kommun(store: &Store, name: &str) -> Result<crate::domain::Municipality, CliError> {
    store
        .municipality_by_name(name)?
        .ok_or_else(|| CliError(format!("Okänd kommun: {name}")))
}

/// A lokalpolisområde by name ("Karlshamn", "LPO Karlshamn", "lokalpolisområde Karlshamn").
pub(crate) fn find_area(store: &Store, name: &str) -> Result<crate::domain::PoliceArea, CliError> {
    store
        .police_area_by_name(name)?
        .ok_or_else(|| CliError(format!("Okänt lokalpolisområde: {}", name.trim())))
}

/// Loads the boards selected by `--kommun` and `--period`.
pub fn select_boards(
    store: &Store,
    kommun: Option<&str>,
    period: Option<i32>,
    today: NaiveDate,
) -> Result<Vec<(BoardData, BoardSummary)>, CliError> {
    // Every kommun for one year: one bulk read.
    if let (None, Some(y)) = (kommun, period) {
        let out: Vec<_> = store
            .boards_covering(y, today)?
            .into_iter()
            .map(|b| {
                let s = summarize(&b, today);
                (b, s)
            })
            .collect();
        if out.is_empty() {
            return Err(CliError(format!("Inget medborgarlöfte omfattar år {y}.")));
        }
        return Ok(out);
    }
    let municipalities = chosen_kommuner(store, kommun)?;
    let mut out = Vec::new();
    for m in municipalities {
        let pledges = store.pledges(m.id)?;
        let pledge = match period {
            Some(y) => pledges.iter().find(|p| p.period.contains_year(y)),
            None => default_pledge(&pledges, today),
        };
        if let Some(p) = pledge {
            let since = store.last_meeting(m.id)?;
            let board = store.board(p.id, since, today)?;
            let summary = summarize(&board, today);
            out.push((board, summary));
        }
    }
    if out.is_empty() {
        return Err(CliError(match period {
            Some(y) => format!("Inget medborgarlöfte omfattar år {y}."),
            None if kommun.is_some() => "Kommunen har inget medborgarlöfte.".into(),
            None => "Det finns inga medborgarlöften i databasen.".into(),
        }));
    }
    Ok(out)
}

fn clip(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

/// Renders boards as a readable text table.
/// The list as text. `clip_texts`: cut long löfte texts to fit a terminal line; a file or
/// a pipe gets them whole (so that `list | grep` finds them).
pub fn render_list(boards: &[(BoardData, BoardSummary)], clip_texts: bool) -> String {
    let mut out = String::new();
    for (b, s) in boards {
        let title = if b.pledge.title.contains(&b.pledge.period.to_string()) {
            b.pledge.title.clone()
        } else {
            format!("{} ({})", b.pledge.title, b.pledge.period)
        };
        out.push_str(&format!(
            "{} — {title} · {} löften · {} genomförda\n",
            b.municipality.name,
            s.total(),
            s.done()
        ));
        out.push_str(&format!(
            "  {} {} {} {} {} Löfte\n",
            pad("ID", 5),
            pad("Ansvarig", 10),
            pad("Mål", 32),
            pad("Utfört", 7),
            pad("Status", 17)
        ));
        let mut section = "";
        for row in &s.rows {
            if row.section_title != section {
                section = &row.section_title;
                out.push_str(&format!("  ── {} ──\n", clip(section, 90)));
            }
            let c = &row.commitment;
            let mut status = row.status.label().to_string();
            if row.behind_plan {
                status.push_str(" (efter plan)");
            }
            let (goal, done) = match row.targets.first() {
                Some(t) => (
                    t.target.describe(),
                    format!("{}/{}", t.progress.done, t.progress.goal),
                ),
                None if c.checked_on.is_some() => ("(inget antal)".into(), "✓".into()),
                None => ("(inget antal)".into(), "–".into()),
            };
            out.push_str(&format!(
                "  {} {} {} {} {} {}\n",
                pad(&c.id.to_string(), 5),
                pad(c.party.label(), 10),
                pad(&clip(&goal, 32), 32),
                pad(&done, 7),
                pad(&status, 17),
                if clip_texts {
                    clip(&c.text, 80)
                } else {
                    c.text.clone()
                }
            ));
            for (i, t) in row.targets.iter().enumerate().skip(1) {
                out.push_str(&format!(
                    "  {} {} {} {} {} (mål {})\n",
                    pad("", 5),
                    pad(t.target.party.unwrap_or(c.party).label(), 10),
                    pad(&clip(&t.target.describe(), 32), 32),
                    pad(&format!("{}/{}", t.progress.done, t.progress.goal), 7),
                    pad(t.progress.status.label(), 17),
                    i + 1
                ));
            }
        }
        out.push('\n');
    }
    out
}

pub fn list(
    store: &Store,
    kommun: Option<&str>,
    period: Option<i32>,
    today: NaiveDate,
    terminal: bool,
    out: &mut dyn Write,
) -> CliResult {
    let boards = select_boards(store, kommun, period, today)?;
    out.write_all(render_list(&boards, terminal).as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}

/// Input of `add-insats`, as typed.
pub struct AddActivityArgs<'a> {
    pub kommun: &'a str,
    pub commitment: Option<i64>,
    /// Fokusområden of the kommun's agreement for the date.
    pub focus: &'a [String],
    pub date: &'a str,
    pub count: &'a str,
    pub by: Option<&'a str>,
    pub target_no: Option<usize>,
    pub place: &'a str,
    pub text: &'a str,
    pub note: &'a str,
}

/// Picks the target an insats counts towards: the only one, the one named by number, or
/// the one whose own ansvarig matches the party that did it.
pub fn resolve_target(
    c: &Commitment,
    by: Party,
    number: Option<usize>,
) -> Result<Option<crate::domain::TargetId>, String> {
    if let Some(n) = number {
        return c
            .targets
            .get(n.wrapping_sub(1))
            .map(|t| Some(t.id))
            .ok_or_else(|| {
                format!(
                    "Löfte {} har inget mål nummer {n} (det har {}).",
                    c.id,
                    c.targets.len()
                )
            });
    }
    match c.targets.len() {
        0 => Ok(None),
        1 => Ok(Some(c.targets[0].id)),
        n => {
            let by_party: Vec<_> = c.targets.iter().filter(|t| t.party == Some(by)).collect();
            if by_party.len() == 1 {
                Ok(Some(by_party[0].id))
            } else {
                Err(format!(
                    "Löfte {} har {n} mål; ange vilket med --mal 1..{n}.",
                    c.id
                ))
            }
        }
    }
}

/// Validates everything first; writes one insats or nothing.
pub fn add_activity(
    store: &mut Store,
    args: &AddActivityArgs,
) -> Result<(ActivityId, Option<String>), CliError> {
    let m = find_kommun(store, args.kommun)?;
    let date = parse_date(args.date)?;
    let count = parse_count(args.count)?;
    let party = |default: Party| match args.by {
        Some(s) => Party::parse(s).ok_or_else(|| {
            CliError(format!(
                "Okänd utförare \"{s}\": skriv polisen, kommunen eller gemensamt."
            ))
        }),
        None => Ok(default),
    };
    let mut areas = Vec::new();
    for name in args.focus {
        let f = store
            .focus_area_named(m.id, chrono::Datelike::year(&date), name)?
            .ok_or_else(|| {
                CliError(format!(
                    "{} har inget fokusområde \"{}\" i en överenskommelse för {} (se list-overenskommelser).",
                    m.name,
                    crate::validate::clip(name.trim(), 40),
                    chrono::Datelike::year(&date)
                ))
            })?;
        areas.push(f);
    }
    let (commitment, target, by, warning) = match args.commitment {
        Some(id) => {
            let c = match store.commitment(CommitmentId(id)) {
                Ok(c) => c,
                Err(StoreError::NotFound(_)) => {
                    return Err(CliError(format!("Okänt löfte: {id}")));
                }
                Err(e) => return Err(e.into()),
            };
            let pledge = store.pledge(store.pledge_of_commitment(c.id)?)?;
            if pledge.municipality != m.id {
                return Err(CliError(format!(
                    "Löfte {} hör inte till {}.",
                    c.id, m.name
                )));
            }
            let by = party(c.party)?;
            let target = resolve_target(&c, by, args.target_no).map_err(CliError)?;
            let warning = (!pledge.period.contains(date)).then(|| {
                format!(
                    "Obs: {date} ligger utanför medborgarlöftets period {}; insatsen räknas inte mot målet.",
                    pledge.period
                )
            });
            (Some(c.id), target, by, warning)
        }
        None if areas.is_empty() => {
            return Err(CliError("Ange --lofte ID eller --fokus NAMN.".into()));
        }
        None => (None, None, party(Party::Gemensamt)?, None),
    };
    let activity = Activity {
        version: 0,
        id: ActivityId::NEW,
        municipality: m.id,
        commitment,
        target,
        date,
        by,
        count,
        place: check_text("Plats", args.place, false, false)?,
        description: check_text("Beskrivning", args.text, false, true)?,
        internal_note: check_text("Intern anteckning", args.note, false, true)?,
    };
    let id = if areas.is_empty() {
        store.add_activity(&activity)?
    } else {
        store.add_activity_with_focus(&activity, &areas)?
    };
    Ok((id, warning))
}

/// `list-vandringar`: walks per kommun, or with `open` the åtgärdslista.
pub fn list_walks(
    store: &Store,
    kommun: Option<&str>,
    open: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let municipalities = chosen_kommuner(store, kommun)?;
    let mut text = String::new();
    for m in municipalities {
        if open {
            let items = store.open_observations(m.id, today)?;
            text.push_str(&format!(
                "{} — åtgärdslista: {} öppna\n",
                m.name,
                items.len()
            ));
            if items.is_empty() {
                text.push_str("  (inga öppna åtgärder)\n");
            } else {
                text.push_str(&format!(
                    "  {} {} {} {} {} {}\n",
                    pad("Senast", 20),
                    pad("Plats", 28),
                    pad("Kategori", 13),
                    pad("Ansvarig", 22),
                    pad("Status", 8),
                    "Åtgärd"
                ));
            }
            for i in items {
                let o = &i.observation;
                let deadline = match o.deadline {
                    Some(d) if d < today => format!("{d} FÖRSENAD"),
                    Some(d) => d.to_string(),
                    None => "–".into(),
                };
                text.push_str(&format!(
                    "  {} {} {} {} {} {}\n",
                    pad(&deadline, 20),
                    pad(&clip(&o.place, 28), 28),
                    pad(o.category.label(), 13),
                    pad(&clip(&o.responsible, 22), 22),
                    pad(o.status.label(), 8),
                    clip(&o.measure, 60)
                ));
            }
        } else {
            let walks = store.walk_summaries(m.id)?;
            text.push_str(&format!(
                "{} — {}\n",
                m.name,
                count_of(walks.len(), "trygghetsvandring", "trygghetsvandringar")
            ));
            for w in walks {
                text.push_str(&format!(
                    "  {} {} {} {} {}, {} öppna\n",
                    pad(&w.walk.id.to_string(), 4),
                    w.walk.date,
                    pad(w.walk.time_of_day.label(), 9),
                    pad(&clip(&w.walk.area, 50), 50),
                    count_of(w.observations as usize, "iakttagelse", "iakttagelser"),
                    w.open
                ));
            }
        }
        text.push('\n');
    }
    out.write_all(text.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}

/// `new-period`: the next medborgarlöfte from an earlier one; "Skapade …".
pub fn new_period(
    store: &mut Store,
    kommun: &str,
    from: i32,
    period: &str,
    only_not_done: bool,
    today: NaiveDate,
) -> Result<String, CliError> {
    let old = exports::pledge_of(store, kommun, from)?;
    let to = crate::domain::Period::parse(period).ok_or(crate::validate::Invalid::Period)?;
    let skip = if only_not_done {
        crate::queries::done_commitments(store, old.id, today)?
    } else {
        Vec::new()
    };
    let id = store.copy_pledge_forward(old.id, to, &skip)?;
    let n = store.commitments(id)?.len();
    Ok(format!(
        "Skapade medborgarlöfte {to} med {} från {}.",
        count_of(n, "löfte", "löften"),
        old.period
    ))
}

/// `delete-period` and `delete-kommun`: without `yes`, what would go; with it, a safety
/// copy first, then the removal in one transaction.
pub fn delete(
    store: &mut Store,
    removal: &crate::store::Removed,
    yes: bool,
    now: chrono::NaiveDateTime,
) -> Result<String, CliError> {
    let what = format!("{} ({})", removal.what, removal.summary());
    if !yes {
        return Ok(format!(
            "Skulle ta bort {what}. Inget är borttaget: lägg till --ja för att ta bort."
        ));
    }
    let copy = store.backup_copy(crate::store::CopyKind::BeforeRemoval, now)?;
    store.remove(removal)?;
    Ok(format!(
        "Tog bort {what}. Säkerhetskopia från före: {}",
        copy.display()
    ))
}

/// `rename-kommun`: a kommun gets a new name (an existing name is refused).
pub fn rename_kommun(store: &mut Store, name: &str, new_name: &str) -> Result<String, CliError> {
    let m = find_kommun(store, name)?;
    if let Some(other) = store.municipality_by_name(new_name)?
        && other.id != m.id
    {
        return Err(CliError(format!(
            "Det finns redan en kommun som heter {}.",
            other.name
        )));
    }
    store.rename_municipality(m.id, new_name)?;
    Ok(format!("{} heter nu {}.", m.name, new_name.trim()))
}

/// Input of `import-text`.
pub struct ImportArgs<'a> {
    pub kommun: &'a str,
    /// None: the period the text's title names.
    pub period: Option<&'a str>,
    pub lpo: Option<&'a str>,
    pub file: &'a std::path::Path,
    pub dry_run: bool,
    pub json: bool,
}

/// `import-text`: parse a published text, print it, and save it unless `dry_run`.
pub fn import_text(store: &mut Store, a: &ImportArgs, out: &mut dyn Write) -> CliResult {
    let given = match a.period {
        Some(p) => Some(crate::domain::Period::parse(p).ok_or_else(|| {
            CliError(format!(
                "Ogiltig period \"{p}\": {}",
                crate::validate::Invalid::Period
            ))
        })?),
        None => None,
    };
    let text = crate::files::read_text_file(a.file)
        .map_err(|e| CliError(format!("{}: {e}", a.file.display())))?;
    if text.encoding != "UTF-8" {
        eprintln!("Läste {} som {}.", a.file.display(), text.encoding);
    }
    let parsed = crate::import::parse(&text.text);
    let shown = if a.json {
        serde_json::to_string_pretty(&parsed).map_err(|e| CliError(e.to_string()))? + "\n"
    } else {
        crate::import::render_text(&parsed)
    };
    out.write_all(shown.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))?;
    if a.dry_run {
        return Ok(());
    }
    let period = given.or_else(|| parsed.period()).ok_or_else(|| {
        CliError(
            "Textens rubrik säger inte vilket år medborgarlöftet gäller: ange --period ÅR.".into(),
        )
    })?;
    if parsed.commitment_count() == 0 {
        return Err(CliError(
            "Inga löften hittades i texten; inget sparades.".into(),
        ));
    }
    let existing = store.municipality_by_name(a.kommun)?;
    if existing.is_none() && a.lpo.is_none() {
        return Err(CliError(format!(
            "Kommunen {} finns inte. Ange --lpo LOKALPOLISOMRÅDE för att skapa den.",
            a.kommun
        )));
    }
    let draft = crate::domain::PledgeDraft {
        title: parsed.title_or_default(period),
        ..crate::domain::PledgeDraft::from(&parsed)
    };
    // Kommun, lokalpolisområde and medborgarlöfte land together or not at all.
    store.atomically(|s| {
        let m = match (&existing, a.lpo) {
            (Some(m), _) => m.id,
            (None, lpo) => {
                let area = s.ensure_police_area(lpo.unwrap_or_default())?;
                s.add_municipality(a.kommun, area)?
            }
        };
        s.insert_pledge(m, period, &draft)
    })?;
    eprintln!(
        "Sparade medborgarlöfte {period} för {} med {} löften.",
        a.kommun,
        parsed.commitment_count()
    );
    Ok(())
}

/// `backup`: a checked copy of the database, to `output` or as a manual copy in the
/// folder of copies (manual copies are never pruned).
pub fn backup(
    store: &Store,
    output: Option<&std::path::Path>,
    now: chrono::NaiveDateTime,
) -> CliResult {
    let dest = match output {
        Some(p) => {
            store.backup_to(p)?;
            p.to_path_buf()
        }
        None => store.backup_copy(crate::store::CopyKind::Manual, now)?,
    };
    println!("Säkerhetskopia sparad: {}", dest.display());
    Ok(())
}

/// `restore`: replaces the data with a backup's, after checking the backup and saving the
/// current data. `store` is None when the database cannot be opened at all.
pub fn restore(
    store: Option<&mut Store>,
    db: &std::path::Path,
    file: &std::path::Path,
    now: chrono::NaiveDateTime,
) -> CliResult {
    let safety = match store {
        Some(s) => s.restore_from(file, now)?,
        None => crate::store::restore_unopenable(db, file, now)?,
    };
    if let Some(s) = safety {
        println!("Nuvarande data sparades först i {}", s.display());
    }
    println!("Återställde från {}", file.display());
    Ok(())
}

/// Hidden test tool: writes `count` insatser one by one, printing each id once saved.
pub fn stress_write(store: &mut Store, kommun: &str, count: u32) -> CliResult {
    let m = find_kommun(store, kommun)?;
    let p = store
        .pledges(m.id)?
        .into_iter()
        .next()
        .ok_or_else(|| CliError("Inget medborgarlöfte".into()))?;
    let commitments = store.commitments(p.id)?;
    if commitments.is_empty() {
        return Err(CliError("Medborgarlöftet har inga löften.".into()));
    }
    let start = p.period.start();
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let c = &commitments[(i as usize) % commitments.len()];
        let a = Activity {
            version: 0,
            id: ActivityId::NEW,
            municipality: m.id,
            commitment: Some(c.id),
            target: c.targets.first().map(|t| t.id),
            date: start + chrono::Duration::days((i % 300) as i64),
            by: c.party,
            count: 1 + i % 3,
            place: format!("Plats {i}"),
            description: format!("Stresstest insats {i} {}", "x".repeat((i % 50) as usize)),
            internal_note: String::new(),
        };
        let id = store.add_activity(&a)?;
        writeln!(out, "{id} {i}").map_err(|e| CliError(e.to_string()))?;
        out.flush().map_err(|e| CliError(e.to_string()))?;
    }
    Ok(())
}
