//! "Redigera": the medborgarlöfte's head, its avsnitt and the order of its löften, and new
//! medborgarlöften (empty, copied from the previous one, or imported from text).

use super::commitment_form::CommitmentForm;
use super::forms::{error_line, hinted_field, labelled, text_area, text_field};
use super::widgets::{party_chip, weak};
use super::{Action, AuthoringAction as A};
use crate::domain::{
    BoardData, Commitment, CommitmentId, MunicipalityId, Period, PledgeDraft, PledgeId, SectionId,
    Signatory,
};
use crate::validate::Invalid;
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum AuthoringAction {
    NewPledge {
        municipality: MunicipalityId,
        period: Period,
        copy_from: Option<PledgeId>,
        /// Copy only the löften that were not Genomförd.
        only_not_done: bool,
    },
    /// Open the import dialog for a new medborgarlöfte of `period` (as typed).
    OpenImport {
        municipality: MunicipalityId,
        period: String,
    },
    /// Read the text to import from a file (chosen in the file dialog).
    ChooseImportFile,
    SaveImport {
        municipality: MunicipalityId,
        period: Period,
        draft: Box<PledgeDraft>,
    },
    /// The whole medborgarlöfte's bedömning for a year.
    SavePledgeAssessment(crate::domain::PledgeAssessment),
    SavePledgeHead {
        pledge: PledgeId,
        version: i64,
        title: String,
        goal: String,
        contact: String,
        signatories: Vec<Signatory>,
    },
    AddSection(PledgeId, String),
    RenameSection(SectionId, String),
    MoveSection(SectionId, i64),
    DeleteSection(SectionId),
    AddCommitment(SectionId),
    /// Say what removing a medborgarlöfte or a kommun would take, and ask.
    AskRemove(Removal),
    /// Remove it (a copy of the database is made first; Ångra puts it back).
    Remove(Removal),
    RenameMunicipality(MunicipalityId, String),
    /// A new database: remove the example kommuner (first start).
    StartWithoutExamples,
    MoveCommitment(CommitmentId, i64),
    MoveCommitmentTo(CommitmentId, SectionId),
    DeleteCommitment(CommitmentId),
    /// Open the löfte editor.
    EditCommitment(CommitmentId),
    SaveCommitment(Box<Commitment>),
    CloseCommitmentForm,
    OpenNewMunicipality,
    CreateMunicipality {
        name: String,
        area: String,
    },
}

/// The editable head of a medborgarlöfte, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeadForm {
    pub pledge: Option<PledgeId>,
    /// The edit counter of the head as read.
    pub version: i64,
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

/// What can be removed whole from the Redigera tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Pledge(PledgeId),
    Kommun(MunicipalityId),
}

/// The Redigera tab: the forms of the shown medborgarlöfte, and the löfte editor (also
/// shown in the board's detail panel).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthoringScreen {
    pub commitment_form: Option<CommitmentForm>,
    pub head: HeadForm,
    pub section_names: HashMap<SectionId, String>,
    pub new_section: String,
    pub confirm: Option<Confirm>,
    pub new_period: String,
    pub copy_previous: bool,
    /// A removal waiting for "Ja, ta bort", with what it would take ("1 medborgarlöfte,
    /// 11 löften, 53 insatser").
    pub removing: Option<(Removal, String)>,
    /// The kommun's name as typed for "Byt namn".
    pub new_name: String,
    /// Copy forward only the löften that were not Genomförd.
    pub only_not_done: bool,
    /// The whole medborgarlöfte's bedömning as typed (filled from the stored one when
    /// another medborgarlöfte or year is shown).
    pub whole: Option<crate::domain::PledgeAssessment>,
}

impl AuthoringScreen {
    pub fn head_saved(&mut self) {
        self.head.pledge = None;
    }

    pub fn section_removed(&mut self, id: SectionId) {
        self.section_names.remove(&id);
    }

    pub fn open_commitment_form(&mut self, form: CommitmentForm) {
        self.commitment_form = Some(form);
    }

    pub fn close_commitment_form(&mut self) {
        self.commitment_form = None;
    }

    /// A removal waits for "Ja, ta bort", saying what it takes.
    pub fn ask_remove(&mut self, what: Removal, summary: String) {
        self.removing = Some((what, summary));
    }

    /// Fills the forms from the loaded medborgarlöfte (when another one is shown).
    /// The suggested new period is the year after this one, or this year when that has
    /// already come (a 2024 löfte opened in 2026 suggests 2026, not 2025).
    pub fn sync(&mut self, b: &BoardData, today: NaiveDate) {
        if self.head.pledge != Some(b.pledge.id) {
            self.head = HeadForm {
                pledge: Some(b.pledge.id),
                version: b.pledge.version,
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
            self.new_period = (b.pledge.period.last + 1).max(today.year()).to_string();
            self.copy_previous = true;
        }
        for s in &b.sections {
            self.section_names
                .entry(s.id)
                .or_insert_with(|| s.title.clone());
        }
    }
}

impl AuthoringScreen {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        board: &BoardData,
        whole: Option<&crate::domain::PledgeAssessment>,
        today: NaiveDate,
    ) -> Vec<Action> {
        if let Some(form) = &mut self.commitment_form {
            return super::commitment_form::show(ui, form).into_iter().collect();
        }
        if let Some(stored) = whole
            && self
                .whole
                .as_ref()
                .is_none_or(|w| (w.pledge, w.year) != (stored.pledge, stored.year))
        {
            self.whole = Some(stored.clone());
        }
        AuthoringView {
            board,
            state: self,
            today,
        }
        .ui(ui)
        .into_iter()
        .map(Action::Authoring)
        .collect()
    }
}

struct AuthoringView<'a> {
    board: &'a BoardData,
    state: &'a mut AuthoringScreen,
    today: NaiveDate,
}

impl AuthoringView<'_> {
    fn ui(&mut self, ui: &mut Ui) -> Vec<AuthoringAction> {
        let mut actions = Vec::new();
        self.state.sync(self.board, self.today);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.new_pledge(ui, &mut actions);
                ui.separator();
                self.head(ui, &mut actions);
                ui.separator();
                self.whole(ui, &mut actions);
                ui.separator();
                self.sections(ui, &mut actions);
                ui.separator();
                self.kommun_and_removal(ui, &mut actions);
            });
        actions
    }

    /// The bedömning of the whole medborgarlöfte for the shown year: in the uppföljning and
    /// on the citizens' page, before the löften.
    fn whole(&mut self, ui: &mut Ui, actions: &mut Vec<AuthoringAction>) {
        let Some(w) = &mut self.state.whole else {
            return;
        };
        ui.label(
            RichText::new(format!("Samlad bedömning {}", w.year))
                .size(19.0)
                .strong(),
        );
        ui.label(super::widgets::weak(
            "Hur medborgarlöftet gick som helhet, och hur arbetet fortsätter. Kommer med i \
             uppföljningen och på webbsidan.",
        ));
        let l = ui.label("Samlad bedömning");
        ui.add(super::forms::text_area(
            &mut w.overall,
            "whole_overall",
            640.0,
            3,
        ))
        .labelled_by(l.id);
        let l = ui.label("Så går vi vidare");
        ui.add(super::forms::text_area(&mut w.next, "whole_next", 640.0, 3))
            .labelled_by(l.id);
        if ui.button("Spara bedömningen").clicked() {
            actions.push(A::SavePledgeAssessment(w.clone()));
        }
    }

    /// The kommun's name, and removing the medborgarlöfte or the whole kommun.
    fn kommun_and_removal(&mut self, ui: &mut Ui, actions: &mut Vec<AuthoringAction>) {
        let st = &mut *self.state;
        let b = self.board;
        ui.label(RichText::new("Kommunen").size(19.0).strong());
        ui.horizontal_wrapped(|ui| {
            labelled(
                ui,
                "Nytt namn",
                text_field(&mut st.new_name, "kommun_new_name", 220.0)
                    .hint_text(b.municipality.name.as_str()),
            );
            let ok = !st.new_name.trim().is_empty() && st.new_name.trim() != b.municipality.name;
            if ui.add_enabled(ok, egui::Button::new("Byt namn")).clicked() {
                actions.push(A::RenameMunicipality(
                    b.municipality.id,
                    st.new_name.trim().to_string(),
                ));
                st.new_name.clear();
            }
        });
        ui.add_space(6.0);
        match &st.removing {
            Some((what, summary)) => {
                let what = *what;
                let name = match what {
                    Removal::Pledge(_) => format!("medborgarlöftet {}", b.pledge.period),
                    Removal::Kommun(_) => format!("kommunen {}", b.municipality.name),
                };
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "Ta bort {name} med {summary}? En säkerhetskopia görs först, och Ångra lägger tillbaka allt."
                    ),
                );
                ui.horizontal(|ui| {
                    if ui.button("Ja, ta bort").clicked() {
                        actions.push(A::Remove(what));
                        st.removing = None;
                    }
                    if ui.button("Behåll").clicked() {
                        st.removing = None;
                    }
                });
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(format!("Ta bort medborgarlöftet {}…", b.pledge.period))
                        .clicked()
                    {
                        actions.push(A::AskRemove(Removal::Pledge(b.pledge.id)));
                    }
                    if ui
                        .button(format!("Ta bort kommunen {}…", b.municipality.name))
                        .clicked()
                    {
                        actions.push(A::AskRemove(Removal::Kommun(b.municipality.id)));
                    }
                });
            }
        }
    }

    fn new_pledge(&mut self, ui: &mut Ui, actions: &mut Vec<AuthoringAction>) {
        let st = &mut *self.state;
        ui.label(RichText::new("Nytt medborgarlöfte").size(19.0).strong());
        ui.horizontal_wrapped(|ui| {
            labelled(
                ui,
                "Ny period",
                text_field(&mut st.new_period, "new_period", 110.0)
                    .hint_text("2025 eller 2025-2026"),
            );
            ui.checkbox(
                &mut st.copy_previous,
                format!(
                    "Kopiera avsnitt och löften från {}",
                    self.board.pledge.period
                ),
            );
            if st.copy_previous {
                ui.checkbox(&mut st.only_not_done, "bara de som inte blev genomförda");
            }
            let period = Period::parse(&st.new_period);
            if ui
                .add_enabled(period.is_some(), egui::Button::new("Skapa medborgarlöfte"))
                .clicked()
                && let Some(p) = period
            {
                actions.push(A::NewPledge {
                    municipality: self.board.municipality.id,
                    period: p,
                    copy_from: st.copy_previous.then_some(self.board.pledge.id),
                    only_not_done: st.copy_previous && st.only_not_done,
                });
            }
            if ui.button("Importera från text…").clicked() {
                // The period typed beside it (this year or the next, as suggested).
                actions.push(A::OpenImport {
                    municipality: self.board.municipality.id,
                    period: st.new_period.trim().to_string(),
                });
            }
        });
        if Period::parse(&st.new_period).is_none() {
            error_line(ui, Invalid::Period);
        }
    }

    fn head(&mut self, ui: &mut Ui, actions: &mut Vec<AuthoringAction>) {
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
                labelled(ui, "Rubrik", text_field(&mut h.title, "head_title", 480.0));
                ui.end_row();
                labelled(
                    ui,
                    "Målsättning",
                    text_area(&mut h.goal, "head_goal", 480.0, 3),
                );
                ui.end_row();
                labelled(
                    ui,
                    "Kontakt",
                    text_field(&mut h.contact, "head_contact", 480.0),
                );
                ui.end_row();
                ui.label("Undertecknare");
                ui.vertical(|ui| {
                    let mut remove = None;
                    for (i, (name, role)) in h.signatories.iter_mut().enumerate() {
                        ui.horizontal(|ui| {
                            // Named for a screen reader; the hint is gone once typed in.
                            let n = i + 1;
                            hinted_field(
                                ui,
                                name,
                                ("sig_name", i),
                                (250.0, "Namn"),
                                format!("Undertecknare {n}, namn"),
                            );
                            hinted_field(
                                ui,
                                role,
                                ("sig_role", i),
                                (330.0, "Roll"),
                                format!("Undertecknare {n}, roll"),
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
            error_line(ui, "Rubriken måste fyllas i.");
        }
        if ui
            .add_enabled(title_ok, egui::Button::new("Spara uppgifterna"))
            .clicked()
        {
            actions.push(A::SavePledgeHead {
                pledge: self.board.pledge.id,
                version: h.version,
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

    fn sections(&mut self, ui: &mut Ui, actions: &mut Vec<AuthoringAction>) {
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
                    labelled(ui, "Avsnitt", text_field(name, ("sec", s.id.0), 380.0));
                    if name.trim() != s.title
                        && !name.trim().is_empty()
                        && ui.button("Byt namn").clicked()
                    {
                        actions.push(A::RenameSection(s.id, name.trim().to_string()));
                    }
                    if si > 0 && ui.small_button("Upp").clicked() {
                        actions.push(A::MoveSection(s.id, -1));
                    }
                    if si + 1 < n_sections && ui.small_button("Ned").clicked() {
                        actions.push(A::MoveSection(s.id, 1));
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
                            actions.push(A::DeleteSection(s.id));
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
                        let siblings = in_section.len();
                        let at = (s.id, ci, siblings);
                        commitment_buttons(ui, b, c, at, &mut st.confirm, actions);
                    });
                }
                if ui.small_button("Nytt löfte i avsnittet").clicked() {
                    actions.push(A::AddCommitment(s.id));
                }
            });
        }
        ui.horizontal(|ui| {
            labelled(
                ui,
                "Nytt avsnitt",
                text_field(&mut st.new_section, "new_section", 300.0).hint_text("Rubrik"),
            );
            if ui
                .add_enabled(
                    !st.new_section.trim().is_empty(),
                    egui::Button::new("Lägg till avsnitt"),
                )
                .clicked()
            {
                actions.push(A::AddSection(
                    b.pledge.id,
                    st.new_section.trim().to_string(),
                ));
                st.new_section.clear();
            }
        });
    }
}

/// A löfte's buttons in the Redigera list: edit, move, move to another avsnitt, remove
/// (asking first when it has insatser). `at` is its avsnitt, place and the avsnitt's size.
fn commitment_buttons(
    ui: &mut Ui,
    b: &BoardData,
    c: &crate::domain::Commitment,
    at: (SectionId, usize, usize),
    confirm: &mut Option<Confirm>,
    actions: &mut Vec<AuthoringAction>,
) {
    let (section, ci, siblings) = at;
    let n_sections = b.sections.len();
    ui.add_space(118.0);
    if ui.small_button("Redigera").clicked() {
        actions.push(A::EditCommitment(c.id));
    }
    if ci > 0 && ui.small_button("Upp").clicked() {
        actions.push(A::MoveCommitment(c.id, -1));
    }
    if ci + 1 < siblings && ui.small_button("Ned").clicked() {
        actions.push(A::MoveCommitment(c.id, 1));
    }
    if n_sections > 1 {
        let l = ui.label("Flytta till");
        let mut target: Option<SectionId> = None;
        egui::ComboBox::from_id_salt(("move_to", c.id.0))
            .selected_text("välj avsnitt")
            .width(160.0)
            .truncate()
            .show_ui(ui, |ui| {
                for other in b.sections.iter().filter(|o| o.id != section) {
                    ui.selectable_value(&mut target, Some(other.id), &other.title);
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(t) = target {
            actions.push(A::MoveCommitmentTo(c.id, t));
        }
    }
    let entries = b.stats.get(&c.id).map(|x| x.entries).unwrap_or(0);
    if *confirm == Some(Confirm::Commitment(c.id)) {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("Löftet har {entries} insatser. Ta bort ändå?"),
        );
        if ui.button("Ja, ta bort löftet").clicked() {
            *confirm = None;
            actions.push(A::DeleteCommitment(c.id));
        }
        if ui.button("Behåll").clicked() {
            *confirm = None;
        }
    } else if ui.small_button("Ta bort löfte").clicked() {
        if entries > 0 {
            *confirm = Some(Confirm::Commitment(c.id));
        } else {
            actions.push(A::DeleteCommitment(c.id));
        }
    }
}
