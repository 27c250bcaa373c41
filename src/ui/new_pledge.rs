//! The Redigera tab of a kommun without a medborgarlöfte for the shown year: start an
//! empty one, or import the published text.

use super::authoring::AuthoringScreen;
use super::forms::{labelled, text_field};
use super::{Action, AuthoringAction};
use crate::domain::{MunicipalityId, Period};
use egui::Ui;

/// `previous`: the kommun's latest medborgarlöfte before the shown year, to copy from.
pub fn ui(
    ui: &mut Ui,
    st: &mut AuthoringScreen,
    m: MunicipalityId,
    previous: Option<&crate::domain::Pledge>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Nytt medborgarlöfte");
    ui.label("Kommunen har inget medborgarlöfte för det valda året.");
    ui.horizontal_wrapped(|ui| {
        labelled(
            ui,
            "Period",
            text_field(&mut st.new_period, "first_period", 170.0).hint_text("2026 eller 2026-2027"),
        );
        if let Some(p) = previous {
            ui.checkbox(
                &mut st.copy_previous,
                format!("Kopiera avsnitt och löften från {}", p.period),
            );
            if st.copy_previous {
                ui.checkbox(&mut st.only_not_done, "bara de som inte blev genomförda");
            }
        }
        let copy_from = previous.filter(|_| st.copy_previous).map(|p| p.id);
        let period = Period::parse(&st.new_period);
        let label = if copy_from.is_some() {
            "Skapa medborgarlöfte"
        } else {
            "Skapa tomt medborgarlöfte"
        };
        if ui
            .add_enabled(period.is_some(), egui::Button::new(label))
            .clicked()
            && let Some(p) = period
        {
            actions.push(
                AuthoringAction::NewPledge {
                    municipality: m,
                    period: p,
                    copy_from,
                    only_not_done: copy_from.is_some() && st.only_not_done,
                }
                .into(),
            );
        }
    });
    if !st.new_period.trim().is_empty() && Period::parse(&st.new_period).is_none() {
        super::forms::error_line(ui, crate::validate::Invalid::Period);
    }
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
