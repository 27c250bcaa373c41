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

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn undo_and_close_are_actions() {
        let toast = Toast {
            text: "Insats registrerad 2024-06-15.".into(),
            undoable: true,
            shown_at: 1.0,
        };
        let state = (toast, Vec::<Action>::new());
        let mut h = Harness::new_ui_state(
            |ui, (t, actions): &mut (Toast, Vec<Action>)| {
                actions.extend(super::ui(ui, Some(t), Some("Databasfel: låst")))
            },
            state,
        );
        h.run();
        h.get_by_label("Ångra").click();
        h.run();
        h.get_all_by_label("Stäng").next().unwrap().click();
        h.run();
        assert_eq!(h.state().1, vec![Action::Undo, Action::CloseError]);
        assert!(!h.state().0.expired(8.5) && h.state().0.expired(9.5));
    }
}
