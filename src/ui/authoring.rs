//! "Redigera": the medborgarlöfte's head, its avsnitt and the order of its löften, and new
//! medborgarlöften (empty, copied from the previous one, or imported from text).

use super::Action;
use super::widgets::{party_chip, weak};
use crate::domain::{CommitmentId, Period, PledgeId, SectionId, Signatory};
use crate::store::BoardData;
use egui::{RichText, Ui};
use std::collections::HashMap;

/// The editable head of a medborgarlöfte, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeadForm {
    pub pledge: Option<PledgeId>,
    pub title: String,
    pub goal: String,
    pub contact: String,
    pub signatories: Vec<(String, String)>,
}

/// What a delete button is waiting to have confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Commitment(CommitmentId),
    Section(SectionId),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthoringState {
    pub head: HeadForm,
    pub section_names: HashMap<SectionId, String>,
    pub new_section: String,
    pub confirm: Option<Confirm>,
    pub new_period: String,
    pub copy_previous: bool,
}

impl AuthoringState {
    /// Fills the forms from the loaded medborgarlöfte (when another one is shown).
    pub fn sync(&mut self, b: &BoardData) {
        if self.head.pledge != Some(b.pledge.id) {
            self.head = HeadForm {
                pledge: Some(b.pledge.id),
                title: b.pledge.title.clone(),
                goal: b.pledge.goal.clone(),
                contact: b.pledge.contact.clone().unwrap_or_default(),
                signatories: b
                    .pledge
                    .signatories
                    .iter()
                    .map(|s| (s.name.clone(), s.role.clone()))
                    .collect(),
            };
            self.section_names.clear();
            self.confirm = None;
            self.new_period = (b.pledge.period.last + 1).to_string();
            self.copy_previous = true;
        }
        for s in &b.sections {
            self.section_names
                .entry(s.id)
                .or_insert_with(|| s.title.clone());
        }
    }
}

pub struct AuthoringView<'a> {
    pub board: &'a BoardData,
    pub state: &'a mut AuthoringState,
}

impl AuthoringView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        self.state.sync(self.board);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.new_pledge(ui, &mut actions);
                ui.separator();
                self.head(ui, &mut actions);
                ui.separator();
                self.sections(ui, &mut actions);
            });
        actions
    }

    fn new_pledge(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let st = &mut *self.state;
        ui.label(RichText::new("Nytt medborgarlöfte").size(19.0).strong());
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Ny period");
            ui.add(
                egui::TextEdit::singleline(&mut st.new_period)
                    .id_salt("new_period")
                    .desired_width(110.0)
                    .hint_text("2025 eller 2025-2026"),
            )
            .labelled_by(l.id);
            ui.checkbox(
                &mut st.copy_previous,
                format!(
                    "Kopiera avsnitt och löften från {}",
                    self.board.pledge.period
                ),
            );
            let period = Period::parse(&st.new_period);
            if ui
                .add_enabled(period.is_some(), egui::Button::new("Skapa medborgarlöfte"))
                .clicked()
                && let Some(p) = period
            {
                actions.push(Action::NewPledge {
                    municipality: self.board.municipality.id,
                    period: p,
                    copy_from: st.copy_previous.then_some(self.board.pledge.id),
                });
            }
            if ui.button("Importera från text…").clicked() {
                actions.push(Action::OpenImport);
            }
        });
        if Period::parse(&st.new_period).is_none() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "Skriv perioden som ett år (2025) eller två (2025-2026).",
            );
        }
    }

    fn head(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let h = &mut self.state.head;
        ui.label(
            RichText::new(format!("Medborgarlöfte {}", self.board.pledge.period))
                .size(19.0)
                .strong(),
        );
        egui::Grid::new("head")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label("Rubrik");
                ui.add(
                    egui::TextEdit::singleline(&mut h.title)
                        .id_salt("head_title")
                        .desired_width(480.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Målsättning");
                ui.add(
                    egui::TextEdit::multiline(&mut h.goal)
                        .id_salt("head_goal")
                        .desired_rows(3)
                        .desired_width(480.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Kontakt");
                ui.add(
                    egui::TextEdit::singleline(&mut h.contact)
                        .id_salt("head_contact")
                        .desired_width(480.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                ui.label("Undertecknare");
                ui.vertical(|ui| {
                    let mut remove = None;
                    for (i, (name, role)) in h.signatories.iter_mut().enumerate() {
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(name)
                                    .id_salt(("sig_name", i))
                                    .desired_width(200.0)
                                    .hint_text("Namn"),
                            );
                            ui.add(
                                egui::TextEdit::singleline(role)
                                    .id_salt(("sig_role", i))
                                    .desired_width(230.0)
                                    .hint_text("Roll"),
                            );
                            if ui.small_button("Ta bort rad").clicked() {
                                remove = Some(i);
                            }
                        });
                    }
                    if let Some(i) = remove {
                        h.signatories.remove(i);
                    }
                    if ui.small_button("Lägg till undertecknare").clicked() {
                        h.signatories.push((String::new(), String::new()));
                    }
                });
                ui.end_row();
            });
        let title_ok = !h.title.trim().is_empty();
        if !title_ok {
            ui.colored_label(ui.visuals().error_fg_color, "Rubriken måste fyllas i.");
        }
        if ui
            .add_enabled(title_ok, egui::Button::new("Spara uppgifterna"))
            .clicked()
        {
            actions.push(Action::SavePledgeHead {
                pledge: self.board.pledge.id,
                title: h.title.clone(),
                goal: h.goal.clone(),
                contact: h.contact.clone(),
                signatories: h
                    .signatories
                    .iter()
                    .map(|(n, r)| Signatory {
                        name: n.clone(),
                        role: r.clone(),
                    })
                    .collect(),
            });
        }
    }

    fn sections(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.label(RichText::new("Avsnitt och löften").size(19.0).strong());
        let b = self.board;
        let st = &mut *self.state;
        let n_sections = b.sections.len();
        for (si, s) in b.sections.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let name = st
                        .section_names
                        .entry(s.id)
                        .or_insert_with(|| s.title.clone());
                    let l = ui.label("Avsnitt");
                    ui.add(
                        egui::TextEdit::singleline(name)
                            .id_salt(("sec", s.id.0))
                            .desired_width(380.0),
                    )
                    .labelled_by(l.id);
                    if name.trim() != s.title
                        && !name.trim().is_empty()
                        && ui.button("Byt namn").clicked()
                    {
                        actions.push(Action::RenameSection(s.id, name.trim().to_string()));
                    }
                    if si > 0 && ui.small_button("Upp").clicked() {
                        actions.push(Action::MoveSection(s.id, -1));
                    }
                    if si + 1 < n_sections && ui.small_button("Ned").clicked() {
                        actions.push(Action::MoveSection(s.id, 1));
                    }
                    if st.confirm == Some(Confirm::Section(s.id)) {
                        let n: u32 = b
                            .commitments
                            .iter()
                            .filter(|c| c.section == s.id)
                            .map(|c| b.stats.get(&c.id).map(|x| x.entries).unwrap_or(0))
                            .sum();
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("Ta bort avsnittet med dess löften och {n} insatser?"),
                        );
                        if ui.button("Ja, ta bort avsnittet").clicked() {
                            st.confirm = None;
                            actions.push(Action::DeleteSection(s.id));
                        }
                        if ui.button("Behåll").clicked() {
                            st.confirm = None;
                        }
                    } else if ui.small_button("Ta bort avsnitt").clicked() {
                        st.confirm = Some(Confirm::Section(s.id));
                    }
                });
                let in_section: Vec<_> =
                    b.commitments.iter().filter(|c| c.section == s.id).collect();
                if in_section.is_empty() {
                    ui.label(weak("Inga löften i avsnittet ännu."));
                }
                for (ci, c) in in_section.iter().enumerate() {
                    ui.horizontal(|ui| {
                        party_chip(ui, c.party);
                        let short: String = c.text.chars().take(80).collect();
                        let short = if c.text.chars().count() > 80 {
                            format!("{short}…")
                        } else {
                            short
                        };
                        ui.add(egui::Label::new(short).truncate());
                    });
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(118.0);
                        if ui.small_button("Redigera").clicked() {
                            actions.push(Action::EditCommitment(c.id));
                        }
                        if ci > 0 && ui.small_button("Upp").clicked() {
                            actions.push(Action::MoveCommitment(c.id, -1));
                        }
                        if ci + 1 < in_section.len() && ui.small_button("Ned").clicked() {
                            actions.push(Action::MoveCommitment(c.id, 1));
                        }
                        if n_sections > 1 {
                            let l = ui.label("Flytta till");
                            let mut target: Option<SectionId> = None;
                            egui::ComboBox::from_id_salt(("move_to", c.id.0))
                                .selected_text("välj avsnitt")
                                .width(160.0)
                                .truncate()
                                .show_ui(ui, |ui| {
                                    for other in b.sections.iter().filter(|o| o.id != s.id) {
                                        ui.selectable_value(
                                            &mut target,
                                            Some(other.id),
                                            &other.title,
                                        );
                                    }
                                })
                                .response
                                .labelled_by(l.id);
                            if let Some(t) = target {
                                actions.push(Action::MoveCommitmentTo(c.id, t));
                            }
                        }
                        let entries = b.stats.get(&c.id).map(|x| x.entries).unwrap_or(0);
                        if st.confirm == Some(Confirm::Commitment(c.id)) {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("Löftet har {entries} insatser. Ta bort ändå?"),
                            );
                            if ui.button("Ja, ta bort löftet").clicked() {
                                st.confirm = None;
                                actions.push(Action::DeleteCommitment(c.id));
                            }
                            if ui.button("Behåll").clicked() {
                                st.confirm = None;
                            }
                        } else if ui.small_button("Ta bort löfte").clicked() {
                            if entries > 0 {
                                st.confirm = Some(Confirm::Commitment(c.id));
                            } else {
                                actions.push(Action::DeleteCommitment(c.id));
                            }
                        }
                    });
                }
                if ui.small_button("Nytt löfte i avsnittet").clicked() {
                    actions.push(Action::AddCommitment(s.id));
                }
            });
        }
        ui.horizontal(|ui| {
            let l = ui.label("Nytt avsnitt");
            ui.add(
                egui::TextEdit::singleline(&mut st.new_section)
                    .id_salt("new_section")
                    .desired_width(300.0)
                    .hint_text("Rubrik"),
            )
            .labelled_by(l.id);
            if ui
                .add_enabled(
                    !st.new_section.trim().is_empty(),
                    egui::Button::new("Lägg till avsnitt"),
                )
                .clicked()
            {
                actions.push(Action::AddSection(
                    b.pledge.id,
                    st.new_section.trim().to_string(),
                ));
                st.new_section.clear();
            }
        });
    }
}

/// The "Ny kommun" form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewMunicipalityForm {
    pub open: bool,
    pub name: String,
    /// An existing lokalpolisområde, or None for a new one named in `new_area`.
    pub area: Option<crate::domain::PoliceAreaId>,
    pub new_area: String,
}

pub fn new_municipality_ui(
    ui: &mut Ui,
    f: &mut NewMunicipalityForm,
    areas: &[(crate::domain::PoliceAreaId, String)],
) -> Vec<Action> {
    let mut actions = Vec::new();
    let l = ui.label("Kommunens namn");
    ui.add(
        egui::TextEdit::singleline(&mut f.name)
            .id_salt("nm_name")
            .desired_width(260.0),
    )
    .labelled_by(l.id);
    let l = ui.label("Lokalpolisområde");
    let selected = f
        .area
        .and_then(|a| areas.iter().find(|(id, _)| *id == a))
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| "Nytt lokalpolisområde".into());
    egui::ComboBox::from_id_salt("nm_area")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (id, name) in areas {
                ui.selectable_value(&mut f.area, Some(*id), name);
            }
            ui.selectable_value(&mut f.area, None, "Nytt lokalpolisområde");
        })
        .response
        .labelled_by(l.id);
    if f.area.is_none() {
        let l = ui.label("Namn på lokalpolisområdet");
        ui.add(
            egui::TextEdit::singleline(&mut f.new_area)
                .id_salt("nm_new_area")
                .desired_width(260.0),
        )
        .labelled_by(l.id);
    }
    let area_name = match f.area {
        Some(a) => areas
            .iter()
            .find(|(id, _)| *id == a)
            .map(|(_, n)| n.clone()),
        None => Some(f.new_area.trim().to_string()).filter(|s| !s.is_empty()),
    };
    ui.horizontal(|ui| {
        let ok = !f.name.trim().is_empty() && area_name.is_some();
        if ui
            .add_enabled(ok, egui::Button::new("Skapa kommun"))
            .clicked()
            && let Some(area) = &area_name
        {
            actions.push(Action::CreateMunicipality {
                name: f.name.trim().to_string(),
                area: area.clone(),
            });
        }
        if ui.button("Avbryt").clicked() {
            f.open = false;
        }
    });
    actions
}
