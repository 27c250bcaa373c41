//! Mötesläge: the lägesbildsmöte on a projector. Full screen, no side panel, large type,
//! and an agenda built from the data, one page per step: ←/→ (or PgUp/PgDn) move, Esc
//! leaves. Nothing here shows an internal note: the data it gets has none.

use super::Action;
use super::forms::{error_of, labelled, responsible_and_deadline, text_area, text_field};
use super::widgets::{party_chip, plus_one, status_chip, weak};
use crate::domain::{
    BoardData, CommitmentId, Decision, DecisionStatus, MeetingData, MeetingId, week_label,
};
use crate::summary::{BoardSummary, CommitmentRow, expected_now};
use crate::validate::check_text;
use chrono::NaiveDate;
use egui::{RichText, Ui};

pub use super::meeting_state::{DecisionDraft, MeetingAction, MeetingScreen, Step};

/// What the meeting pages draw from: the meeting's records and, beside each of its
/// boards (`data.boards`), that board's summary.
pub struct MeetingView<'a> {
    pub data: &'a MeetingData,
    pub summaries: &'a [BoardSummary],
    pub today: NaiveDate,
}

impl MeetingView<'_> {
    /// Each board with its summary.
    fn boards(&self) -> impl Iterator<Item = (&BoardData, &BoardSummary)> {
        self.data.boards.iter().zip(self.summaries)
    }

    /// "Bromölla: " before a line of a joint meeting; nothing for a kommun's own.
    fn kommun_prefix(&self, kommun: &str) -> String {
        if self.data.joint() {
            format!("{kommun}: ")
        } else {
            String::new()
        }
    }
}

/// Text sizes for a room: readable from the back.
const BIG: f32 = 26.0;
const TEXT: f32 = 21.0;
/// The löften's own texts on the Tavlan page: whole, wrapped, at least eight of a kommun's
/// löften on a 1280×720 projector.
const BOARD_TEXT: f32 = 17.0;
/// The status and mål column at the right of the Tavlan page.
const BOARD_RIGHT: f32 = 295.0;

/// One löfte on the Tavlan page: party, whole text (click: new insats), and at the right
/// the status and one line per mål ("2/4 uppstartsmöten · Polisen" and its +1).
fn board_row(
    ui: &mut Ui,
    row: &crate::summary::CommitmentRow,
    period: crate::domain::Period,
    today: NaiveDate,
) -> (Vec<super::BoardAction>, bool) {
    let mut plus = Vec::new();
    let mut clicked = false;
    let c = &row.commitment;
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 3))
        .corner_radius(6.0)
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            let full = ui.available_width();
            ui.horizontal_top(|ui| {
                party_chip(ui, c.party);
                let text_w =
                    (full - 110.0 - BOARD_RIGHT - 3.0 * ui.spacing().item_spacing.x).max(200.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(text_w, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(text_w);
                        let r = ui.add(
                            egui::Label::new(RichText::new(&c.text).size(BOARD_TEXT))
                                .wrap()
                                .sense(egui::Sense::click()),
                        );
                        // One named stop per löfte; "+" records as its +1.
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                super::widgets::row_name(row),
                            )
                        });
                        plus.extend(super::widgets::plus_key(ui, &r, row, period, today));
                        clicked = r
                            .on_hover_text(
                                "Registrera en insats med detaljer (Enter); + en insats i dag",
                            )
                            .clicked();
                    },
                );
                ui.allocate_ui_with_layout(
                    egui::vec2(BOARD_RIGHT, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(BOARD_RIGHT);
                        let several = row.targets.len() > 1;
                        ui.horizontal(|ui| {
                            status_chip(ui, row.status);
                            match row.targets.as_slice() {
                                [t] => {
                                    target_figure(ui, t);
                                    plus.extend(plus_one(ui, c, &t.target, period, today, true));
                                }
                                [] => {
                                    let done = if c.checked_on.is_some() {
                                        "Klar"
                                    } else {
                                        "–"
                                    };
                                    ui.label(RichText::new(done).size(BOARD_TEXT).strong());
                                }
                                _ => {}
                            }
                        });
                        if several {
                            for t in &row.targets {
                                ui.horizontal_wrapped(|ui| {
                                    target_figure(ui, t);
                                    ui.label(RichText::new(t.target.name()).size(15.0));
                                    plus.extend(plus_one(ui, c, &t.target, period, today, false));
                                });
                            }
                        }
                    },
                );
            });
        });
    (plus, clicked)
}

/// "2/4" for one mål, strong.
fn target_figure(ui: &mut Ui, t: &crate::summary::TargetLine) {
    ui.label(
        RichText::new(format!("{}/{}", t.progress.done, t.progress.goal))
            .size(BOARD_TEXT)
            .strong(),
    );
}

impl MeetingScreen {
    /// The agenda strip across the top: kommun, steps, leave.
    pub fn top(&mut self, ui: &mut Ui, kommun: &str) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("Lägesbildsmöte {kommun}"))
                    .size(BIG)
                    .strong(),
            );
            ui.separator();
            for (i, s) in Step::ALL.into_iter().enumerate() {
                let text = RichText::new(format!("{} {}", i + 1, s.title())).size(TEXT);
                if ui.selectable_label(self.step == s, text).clicked() {
                    self.show(s);
                }
            }
            ui.separator();
            if ui
                .button(RichText::new("Avsluta (Esc)").size(TEXT))
                .clicked()
            {
                actions.push(MeetingAction::Leave.into());
            }
        });
        ui.label(weak("Vänster/höger pil eller PgUp/PgDn byter sida · upp/ned pil bläddrar · Esc avslutar").size(16.0));
        actions
    }

    /// The page of the current step.
    pub fn page(&mut self, ui: &mut Ui, v: &MeetingView) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(self.step.title()).size(BIG + 4.0).strong());
            if self.step == Step::Board {
                ui.label(
                    RichText::new("Klicka på ett löfte för att registrera en insats med detaljer.")
                        .size(16.0),
                );
            }
        });
        ui.add_space(6.0);
        match self.step {
            Step::SinceLast => since_last(ui, v),
            Step::Situation => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.situation(ui, v));
            }
            Step::Behind => behind(ui, v, &mut actions),
            Step::Measures => self.measures(ui, v, &mut actions),
            Step::Board => self.board(ui, v, &mut actions),
            Step::Decisions => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.decisions(ui, v, &mut actions));
            }
        }
        actions
    }

    fn measures(&mut self, ui: &mut Ui, v: &MeetingView, actions: &mut Vec<Action>) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Öppna beslut från tidigare möten")
                        .size(TEXT)
                        .strong(),
                );
                if v.data.carried.is_empty() {
                    ui.label(weak("Inga öppna beslut.").size(TEXT));
                }
                for d in &v.data.carried {
                    self.carried_line(ui, v, d, actions);
                }
                ui.add_space(12.0);
                let overdue = v
                    .data
                    .open_items
                    .iter()
                    .filter(|(_, i)| i.observation.deadline.is_some_and(|d| d < v.today))
                    .count();
                ui.label(
                    RichText::new(format!(
                        "Åtgärder från trygghetsvandringar: {} öppna, {overdue} försenade",
                        v.data.open_items.len()
                    ))
                    .size(TEXT)
                    .strong(),
                );
                for (kommun, i) in &v.data.open_items {
                    let o = &i.observation;
                    let late = o.deadline.is_some_and(|d| d < v.today);
                    let deadline = o
                        .deadline
                        .map(|d| format!("senast {d}"))
                        .unwrap_or_default();
                    let text = format!(
                        "{}{} — {} · {} {deadline}",
                        v.kommun_prefix(kommun),
                        o.place,
                        if o.measure.is_empty() {
                            &o.description
                        } else {
                            &o.measure
                        },
                        if o.responsible.is_empty() {
                            "–"
                        } else {
                            &o.responsible
                        },
                    );
                    let line = RichText::new(text).size(TEXT);
                    ui.label(if late {
                        line.color(super::widgets::behind_text(ui)).strong()
                    } else {
                        line
                    });
                }
            });
    }

    fn carried_line(
        &mut self,
        ui: &mut Ui,
        v: &MeetingView,
        item: &crate::domain::DecisionItem,
        actions: &mut Vec<Action>,
    ) {
        let d = &item.decision;
        let held = item.meeting_date;
        ui.horizontal_wrapped(|ui| {
            let kommun = item
                .kommun()
                .map(|k| v.kommun_prefix(k))
                .unwrap_or_default();
            let mut text = format!("{kommun}{} ({held})", d.text);
            if !d.responsible.is_empty() {
                text.push_str(&format!(" · {}", d.responsible));
            }
            if let Some(dl) = d.deadline {
                text.push_str(&format!(" · senast {dl}"));
            }
            let overdue = d.is_overdue(v.today);
            if overdue {
                text.push_str(" · försenat");
            }
            let line = RichText::new(text).size(TEXT);
            if !d.is_open() {
                // Closed at this meeting: it stays in its place (the next line does not
                // move under the pointer), and the toast's Ångra opens it again.
                ui.label(line.strikethrough().weak());
                ui.label(
                    RichText::new(format!("{} i dag", d.status.label()))
                        .size(TEXT)
                        .strong(),
                );
                return;
            }
            ui.label(if overdue {
                line.color(super::widgets::behind_text(ui)).strong()
            } else {
                line
            });
            if ui.button("Klar").clicked() {
                actions.push(
                    MeetingAction::SetDecisionStatus {
                        id: d.id,
                        status: DecisionStatus::Done,
                        reason: String::new(),
                    }
                    .into(),
                );
            }
            if ui.button("Stryk…").clicked() {
                self.striking = Some((d.id, String::new()));
            }
            if ui.button("Ändra").clicked() {
                self.edit(d);
                self.show(Step::Decisions);
            }
        });
        if let Some(l) = &item.lofte {
            ui.label(weak(format!("Löfte: {}{}", v.kommun_prefix(&l.kommun), l.text)).size(17.0));
        }
        if let Some((id, reason)) = &mut self.striking
            && *id == d.id
        {
            ui.horizontal(|ui| {
                labelled(
                    ui,
                    "Varför stryks beslutet?",
                    text_field(reason, "strike_reason", 360.0),
                );
                let ok = !reason.trim().is_empty();
                if ui.add_enabled(ok, egui::Button::new("Stryk")).clicked() {
                    actions.push(
                        MeetingAction::SetDecisionStatus {
                            id: d.id,
                            status: DecisionStatus::Struck,
                            reason: reason.trim().to_string(),
                        }
                        .into(),
                    );
                }
            });
        }
    }

    /// Loads beslut `d` into the form for changing it.
    fn edit(&mut self, d: &Decision) {
        self.draft = DecisionDraft::of(d);
        self.editing = Some(d.clone());
    }

    /// The whole board for a projector: under each avsnitt's heading every löfte with its
    /// whole text, its status and each mål's progress with its party and its own +1. A
    /// click on a löfte's text opens the insats form for it.
    fn board(&mut self, ui: &mut Ui, v: &MeetingView, actions: &mut Vec<Action>) {
        let scroll = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .vertical_scroll_offset(self.board_scroll)
            .show(ui, |ui| {
                // Tight rows: the room sees as many whole löften as fit.
                ui.spacing_mut().item_spacing.y = 3.0;
                for (board, summary) in v.boards() {
                    if v.data.joint() {
                        ui.label(
                            RichText::new(&board.municipality.name)
                                .size(TEXT + 2.0)
                                .strong(),
                        );
                    }
                    let period = board.pledge.period;
                    let mut section = None;
                    for row in &summary.rows {
                        if section != Some(&row.section_title) {
                            section = Some(&row.section_title);
                            ui.add_space(2.0);
                            ui.label(
                                RichText::new(&row.section_title)
                                    .size(BOARD_TEXT + 2.0)
                                    .strong(),
                            );
                        }
                        let (plus, clicked) = board_row(ui, row, period, v.today);
                        actions.extend(plus.into_iter().map(Action::Board));
                        if clicked {
                            actions.push(super::BoardAction::NewActivity(row.commitment.id).into());
                        }
                    }
                }
            });
        self.board_scroll = scroll.state.clamped_offset().y;
    }

    fn decisions(&mut self, ui: &mut Ui, v: &MeetingView, actions: &mut Vec<Action>) {
        let meeting = v
            .data
            .current
            .as_ref()
            .map(|m| m.id)
            .unwrap_or(MeetingId::NEW);
        let heading = if self.editing.is_some() {
            "Ändra beslut"
        } else {
            "Nytt beslut"
        };
        ui.label(RichText::new(heading).size(TEXT).strong());
        let d = &mut self.draft;
        let mut fields = Vec::new();
        ui.horizontal_wrapped(|ui| {
            fields.push(labelled(
                ui,
                "Beslut",
                text_field(&mut d.text, "m_text", 420.0),
            ));
            fields.extend(responsible_and_deadline(
                ui,
                (&mut d.responsible, &mut d.deadline),
                "m",
                (220.0, "organisation eller roll"),
            ));
        });
        ui.horizontal(|ui| {
            let choices: Vec<(CommitmentId, String)> = v
                .data
                .boards
                .iter()
                .flat_map(|b| {
                    b.commitments.iter().map(|c| {
                        let text = format!("{}{}", v.kommun_prefix(&b.municipality.name), c.text);
                        (c.id, crate::validate::clip_words(&text, 80))
                    })
                })
                .collect();
            let l = ui.label("Gäller löfte");
            let shown = d
                .commitment
                .and_then(|c| choices.iter().find(|(id, _)| *id == c))
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| "Inget särskilt".into());
            egui::ComboBox::from_id_salt("m_commitment")
                .selected_text(shown)
                .width(520.0)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut d.commitment, None, "Inget särskilt");
                    for (id, text) in choices {
                        ui.selectable_value(&mut d.commitment, Some(id), text);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let built = match &self.editing {
            Some(e) => d.apply_to(e),
            None => d.build(meeting),
        };
        let enter =
            ui.input(|i| i.key_pressed(egui::Key::Enter)) && fields.iter().any(|f| f.lost_focus());
        let editing = self.editing.is_some();
        ui.horizontal(|ui| {
            let label = if editing {
                "Spara ändringen"
            } else {
                "Lägg till beslut"
            };
            let add = ui.add_enabled(built.is_ok(), egui::Button::new(label));
            if (add.clicked() || (enter && built.is_ok()))
                && let Ok(b) = &built
            {
                actions.push(if editing {
                    MeetingAction::UpdateDecision(Box::new(b.clone())).into()
                } else {
                    MeetingAction::AddDecision(Box::new(b.clone())).into()
                });
                *d = DecisionDraft::default();
                self.editing = None;
                if let Some(first) = fields.first() {
                    ui.memory_mut(|m| m.request_focus(first.id));
                }
            }
            if editing && ui.button("Avbryt").clicked() {
                *d = DecisionDraft::default();
                self.editing = None;
            }
            ui.label(weak(if editing {
                "Enter sparar ändringen"
            } else {
                "Enter lägger till beslutet"
            }));
        });
        if !d.text.is_empty() || !d.deadline.is_empty() {
            error_of(ui, &built);
        }
        self.todays(ui, v, actions);
    }

    /// Today's beslut, the participants and the lägesbild, and the earlier meetings.
    fn todays(&mut self, ui: &mut Ui, v: &MeetingView, actions: &mut Vec<Action>) {
        ui.add_space(8.0);
        ui.label(RichText::new("Dagens beslut").size(TEXT).strong());
        if v.data.current_decisions.is_empty() {
            ui.label(weak("Inga beslut ännu.").size(TEXT));
        }
        for b in &v.data.current_decisions {
            let mut text = format!("• {}", b.text);
            if !b.responsible.is_empty() {
                text.push_str(&format!(" — {}", b.responsible));
            }
            if let Some(dl) = b.deadline {
                text.push_str(&format!(", senast {dl}"));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(text).size(TEXT));
                if ui.small_button("Ändra").clicked() {
                    self.edit(b);
                }
                if ui.small_button("Ta bort").clicked() {
                    actions.push(MeetingAction::DeleteDecision(b.id).into());
                }
            });
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Deltagare och lägesbild").size(TEXT).strong());
        ui.horizontal_top(|ui| {
            labelled(
                ui,
                "Deltagare",
                text_area(&mut self.participants, "m_participants", 260.0, 3)
                    .hint_text("en organisation eller roll per rad"),
            );
            labelled(
                ui,
                "Lägesbild",
                text_area(&mut self.notes, "m_notes", 520.0, 3),
            );
        });
        let notes = check_text("Lägesbild", &self.notes, false, true);
        error_of(ui, &notes);
        ui.horizontal(|ui| {
            let save = egui::Button::new("Spara deltagare och lägesbild");
            if ui.add_enabled(notes.is_ok(), save).clicked() {
                actions.push(
                    MeetingAction::SaveNotes {
                        participants: self.participants.lines().map(String::from).collect(),
                        notes: self.notes.clone(),
                    }
                    .into(),
                );
            }
            let recorded = v.data.current.as_ref().map(|m| m.id);
            let pdf = egui::Button::new("Minnesanteckningar (PDF)…");
            if ui
                .add_enabled(recorded.is_some(), pdf)
                .on_disabled_hover_text("Spara ett beslut eller anteckningarna först")
                .clicked()
                && let Some(id) = recorded
            {
                actions.push(super::ExportAction::OpenMinutes(id).into());
            }
        });
        past_meetings(ui, &v.data.past, actions);
    }
}

/// Earlier meetings, newest first, each with its minnesanteckningar at hand.
fn past_meetings(
    ui: &mut Ui,
    past: &[(crate::domain::Meeting, usize, usize)],
    actions: &mut Vec<Action>,
) {
    if past.is_empty() {
        return;
    }
    ui.add_space(8.0);
    egui::CollapsingHeader::new(
        RichText::new(format!("Tidigare möten ({})", past.len()))
            .size(TEXT)
            .strong(),
    )
    .id_salt("past_meetings")
    .show(ui, |ui| {
        for (m, taken, open) in past {
            ui.horizontal_wrapped(|ui| {
                let beslut = match (taken, open) {
                    (0, _) => "inga beslut".to_string(),
                    (1, 0) => "1 beslut".to_string(),
                    (t, 0) => format!("{t} beslut"),
                    (t, 1) => format!("{t} beslut, 1 öppet"),
                    (t, o) => format!("{t} beslut, {o} öppna"),
                };
                let who = if m.participants.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", m.participants.join(", "))
                };
                ui.label(RichText::new(format!("{} — {beslut}{who}", m.date)).size(TEXT));
                if ui.button("Minnesanteckningar (PDF)…").clicked() {
                    actions.push(super::ExportAction::OpenMinutes(m.id).into());
                }
            });
        }
    });
}

/// The insatser since the previous meeting: date, löfte, utförd av, plats, text.
impl MeetingScreen {
    /// The händelser since the previous meeting per kategori and place (rising places
    /// first), each kommun apart; a place's "Beslut" starts a beslut that names it.
    fn situation(&mut self, ui: &mut Ui, v: &MeetingView) {
        let Some((_, first)) = v.data.situations.first() else {
            ui.label(
                RichText::new(
                    "Inga händelser inrapporterade sedan förra mötet. Händelser läggs till \
                     under fliken Lägesbild.",
                )
                .size(TEXT),
            );
            return;
        };
        let w = first.window;
        ui.label(
            RichText::new(format!(
                "{} ({} dagar), jämfört med lika lång tid före och samma tid året innan.",
                w.describe(),
                w.days()
            ))
            .size(TEXT),
        );
        let text = |t: String| RichText::new(t).size(TEXT);
        for (kommun, s) in &v.data.situations {
            ui.add_space(8.0);
            if v.data.situations.len() > 1
                || matches!(v.data.group, Some(crate::domain::MeetingGroup::Area(_)))
            {
                ui.label(RichText::new(kommun).size(BIG).strong());
            }
            let mut decide = None;
            ui.columns(2, |cols| {
                cols[0].label(text("Platser som ökar mest".into()).strong());
                egui::Grid::new(("m_places", kommun))
                    .num_columns(4)
                    .striped(true)
                    .spacing([18.0, 6.0])
                    .show(&mut cols[0], |ui| {
                        for t in ["Plats", "Nu", "Före", ""] {
                            ui.label(text(t.into()).strong());
                        }
                        ui.end_row();
                        for p in s.places.iter().take(8) {
                            ui.label(text(p.name.clone()));
                            ui.label(text(p.count.to_string()).strong());
                            ui.label(text(p.previous.to_string()));
                            if ui
                                .button(RichText::new("Beslut…").size(16.0))
                                .on_hover_text(format!("Nytt beslut om {}", p.name))
                                .clicked()
                            {
                                decide = Some(p.name.clone());
                            }
                            ui.end_row();
                        }
                    });
                if s.places.len() > 8 {
                    cols[0].label(
                        weak(format!("… och {} platser till", s.places.len() - 8)).size(16.0),
                    );
                }
                cols[1].label(text("Kategorier".into()).strong());
                egui::Grid::new(("m_categories", kommun))
                    .num_columns(4)
                    .striped(true)
                    .spacing([18.0, 6.0])
                    .show(&mut cols[1], |ui| {
                        for t in ["Kategori", "Nu", "Före", "Året innan"] {
                            ui.label(text(t.into()).strong());
                        }
                        ui.end_row();
                        for c in &s.categories {
                            ui.label(text(c.name.clone()));
                            ui.label(text(c.count.to_string()).strong());
                            ui.label(text(c.previous.to_string()));
                            ui.label(text(c.year_before.to_string()));
                            ui.end_row();
                        }
                    });
            });
            if let Some(place) = decide {
                self.decide_about(&place);
            }
        }
    }
}

fn since_last(ui: &mut Ui, v: &MeetingView) {
    let intro = match v.data.previous {
        Some(d) => format!(
            "Förra mötet {d} ({}): {} sedan dess.",
            week_label(d),
            crate::validate::count_of(v.data.since.len(), "insats", "insatser")
        ),
        None => format!(
            "Inget tidigare möte registrerat: insatserna de senaste 30 dagarna ({}).",
            v.data.since.len()
        ),
    };
    ui.label(RichText::new(intro).size(TEXT));
    ui.add_space(6.0);
    if v.data.since.is_empty() {
        ui.label(weak("Inga nya insatser.").size(TEXT));
        return;
    }
    let text_of = |kommun: &str, c: Option<CommitmentId>| {
        let t = c
            .and_then(|c| v.data.commitment(c))
            .map(|(_, x)| x.text.as_str())
            .unwrap_or("–");
        format!("{}{t}", v.kommun_prefix(kommun))
    };
    use egui_extras::{Column, TableBuilder};
    ui.style_mut().interaction.selectable_labels = false;
    let text = |t: &str| RichText::new(t).size(TEXT);
    TableBuilder::new(ui)
        .id_salt("since_last")
        .striped(true)
        .auto_shrink([false, false])
        .column(Column::exact(140.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::exact(230.0))
        .column(Column::exact(210.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(34.0, |mut h| {
            for t in ["Datum", "Löfte", "Utförd av", "Plats", "Vad"] {
                h.col(|ui| {
                    ui.label(text(t).strong());
                });
            }
        })
        .body(|mut body| {
            for (kommun, a) in &v.data.since {
                body.row(34.0, |mut r| {
                    r.col(|ui| {
                        ui.label(text(&a.date.to_string()));
                    });
                    r.col(|ui| {
                        ui.add(egui::Label::new(text(&text_of(kommun, a.commitment))).truncate());
                    });
                    r.col(|ui| {
                        let by = if a.count > 1 {
                            format!("{} ({} st)", a.by.label(), a.count)
                        } else {
                            a.by.label().to_string()
                        };
                        ui.label(text(&by));
                    });
                    r.col(|ui| {
                        ui.add(egui::Label::new(text(&a.place)).truncate());
                    });
                    r.col(|ui| {
                        ui.add(egui::Label::new(text(&a.description)).truncate());
                    });
                });
            }
        });
}

/// Löften behind plan: how far, with +1 at hand.
fn behind(ui: &mut Ui, v: &MeetingView, actions: &mut Vec<Action>) {
    let rows: Vec<(&BoardData, &CommitmentRow)> = v
        .boards()
        .flat_map(|(b, s)| s.behind().map(move |r| (b, r)))
        .collect();
    if rows.is_empty() {
        ui.label(RichText::new("Inga löften ligger efter plan.").size(TEXT));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (board, r) in rows {
                let period = board.pledge.period;
                // The whole löfte, wrapped: it is what the meeting talks about.
                ui.horizontal_top(|ui| {
                    party_chip(ui, r.commitment.party);
                    let text = format!(
                        "{}{}",
                        v.kommun_prefix(&board.municipality.name),
                        r.commitment.text
                    );
                    ui.add(egui::Label::new(RichText::new(text).size(TEXT)).wrap());
                });
                for t in r.targets.iter().filter(|t| t.progress.behind_plan) {
                    ui.horizontal(|ui| {
                        ui.add_space(120.0);
                        let expected = expected_now(t, period, v.today);
                        let what = match (&t.target.label, &t.target.party, r.targets.len()) {
                            (Some(l), _, _) => format!("{l}: "),
                            (None, Some(p), _) => format!("{}: ", p.label()),
                            (None, None, n) if n > 1 => format!("{}: ", t.target.unit),
                            _ => String::new(),
                        };
                        ui.label(
                            RichText::new(format!(
                                "{what}{} av {} gjort — borde vara {expected} nu ({} efter)",
                                t.progress.done,
                                t.progress.goal,
                                expected.saturating_sub(t.progress.done)
                            ))
                            .size(TEXT)
                            .color(super::widgets::behind_text(ui))
                            .strong(),
                        );
                        actions.extend(
                            plus_one(ui, &r.commitment, &t.target, period, v.today, true)
                                .map(Action::Board),
                        );
                    });
                }
                ui.add_space(6.0);
            }
        });
}

#[cfg(test)]
#[path = "meeting_tests.rs"]
mod tests;
