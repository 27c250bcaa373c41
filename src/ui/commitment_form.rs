//! Editing a löfte: text, ansvarig, targets, fokusområden and delområden.

use crate::domain::{Commitment, Party, Target, TargetId, TargetScope};
use crate::validate::check_text;
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
pub enum CommitmentOutcome {
    Save(Commitment),
    Cancel,
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

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

fn parse_target_count(s: &str) -> Result<u32, String> {
    match s.trim().parse::<i64>() {
        Ok(n) if (1..=100_000).contains(&n) => Ok(n as u32),
        Ok(_) => Err("Målet måste vara ett antal från 1 till 100 000.".into()),
        Err(_) => Err(format!("\"{}\" är inte ett heltal.", s.trim())),
    }
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
    pub fn build(&self) -> Result<Commitment, String> {
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
        let tags = split_list(&self.tags);
        let sub_areas = split_list(&self.sub_areas);
        for x in tags.iter().chain(&sub_areas) {
            check_text("Namn", x, true, false)?;
        }
        Ok(Commitment {
            text,
            party: self.party,
            targets,
            tags,
            sub_areas,
            ..self.original.clone()
        })
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Option<CommitmentOutcome> {
        let mut outcome = None;
        let err = ui.visuals().error_fg_color;
        ui.heading("Redigera löfte");
        let l = ui.label("Text");
        ui.add(
            egui::TextEdit::multiline(&mut self.text)
                .id_salt("c_text")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        let mut shown = false;
        if let Err(e) = check_text("Löftets text", &self.text, true, true) {
            ui.colored_label(err, e);
            shown = true;
        }
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
                    let l = ui.label("Antal");
                    ui.add(
                        egui::TextEdit::singleline(&mut t.count)
                            .id_salt(("t_count", i))
                            .desired_width(60.0),
                    )
                    .labelled_by(l.id);
                    let l = ui.label("Enhet");
                    ui.add(
                        egui::TextEdit::singleline(&mut t.unit)
                            .id_salt(("t_unit", i))
                            .desired_width(140.0)
                            .hint_text("tillfällen"),
                    )
                    .labelled_by(l.id);
                    ui.checkbox(&mut t.per_year, "per år");
                });
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label("Namn");
                    ui.add(
                        egui::TextEdit::singleline(&mut t.label)
                            .id_salt(("t_label", i))
                            .desired_width(140.0)
                            .hint_text("vid flera mål"),
                    )
                    .labelled_by(l.id);
                    let l = ui.label("Gäller");
                    egui::ComboBox::from_id_salt(("t_party", i))
                        .selected_text(t.party.map(Party::label).unwrap_or("löftets ansvarig"))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut t.party, None, "löftets ansvarig");
                            for p in Party::ALL {
                                ui.selectable_value(&mut t.party, Some(p), p.label());
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if ui.small_button("Ta bort mål").clicked() {
                        remove = Some(i);
                    }
                });
                if let Err(e) = parse_target_count(&t.count) {
                    ui.colored_label(err, e);
                    shown = true;
                }
            });
        }
        if let Some(i) = remove {
            self.targets.remove(i);
        }
        if ui.button("Lägg till mål").clicked() {
            self.targets.push(TargetRow {
                id: TargetId(0),
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
                    .color(super::widgets::BEHIND),
            );
        }
        ui.add_space(4.0);
        let l = ui.label("Fokusområden (kommaseparerade)");
        ui.add(
            egui::TextEdit::singleline(&mut self.tags)
                .id_salt("c_tags")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
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
        let l = ui.label("Delområden (kommaseparerade)");
        ui.add(
            egui::TextEdit::singleline(&mut self.sub_areas)
                .id_salt("c_sub")
                .desired_width(f32::INFINITY)
                .hint_text("t.ex. Norr, Söder, Centrum"),
        )
        .labelled_by(l.id);
        let built = self.build();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    built.is_ok(),
                    egui::Button::new(RichText::new("Spara löfte").strong()),
                )
                .clicked()
                && let Ok(c) = &built
            {
                outcome = Some(CommitmentOutcome::Save(c.clone()));
            }
            if ui.button("Avbryt").clicked() {
                outcome = Some(CommitmentOutcome::Cancel);
            }
        });
        if let Err(e) = &built
            && !shown
        {
            ui.colored_label(err, e);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            outcome = Some(CommitmentOutcome::Cancel);
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
        assert!(f.build().unwrap_err().contains("från 1"));
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
        assert!(f.build().unwrap_err().contains("måste fyllas i"));
    }
}
