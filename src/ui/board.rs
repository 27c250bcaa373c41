//! The checklist board: a kommun's löften grouped by avsnitt, with progress.

use super::activity_form::ActivityForm;
use super::date_field::DateField;
use super::detail::{DetailState, DetailView};
use super::forms::{FormOutcome, error_line};
use super::widgets::{party_chip, plus_one, progress, status_chip, status_color, weak};
use super::{Action, commitment_form::CommitmentForm};
use crate::domain::{
    Activity, ActivityId, BoardData, CommitmentId, ManualStatus, MunicipalityId, Party, Period,
    Status, TargetId, TargetScope,
};
use crate::summary::{BoardSummary, CommitmentRow, TargetLine};
use crate::validate::count_of;
use chrono::NaiveDate;
use egui::{Align, Layout, RichText, Ui, Vec2};

#[derive(Debug, Clone, PartialEq)]
pub enum BoardAction {
    SelectCommitment(Option<CommitmentId>),
    /// "+1": one insats dated today by `by`.
    QuickAdd {
        commitment: CommitmentId,
        target: Option<TargetId>,
        by: Party,
    },
    /// Check off (or un-check) a löfte without a number.
    SetChecked(CommitmentId, bool),
    /// Open the insats form for a new insats of this löfte.
    NewActivity(CommitmentId),
    EditActivity(ActivityId),
    /// Save the form's insats (id 0: new).
    SaveActivity(Activity),
    DeleteActivity(ActivityId),
    SetManualStatus(CommitmentId, Option<ManualStatus>),
    /// The yearly bedömning of a löfte (an empty one is removed).
    SaveAssessment(crate::domain::Assessment),
    /// Date of the group's latest lägesbild meeting.
    SetLastMeeting(MunicipalityId, Option<NaiveDate>),
    /// Go to the new medborgarlöfte for `year` (the shown one has run out).
    StartNextPeriod(i32),
}

/// The board of the selected kommun: filters, the selected löfte and its detail panel,
/// the insats form and the meeting date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardScreen {
    pub filter: BoardFilter,
    pub selected: Option<CommitmentId>,
    pub detail: DetailState,
    pub activity_form: Option<ActivityForm>,
    /// The "Förra lägesbildsmötet" date field.
    pub meeting: DateField,
    /// One line per löfte, so that a whole board fits a projector.
    pub compact: bool,
    /// The row the detail panel was opened from with the keyboard: Escape gives it the
    /// focus back.
    pub return_focus: Option<egui::Id>,
    /// What had the focus when the insats form opened: it gets it back when the form
    /// closes (saved or cancelled).
    pub form_return: Option<egui::Id>,
}

impl BoardScreen {
    /// After a reload: the selected löfte stays selected only while it is on the board.
    pub fn keep_selection(&mut self, on_board: bool) {
        if !on_board {
            self.selected = None;
        }
    }

    pub fn open_form(&mut self, form: ActivityForm) {
        self.activity_form = Some(form);
    }

    pub fn close_form(&mut self) {
        self.activity_form = None;
    }

    /// The bedömning was saved: its form closes.
    pub fn assessment_saved(&mut self) {
        self.detail.assessment = None;
    }

    /// The board itself, in the central panel.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &BoardData,
        summary: &BoardSummary,
        police_area: &str,
        today: NaiveDate,
    ) -> Vec<Action> {
        let mut view = BoardView {
            data,
            summary,
            filter: &self.filter,
            selected: self.selected,
            meeting: &mut self.meeting,
            today,
            police_area,
            compact: &mut self.compact,
        };
        view.ui(ui).into_iter().map(Action::Board).collect()
    }

    /// The detail panel of the selected löfte: the löfte editor or the insats form when
    /// open, then the löfte with its insatser.
    pub fn detail_ui(
        &mut self,
        ui: &mut Ui,
        row: &CommitmentRow,
        period: Period,
        today: NaiveDate,
        records: super::detail::DetailRecords,
        commitment_form: Option<&mut CommitmentForm>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(form) = commitment_form {
            actions.extend(super::commitment_form::show(ui, form));
            ui.separator();
        }
        if let Some(form) = &mut self.activity_form {
            match form.ui(ui, today) {
                Some(FormOutcome::Save(a)) => actions.push(BoardAction::SaveActivity(a).into()),
                Some(FormOutcome::Cancel) => self.activity_form = None,
                None => {}
            }
            ui.separator();
        }
        let mut view = DetailView {
            row,
            period,
            today,
            records,
            state: &mut self.detail,
        };
        actions.extend(view.ui(ui));
        actions
    }
}

/// What the status filter picks: one status, or the löften behind plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Is(Status),
    BehindPlan,
}

impl StatusFilter {
    /// Every choice, with its label, in the order of the filter's list.
    pub fn choices() -> Vec<(StatusFilter, String)> {
        let mut v: Vec<(StatusFilter, String)> = Status::ALL
            .iter()
            .map(|s| (StatusFilter::Is(*s), s.label().to_string()))
            .collect();
        v.push((StatusFilter::BehindPlan, "Efter plan".into()));
        v
    }
}

/// Filters and search of the board, kept between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardFilter {
    pub party: Option<Party>,
    pub status: Option<StatusFilter>,
    pub tag: Option<String>,
    pub search: String,
}

impl BoardFilter {
    pub fn matches(&self, row: &CommitmentRow) -> bool {
        let c = &row.commitment;
        if self
            .party
            .is_some_and(|p| p != c.party && !row.targets.iter().any(|t| t.target.party == Some(p)))
        {
            return false;
        }
        match self.status {
            Some(StatusFilter::Is(s)) if s != row.status => return false,
            Some(StatusFilter::BehindPlan) if !row.behind_plan => return false,
            _ => {}
        }
        if let Some(tag) = &self.tag
            && !c.tags.contains(tag)
        {
            return false;
        }
        let q = self.search.trim().to_lowercase();
        q.is_empty()
            || c.text.to_lowercase().contains(&q)
            || row.section_title.to_lowercase().contains(&q)
            || c.tags.iter().any(|t| t.to_lowercase().contains(&q))
    }

    pub fn is_active(&self) -> bool {
        *self != BoardFilter::default()
    }
}

/// Width of the fixed right part of a row: progress, numbers, status, +1.
const RIGHT_W: f32 = 370.0;

struct BoardView<'a> {
    data: &'a BoardData,
    summary: &'a BoardSummary,
    filter: &'a BoardFilter,
    selected: Option<CommitmentId>,
    meeting: &'a mut DateField,
    today: NaiveDate,
    police_area: &'a str,
    /// Edited in place by the "Kompakt" toggle.
    compact: &'a mut bool,
}

impl BoardView<'_> {
    fn ui(&mut self, ui: &mut Ui) -> Vec<BoardAction> {
        let mut actions = Vec::new();
        let s = self.summary;
        ui.heading(
            RichText::new(format!(
                "{} — {}",
                self.data.municipality.name, self.data.pledge.title
            ))
            .strong(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{} · lokalpolisområde {}",
                count_of(s.total() as usize, "löfte", "löften"),
                self.police_area
            ));
            ui.add_space(12.0);
            ui.checkbox(self.compact, "Kompakt")
                .on_hover_text("En rad per löfte: hela medborgarlöftet på en skärm");
        });
        // On a line of its own, as in Alla kommuner: its legend wraps within the board's
        // width (nested in the line above it pushed the board under the detail panel).
        super::charts::status_bar(ui, &s.counts(), 160.0);
        // A medborgarlöfte that has run out says so, and where the next one starts.
        let period = self.data.pledge.period;
        let this_year = chrono::Datelike::year(&self.today);
        if period.last < this_year {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "Medborgarlöftet för {period} har löpt ut. Statusen nedan är slutläget."
                        ))
                        .strong()
                        .color(super::widgets::behind_text(ui)),
                    );
                    if ui
                        .button(format!("Skapa medborgarlöfte för {this_year}…"))
                        .clicked()
                    {
                        actions.push(BoardAction::StartNextPeriod(this_year));
                    }
                });
            });
        }
        self.meeting_strip(ui, &mut actions);
        ui.add_space(4.0);
        let visible: Vec<&CommitmentRow> =
            s.rows.iter().filter(|r| self.filter.matches(r)).collect();
        if self.filter.is_active() {
            ui.label(
                RichText::new(format!(
                    "Filter: {} av {} visas",
                    visible.len(),
                    count_of(s.rows.len(), "löfte", "löften")
                ))
                .strong(),
            );
        }
        if visible.is_empty() {
            ui.add_space(20.0);
            ui.label(if s.rows.is_empty() {
                "Medborgarlöftet har inga löften ännu."
            } else {
                "Inga löften matchar filtret. Ändra filter eller sökning."
            });
            return actions;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut section = None;
                for row in visible {
                    if section != Some(row.commitment.section) {
                        section = Some(row.commitment.section);
                        ui.add_space(10.0);
                        ui.label(RichText::new(&row.section_title).size(20.0).strong());
                        ui.separator();
                    }
                    self.row_ui(ui, row, &mut actions);
                    ui.add_space(4.0);
                }
            });
        actions
    }

    /// The two questions each lägesbild meeting starts with: what happened since the last
    /// meeting, and what is behind plan.
    fn meeting_strip(&mut self, ui: &mut Ui, actions: &mut Vec<BoardAction>) {
        let s = self.summary;
        let behind: Vec<&CommitmentRow> = s.behind().collect();
        let m = self.data.municipality.id;
        let saved = self.data.since;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Förra lägesbildsmötet");
            let field = self.meeting.ui(ui, "meeting", self.today).labelled_by(l.id);
            // Enter in the field saves, as the button does.
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            match crate::validate::parse_date(&self.meeting.text) {
                Ok(d) if Some(d) != saved && (ui.button("Spara mötesdatum").clicked() || enter) => {
                    actions.push(BoardAction::SetLastMeeting(m, Some(d)));
                }
                Err(e) if !self.meeting.text.trim().is_empty() => error_line(ui, e),
                _ => {}
            }
            if saved.is_some() && ui.small_button("Rensa").clicked() {
                self.meeting.text.clear();
                actions.push(BoardAction::SetLastMeeting(m, None));
            }
        });
        ui.horizontal_wrapped(|ui| {
            match self.data.since {
                Some(d) => {
                    let touched = s.rows.iter().filter(|r| r.stats.entries_since > 0).count();
                    let n: u32 = s.rows.iter().map(|r| r.stats.entries_since).sum();
                    ui.label(
                        RichText::new(format!(
                            "Sedan förra mötet {d} ({}): {} på {}",
                            crate::domain::week_label(d),
                            count_of(n as usize, "insats", "insatser"),
                            count_of(touched, "löfte", "löften"),
                        ))
                        .strong(),
                    );
                }
                None => {
                    ui.label(weak(
                        "Ange datum för förra lägesbildsmötet för att se vad som hänt sedan dess.",
                    ));
                }
            }
            ui.separator();
            if self.data.pledge.period.has_ended(self.today) {
                ui.label("Perioden är slut: ingen plan att ligga efter.");
            } else if behind.is_empty() {
                ui.label("Inga löften efter plan.");
            } else {
                ui.label(
                    RichText::new(format!(
                        "{} efter plan",
                        count_of(behind.len(), "löfte", "löften")
                    ))
                    .strong()
                    .color(super::widgets::behind_text(ui)),
                );
            }
        });
        if !behind.is_empty() {
            egui::CollapsingHeader::new(format!("Visa löften efter plan ({})", behind.len()))
                .id_salt("behind")
                .show(ui, |ui| {
                    for r in behind {
                        let expected: Vec<String> = r
                            .targets
                            .iter()
                            .filter(|t| t.progress.behind_plan)
                            .map(|t| format!("{}/{}", t.progress.done, t.progress.goal))
                            .collect();
                        let text = format!("{} — {}", expected.join(", "), r.commitment.text);
                        if ui
                            .add(
                                egui::Label::new(text)
                                    .truncate()
                                    .sense(egui::Sense::click()),
                            )
                            .clicked()
                        {
                            actions.push(BoardAction::SelectCommitment(Some(r.commitment.id)));
                        }
                    }
                });
        }
    }

    fn row_ui(&self, ui: &mut Ui, row: &CommitmentRow, actions: &mut Vec<BoardAction>) {
        let c = &row.commitment;
        let selected = self.selected == Some(c.id);
        if *self.compact {
            let period = self.data.pledge.period;
            let (plus, clicked) = super::widgets::one_line_row(ui, row, period, self.today, 17.0);
            actions.extend(plus);
            if clicked {
                actions.push(BoardAction::SelectCommitment((!selected).then_some(c.id)));
            }
            return;
        }
        let frame = egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(8, 6))
            .corner_radius(6.0)
            .fill(if selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.35)
            } else {
                ui.visuals().faint_bg_color
            });
        frame.show(ui, |ui| {
            let full = ui.available_width();
            // Narrow (detail panel open): text on its own line, figures below it.
            let compact = full < 110.0 + RIGHT_W + 320.0;
            if compact {
                ui.horizontal_top(|ui| {
                    party_chip(ui, c.party);
                    ui.vertical(|ui| self.text_column(ui, row, selected, actions));
                });
                ui.horizontal_wrapped(|ui| {
                    self.right_part(ui, row, actions);
                });
                return;
            }
            ui.horizontal_top(|ui| {
                party_chip(ui, c.party);
                let text_w = full - 110.0 - RIGHT_W - 24.0;
                ui.allocate_ui_with_layout(
                    Vec2::new(text_w, 0.0),
                    Layout::top_down(Align::Min),
                    |ui| {
                        ui.set_width(text_w);
                        self.text_column(ui, row, selected, actions);
                    },
                );
                ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                    self.right_part(ui, row, actions);
                });
            });
        });
    }

    /// The löfte text (click: details), the info line and, for several targets, one
    /// line per target with its own +1.
    fn text_column(
        &self,
        ui: &mut Ui,
        row: &CommitmentRow,
        selected: bool,
        actions: &mut Vec<BoardAction>,
    ) {
        let c = &row.commitment;
        let r = ui.add(
            egui::Label::new(RichText::new(&c.text).size(17.0))
                .wrap()
                .sense(egui::Sense::click()),
        );
        let period = self.data.pledge.period;
        actions.extend(super::widgets::plus_key(ui, &r, row, period, self.today));
        // The row as one named item for a screen reader: text, status, how far.
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, super::widgets::row_name(row))
        });
        if r.on_hover_text("Visa detaljer och insatser (Enter); + registrerar en insats i dag")
            .clicked()
        {
            actions.push(BoardAction::SelectCommitment((!selected).then_some(c.id)));
        }
        self.info_line(ui, row);
        if row.targets.len() > 1 {
            for t in &row.targets {
                ui.horizontal(|ui| {
                    target_progress_ui(ui, t);
                    let name = t
                        .target
                        .label
                        .clone()
                        .unwrap_or_else(|| t.target.unit.clone());
                    ui.label(RichText::new(name).strong());
                    actions.extend(plus_one(
                        ui,
                        c,
                        &t.target,
                        self.data.pledge.period,
                        self.today,
                        false,
                    ));
                });
            }
        }
    }

    /// "Senaste insats …· 2 nya sedan mötet · Efter plan".
    fn info_line(&self, ui: &mut Ui, row: &CommitmentRow) {
        let mut info = Vec::new();
        if let Some(d) = row.stats.latest {
            info.push(format!("Senaste insats {d}"));
        }
        if row.stats.entries_since > 0 {
            info.push(format!(
                "{} sedan mötet",
                count_of(row.stats.entries_since as usize, "ny", "nya")
            ));
        }
        if row.behind_plan {
            info.push("Efter plan".into());
        }
        if !info.is_empty() {
            let color = if row.behind_plan {
                super::widgets::behind_text(ui)
            } else {
                ui.visuals().weak_text_color()
            };
            ui.label(RichText::new(info.join(" · ")).color(color));
        }
    }

    /// Progress of a single target, status, and +1 (or Klar), in reading order; in a
    /// right-to-left layout the same items come out mirrored so +1 stays rightmost.
    fn right_part(&self, ui: &mut Ui, row: &CommitmentRow, actions: &mut Vec<BoardAction>) {
        let mut parts: Vec<Part> = match row.targets.as_slice() {
            [] => vec![Part::Status, Part::Check],
            [t] => vec![Part::Progress(t), Part::Status, Part::PlusOne(t)],
            _ => vec![Part::Status, Part::Gap],
        };
        if ui.layout().main_dir() == egui::Direction::RightToLeft {
            parts.reverse();
        }
        let c = &row.commitment;
        for part in parts {
            match part {
                Part::Progress(t) => target_progress_ui(ui, t),
                Part::Status => {
                    status_chip(ui, row.status);
                }
                // +1, Klar and the gap share one width, so that the status chips line up
                // from row to row whatever is beside them.
                Part::PlusOne(t) => action_slot(ui, |ui| {
                    let period = self.data.pledge.period;
                    actions.extend(plus_one(ui, c, &t.target, period, self.today, true));
                }),
                Part::Check => action_slot(ui, |ui| {
                    let mut checked = c.checked_on.is_some();
                    if ui
                        .checkbox(&mut checked, "Klar")
                        .on_hover_text("Bocka av ett löfte utan antal")
                        .changed()
                    {
                        actions.push(BoardAction::SetChecked(c.id, checked));
                    }
                }),
                Part::Gap => action_slot(ui, |_| {}),
            }
        }
    }
}

/// The room at a row's right end for its one action (+1 or Klar).
fn action_slot(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(64.0, 30.0), egui::Sense::hover());
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Center)),
        add,
    );
}

/// The pieces of a row's right part.
enum Part<'a> {
    Progress(&'a TargetLine),
    Status,
    PlusOne(&'a TargetLine),
    Check,
    Gap,
}

/// A bar and "3/4" ("i år" for per-år targets), in either layout direction.
fn target_progress_ui(ui: &mut Ui, t: &TargetLine) {
    let per_year = if t.target.scope == TargetScope::PerYear {
        " i år"
    } else {
        ""
    };
    let text = RichText::new(format!("{}/{}{per_year}", t.progress.done, t.progress.goal))
        .size(17.0)
        .strong();
    let color = status_color(t.progress.status);
    if ui.layout().main_dir() == egui::Direction::RightToLeft {
        ui.label(text);
        progress(ui, t.progress.fraction(), color, 110.0);
    } else {
        progress(ui, t.progress.fraction(), color, 110.0);
        ui.label(text);
    }
}

#[cfg(test)]
mod tests {
    //! The board in isolation: a hand-made board in, the actions its buttons produce out.

    use super::*;
    use crate::domain::{
        Commitment, Municipality, MunicipalityId, Pledge, PledgeId, PoliceAreaId, Section,
        SectionId, Target, TargetTally,
    };
    use crate::summary::summarize;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::collections::HashMap;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn commitment(id: i64, text: &str, party: Party, targets: Vec<Target>) -> Commitment {
        Commitment {
            version: 0,
            id: CommitmentId(id),
            section: SectionId(1),
            text: text.into(),
            party,
            targets,
            sub_areas: vec![],
            tags: vec![],
            manual_status: None,
            checked_on: None,
            position: id,
        }
    }

    /// Two löften: one counted (3 of 4 done in 2024), one checked off by hand.
    fn board() -> BoardData {
        let target = Target {
            id: TargetId(7),
            count: 4,
            unit: "riktade insatser".into(),
            scope: TargetScope::Period,
            party: None,
            label: None,
        };
        let mut tallies = HashMap::new();
        tallies.insert(
            TargetId(7),
            TargetTally {
                per_year: vec![(2024, 3)],
            },
        );
        BoardData {
            municipality: Municipality {
                id: MunicipalityId(1),
                name: "Sölvesborg".into(),
                police_area: PoliceAreaId(1),
            },
            pledge: Pledge {
                version: 0,
                id: PledgeId(1),
                municipality: MunicipalityId(1),
                period: crate::domain::Period::new(2024, 2024).unwrap(),
                title: "Medborgarlöfte 2024".into(),
                goal: String::new(),
                signatories: vec![],
                contact: None,
            },
            sections: vec![Section {
                id: SectionId(1),
                pledge: PledgeId(1),
                title: "Trafik".into(),
                position: 0,
            }],
            commitments: vec![
                commitment(
                    1,
                    "Riktade insatser mot A-traktorer",
                    Party::Polisen,
                    vec![target],
                ),
                commitment(2, "Forum om trafiksäkerhet", Party::Kommunen, vec![]),
            ],
            tallies,
            stats: HashMap::new(),
            since: None,
        }
    }

    struct View {
        screen: BoardScreen,
        data: BoardData,
        summary: BoardSummary,
        actions: Vec<Action>,
    }

    fn harness(screen: BoardScreen) -> Harness<'static, View> {
        let today = day("2024-06-15");
        let data = board();
        let summary = summarize(&data, today);
        let view = View {
            screen,
            data,
            summary,
            actions: Vec::new(),
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1200.0, 700.0))
            .build_ui_state(
                move |ui, v: &mut View| {
                    let a = v.screen.ui(ui, &v.data, &v.summary, "Karlshamn", today);
                    v.actions.extend(a);
                },
                view,
            );
        h.run();
        h
    }

    #[test]
    fn plus_one_asks_for_one_insats_by_the_ansvarig() {
        let mut h = harness(BoardScreen::default());
        h.get_by_label_contains("3/4");
        h.get_by_label("+1").click();
        h.run();
        assert_eq!(
            h.state().actions,
            vec![Action::Board(BoardAction::QuickAdd {
                commitment: CommitmentId(1),
                target: Some(TargetId(7)),
                by: Party::Polisen,
            })]
        );
    }

    #[test]
    fn clicks_select_and_check_off() {
        let mut h = harness(BoardScreen::default());
        h.get_by_label_contains("Forum om trafiksäkerhet").click();
        h.run();
        h.get_by_label("Klar").click();
        h.run();
        assert_eq!(
            h.state().actions,
            vec![
                Action::Board(BoardAction::SelectCommitment(Some(CommitmentId(2)))),
                Action::Board(BoardAction::SetChecked(CommitmentId(2), true)),
            ]
        );
    }

    #[test]
    fn filter_hides_rows_and_says_so() {
        let mut screen = BoardScreen::default();
        screen.filter.party = Some(Party::Kommunen);
        let mut h = harness(screen);
        assert!(
            h.query_by_label_contains("Riktade insatser mot A-traktorer")
                .is_none()
        );
        h.get_by_label_contains("Forum om trafiksäkerhet");
        h.state_mut().screen.filter.search = "cykel".into();
        h.run();
        h.get_by_label("Inga löften matchar filtret. Ändra filter eller sökning.");
        assert!(h.state().actions.is_empty(), "filtering asks for nothing");
    }

    #[test]
    fn typed_meeting_date_is_saved_only_when_valid() {
        let mut screen = BoardScreen::default();
        screen.meeting.text = "2024-13-01".into();
        let mut h = harness(screen);
        h.get_by_label_contains("är inte ett datum");
        assert!(h.query_by_label("Spara mötesdatum").is_none());
        h.state_mut().screen.meeting.text = "2024-05-02".into();
        h.run();
        h.get_by_label("Spara mötesdatum").click();
        h.run();
        assert_eq!(
            h.state().actions,
            vec![Action::Board(BoardAction::SetLastMeeting(
                MunicipalityId(1),
                Some(day("2024-05-02"))
            ))]
        );
    }
}
