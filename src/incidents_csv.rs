//! Händelser from the spreadsheets and report apps groups keep today: CSV with `;` or `,`,
//! UTF-8 or Windows-1252, the columns found by their Swedish header names in any order.
//! All rows or none: every bad row is named by its line number, and nothing is returned
//! for a file that has one.

use crate::validate::{Invalid, check_count, check_text};
use chrono::{NaiveDate, NaiveTime};

/// The most rows one file may hold (a kommun's years of EST reports are well under it).
pub const MAX_ROWS: usize = 500_000;

/// The largest händelse file read (a 500 000-row export is about 40 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A row as read, its kategori by name (the store finds or makes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentRow {
    /// The line of the file it came from (1 is the header).
    pub line: u64,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub area: String,
    pub place: String,
    pub category: String,
    pub source: String,
    pub count: u32,
    pub description: String,
}

/// What was read: the rows, the columns that were not used, the encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub rows: Vec<IncidentRow>,
    pub ignored_columns: Vec<String>,
    pub encoding: &'static str,
}

/// Why nothing was read: the file as a whole, or its bad rows (line and reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    File(String),
    Rows(Vec<(u64, String)>),
}

impl CsvError {
    /// One Swedish line per problem, at most `max` rows named.
    pub fn lines(&self, max: usize) -> Vec<String> {
        match self {
            CsvError::File(m) => vec![m.clone()],
            CsvError::Rows(rows) => {
                let mut out = vec![format!(
                    "Ingenting importerades: {} med fel.",
                    crate::validate::count_of(rows.len(), "rad", "rader")
                )];
                out.extend(
                    rows.iter()
                        .take(max)
                        .map(|(line, why)| format!("Rad {line}: {why}")),
                );
                if rows.len() > max {
                    out.push(format!("… och {} till.", rows.len() - max));
                }
                out
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Time,
    Area,
    Place,
    Category,
    Source,
    Count,
    Description,
}

/// A header cell's column, by the names Swedish spreadsheets use.
fn column(header: &str) -> Option<Column> {
    let h = header
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase();
    let h = h.trim_end_matches(':');
    Some(match h {
        "datum" | "dag" | "händelsedatum" | "rapportdatum" => Column::Date,
        "tid" | "klockslag" | "tidpunkt" | "kl" | "kl." => Column::Time,
        "område" | "omrade" | "stadsdel" | "kommundel" | "bostadsområde" => Column::Area,
        "plats" | "adress" | "platsbeskrivning" | "gata" => Column::Place,
        "kategori" | "typ" | "händelsetyp" | "slag" => Column::Category,
        "källa" | "kalla" | "rapportör" | "verksamhet" | "rapporterad av" | "inrapporterad av" => {
            Column::Source
        }
        "antal" | "st" | "antal händelser" => Column::Count,
        "beskrivning" | "kommentar" | "anteckning" | "händelse" => Column::Description,
        _ => return None,
    })
}

/// `;` unless the header line has more commas than semicolons (outside quotes).
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if comma > semi { b',' } else { b';' }
}

/// "2024-03-05", and the date of "2024-03-05 21:30" (the time then read from it too).
fn date_and_time(s: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let s = s.trim();
    // Only the years a record may have (a typo's year 20024 is refused, not stored).
    let plausible = |d: NaiveDate| crate::validate::check_date(d).is_ok().then_some(d);
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some((plausible(d)?, None));
    }
    let (d, t) = s.split_once([' ', 'T'])?;
    Some((
        plausible(NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()?)?,
        Some(time(t)?),
    ))
}

/// "21:30", "9:05", "21.30", "21:30:00".
fn time(s: &str) -> Option<NaiveTime> {
    crate::validate::parse_time(s).ok().flatten()
}

/// The largest file of indicator values read (one line per year).
pub const MAX_VALUES_BYTES: u64 = 1024 * 1024;

/// An indicator's values from a two-column file, "år;värde" per line: `;`, tab or `,`
/// between them (with `,` a decimal comma still reads: "2022,31,5"), a header line
/// allowed. Every bad line is named; nothing is returned unless all are good.
pub fn read_values(bytes: &[u8]) -> Result<Vec<(i32, f64)>, CsvError> {
    let text = crate::files::decode_text(bytes).map_err(CsvError::File)?;
    let mut values: Vec<(i32, f64)> = Vec::new();
    let mut bad: Vec<(u64, String)> = Vec::new();
    for (i, line) in text.text.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (year, value) = match line.split_once([';', '\t']) {
            Some((y, v)) => (y, v),
            None => match line.split_once(',') {
                Some((y, v)) => (y, v),
                None => (line, ""),
            },
        };
        let year = year.trim().trim_matches('"');
        let value = value.trim().trim_matches('"');
        let Ok(y) = crate::validate::parse_year(year) else {
            if n == 1 && year.parse::<i64>().is_err() {
                continue; // a header: "År;Värde"
            }
            bad.push((
                n,
                format!("\"{}\" är inte ett år.", crate::validate::clip(year, 20)),
            ));
            continue;
        };
        match crate::validate::parse_value(value) {
            Ok(_) if values.iter().any(|(k, _)| *k == y) => {
                bad.push((n, format!("Året {y} finns redan på en rad ovanför.")));
            }
            Ok(v) => values.push((y, v)),
            Err(e) => bad.push((n, e.to_string())),
        }
        if values.len() + bad.len() > 1000 {
            return Err(CsvError::File(
                "Filen har fler än 1 000 rader med värden.".into(),
            ));
        }
    }
    if !bad.is_empty() {
        return Err(CsvError::Rows(bad));
    }
    if values.is_empty() {
        return Err(CsvError::File(
            "Filen har inga rader med år och värde.".into(),
        ));
    }
    values.sort_by_key(|(y, _)| *y);
    Ok(values)
}

/// Reads a CSV file's bytes into händelser, or says why not.
pub fn read(bytes: &[u8]) -> Result<Read, CsvError> {
    let text = crate::files::decode_text(bytes).map_err(CsvError::File)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text.text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| CsvError::File(format!("Rubrikraden kan inte läsas: {e}.")))?
        .clone();
    let mut at: Vec<(Column, usize)> = Vec::new();
    let mut ignored = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match column(h) {
            Some(c) if !at.iter().any(|(k, _)| *k == c) => at.push((c, i)),
            _ if !h.trim().is_empty() => ignored.push(h.trim().to_string()),
            _ => {}
        }
    }
    let find = |c: Column| at.iter().find(|(k, _)| *k == c).map(|(_, i)| *i);
    let missing: Vec<&str> = [
        (Column::Date, "Datum"),
        (Column::Place, "Plats"),
        (Column::Category, "Kategori"),
    ]
    .iter()
    .filter(|(c, _)| find(*c).is_none())
    .map(|(_, n)| *n)
    .collect();
    if !missing.is_empty() {
        return Err(CsvError::File(format!(
            "Kolumnen {} saknas i rubrikraden (första raden). Kolumnerna heter Datum, Tid, Område, Plats, Kategori, Källa, Antal och Beskrivning, i vilken ordning som helst.",
            missing.join(" och ")
        )));
    }
    let mut rows = Vec::new();
    let mut bad: Vec<(u64, String)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                bad.push((line, "Raden kan inte läsas som CSV.".into()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rows.len() + bad.len() >= MAX_ROWS {
            return Err(CsvError::File(format!(
                "Filen har fler än {} rader; dela upp den.",
                crate::validate::fmt_thousands(MAX_ROWS as u32)
            )));
        }
        let get = |c: Column| find(c).and_then(|i| record.get(i)).unwrap_or("").trim();
        match row(line, &get) {
            Ok(r) => rows.push(r),
            Err(why) => bad.push((line, why)),
        }
    }
    if !bad.is_empty() {
        return Err(CsvError::Rows(bad));
    }
    if rows.is_empty() {
        return Err(CsvError::File(
            "Filen har inga händelser under rubrikraden.".into(),
        ));
    }
    Ok(Read {
        rows,
        ignored_columns: ignored,
        encoding: text.encoding,
    })
}

fn row<'r>(line: u64, get: &dyn Fn(Column) -> &'r str) -> Result<IncidentRow, String> {
    let text = |field: &'static str, c: Column, required: bool| {
        check_text(field, get(c), required, false).map_err(|e| invalid(&e))
    };
    let (date, time_in_date) = date_and_time(get(Column::Date)).ok_or_else(|| {
        format!(
            "Datumet \"{}\" är inte ett datum (ÅÅÅÅ-MM-DD).",
            crate::validate::clip(get(Column::Date), 20)
        )
    })?;
    let time = match get(Column::Time) {
        "" => time_in_date,
        t => Some(time(t).ok_or_else(|| {
            format!(
                "Tiden \"{}\" är inte ett klockslag (TT:MM).",
                crate::validate::clip(t, 12)
            )
        })?),
    };
    let count = match get(Column::Count) {
        "" => 1,
        n => n
            .parse::<i64>()
            .map_err(|_| {
                format!(
                    "Antalet \"{}\" är inte ett heltal.",
                    crate::validate::clip(n, 12)
                )
            })
            .and_then(|n| check_count(n).map_err(|e| invalid(&e)))?,
    };
    Ok(IncidentRow {
        line,
        date,
        time,
        area: text("Område", Column::Area, false)?,
        place: text("Plats", Column::Place, true)?,
        category: text("Kategori", Column::Category, true)?,
        source: text("Källa", Column::Source, false)?,
        count,
        description: check_text("Beskrivning", get(Column::Description), false, true)
            .map_err(|e| invalid(&e))?,
    })
}

/// A validation message after "Rad N: ".
fn invalid(e: &Invalid) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn indicator_values_from_two_columns_all_or_none() {
        let v = read_values("År;Värde\r\n2022;31\r\n2021;28,5\r\n\r\n2024;24 %\r\n".as_bytes())
            .unwrap();
        assert_eq!(v, vec![(2021, 28.5), (2022, 31.0), (2024, 24.0)]);
        assert_eq!(
            read_values(b"2022,31,5\n2023,30").unwrap(),
            vec![(2022, 31.5), (2023, 30.0)]
        );
        assert_eq!(read_values(b"2022\t7\n").unwrap(), vec![(2022, 7.0)]);
        let e = read_values(b"2022;31\n2023;mycket\n2022;30\n20x4;1\n").unwrap_err();
        let lines = e.lines(10);
        assert_eq!(lines[0], "Ingenting importerades: 3 rader med fel.");
        assert!(
            lines[1].starts_with("Rad 2: \"mycket\" är inte ett tal"),
            "{lines:?}"
        );
        assert_eq!(lines[2], "Rad 3: Året 2022 finns redan på en rad ovanför.");
        assert_eq!(lines[3], "Rad 4: \"20x4\" är inte ett år.");
        assert!(read_values(b"").is_err());
    }

    use super::*;

    #[test]
    fn columns_in_any_order_and_either_separator() {
        let semi =
            "Plats;Datum;Kategori;Antal;Källa;Okänd\nStortorget;2024-03-05;Klotter;2;Fastighet;x\n";
        let r = read(semi.as_bytes()).unwrap();
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].place, "Stortorget");
        assert_eq!(r.rows[0].count, 2);
        assert_eq!(r.rows[0].line, 2);
        assert_eq!(r.ignored_columns, ["Okänd"]);
        let comma = "datum,tid,plats,kategori,beskrivning\n2024-03-05,21.30,\"Parken, norra delen\",Samlingsplats,\"Grupp; högljudd\"\n";
        let r = read(comma.as_bytes()).unwrap();
        assert_eq!(r.rows[0].place, "Parken, norra delen");
        assert_eq!(r.rows[0].time, NaiveTime::from_hms_opt(21, 30, 0));
        assert_eq!(r.rows[0].description, "Grupp; högljudd");
    }

    #[test]
    fn windows_1252_is_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Datum;Plats;Kategori;Område\r\n2024-01-02;Gångtunneln;Skadegörelse;Östra\r\n");
        let r = read(&bytes).unwrap();
        assert_eq!(r.encoding, "windows-1252");
        assert_eq!(r.rows[0].category, "Skadegörelse");
        assert_eq!(r.rows[0].area, "Östra");
    }

    #[test]
    fn a_bad_row_stops_all_and_is_named() {
        let text = "Datum;Plats;Kategori;Antal\n2024-01-02;Torget;Klotter;1\n2024-13-02;Torget;Klotter;1\n2024-01-04;;Klotter;1\n2024-01-05;Torget;Klotter;noll\n";
        let Err(CsvError::Rows(bad)) = read(text.as_bytes()) else {
            panic!("expected bad rows");
        };
        let lines: Vec<u64> = bad.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(bad[0].1.contains("2024-13-02"), "{bad:?}");
        assert!(bad[1].1.contains("Plats"), "{bad:?}");
        let e = CsvError::Rows(bad).lines(2);
        assert_eq!(e[0], "Ingenting importerades: 3 rader med fel.");
        assert_eq!(e.last().unwrap(), "… och 1 till.");
    }

    #[test]
    fn a_missing_column_is_named() {
        let Err(CsvError::File(m)) = read("Datum;Kategori\n2024-01-01;Klotter\n".as_bytes()) else {
            panic!()
        };
        assert!(m.contains("Plats"), "{m}");
    }
}
