//! The åtgärdslista sent to one ansvarig (a förvaltning, a bolag): its open åtgärder from
//! the kommun's trygghetsvandringar, overdue first, each with place, what was seen, the
//! deadline and the photos.

use super::layout::{BLACK, GREY, Layout, Metrics, Pages};
use super::pdf::{self, Pdf};
use crate::domain::{OpenObservation, PhotoView, palette};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureList {
    pub municipality: String,
    /// Whose list it is; None: every ansvarig.
    pub responsible: Option<String>,
    pub items: Vec<(OpenObservation, Vec<PhotoView>)>,
    pub made: NaiveDate,
}

impl MeasureList {
    pub fn title(&self) -> String {
        match &self.responsible {
            Some(r) => format!("Åtgärdslista för {r} — {}", self.municipality),
            None => format!("Åtgärdslista — {}", self.municipality),
        }
    }
}

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;

pub fn layout_measures(list: &MeasureList, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    l.heading(&list.title(), 16.0, 20.0);
    let overdue = list
        .items
        .iter()
        .filter(|(i, _)| i.observation.deadline.is_some_and(|d| d < list.made))
        .count();
    l.paragraph(
        &format!(
            "Öppna åtgärder från trygghetsvandringar i {} · utskriven {}",
            list.municipality, list.made
        ),
        BODY,
        false,
        GREY,
        0.0,
    );
    l.paragraph(
        &format!(
            "{}. {}{}",
            crate::validate::count_of(list.items.len(), "öppen åtgärd", "öppna åtgärder"),
            crate::validate::late_sentence(overdue),
            if overdue > 0 {
                " De försenade står först."
            } else {
                ""
            }
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    l.space(4.0);
    for (n, (item, photos)) in list.items.iter().enumerate() {
        let o = &item.observation;
        l.ensure(30.0);
        l.paragraph(
            &format!("{}. {} — {}", n + 1, o.place, o.category.label()),
            BODY,
            true,
            BLACK,
            0.0,
        );
        l.paragraph(
            &format!("Trygghetsvandring {}, {}", item.walk_date, item.walk_area),
            SMALL,
            false,
            GREY,
            0.0,
        );
        if !o.description.trim().is_empty() {
            l.paragraph(
                &format!("Iakttagelse: {}", o.description),
                BODY,
                false,
                BLACK,
                0.0,
            );
        }
        if !o.measure.trim().is_empty() {
            l.paragraph(&format!("Åtgärd: {}", o.measure), BODY, false, BLACK, 0.0);
        }
        if list.responsible.is_none() && !o.responsible.is_empty() {
            l.paragraph(
                &format!("Ansvarig: {}", o.responsible),
                SMALL,
                false,
                BLACK,
                0.0,
            );
        }
        match o.deadline {
            Some(d) if d < list.made => {
                l.paragraph(
                    &format!("Senast: {d} — försenad"),
                    SMALL,
                    true,
                    palette::RED,
                    0.0,
                );
            }
            Some(d) => l.paragraph(&format!("Senast: {d}"), SMALL, false, BLACK, 0.0),
            None => {}
        }
        l.paragraph(
            &format!("Status: {}", o.status.label()),
            SMALL,
            true,
            palette::observation_status(o.status),
            0.0,
        );
        super::protocol::position_and_photos(&mut l, o, photos);
        l.space(3.0);
    }
    if list.items.is_empty() {
        l.paragraph("Inga öppna åtgärder.", BODY, false, GREY, 0.0);
    }
    let footer = list.title();
    pdf::finish_pages(l, m, &crate::validate::clip(&footer, 70), &list.title())
}

pub fn render_measures(list: &MeasureList, dnr: Option<&str>) -> Result<Pdf, String> {
    let metrics = pdf::font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_measures(list, &metrics);
    pdf::write_pdf(
        &super::tagged::Meta {
            title: &list.title(),
            subject: &list.municipality,
            made: list.made,
            dnr,
        },
        pages,
    )
}
