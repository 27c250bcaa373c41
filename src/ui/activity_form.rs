//! The insats form: new or edited insats, validated inline in Swedish.

use super::date_field::DateField;
use super::forms::{FormOutcome, error_line, error_of, labelled, save_cancel_row, text_field};
use crate::domain::{Activity, ActivityId, CommitmentId, MunicipalityId, Party, Period, TargetId};
use crate::validate::{Invalid, check_text, parse_count, parse_date};
use chrono::NaiveDate;
use egui::{RichText, Ui};

/// Everything the form edits, as typed text, so nothing typed is ever lost.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityForm {
    pub editing: Option<ActivityId>,
    /// The edit counter of the insats being edited, as read.
    pub version: i64,
    pub municipality: MunicipalityId,
    pub commitment: CommitmentId,
    /// (target id, name) when the löfte has several targets.
    pub targets: Vec<(TargetId, String)>,
    pub target: Option<TargetId>,
    pub period: Period,
    pub sub_areas: Vec<String>,
    pub date: DateField,
    pub by: Party,
    pub count: String,
    pub place: String,
    pub description: String,
    pub note: String,
    pub confirm_outside: bool,
    /// Put the cursor in the first field on the next frame (just opened).
    pub focus_first: bool,
}

impl ActivityForm {
    /// An empty form for a new insats of löfte `cm` on `board`, dated `today`.
    pub fn new(
        board: &crate::domain::BoardData,
        cm: &crate::domain::Commitment,
        today: NaiveDate,
    ) -> Self {
        let targets = if cm.targets.len() > 1 {
            cm.targets
                .iter()
                .map(|t| (t.id, t.label.clone().unwrap_or_else(|| t.describe())))
                .collect()
        } else {
            Vec::new()
        };
        ActivityForm {
            editing: None,
            version: 0,
            municipality: board.municipality.id,
            commitment: cm.id,
            target: match cm.targets.as_slice() {
                [only] => Some(only.id),
                _ => None,
            },
            targets,
            period: board.pledge.period,
            sub_areas: cm.sub_areas.clone(),
            date: DateField::new(today),
            by: cm.party,
            count: "1".into(),
            place: String::new(),
            description: String::new(),
            note: String::new(),
            confirm_outside: false,
            focus_first: true,
        }
    }

    /// Fills the form from an existing insats (edit).
    pub fn edit(a: &Activity, base: ActivityForm) -> ActivityForm {
        ActivityForm {
            editing: Some(a.id),
            version: a.version,
            target: a.target.or(base.target),
            date: DateField::new(a.date),
            by: a.by,
            count: a.count.to_string(),
            place: a.place.clone(),
            description: a.description.clone(),
            note: a.internal_note.clone(),
            ..base
        }
    }

    fn outside_period(&self) -> Option<NaiveDate> {
        parse_date(&self.date.text)
            .ok()
            .filter(|d| !self.period.contains(*d))
    }

    /// The insats the form describes, or the first error.
    pub fn build(&self) -> Result<Activity, Invalid> {
        let date = parse_date(&self.date.text)?;
        let count = parse_count(&self.count)?;
        if self.outside_period().is_some() && !self.confirm_outside {
            return Err(Invalid::ConfirmOutsidePeriod);
        }
        if !self.targets.is_empty() && self.target.is_none() {
            return Err(Invalid::ChooseTarget);
        }
        Ok(Activity {
            version: self.version,
            id: self.editing.unwrap_or(ActivityId::NEW),
            municipality: self.municipality,
            commitment: Some(self.commitment),
            target: self.target,
            date,
            by: self.by,
            count,
            place: check_text("Plats", &self.place, false, false)?,
            description: check_text("Beskrivning", &self.description, false, true)?,
            internal_note: check_text("Intern anteckning", &self.note, false, true)?,
        })
    }

    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate) -> Option<FormOutcome<Activity>> {
        ui.heading(if self.editing.is_some() {
            "Ändra insats"
        } else {
            "Ny insats"
        });
        ui.add_space(4.0);
        let l = ui.label("Datum");
        let date_field = self.date.ui(ui, "insats_date", today).labelled_by(l.id);
        // Opened (Ctrl+N, Ny insats): typing goes straight into the first field.
        if std::mem::take(&mut self.focus_first) {
            date_field.request_focus();
        }
        let date = parse_date(&self.date.text);
        error_of(ui, &date);
        if let Some(d) = self.outside_period() {
            ui.label(
                RichText::new(format!(
                    "{d} ligger utanför medborgarlöftets period {}; insatsen räknas då inte mot målet.",
                    self.period
                ))
                .color(super::widgets::behind_text(ui)),
            );
            ui.checkbox(&mut self.confirm_outside, "Datumet stämmer, spara ändå");
        }
        if !self.targets.is_empty() {
            ui.label("Räknas mot mål");
            ui.horizontal_wrapped(|ui| {
                for (id, name) in &self.targets {
                    ui.radio_value(&mut self.target, Some(*id), name);
                }
            });
        }
        ui.label("Utförd av");
        ui.horizontal(|ui| {
            for p in Party::ALL {
                ui.radio_value(&mut self.by, p, p.label());
            }
        });
        labelled(
            ui,
            "Antal",
            text_field(&mut self.count, "insats_count", 80.0),
        );
        let count = parse_count(&self.count);
        error_of(ui, &count);
        labelled(
            ui,
            "Plats / delområde",
            text_field(&mut self.place, "insats_place", f32::INFINITY),
        );
        if !self.sub_areas.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for a in &self.sub_areas {
                    if ui.selectable_label(self.place == *a, a).clicked() {
                        self.place = a.clone();
                    }
                }
            });
        }
        error_of(ui, &check_text("Plats", &self.place, false, false));
        labelled(
            ui,
            "Beskrivning (kommer med i rapporten)",
            text_field(&mut self.description, "insats_description", f32::INFINITY)
                .hint_text("Vad gjordes? Inga namn på personer."),
        );
        error_of(
            ui,
            &check_text("Beskrivning", &self.description, false, true),
        );
        labelled(
            ui,
            RichText::new("Intern anteckning — exporteras aldrig")
                .color(super::widgets::behind_text(ui)),
            text_field(&mut self.note, "insats_note", f32::INFINITY)
                .hint_text("Syns bara i programmet"),
        );
        error_of(
            ui,
            &check_text("Intern anteckning", &self.note, false, true),
        );
        ui.add_space(6.0);
        let built = self.build();
        let outcome = save_cancel_row(
            ui,
            "Spara",
            &built,
            true,
            Some("Enter sparar · Esc avbryter"),
        );
        // Errors of single fields are shown beside them; the rest here.
        if let Err(e) = &built
            && date.is_ok()
            && count.is_ok()
        {
            error_line(ui, e);
        }
        outcome
    }
}
