//! Detail panel for the selected löfte: text, targets, status, its insatser.

use super::forms::{labelled, option_combo, text_field};
use super::widgets::{
    cell_text, party_chip, plus_one, progress, status_chip, status_color, weak, wrapped_row_height,
};
use super::{Action, AuthoringAction, BoardAction};
use crate::domain::{Activity, ActivityId, ManualStatus, Status, TargetScope};
use crate::summary::CommitmentRow;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// Local state of the detail panel: the manual status editor and the selected insats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DetailState {
    pub status: Option<Status>,
    pub reason: String,
    pub selected_activity: Option<ActivityId>,
    /// The bedömning as typed, and which löfte and year it was filled from.
    pub assessment: Option<crate::domain::Assessment>,
    /// Put the keyboard focus on the panel's first button (it was opened with a key).
    pub focus_first: bool,
}

impl DetailState {
    pub fn from_row(row: &CommitmentRow) -> DetailState {
        match &row.commitment.manual_status {
            Some(m) => DetailState {
                status: Some(m.status),
                reason: m.reason.clone(),
                ..DetailState::default()
            },
            None => DetailState::default(),
        }
    }
}

/// What is stored about the selected löfte besides its row.
#[derive(Clone, Copy)]
pub struct DetailRecords<'a> {
    /// Its insatser, newest first.
    pub activities: &'a [Activity],
    /// Its bedömning for the shown year, as stored.
    pub assessment: Option<&'a crate::domain::Assessment>,
    /// Beslut about it from any meeting, newest meeting first.
    pub decisions: &'a [crate::domain::DecisionItem],
    /// The indicators that measure it.
    pub indicators: &'a [crate::domain::indicators::Indicator],
}

pub struct DetailView<'a> {
    pub row: &'a CommitmentRow,
    pub period: crate::domain::Period,
    pub today: chrono::NaiveDate,
    pub records: DetailRecords<'a>,
    pub state: &'a mut DetailState,
}

/// What a screen reader says of an insats: "Insats 2024-06-15: Polisen, 2 tillfällen,
/// Torget. Samtal med boende".
pub fn activity_name(a: &Activity) -> String {
    let times = if a.count == 1 {
        "1 tillfälle".to_string()
    } else {
        format!("{} tillfällen", a.count)
    };
    let mut name = format!("Insats {}: {}, {times}", a.date, a.by.label());
    for part in [&a.place, &a.description] {
        if !part.trim().is_empty() {
            name.push_str(&format!(". {}", part.trim()));
        }
    }
    name
}

impl DetailView<'_> {
    /// The löfte's progress over its period against the plan line, one line per target.
    fn chart(&self, ui: &mut Ui) {
        let row = self.row;
        if row.targets.is_empty() {
            return;
        }
        let several = row.targets.len() > 1;
        let series: Vec<(String, crate::domain::charts::ProgressSeries)> = row
            .targets
            .iter()
            .map(|t| {
                let name = match (&t.target.label, t.target.party) {
                    _ if !several => String::new(),
                    (Some(l), _) => l.clone(),
                    (None, Some(p)) => p.label().to_string(),
                    (None, None) => t.target.unit.clone(),
                };
                let s = crate::domain::charts::progress_series(
                    &t.target,
                    self.records.activities,
                    self.period,
                    self.today,
                );
                (name, s)
            })
            .collect();
        ui.add_space(6.0);
        let lines: Vec<String> = series
            .iter()
            .map(|(name, s)| {
                let words = super::charts::progress_words(s, self.today);
                if name.is_empty() {
                    words
                } else {
                    format!("{name}: {words}")
                }
            })
            .collect();
        let alt = format!("Utfört mot planlinjen: {}", lines.join(" "));
        super::charts::progress_chart(ui, row.commitment.id, &series, &alt);
        for line in lines {
            ui.label(weak(line));
        }
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let row = self.row;
        let c = &row.commitment;
        // Wraps when the panel is narrow (large text): Stäng never falls off the edge.
        ui.horizontal_wrapped(|ui| {
            party_chip(ui, c.party);
            status_chip(ui, row.status);
            let edit = ui.button("Redigera löfte");
            if std::mem::take(&mut self.state.focus_first) {
                edit.request_focus();
            }
            if edit.clicked() {
                actions.push(AuthoringAction::EditCommitment(c.id).into());
            }
            if ui.button("Stäng").clicked() {
                actions.push(BoardAction::SelectCommitment(None).into());
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
                if row.targets.len() > 1 {
                    actions.extend(
                        plus_one(ui, c, &t.target, self.period, self.today, false)
                            .map(Action::Board),
                    );
                }
            });
        }
        self.chart(ui);
        self.indicators(ui);
        self.decisions(ui);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Ny insats").on_hover_text("Ctrl+N").clicked() {
                actions.push(BoardAction::NewActivity(c.id).into());
            }
        });
        ui.add_space(4.0);
        self.table(ui, &mut actions);
        ui.add_space(8.0);
        ui.separator();
        self.assessment_editor(ui, &mut actions);
        ui.separator();
        self.status_editor(ui, &mut actions);
        actions
    }

    /// The indicators linked to the löfte: their values over the years and which way the
    /// latest went.
    fn indicators(&self, ui: &mut Ui) {
        for i in self.records.indicators {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Indikator").strong());
                ui.label(i.words());
                if let Some(t) = i.trend() {
                    let text = RichText::new(t.label()).strong();
                    ui.label(match t {
                        crate::domain::indicators::Trend::Worse => {
                            text.color(super::widgets::behind_text(ui))
                        }
                        _ => text,
                    });
                }
            });
        }
    }

    /// Beslut from lägesbildsmöten about this löfte, open ones marked when late.
    fn decisions(&self, ui: &mut Ui) {
        let items = self.records.decisions;
        if items.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Beslut om löftet ({})", items.len())).strong());
        for item in items {
            let d = &item.decision;
            let mut text = format!("{} · {}", item.meeting_date, d.text);
            if !d.responsible.is_empty() {
                text.push_str(&format!(" · {}", d.responsible));
            }
            if let Some(dl) = d.deadline {
                text.push_str(&format!(" · senast {dl}"));
            }
            ui.horizontal_wrapped(|ui| {
                let status = if d.is_overdue(self.today) {
                    RichText::new("Försenat")
                        .color(super::widgets::behind_text(ui))
                        .strong()
                } else {
                    RichText::new(d.status.label()).strong()
                };
                ui.label(status);
                ui.label(text);
            });
        }
    }

    fn table(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.records.activities.is_empty() {
            ui.label(weak("Inga insatser ännu — tryck +1 eller Ny insats."));
            return;
        }
        ui.label(RichText::new(format!("Insatser ({})", self.records.activities.len())).strong());
        let selected = self
            .state
            .selected_activity
            .filter(|id| self.records.activities.iter().any(|a| a.id == *id));
        let mut clicked = None;
        let mut double_clicked = None;
        // Clicks on cell text must reach the row (selectable text would take them).
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("insatser")
            .striped(true)
            // Any cell selects its row with the mouse; the keyboard stops once per row
            // (the date), which a screen reader reads as the whole insats.
            .sense(egui::Sense::CLICK)
            .max_scroll_height(260.0)
            .column(Column::exact(100.0))
            .column(Column::exact(96.0))
            .column(Column::exact(48.0))
            .column(
                // Not resizable: the handle would be a Tab stop that keys cannot use
                // (the marked insats below shows its whole text).
                Column::initial(110.0).at_least(60.0).clip(true),
            )
            .column(Column::remainder().at_least(80.0).clip(true))
            .header(24.0, |mut h| {
                for t in ["Datum", "Utförd av", "Antal", "Plats", "Beskrivning"] {
                    h.col(|ui| {
                        ui.label(RichText::new(t).strong());
                    });
                }
            })
            .body(|mut body| {
                let widths = body.widths().to_vec();
                for a in self.records.activities {
                    let texts = [(3, a.place.as_str()), (4, a.description.as_str())];
                    let height = wrapped_row_height(body.ui_mut(), &widths, &texts, 28.0);
                    body.row(height, |mut r| {
                        r.set_selected(selected == Some(a.id));
                        r.col(|ui| {
                            let stop = ui
                                .add(
                                    egui::Label::new(a.date.to_string())
                                        .sense(egui::Sense::click()),
                                )
                                .on_hover_text("Enter markerar insatsen");
                            stop.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::Row,
                                    true,
                                    selected == Some(a.id),
                                    activity_name(a),
                                )
                            });
                            if stop.clicked() {
                                clicked = Some(a.id);
                            }
                            if stop.double_clicked() {
                                double_clicked = Some(a.id);
                            }
                        });
                        r.col(|ui| {
                            ui.label(a.by.label());
                        });
                        r.col(|ui| {
                            ui.label(a.count.to_string());
                        });
                        r.col(|ui| {
                            cell_text(ui, &a.place);
                        });
                        r.col(|ui| {
                            let l = cell_text(ui, &a.description);
                            if !a.internal_note.is_empty() {
                                l.on_hover_text(format!("Intern anteckning: {}", a.internal_note));
                            }
                        });
                        let resp = r.response();
                        if resp.double_clicked() {
                            double_clicked = Some(a.id);
                        } else if resp.clicked() {
                            clicked = Some(a.id);
                        }
                    });
                }
            });
        if let Some(id) = clicked {
            self.state.selected_activity = Some(id);
        }
        if let Some(id) = double_clicked {
            actions.push(BoardAction::EditActivity(id).into());
        }
        self.marked(ui, actions);
    }

    /// The marked insats: its buttons, and the whole of it (the table clips long texts).
    fn marked(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let selected = self.state.selected_activity;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(selected.is_some(), egui::Button::new("Ändra insats"))
                .on_disabled_hover_text("Markera en insats i tabellen")
                .clicked()
                && let Some(id) = selected
            {
                actions.push(BoardAction::EditActivity(id).into());
            }
            if ui
                .add_enabled(selected.is_some(), egui::Button::new("Ta bort insats"))
                .on_disabled_hover_text("Markera en insats i tabellen")
                .clicked()
                && let Some(id) = selected
            {
                self.state.selected_activity = None;
                actions.push(BoardAction::DeleteActivity(id).into());
            }
            ui.label(weak("Klicka på en rad för att markera den."));
        });
        // The marked insats in full: the table clips long texts.
        if let Some(a) = selected.and_then(|id| self.records.activities.iter().find(|a| a.id == id))
        {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("{} · {} · {} st", a.date, a.by.label(), a.count))
                        .strong(),
                );
                if !a.place.is_empty() {
                    ui.label(format!("Plats: {}", a.place));
                }
                if !a.description.is_empty() {
                    ui.label(&a.description);
                }
                if !a.internal_note.is_empty() {
                    ui.label(
                        RichText::new(format!("Intern anteckning: {}", a.internal_note))
                            .color(super::widgets::behind_text(ui)),
                    );
                }
            });
        }
    }

    /// Resultat och bedömning, orsak, fortsättning: what the yearly uppföljning says.
    fn assessment_editor(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(stored) = self.records.assessment else {
            return;
        };
        let key = (stored.commitment, stored.year);
        let form = self.state.assessment.get_or_insert_with(|| stored.clone());
        if (form.commitment, form.year) != key {
            *form = stored.clone();
        }
        ui.label(
            RichText::new(format!(
                "Bedömning {} (kommer med i uppföljningen)",
                stored.year
            ))
            .strong(),
        );
        let needs_cause = self.period.has_ended(self.today)
            && matches!(self.row.status, Status::PartlyDone | Status::NotDone);
        for (label, text, id) in [
            ("Resultat och bedömning", &mut form.result, "as_result"),
            ("Orsak", &mut form.cause, "as_cause"),
            ("Fortsättning", &mut form.next, "as_next"),
        ] {
            labelled(
                ui,
                label,
                super::forms::text_area(text, id, f32::INFINITY, 2),
            );
        }
        if needs_cause && form.cause.trim().is_empty() {
            super::forms::error_line(
                ui,
                format!(
                    "Löftet blev {}: skriv orsaken innan uppföljningen publiceras.",
                    self.row.status.label().to_lowercase()
                ),
            );
        }
        let changed = form != stored;
        let checked = crate::validate::validate_assessment(form);
        super::forms::error_of(ui, &checked);
        if ui
            .add_enabled(
                changed && checked.is_ok(),
                egui::Button::new("Spara bedömning"),
            )
            .clicked()
            && let Ok(a) = checked
        {
            actions.push(BoardAction::SaveAssessment(a).into());
        }
    }

    fn status_editor(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let c = &self.row.commitment;
        let ed = &mut *self.state;
        let statuses = Status::ALL.map(|s| (s, s.label().to_string()));
        let title = RichText::new("Manuell status").strong();
        option_combo(
            ui,
            title,
            "manual_status",
            &mut ed.status,
            "Ingen — beräknas",
            statuses,
        );
        if ed.status.is_some() {
            labelled(
                ui,
                "Motivering (krävs)",
                text_field(&mut ed.reason, "manual_reason", f32::INFINITY),
            );
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
            actions.push(BoardAction::SetManualStatus(c.id, manual).into());
        }
    }
}
