//! The trygghetsvandring form. Organisations are named, participants only counted.

use super::date_field::DateField;
use super::forms::{FormOutcome, error_line, error_of, save_cancel_row, text_area, text_field};
use crate::domain::{CommitmentId, MunicipalityId, SafetyWalk, TimeOfDay, WalkId};
use crate::validate::{Invalid, parse_date, parse_participants, validate_walk};
use chrono::NaiveDate;
use egui::{RichText, Ui};

#[derive(Debug, Clone, PartialEq)]
pub struct WalkForm {
    /// The edit counter of the walk being edited, as read.
    pub version: i64,
    pub editing: Option<WalkId>,
    pub municipality: MunicipalityId,
    pub date: DateField,
    pub time_of_day: TimeOfDay,
    pub area: String,
    /// One organisation per line.
    pub organisations: String,
    pub participants: String,
    pub notes: String,
    pub commitment: Option<CommitmentId>,
    /// A return walk: the earlier walk it checks, with that walk's date.
    pub revisit_of: Option<(WalkId, NaiveDate)>,
    /// The area field has been typed in (its message waits until then).
    pub area_touched: bool,
    /// Löften the walk can count towards: (id, short text).
    pub commitments: Vec<(CommitmentId, String)>,
}

impl WalkForm {
    pub fn new(
        municipality: MunicipalityId,
        today: NaiveDate,
        commitments: Vec<(CommitmentId, String)>,
    ) -> WalkForm {
        WalkForm {
            version: 0,
            editing: None,
            municipality,
            date: DateField::new(today),
            time_of_day: TimeOfDay::Dark,
            area: String::new(),
            organisations: "Polisen\nKommunen".into(),
            participants: String::new(),
            notes: String::new(),
            commitment: None,
            revisit_of: None,
            area_touched: false,
            commitments,
        }
    }

    /// A return walk on the same route as `earlier`, today, counting towards the same löfte.
    pub fn revisit(
        earlier: &SafetyWalk,
        today: NaiveDate,
        commitments: Vec<(CommitmentId, String)>,
    ) -> WalkForm {
        WalkForm {
            area: earlier.area.clone(),
            time_of_day: earlier.time_of_day,
            organisations: earlier.organisations.join("\n"),
            commitment: earlier.commitment,
            revisit_of: Some((earlier.id, earlier.date)),
            ..WalkForm::new(earlier.municipality, today, commitments)
        }
    }

    pub fn edit(w: &SafetyWalk, commitments: Vec<(CommitmentId, String)>) -> WalkForm {
        WalkForm {
            editing: Some(w.id),
            version: w.version,
            municipality: w.municipality,
            date: DateField::new(w.date),
            time_of_day: w.time_of_day,
            area: w.area.clone(),
            organisations: w.organisations.join("\n"),
            participants: w.participants.to_string(),
            notes: w.notes.clone(),
            commitment: w.commitment,
            revisit_of: None,
            area_touched: true,
            commitments,
        }
    }

    pub fn build(&self) -> Result<SafetyWalk, Invalid> {
        let w = SafetyWalk {
            version: self.version,
            id: self.editing.unwrap_or(WalkId::NEW),
            municipality: self.municipality,
            date: parse_date(&self.date.text)?,
            time_of_day: self.time_of_day,
            area: self.area.clone(),
            organisations: self.organisations.lines().map(String::from).collect(),
            participants: parse_participants(&self.participants)?,
            notes: self.notes.clone(),
            commitment: self.commitment,
            revisit_of: self.revisit_of.map(|r| r.0),
        };
        validate_walk(&w)
    }

    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate) -> Option<FormOutcome<SafetyWalk>> {
        ui.heading(match (self.editing, self.revisit_of) {
            (Some(_), _) => "Ändra trygghetsvandring".to_string(),
            (None, Some((_, d))) => format!("Återbesök av trygghetsvandringen {d}"),
            (None, None) => "Ny trygghetsvandring".to_string(),
        });
        if self.revisit_of.is_some() {
            ui.label(
                RichText::new(
                    "Samma sträcka. Vandringens öppna åtgärder visas som en checklista när den är sparad.",
                )
                .weak(),
            );
        }
        egui::Grid::new("walk_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label("Datum");
                ui.vertical(|ui| {
                    self.date.ui(ui, "walk_date", today).labelled_by(l.id);
                    error_of(ui, &parse_date(&self.date.text));
                });
                ui.end_row();
                ui.label("Tid på dygnet");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.time_of_day, TimeOfDay::Daylight, "Dagsljus");
                    ui.radio_value(&mut self.time_of_day, TimeOfDay::Dark, "Mörker");
                });
                ui.end_row();
                let l = ui.label("Område / sträcka");
                ui.vertical(|ui| {
                    let r = ui
                        .add(
                            text_field(&mut self.area, "walk_area", 360.0)
                                .hint_text("t.ex. Centrum – stationen – parken"),
                        )
                        .labelled_by(l.id);
                    self.area_touched |= r.changed();
                    if self.area_touched && self.area.trim().is_empty() {
                        error_line(ui, "Ange område eller sträcka.");
                    }
                });
                ui.end_row();
                let l = ui.label("Organisationer");
                ui.vertical(|ui| {
                    ui.add(text_area(&mut self.organisations, "walk_orgs", 360.0, 3))
                        .labelled_by(l.id);
                    ui.label(
                        RichText::new(
                            "En per rad. Skriv organisationer, inte namn på personer: \
                             deltagarna räknas men namnges inte.",
                        )
                        .weak(),
                    );
                });
                ui.end_row();
                let l = ui.label("Antal deltagare");
                ui.vertical(|ui| {
                    ui.add(text_field(
                        &mut self.participants,
                        "walk_participants",
                        80.0,
                    ))
                    .labelled_by(l.id);
                    error_of(ui, &parse_participants(&self.participants));
                });
                ui.end_row();
                let l = ui.label("Räknas mot löfte");
                let selected = self
                    .commitment
                    .and_then(|c| self.commitments.iter().find(|(id, _)| *id == c))
                    .map(|(_, t)| t.clone())
                    .unwrap_or_else(|| "Inget".into());
                egui::ComboBox::from_id_salt("walk_commitment")
                    .selected_text(selected)
                    .width(360.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.commitment, None, "Inget");
                        for (id, text) in &self.commitments {
                            ui.selectable_value(&mut self.commitment, Some(*id), text);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Anteckningar (bara i programmet)");
                ui.add(text_area(&mut self.notes, "walk_notes", 360.0, 2))
                    .labelled_by(l.id);
                ui.end_row();
            });
        let built = self.build();
        let outcome = save_cancel_row(ui, "Spara vandring", &built, false, None);
        if let Err(e) = &built
            && parse_date(&self.date.text).is_ok()
            && !self.area.trim().is_empty()
            && parse_participants(&self.participants).is_ok()
        {
            error_line(ui, e);
        }
        outcome
    }
}
