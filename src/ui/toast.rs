//! The bottom strip: the last error, and a short message with "Ångra" when the change can
//! be undone.

use super::Action;
use egui::{RichText, Ui};

/// How long a message stays, in seconds.
pub const TOAST_SECONDS: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub text: String,
    /// Shows "Ångra"; the controller keeps what undoing means.
    pub undoable: bool,
    /// egui time when shown; 0 keeps it until closed.
    pub shown_at: f64,
}

impl Toast {
    pub fn expired(&self, now: f64) -> bool {
        self.shown_at > 0.0 && now - self.shown_at > TOAST_SECONDS
    }
}

pub fn ui(ui: &mut Ui, toast: Option<&Toast>, error: Option<&str>) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some(e) = error {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, e);
            if ui.small_button("Stäng").clicked() {
                actions.push(Action::CloseError);
            }
        });
    }
    if let Some(t) = toast {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&t.text).size(17.0));
            if t.undoable && ui.button("Ångra").clicked() {
                actions.push(Action::Undo);
            }
            if ui.small_button("Stäng").clicked() {
                actions.push(Action::CloseToast);
            }
        });
    }
    actions
}
