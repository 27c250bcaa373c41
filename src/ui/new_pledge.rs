//! The Redigera tab of a kommun without a medborgarlöfte for the shown year: start an
//! empty one, or import the published text.

use super::authoring::AuthoringScreen;
use super::forms::{labelled, text_field};
use super::{Action, AuthoringAction};
use crate::domain::{MunicipalityId, Period};
use egui::Ui;

pub fn ui(ui: &mut Ui, st: &mut AuthoringScreen, m: MunicipalityId) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Nytt medborgarlöfte");
    ui.label("Kommunen har inget medborgarlöfte för det valda året.");
    ui.horizontal(|ui| {
        labelled(
            ui,
            "Period",
            text_field(&mut st.new_period, "first_period", 110.0),
        );
        let period = Period::parse(&st.new_period);
        if ui
            .add_enabled(
                period.is_some(),
                egui::Button::new("Skapa tomt medborgarlöfte"),
            )
            .clicked()
            && let Some(p) = period
        {
            actions.push(
                AuthoringAction::NewPledge {
                    municipality: m,
                    period: p,
                    copy_from: None,
                    only_not_done: false,
                }
                .into(),
            );
        }
    });
    if ui.button("Importera från text…").clicked() {
        actions.push(
            AuthoringAction::OpenImport {
                municipality: m,
                period: st.new_period.clone(),
            }
            .into(),
        );
    }
    actions
}
