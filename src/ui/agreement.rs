//! Överenskommelse: a kommun's samverkansöverenskommelse — period, parties (bolag
//! included), forums and fokusområden, all editable — and its follow-up per fokusområde
//! and year (löften, insatser, walks, händelser), with everyday insatser recorded against a
//! fokusområde without a löfte.

use super::date_field::DateField;
use super::forms::{error_line, labelled, text_field};
use super::widgets::weak;
use super::{Action, ExportAction};
use crate::domain::agreements::AgreementFollowUp;
use crate::domain::{
    Activity, ActivityId, Agreement, AgreementId, FocusAreaId, MunicipalityId, Party, Period,
};
use crate::validate::{Invalid, parse_count, parse_date, parse_list};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

/// What the Överenskommelse tab shows (read on that tab).
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementView {
    pub municipality: MunicipalityId,
    pub agreements: Vec<Agreement>,
    /// The follow-up of the shown agreement.
    pub follow_up: Option<AgreementFollowUp>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AgreementAction {
    Select(AgreementId),
    Create {
        municipality: MunicipalityId,
        period: Period,
        title: String,
        focus_areas: Vec<String>,
    },
    SaveHead {
        id: AgreementId,
        period: Period,
        title: String,
        parties: Vec<String>,
        forums: Vec<String>,
    },
    AddFocusArea(AgreementId, String),
    RenameFocusArea(FocusAreaId, String),
    RemoveFocusArea(FocusAreaId),
    SetCategories(FocusAreaId, Vec<String>),
    /// An everyday insats that carries fokusområden and no löfte.
    AddActivity(Box<Activity>, Vec<FocusAreaId>),
}

/// The head as typed: rubrik, period and the lists, one comma-separated line each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeadForm {
    pub title: String,
    pub period: String,
    pub parties: String,
    pub forums: String,
    pub error: Option<String>,
}

/// A fokusområde being renamed or given its kategorier.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaEdit {
    Rename(FocusAreaId, String),
    Categories(FocusAreaId, String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityForm {
    pub date: DateField,
    pub count: String,
    pub area: Option<FocusAreaId>,
    pub place: String,
    pub text: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgreementScreen {
    pub selected: Option<AgreementId>,
    /// The year whose figures the table shows (None: this year within the period).
    pub year: Option<i32>,
    pub head: Option<HeadForm>,
    pub edit: Option<AreaEdit>,
    pub new_area: String,
    pub activity: ActivityForm,
    /// A new agreement (when the kommun has none, or another one is made).
    pub create: Option<HeadForm>,
    pub create_areas: String,
}

fn parse_period(s: &str) -> Result<Period, Invalid> {
    Period::parse(s).ok_or(Invalid::Period)
}

impl AgreementScreen {
    /// The agreement shown: the chosen one, else the kommun's newest.
    pub fn shown<'a>(&self, list: &'a [Agreement]) -> Option<&'a Agreement> {
        self.selected
            .and_then(|id| list.iter().find(|a| a.id == id))
            .or_else(|| list.first())
    }

    // Transitions the processor calls.
    pub fn select(&mut self, id: AgreementId) {
        self.selected = Some(id);
        self.head = None;
        self.edit = None;
        self.year = None;
    }
    pub fn saved(&mut self) {
        self.head = None;
        self.edit = None;
        self.new_area.clear();
    }
    pub fn created(&mut self, id: AgreementId) {
        self.create = None;
        self.create_areas.clear();
        self.select(id);
    }
    pub fn activity_saved(&mut self) {
        let keep = (self.activity.date.clone(), self.activity.area);
        self.activity = ActivityForm {
            date: keep.0,
            area: keep.1,
            ..ActivityForm::default()
        };
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: Option<&AgreementView>,
        today: NaiveDate,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(view) = view else {
            ui.label("Läser överenskommelsen…");
            return actions;
        };
        egui::ScrollArea::vertical()
            .id_salt("agreement_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let Some(a) = self.shown(&view.agreements).cloned() else {
                    ui.label(
                        "Kommunen har ingen samverkansöverenskommelse här ännu. Lägg in den för \
                         att följa upp fokusområdena år för år.",
                    );
                    ui.add_space(6.0);
                    self.create_form(ui, view.municipality, today, &mut actions);
                    return;
                };
                if view.agreements.len() > 1 {
                    ui.horizontal_wrapped(|ui| {
                        for other in &view.agreements {
                            let label = format!("{} ({})", other.title, other.period);
                            if ui.selectable_label(other.id == a.id, label).clicked() {
                                actions.push(AgreementAction::Select(other.id).into());
                            }
                        }
                    });
                }
                self.head(ui, &a, &mut actions);
                ui.add_space(8.0);
                if let Some(f) = &view.follow_up {
                    self.figures(ui, &a, f, today, &mut actions);
                }
                ui.add_space(10.0);
                self.activity_form(ui, &a, today, &mut actions);
                ui.add_space(10.0);
                if self.create.is_some() {
                    self.create_form(ui, view.municipality, today, &mut actions);
                } else if ui.button("Ny överenskommelse…").clicked() {
                    self.create = Some(HeadForm::default());
                }
            });
        actions
    }

    fn head(&mut self, ui: &mut Ui, a: &Agreement, actions: &mut Vec<Action>) {
        ui.heading(&a.title);
        let Some(form) = &mut self.head else {
            ui.label(format!("Gäller {}", a.period));
            let list = |l: &[String]| {
                if l.is_empty() {
                    "–".to_string()
                } else {
                    l.join(", ")
                }
            };
            ui.label(format!("Parter: {}", list(&a.parties)));
            ui.label(format!("Forum för samverkan: {}", list(&a.forums)));
            ui.horizontal(|ui| {
                if ui.button("Ändra överenskommelsen…").clicked() {
                    self.head = Some(HeadForm {
                        title: a.title.clone(),
                        period: a.period.to_string().replace('–', "-"),
                        parties: a.parties.join(", "),
                        forums: a.forums.join(", "),
                        error: None,
                    });
                }
                if ui
                    .button("Uppföljning som PDF eller CSV…")
                    .on_hover_text("Per fokusområde och år, sedan hela perioden")
                    .clicked()
                {
                    actions.push(ExportAction::OpenAgreement(a.id).into());
                }
            });
            return;
        };
        egui::Grid::new("agreement_head")
            .num_columns(2)
            .show(ui, |ui| {
                labelled(ui, "Rubrik", text_field(&mut form.title, "ag_title", 420.0));
                ui.end_row();
                labelled(
                    ui,
                    "Period",
                    text_field(&mut form.period, "ag_period", 120.0),
                )
                .on_hover_text("T.ex. 2021-2024");
                ui.end_row();
                labelled(
                    ui,
                    "Parter",
                    text_field(&mut form.parties, "ag_parties", 420.0),
                )
                .on_hover_text("Med komma emellan: kommunen, bolagen, polisen");
                ui.end_row();
                labelled(
                    ui,
                    "Forum",
                    text_field(&mut form.forums, "ag_forums", 420.0),
                )
                .on_hover_text("Med komma emellan, t.ex. Lägesbildsgrupp, Styrgrupp");
                ui.end_row();
            });
        if let Some(e) = &form.error {
            error_line(ui, e);
        }
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button("Spara").clicked() {
                let parsed = (|| {
                    Ok::<_, Invalid>(AgreementAction::SaveHead {
                        id: a.id,
                        period: parse_period(&form.period)?,
                        title: form.title.trim().to_string(),
                        parties: parse_list("Parter", &form.parties)?,
                        forums: parse_list("Forum", &form.forums)?,
                    })
                })();
                match parsed {
                    Ok(act) => actions.push(act.into()),
                    Err(e) => form.error = Some(e.to_string()),
                }
            }
            close = ui.button("Avbryt").clicked();
        });
        if close {
            self.head = None;
        }
    }

    fn figures(
        &mut self,
        ui: &mut Ui,
        a: &Agreement,
        f: &AgreementFollowUp,
        today: NaiveDate,
        actions: &mut Vec<Action>,
    ) {
        let year = self
            .year
            .unwrap_or(today.year())
            .clamp(a.period.first, a.period.last);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Fokusområden").strong().size(17.0));
            ui.add_space(12.0);
            for y in a.period.years() {
                if ui.selectable_label(y == year, y.to_string()).clicked() {
                    self.year = Some(y);
                }
            }
        });
        ui.label(weak(
            "Insatser räknas med sitt antal, också vardagsarbete utan löfte. Händelser i de \
             kategorier fokusområdet följer.",
        ));
        // Room for the four figures and the three buttons beside the name.
        let name_w = (ui.available_width() - 650.0).clamp(220.0, 460.0);
        egui::Grid::new("agreement_areas")
            .striped(true)
            .num_columns(6)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "Fokusområde",
                    "Löften",
                    "Insatser",
                    "Vandringar",
                    "Händelser",
                    "",
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for (area, fig) in a.focus_areas.iter().zip(&f.areas) {
                    let y = fig.years.iter().find(|y| y.figures.year == year);
                    let n = |pick: fn(&crate::domain::agreements::YearFigures) -> u32| {
                        y.map(|y| pick(&y.figures).to_string()).unwrap_or_default()
                    };
                    ui.vertical(|ui| {
                        ui.set_max_width(name_w);
                        ui.add(egui::Label::new(&area.name).wrap());
                        if !area.categories.is_empty() {
                            ui.label(weak(format!("Följer: {}", area.categories.join(", "))));
                        }
                        if let Some(y) = y {
                            for (text, status) in &y.commitments {
                                ui.add(
                                    egui::Label::new(weak(format!(
                                        "• {} — {}",
                                        crate::validate::clip_words(text, 90),
                                        status.label()
                                    )))
                                    .wrap(),
                                );
                            }
                        }
                    });
                    ui.label(n(|y| y.commitments));
                    ui.label(n(|y| y.activities));
                    ui.label(n(|y| y.walks));
                    ui.label(
                        y.and_then(|y| y.figures.incidents)
                            .map(|n| n.to_string())
                            .unwrap_or_else(|| "–".into()),
                    );
                    self.area_buttons(ui, area, actions);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let add = labelled(
                ui,
                "Nytt fokusområde",
                text_field(&mut self.new_area, "ag_new_area", 300.0),
            );
            let enter = add.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Lägg till").clicked() || enter) && !self.new_area.trim().is_empty() {
                actions.push(AgreementAction::AddFocusArea(a.id, self.new_area.clone()).into());
            }
        });
    }

    fn area_buttons(
        &mut self,
        ui: &mut Ui,
        area: &crate::domain::FocusArea,
        actions: &mut Vec<Action>,
    ) {
        ui.vertical(|ui| match &mut self.edit {
            Some(AreaEdit::Rename(id, text)) if *id == area.id => {
                labelled(
                    ui,
                    "Nytt namn",
                    text_field(text, ("ag_rename", id.0), 260.0),
                );
                let (id, text) = (*id, text.clone());
                ui.horizontal(|ui| {
                    if ui.button("Spara namnet").clicked() {
                        actions.push(AgreementAction::RenameFocusArea(id, text).into());
                    }
                    if ui.button("Avbryt").clicked() {
                        self.edit = None;
                    }
                });
            }
            Some(AreaEdit::Categories(id, text)) if *id == area.id => {
                labelled(
                    ui,
                    "Kategorier (med komma)",
                    text_field(text, ("ag_cats", id.0), 260.0),
                );
                let (id, text) = (*id, text.clone());
                ui.horizontal(|ui| {
                    if ui.button("Spara kategorierna").clicked() {
                        let list = super::commitment_form::split_list(&text);
                        actions.push(AgreementAction::SetCategories(id, list).into());
                    }
                    if ui.button("Avbryt").clicked() {
                        self.edit = None;
                    }
                });
            }
            _ => {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Byt namn")
                        .on_hover_text("Löften och insatser följer med")
                        .clicked()
                    {
                        self.edit = Some(AreaEdit::Rename(area.id, area.name.clone()));
                    }
                    if ui
                        .small_button("Kategorier")
                        .on_hover_text("Vilka händelser fokusområdet följer")
                        .clicked()
                    {
                        self.edit = Some(AreaEdit::Categories(area.id, area.categories.join(", ")));
                    }
                    if ui.small_button("Ta bort").clicked() {
                        actions.push(AgreementAction::RemoveFocusArea(area.id).into());
                    }
                });
            }
        });
    }

    fn activity_form(
        &mut self,
        ui: &mut Ui,
        a: &Agreement,
        today: NaiveDate,
        actions: &mut Vec<Action>,
    ) {
        ui.label(
            RichText::new("Ny insats för ett fokusområde")
                .strong()
                .size(17.0),
        );
        ui.label(weak(
            "Vardagsarbete som inte hör till ett löfte räknas i överenskommelsens uppföljning.",
        ));
        let form = &mut self.activity;
        if form.date.text.is_empty() {
            form.date = DateField::new(today);
        }
        if form.count.is_empty() {
            form.count = "1".into();
        }
        egui::Grid::new("agreement_activity")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Datum");
                form.date.ui(ui, "ag_act_date", today).labelled_by(l.id);
                ui.end_row();
                labelled(
                    ui,
                    "Antal",
                    text_field(&mut form.count, "ag_act_count", 80.0),
                );
                ui.end_row();
                super::forms::option_combo(
                    ui,
                    "Fokusområde",
                    "ag_act_area",
                    &mut form.area,
                    "Välj…",
                    a.focus_areas
                        .iter()
                        .map(|f| (f.id, crate::validate::clip_words(&f.name, 60))),
                );
                ui.end_row();
                labelled(
                    ui,
                    "Plats",
                    text_field(&mut form.place, "ag_act_place", 300.0),
                );
                ui.end_row();
                labelled(
                    ui,
                    "Beskrivning",
                    text_field(&mut form.text, "ag_act_text", 300.0),
                );
                ui.end_row();
            });
        if let Some(e) = &form.error {
            error_line(ui, e);
        }
        if ui.button("Spara insatsen").clicked() {
            let parsed = (|| {
                let date = parse_date(&form.date.text).map_err(|e| e.to_string())?;
                if !a.period.contains(date) {
                    return Err(format!(
                        "{date} ligger utanför överenskommelsens period {}.",
                        a.period
                    ));
                }
                let count = parse_count(&form.count).map_err(|e| e.to_string())?;
                let area = form
                    .area
                    .ok_or_else(|| "Välj ett fokusområde.".to_string())?;
                Ok::<_, String>((date, count, area))
            })();
            match parsed {
                Ok((date, count, area)) => {
                    form.error = None;
                    let activity = Activity {
                        version: 0,
                        id: ActivityId::NEW,
                        municipality: a.municipality,
                        commitment: None,
                        target: None,
                        date,
                        by: Party::Gemensamt,
                        count,
                        place: form.place.trim().to_string(),
                        description: form.text.trim().to_string(),
                        internal_note: String::new(),
                    };
                    actions
                        .push(AgreementAction::AddActivity(Box::new(activity), vec![area]).into());
                }
                Err(e) => form.error = Some(e),
            }
        }
    }

    fn create_form(
        &mut self,
        ui: &mut Ui,
        m: MunicipalityId,
        today: NaiveDate,
        actions: &mut Vec<Action>,
    ) {
        let form = self.create.get_or_insert_with(|| HeadForm {
            period: format!("{}-{}", today.year(), today.year() + 3),
            ..HeadForm::default()
        });
        ui.label(
            RichText::new("Ny samverkansöverenskommelse")
                .strong()
                .size(17.0),
        );
        egui::Grid::new("agreement_create")
            .num_columns(2)
            .show(ui, |ui| {
                labelled(
                    ui,
                    "Rubrik",
                    text_field(&mut form.title, "ag_new_title", 420.0),
                );
                ui.end_row();
                labelled(
                    ui,
                    "Period",
                    text_field(&mut form.period, "ag_new_period", 120.0),
                );
                ui.end_row();
                ui.label("Fokusområden");
                ui.add(
                    egui::TextEdit::multiline(&mut self.create_areas)
                        .id_salt("ag_new_areas")
                        .hint_text("Ett per rad")
                        .desired_rows(4)
                        .desired_width(420.0),
                );
                ui.end_row();
            });
        if let Some(e) = &form.error {
            error_line(ui, e);
        }
        let mut cancel = false;
        ui.horizontal(|ui| {
            if ui.button("Skapa överenskommelsen").clicked() {
                match parse_period(&form.period) {
                    Ok(period) => actions.push(
                        AgreementAction::Create {
                            municipality: m,
                            period,
                            title: form.title.trim().to_string(),
                            focus_areas: self
                                .create_areas
                                .lines()
                                .map(str::trim)
                                .filter(|l| !l.is_empty())
                                .map(str::to_string)
                                .collect(),
                        }
                        .into(),
                    ),
                    Err(e) => form.error = Some(e.to_string()),
                }
            }
            cancel = ui.button("Avbryt").clicked();
        });
        if cancel {
            self.create = None;
        }
    }
}
