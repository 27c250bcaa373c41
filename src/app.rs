//! The application: owns the store, the screens and the loaded data; lays out the panels
//! each frame and applies the actions the screens return, once, at the end of the frame.

use crate::controller::{self, Ctx, Effect, Jobs, Reload, Undo, ViewData};
use crate::domain::Clock;
use crate::store::{Store, StoreError};
use crate::ui::forms::{self, FormOutcome};
use crate::ui::nav::{Selection, Tab};
use crate::ui::toast::Toast;
use crate::ui::{Action, BoardAction, MeetingAction, Prefs, Screens};
use chrono::NaiveDate;
use std::path::PathBuf;

const PREFS_KEY: &str = "trygghetstavlan-prefs";

/// Why the database could not be opened, and whether a restore can help.
struct OpenError {
    message: String,
    /// The copies to restore from, when a restore can help (an unreadable file, not
    /// someone else's or a newer one).
    copies: Option<Vec<crate::ui::backups::CopyEntry>>,
}

pub struct App {
    store: Option<Store>,
    open_error: Option<OpenError>,
    db_path: PathBuf,
    clock: Clock,
    today: NaiveDate,
    prefs: Prefs,
    screens: Screens,
    data: ViewData,
    jobs: Jobs,
    toast: Option<Toast>,
    /// What "Ångra" in the toast undoes.
    undo: Option<Undo>,
    error: Option<String>,
    /// The start-up check found the database damaged and the user has not closed the
    /// notice yet.
    damaged_notice: bool,
    /// Another program's changes are noticed through this (`PRAGMA data_version`).
    data_version: Option<i64>,
    last_version_check: f64,
    /// The window is full screen (meeting mode).
    fullscreen: bool,
    /// The desktop's file dialogs; tests give `Unavailable`.
    file_dialogs: Box<dyn controller::dialogs::FileDialogs>,
    /// A panic stopped a frame: the window says so until the user goes on.
    crash: Option<crate::crash::Crash>,
}

/// How often (seconds) the window looks for changes another program made to the file.
const VERSION_CHECK_SECONDS: f64 = 2.0;

impl App {
    /// Builds the app from an opened (or failed) store and saved preferences.
    pub fn new(
        store: Result<Store, StoreError>,
        db_path: PathBuf,
        prefs: Prefs,
        clock: Clock,
    ) -> App {
        let (store, open_error) = match store {
            Ok(s) => (Some(s), None),
            Err(e) => (
                None,
                Some(OpenError {
                    message: e.to_string(),
                    copies: e.is_unreadable().then(|| controller::list_copies(&db_path)),
                }),
            ),
        };
        let mut app = App {
            store,
            open_error,
            db_path,
            clock,
            today: clock.today(),
            prefs,
            screens: Screens::default(),
            data: ViewData::default(),
            jobs: Jobs::default(),
            toast: None,
            undo: None,
            error: None,
            damaged_notice: false,
            data_version: None,
            last_version_check: 0.0,
            fullscreen: false,
            file_dialogs: Box::new(controller::dialogs::Native),
            crash: None,
        };
        // A new database file (not one in memory, as in tests of other things).
        app.screens.first_start = app
            .store
            .as_ref()
            .is_some_and(|s| s.opened() == crate::store::Opened::Created && s.path().is_some());
        app.reload(Reload::Fresh);
        app
    }

    /// Uses other file dialogs than the system's (tests: none at all).
    pub fn with_file_dialogs(mut self, d: Box<dyn controller::dialogs::FileDialogs>) -> App {
        self.file_dialogs = d;
        self
    }

    /// Shows kommun `start.municipality`, in meeting mode when asked.
    pub fn start_at(&mut self, start: &StartAt) {
        if let Some(m) = start.municipality {
            self.apply(crate::ui::NavAction::SelectMunicipality(m).into(), 0.0);
            if start.meeting {
                self.apply(MeetingAction::Start.into(), 0.0);
            }
        }
    }

    /// Starts the background check of the file and the day's copy (a file, not memory).
    pub fn start_checkup(&mut self) {
        if let Some(path) = self.store.as_ref().and_then(|s| s.path()) {
            self.jobs.start_checkup(path.to_path_buf(), self.today);
        }
    }

    /// While the database cannot be opened: a restore from a copy, then a fresh start.
    fn recover(&mut self, action: Action) {
        let Action::Backup(crate::ui::BackupAction::RestoreFrom(copy)) = action else {
            return;
        };
        let now = self.clock.now();
        let restored = crate::store::restore_unopenable(&self.db_path, &copy, now)
            .and_then(|safety| Store::open(&self.db_path).map(|s| (s, safety)));
        match restored {
            Ok((store, safety)) => {
                self.store = Some(store);
                self.open_error = None;
                self.screens = Screens::default();
                self.reload(Reload::Fresh);
                let saved = safety
                    .map(|p| format!(" Den oläsbara filen sparades i {}.", p.display()))
                    .unwrap_or_default();
                self.toast = Some(Toast {
                    text: format!("Återställt från {}.{saved}", copy.display()),
                    undoable: false,
                    shown_at: 0.0,
                });
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// For eframe: reads saved preferences from the creation context.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        store: Result<Store, StoreError>,
        db_path: PathBuf,
    ) -> App {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_zoom_factor(prefs.zoom.clamp(0.5, 3.0));
        set_theme(&cc.egui_ctx, prefs.dark);
        install_style(&cc.egui_ctx);
        install_fallback_font(&cc.egui_ctx);
        // Photos are shown through egui's image loaders (JPEG from the database).
        egui_extras::install_image_loaders(&cc.egui_ctx);
        App::new(store, db_path, prefs, Clock::System)
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    pub fn board(&self) -> Option<&(crate::domain::BoardData, crate::summary::BoardSummary)> {
        self.data.board.as_ref()
    }

    pub fn data(&self) -> &ViewData {
        &self.data
    }

    pub fn screens(&self) -> &Screens {
        &self.screens
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Reads what `reload` asks for into the view data.
    fn reload(&mut self, reload: Reload) {
        let Some(store) = &self.store else { return };
        if reload == Reload::Fresh {
            match controller::initial_nav(store, &self.prefs, self.today) {
                Ok(nav) => self.screens.nav = nav,
                Err(e) => self.error = Some(e.to_string()),
            }
            // The records may be another database's now: an undo would hit the wrong one.
            self.undo = None;
            self.toast = None;
        }
        if let Err(e) = self
            .data
            .reload(reload, store, &mut self.screens, self.today)
        {
            self.error = Some(e.to_string());
        }
    }

    /// Applies one action, at the end of a frame (or from a test).
    pub fn apply(&mut self, action: Action, now: f64) {
        match action {
            Action::Undo => return self.undo(now),
            Action::CloseDamagedNotice => {
                self.damaged_notice = false;
                return;
            }
            Action::CloseToast => {
                self.toast = None;
                self.undo = None;
                return;
            }
            Action::CloseError => {
                self.error = None;
                return;
            }
            Action::SetDarkTheme(dark) => {
                self.prefs.dark = dark;
                return;
            }
            _ => {}
        }
        let Some(store) = self.store.as_mut() else {
            return self.recover(action);
        };
        let mut cx = Ctx {
            store,
            db_path: &self.db_path,
            clock: self.clock,
            today: self.today,
            data: &self.data,
            screens: &mut self.screens,
            prefs: &mut self.prefs,
            jobs: &mut self.jobs,
            dialogs: self.file_dialogs.as_ref(),
        };
        let effect = match controller::apply(action, &mut cx) {
            Ok(effect) => effect,
            Err(e) => {
                self.error = Some(e.to_string());
                // Show what the store holds now, whatever the failed step left.
                Effect::reload(Reload::Board)
            }
        };
        if let Some(text) = effect.toast {
            self.toast = Some(Toast {
                text,
                undoable: effect.undo.is_some(),
                shown_at: now,
            });
            self.undo = effect.undo;
        }
        self.reload(effect.reload);
    }

    /// Performs the undo the toast offers.
    fn undo(&mut self, now: f64) {
        let (Some(store), Some(undo)) = (self.store.as_mut(), self.undo.take()) else {
            return;
        };
        match undo.apply(store) {
            Ok(()) => {
                // Goes away like any other toast (0 would keep it until closed).
                self.toast = Some(Toast {
                    text: "Ångrat.".into(),
                    undoable: false,
                    shown_at: now.max(f64::MIN_POSITIVE),
                })
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.reload(Reload::All);
    }

    /// Work between frames: a new day, finished background jobs, an old toast.
    pub fn logic(&mut self, ctx: &egui::Context) {
        let today = self.clock.today();
        if today != self.today {
            self.today = today;
            self.reload(Reload::All);
        }
        if self.jobs.poll(&mut self.screens.export) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        let now = ctx.input(|i| i.time);
        if self.toast.as_ref().is_some_and(|t| t.expired(now)) {
            self.toast = None;
            self.undo = None;
        }
        if self.toast.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        match self.jobs.checkup_done() {
            Some(Err(e)) if e.is_unreadable() || matches!(e, StoreError::DamagedCopy(_)) => {
                self.damaged_notice = true;
            }
            Some(Err(e)) => {
                self.error = Some(format!("Dagens säkerhetskopia kunde inte sparas: {e}"))
            }
            Some(Ok(_)) | None => {}
        }
        if now - self.last_version_check >= VERSION_CHECK_SECONDS {
            self.last_version_check = now;
            self.notice_other_programs();
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(VERSION_CHECK_SECONDS));
    }

    /// Reloads what is shown when another program (the CLI, a second window) changed the
    /// file since the last look.
    fn notice_other_programs(&mut self) {
        let Some(version) = self.store.as_ref().and_then(|s| s.data_version().ok()) else {
            return;
        };
        if self.data_version.is_some_and(|v| v != version) {
            self.reload(Reload::All);
        }
        self.data_version = Some(version);
    }

    /// One frame as eframe runs it: `logic`, then the panels.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.frame_guarded(ui, |app, ui| {
            app.logic(&ui.ctx().clone());
            app.draw(ui);
        });
    }

    /// Runs a frame's `work` with panics caught at the frame boundary: one is written to
    /// the log beside the database and the window shows a Swedish message instead of
    /// closing. The file is safe: every write is one transaction, and a transaction that
    /// unwinds rolls back.
    pub fn frame_guarded(&mut self, ui: &mut egui::Ui, work: impl FnOnce(&mut App, &mut egui::Ui)) {
        if let Some(crash) = &self.crash {
            if crate::ui::recovery::crash_screen(ui, crash) {
                // Whatever screen state led to the panic is dropped: back to the board.
                self.crash = None;
                self.screens = Screens::default();
                self.reload(Reload::Fresh);
            }
            return;
        }
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self, ui)));
        if let Err(payload) = ran {
            self.crash = Some(crate::crash::Crash::record(&self.db_path, payload.as_ref()));
            ui.ctx().request_repaint();
        }
    }

    /// The last caught panic, while its message is shown.
    pub fn crash(&self) -> Option<&crate::crash::Crash> {
        self.crash.as_ref()
    }

    /// Lays out the panels and applies what the screens asked for.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        if self.open_error.is_some() {
            let mut actions = self.status_strip(ui);
            if let Some(err) = &self.open_error {
                actions.extend(crate::ui::recovery::open_error_screen(
                    ui,
                    &err.message,
                    &self.db_path,
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
        if !(kommun_view && self.screens.nav.hide_side_panel) {
            self.side_panel(ui, &mut actions);
        }
        if board_tab {
            self.detail_panel(ui, &mut actions);
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut actions));
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
        self.prefs.zoom = ui.ctx().zoom_factor();
        let dark = self.prefs.dark;
        for a in actions {
            self.apply(a, now);
        }
        if self.prefs.dark != dark {
            set_theme(ui.ctx(), self.prefs.dark);
        }
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
                actions.push(MeetingAction::Show(step.moved(-1)).into());
            } else if next {
                actions.push(MeetingAction::Show(step.moved(1)).into());
            }
            if !typing && key(egui::Key::ArrowDown) {
                self.screens.meeting.board_scroll += 44.0;
            }
            if !typing && key(egui::Key::ArrowUp) {
                self.screens.meeting.board_scroll =
                    (self.screens.meeting.board_scroll - 44.0).max(0.0);
            }
        });
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
        let close = Action::from(BoardAction::CloseActivityForm);
        forms::dialog(
            ctx,
            true,
            (&title, Some(560.0), 60.0),
            close,
            |ui| match form.ui(ui, today) {
                Some(FormOutcome::Save(a)) => vec![BoardAction::SaveActivity(a).into()],
                Some(FormOutcome::Cancel) => vec![BoardAction::CloseActivityForm.into()],
                None => Vec::new(),
            },
        )
    }

    fn detail_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(c) = self.screens.board.selected else {
            return;
        };
        let (Some(row), Some((board, _))) = (self.data.row(c), self.data.board.as_ref()) else {
            return;
        };
        let period = board.pledge.period;
        egui::Panel::right("detail")
            .default_size(540.0)
            .size_range(500.0..=720.0)
            .resizable(true)
            .show(ui, |ui| {
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
                        },
                        self.screens.authoring.commitment_form.as_mut(),
                    ));
                });
            });
    }

    fn central(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let data = &self.data;
        let screens = &mut self.screens;
        if let Some(Selection::Municipality(_)) = screens.nav.selection {
            let open = data.open_items.len();
            actions.extend(crate::ui::nav::tabs(
                ui,
                &mut screens.nav,
                &mut screens.board.compact,
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
        actions
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.crash.is_some() {
            return;
        }
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| App::logic(self, ctx)));
        if let Err(payload) = ran {
            self.crash = Some(crate::crash::Crash::record(&self.db_path, payload.as_ref()));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_guarded(ui, |app, ui| app.draw(ui));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

fn set_theme(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}

/// DejaVu Sans (already in the binary for the PDF) after egui's own fonts: pasted texts
/// keep their "●", "■", "➢" and "→" instead of showing boxes.
pub fn install_fallback_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "dejavu-sans",
        egui::FontData::from_static(dejavu::sans::regular()),
        families,
    ));
}

/// Projector-friendly text sizes: body 17 px.
pub fn install_style(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(17.0, FontFamily::Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(17.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        // Hints and secondary text readable on a projector: egui's default (the text
        // colour at 60 %) is about 2.9:1 on the light background; these are above 6:1.
        style.visuals.weak_text_color = Some(if style.visuals.dark_mode {
            egui::Color32::from_gray(0xA8)
        } else {
            egui::Color32::from_gray(0x5C)
        });
    });
}

/// Opens the window on the database at `path`, at kommun `kommun` (by name), in meeting
/// mode when `meeting`. A database that cannot be opened is shown as the recovery screen.
pub fn launch(path: PathBuf, kommun: Option<&str>, meeting: bool) -> Result<(), String> {
    crate::crash::install_hook();
    let store = Store::open_or_create(&path, crate::seed::install);
    let mut start = StartAt {
        municipality: None,
        meeting,
    };
    if let (Some(name), Ok(s)) = (kommun, &store) {
        match s.municipality_by_name(name) {
            Ok(Some(m)) => start.municipality = Some(m.id),
            Ok(None) => return Err(format!("Okänd kommun: {name}")),
            Err(e) => return Err(e.to_string()),
        }
    } else if meeting && kommun.is_none() {
        return Err("Ange kommunen för mötet: --kommun NAMN --mote.".into());
    }
    run(path, store, start).map_err(|e| format!("Kunde inte öppna fönstret: {e}"))
}

/// Where the window starts: a kommun (by name), in meeting mode or not.
#[derive(Debug, Clone, Default)]
pub struct StartAt {
    pub municipality: Option<crate::domain::MunicipalityId>,
    pub meeting: bool,
}

/// The icon in the title bar and task bar (the same picture as the .exe's and the Linux
/// desktop entry's, assets/icon).
fn window_icon() -> egui::IconData {
    let png = include_bytes!("../assets/icon/trygghetstavlan-256.png");
    match image::load_from_memory_with_format(png, image::ImageFormat::Png) {
        Ok(img) => {
            let rgba = img.into_rgba8();
            egui::IconData {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            }
        }
        // A built-in file; a broken one shows the system's default icon.
        Err(_) => egui::IconData::default(),
    }
}

/// Opens the main window.
pub fn run(db_path: PathBuf, store: Result<Store, StoreError>, start: StartAt) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Trygghetstavlan")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_app_id("trygghetstavlan")
            .with_icon(window_icon()),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Trygghetstavlan",
        options,
        Box::new(move |cc| {
            let mut app = App::from_creation_context(cc, store, db_path);
            app.start_at(&start);
            app.start_checkup();
            Ok(Box::new(app))
        }),
    )
}
