//! One report for a lokalpolisområde: a cover that compares its kommuner (status counts,
//! a bar per kommun, insatser per month), then each kommun's uppföljning.

use super::layout::{self, BLACK, Cell, Column, GREY, Layout, Metrics, Pages};
use super::model::FollowUp;
use super::pdf::{self, Pdf};
use crate::domain::{Records, Status, palette};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct AreaReport {
    pub police_area: String,
    pub year: i32,
    pub report_date: NaiveDate,
    /// The follow-up of each kommun with a medborgarlöfte covering the year, by name.
    pub kommuner: Vec<FollowUp>,
    /// Kommuner of the area without one.
    pub without: Vec<String>,
}

impl AreaReport {
    pub fn title(&self) -> String {
        format!(
            "Uppföljning av medborgarlöften {} — lokalpolisområde {}",
            self.year, self.police_area
        )
    }

    /// Löften per status over all kommuner, in [`Status::ALL`] order.
    pub fn counts(&self) -> Vec<(Status, u32)> {
        Status::ALL
            .iter()
            .map(|s| {
                let n = self
                    .kommuner
                    .iter()
                    .flat_map(|f| f.counts.iter())
                    .filter(|(x, _)| x == s)
                    .map(|(_, n)| n)
                    .sum();
                (*s, n)
            })
            .collect()
    }

    /// Insatser per month summed over the kommuner, when they share one period (else
    /// each kommun's own chart says it).
    pub fn per_month(&self) -> Option<Vec<(String, u32)>> {
        let first = self.kommuner.first()?;
        if self.kommuner.iter().any(|f| f.period != first.period) {
            return None;
        }
        let mut months = first.per_month.clone();
        for f in &self.kommuner[1..] {
            for (m, (_, n)) in months.iter_mut().zip(&f.per_month) {
                m.1 += n;
            }
        }
        Some(months)
    }
}

/// The report of `area` for `year`: `kommuner` are the area's kommuner by name, each with
/// its medborgarlöfte covering the year, if any.
pub fn build_area_report<R: Records>(
    records: &R,
    area: &str,
    kommuner: &[(String, Option<crate::domain::PledgeId>)],
    year: i32,
    today: NaiveDate,
    appendix: bool,
) -> Result<AreaReport, R::Error> {
    let mut report = AreaReport {
        police_area: area.to_string(),
        year,
        report_date: today,
        kommuner: Vec::new(),
        without: Vec::new(),
    };
    for (name, pledge) in kommuner {
        match pledge {
            Some(p) => {
                let mut f = super::model::build_follow_up(records, *p, today)?;
                f.appendix = appendix;
                report.kommuner.push(f);
            }
            None => report.without.push(name.clone()),
        }
    }
    Ok(report)
}

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;

fn cover(l: &mut Layout, r: &AreaReport) {
    l.heading(&r.title(), 16.0, 20.0);
    l.paragraph(
        &format!("Rapportdatum {}", r.report_date),
        BODY,
        false,
        GREY,
        0.0,
    );
    l.space(3.0);
    let counts = r.counts();
    let total: u32 = counts.iter().map(|(_, n)| n).sum();
    let done = super::model::done_of(&counts);
    l.paragraph(
        &format!(
            "Lokalpolisområdet har medborgarlöften i {} för {}. Tillsammans innehåller de {total} löften, varav {done} är genomförda.",
            crate::validate::count_of(r.kommuner.len(), "kommun", "kommuner"),
            r.year
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    if !r.without.is_empty() {
        l.paragraph(
            &format!(
                "Utan medborgarlöfte för {}: {}.",
                r.year,
                r.without.join(", ")
            ),
            BODY,
            false,
            GREY,
            0.0,
        );
    }
    l.space(3.0);
    l.heading("Kommunerna jämförda", 14.0, 30.0);
    // The counts in words and numbers first, then the same as one bar per kommun.
    let mut cols = vec![Column::new("Kommun", 30.0), Column::new("Löften", 15.0)];
    let w = (layout::CONTENT_W - 45.0) / Status::ALL.len() as f32;
    cols.extend(Status::ALL.iter().map(|s| Column::new(s.label(), w)));
    let mut rows: Vec<Vec<Cell>> = r
        .kommuner
        .iter()
        .map(|f| {
            let mut row = vec![
                Cell::plain(&f.municipality),
                Cell::plain(f.total().to_string()),
            ];
            row.extend(
                f.counts
                    .iter()
                    .map(|(s, n)| Cell::colored(n.to_string(), palette::status(*s))),
            );
            row
        })
        .collect();
    let mut sum = vec![
        Cell::colored("Totalt", BLACK),
        Cell::colored(total.to_string(), BLACK),
    ];
    sum.extend(
        counts
            .iter()
            .map(|(s, n)| Cell::colored(n.to_string(), palette::status(*s))),
    );
    rows.push(sum);
    l.table_captioned(Some("Kommunerna jämförda"), &cols, &rows, SMALL);
    l.space(2.0);
    l.paragraph(
        "Andel löften per status (grönt genomförd, blått pågår, brunt delvis, grått ej påbörjad, rött ej genomförd):",
        SMALL,
        true,
        BLACK,
        0.0,
    );
    l.space(1.0);
    for f in &r.kommuner {
        let parts: Vec<(f32, layout::Rgb)> = f
            .counts
            .iter()
            .map(|(s, n)| (*n as f32, palette::status(*s)))
            .collect();
        let done = super::model::done_of(&f.counts);
        let note = format!("{done} av {} genomförda", f.total());
        l.labelled_bar(&f.municipality, 30.0, &parts, 105.0, &note);
    }
    if let Some(months) = r.per_month()
        && months.iter().any(|(_, n)| *n > 0)
    {
        l.space(3.0);
        let total: u32 = months.iter().map(|(_, n)| n).sum();
        l.paragraph(
            &format!("Insatser per månad i hela lokalpolisområdet ({total} tillfällen)"),
            SMALL,
            true,
            BLACK,
            0.0,
        );
        l.space(1.0);
        let alt = crate::domain::charts::column_chart_alt(
            &format!(
                "Insatser per månad {} i hela lokalpolisområdet ({total} tillfällen)",
                r.year
            ),
            &months,
        );
        l.column_chart(&months, layout::CONTENT_W, 24.0, palette::BLUE, &alt);
    }
}

/// The cover, then each kommun's uppföljning from a new page.
pub fn layout_area(r: &AreaReport, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    cover(&mut l, r);
    for f in &r.kommuner {
        l.new_page();
        pdf::follow_up_body(&mut l, f);
    }
    let footer = format!("Lokalpolisområde {} · {}", r.police_area, r.year);
    pdf::finish_pages(l, m, &footer, &r.title())
}

pub fn render_area_pdf(r: &AreaReport, dnr: Option<&str>) -> Result<Pdf, String> {
    let metrics = pdf::font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_area(r, &metrics);
    let subject = format!(
        "Medborgarlöften {} — lokalpolisområde {}",
        r.year, r.police_area
    );
    pdf::write_pdf(
        &super::tagged::Meta {
            title: &r.title(),
            subject: &subject,
            made: r.report_date,
            dnr,
        },
        pages,
    )
}
