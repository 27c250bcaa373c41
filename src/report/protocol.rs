//! The protokoll of a trygghetsvandring: what the walk was, every observation with its
//! photos, and the åtgärdslista of the walk. Public fields only: a walk's own notes and
//! anything internal never reach it.

use super::layout::{self, BLACK, Cell, Column, GREY, Layout, LayoutPhoto, Metrics, Pages};
use super::pdf::{self, Pdf};
use crate::domain::{Observation, PhotoView, SafetyWalk, palette};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Protocol {
    pub municipality: String,
    pub police_area: String,
    pub walk: SafetyWalk,
    /// The löfte the walk counts towards, if any.
    pub commitment: Option<String>,
    /// Each observation with its photos, in the order they were entered.
    pub observations: Vec<(Observation, Vec<PhotoView>)>,
    pub made: NaiveDate,
    /// A return walk: the earlier walk's date and its åtgärder as they stand now.
    pub revisited: Option<(NaiveDate, Vec<Observation>)>,
}

impl Protocol {
    pub fn title(&self) -> String {
        format!(
            "Protokoll från trygghetsvandring {} — {}",
            self.walk.date, self.municipality
        )
    }
}

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
/// The largest a photo is printed, in mm (two side by side on A4).
const PHOTO_W: f32 = 82.0;
const PHOTO_H: f32 = 62.0;

fn head(l: &mut Layout, p: &Protocol) {
    l.heading(&p.title(), 16.0, 20.0);
    let w = &p.walk;
    l.paragraph(
        &format!(
            "Lokalpolisområde {} · {} · {} · Protokollet skrivet {}",
            p.police_area,
            w.date,
            w.time_of_day.label(),
            p.made
        ),
        BODY,
        false,
        GREY,
        0.0,
    );
    l.space(2.0);
    l.paragraph(
        &format!("Område / sträcka: {}", w.area),
        BODY,
        true,
        BLACK,
        0.0,
    );
    let orgs = layout::list_or_dash(&w.organisations);
    l.paragraph(
        &format!("Deltagare: {} · Organisationer: {orgs}", w.participants),
        BODY,
        false,
        BLACK,
        0.0,
    );
    if let Some(c) = &p.commitment {
        l.paragraph(&format!("Räknas mot löftet: {c}"), BODY, false, BLACK, 0.0);
    }
    let unsafe_n = p.observations.iter().filter(|(o, _)| !o.positive).count();
    let safe_n = p.observations.len() - unsafe_n;
    let fixed = p
        .observations
        .iter()
        .filter(|(o, _)| !o.positive && o.status == crate::domain::ObservationStatus::Fixed)
        .count();
    let summary = if p.observations.is_empty() {
        "Inga nya iakttagelser på vandringen.".to_string()
    } else {
        format!(
            "{}: {} som upplevs otrygga (varav {fixed} åtgärdade) och {} som upplevs trygga.",
            crate::validate::count_of(p.observations.len(), "iakttagelse", "iakttagelser"),
            unsafe_n,
            safe_n
        )
    };
    l.paragraph(&summary, BODY, false, BLACK, 0.0);
    l.space(3.0);
}

fn observation(l: &mut Layout, n: usize, o: &Observation, photos: &[PhotoView], made: NaiveDate) {
    let kind = if o.positive {
        "upplevs tryggt"
    } else {
        "upplevs otryggt"
    };
    let title = format!("{n}. {} — {}, {kind}", o.place, o.category.label());
    let lines = layout::wrap(l.metrics(), &title, BODY, true, layout::CONTENT_W);
    let desc = layout::wrap(l.metrics(), &o.description, BODY, false, layout::CONTENT_W);
    // The text and the first row of photos stay on one page.
    let first_row = photos
        .iter()
        .map(|p| LayoutPhoto::new(p, "").fitted(PHOTO_W, PHOTO_H).1)
        .fold(0.0, f32::max);
    l.ensure(
        (lines.len() + desc.len()) as f32 * layout::line_height(BODY)
            + 4.0 * layout::line_height(SMALL)
            + first_row
            + 4.0,
    );
    l.minor_heading(&title, BODY);
    if !o.description.trim().is_empty() {
        l.paragraph(&o.description, BODY, false, BLACK, 0.0);
    }
    if !o.positive {
        let mut facts = Vec::new();
        if !o.measure.is_empty() {
            facts.push(format!("Föreslagen åtgärd: {}", o.measure));
        }
        if !o.responsible.is_empty() {
            facts.push(format!("Ansvarig: {}", o.responsible));
        }
        if let Some(d) = o.deadline {
            let late = o.status.is_open() && d < made;
            facts.push(format!(
                "Senast: {d}{}",
                if late { " (försenad)" } else { "" }
            ));
        }
        if !facts.is_empty() {
            l.paragraph(&facts.join(" · "), SMALL, false, BLACK, 0.0);
        }
        let mut status = format!("Status: {}", o.status.label());
        if !o.status_reason.is_empty() {
            status.push_str(&format!(" — {}", o.status_reason));
        }
        l.paragraph(
            &status,
            SMALL,
            true,
            palette::observation_status(o.status),
            0.0,
        );
    }
    position_and_photos(l, o, photos);
    l.space(3.0);
}

/// An observation's position and photos, as the protokoll and the åtgärdslista print them.
pub(super) fn position_and_photos(l: &mut Layout, o: &Observation, photos: &[PhotoView]) {
    if let Some(p) = o.position {
        l.paragraph(&format!("Position: {p}"), SMALL, false, GREY, 0.0);
    }
    if !photos.is_empty() {
        l.space(1.0);
        let alt = o.photo_alt();
        let n = photos.len();
        let photos: Vec<LayoutPhoto> = photos
            .iter()
            .enumerate()
            .map(|(i, p)| match n {
                1 => LayoutPhoto::new(p, &alt),
                _ => LayoutPhoto::new(p, &format!("{alt} (foto {} av {n})", i + 1)),
            })
            .collect();
        l.photos(&photos, PHOTO_W, PHOTO_H);
    }
}

/// An åtgärd's first cells: the place, what is to be done and by whom.
pub(super) fn measure_cells(o: &Observation) -> Vec<Cell> {
    vec![
        Cell::plain(&o.place),
        Cell::plain(layout::or_dash(&o.measure)),
        Cell::plain(layout::or_dash(&o.responsible)),
    ]
}

/// The walk's åtgärder (not the places that feel safe), open ones first.
fn measures(l: &mut Layout, p: &Protocol) {
    let mut rows: Vec<&Observation> = p
        .observations
        .iter()
        .map(|(o, _)| o)
        .filter(|o| !o.positive)
        .collect();
    if rows.is_empty() {
        return;
    }
    rows.sort_by_key(|o| !o.status.is_open());
    l.heading("Åtgärdslista", 14.0, 25.0);
    let cols = [
        Column::new("Plats", 36.0),
        Column::new("Åtgärd", 50.0),
        Column::new("Ansvarig", 34.0),
        Column::new("Senast", 22.0),
        Column::new("Status", 28.0),
    ];
    let table: Vec<Vec<Cell>> = rows
        .iter()
        .map(|o| {
            let mut cells = measure_cells(o);
            cells.extend([
                match o.deadline {
                    Some(d) if o.status.is_open() && d < p.made => {
                        Cell::colored(format!("{d} försenad"), palette::RED)
                    }
                    d => Cell::plain(d.map(|d| d.to_string()).unwrap_or("–".into())),
                },
                Cell::colored(o.status.label(), palette::observation_status(o.status)),
            ]);
            cells
        })
        .collect();
    l.table_captioned(Some("Åtgärdslista"), &cols, &table, SMALL);
}

/// What became of the earlier walk's åtgärder (a return walk).
fn follow_up(l: &mut Layout, date: NaiveDate, earlier: &[Observation]) {
    let fixed = earlier
        .iter()
        .filter(|o| o.status == crate::domain::ObservationStatus::Fixed)
        .count();
    l.heading(&format!("Uppföljning av vandringen {date}"), 14.0, 25.0);
    l.paragraph(
        &format!(
            "Återbesöket gick igenom {} från vandringen {date}: {fixed} är åtgärdade sedan dess.",
            crate::validate::count_of(earlier.len(), "åtgärd", "åtgärder")
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    l.space(1.0);
    let cols = [
        Column::new("Plats", 40.0),
        Column::new("Åtgärd", 58.0),
        Column::new("Ansvarig", 38.0),
        Column::new("Status nu", 34.0),
    ];
    let rows: Vec<Vec<Cell>> = earlier
        .iter()
        .map(|o| {
            let mut cells = measure_cells(o);
            cells.push(Cell::colored(
                o.status.label(),
                palette::observation_status(o.status),
            ));
            cells
        })
        .collect();
    l.table_captioned(Some("Uppföljning"), &cols, &rows, SMALL);
    l.space(3.0);
}

pub fn layout_protocol(p: &Protocol, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    head(&mut l, p);
    if let Some((date, earlier)) = &p.revisited
        && !earlier.is_empty()
    {
        follow_up(&mut l, *date, earlier);
    }
    if !p.observations.is_empty() {
        l.heading("Iakttagelser", 14.0, 25.0);
        for (i, (o, photos)) in p.observations.iter().enumerate() {
            observation(&mut l, i + 1, o, photos, p.made);
        }
        l.space(2.0);
        measures(&mut l, p);
    }
    let footer = format!(
        "{} · Trygghetsvandring {} · {}",
        p.municipality,
        p.walk.date,
        crate::validate::clip(&p.walk.area, 40)
    );
    pdf::finish_pages(l, m, &footer, &p.title())
}

pub fn render_protocol(p: &Protocol, dnr: Option<&str>) -> Result<Pdf, String> {
    let metrics = pdf::font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_protocol(p, &metrics);
    pdf::write_pdf(
        &super::tagged::Meta {
            title: &p.title(),
            subject: &p.walk.area,
            made: p.made,
            dnr,
        },
        pages,
    )
}
