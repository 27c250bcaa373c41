//! Exports from the command line: PDF, HTML and CSV files.

use super::{CliError, CliResult, find_area, find_kommun, select_boards};
use crate::store::Store;
use crate::validate::count_of;
use chrono::NaiveDate;
use std::io::Write;

pub fn export_csv(
    store: &Store,
    kommun: Option<&str>,
    period: Option<i32>,
    output: Option<&std::path::Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let boards = select_boards(store, kommun, period, today)?;
    let doc = crate::csv::document(boards.iter().map(|(b, s)| (b, s)));
    write_csv(&doc, output, out, "")
}

/// A CSV document to `output` (saying so, with `what` it holds) or to standard out.
fn write_csv(
    doc: &str,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
    what: &str,
) -> CliResult {
    match output {
        Some(path) => {
            crate::files::write_atomically(path, doc.as_bytes()).map_err(CliError)?;
            eprintln!("Skrev {}{what}", path.display());
            Ok(())
        }
        None => out
            .write_all(doc.as_bytes())
            .map_err(|e| CliError(format!("Kunde inte skriva: {e}"))),
    }
}

/// `export-csv --atgarder`: the open åtgärder of one kommun (or all), for one ansvarig
/// (or all), overdue first.
pub fn export_measures_csv(
    store: &Store,
    kommun: Option<&str>,
    responsible: Option<&str>,
    output: Option<&std::path::Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let kommuner = super::chosen_kommuner(store, kommun)?;
    let mut items = Vec::new();
    for m in &kommuner {
        for i in store.open_observations(m.id, today)? {
            if responsible
                .is_none_or(|r| crate::queries::same_responsible(&i.observation.responsible, r))
            {
                items.push((m.name.clone(), i));
            }
        }
    }
    let doc = crate::csv::measures_document(items.iter().map(|(k, i)| (k.as_str(), i)), today);
    let what = format!(
        " ({})",
        count_of(items.len(), "öppen åtgärd", "öppna åtgärder")
    );
    write_csv(&doc, output, out, &what)
}

fn agreement(
    store: &Store,
    id: i64,
    today: NaiveDate,
) -> Result<crate::domain::agreements::AgreementFollowUp, CliError> {
    crate::report::agreement::build_agreement(store, crate::domain::AgreementId(id), today)?
        .ok_or_else(|| {
            CliError(format!(
                "Okänd överenskommelse: {id} (se list-overenskommelser)."
            ))
        })
}

/// `export-csv --overenskommelse`: one row per fokusområde and year.
pub fn export_agreement_csv(
    store: &Store,
    id: i64,
    output: Option<&std::path::Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let f = agreement(store, id, today)?;
    let doc = crate::csv::agreement_document(&f);
    let what = format!(" ({} fokusområden, {})", f.areas.len(), f.period);
    write_csv(&doc, output, out, &what)
}

/// `export-pdf --overenskommelse`: the follow-up of a samverkansöverenskommelse.
pub fn export_agreement_pdf(
    store: &Store,
    id: i64,
    to: &Target,
    today: NaiveDate,
) -> Result<String, CliError> {
    let f = agreement(store, id, today)?;
    let pdf = crate::report::agreement::render_agreement(&f, today, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}

/// `export-pdf`: the follow-up report of one kommun's medborgarlöfte.
pub fn export_pdf(
    store: &Store,
    kommun: &str,
    year: i32,
    to: &Target,
    today: NaiveDate,
    appendix: bool,
) -> Result<String, CliError> {
    let pledge = pledge_of(store, kommun, year)?;
    let mut report = crate::report::build_follow_up(store, pledge.id, today)?;
    report.appendix = appendix;
    let pdf = crate::report::render_pdf(&report, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}

/// `export-pdf --vandring`: the protokoll of a trygghetsvandring, photos included.
pub fn export_protocol(
    store: &Store,
    walk: i64,
    to: &Target,
    today: NaiveDate,
) -> Result<String, CliError> {
    let p = crate::queries::protocol(store, crate::domain::WalkId(walk), today)?;
    let pdf = crate::report::render_protocol(&p, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}

/// `export-pdf --atgarder`: a kommun's åtgärdslista (for one ansvarig) with photos.
pub fn export_measures_pdf(
    store: &Store,
    kommun: &str,
    responsible: Option<&str>,
    to: &Target,
    today: NaiveDate,
) -> Result<String, CliError> {
    let m = find_kommun(store, kommun)?;
    let list = crate::queries::measure_list(store, m.id, responsible, today)?;
    let pdf = crate::report::render_measures(&list, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}

/// `export-pdf --lpo`: the report of a whole lokalpolisområde.
pub fn export_area_pdf(
    store: &Store,
    area: &str,
    year: i32,
    to: &Target,
    today: NaiveDate,
    appendix: bool,
) -> Result<String, CliError> {
    let found = find_area(store, area)?;
    let report = crate::queries::area_report(store, found.id, year, today, appendix)?;
    if report.kommuner.is_empty() {
        return Err(CliError(format!(
            "Ingen kommun i lokalpolisområde {} har ett medborgarlöfte som omfattar {year}.",
            found.name
        )));
    }
    let pdf = crate::report::render_area_pdf(&report, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}

/// Where an exported PDF goes, and the diarienummer it carries.
pub struct Target<'a> {
    pub path: &'a std::path::Path,
    pub dnr: Option<&'a str>,
}

impl<'a> Target<'a> {
    pub fn new(path: &'a std::path::Path, dnr: Option<&'a str>) -> Target<'a> {
        Target { path, dnr }
    }
}

/// Writes a finished PDF; "Skrev FIL (N sidor)".
fn write_pdf(output: &std::path::Path, pdf: &crate::report::Pdf) -> Result<String, CliError> {
    crate::files::write_atomically(output, &pdf.bytes).map_err(CliError)?;
    Ok(format!(
        "Skrev {} ({})",
        output.display(),
        crate::report::pages_text(pdf.pages)
    ))
}

/// The kommun's medborgarlöfte covering `year`, or a Swedish error.
pub(super) fn pledge_of(
    store: &Store,
    kommun: &str,
    year: i32,
) -> Result<crate::domain::Pledge, CliError> {
    let m = find_kommun(store, kommun)?;
    store.pledge_for_year(m.id, year)?.ok_or_else(|| {
        CliError(format!(
            "{} har inget medborgarlöfte som omfattar {year}.",
            m.name
        ))
    })
}

/// `export-html`: the uppföljning as one web page for citizens.
pub fn export_html(
    store: &Store,
    kommun: &str,
    year: i32,
    output: &std::path::Path,
    today: NaiveDate,
) -> Result<String, CliError> {
    let pledge = pledge_of(store, kommun, year)?;
    let report = crate::report::build_follow_up(store, pledge.id, today)?;
    let html = crate::report::render_html(&report);
    crate::files::write_atomically(output, html.as_bytes()).map_err(CliError)?;
    Ok(format!("Skrev {}", output.display()))
}

/// `export-pdf --mote`: the minnesanteckningar of a recorded meeting.
pub fn export_minutes(
    store: &Store,
    meeting: i64,
    to: &Target,
    today: NaiveDate,
) -> Result<String, CliError> {
    let minutes = crate::queries::minutes(store, crate::domain::MeetingId(meeting), today)?;
    let pdf = crate::report::render_minutes(&minutes, to.dnr).map_err(CliError)?;
    write_pdf(to.path, &pdf)
}
