//! Detail panel for the selected löfte: text, targets, status, its insatser.

use super::Action;
use super::widgets::{party_chip, progress, status_chip, status_color, weak};
use crate::domain::{Activity, ManualStatus, Status, TargetScope};
use crate::summary::CommitmentRow;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// Local state of the manual status editor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusEditor {
    pub status: Option<Status>,
    pub reason: String,
}

impl StatusEditor {
    pub fn from_row(row: &CommitmentRow) -> StatusEditor {
        match &row.commitment.manual_status {
            Some(m) => StatusEditor {
                status: Some(m.status),
                reason: m.reason.clone(),
            },
            None => StatusEditor::default(),
        }
    }
}

pub struct DetailView<'a> {
    pub row: &'a CommitmentRow,
    pub activities: &'a [Activity],
    pub editor: &'a mut StatusEditor,
}

impl DetailView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let row = self.row;
        let c = &row.commitment;
        ui.horizontal(|ui| {
            party_chip(ui, c.party);
            status_chip(ui, row.status);
            if ui.button("Stäng").clicked() {
                actions.push(Action::SelectCommitment(None));
            }
        });
        ui.add_space(4.0);
        ui.label(weak(&row.section_title));
        ui.label(RichText::new(&c.text).size(18.0));
        if !c.tags.is_empty() {
            ui.label(weak(format!("Fokusområden: {}", c.tags.join(", "))));
        }
        if !c.sub_areas.is_empty() {
            ui.label(weak(format!("Delområden: {}", c.sub_areas.join(", "))));
        }
        if let Some(m) = &c.manual_status {
            ui.label(format!(
                "Status satt manuellt: {} — {}",
                m.status.label(),
                m.reason
            ));
        }
        ui.add_space(6.0);
        if row.targets.is_empty() {
            ui.label(match c.checked_on {
                Some(d) => format!("Avbockat {d}."),
                None => "Inget antal i löftet: bocka av när det är gjort.".into(),
            });
        }
        for t in &row.targets {
            ui.horizontal(|ui| {
                progress(
                    ui,
                    t.progress.fraction(),
                    status_color(t.progress.status),
                    140.0,
                );
                let year = if t.target.scope == TargetScope::PerYear {
                    " i år"
                } else {
                    ""
                };
                ui.label(
                    RichText::new(format!("{}/{}{year}", t.progress.done, t.progress.goal))
                        .strong(),
                );
                ui.label(t.target.describe());
                if row.targets.len() > 1
                    && ui
                        .small_button("+1")
                        .on_hover_text("Registrera en insats i dag")
                        .clicked()
                {
                    actions.push(Action::QuickAdd {
                        commitment: c.id,
                        target: Some(t.target.id),
                        by: t.target.party.unwrap_or(c.party),
                    });
                }
            });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Ny insats").on_hover_text("Ctrl+N").clicked() {
                actions.push(Action::NewActivity(c.id));
            }
        });
        ui.add_space(4.0);
        self.table(ui, &mut actions);
        ui.add_space(8.0);
        ui.separator();
        self.status_editor(ui, &mut actions);
        actions
    }

    fn table(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.activities.is_empty() {
            ui.label(weak("Inga insatser ännu — tryck +1 eller Ny insats."));
            return;
        }
        ui.label(RichText::new(format!("Insatser ({})", self.activities.len())).strong());
        TableBuilder::new(ui)
            .id_salt("insatser")
            .striped(true)
            .max_scroll_height(260.0)
            .column(Column::auto().at_least(100.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(44.0))
            .column(Column::auto().at_least(70.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::auto())
            .header(24.0, |mut h| {
                for t in ["Datum", "Utförd av", "Antal", "Plats", "Beskrivning", ""] {
                    h.col(|ui| {
                        ui.label(RichText::new(t).strong());
                    });
                }
            })
            .body(|mut body| {
                for a in self.activities {
                    body.row(28.0, |mut r| {
                        r.col(|ui| {
                            ui.label(a.date.to_string());
                        });
                        r.col(|ui| {
                            ui.label(a.by.label());
                        });
                        r.col(|ui| {
                            ui.label(a.count.to_string());
                        });
                        r.col(|ui| {
                            ui.label(&a.place);
                        });
                        r.col(|ui| {
                            let l = ui.label(&a.description);
                            if !a.internal_note.is_empty() {
                                l.on_hover_text(format!("Intern anteckning: {}", a.internal_note));
                            }
                        });
                        r.col(|ui| {
                            if ui.small_button("Ändra").clicked() {
                                actions.push(Action::EditActivity(a.id));
                            }
                            if ui.small_button("Ta bort").clicked() {
                                actions.push(Action::DeleteActivity(a.id));
                            }
                        });
                    });
                }
            });
    }

    fn status_editor(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let c = &self.row.commitment;
        let l = ui.label(RichText::new("Manuell status").strong());
        let ed = &mut *self.editor;
        egui::ComboBox::from_id_salt("manual_status")
            .selected_text(ed.status.map(Status::label).unwrap_or("Ingen — beräknas"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut ed.status, None, "Ingen — beräknas");
                for s in Status::ALL {
                    ui.selectable_value(&mut ed.status, Some(s), s.label());
                }
            })
            .response
            .labelled_by(l.id);
        if ed.status.is_some() {
            let l = ui.label("Motivering (krävs)");
            ui.add(
                egui::TextEdit::singleline(&mut ed.reason)
                    .id_salt("manual_reason")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        }
        let reason_ok = ed.status.is_none() || !ed.reason.trim().is_empty();
        if !reason_ok {
            ui.label(
                RichText::new("Ange en motivering till statusen.")
                    .color(ui.visuals().error_fg_color),
            );
        }
        let changed = ed.status != c.manual_status.as_ref().map(|m| m.status)
            || (ed.status.is_some()
                && c.manual_status.as_ref().map(|m| m.reason.as_str()) != Some(ed.reason.trim()));
        if ui
            .add_enabled(reason_ok && changed, egui::Button::new("Spara status"))
            .clicked()
        {
            let manual = ed.status.map(|status| ManualStatus {
                status,
                reason: ed.reason.trim().to_string(),
            });
            actions.push(Action::SetManualStatus(c.id, manual));
        }
    }
}
