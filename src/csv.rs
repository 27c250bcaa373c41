//! CSV export of a board for Swedish Excel: UTF-8 with BOM, `;` separator, CRLF.
//! Internal notes are never part of it.

use crate::domain::BoardData;
use crate::summary::BoardSummary;

pub const HEADER: &str = "kommun;period;avsnitt;löfte;ansvarig;mål;enhet;utfört;status";

/// Quotes a field when needed and defuses text that Excel would run as a formula.
pub fn field(s: &str) -> String {
    let mut s = s.to_string();
    if s.starts_with(['=', '+', '@', '\t', '\r'])
        || (s.starts_with('-') && s.parse::<f64>().is_err())
    {
        s.insert(0, '\'');
    }
    if s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn line(fields: &[&str]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(";");
    out.push_str("\r\n");
    out
}

/// Appends the rows of one board (one row per target; one row for a löfte without).
pub fn write_board(out: &mut String, board: &BoardData, summary: &BoardSummary) {
    let kommun = &board.municipality.name;
    let period = board.pledge.period.to_string();
    for row in &summary.rows {
        let c = &row.commitment;
        if row.targets.is_empty() {
            out.push_str(&line(&[
                kommun,
                &period,
                &row.section_title,
                &c.text,
                c.party.label(),
                "",
                "",
                "",
                row.status.label(),
            ]));
            continue;
        }
        for t in &row.targets {
            let status = if c.manual_status.is_some() {
                row.status
            } else {
                t.progress.status
            };
            let unit = match t.target.scope {
                crate::domain::TargetScope::PerYear => format!("{} per år", t.target.unit),
                crate::domain::TargetScope::Period => t.target.unit.clone(),
            };
            out.push_str(&line(&[
                kommun,
                &period,
                &row.section_title,
                &c.text,
                t.target.party.unwrap_or(c.party).label(),
                &t.target.count.to_string(),
                &unit,
                &t.progress.done.to_string(),
                status.label(),
            ]));
        }
    }
}

/// A complete CSV document (BOM and header) from several boards.
pub fn document<'a>(boards: impl IntoIterator<Item = (&'a BoardData, &'a BoardSummary)>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(HEADER);
    out.push_str("\r\n");
    for (b, s) in boards {
        write_board(&mut out, b, s);
    }
    out
}

/// The åtgärdslista's columns.
pub const MEASURES_HEADER: &str =
    "kommun;vandring;område;plats;kategori;iakttagelse;åtgärd;ansvarig;senast;status;försenad";

/// An agreement's follow-up as CSV: one row per fokusområde and year.
pub fn agreement_document(f: &crate::domain::agreements::AgreementFollowUp) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&[
        "fokusområde",
        "år",
        "löften",
        "insatser",
        "vandringar",
        "händelser",
    ]));
    for row in f.csv_rows() {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
    }
    out
}

/// The åtgärdslista as CSV (BOM, header, one row per open åtgärd), for each kommun's items.
pub fn measures_document<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a crate::domain::OpenObservation)>,
    today: chrono::NaiveDate,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(MEASURES_HEADER);
    out.push_str("\r\n");
    for (kommun, i) in items {
        let o = &i.observation;
        let deadline = o.deadline.map(|d| d.to_string()).unwrap_or_default();
        let late = if o.deadline.is_some_and(|d| d < today) {
            "ja"
        } else {
            "nej"
        };
        out.push_str(&line(&[
            kommun,
            &i.walk_date.to_string(),
            &i.walk_area,
            &o.place,
            o.category.label(),
            &o.description,
            &o.measure,
            &o.responsible,
            &deadline,
            o.status.label(),
            late,
        ]));
    }
    out
}

/// The columns of an exchange file's content, for a registrator.
pub const CHANGES_HEADER: &str = "fil;från;till;gjord;ändring;post;nyckel;uppgift;värde";

/// An exchange file's content as CSV: one row per value (photos by size), internal notes
/// included — the file holds them, and the registrator judges sekretess per uppgift.
pub fn changes_document(c: &crate::domain::exchange::Changes) -> String {
    use crate::domain::exchange::{column_label, show_value, table_label};
    let h = &c.header;
    let number = h.number.to_string();
    let mut out = String::from("\u{feff}");
    out.push_str(CHANGES_HEADER);
    out.push_str("\r\n");
    for r in &c.rows {
        let kind = if r.removed {
            "borttagen"
        } else if r.whole {
            "ny"
        } else {
            "ändrad"
        };
        let key = r
            .key
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let head = [
            number.as_str(),
            h.sender.as_str(),
            h.receiver.as_str(),
            h.made_at.as_str(),
            kind,
            table_label(&r.table),
            key.as_str(),
        ];
        if r.cells.is_empty() {
            let mut f = head.to_vec();
            f.extend(["", ""]);
            out.push_str(&line(&f));
        }
        for cell in &r.cells {
            let value = show_value(&cell.value);
            let mut f = head.to_vec();
            f.extend([column_label(&cell.column), value.as_str()]);
            out.push_str(&line(&f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quoting_and_formula_guard() {
        assert_eq!(field("Trafik"), "Trafik");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("säger \"hej\""), "\"säger \"\"hej\"\"\"");
        assert_eq!(field("rad1\nrad2"), "\"rad1\nrad2\"");
        assert_eq!(field("=SUMMA(A1)"), "'=SUMMA(A1)");
        assert_eq!(field("-5"), "-5");
        assert_eq!(field("-x"), "'-x");
        assert_eq!(field("åäö ÅÄÖ"), "åäö ÅÄÖ");
    }
}
