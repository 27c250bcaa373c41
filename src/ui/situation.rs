//! Lägesbild: a kommun's händelser (inrapporteringar from the verksamheter) for a window —
//! per kategori and per place beside the window before and the same window a year before,
//! the places that rise most first, each kategori over two years, a place's weeks around
//! the insatser done there — and the fast form that records them.

use super::date_field::DateField;
use super::forms::{error_line, labelled, text_field};
use super::widgets::weak;
use super::{Action, MeetingAction};
use crate::domain::indicators::{Indicator, IndicatorDraft};
use crate::domain::situation::{
    Compared, IncidentDraft, MonthSeries, PlaceLine, SituationView, Window, WindowKind,
    series_words,
};
use crate::domain::{CommitmentId, IncidentId, IndicatorId, MunicipalityId};
use crate::validate::{Invalid, parse_count, parse_date, parse_time, parse_value, parse_year};
use chrono::NaiveDate;
use egui::{RichText, Sense, Ui, Vec2};
use egui_extras::{Column, TableBuilder};

/// What the Lägesbild tab asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum SituationAction {
    /// Show another window (read when shown).
    Show(Window),
    Add(Box<IncidentDraft>),
    /// Remove a händelse (with Ångra).
    Remove(IncidentId),
    /// Show a place's two years and the insatser there; `None` closes it.
    ShowPlace(Option<String>),
    /// Read a CSV file of händelser into the kommun (all rows or none).
    Import(MunicipalityId),
    AddIndicator(Box<IndicatorDraft>),
    /// One year's value of an indicator (with Ångra).
    SetValue {
        indicator: IndicatorId,
        year: i32,
        value: f64,
    },
    /// Every value of a two-column CSV file (år;värde), all or none.
    ImportValues(IndicatorId),
}

/// The fast form: everything as typed; what stays after a save (date, kategori, område,
/// källa) is what the next report from the same round most likely shares.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentForm {
    pub date: DateField,
    pub time: String,
    pub category: Option<String>,
    pub area: String,
    pub place: String,
    pub source: String,
    pub count: String,
    pub description: String,
    /// Put the cursor in the date field on the next frame (after a save).
    pub focus_date: bool,
}

impl IncidentForm {
    pub fn new(today: NaiveDate) -> IncidentForm {
        IncidentForm {
            date: DateField::new(today),
            time: String::new(),
            category: None,
            area: String::new(),
            place: String::new(),
            source: String::new(),
            count: "1".into(),
            description: String::new(),
            focus_date: false,
        }
    }

    /// The händelse the form describes, or the first thing wrong with it.
    pub fn build(&self, m: MunicipalityId) -> Result<IncidentDraft, Invalid> {
        let date = parse_date(&self.date.text)?;
        let time = parse_time(&self.time)?;
        let category = self.category.clone().ok_or(Invalid::Required("Kategori"))?;
        if self.place.trim().is_empty() {
            return Err(Invalid::Required("Plats"));
        }
        Ok(IncidentDraft {
            municipality: m,
            category,
            date,
            time,
            area: self.area.trim().to_string(),
            place: self.place.trim().to_string(),
            source: self.source.trim().to_string(),
            count: parse_count(&self.count)?,
            description: self.description.trim().to_string(),
        })
    }
}

/// The tab's state: the window, the form, the place looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct SituationScreen {
    /// `None` until shown the first time (then the month of today).
    pub window: Option<Window>,
    /// The kind the arrows step by; `None`: own dates.
    pub kind: Option<WindowKind>,
    pub from: DateField,
    pub to: DateField,
    pub form: IncidentForm,
    pub place: Option<String>,
    pub indicator_form: IndicatorForm,
    /// The year and value typed for each indicator.
    pub typed_values: Vec<(IndicatorId, String, String)>,
}

/// A new indicator as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorForm {
    pub open: bool,
    pub name: String,
    pub unit: String,
    pub source: String,
    pub lower_is_better: bool,
    pub commitment: Option<CommitmentId>,
}

impl IndicatorForm {
    pub fn build(&self, m: MunicipalityId) -> Result<IndicatorDraft, Invalid> {
        crate::validate::check_text("Namn", &self.name, true, false)?;
        Ok(IndicatorDraft {
            municipality: m,
            name: self.name.trim().to_string(),
            unit: self.unit.trim().to_string(),
            source: self.source.trim().to_string(),
            lower_is_better: self.lower_is_better,
            commitments: self.commitment.into_iter().collect(),
        })
    }
}

impl Default for SituationScreen {
    fn default() -> Self {
        SituationScreen {
            window: None,
            kind: Some(WindowKind::Month),
            from: DateField::default(),
            to: DateField::default(),
            form: IncidentForm::new(NaiveDate::default()),
            place: None,
            indicator_form: IndicatorForm::default(),
            typed_values: Vec::new(),
        }
    }
}

impl SituationScreen {
    /// The window to read: the one chosen, else the month of `today`.
    pub fn window_or(&self, today: NaiveDate) -> Window {
        self.window
            .unwrap_or_else(|| Window::containing(WindowKind::Month, today))
    }

    /// Another window was chosen (the processor's transition).
    pub fn show(&mut self, w: Window) {
        self.window = Some(w);
        self.from = DateField::new(w.from);
        self.to = DateField::new(w.to);
    }

    /// A händelse was recorded: the fields that differ from one report to the next are
    /// emptied, the cursor goes back to the date.
    pub fn added(&mut self) {
        let f = &mut self.form;
        f.time.clear();
        f.place.clear();
        f.description.clear();
        f.count = "1".into();
        f.focus_date = true;
    }

    /// An indicator was made: the form closes.
    pub fn indicator_added(&mut self) {
        self.indicator_form = IndicatorForm::default();
    }

    /// A value was saved: its fields are emptied.
    pub fn value_saved(&mut self, id: IndicatorId) {
        self.typed_values.retain(|(i, _, _)| *i != id);
    }

    /// Another kommun: its own window stays, its form starts over.
    pub fn reset_form(&mut self, today: NaiveDate) {
        self.form = IncidentForm::new(today);
        self.place = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: Option<&SituationView>,
        line: Option<&PlaceLine>,
        lofte: &[(CommitmentId, String)],
        today: NaiveDate,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let w = self.window_or(today);
        if self.form.date.text.is_empty() || self.form.date.text == NaiveDate::default().to_string()
        {
            self.form.date = DateField::new(today);
        }
        self.window_bar(ui, w, today, &mut actions);
        let Some(view) = view else {
            ui.label("Läser lägesbilden…");
            return actions;
        };
        let form_width = 400.0_f32.min(ui.available_width() * 0.42);
        ui.horizontal_top(|ui| {
            let left = (ui.available_width() - form_width - 16.0).max(300.0);
            let down = egui::Layout::top_down(egui::Align::LEFT);
            ui.allocate_ui_with_layout(Vec2::new(left, ui.available_height()), down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("situation_left")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.overview(ui, view, line, &mut actions);
                        ui.add_space(12.0);
                        self.indicators(ui, view, lofte, today, &mut actions);
                    });
            });
            ui.separator();
            ui.allocate_ui_with_layout(Vec2::new(form_width, ui.available_height()), down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("situation_right")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.form_ui(ui, view, today, &mut actions);
                        ui.add_space(10.0);
                        incident_list(ui, view, &mut actions);
                    });
            });
        });
        actions
    }

    /// Kind, arrows, the window in words, own dates.
    fn window_bar(&mut self, ui: &mut Ui, w: Window, today: NaiveDate, out: &mut Vec<Action>) {
        let mut show = |w: Window| out.push(SituationAction::Show(w).into());
        ui.horizontal_wrapped(|ui| {
            ui.heading("Lägesbild");
            ui.add_space(12.0);
            let l = ui.label("Period");
            let before = self.kind;
            egui::ComboBox::from_id_salt("situation_kind")
                .selected_text(self.kind.map(WindowKind::label).unwrap_or("Egna datum"))
                .show_ui(ui, |ui| {
                    for k in WindowKind::ALL {
                        ui.selectable_value(&mut self.kind, Some(k), k.label());
                    }
                    ui.selectable_value(&mut self.kind, None, "Egna datum");
                })
                .response
                .labelled_by(l.id);
            if self.kind != before
                && let Some(k) = self.kind
            {
                show(Window::containing(k, w.to.min(today)));
            }
            if ui.button("Föregående").clicked() {
                show(w.previous());
            }
            ui.label(RichText::new(w.describe()).strong().size(18.0));
            if ui.button("Nästa").clicked() {
                show(w.next());
            }
            if let Some(k) = self.kind
                && ui
                    .button("Nu")
                    .on_hover_text("Perioden som pågår")
                    .clicked()
            {
                show(Window::containing(k, today));
            }
        });
        if self.kind.is_none() {
            ui.horizontal_wrapped(|ui| {
                ui.label("Från");
                self.from.ui(ui, "situation_from", today);
                ui.label("Till");
                self.to.ui(ui, "situation_to", today);
                let chosen = parse_date(&self.from.text)
                    .and_then(|f| parse_date(&self.to.text).map(|t| Window::new(f, t)));
                match chosen {
                    Ok(Some(c)) => {
                        if ui.add_enabled(c != w, egui::Button::new("Visa")).clicked() {
                            show(c);
                        }
                    }
                    Ok(None) => error_line(ui, "Till-datumet ligger före från-datumet."),
                    Err(e) => error_line(ui, e),
                }
            });
        }
        ui.label(weak(format!(
            "Jämförs med perioden före ({}) och samma period året innan ({}).",
            w.previous().describe(),
            w.year_before().describe()
        )));
        ui.add_space(4.0);
    }

    /// Places that rise most, kategorier with their two years, the place looked at.
    fn overview(
        &mut self,
        ui: &mut Ui,
        view: &SituationView,
        line: Option<&PlaceLine>,
        out: &mut Vec<Action>,
    ) {
        let s = &view.situation;
        if s.categories.is_empty() {
            ui.add_space(8.0);
            ui.label(
                "Inga händelser i perioden eller de perioder den jämförs med. Lägg till \
                 inrapporteringar till höger, eller läs in dem från ett kalkylark (CSV) med \
                 kolumnerna Datum, Plats och Kategori (Tid, Område, Källa, Antal och \
                 Beskrivning får också finnas).",
            );
        } else {
            ui.label(
                RichText::new("Platser — de som ökar mest först")
                    .strong()
                    .size(18.0),
            );
            if let Some(p) = compared_table(ui, "situation_places", "Plats", &s.places, true) {
                out.push(SituationAction::ShowPlace(Some(p)).into());
            }
            ui.add_space(10.0);
            ui.label(RichText::new("Kategorier").strong().size(18.0));
            compared_table(ui, "situation_categories", "Kategori", &s.categories, false);
        }
        if let Some(line) = line.filter(|l| self.place.as_deref() == Some(l.name.as_str())) {
            ui.add_space(10.0);
            place_ui(ui, line, out);
        }
        let shown: Vec<&MonthSeries> = view.months.iter().filter(|m| m.total() > 0).collect();
        if !shown.is_empty() {
            ui.add_space(10.0);
            ui.label(RichText::new("Två år per kategori").strong().size(18.0));
            ui.label(weak(format!(
                "Händelser per månad {}–{}; den ljusa stapeln är perioden som visas.",
                shown[0].month(0),
                shown[0].month(shown[0].counts.len().saturating_sub(1))
            )));
            let window = view.situation.window;
            egui::Grid::new("situation_months")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for m in shown {
                        ui.label(&m.name);
                        month_bars(ui, m, window, Vec2::new(240.0, 28.0));
                        ui.label(weak(format!("{} i allt", m.total())));
                        ui.end_row();
                    }
                });
        }
    }

    fn form_ui(
        &mut self,
        ui: &mut Ui,
        view: &SituationView,
        today: NaiveDate,
        out: &mut Vec<Action>,
    ) {
        let f = &mut self.form;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Ny händelse").strong().size(18.0));
            if ui
                .button("Läs in CSV…")
                .on_hover_text(
                    "Händelser från ett kalkylark eller en rapportapp: kolumnerna hittas på \
                     sina namn (Datum, Plats, Kategori …), med ; eller , och i UTF-8 eller \
                     Windows-1252. Alla rader eller ingen.",
                )
                .clicked()
            {
                out.push(SituationAction::Import(view.municipality).into());
            }
        });
        ui.label(weak(
            "Platser och vad som hände — aldrig namn på personer. Källa och beskrivning är \
             interna och visas aldrig utåt.",
        ));
        let mut enter = false;
        let mut note = |r: egui::Response| {
            enter |= r.lost_focus() && ui_enter(&r);
        };
        egui::Grid::new("incident_form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label("Datum");
                let d = f.date.ui(ui, "incident_date", today).labelled_by(l.id);
                if std::mem::take(&mut f.focus_date) {
                    d.request_focus();
                }
                note(d);
                ui.end_row();
                note(labelled(
                    ui,
                    "Tid",
                    text_field(&mut f.time, "incident_time", 80.0).hint_text("TT:MM"),
                ));
                ui.end_row();
                let l = ui.label("Kategori");
                egui::ComboBox::from_id_salt("incident_category")
                    .selected_text(f.category.clone().unwrap_or_else(|| "Välj…".into()))
                    .width(180.0)
                    .show_ui(ui, |ui| {
                        for c in &view.categories {
                            ui.selectable_value(&mut f.category, Some(c.name.clone()), &c.name);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                note(labelled(
                    ui,
                    "Område",
                    text_field(&mut f.area, "incident_area", 180.0).hint_text("t.ex. Centrum"),
                ));
                ui.end_row();
                note(labelled(
                    ui,
                    "Plats",
                    text_field(&mut f.place, "incident_place", 180.0).hint_text("t.ex. Stortorget"),
                ));
                ui.end_row();
                note(labelled(
                    ui,
                    "Källa (intern)",
                    text_field(&mut f.source, "incident_source", 180.0)
                        .hint_text("verksamhet, t.ex. Fastighetsbolaget"),
                ));
                ui.end_row();
                note(labelled(
                    ui,
                    "Antal",
                    text_field(&mut f.count, "incident_count", 60.0),
                ));
                ui.end_row();
                note(labelled(
                    ui,
                    "Beskrivning (intern)",
                    text_field(&mut f.description, "incident_description", 180.0)
                        .hint_text("vad, utan namn"),
                ));
                ui.end_row();
            });
        let built = f.build(view.municipality);
        if let Err(e) = &built
            && !(f.place.is_empty() && f.description.is_empty())
        {
            error_line(ui, e);
        }
        let add = ui
            .add_enabled(
                built.is_ok(),
                egui::Button::new(RichText::new("Lägg till").strong()),
            )
            .on_hover_text("Enter i ett fält lägger också till");
        if (add.clicked() || enter)
            && let Ok(d) = built
        {
            out.push(SituationAction::Add(Box::new(d)).into());
        }
    }
}

impl SituationScreen {
    /// The kommun's indicators: values per year, which way they went, a value typed or
    /// read from a file; a new indicator linked to a löfte.
    fn indicators(
        &mut self,
        ui: &mut Ui,
        view: &SituationView,
        lofte: &[(CommitmentId, String)],
        today: NaiveDate,
        out: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Indikatorer").strong().size(18.0));
            if !self.indicator_form.open && ui.button("Ny indikator…").clicked() {
                self.indicator_form.open = true;
            }
        });
        if view.indicators.is_empty() && !self.indicator_form.open {
            ui.label(weak(
                "Trygghetsmätningens frågor, anmälda brott av ett slag eller något gruppen \
                 räknar själv, ett värde per år. En indikator kopplad till ett löfte syns i \
                 uppföljningen och på invånarsidan.",
            ));
        }
        if self.indicator_form.open {
            self.indicator_form_ui(ui, view.municipality, lofte, out);
        }
        for i in &view.indicators {
            indicator_row(ui, i, &mut self.typed_values, today, out);
        }
    }

    fn indicator_form_ui(
        &mut self,
        ui: &mut Ui,
        m: MunicipalityId,
        lofte: &[(CommitmentId, String)],
        out: &mut Vec<Action>,
    ) {
        let f = &mut self.indicator_form;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::Grid::new("indicator_form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    labelled(
                        ui,
                        "Namn",
                        text_field(&mut f.name, "ind_name", 360.0)
                            .hint_text("t.ex. Andelen som känner sig otrygga i centrum på kvällen"),
                    );
                    ui.end_row();
                    labelled(
                        ui,
                        "Enhet",
                        text_field(&mut f.unit, "ind_unit", 140.0).hint_text("t.ex. %"),
                    );
                    ui.end_row();
                    labelled(
                        ui,
                        "Källa",
                        text_field(&mut f.source, "ind_source", 260.0)
                            .hint_text("t.ex. Polisens trygghetsmätning"),
                    );
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut f.lower_is_better, "Lägre är bättre");
                    ui.end_row();
                    let l = ui.label("Mäter löftet");
                    let shown = f
                        .commitment
                        .and_then(|c| lofte.iter().find(|(id, _)| *id == c))
                        .map(|(_, t)| t.clone())
                        .unwrap_or_else(|| "Inget särskilt".into());
                    egui::ComboBox::from_id_salt("ind_lofte")
                        .selected_text(shown)
                        .width(360.0)
                        .truncate()
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut f.commitment, None, "Inget särskilt");
                            for (id, t) in lofte {
                                ui.selectable_value(&mut f.commitment, Some(*id), t);
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                });
            let built = f.build(m);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        built.is_ok(),
                        egui::Button::new(RichText::new("Spara").strong()),
                    )
                    .clicked()
                    && let Ok(d) = &built
                {
                    out.push(SituationAction::AddIndicator(Box::new(d.clone())).into());
                }
                if ui.button("Avbryt").clicked() {
                    *f = IndicatorForm::default();
                }
            });
        });
    }
}

/// One indicator: its values, its direction, and a year's value to type.
fn indicator_row(
    ui: &mut Ui,
    i: &Indicator,
    typed: &mut Vec<(IndicatorId, String, String)>,
    today: NaiveDate,
    out: &mut Vec<Action>,
) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&i.name).strong());
        let mut facts = Vec::new();
        if !i.source.is_empty() {
            facts.push(format!("källa: {}", i.source));
        }
        facts.push(
            if i.lower_is_better {
                "lägre är bättre"
            } else {
                "högre är bättre"
            }
            .into(),
        );
        ui.label(weak(facts.join(" · ")));
    });
    let all = i.words();
    let values = all
        .strip_prefix(&format!("{}: ", i.name))
        .unwrap_or(&all)
        .to_string();
    let words = match i.trend() {
        Some(t) => format!("{values} — {}", t.label()),
        None => values,
    };
    ui.label(words);
    let at = match typed.iter().position(|(id, _, _)| *id == i.id) {
        Some(at) => at,
        None => {
            use chrono::Datelike;
            typed.push((i.id, (today.year() - 1).to_string(), String::new()));
            typed.len() - 1
        }
    };
    let (_, year, value) = &mut typed[at];
    ui.horizontal(|ui| {
        labelled(ui, "År", text_field(year, ("ind_year", i.id.0), 60.0));
        let v = labelled(
            ui,
            "Värde",
            text_field(value, ("ind_value", i.id.0), 80.0).hint_text(i.unit.as_str()),
        );
        let parsed = parse_year(year).and_then(|y| parse_value(value).map(|v| (y, v)));
        let save = ui.add_enabled(parsed.is_ok(), egui::Button::new("Spara värde"));
        let enter = v.lost_focus() && ui_enter(&v);
        if (save.clicked() || enter)
            && let Ok((y, v)) = parsed
        {
            out.push(
                SituationAction::SetValue {
                    indicator: i.id,
                    year: y,
                    value: v,
                }
                .into(),
            );
        }
        if ui
            .button("Läs in värden (CSV)…")
            .on_hover_text("En fil med år och värde på varje rad, t.ex. 2022;31")
            .clicked()
        {
            out.push(SituationAction::ImportValues(i.id).into());
        }
        if !value.trim().is_empty()
            && let Err(e) = parsed
        {
            error_line(ui, e);
        }
    });
}

fn ui_enter(r: &egui::Response) -> bool {
    r.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// One row per name with the three counts and the change; places can be clicked.
fn compared_table(
    ui: &mut Ui,
    id: &str,
    first: &str,
    rows: &[Compared],
    clickable: bool,
) -> Option<String> {
    let mut clicked = None;
    let height = 26.0;
    ui.push_id(id, |ui| {
        TableBuilder::new(ui)
            .id_salt(id)
            .striped(true)
            .vscroll(false)
            .column(Column::remainder().at_least(160.0).clip(true))
            .columns(Column::exact(64.0), 2)
            .columns(Column::exact(96.0), 2)
            .header(height, |mut h| {
                for t in [first, "Antal", "Före", "Året innan", "Förändring"] {
                    h.col(|ui| {
                        ui.strong(t);
                    });
                }
            })
            .body(|body| {
                body.rows(height, rows.len(), |mut row| {
                    let r = &rows[row.index()];
                    row.col(|ui| {
                        if clickable {
                            if ui
                                .link(&r.name)
                                .on_hover_text("Visa platsens två år och insatserna där")
                                .clicked()
                            {
                                clicked = Some(r.name.clone());
                            }
                        } else {
                            ui.label(&r.name);
                        }
                    });
                    for n in [r.count, r.previous, r.year_before] {
                        row.col(|ui| {
                            ui.label(n.to_string());
                        });
                    }
                    row.col(|ui| {
                        let rise = r.rise();
                        let text = match rise {
                            0 => "±0".to_string(),
                            r if r > 0 => format!("+{r}"),
                            r => format!("−{}", r.unsigned_abs()),
                        };
                        let t = RichText::new(text);
                        ui.label(if rise > 0 {
                            t.strong().color(super::widgets::behind_text(ui))
                        } else {
                            t
                        });
                    });
                });
            });
    });
    clicked
}

/// A place's weeks over two years with its insatser marked, each insats with the
/// händelser before and after it; "Nytt beslut" names the place.
fn place_ui(ui: &mut Ui, line: &PlaceLine, out: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&line.name).strong().size(18.0));
        if ui
            .button("Nytt beslut om platsen…")
            .on_hover_text("Öppnar mötesläget med ett beslut som nämner platsen")
            .clicked()
        {
            out.push(MeetingAction::DecideAbout(line.name.clone()).into());
        }
        if ui.button("Stäng").clicked() {
            out.push(SituationAction::ShowPlace(None).into());
        }
    });
    let marks: Vec<usize> = line
        .insatser
        .iter()
        .filter_map(|i| usize::try_from((i.date - line.first_week).num_days() / 7).ok())
        .collect();
    let words = format!(
        "Händelser per vecka vid {} i två år: {} i allt; {} insatser där.",
        line.name,
        line.weeks.iter().sum::<u64>(),
        line.insatser.len()
    );
    bars(
        ui,
        &line.weeks,
        &marks,
        None,
        Vec2::new(ui.available_width().min(620.0), 60.0),
    )
    .on_hover_text(&words);
    ui.label(weak(
        "Staplar: händelser per vecka. Tvärstreck: insatser på platsen.",
    ));
    if line.insatser.is_empty() {
        ui.label(
            "Inga insatser med den platsen under de två åren. En insats räknas hit när dess \
             plats innehåller platsens namn.",
        );
    }
    for i in &line.insatser {
        ui.label(format!(
            "{}  {} ({} st): {}",
            i.date,
            if i.description.is_empty() {
                "Insats"
            } else {
                &i.description
            },
            i.count,
            i.words()
        ));
    }
}

/// The händelser list of the window, newest first, each removable (Ångra in the toast).
fn incident_list(ui: &mut Ui, view: &SituationView, out: &mut Vec<Action>) {
    ui.label(RichText::new(format!("Händelser i perioden ({})", view.incidents.len())).strong());
    for i in view.incidents.iter().take(200) {
        ui.horizontal_wrapped(|ui| {
            let when = match i.time {
                Some(t) => format!("{} {}", i.date, t.format("%H:%M")),
                None => i.date.to_string(),
            };
            let place = crate::domain::situation::place_name(&i.area, &i.place);
            let text = format!(
                "{when}  {}  {place}{}",
                view.category_name(i.category),
                if i.count > 1 {
                    format!(" ({} st)", i.count)
                } else {
                    String::new()
                }
            );
            let r = ui.label(text);
            if !i.source.is_empty() || !i.description.is_empty() {
                r.on_hover_text(format!("Internt — {} {}", i.source, i.description));
            }
            let what = format!("Ta bort händelsen {when} vid {place}");
            let b = ui.small_button("Ta bort");
            // A screen reader says which one, not "Ta bort" thirty times.
            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, what.as_str()));
            if b.on_hover_text(&what).clicked() {
                out.push(SituationAction::Remove(i.id).into());
            }
        });
    }
    if view.incidents.len() > 200 {
        ui.label(weak(format!(
            "… och {} till. Välj en kortare period för att se dem.",
            view.incidents.len() - 200
        )));
    }
}

/// A kategori's 24 months as small bars, the window's months lighter; says its words.
pub fn month_bars(ui: &mut Ui, s: &MonthSeries, window: Window, size: Vec2) -> egui::Response {
    let lit: Vec<usize> = (0..s.counts.len())
        .filter(|i| {
            let first = s.first + chrono::Months::new(*i as u32);
            first <= window.to && first + chrono::Months::new(1) > window.from
        })
        .collect();
    let words = series_words(s);
    let r = bars(ui, &s.counts, &[], Some(&lit), size);
    // A screen reader gets the same words as the hover.
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &words));
    r.on_hover_text(words)
}

/// Bars scaled to the highest, with marks (a line above a bar) and lit bars.
fn bars(
    ui: &mut Ui,
    values: &[u64],
    marks: &[usize],
    lit: Option<&[usize]>,
    size: Vec2,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) || values.is_empty() {
        return response;
    }
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let top = values.iter().copied().max().unwrap_or(0).max(1) as f32;
    let w = rect.width() / values.len() as f32;
    let base = super::widgets::status_color(crate::domain::Status::InProgress);
    let light = super::widgets::behind_text(ui);
    for (i, v) in values.iter().enumerate() {
        let h = (rect.height() - 4.0) * *v as f32 / top;
        let x = rect.left() + w * i as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(x + 0.5, rect.bottom() - h),
            egui::pos2(x + w - 0.5, rect.bottom()),
        );
        let colour = if lit.is_some_and(|l| l.contains(&i)) {
            light
        } else {
            base
        };
        painter.rect_filled(bar, 0.0, colour);
    }
    // Marks in the text colour: the bars are blue and orange already.
    let mark = ui.visuals().strong_text_color();
    for i in marks.iter().filter(|i| **i < values.len()) {
        let x = rect.left() + w * (*i as f32 + 0.5);
        painter.line_segment(
            [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
            egui::Stroke::new(2.0, mark),
        );
    }
    response
}
