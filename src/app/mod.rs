//! The application: owns the store, the screens and the loaded data; lays out the panels
//! each frame and applies the actions the screens return, once, at the end of the frame.

use crate::controller::{self, Ctx, Effect, Jobs, Reload, Undo, ViewData};
use crate::domain::Clock;
use crate::store::{Store, StoreError};
use crate::ui::toast::Toast;
use crate::ui::{Action, MeetingAction, Prefs, Screens};
use chrono::NaiveDate;
use std::path::PathBuf;

mod view;
mod window;

use window::set_theme;
pub use window::{StartAt, install_fallback_font, install_style, launch, run};

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
            self.crash = Some(crate::crash::Crash::record(
                self.crash_log_db(),
                payload.as_ref(),
            ));
            ui.ctx().request_repaint();
        }
    }

    /// The last caught panic, while its message is shown.
    /// The database a crash is logged beside: the file shown, or the one that could not
    /// be opened; none for a database only in memory.
    fn crash_log_db(&self) -> Option<&std::path::Path> {
        match &self.store {
            Some(s) => s.path(),
            // A server that could not be reached has no file to log beside.
            None if crate::store::server_url(&self.db_path).is_some() => None,
            None => Some(&self.db_path),
        }
    }

    pub fn crash(&self) -> Option<&crate::crash::Crash> {
        self.crash.as_ref()
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.crash.is_some() {
            return;
        }
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| App::logic(self, ctx)));
        if let Err(payload) = ran {
            self.crash = Some(crate::crash::Crash::record(
                self.crash_log_db(),
                payload.as_ref(),
            ));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_guarded(ui, |app, ui| app.draw(ui));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
