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
            let l = ui.colored_label(ui.visuals().error_fg_color, e);
            announce(ui, &l, egui::accesskit::Live::Assertive);
            if ui.small_button("Stäng").clicked() {
                actions.push(Action::CloseError);
            }
        });
    }
    if let Some(t) = toast {
        ui.horizontal(|ui| {
            let l = ui.label(RichText::new(&t.text).size(17.0));
            announce(ui, &l, egui::accesskit::Live::Polite);
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

/// A screen reader says the message when it appears ("Insats registrerad", "Ångrat."),
/// without the focus moving to it; an error interrupts.
fn announce(ui: &Ui, label: &egui::Response, live: egui::accesskit::Live) {
    ui.ctx()
        .accesskit_node_builder(label.id, |node| node.set_live(live));
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

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
        // Both messages are live regions: a screen reader says them as they come.
        use egui::accesskit::Live;
        let live = |text: &str| h.get_by_label(text).accesskit_node().data().live();
        assert_eq!(live("Insats registrerad 2024-06-15."), Some(Live::Polite));
        assert_eq!(live("Databasfel: låst"), Some(Live::Assertive));
        h.get_by_label("Ångra").click();
        h.run();
        h.get_all_by_label("Stäng").next().unwrap().click();
        h.run();
        assert_eq!(h.state().1, vec![Action::Undo, Action::CloseError]);
        assert!(!h.state().0.expired(8.5) && h.state().0.expired(9.5));
    }
}
