//! Trygghetsvandringar of a kommun: the list, one walk's observations, quick entry.

use super::forms::{FormOutcome, error_line, labelled, responsible_and_deadline, text_field};
use super::widgets::{cell_text, clickable_text, weak, wrapped_row_height};
use super::{Action, WalkAction as A};
use crate::domain::{
    Observation, ObservationCategory, ObservationId, ObservationStatus, SafetyWalk, WalkSummary,
};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

pub use super::walk_state::{ObservationDraft, PendingStatus, WalkAction, WalksScreen, WalksState};

impl WalksScreen {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        walks: &[WalkSummary],
        observations: &[Observation],
        extras: &WalkExtras,
        today: NaiveDate,
    ) -> Vec<Action> {
        let actions = match &mut self.form {
            Some(form) => match form.ui(ui, today) {
                Some(FormOutcome::Save(w)) => vec![A::Save(Box::new(w))],
                Some(FormOutcome::Cancel) => {
                    self.close_form();
                    Vec::new()
                }
                None => Vec::new(),
            },
            None => WalksView {
                walks,
                observations,
                extras,
                state: &mut self.state,
                today,
            }
            .ui(ui),
        };
        actions.into_iter().map(Action::Walk).collect()
    }
}

/// What the walk view shows beside the walk's own observations.
pub struct WalkExtras<'a> {
    /// Photos per observation, and the photos of the observation shown in full.
    pub counts: &'a std::collections::HashMap<ObservationId, usize>,
    pub shown: &'a [crate::domain::PhotoView],
    /// The löfte the selected walk counts towards.
    pub commitment: Option<&'a str>,
    /// A return walk: the earlier walk's date and its åtgärder (the checklist).
    pub revisited: Option<(NaiveDate, &'a [Observation])>,
}

struct WalksView<'a> {
    walks: &'a [WalkSummary],
    observations: &'a [Observation],
    extras: &'a WalkExtras<'a>,
    state: &'a mut WalksState,
    today: NaiveDate,
}

impl WalksView<'_> {
    fn ui(&mut self, ui: &mut Ui) -> Vec<WalkAction> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            ui.heading("Trygghetsvandringar");
            if ui.button("Ny trygghetsvandring").clicked() {
                actions.push(A::New);
            }
        });
        if self.walks.is_empty() {
            ui.add_space(10.0);
            ui.label("Inga trygghetsvandringar ännu — tryck Ny trygghetsvandring.");
            return actions;
        }
        let selected = self
            .state
            .selected
            .and_then(|id| self.walks.iter().find(|w| w.walk.id == id))
            .map(|w| w.walk.clone());
        // The entry row stays at the bottom of the window, whatever the number of walks
        // and observations above it; everything else scrolls as one.
        if let Some(w) = &selected {
            egui::Panel::bottom("walk_entry")
                .resizable(false)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    self.quick_entry(ui, w, &mut actions);
                    ui.add_space(4.0);
                });
        }
        egui::ScrollArea::vertical()
            .id_salt("walk_scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                self.list(ui, &mut actions);
                ui.separator();
                match &selected {
                    Some(w) => self.walk_detail(ui, w, &mut actions),
                    None => {
                        ui.label(weak(
                            "Välj en vandring i listan för att se och skriva in iakttagelser.",
                        ));
                    }
                }
            });
        actions
    }

    fn list(&mut self, ui: &mut Ui, actions: &mut Vec<WalkAction>) {
        ui.push_id("walk_list", |ui| {
            ui.style_mut().interaction.selectable_labels = false;
            TableBuilder::new(ui)
                .id_salt("walks")
                .striped(true)
                // Any cell selects with the mouse; the keyboard stops once per walk.
                .sense(egui::Sense::CLICK)
                .vscroll(false)
                .column(Column::exact(175.0))
                .column(Column::remainder().at_least(160.0).clip(true))
                .column(Column::exact(90.0))
                .column(Column::exact(130.0))
                .column(Column::exact(80.0))
                .header(24.0, |mut h| {
                    for t in ["Datum", "Område / sträcka", "Ljus", "Iakttagelser", "Öppna"] {
                        h.col(|ui| {
                            ui.label(RichText::new(t).strong());
                        });
                    }
                })
                .body(|mut body| {
                    for w in self.walks {
                        body.row(28.0, |mut r| {
                            let selected = self.state.selected == Some(w.walk.id);
                            r.set_selected(selected);
                            let mut picked = false;
                            r.col(|ui| {
                                let date = if w.walk.date > self.today {
                                    format!("{} planerad", w.walk.date)
                                } else {
                                    w.walk.date.to_string()
                                };
                                let stop = ui.add(egui::Label::new(date.as_str()).sense(egui::Sense::click()));
                                stop.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::Row,
                                        true,
                                        selected,
                                        format!(
                                            "Trygghetsvandring {}, {}, {}: {} iakttagelser, {} öppna",
                                            date,
                                            w.walk.area,
                                            w.walk.time_of_day.label(),
                                            w.observations,
                                            w.open
                                        ),
                                    )
                                });
                                picked = stop.clicked();
                            });
                            r.col(|ui| {
                                ui.label(&w.walk.area);
                            });
                            r.col(|ui| {
                                ui.label(w.walk.time_of_day.label());
                            });
                            r.col(|ui| {
                                ui.label(w.observations.to_string());
                            });
                            r.col(|ui| {
                                ui.label(w.open.to_string());
                            });
                            if picked || r.response().clicked() {
                                actions.push(A::Select(Some(w.walk.id)));
                            }
                        });
                    }
                });
        });
    }

    fn walk_detail(&mut self, ui: &mut Ui, w: &SafetyWalk, actions: &mut Vec<WalkAction>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} · {} · {}",
                    w.date,
                    w.area,
                    w.time_of_day.label()
                ))
                .size(19.0)
                .strong(),
            );
            if ui.button("Ändra vandring").clicked() {
                actions.push(A::Edit(w.id));
            }
            if ui.button("Protokoll (PDF)…").clicked() {
                actions.push(A::OpenProtocol(w.id));
            }
            if ui
                .button("Planera återbesök…")
                .on_hover_text("En ny vandring på samma sträcka som går igenom de öppna åtgärderna")
                .clicked()
            {
                actions.push(A::Revisit(w.id));
            }
            if self.state.confirm_delete == Some(w.id) {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "Ta bort vandringen och dess {} iakttagelser?",
                        self.observations.len()
                    ),
                );
                if ui.button("Ja, ta bort").clicked() {
                    self.state.confirm_delete = None;
                    actions.push(A::Delete(w.id));
                }
                if ui.button("Behåll").clicked() {
                    self.state.confirm_delete = None;
                }
            } else if ui.button("Ta bort vandring").clicked() {
                self.state.confirm_delete = Some(w.id);
            }
        });
        let orgs = if w.organisations.is_empty() {
            "–".to_string()
        } else {
            w.organisations.join(", ")
        };
        if w.date > self.today {
            ui.label(weak(
                "Planerad vandring: den räknas när den har gått. Skriv in deltagare och \
                 iakttagelser då.",
            ));
        } else {
            ui.label(format!(
                "Deltagare: {} · Organisationer: {orgs}",
                w.participants
            ));
        }
        if let Some(c) = self.extras.commitment {
            ui.add(egui::Label::new(weak(format!("Räknas mot löftet: {c}"))).truncate())
                .on_hover_text(c);
        }
        if !w.notes.is_empty() {
            ui.label(weak(&w.notes));
        }
        if let Some((date, earlier)) = self.extras.revisited {
            revisit_checklist(ui, date, earlier, actions);
        }
        ui.add_space(6.0);
        self.observation_table(ui, actions);
        self.pending_ui(ui, actions);
        let shown = self
            .state
            .observation
            .and_then(|id| self.observations.iter().find(|o| o.id == id));
        if let Some(o) = shown {
            ui.add_space(6.0);
            // A card that just opened is brought into view (it is below the table).
            if self.state.card_in_view != Some(o.id) {
                self.state.card_in_view = Some(o.id);
                ui.scroll_to_cursor(Some(egui::Align::TOP));
            }
            let editing = self.state.editing.as_ref().is_some_and(|e| e.id == o.id);
            let offered = self
                .state
                .photo_position
                .filter(|(id, _)| *id == o.id)
                .map(|(_, p)| p);
            let photos = super::observation_card::CardPhotos {
                shown: self.extras.shown,
                enlarged: &mut self.state.enlarged,
                offered_position: offered,
                path: &mut self.state.photo_path,
            };
            actions.extend(super::observation_card::card(
                ui, o, self.today, editing, photos,
            ));
            actions.extend(super::observation_card::enlarged_window(
                ui.ctx(),
                self.extras.shown,
                &mut self.state.enlarged,
            ));
        } else {
            self.state.card_in_view = None;
        }
    }

    fn observation_table(&mut self, ui: &mut Ui, actions: &mut Vec<WalkAction>) {
        if self.observations.is_empty() {
            ui.label(weak("Inga iakttagelser ännu — skriv in dem i raden nedan."));
            return;
        }
        let today = self.today;
        ui.push_id("obs_table", |ui| {
            ui.style_mut().interaction.selectable_labels = false;
            observation_columns(TableBuilder::new(ui))
                .header(24.0, |mut h| {
                    for t in [
                        "Plats",
                        "Kategori",
                        "Beskrivning",
                        "Åtgärd",
                        "Ansvarig",
                        "Senast",
                        "Foton",
                        "Status",
                    ] {
                        h.col(|ui| {
                            ui.label(RichText::new(t).strong());
                        });
                    }
                })
                .body(|mut body| {
                    let widths = body.widths().to_vec();
                    for o in self.observations {
                        let texts = [
                            (0, o.place.as_str()),
                            (2, o.description.as_str()),
                            (3, o.measure.as_str()),
                            (4, o.responsible.as_str()),
                        ];
                        let height = wrapped_row_height(body.ui_mut(), &widths, &texts, 30.0);
                        body.row(height, |mut r| {
                            let shown = self.state.observation == Some(o.id);
                            r.set_selected(shown);
                            // Place and description open the card (the status combo keeps
                            // its own clicks, so the row as a whole is not clickable).
                            let mut clicked = false;
                            r.col(|ui| {
                                // One Tab stop per observation, read as the whole of it.
                                let l = clickable_text(ui, &o.place)
                                    .on_hover_text("Klicka för att se allt, med foton");
                                l.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::Row,
                                        true,
                                        shown,
                                        observation_name(o),
                                    )
                                });
                                clicked |= l.clicked();
                            });
                            r.col(|ui| {
                                ui.label(o.category.label());
                            });
                            r.col(|ui| {
                                // Clicks with the mouse; the place is the keyboard's stop.
                                let l = egui::Label::new(o.description.as_str())
                                    .wrap()
                                    .sense(egui::Sense::CLICK);
                                clicked |= ui.add(l).clicked();
                            });
                            r.col(|ui| {
                                cell_text(ui, &o.measure);
                            });
                            r.col(|ui| {
                                cell_text(ui, &o.responsible);
                            });
                            r.col(|ui| {
                                if !o.positive {
                                    super::widgets::deadline_label(ui, o, today);
                                }
                            });
                            r.col(|ui| {
                                match self.extras.counts.get(&o.id) {
                                    Some(n) => ui.label(n.to_string()),
                                    None => ui.label(weak("–")),
                                };
                            });
                            r.col(|ui| {
                                if o.positive {
                                    ui.label(RichText::new("Upplevs tryggt").color(
                                        super::widgets::status_color(crate::domain::Status::Done),
                                    ));
                                } else if let Some(a) =
                                    status_picker(ui, o, &mut self.state.pending)
                                {
                                    actions.push(a);
                                }
                            });
                            if clicked {
                                actions.push(A::SelectObservation((!shown).then_some(o.id)));
                            }
                        });
                    }
                });
        });
    }

    fn pending_ui(&mut self, ui: &mut Ui, actions: &mut Vec<WalkAction>) {
        if let Some(a) = pending_reason_ui(ui, &mut self.state.pending, self.observations) {
            actions.push(a);
        }
    }

    fn quick_entry(&mut self, ui: &mut Ui, walk: &SafetyWalk, actions: &mut Vec<WalkAction>) {
        let editing = self.state.editing.clone();
        ui.label(
            RichText::new(match &editing {
                Some(o) => format!("Ändra iakttagelse: {}", o.place),
                None => "Ny iakttagelse".into(),
            })
            .strong(),
        );
        let mut cancel = false;
        let d = &mut self.state.draft;
        let mut fields: Vec<egui::Response> = Vec::new();
        ui.horizontal_wrapped(|ui| {
            fields.push(labelled(
                ui,
                "Plats",
                text_field(&mut d.place, "o_place", 150.0),
            ));
            ui.horizontal(|ui| {
                let l = ui.label("Kategori");
                egui::ComboBox::from_id_salt("o_category")
                    .selected_text(d.category.label())
                    .show_ui(ui, |ui| {
                        for c in ObservationCategory::ALL {
                            ui.selectable_value(&mut d.category, c, c.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            fields.push(labelled(
                ui,
                "Beskrivning",
                text_field(&mut d.description, "o_desc", 220.0),
            ));
            ui.checkbox(&mut d.positive, "Upplevs tryggt (ingen åtgärd)");
            if !d.positive {
                fields.push(labelled(
                    ui,
                    "Åtgärd",
                    text_field(&mut d.measure, "o_measure", 180.0),
                ));
                fields.extend(responsible_and_deadline(
                    ui,
                    (&mut d.responsible, &mut d.deadline),
                    "o",
                    (190.0, "förvaltning, bolag…"),
                ));
            }
            fields.push(labelled(
                ui,
                "Position",
                text_field(&mut d.position, "o_position", 170.0).hint_text("56.0512, 14.5853"),
            ));
        });
        let built = match &editing {
            Some(o) => d.apply_to(o, walk.date),
            None => d.build(walk.id, walk.date, self.today),
        };
        // Enter in one of the row's fields adds (or saves) the row.
        let enter =
            ui.input(|i| i.key_pressed(egui::Key::Enter)) && fields.iter().any(|f| f.lost_focus());
        ui.horizontal(|ui| {
            let label = if editing.is_some() {
                "Spara ändringen"
            } else {
                "Lägg till iakttagelse"
            };
            let add = ui.add_enabled(built.is_ok(), egui::Button::new(label));
            if (add.clicked() || (enter && built.is_ok()))
                && let Ok(o) = &built
            {
                actions.push(match editing {
                    Some(_) => A::UpdateObservation(Box::new(o.clone())),
                    None => A::AddObservation(Box::new(o.clone())),
                });
                if let Some(first) = fields.first() {
                    ui.memory_mut(|m| m.request_focus(first.id));
                }
                // Keep the category and ansvarig for the next row; clear the rest.
                let keep = (d.category, d.responsible.clone());
                *d = ObservationDraft {
                    category: keep.0,
                    responsible: keep.1,
                    ..Default::default()
                };
            }
            cancel = editing.is_some() && ui.button("Avbryt").clicked();
            ui.label(weak(if editing.is_some() {
                "Enter sparar ändringen"
            } else {
                "Enter lägger till raden"
            }));
        });
        // Messages only once something is typed.
        let typed = !(d.place.is_empty() && d.deadline.is_empty() && d.position.is_empty());
        if let Err(e) = built
            && typed
        {
            error_line(ui, e);
        }
        if cancel {
            // The row adds new observations again.
            self.state.cancel_edit();
        }
    }
}

/// A return walk's checklist: the earlier walk's åtgärder, each marked åtgärdad, delvis
/// or inte åtgärdad (the earlier observation's status, stamped with today).
fn revisit_checklist(
    ui: &mut Ui,
    date: NaiveDate,
    earlier: &[Observation],
    actions: &mut Vec<WalkAction>,
) {
    let fixed = earlier
        .iter()
        .filter(|o| o.status == ObservationStatus::Fixed)
        .count();
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "Återbesök: åtgärderna från vandringen {date} — {fixed} av {} åtgärdade",
                    earlier.len()
                ))
                .strong(),
            );
            for o in earlier {
                ui.horizontal_wrapped(|ui| {
                    let measure = if o.measure.is_empty() {
                        o.category.label()
                    } else {
                        o.measure.as_str()
                    };
                    ui.label(RichText::new(&o.place).strong());
                    ui.label(format!("{measure} · {}", o.responsible));
                    ui.label(RichText::new(o.status.label()).color(super::widgets::rgb(
                        crate::domain::palette::observation_status(o.status),
                    )));
                    for (status, text) in [
                        (ObservationStatus::Fixed, "Åtgärdat"),
                        (ObservationStatus::Ongoing, "Delvis"),
                        (ObservationStatus::New, "Inte åtgärdat"),
                    ] {
                        if ui
                            .add_enabled(o.status != status, egui::Button::new(text).small())
                            .clicked()
                        {
                            actions.push(A::SetObservationStatus {
                                id: o.id,
                                status,
                                reason: String::new(),
                            });
                        }
                    }
                });
            }
        });
}

/// A status combo for one observation. "Ej åtgärd" asks for a reason first.
pub fn status_picker(
    ui: &mut Ui,
    o: &Observation,
    pending: &mut Option<PendingStatus>,
) -> Option<WalkAction> {
    let mut chosen = o.status;
    let response = egui::ComboBox::from_id_salt(("obs_status", o.id.0))
        .selected_text(o.status.label())
        .show_ui(ui, |ui| {
            for s in ObservationStatus::ALL {
                ui.selectable_value(&mut chosen, s, s.label());
            }
        })
        .response;
    // Named by its place (the row's own stop reads the whole observation).
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(
            egui::Role::ComboBox,
            true,
            format!("Status för {}", o.place.trim()),
        );
        info.current_text_value = Some(o.status.label().to_string());
        info
    });
    response.on_hover_text(if o.status_reason.is_empty() {
        format!("Ändrad {}", o.updated_on)
    } else {
        format!("Ändrad {} — {}", o.updated_on, o.status_reason)
    });
    if chosen == o.status {
        return None;
    }
    if chosen == ObservationStatus::WontFix {
        *pending = Some(PendingStatus {
            observation: o.id,
            status: chosen,
            reason: String::new(),
        });
        return None;
    }
    Some(A::SetObservationStatus {
        id: o.id,
        status: chosen,
        reason: String::new(),
    })
}

/// The reason field for a pending "Ej åtgärd".
pub fn pending_reason_ui(
    ui: &mut Ui,
    pending: &mut Option<PendingStatus>,
    observations: &[Observation],
) -> Option<WalkAction> {
    let p = pending.as_mut()?;
    let place = observations
        .iter()
        .find(|o| o.id == p.observation)
        .map(|o| o.place.clone())
        .unwrap_or_default();
    let mut action = None;
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(format!("Ej åtgärd: {place}")).strong());
        labelled(
            ui,
            "Varför görs ingen åtgärd? (krävs)",
            text_field(&mut p.reason, "pending_reason", 400.0),
        );
        ui.horizontal(|ui| {
            let ok = !p.reason.trim().is_empty();
            if ui
                .add_enabled(ok, egui::Button::new("Spara status"))
                .clicked()
            {
                action = Some(A::SetObservationStatus {
                    id: p.observation,
                    status: p.status,
                    reason: p.reason.trim().to_string(),
                });
                close = true;
            }
            if ui.button("Avbryt").clicked() {
                close = true;
            }
        });
    });
    if close {
        *pending = None;
    }
    action
}

/// What a screen reader says of an observation: "Iakttagelse Tunneln: Belysning,
/// upplevs otryggt. Trasig lampa. Åtgärd: Byt armatur (Gatuavdelningen). Status: Ny".
pub fn observation_name(o: &crate::domain::Observation) -> String {
    let mut name = format!("Iakttagelse {}: {}", o.place.trim(), o.category.label());
    name.push_str(if o.positive {
        ", upplevs tryggt"
    } else {
        ", upplevs otryggt"
    });
    if !o.description.trim().is_empty() {
        name.push_str(&format!(". {}", o.description.trim()));
    }
    if !o.positive {
        if !o.measure.trim().is_empty() {
            name.push_str(&format!(". Åtgärd: {}", o.measure.trim()));
            if !o.responsible.trim().is_empty() {
                name.push_str(&format!(" ({})", o.responsible.trim()));
            }
        }
        if let Some(d) = o.deadline {
            name.push_str(&format!(". Senast {d}"));
        }
        name.push_str(&format!(". Status: {}", o.status.label()));
    }
    name
}

/// The observation table's columns: rows grow to show whole texts. None is a resize
/// handle: a handle is a Tab stop that keys cannot use.
fn observation_columns(t: TableBuilder<'_>) -> TableBuilder<'_> {
    t.id_salt("observations")
        .striped(true)
        .vscroll(false)
        // Rows grow to show whole texts; Ansvarig is wide enough for one
        // förvaltning's name ("Kollektivtrafiken") on a line at 1280 points.
        .column(Column::initial(115.0).at_least(80.0).clip(true))
        .column(Column::exact(100.0))
        .column(Column::remainder().at_least(150.0).clip(true))
        .column(Column::initial(120.0).at_least(80.0).clip(true))
        .column(Column::initial(135.0).at_least(70.0).clip(true))
        .column(Column::exact(170.0))
        .column(Column::exact(50.0))
        .column(Column::exact(125.0))
}
