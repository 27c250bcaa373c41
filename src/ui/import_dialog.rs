//! "Importera från text": paste the published text, see it structured, correct any field,
//! and save. Nothing is saved before "Spara medborgarlöftet".

use super::Action;
use super::widgets::weak;
use crate::domain::{
    CommitmentDraft, MunicipalityId, Party, Period, PledgeDraft, SectionDraft, Signatory,
    TargetDraft, TargetScope,
};
use crate::import::{ParsedPledge, parse};
use egui::{RichText, Ui};

#[derive(Debug, Clone, PartialEq)]
pub struct TargetEdit {
    pub count: String,
    pub unit: String,
    pub per_ar: bool,
    pub party: Option<Party>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LofteEdit {
    pub text: String,
    pub ansvarig: Party,
    pub targets: Vec<TargetEdit>,
    pub delomraden: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionEdit {
    pub rubrik: String,
    pub loften: Vec<LofteEdit>,
}

/// The editable preview of a parsed text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    pub sections: Vec<SectionEdit>,
    pub goal: String,
    pub contact: String,
    pub signatories: Vec<(String, String)>,
    pub ignored: Vec<String>,
}

impl Preview {
    pub fn from_parsed(p: &ParsedPledge) -> Preview {
        Preview {
            sections: p
                .avsnitt
                .iter()
                .map(|s| SectionEdit {
                    rubrik: s.rubrik.clone(),
                    loften: s
                        .loften
                        .iter()
                        .map(|c| LofteEdit {
                            text: c.text.clone(),
                            ansvarig: c.ansvarig,
                            targets: c
                                .targets
                                .iter()
                                .map(|t| TargetEdit {
                                    count: t.count.to_string(),
                                    unit: t.unit.clone(),
                                    per_ar: t.per_ar,
                                    party: t.ansvarig,
                                })
                                .collect(),
                            delomraden: c.delomraden.join(", "),
                        })
                        .collect(),
                })
                .collect(),
            goal: p.malsattning.clone(),
            contact: p.kontakt.clone().unwrap_or_default(),
            signatories: p
                .signatories
                .iter()
                .map(|s| (s.namn.clone(), s.roll.clone()))
                .collect(),
            ignored: p.ignorerat.clone(),
        }
    }

    /// The draft to save, or the first error.
    pub fn to_draft(&self, title: &str) -> Result<PledgeDraft, String> {
        let mut sections = Vec::new();
        for s in &self.sections {
            if s.rubrik.trim().is_empty() {
                return Err("Varje avsnitt behöver en rubrik.".into());
            }
            let mut commitments = Vec::new();
            for c in &s.loften {
                if c.text.trim().is_empty() {
                    return Err(format!("Ett löfte i \"{}\" saknar text.", s.rubrik));
                }
                let mut targets = Vec::new();
                for t in &c.targets {
                    let count = match t.count.trim().parse::<u32>() {
                        Ok(n) if (1..=100_000).contains(&n) => n,
                        _ => {
                            return Err(format!(
                                "Målet \"{}\" i \"{}\" måste vara ett antal från 1.",
                                t.count,
                                c.text.chars().take(40).collect::<String>()
                            ));
                        }
                    };
                    targets.push(TargetDraft {
                        count,
                        unit: t.unit.trim().to_string(),
                        scope: if t.per_ar {
                            TargetScope::PerYear
                        } else {
                            TargetScope::Period
                        },
                        party: t.party,
                        label: if c.targets.len() > 1 {
                            Some(
                                t.party
                                    .map(|p| p.label().to_string())
                                    .unwrap_or_else(|| t.unit.trim().to_string()),
                            )
                        } else {
                            None
                        },
                    });
                }
                commitments.push(CommitmentDraft {
                    text: c.text.trim().to_string(),
                    party: c.ansvarig,
                    targets,
                    sub_areas: c
                        .delomraden
                        .split(',')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(String::from)
                        .collect(),
                    tags: Vec::new(),
                });
            }
            sections.push(SectionDraft {
                title: s.rubrik.trim().to_string(),
                commitments,
            });
        }
        if sections.iter().all(|s| s.commitments.is_empty()) {
            return Err("Det finns inga löften att spara.".into());
        }
        Ok(PledgeDraft {
            title: title.trim().to_string(),
            goal: self.goal.trim().to_string(),
            contact: Some(self.contact.trim().to_string()).filter(|c| !c.is_empty()),
            signatories: self
                .signatories
                .iter()
                .filter(|(n, _)| !n.trim().is_empty())
                .map(|(n, r)| Signatory {
                    name: n.trim().to_string(),
                    role: r.trim().to_string(),
                })
                .collect(),
            sections,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportState {
    pub open: bool,
    pub municipality: Option<MunicipalityId>,
    pub kommun: String,
    pub text: String,
    pub period: String,
    pub title: String,
    pub preview: Option<Preview>,
}

pub fn ui(ui: &mut Ui, st: &mut ImportState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(
        RichText::new(format!(
            "Nytt medborgarlöfte för {} från publicerad text",
            st.kommun
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        let l = ui.label("Period");
        ui.add(
            egui::TextEdit::singleline(&mut st.period)
                .id_salt("imp_period")
                .desired_width(110.0),
        )
        .labelled_by(l.id);
        let l = ui.label("Rubrik");
        ui.add(
            egui::TextEdit::singleline(&mut st.title)
                .id_salt("imp_title")
                .desired_width(260.0),
        )
        .labelled_by(l.id);
    });
    let period = Period::parse(&st.period);
    if period.is_none() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "Skriv perioden som 2025 eller 2025-2026.",
        );
    }
    if st.preview.is_none() {
        let l = ui.label("Klistra in texten (rubriker, punktlistor, undertecknare)");
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut st.text)
                        .id_salt("imp_text")
                        .desired_rows(16)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            });
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !st.text.trim().is_empty(),
                    egui::Button::new("Tolka texten"),
                )
                .clicked()
            {
                st.preview = Some(Preview::from_parsed(&parse(&st.text)));
            }
            if ui.button("Avbryt").clicked() {
                actions.push(Action::CloseImport);
            }
        });
        return actions;
    }
    let mut back = false;
    let mut save = None;
    if let Some(p) = &mut st.preview {
        let n: usize = p.sections.iter().map(|s| s.loften.len()).sum();
        ui.label(format!(
            "Förhandsgranskning: {} avsnitt, {n} löften. Rätta det som blev fel innan du sparar.",
            p.sections.len()
        ));
        // The buttons stay above the (long) preview so that they are always in view.
        let draft = p.to_draft(&st.title);
        if let Err(e) = &draft {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            let ok = draft.is_ok() && period.is_some() && !st.title.trim().is_empty();
            if ui
                .add_enabled(
                    ok,
                    egui::Button::new(RichText::new("Spara medborgarlöftet").strong()),
                )
                .clicked()
                && let (Ok(d), Some(per), Some(m)) = (&draft, period, st.municipality)
            {
                save = Some(Action::SaveImport {
                    municipality: m,
                    period: per,
                    draft: Box::new(d.clone()),
                });
            }
            if ui.button("Tillbaka till texten").clicked() {
                back = true;
            }
            if ui.button("Avbryt").clicked() {
                actions.push(Action::CloseImport);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("preview_scroll")
            .max_height(420.0)
            .show(ui, |ui| {
                preview_ui(ui, p);
            });
    }
    if back {
        st.preview = None;
    }
    actions.extend(save);
    actions
}

fn preview_ui(ui: &mut Ui, p: &mut Preview) {
    let mut remove_section = None;
    for (si, s) in p.sections.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let l = ui.label("Avsnitt");
                ui.add(
                    egui::TextEdit::singleline(&mut s.rubrik)
                        .id_salt(("p_sec", si))
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                if ui.small_button("Ta bort avsnitt").clicked() {
                    remove_section = Some(si);
                }
            });
            let mut remove = None;
            for (ci, c) in s.loften.iter_mut().enumerate() {
                ui.add_space(4.0);
                let l = ui.label(format!("Löfte {}", ci + 1));
                ui.add(
                    egui::TextEdit::multiline(&mut c.text)
                        .id_salt(("p_text", si, ci))
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                ui.horizontal_wrapped(|ui| {
                    ui.label("Ansvarig");
                    for party in Party::ALL {
                        ui.radio_value(&mut c.ansvarig, party, party.label());
                    }
                    if ui.small_button("Ta bort löfte").clicked() {
                        remove = Some(ci);
                    }
                });
                let mut remove_target = None;
                for (ti, t) in c.targets.iter_mut().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        let l = ui.label("Mål");
                        ui.add(
                            egui::TextEdit::singleline(&mut t.count)
                                .id_salt(("p_count", si, ci, ti))
                                .desired_width(50.0),
                        )
                        .labelled_by(l.id);
                        let l = ui.label("Enhet");
                        ui.add(
                            egui::TextEdit::singleline(&mut t.unit)
                                .id_salt(("p_unit", si, ci, ti))
                                .desired_width(180.0),
                        )
                        .labelled_by(l.id);
                        ui.checkbox(&mut t.per_ar, "per år");
                        if let Some(party) = t.party {
                            ui.label(weak(format!("({})", party.label())));
                        }
                        if ui.small_button("Ta bort mål").clicked() {
                            remove_target = Some(ti);
                        }
                    });
                }
                if let Some(ti) = remove_target {
                    c.targets.remove(ti);
                }
                ui.horizontal(|ui| {
                    if ui.small_button("Lägg till mål").clicked() {
                        c.targets.push(TargetEdit {
                            count: "1".into(),
                            unit: "tillfällen".into(),
                            per_ar: false,
                            party: None,
                        });
                    }
                    if !c.delomraden.is_empty() {
                        ui.label(weak(format!("Delområden: {}", c.delomraden)));
                    }
                });
            }
            if let Some(ci) = remove {
                s.loften.remove(ci);
            }
        });
    }
    if let Some(si) = remove_section {
        p.sections.remove(si);
    }
    if !p.signatories.is_empty() {
        ui.label(RichText::new("Undertecknare").strong());
        for (i, (n, r)) in p.signatories.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(n)
                        .id_salt(("p_sig_n", i))
                        .desired_width(200.0)
                        .hint_text("Namn"),
                );
                ui.add(
                    egui::TextEdit::singleline(r)
                        .id_salt(("p_sig_r", i))
                        .desired_width(260.0)
                        .hint_text("Roll"),
                );
            });
        }
    }
    if !p.ignored.is_empty() {
        egui::CollapsingHeader::new(format!("Rader som inte användes ({})", p.ignored.len()))
            .id_salt("ignored")
            .show(ui, |ui| {
                for l in &p.ignored {
                    ui.label(weak(l));
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_round_trip_and_errors() {
        let parsed = parse("Polisen\n\n• Minst 4 fotpatruller per år.\n• Synas mer.\n");
        let mut p = Preview::from_parsed(&parsed);
        let d = p.to_draft("Medborgarlöfte 2026").unwrap();
        assert_eq!(d.sections[0].commitments[0].targets[0].count, 4);
        assert_eq!(
            d.sections[0].commitments[0].targets[0].scope,
            TargetScope::PerYear
        );
        p.sections[0].loften[0].targets[0].count = "noll".into();
        assert!(p.to_draft("x").unwrap_err().contains("antal"));
        p.sections[0].loften[0].targets[0].count = "6".into();
        p.sections[0].loften[1].text = " ".into();
        assert!(p.to_draft("x").unwrap_err().contains("saknar text"));
        p.sections[0].loften.clear();
        assert!(p.to_draft("x").unwrap_err().contains("inga löften"));
    }
}
