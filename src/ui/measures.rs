//! Åtgärdslista (measures): every open observation of a kommun's walks, overdue first. This is
//! what the group goes through at each lägesbild meeting.

use super::forms::option_combo;
use super::walks::{PendingStatus, pending_reason_ui, status_picker};
use super::widgets::deadline_label;
use super::widgets::{cell_text, clickable_text, weak, wrapped_row_height};
use super::{Action, WalkAction};
use crate::domain::{Observation, ObservationCategory, OpenObservation};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// The åtgärdslista's filters and a status change waiting for its reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeasuresScreen {
    pub responsible: Option<String>,
    pub category: Option<ObservationCategory>,
    pub pending: Option<PendingStatus>,
}

impl MeasuresScreen {
    pub fn ui(&mut self, ui: &mut Ui, items: &[OpenObservation], today: NaiveDate) -> Vec<Action> {
        MeasuresView {
            items,
            state: self,
            today,
        }
        .ui(ui)
        .into_iter()
        .map(Action::Walk)
        .collect()
    }
}

struct MeasuresView<'a> {
    items: &'a [OpenObservation],
    state: &'a mut MeasuresScreen,
    today: NaiveDate,
}

impl MeasuresView<'_> {
    fn ui(&mut self, ui: &mut Ui) -> Vec<WalkAction> {
        let mut actions = Vec::new();
        let overdue = self
            .items
            .iter()
            .filter(|i| i.observation.deadline.is_some_and(|d| d < self.today))
            .count();
        ui.heading("Åtgärdslista");
        ui.label(format!(
            "{} från trygghetsvandringar. {}",
            crate::validate::count_of(self.items.len(), "öppen åtgärd", "öppna åtgärder"),
            crate::validate::late_sentence(overdue)
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
            let people = responsibles.iter().map(|r| (r.clone(), r.clone()));
            option_combo(
                ui,
                "Ansvarig",
                "atg_resp",
                &mut st.responsible,
                "Alla",
                people,
            );
            let categories = ObservationCategory::ALL.map(|c| (c, c.label().to_string()));
            option_combo(
                ui,
                "Kategori",
                "atg_cat",
                &mut st.category,
                "Alla",
                categories,
            );
            match &st.responsible {
                Some(r) => {
                    if ui
                        .button(format!("Åtgärdslista till {r} (PDF)…"))
                        .on_hover_text("Deras öppna åtgärder med platser, foton och datum")
                        .clicked()
                    {
                        actions.push(WalkAction::OpenMeasures(r.clone()));
                    }
                }
                None => {
                    ui.label(weak(
                        "Välj en ansvarig för att skicka dem deras lista som PDF.",
                    ));
                }
            }
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
        self.table(ui, &shown, &mut actions);
        actions
    }

    /// The open åtgärder shown, one row each, and the reason asked for "Ej åtgärd".
    fn table(&mut self, ui: &mut Ui, shown: &[&OpenObservation], actions: &mut Vec<WalkAction>) {
        let st = &mut *self.state;
        let today = self.today;
        let observations: Vec<Observation> = shown.iter().map(|i| i.observation.clone()).collect();
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("atgarder")
            .striped(true)
            .max_scroll_height(520.0)
            // No resize handles: each would be a Tab stop that keys cannot use.
            .column(Column::exact(170.0))
            .column(Column::initial(140.0).at_least(80.0).clip(true))
            .column(Column::exact(110.0))
            .column(Column::initial(170.0).at_least(80.0).clip(true))
            .column(Column::initial(150.0).at_least(70.0).clip(true))
            .column(Column::exact(100.0))
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
                let widths = body.widths().to_vec();
                for i in shown {
                    let o = &i.observation;
                    let texts = [
                        (1, o.place.as_str()),
                        (3, o.measure.as_str()),
                        (4, o.responsible.as_str()),
                    ];
                    let height = wrapped_row_height(body.ui_mut(), &widths, &texts, 30.0);
                    body.row(height, |mut r| {
                        r.col(|ui| deadline_label(ui, o, today));
                        r.col(|ui| {
                            let l = clickable_text(ui, &o.place).on_hover_text(format!(
                                "{}\nKlicka för att se iakttagelsen med foton",
                                o.description
                            ));
                            // One Tab stop per åtgärd, read as the whole of it.
                            l.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Row,
                                    true,
                                    format!(
                                        "{}. Vandring {}",
                                        super::walks::observation_name(o),
                                        i.walk_date
                                    ),
                                )
                            });
                            if l.clicked() {
                                actions.push(WalkAction::ShowObservation(o.walk, o.id));
                            }
                        });
                        r.col(|ui| {
                            ui.label(o.category.label());
                        });
                        r.col(|ui| {
                            cell_text(ui, &o.measure);
                        });
                        r.col(|ui| {
                            cell_text(ui, &o.responsible);
                        });
                        r.col(|ui| {
                            // The date says which walk; its route is on hover (it would
                            // make every row several lines high).
                            ui.label(weak(i.walk_date.to_string()))
                                .on_hover_text(&i.walk_area);
                        });
                        r.col(|ui| {
                            if let Some(a) = status_picker(ui, o, &mut st.pending) {
                                actions.push(a);
                            }
                        });
                    });
                }
            });
        if let Some(a) = pending_reason_ui(ui, &mut st.pending, &observations) {
            actions.push(a);
        }
    }
}
