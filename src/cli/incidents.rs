//! The lägesbild on the command line: `add-handelse`, `import-handelser`, `lagesbild`.

use super::{CliError, CliResult, find_kommun};
use crate::domain::situation::{Situation, Window};
use crate::store::{IncidentDraft, Store};
use crate::validate::{parse_count, parse_date};
use std::io::Write;
use std::path::Path;

pub struct IncidentArgs<'a> {
    pub kommun: &'a str,
    pub date: &'a str,
    pub time: Option<&'a str>,
    pub area: &'a str,
    pub place: &'a str,
    pub category: &'a str,
    pub source: &'a str,
    pub count: &'a str,
    pub description: &'a str,
}

/// Records one händelse and prints its id.
pub fn add_incident(store: &mut Store, a: &IncidentArgs) -> CliResult {
    let m = find_kommun(store, a.kommun)?;
    let time = crate::validate::parse_time(a.time.unwrap_or(""))?;
    let id = store.add_incident(&IncidentDraft {
        municipality: m.id,
        category: a.category.to_string(),
        date: parse_date(a.date)?,
        time,
        area: a.area.to_string(),
        place: a.place.to_string(),
        source: a.source.to_string(),
        count: parse_count(a.count)?,
        description: a.description.to_string(),
    })?;
    println!("{id}");
    Ok(())
}

/// Imports a CSV file of händelser: all rows or none.
pub fn import_incidents(store: &mut Store, kommun: &str, file: &Path, dry_run: bool) -> CliResult {
    let m = find_kommun(store, kommun)?;
    let bytes = crate::files::read_bounded(file, crate::incidents_csv::MAX_BYTES)
        .map_err(|e| CliError(format!("{}: {e}", file.display())))?;
    let read = crate::incidents_csv::read(&bytes).map_err(|e| CliError(e.lines(20).join("\n")))?;
    if read.encoding != "UTF-8" {
        eprintln!("Läste {} som {}.", file.display(), read.encoding);
    }
    if !read.ignored_columns.is_empty() {
        eprintln!(
            "Kolumner som inte används: {}.",
            read.ignored_columns.join(", ")
        );
    }
    let n = crate::validate::count_of(read.rows.len(), "händelse", "händelser");
    if dry_run {
        println!("{n} kan importeras till {} (ingenting sparat).", m.name);
        return Ok(());
    }
    let done = store.import_incidents(m.id, &read.rows)?;
    println!("{n} importerade till {}.", m.name);
    if !done.new_categories.is_empty() {
        println!("Nya kategorier: {}.", done.new_categories.join(", "));
    }
    Ok(())
}

/// Makes an indicator of a kommun and prints its id.
pub fn add_indicator(
    store: &mut Store,
    kommun: &str,
    (name, unit, source): (&str, &str, &str),
    lower_is_better: bool,
    commitments: &[i64],
) -> CliResult {
    let m = find_kommun(store, kommun)?;
    let id = store.add_indicator(&crate::domain::indicators::IndicatorDraft {
        municipality: m.id,
        name: name.to_string(),
        unit: unit.to_string(),
        source: source.to_string(),
        lower_is_better,
        commitments: commitments
            .iter()
            .map(|c| crate::domain::CommitmentId(*c))
            .collect(),
    })?;
    println!("{id}");
    Ok(())
}

/// One year's value of an indicator, or every value of a file (all or none).
pub fn set_value(
    store: &mut Store,
    indicator: i64,
    typed: Option<(String, String)>,
    file: Option<&Path>,
) -> CliResult {
    let id = crate::domain::IndicatorId(indicator);
    let values = match (typed, file) {
        (Some((year, value)), _) => vec![(
            crate::validate::parse_year(&year)?,
            crate::validate::parse_value(&value)?,
        )],
        (None, Some(file)) => {
            let bytes = crate::files::read_bounded(file, crate::incidents_csv::MAX_VALUES_BYTES)
                .map_err(|e| CliError(format!("{}: {e}", file.display())))?;
            crate::incidents_csv::read_values(&bytes)
                .map_err(|e| CliError(format!("{}: {}", file.display(), e.lines(20).join("\n"))))?
        }
        (None, None) => return Err(CliError("Ange --ar och --varde, eller --fil.".into())),
    };
    store.set_indicator_values(id, &values)?;
    let years: Vec<String> = values.iter().map(|(y, _)| y.to_string()).collect();
    println!(
        "{} sparade för indikator {id} ({}).",
        crate::validate::count_of(values.len(), "värde", "värden"),
        years.join(", ")
    );
    Ok(())
}

/// The lägesbild for a window, as a table or as JSON.
pub fn situation(
    store: &Store,
    kommun: &str,
    from: &str,
    to: &str,
    json: bool,
    out: &mut dyn Write,
) -> CliResult {
    let m = find_kommun(store, kommun)?;
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    let w = Window::new(from, to)
        .ok_or_else(|| CliError(format!("--till ({to}) ligger före --fran ({from}).")))?;
    let s = store.situation(m.id, w)?;
    let text = if json {
        serde_json::to_string_pretty(&s).map_err(|e| CliError(e.to_string()))? + "\n"
    } else {
        render(&m.name, &s)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}

fn render(kommun: &str, s: &Situation) -> String {
    let p = s.window.previous();
    let y = s.window.year_before();
    let mut out = format!(
        "Lägesbild {kommun} {} – {} (föregående: {} – {}, året innan: {} – {})\n",
        s.window.from, s.window.to, p.from, p.to, y.from, y.to
    );
    for (title, rows) in [("Kategori", &s.categories), ("Plats", &s.places)] {
        out.push_str(&format!(
            "\n{title:<40} {:>7} {:>11} {:>11}\n",
            "antal", "föregående", "året innan"
        ));
        for r in rows.iter() {
            out.push_str(&format!(
                "{:<40} {:>7} {:>11} {:>11}\n",
                crate::validate::clip(&r.name, 40),
                r.count,
                r.previous,
                r.year_before
            ));
        }
    }
    out
}
