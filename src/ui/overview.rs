//! "Alla kommuner": the kommuner of one lokalpolisområde side by side.

use super::NavAction;
use super::widgets::weak;
use crate::domain::MunicipalityId;
use crate::summary::BoardSummary;
use egui::{RichText, Ui};

#[derive(Debug, Clone)]
pub struct OverviewCard {
    pub municipality: MunicipalityId,
    pub name: String,
    /// "Medborgarlöfte 2024", or None when the kommun has none for the period.
    pub title: Option<String>,
    pub summary: BoardSummary,
}

pub fn ui(
    ui: &mut Ui,
    area: (crate::domain::PoliceAreaId, &str),
    year: Option<i32>,
    cards: &[OverviewCard],
) -> Option<super::Action> {
    let (area_id, area_name) = area;
    let mut action = None;
    ui.heading(RichText::new(format!("Lokalpolisområde {area_name} — alla kommuner")).strong());
    let with_pledge = cards.iter().any(|c| c.title.is_some());
    ui.horizontal_wrapped(|ui| {
        if let Some(year) = year
            && ui
                .add_enabled(
                    with_pledge,
                    egui::Button::new(format!("Rapport för lokalpolisområdet {year} (PDF)…")),
                )
                .on_hover_text("En jämförelse av kommunerna, sedan varje kommuns uppföljning")
                .clicked()
        {
            action = Some(super::ExportAction::OpenArea(area_id, year).into());
        }
        if ui
            .button("Gemensamt lägesbildsmöte (F5)")
            .on_hover_text(
                "Mötesläge för hela lokalpolisområdet: alla kommuners tavlor och åtgärder",
            )
            .clicked()
        {
            action = Some(super::MeetingAction::Start.into());
        }
    });
    ui.add_space(8.0);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for card in cards {
                    egui::Frame::group(ui.style())
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.set_width(300.0);
                            ui.vertical(|ui| {
                                ui.label(RichText::new(&card.name).size(22.0).strong());
                                let Some(title) = &card.title else {
                                    ui.label(weak("Inget medborgarlöfte för perioden."));
                                    return;
                                };
                                ui.label(weak(title));
                                let s = &card.summary;
                                ui.label(
                                    RichText::new(format!(
                                        "{} av {} löften genomförda",
                                        s.done(),
                                        s.total()
                                    ))
                                    .size(18.0),
                                );
                                super::charts::status_bar(ui, &s.counts(), 280.0);
                                let behind: Vec<_> = s.behind().collect();
                                if !behind.is_empty() {
                                    ui.add_space(4.0);
                                    ui.label(
                                        RichText::new(format!("Efter plan ({})", behind.len()))
                                            .strong()
                                            .color(super::widgets::behind_text(ui)),
                                    );
                                    for r in behind.iter().take(6) {
                                        ui.add(
                                            egui::Label::new(format!("• {}", r.commitment.text))
                                                .truncate(),
                                        );
                                    }
                                }
                                ui.add_space(6.0);
                                if ui.button(format!("Öppna {}", card.name)).clicked() {
                                    action = Some(
                                        NavAction::SelectMunicipality(card.municipality).into(),
                                    );
                                }
                            });
                        });
                }
            });
        });
    action
}
