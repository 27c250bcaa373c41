//! What the window draws each frame: the panels, meeting mode, the dialogs. Each screen
//! draws itself and returns actions; they are applied once, at the end of the frame.

use super::{App, set_theme};
use crate::ui::forms::{self, FormOutcome};
use crate::ui::nav::{Selection, Tab};
use crate::ui::{Action, BoardAction, MeetingAction};
use std::path::PathBuf;

impl App {
    /// Lays out the panels and applies what the screens asked for.
    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
        self.draw_screens(ui);
        forms::return_focus_from_closed_dialogs(ui.ctx());
    }

    fn draw_screens(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        if self.open_error.is_some() {
            let mut actions = self.status_strip(ui);
            if let Some(err) = &self.open_error {
                // A server's address is shown without its password.
                let shown = crate::store::server_url(&self.db_path)
                    .map(|u| std::path::PathBuf::from(crate::store::server::shown(u)))
                    .unwrap_or_else(|| self.db_path.clone());
                actions.extend(crate::ui::recovery::open_error_screen(
                    ui,
                    &err.message,
                    &shown,
                    err.copies.as_deref(),
                ));
            }
            for a in actions {
                self.apply(a, now);
            }
            return;
        }
        self.follow_meeting_mode(ui.ctx());
        if self.screens.meeting.active {
            return self.draw_meeting(ui, now);
        }
        let mut actions = Vec::new();
        let board_tab = self.screens.nav.tab == Tab::Board;
        // Read before the dialogs draw: one that closes on Escape this frame was open.
        let dialog_open = self.dialog_open();
        let typing = ui.ctx().text_edit_focused();
        let form_was_open = self.screens.board.activity_form.is_some();
        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            let board = self.data.board.as_ref().map(|(b, _)| b);
            let filter = board_tab.then_some(&mut self.screens.board.filter);
            actions.extend(crate::ui::top_bar::ui(
                ui,
                &self.data.years,
                self.screens.nav.year,
                board,
                filter,
            ));
            ui.add_space(4.0);
        });
        actions.extend(self.status_strip(ui));
        let kommun_view = self.screens.nav.municipality().is_some();
        // A narrow window (large text: 200 % at 1280×720 is 640 points) with a löfte open
        // gives the kommun list's room to the board and the panel.
        let crowded =
            board_tab && self.screens.board.selected.is_some() && ui.available_width() < 900.0;
        if !(crowded || kommun_view && self.screens.nav.hide_side_panel) {
            self.side_panel(ui, &mut actions);
        }
        if crowded {
            // No room for both: the löfte fills the window until Stäng or Esc.
            egui::CentralPanel::default().show(ui, |ui| self.detail(ui, &mut actions));
        } else {
            if board_tab {
                self.detail_panel(ui, &mut actions);
            }
            egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut actions));
        }
        actions.extend(self.dialogs(ui.ctx()));
        // Photo files dropped on the window go to the observation shown.
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(crate::ui::WalkAction::DroppedFiles(dropped).into());
        }
        // F5: the lägesbildsmöte on the projector (a kommun's, or from "Alla kommuner" the
        // lokalpolisområde's joint meeting).
        if self.screens.nav.selection.is_some()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5))
        {
            actions.push(MeetingAction::Start.into());
        }
        // Ctrl+N: new insats for the selected löfte.
        if self.screens.board.activity_form.is_none()
            && self.screens.authoring.commitment_form.is_none()
            && let Some(c) = self.screens.board.selected
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::N))
        {
            actions.push(BoardAction::NewActivity(c).into());
        }
        let walks_tab = self.screens.nav.tab == Tab::Walks;
        let free = !dialog_open && !typing;
        let give_back = self.keys(ui, (board_tab && free, walks_tab && free), &mut actions);
        // A löfte opened with Enter or space: the focus goes into its panel.
        let by_key =
            ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space));
        let opened = by_key
            && actions
                .iter()
                .any(|a| matches!(a, Action::Board(BoardAction::SelectCommitment(Some(_)))));
        let card_opened = by_key
            && actions.iter().any(|a| {
                matches!(
                    a,
                    Action::Walk(crate::ui::WalkAction::SelectObservation(Some(_)))
                )
            });
        let focused = ui.ctx().memory(|m| m.focused());
        let opens_form = actions
            .iter()
            .any(|a| matches!(a, Action::Board(BoardAction::NewActivity(_))));
        self.prefs.zoom = ui.ctx().zoom_factor();
        let dark = self.prefs.dark;
        for a in actions {
            self.apply(a, now);
        }
        if opened && self.screens.board.selected.is_some() {
            self.screens.board.return_focus = focused;
            self.screens.board.detail.focus_first = true;
        }
        if card_opened && self.screens.walks.state.observation.is_some() {
            self.screens.walks.state.return_focus = focused;
        }
        let board = &mut self.screens.board;
        if opens_form && board.activity_form.is_some() {
            board.form_return = focused;
        }
        let form_closed = form_was_open && board.activity_form.is_none();
        if let Some(id) = give_back.or(form_closed.then(|| board.form_return.take()).flatten()) {
            ui.ctx().memory_mut(|m| m.request_focus(id));
        }
        if self.prefs.dark != dark {
            set_theme(ui.ctx(), self.prefs.dark);
        }
    }

    /// Whether a dialog window is open (it takes Escape).
    fn dialog_open(&self) -> bool {
        let s = &self.screens;
        s.import.open
            || s.backups.open
            || s.exchange.open
            || s.new_municipality.open
            || s.export.open
            || s.first_start
            || s.shortcuts
            || self.damaged_notice
    }

    /// The window's own keys: F1 (Kortkommandon), Ctrl+Z (undo, outside text fields)
    /// and, on the board, Escape closing the detail panel. Returns the widget that gets
    /// the focus back when the panel closes.
    fn keys(
        &mut self,
        ui: &egui::Ui,
        (board_keys, walks_keys): (bool, bool),
        actions: &mut Vec<Action>,
    ) -> Option<egui::Id> {
        use egui::{Key, Modifiers};
        let typing = ui.ctx().text_edit_focused();
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1))
            || (self.screens.shortcuts
                && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)))
        {
            self.screens.shortcuts = !self.screens.shortcuts;
        }
        if !typing
            && self.undo.is_some()
            && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z))
        {
            actions.push(Action::Undo);
        }
        let board = &mut self.screens.board;
        if board_keys
            && board.selected.is_some()
            && board.activity_form.is_none()
            && self.screens.authoring.commitment_form.is_none()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            actions.push(BoardAction::SelectCommitment(None).into());
            return board.return_focus.take();
        }
        // On a walk, Escape closes the observation's card and returns to its row.
        let walks = &mut self.screens.walks;
        if walks_keys
            && walks.state.observation.is_some()
            && walks.form.is_none()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            actions.push(crate::ui::WalkAction::SelectObservation(None).into());
            return walks.state.return_focus.take();
        }
        None
    }

    /// The bottom strip with the last error and the toast, when there is one.
    /// Always there, at least one line high, so that a message coming or going never
    /// moves the page under the pointer.
    fn status_strip(&self, ui: &mut egui::Ui) -> Vec<Action> {
        egui::Panel::bottom("bottom")
            .min_size(30.0)
            .show(ui, |ui| {
                crate::ui::toast::ui(ui, self.toast.as_ref(), self.error.as_deref())
            })
            .inner
    }

    /// The left panel: kommuner, and the app's own buttons.
    fn side_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::Panel::left("nav")
            .default_size(230.0)
            .resizable(true)
            .show(ui, |ui| {
                actions.extend(crate::ui::nav::side_panel(
                    ui,
                    &self.data.nav,
                    &self.screens.nav,
                    self.prefs.dark,
                ));
            });
    }

    /// Full screen while in meeting mode, windowed otherwise.
    fn follow_meeting_mode(&mut self, ctx: &egui::Context) {
        let wanted = self.screens.meeting.active;
        if self.fullscreen != wanted {
            self.fullscreen = wanted;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(wanted));
        }
    }

    /// Meeting mode: the agenda strip and one page, nothing else.
    fn draw_meeting(&mut self, ui: &mut egui::Ui, now: f64) {
        let mut actions: Vec<Action> = Vec::new();
        let step = self.screens.meeting.step;
        let typing = ui.ctx().egui_wants_keyboard_input();
        // While the insats form is open, keys belong to it (Esc closes it, not the meeting).
        let form_open = self.screens.board.activity_form.is_some();
        ui.input_mut(|i| {
            if form_open {
                return;
            }
            let mut key = |k| i.consume_key(egui::Modifiers::NONE, k);
            if key(egui::Key::Escape) && !typing {
                actions.push(MeetingAction::Leave.into());
            }
            let back = key(egui::Key::PageUp) || (!typing && key(egui::Key::ArrowLeft));
            let next = key(egui::Key::PageDown) || (!typing && key(egui::Key::ArrowRight));
            if back {
                self.screens.meeting.show(step.moved(-1));
            } else if next {
                self.screens.meeting.show(step.moved(1));
            }
            if !typing && key(egui::Key::ArrowDown) {
                self.screens.meeting.board_scroll += 44.0;
            }
            if !typing && key(egui::Key::ArrowUp) {
                self.screens.meeting.board_scroll =
                    (self.screens.meeting.board_scroll - 44.0).max(0.0);
            }
        });
        // Ctrl+Z takes back the last change here too (the toast's Ångra).
        if !ui.ctx().text_edit_focused()
            && self.undo.is_some()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z))
        {
            actions.push(Action::Undo);
        }
        // "LPO Karlshamn" keeps the agenda strip on one line on a projector.
        let name = self.data.meeting.name.replace("lokalpolisområde ", "LPO ");
        egui::Panel::top("meeting_top").show(ui, |ui| {
            ui.add_space(6.0);
            actions.extend(self.screens.meeting.top(ui, &name));
            ui.add_space(4.0);
        });
        actions.extend(self.status_strip(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if self.data.meeting.boards.is_empty() {
                ui.label("Inget medborgarlöfte för det valda året.");
            }
            let view = crate::ui::meeting::MeetingView {
                data: &self.data.meeting,
                summaries: &self.data.meeting_summaries,
                today: self.today,
            };
            actions.extend(self.screens.meeting.page(ui, &view));
        });
        actions.extend(self.dialogs(ui.ctx()));
        actions.extend(self.meeting_activity_form(ui.ctx()));
        for a in actions {
            self.apply(a, now);
        }
    }

    /// In meeting mode the insats form is a window over the page.
    fn meeting_activity_form(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let today = self.today;
        let Some(form) = &mut self.screens.board.activity_form else {
            return Vec::new();
        };
        let title = self
            .data
            .row(form.commitment)
            .map(|r| crate::validate::clip(&r.commitment.text, 60))
            .unwrap_or_else(|| "Insats".into());
        // Avbryt and the window's × close the form in place.
        let (mut open, mut cancel) = (true, false);
        let actions = forms::dialog(ctx, &mut open, (&title, Some(560.0), 60.0), |ui| match form
            .ui(ui, today)
        {
            Some(FormOutcome::Save(a)) => vec![BoardAction::SaveActivity(a).into()],
            Some(FormOutcome::Cancel) => {
                cancel = true;
                Vec::new()
            }
            None => Vec::new(),
        });
        if !open || cancel {
            self.screens.board.close_form();
        }
        actions
    }

    fn detail_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if self.screens.board.selected.is_none() {
            return;
        }
        egui::Panel::right("detail")
            .default_size(540.0)
            .size_range(500.0..=720.0)
            .resizable(true)
            .show(ui, |ui| self.detail(ui, actions));
    }

    /// The selected löfte's detail, scrolling: in its panel, or the whole window when
    /// it is narrow.
    fn detail(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(c) = self.screens.board.selected else {
            return;
        };
        let (Some(row), Some((board, _))) = (self.data.row(c), self.data.board.as_ref()) else {
            return;
        };
        let period = board.pledge.period;
        egui::ScrollArea::vertical().show(ui, |ui| {
            actions.extend(self.screens.board.detail_ui(
                ui,
                row,
                period,
                self.today,
                crate::ui::detail::DetailRecords {
                    activities: &self.data.detail_activities,
                    assessment: self.data.detail_assessment.as_ref(),
                    decisions: &self.data.detail_decisions,
                    indicators: &self.data.detail_indicators,
                },
                self.screens.authoring.commitment_form.as_mut(),
            ));
        });
    }

    fn central(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let data = &self.data;
        let screens = &mut self.screens;
        if let Some(Selection::Municipality(_)) = screens.nav.selection {
            let open = data.open_items.len();
            actions.extend(crate::ui::nav::tabs(
                ui,
                &screens.nav,
                data.walks.len(),
                open,
            ));
        }
        let today = self.today;
        match (screens.nav.tab, &data.board, screens.nav.selection) {
            (_, _, Some(Selection::Overview(area))) => {
                let name = data.area_name(area);
                let year = screens.nav.year;
                actions.extend(crate::ui::overview::ui(
                    ui,
                    (area, name),
                    year,
                    &data.overview,
                ));
            }
            (Tab::Walks, _, Some(Selection::Municipality(_))) => {
                let (walks, obs) = (&data.walks, &data.walk_observations);
                let commitment = screens
                    .walks
                    .state
                    .selected
                    .and_then(|w| walks.iter().find(|s| s.walk.id == w))
                    .and_then(|s| s.walk.commitment)
                    .and_then(|c| data.row(c))
                    .map(|r| r.commitment.text.as_str());
                let extras = crate::ui::walks::WalkExtras {
                    counts: &data.photo_counts,
                    shown: &data.observation_photos,
                    commitment,
                    revisited: data.revisited.as_ref().map(|(d, o)| (*d, o.as_slice())),
                };
                actions.extend(screens.walks.ui(ui, walks, obs, &extras, today));
            }
            (Tab::Situation, _, Some(Selection::Municipality(_))) => {
                let view = data.situation.as_ref();
                let line = data.place_line.as_ref();
                let lofte: Vec<_> = data
                    .board
                    .as_ref()
                    .map(|(b, _)| {
                        b.commitments
                            .iter()
                            .map(|c| (c.id, crate::validate::clip_words(&c.text, 80)))
                            .collect()
                    })
                    .unwrap_or_default();
                actions.extend(screens.situation.ui(ui, view, line, &lofte, today));
            }
            (Tab::Agreement, _, Some(Selection::Municipality(_))) => {
                actions.extend(screens.agreement.ui(ui, data.agreement.as_ref(), today));
            }
            (Tab::Measures, _, Some(Selection::Municipality(_))) => {
                actions.extend(screens.measures.ui(ui, &data.open_items, today));
            }
            (Tab::Edit, Some((board, _)), _) => {
                actions.extend(screens.authoring.ui(
                    ui,
                    board,
                    data.pledge_assessment.as_ref(),
                    today,
                ));
            }
            (Tab::Edit, None, Some(Selection::Municipality(m))) => {
                actions.extend(crate::ui::new_pledge::ui(
                    ui,
                    &mut screens.authoring,
                    m,
                    data.previous_pledge.as_ref(),
                ));
            }
            (Tab::Board, Some((board, summary)), _) => {
                let area = data.area_name(board.municipality.police_area);
                actions.extend(screens.board.ui(ui, board, summary, area, today));
            }
            (Tab::Board, None, Some(Selection::Municipality(_))) => {
                ui.label("Kommunen har inget medborgarlöfte för det valda året.");
                if ui.button("Skapa medborgarlöfte…").clicked() {
                    actions.push(crate::ui::NavAction::SetTab(Tab::Edit).into());
                }
            }
            _ => {
                let none = data.nav.iter().all(|a| a.municipalities.is_empty());
                actions.extend(crate::ui::new_municipality::nothing_chosen(ui, none));
            }
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let s = &mut self.screens;
        let mut actions = crate::ui::import_dialog::dialog(ctx, &mut s.import);
        actions.extend(crate::ui::backups::dialog(ctx, &mut s.backups));
        actions.extend(crate::ui::exchange::dialog(ctx, &mut s.exchange));
        let areas: Vec<_> = self
            .data
            .nav
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect();
        actions.extend(crate::ui::new_municipality::dialog(
            ctx,
            &mut s.new_municipality,
            &areas,
        ));
        actions.extend(crate::ui::export::dialog(ctx, &mut s.export));
        actions.extend(crate::ui::new_municipality::first_start(
            ctx,
            &mut s.first_start,
        ));
        actions.extend(crate::ui::recovery::damaged_notice(
            ctx,
            self.damaged_notice,
        ));
        crate::ui::shortcuts::window(ctx, &mut s.shortcuts);
        actions
    }
}
