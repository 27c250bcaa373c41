//! Åtgärdslista: every open observation of a kommun's walks, overdue first. This is
//! what the group goes through at each lägesbild meeting.

use super::Action;
use super::walks::{PendingStatus, deadline_label, pending_reason_ui, status_picker};
use super::widgets::weak;
use crate::domain::{Observation, ObservationCategory};
use crate::store::OpenObservation;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AtgarderState {
    pub responsible: Option<String>,
    pub category: Option<ObservationCategory>,
    pub pending: Option<PendingStatus>,
}

pub struct AtgarderView<'a> {
    pub items: &'a [OpenObservation],
    pub state: &'a mut AtgarderState,
    pub today: NaiveDate,
}

impl AtgarderView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let overdue = self
            .items
            .iter()
            .filter(|i| i.observation.deadline.is_some_and(|d| d < self.today))
            .count();
        ui.heading("Åtgärdslista");
        ui.label(format!(
            "{} öppna åtgärder från trygghetsvandringar, varav {overdue} försenade.",
            self.items.len()
        ));
        let mut responsibles: Vec<String> = self
            .items
            .iter()
            .map(|i| i.observation.responsible.clone())
            .filter(|r| !r.is_empty())
            .collect();
        responsibles.sort();
        responsibles.dedup();
        let st = &mut *self.state;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Ansvarig");
            egui::ComboBox::from_id_salt("atg_resp")
                .selected_text(st.responsible.clone().unwrap_or_else(|| "Alla".into()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut st.responsible, None, "Alla");
                    for r in &responsibles {
                        ui.selectable_value(&mut st.responsible, Some(r.clone()), r);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Kategori");
            egui::ComboBox::from_id_salt("atg_cat")
                .selected_text(st.category.map(|c| c.label()).unwrap_or("Alla"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut st.category, None, "Alla");
                    for c in ObservationCategory::ALL {
                        ui.selectable_value(&mut st.category, Some(c), c.label());
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let shown: Vec<&OpenObservation> = self
            .items
            .iter()
            .filter(|i| {
                st.responsible
                    .as_ref()
                    .is_none_or(|r| *r == i.observation.responsible)
            })
            .filter(|i| st.category.is_none_or(|c| c == i.observation.category))
            .collect();
        if shown.is_empty() {
            ui.add_space(10.0);
            ui.label(if self.items.is_empty() {
                "Inga öppna åtgärder. Nya iakttagelser från trygghetsvandringar hamnar här."
            } else {
                "Inga öppna åtgärder matchar filtret."
            });
            return actions;
        }
        let today = self.today;
        let observations: Vec<Observation> = shown.iter().map(|i| i.observation.clone()).collect();
        TableBuilder::new(ui)
            .id_salt("atgarder")
            .striped(true)
            .max_scroll_height(520.0)
            .column(Column::exact(170.0))
            .column(
                Column::initial(140.0)
                    .at_least(80.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(Column::exact(110.0))
            .column(
                Column::initial(170.0)
                    .at_least(80.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(
                Column::initial(130.0)
                    .at_least(70.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(
                Column::initial(150.0)
                    .at_least(80.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(Column::remainder().at_least(130.0))
            .header(24.0, |mut h| {
                for t in [
                    "Senast", "Plats", "Kategori", "Åtgärd", "Ansvarig", "Vandring", "Status",
                ] {
                    h.col(|ui| {
                        ui.label(RichText::new(t).strong());
                    });
                }
            })
            .body(|mut body| {
                for i in &shown {
                    let o = &i.observation;
                    body.row(30.0, |mut r| {
                        let mut place_id = None;
                        r.col(|ui| deadline_label(ui, o, today));
                        r.col(|ui| {
                            place_id = Some(ui.label(&o.place).on_hover_text(&o.description).id);
                        });
                        r.col(|ui| {
                            ui.label(o.category.label());
                        });
                        r.col(|ui| {
                            ui.label(&o.measure);
                        });
                        r.col(|ui| {
                            ui.label(&o.responsible);
                        });
                        r.col(|ui| {
                            ui.label(weak(format!("{} {}", i.walk_date, i.walk_area)));
                        });
                        r.col(|ui| {
                            if let Some(a) = status_picker(ui, o, &mut st.pending, place_id) {
                                actions.push(a);
                            }
                        });
                    });
                }
            });
        if let Some(a) = pending_reason_ui(ui, &mut st.pending, &observations) {
            actions.push(a);
        }
        actions
    }
}
