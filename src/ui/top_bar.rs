//! The top bar: the year shown, the board's filters and "Exportera PDF…".

use super::board::BoardFilter;
use super::forms::{labelled, option_combo, text_field};
use super::{Action, ExportAction, NavAction};
use crate::domain::{BoardData, Party};
use egui::{RichText, Ui};

/// The width (points) the bar needs with every filter in line.
const FULL_WIDTH: f32 = 1360.0;

/// `filter` is shown (and edited in place) only when a board is shown; `years` newest
/// first.
pub fn ui(
    ui: &mut Ui,
    years: &[i32],
    year: Option<i32>,
    board: Option<&BoardData>,
    filter: Option<&mut BoardFilter>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    // Below this width (a projector, or a larger text size) the filters would wrap away
    // from their labels: they go into a menu instead.
    let narrow = ui.available_width() < FULL_WIDTH;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Trygghetstavlan").size(22.0).strong());
        ui.separator();
        let current = year.map(|y| y.to_string()).unwrap_or_else(|| "–".into());
        let l = ui.label("Period");
        egui::ComboBox::from_id_salt("period")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for y in years {
                    if ui
                        .selectable_label(Some(*y) == year, y.to_string())
                        .clicked()
                    {
                        actions.push(NavAction::SelectYear(*y).into());
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if let (Some(f), Some(b)) = (filter, board) {
            if narrow {
                let title = if f.is_active() {
                    "Filter (på)"
                } else {
                    "Filter"
                };
                ui.menu_button(title, |ui| {
                    ui.vertical(|ui| filters(ui, f, b));
                });
            } else {
                filters(ui, f, b);
            }
        }
        ui.separator();
        if board.is_some() && ui.button("Exportera PDF…").clicked() {
            actions.push(ExportAction::Open.into());
        }
    });
    actions
}

fn filters(ui: &mut Ui, f: &mut BoardFilter, b: &BoardData) {
    let parties = Party::ALL.map(|p| (p, p.label().to_string()));
    option_combo(
        ui,
        "Ansvarig",
        "party_filter",
        &mut f.party,
        "Alla",
        parties,
    );
    option_combo(
        ui,
        "Status",
        "status_filter",
        &mut f.status,
        "Alla",
        super::board::StatusFilter::choices(),
    );
    let mut tags: Vec<String> = b.commitments.iter().flat_map(|c| c.tags.clone()).collect();
    tags.sort();
    tags.dedup();
    if !tags.is_empty() {
        let l = ui.label("Fokus");
        egui::ComboBox::from_id_salt("tag_filter")
            .selected_text(f.tag.clone().unwrap_or_else(|| "Alla".into()))
            .width(170.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.tag, None, "Alla");
                for t in tags {
                    ui.selectable_value(&mut f.tag, Some(t.clone()), t);
                }
            })
            .response
            .labelled_by(l.id);
    }
    labelled(
        ui,
        "Sök",
        text_field(&mut f.search, "search", 140.0).hint_text("text i löften"),
    );
    // Always in its place (greyed out without a filter), so the bar never shifts.
    if ui
        .add_enabled(f.is_active(), egui::Button::new("Rensa filter"))
        .clicked()
    {
        *f = BoardFilter::default();
    }
}
