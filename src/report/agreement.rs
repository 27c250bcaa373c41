//! The follow-up of a samverkansöverenskommelse as a PDF: the agreement's parties and
//! forums, then per fokusområde a table of its years (löften, insatser, walks, händelser)
//! with the löften and their status and the linked indicators, then a page of the years
//! overall. The figures are `domain::agreements::follow_up`'s, shared with the CSV and the
//! citizens' page.

use super::layout::{BLACK, Cell, Column, GREY, Layout, Metrics, Pages};
pub use super::model::build_agreement;
use super::pdf::{self, Pdf};
use crate::domain::agreements::{AgreementFollowUp, YearFigures};
use crate::domain::palette;
use chrono::NaiveDate;

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;

fn title(f: &AgreementFollowUp) -> String {
    format!("Uppföljning av {} — {}", f.title, f.municipality)
}

fn figure_cells(first: String, y: &YearFigures) -> Vec<Cell> {
    vec![
        Cell::plain(first),
        Cell::plain(y.commitments.to_string()),
        Cell::plain(y.activities.to_string()),
        Cell::plain(y.walks.to_string()),
        Cell::plain(
            y.incidents
                .map(|n| n.to_string())
                .unwrap_or_else(|| "–".into()),
        ),
    ]
}

const FIGURE_COLUMNS: [Column<'static>; 5] = [
    Column::new("År", 22.0),
    Column::new("Löften", 30.0),
    Column::new("Insatser", 34.0),
    Column::new("Vandringar", 40.0),
    Column::new("Händelser", 40.0),
];

pub fn layout_agreement(f: &AgreementFollowUp, made: NaiveDate, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    l.heading(&title(f), 16.0, 20.0);
    l.paragraph(
        &format!("Överenskommelsen gäller {} · utskriven {made}", f.period),
        BODY,
        false,
        GREY,
        0.0,
    );
    if !f.parties.is_empty() {
        l.paragraph(
            &format!("Parter: {}", f.parties.join(", ")),
            BODY,
            false,
            BLACK,
            0.0,
        );
    }
    if !f.forums.is_empty() {
        l.paragraph(
            &format!("Forum för samverkan: {}", f.forums.join(", ")),
            BODY,
            false,
            BLACK,
            0.0,
        );
    }
    l.paragraph(
        "Insatser räknas med sitt antal, också vardagsarbete som hör till ett fokusområde utan \
         att höra till ett löfte. Händelser räknas i de kategorier fokusområdet följer (– när \
         det inte följer någon).",
        SMALL,
        false,
        GREY,
        0.0,
    );
    l.space(3.0);
    for a in &f.areas {
        l.ensure(45.0);
        l.heading(&a.name, 13.0, 30.0);
        if !a.categories.is_empty() {
            l.paragraph(
                &format!("Följer händelser: {}", a.categories.join(", ")),
                SMALL,
                false,
                GREY,
                0.0,
            );
        }
        let rows: Vec<Vec<Cell>> = a
            .years
            .iter()
            .map(|y| figure_cells(y.figures.year.to_string(), &y.figures))
            .collect();
        l.table(&FIGURE_COLUMNS, &rows, BODY);
        for y in a.years.iter().filter(|y| !y.commitments.is_empty()) {
            l.paragraph(
                &format!("Löften {}", y.figures.year),
                SMALL,
                true,
                BLACK,
                0.0,
            );
            for (text, status) in &y.commitments {
                l.list_item(
                    &format!("• {text} — {}", status.label()),
                    SMALL,
                    false,
                    palette::status(*status),
                    3.0,
                );
            }
        }
        for i in &a.indicators {
            l.paragraph(&format!("Indikator: {i}"), SMALL, false, BLACK, 0.0);
        }
        l.space(4.0);
    }
    l.new_page();
    l.heading("Det här gjordes under överenskommelsen", 14.0, 30.0);
    l.paragraph(
        "Varje insats, trygghetsvandring och händelse räknas en gång, även när den hör till \
         flera fokusområden.",
        SMALL,
        false,
        GREY,
        0.0,
    );
    let rows: Vec<Vec<Cell>> = f
        .overall
        .iter()
        .map(|y| figure_cells(y.year.to_string(), y))
        .collect();
    l.table(&FIGURE_COLUMNS, &rows, BODY);
    l.space(4.0);
    l.heading("Per fokusområde hela perioden", 12.0, 25.0);
    let rows: Vec<Vec<Cell>> = f
        .areas
        .iter()
        .map(|a| {
            let sum = |pick: fn(&YearFigures) -> u32| {
                a.years
                    .iter()
                    .map(|y| pick(&y.figures))
                    .sum::<u32>()
                    .to_string()
            };
            vec![
                Cell::plain(a.name.clone()),
                Cell::plain(sum(|y| y.commitments)),
                Cell::plain(sum(|y| y.activities)),
                Cell::plain(sum(|y| y.walks)),
            ]
        })
        .collect();
    l.table(
        &[
            Column::new("Fokusområde", 96.0),
            Column::new("Löften", 24.0),
            Column::new("Insatser", 24.0),
            Column::new("Vandringar", 26.0),
        ],
        &rows,
        BODY,
    );
    l.space(4.0);
    let total = |pick: fn(&YearFigures) -> u32| f.overall.iter().map(pick).sum::<u32>();
    l.paragraph(
        &format!(
            "Totalt {}: {} insatser och {} trygghetsvandringar i {} fokusområden.",
            f.period,
            total(|y| y.activities),
            total(|y| y.walks),
            f.areas.len()
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    let footer = crate::validate::clip(&title(f), 70);
    pdf::finish_pages(l, m, &footer, &title(f))
}

pub fn render_agreement(
    f: &AgreementFollowUp,
    made: NaiveDate,
    dnr: Option<&str>,
) -> Result<Pdf, String> {
    let metrics = pdf::font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_agreement(f, made, &metrics);
    pdf::write_pdf(
        &super::tagged::Meta {
            title: &title(f),
            subject: &f.municipality,
            made,
            dnr,
        },
        pages,
    )
}
