//! The insats form: new or edited insats, validated inline in Swedish.

use super::date_field::DateField;
use crate::domain::{Activity, ActivityId, CommitmentId, MunicipalityId, Party, Period, TargetId};
use crate::validate::{check_text, parse_count, parse_date};
use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

#[derive(Debug, Clone, PartialEq)]
pub enum FormOutcome {
    Save(Activity),
    Cancel,
}

/// Everything the form edits, as typed text, so nothing typed is ever lost.
#[derive(Debug, Clone, PartialEq)]
pub struct InsatsForm {
    pub editing: Option<ActivityId>,
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
}

impl InsatsForm {
    /// Fills the form from an existing insats (edit).
    pub fn edit(a: &Activity, base: InsatsForm) -> InsatsForm {
        InsatsForm {
            editing: Some(a.id),
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

    fn date_error(&self) -> Option<String> {
        parse_date(&self.date.text).err()
    }

    fn outside_period(&self) -> Option<NaiveDate> {
        parse_date(&self.date.text)
            .ok()
            .filter(|d| !self.period.contains(*d))
    }

    /// The insats the form describes, or the first error.
    pub fn build(&self) -> Result<Activity, String> {
        let date = parse_date(&self.date.text)?;
        let count = parse_count(&self.count)?;
        if self.outside_period().is_some() && !self.confirm_outside {
            return Err("Bekräfta datumet utanför perioden.".into());
        }
        if !self.targets.is_empty() && self.target.is_none() {
            return Err("Välj vilket mål insatsen räknas mot.".into());
        }
        Ok(Activity {
            id: self.editing.unwrap_or(ActivityId(0)),
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

    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate) -> Option<FormOutcome> {
        let mut outcome = None;
        let err_color = ui.visuals().error_fg_color;
        let show_err = |ui: &mut Ui, e: Option<String>| {
            if let Some(e) = e {
                ui.label(RichText::new(e).color(err_color));
            }
        };
        ui.heading(if self.editing.is_some() {
            "Ändra insats"
        } else {
            "Ny insats"
        });
        ui.add_space(4.0);
        let l = ui.label("Datum");
        self.date.ui(ui, "insats_date", today).labelled_by(l.id);
        show_err(ui, self.date_error());
        if let Some(d) = self.outside_period() {
            ui.label(
                RichText::new(format!(
                    "{d} ligger utanför medborgarlöftets period {}; insatsen räknas då inte mot målet.",
                    self.period
                ))
                .color(super::widgets::BEHIND),
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
        let l = ui.label("Antal");
        ui.add(
            egui::TextEdit::singleline(&mut self.count)
                .id_salt("insats_count")
                .desired_width(80.0),
        )
        .labelled_by(l.id);
        show_err(ui, parse_count(&self.count).err());
        let l = ui.label("Plats / delområde");
        ui.add(
            egui::TextEdit::singleline(&mut self.place)
                .id_salt("insats_place")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        if !self.sub_areas.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for a in &self.sub_areas {
                    if ui.selectable_label(self.place == *a, a).clicked() {
                        self.place = a.clone();
                    }
                }
            });
        }
        show_err(ui, check_text("Plats", &self.place, false, false).err());
        let l = ui.label("Beskrivning (kommer med i rapporten)");
        ui.add(
            egui::TextEdit::singleline(&mut self.description)
                .id_salt("insats_description")
                .desired_width(f32::INFINITY)
                .hint_text("Vad gjordes? Inga namn på personer."),
        )
        .labelled_by(l.id);
        show_err(
            ui,
            check_text("Beskrivning", &self.description, false, true).err(),
        );
        let l = ui.label(
            RichText::new("Intern anteckning — exporteras aldrig")
                .color(Color32::from_rgb(0xA1, 0x4A, 0x07)),
        );
        ui.add(
            egui::TextEdit::singleline(&mut self.note)
                .id_salt("insats_note")
                .desired_width(f32::INFINITY)
                .hint_text("Syns bara i programmet"),
        )
        .labelled_by(l.id);
        show_err(
            ui,
            check_text("Intern anteckning", &self.note, false, true).err(),
        );
        ui.add_space(6.0);
        let built = self.build();
        ui.horizontal(|ui| {
            let save = ui.add_enabled(
                built.is_ok(),
                egui::Button::new(RichText::new("Spara").strong()),
            );
            if save.clicked()
                && let Ok(a) = &built
            {
                outcome = Some(FormOutcome::Save(a.clone()));
            }
            if ui.button("Avbryt").clicked() {
                outcome = Some(FormOutcome::Cancel);
            }
            ui.label(RichText::new("Enter sparar · Esc avbryter").weak());
        });
        if let Err(e) = &built
            && self.date_error().is_none()
            && parse_count(&self.count).is_ok()
        {
            ui.label(RichText::new(e).color(err_color));
        }
        let (enter, esc) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if esc {
            outcome = Some(FormOutcome::Cancel);
        } else if enter
            && outcome.is_none()
            && let Ok(a) = built
        {
            outcome = Some(FormOutcome::Save(a));
        }
        outcome
    }
}
