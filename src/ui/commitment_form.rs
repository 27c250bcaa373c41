//! Editing a löfte: text, ansvarig, targets, fokusområden and delområden.

use super::forms::{
    FormOutcome, error_line, error_of, labelled, option_combo, save_cancel_row, text_area,
    text_field,
};
use super::{Action, AuthoringAction};
use crate::domain::{Commitment, Party, Target, TargetId, TargetScope};
use crate::validate::{Invalid, check_text, parse_list, parse_target_count};
use egui::{RichText, Ui};

#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub id: TargetId,
    pub count: String,
    pub unit: String,
    pub per_year: bool,
    pub party: Option<Party>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentForm {
    pub original: Commitment,
    pub text: String,
    pub party: Party,
    pub targets: Vec<TargetRow>,
    /// Comma-separated, as typed.
    pub tags: String,
    pub sub_areas: String,
    /// Fokusområden of the kommun's överenskommelse, offered as tags.
    pub suggestions: Vec<String>,
}

/// The names typed in a comma-separated field, as they stand (for the suggestion chips).
pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// Draws the form and turns its outcome into the action to apply.
pub fn show(ui: &mut Ui, form: &mut CommitmentForm) -> Option<Action> {
    form.ui(ui).map(|outcome| {
        match outcome {
            FormOutcome::Save(c) => AuthoringAction::SaveCommitment(Box::new(c)),
            FormOutcome::Cancel => AuthoringAction::CloseCommitmentForm,
        }
        .into()
    })
}

impl CommitmentForm {
    pub fn new(c: &Commitment, suggestions: Vec<String>) -> CommitmentForm {
        CommitmentForm {
            original: c.clone(),
            text: c.text.clone(),
            party: c.party,
            targets: c
                .targets
                .iter()
                .map(|t| TargetRow {
                    id: t.id,
                    count: t.count.to_string(),
                    unit: t.unit.clone(),
                    per_year: t.scope == TargetScope::PerYear,
                    party: t.party,
                    label: t.label.clone().unwrap_or_default(),
                })
                .collect(),
            tags: c.tags.join(", "),
            sub_areas: c.sub_areas.join(", "),
            suggestions,
        }
    }

    /// The edited löfte, or the first error.
    pub fn build(&self) -> Result<Commitment, Invalid> {
        let text = check_text("Löftets text", &self.text, true, true)?;
        let mut targets = Vec::new();
        for t in &self.targets {
            let label = check_text("Namn på målet", &t.label, false, false)?;
            targets.push(Target {
                id: t.id,
                count: parse_target_count(&t.count)?,
                unit: check_text("Enhet", &t.unit, false, false)?,
                scope: if t.per_year {
                    TargetScope::PerYear
                } else {
                    TargetScope::Period
                },
                party: t.party,
                label: (!label.is_empty()).then_some(label),
            });
        }
        let tags = parse_list("Namn", &self.tags)?;
        let sub_areas = parse_list("Namn", &self.sub_areas)?;
        Ok(Commitment {
            text,
            party: self.party,
            targets,
            tags,
            sub_areas,
            ..self.original.clone()
        })
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Option<FormOutcome<Commitment>> {
        ui.heading(if self.original.id.is_new() {
            "Nytt löfte"
        } else {
            "Redigera löfte"
        });
        labelled(
            ui,
            "Text",
            text_area(&mut self.text, "c_text", f32::INFINITY, 3),
        );
        let text = check_text("Löftets text", &self.text, true, true);
        // A new löfte's empty text is not an error before anything is typed.
        if !self.original.id.is_new() || !self.text.is_empty() {
            error_of(ui, &text);
        }
        let mut shown = text.is_err();
        ui.label("Ansvarig");
        ui.horizontal(|ui| {
            for p in Party::ALL {
                ui.radio_value(&mut self.party, p, p.label());
            }
        });
        ui.add_space(4.0);
        ui.label(RichText::new("Mål").strong());
        if self.targets.is_empty() {
            ui.label(RichText::new("Inget antal: löftet bockas av när det är gjort.").weak());
        }
        let mut remove = None;
        for (i, t) in self.targets.iter_mut().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    labelled(ui, "Antal", text_field(&mut t.count, ("t_count", i), 60.0));
                    labelled(
                        ui,
                        "Enhet",
                        text_field(&mut t.unit, ("t_unit", i), 140.0).hint_text("tillfällen"),
                    );
                    ui.checkbox(&mut t.per_year, "per år");
                });
                ui.horizontal_wrapped(|ui| {
                    labelled(
                        ui,
                        "Namn",
                        text_field(&mut t.label, ("t_label", i), 140.0).hint_text("vid flera mål"),
                    );
                    let parties = Party::ALL.map(|p| (p, p.label().to_string()));
                    let none = "löftets ansvarig";
                    option_combo(ui, "Gäller", ("t_party", i), &mut t.party, none, parties);
                    if ui.small_button("Ta bort mål").clicked() {
                        remove = Some(i);
                    }
                });
                let count = parse_target_count(&t.count);
                error_of(ui, &count);
                shown |= count.is_err();
            });
        }
        if let Some(i) = remove {
            self.targets.remove(i);
        }
        if ui.button("Lägg till mål").clicked() {
            self.targets.push(TargetRow {
                id: TargetId::NEW,
                count: "1".into(),
                unit: "tillfällen".into(),
                per_year: false,
                party: None,
                label: String::new(),
            });
        }
        let removed_with_ids = self
            .original
            .targets
            .iter()
            .filter(|o| !self.targets.iter().any(|t| t.id == o.id))
            .count();
        if removed_with_ids > 0 {
            ui.label(
                RichText::new("Insatser mot borttagna mål ligger kvar på löftet men räknas inte mot något mål.")
                    .color(super::widgets::behind_text(ui)),
            );
        }
        ui.add_space(4.0);
        labelled(
            ui,
            "Fokusområden (kommaseparerade)",
            text_field(&mut self.tags, "c_tags", f32::INFINITY),
        );
        if !self.suggestions.is_empty() {
            ui.horizontal_wrapped(|ui| {
                let current = split_list(&self.tags);
                for sgn in &self.suggestions {
                    if !current.contains(sgn) && ui.small_button(format!("+ {sgn}")).clicked() {
                        let mut next = current.clone();
                        next.push(sgn.clone());
                        self.tags = next.join(", ");
                    }
                }
            });
        }
        labelled(
            ui,
            "Delområden (kommaseparerade)",
            text_field(&mut self.sub_areas, "c_sub", f32::INFINITY)
                .hint_text("t.ex. Norr, Söder, Centrum"),
        );
        let built = self.build();
        let outcome = save_cancel_row(ui, "Spara löfte", &built, false, None);
        if let Err(e) = &built
            && !shown
        {
            error_line(ui, e);
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CommitmentId, SectionId};

    fn commitment() -> Commitment {
        Commitment {
            version: 0,
            id: CommitmentId(7),
            section: SectionId(1),
            text: "Minst 4 tillfällen".into(),
            party: Party::Polisen,
            targets: vec![Target {
                id: TargetId(3),
                count: 4,
                unit: "tillfällen".into(),
                scope: TargetScope::Period,
                party: None,
                label: None,
            }],
            sub_areas: vec![],
            tags: vec!["Trafik".into()],
            manual_status: None,
            checked_on: None,
            position: 0,
        }
    }

    #[test]
    fn round_trip_without_changes() {
        let c = commitment();
        assert_eq!(CommitmentForm::new(&c, vec![]).build().unwrap(), c);
    }

    #[test]
    fn edits_and_errors() {
        let c = commitment();
        let mut f = CommitmentForm::new(&c, vec![]);
        f.targets[0].count = "0".into();
        assert!(f.build().unwrap_err().to_string().contains("från 1"));
        f.targets[0].count = "6".into();
        f.targets[0].per_year = true;
        f.tags = " Trafik , Narkotika,, ".into();
        f.sub_areas = "Norr,Söder".into();
        f.party = Party::Gemensamt;
        let b = f.build().unwrap();
        assert_eq!(b.targets[0].count, 6);
        assert_eq!(b.targets[0].scope, TargetScope::PerYear);
        assert_eq!(b.targets[0].id, TargetId(3), "target keeps its id");
        assert_eq!(b.tags, ["Trafik", "Narkotika"]);
        assert_eq!(b.sub_areas, ["Norr", "Söder"]);
        assert_eq!(b.party, Party::Gemensamt);
        f.text = "   ".into();
        assert!(
            f.build()
                .unwrap_err()
                .to_string()
                .contains("måste fyllas i")
        );
    }
}
