//! The application: owns the store, draws the views and applies the actions they return.

use crate::cli::default_pledge;
use crate::domain::{Activity, ActivityId, PledgeId};
use crate::domain::{CommitmentId, Party, Status};
use crate::store::{BoardData, Store, StoreError};
use crate::store::{OpenObservation, WalkSummary};
use crate::summary::{BoardSummary, summarize};
use crate::ui::atgarder::{AtgarderState, AtgarderView};
use crate::ui::authoring::{AuthoringState, AuthoringView, NewMunicipalityForm};
use crate::ui::board::{BoardFilter, BoardView};
use crate::ui::commitment_form::{CommitmentForm, CommitmentOutcome};
use crate::ui::date_field::DateField;
use crate::ui::detail::{DetailView, StatusEditor};
use crate::ui::export::{self as export_view, ExportState, ExportStatus};
use crate::ui::import_dialog::ImportState;
use crate::ui::insats_form::{FormOutcome, InsatsForm};
use crate::ui::nav::{self, NavArea, NavEntry, Selection};
use crate::ui::overview::{self, OverviewCard};
use crate::ui::walk_form::{WalkForm, WalkOutcome};
use crate::ui::walks::{WalksState, WalksView};
use crate::ui::{Action, Tab};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::mpsc;

/// UI preferences saved by eframe between runs (records live in SQLite only).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    pub municipality: Option<String>,
    /// The year shown: each kommun shows its medborgarlöfte covering it.
    pub year: Option<i32>,
    pub dark: bool,
    pub zoom: f32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            municipality: None,
            year: None,
            dark: false,
            zoom: 1.0,
        }
    }
}

const PREFS_KEY: &str = "trygghetstavlan-prefs";

/// Where "today" comes from: the system clock, or a fixed day in tests.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Fixed(d) => d,
        }
    }
}

/// A short message at the bottom, with an optional undo.
#[derive(Debug, Clone)]
pub struct Toast {
    pub text: String,
    pub undo: Option<Undo>,
    pub shown_at: f64,
}

impl Toast {
    fn note(text: impl Into<String>, now: f64) -> Option<Toast> {
        Some(Toast {
            text: text.into(),
            undo: None,
            shown_at: now,
        })
    }

    fn with_undo(text: impl Into<String>, undo: Option<Undo>, now: f64) -> Option<Toast> {
        Some(Toast {
            text: text.into(),
            undo,
            shown_at: now,
        })
    }
}

#[derive(Debug, Clone)]
pub enum Undo {
    RemoveActivity(ActivityId),
    RestoreActivity(Box<Activity>),
    RestoreWalk(Box<crate::store::DeletedWalk>),
    RestoreCommitment(Box<crate::store::DeletedCommitment>),
    RestoreSection(Box<crate::store::DeletedSection>),
}

pub struct App {
    store: Option<Store>,
    open_error: Option<String>,
    db_path: PathBuf,
    pub prefs: Prefs,
    pub clock: Clock,
    today: NaiveDate,
    years: Vec<i32>,
    pub year: Option<i32>,
    nav: Vec<NavArea>,
    pub selection: Option<Selection>,
    board: Option<(BoardData, BoardSummary)>,
    overview: Vec<OverviewCard>,
    pub filter: BoardFilter,
    pub selected_commitment: Option<CommitmentId>,
    detail_activities: Vec<crate::domain::Activity>,
    pub status_editor: StatusEditor,
    pub form: Option<InsatsForm>,
    pub tab: Tab,
    walks: Vec<WalkSummary>,
    walk_observations: Vec<crate::domain::Observation>,
    open_items: Vec<OpenObservation>,
    pub walks_state: WalksState,
    pub atgarder_state: AtgarderState,
    pub walk_form: Option<WalkForm>,
    pub export: ExportState,
    pub authoring: AuthoringState,
    pub import: ImportState,
    pub new_municipality: NewMunicipalityForm,
    pub backups: crate::ui::backups::BackupState,
    export_job: Option<mpsc::Receiver<Result<(PathBuf, usize), String>>>,
    pub commitment_form: Option<CommitmentForm>,
    pub meeting_field: DateField,
    pub toast: Option<Toast>,
    pub error: Option<String>,
}

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
            Err(e) => (None, Some(e.to_string())),
        };
        let mut app = App {
            store,
            open_error,
            db_path,
            prefs,
            clock,
            today: clock.today(),
            years: Vec::new(),
            year: None,
            nav: Vec::new(),
            selection: None,
            board: None,
            overview: Vec::new(),
            filter: BoardFilter::default(),
            selected_commitment: None,
            detail_activities: Vec::new(),
            status_editor: StatusEditor::default(),
            form: None,
            tab: Tab::Board,
            walks: Vec::new(),
            walk_observations: Vec::new(),
            open_items: Vec::new(),
            walks_state: WalksState::default(),
            atgarder_state: AtgarderState::default(),
            walk_form: None,
            export: ExportState::default(),
            authoring: AuthoringState::default(),
            import: ImportState::default(),
            new_municipality: NewMunicipalityForm::default(),
            backups: Default::default(),
            export_job: None,
            commitment_form: None,
            meeting_field: DateField::default(),
            toast: None,
            error: None,
        };
        app.restore_selection();
        app
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
        App::new(store, db_path, prefs, Clock::System)
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    pub fn board(&self) -> Option<&(BoardData, BoardSummary)> {
        self.board.as_ref()
    }

    fn restore_selection(&mut self) {
        let Some(store) = &self.store else { return };
        let mut years: Vec<i32> = store
            .all_periods()
            .unwrap_or_default()
            .iter()
            .flat_map(|p| p.years())
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        self.years = years;
        let this_year = chrono::Datelike::year(&self.today);
        self.year = self
            .prefs
            .year
            .filter(|y| self.years.contains(y))
            .or_else(|| self.years.iter().copied().find(|y| *y <= this_year))
            .or_else(|| self.years.last().copied());
        let wanted = self.prefs.municipality.clone();
        let municipalities = store.municipalities().unwrap_or_default();
        let m = wanted
            .and_then(|n| municipalities.iter().find(|m| m.name == n))
            .or(municipalities.first());
        self.selection = m.map(|m| Selection::Municipality(m.id));
        self.reload();
    }

    /// Reloads navigation and the selected board from the store (after every change).
    pub fn reload(&mut self) {
        let Some(store) = &self.store else { return };
        match load_views(store, self.year, self.selection, self.today) {
            Ok(loaded) => {
                self.nav = loaded.nav;
                self.board = loaded.board;
                self.overview = loaded.overview;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.reload_selected_parts();
    }

    /// After a change that only concerns the selected kommun: reloads its board and its
    /// entry in the left panel, not every kommun's.
    pub fn reload_local(&mut self) {
        let Some(store) = &self.store else { return };
        let Some(Selection::Municipality(m)) = self.selection else {
            return self.reload();
        };
        match load_board(store, self.year, m, self.today) {
            Ok(board) => {
                let progress = board.as_ref().map(|(_, s)| (s.done(), s.total()));
                for area in &mut self.nav {
                    for e in area.municipalities.iter_mut().filter(|e| e.id == m) {
                        e.progress = progress;
                    }
                }
                self.board = board;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.reload_selected_parts();
    }

    /// The parts that follow the selection: detail insatser, walks, meeting date.
    fn reload_selected_parts(&mut self) {
        let Some(store) = &self.store else { return };
        // The selected löfte must be on the board; load its insatser.
        let on_board = self.selected_row().is_some();
        if !on_board {
            self.selected_commitment = None;
        }
        self.detail_activities = match self.selected_commitment {
            Some(c) => store.activities_for_commitment(c).unwrap_or_default(),
            None => Vec::new(),
        };
        let walks = match self.selection {
            Some(Selection::Municipality(m)) => (|| -> Result<_, StoreError> {
                let summaries = store.walk_summaries(m)?;
                let open = store.open_observations(m, self.today)?;
                // Keep the selected walk; else show the newest.
                let selected = self
                    .walks_state
                    .selected
                    .filter(|w| summaries.iter().any(|s| s.walk.id == *w))
                    .or_else(|| summaries.first().map(|s| s.walk.id));
                let obs = match selected {
                    Some(w) => store.observations(w)?,
                    None => Vec::new(),
                };
                Ok((summaries, open, selected, obs))
            })(),
            _ => Ok((Vec::new(), Vec::new(), None, Vec::new())),
        };
        match walks {
            Ok((summaries, open, selected, obs)) => {
                self.walks = summaries;
                self.open_items = open;
                self.walks_state.selected = selected;
                self.walk_observations = obs;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        let meeting = self.board.as_ref().and_then(|(b, _)| b.since);
        if crate::validate::parse_date(&self.meeting_field.text).ok() != meeting
            && self.meeting_field.open_month.is_none()
        {
            self.meeting_field.text = meeting.map(|d| d.to_string()).unwrap_or_default();
        }
    }

    /// The board row of the selected löfte.
    pub fn selected_row(&self) -> Option<&crate::summary::CommitmentRow> {
        let c = self.selected_commitment?;
        self.board
            .as_ref()?
            .1
            .rows
            .iter()
            .find(|r| r.commitment.id == c)
    }

    /// After creating a medborgarlöfte: show its first year on the board.
    fn show_new_pledge(&mut self, period: crate::domain::Period) {
        if let Some(store) = &self.store {
            let mut years: Vec<i32> = store
                .all_periods()
                .unwrap_or_default()
                .iter()
                .flat_map(|p| p.years())
                .collect();
            years.sort_unstable_by(|a, b| b.cmp(a));
            years.dedup();
            self.years = years;
        }
        self.year = Some(period.first);
        self.prefs.year = Some(period.first);
        self.tab = Tab::Edit;
        self.selected_commitment = None;
    }

    /// Löften of the shown board a walk can count towards.
    fn commitment_choices(&self) -> Vec<(CommitmentId, String)> {
        self.board
            .as_ref()
            .map(|(b, _)| {
                b.commitments
                    .iter()
                    .map(|c| {
                        let short: String = c.text.chars().take(70).collect();
                        (c.id, short)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// An empty form for a new insats of `c`, dated today.
    fn new_form(&self, c: CommitmentId) -> Option<InsatsForm> {
        let (board, summary) = self.board.as_ref()?;
        let row = summary.rows.iter().find(|r| r.commitment.id == c)?;
        let cm = &row.commitment;
        let targets: Vec<_> = if cm.targets.len() > 1 {
            cm.targets
                .iter()
                .map(|t| (t.id, t.label.clone().unwrap_or_else(|| t.describe())))
                .collect()
        } else {
            Vec::new()
        };
        Some(InsatsForm {
            editing: None,
            municipality: board.municipality.id,
            commitment: c,
            target: if cm.targets.len() == 1 {
                Some(cm.targets[0].id)
            } else {
                None
            },
            targets,
            period: board.pledge.period,
            sub_areas: cm.sub_areas.clone(),
            date: DateField::new(self.today),
            by: cm.party,
            count: "1".into(),
            place: String::new(),
            description: String::new(),
            note: String::new(),
            confirm_outside: false,
        })
    }

    /// Applies one action from a view.
    pub fn apply(&mut self, action: Action, now: f64) {
        let local = action.is_local();
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let result: Result<Option<Toast>, StoreError> = match action {
            Action::SelectMunicipality(m) => {
                if self.selection != Some(Selection::Municipality(m)) {
                    self.walks_state = WalksState::default();
                    self.atgarder_state = AtgarderState::default();
                    self.walk_form = None;
                }
                self.selection = Some(Selection::Municipality(m));
                self.selected_commitment = None;
                self.prefs.municipality = store.municipality(m).ok().map(|m| m.name);
                Ok(None)
            }
            Action::SelectOverview(a) => {
                self.selection = Some(Selection::Overview(a));
                Ok(None)
            }
            Action::SelectYear(y) => {
                self.year = Some(y);
                self.prefs.year = Some(y);
                self.selected_commitment = None;
                Ok(None)
            }
            Action::SelectCommitment(c) => {
                if self.selected_commitment != c {
                    self.form = None;
                    self.commitment_form = None;
                }
                self.selected_commitment = c;
                self.status_editor = StatusEditor::default();
                if let Some(c) = c
                    && let Some(row) = self
                        .board
                        .as_ref()
                        .and_then(|(_, s)| s.rows.iter().find(|r| r.commitment.id == c))
                {
                    self.status_editor = StatusEditor::from_row(row);
                }
                Ok(None)
            }
            Action::NewActivity(c) => {
                self.selected_commitment = Some(c);
                self.commitment_form = None;
                self.form = self.new_form(c);
                Ok(None)
            }
            Action::EditActivity(id) => {
                let base = store
                    .activity(id)
                    .ok()
                    .and_then(|a| a.commitment.map(|c| (a, c)));
                if let Some((a, c)) = base
                    && let Some(form) = self.new_form(c)
                {
                    self.form = Some(InsatsForm::edit(&a, form));
                }
                Ok(None)
            }
            Action::CloseForm => {
                self.form = None;
                Ok(None)
            }
            Action::SaveActivity(a) => {
                let editing = a.id.0 > 0;
                let r = if editing {
                    store.update_activity(&a).map(|_| a.id)
                } else {
                    store.add_activity(&a)
                };
                r.map(|id| {
                    self.form = None;
                    Some(Toast {
                        text: if editing {
                            format!("Insatsen {} sparades.", a.date)
                        } else {
                            format!("Insats {} registrerad ({} st).", a.date, a.count)
                        },
                        undo: (!editing).then_some(Undo::RemoveActivity(id)),
                        shown_at: now,
                    })
                })
            }
            Action::DeleteActivity(id) => store.delete_activity(id).map(|a| {
                Toast::with_undo(
                    format!("Insatsen {} togs bort.", a.date),
                    Some(Undo::RestoreActivity(Box::new(a))),
                    now,
                )
            }),
            Action::SetManualStatus(c, manual) => {
                let text = match &manual {
                    Some(m) => format!("Status satt till {}.", m.status.label()),
                    None => "Statusen beräknas igen.".into(),
                };
                store.set_manual_status(c, manual.as_ref()).map(|_| {
                    Some(Toast {
                        text,
                        undo: None,
                        shown_at: now,
                    })
                })
            }
            Action::SetLastMeeting(m, date) => store.set_last_meeting(m, date).map(|_| None),
            Action::OpenExport => {
                if let Some((b, _)) = &self.board {
                    let name = export_view::suggested_file_name(
                        &b.municipality.name,
                        &b.pledge.period.to_string(),
                    );
                    self.export = ExportState {
                        open: true,
                        subject: format!(
                            "{}, medborgarlöfte {}",
                            b.municipality.name, b.pledge.period
                        ),
                        path: default_export_dir().join(name).display().to_string(),
                        status: ExportStatus::Idle,
                    };
                }
                Ok(None)
            }
            Action::CloseExport => {
                self.export.open = false;
                Ok(None)
            }
            Action::ChooseExportFile => {
                let current = PathBuf::from(self.export.path.trim());
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Spara PDF-uppföljning")
                    .add_filter("PDF", &["pdf"]);
                if let Some(name) = current.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                    dialog = dialog.set_directory(dir);
                }
                // None is Cancel, or no file dialog on this desktop: the path field stays.
                if let Some(p) = dialog.save_file() {
                    self.export.path = p.display().to_string();
                }
                Ok(None)
            }
            Action::StartExport(path) => match &self.board {
                Some((b, _)) => {
                    crate::report::build_follow_up(store, b.pledge.id, self.today).map(|report| {
                        let (tx, rx) = mpsc::channel();
                        std::thread::spawn(move || {
                            let result = crate::report::render_pdf(&report).and_then(|pdf| {
                                crate::cli::write_atomically(&path, &pdf.bytes)
                                    .map(|_| (path, pdf.pages))
                            });
                            let _ = tx.send(result);
                        });
                        self.export_job = Some(rx);
                        self.export.status = ExportStatus::Busy;
                        None
                    })
                }
                None => Ok(None),
            },
            Action::OpenFolder(path) => {
                if let Err(e) = open_folder(&path) {
                    self.error = Some(e);
                }
                Ok(None)
            }
            Action::NewPledge {
                municipality,
                period,
                copy_from,
            } => {
                let r = match copy_from {
                    Some(from) => store.copy_pledge_forward(from, period),
                    None => store.insert_pledge(
                        municipality,
                        period,
                        &crate::domain::PledgeDraft {
                            title: format!("Medborgarlöfte {period}"),
                            sections: vec![crate::domain::SectionDraft {
                                title: "Löften".into(),
                                commitments: Vec::new(),
                            }],
                            ..Default::default()
                        },
                    ),
                };
                r.map(|_| {
                    self.show_new_pledge(period);
                    Toast::note(format!("Medborgarlöfte {period} skapat."), now)
                })
            }
            Action::OpenImport => {
                if let Some((b, _)) = &self.board {
                    let next = (b.pledge.period.last + 1).to_string();
                    self.import = ImportState {
                        open: true,
                        municipality: Some(b.municipality.id),
                        kommun: b.municipality.name.clone(),
                        period: next.clone(),
                        title: format!("Medborgarlöfte {next}"),
                        ..Default::default()
                    };
                }
                Ok(None)
            }
            Action::CloseImport => {
                self.import.open = false;
                Ok(None)
            }
            Action::SaveImport {
                municipality,
                period,
                draft,
            } => store.insert_pledge(municipality, period, &draft).map(|_| {
                self.import = ImportState::default();
                self.show_new_pledge(period);
                Toast::note(format!("Medborgarlöfte {period} importerat."), now)
            }),
            Action::SavePledgeHead {
                pledge,
                title,
                goal,
                contact,
                signatories,
            } => store
                .update_pledge_head(pledge, &title, &goal, Some(&contact), &signatories)
                .map(|_| {
                    self.authoring.head.pledge = None;
                    Toast::note("Uppgifterna sparades.", now)
                }),
            Action::AddSection(p, title) => store.add_section(p, &title).map(|_| None),
            Action::RenameSection(id, title) => store.rename_section(id, &title).map(|_| None),
            Action::MoveSection(id, step) => store.move_section(id, step).map(|_| None),
            Action::DeleteSection(id) => store.delete_section_for_undo(id).map(|d| {
                self.authoring.section_names.remove(&id);
                Toast::with_undo(
                    format!("Avsnittet {} togs bort.", d.title),
                    Some(Undo::RestoreSection(Box::new(d))),
                    now,
                )
            }),
            Action::AddCommitment(section) => store
                .add_commitment(
                    section,
                    &crate::domain::CommitmentDraft {
                        text: "Nytt löfte".into(),
                        party: crate::domain::Party::Gemensamt,
                        targets: Vec::new(),
                        sub_areas: Vec::new(),
                        tags: Vec::new(),
                    },
                )
                .and_then(|id| {
                    let cm = store.commitment(id)?;
                    let pledge = store.pledge(store.pledge_of_commitment(id)?)?;
                    let suggestions = store.focus_areas_for(pledge.municipality, pledge.period)?;
                    self.commitment_form = Some(CommitmentForm::new(&cm, suggestions));
                    Ok(None)
                }),
            Action::MoveCommitment(id, step) => store.move_commitment(id, step).map(|_| None),
            Action::MoveCommitmentTo(id, to) => {
                store.move_commitment_to_section(id, to).map(|_| None)
            }
            Action::DeleteCommitment(id) => store.delete_commitment_for_undo(id).map(|d| {
                let short: String = d.commitment.text.chars().take(40).collect();
                Some(Toast {
                    text: format!(
                        "Löftet \"{short}…\" togs bort med {} insatser.",
                        d.activities.len()
                    ),
                    undo: Some(Undo::RestoreCommitment(Box::new(d))),
                    shown_at: now,
                })
            }),
            Action::OpenBackups => {
                let dir = crate::store::backup_dir(&self.db_path);
                let mut copies: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                    .unwrap_or_default();
                copies.retain(|p| p.extension().is_some_and(|e| e == "db"));
                copies.sort();
                copies.reverse();
                let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
                self.backups = crate::ui::backups::BackupState {
                    open: true,
                    save_path: dir.join(format!("kopia-{stamp}.db")).display().to_string(),
                    copies,
                    ..Default::default()
                };
                Ok(None)
            }
            Action::BackupNow(path) => {
                let r = if path.exists() {
                    Err(StoreError::Invalid(format!(
                        "{} finns redan.",
                        path.display()
                    )))
                } else {
                    path.parent()
                        .map(|d| {
                            std::fs::create_dir_all(d)
                                .map_err(|e| StoreError::Backup(e.to_string()))
                        })
                        .unwrap_or(Ok(()))
                        .and_then(|_| store.backup_to(&path))
                };
                self.backups.message = Some(match r {
                    Ok(()) => format!("Kopian sparades: {}", path.display()),
                    Err(e) => e.to_string(),
                });
                Ok(None)
            }
            Action::ChooseRestoreFile => {
                if let Some(p) = rfd::FileDialog::new()
                    .set_title("Välj säkerhetskopia")
                    .add_filter("Databas", &["db"])
                    .pick_file()
                {
                    self.backups.restore_path = p.display().to_string();
                }
                Ok(None)
            }
            Action::RestoreFrom(path) => {
                let r = store.restore_from(&path);
                self.backups.message = Some(match &r {
                    Ok(Some(safety)) => format!(
                        "Återställt från {}. Tidigare data sparades i {}.",
                        path.display(),
                        safety.display()
                    ),
                    Ok(None) => format!("Återställt från {}.", path.display()),
                    Err(e) => e.to_string(),
                });
                if r.is_ok() {
                    self.selected_commitment = None;
                    self.authoring = AuthoringState::default();
                    self.walks_state = WalksState::default();
                    self.restore_selection();
                }
                Ok(None)
            }
            Action::OpenNewMunicipality => {
                self.new_municipality = NewMunicipalityForm {
                    open: true,
                    area: self.nav.first().map(|a| a.id),
                    ..Default::default()
                };
                Ok(None)
            }
            Action::CreateMunicipality { name, area } => (|| {
                let a = store.ensure_police_area(&area)?;
                let m = store.add_municipality(&name, a)?;
                self.new_municipality = NewMunicipalityForm::default();
                self.selection = Some(Selection::Municipality(m));
                self.prefs.municipality = Some(name.clone());
                self.tab = Tab::Edit;
                Ok(Some(Toast {
                    text: format!(
                        "Kommunen {name} skapades. Lägg till dess medborgarlöfte under Redigera."
                    ),
                    undo: None,
                    shown_at: now,
                }))
            })(),
            Action::SetTab(t) => {
                self.tab = t;
                Ok(None)
            }
            Action::SelectWalk(w) => {
                if self.walks_state.selected != w {
                    self.walks_state.pending = None;
                    self.walks_state.confirm_delete = None;
                }
                self.walks_state.selected = w;
                Ok(None)
            }
            Action::NewWalk => {
                if let Some(Selection::Municipality(m)) = self.selection {
                    self.walk_form = Some(WalkForm::new(m, self.today, self.commitment_choices()));
                }
                Ok(None)
            }
            Action::EditWalk(id) => store.walk(id).map(|w| {
                self.walk_form = Some(WalkForm::edit(&w, self.commitment_choices()));
                None
            }),
            Action::CloseWalkForm => {
                self.walk_form = None;
                Ok(None)
            }
            Action::SaveWalk(w) => {
                let editing = w.id.0 > 0;
                let r = if editing {
                    store.update_walk(&w).map(|_| w.id)
                } else {
                    store.add_walk(&w)
                };
                r.map(|id| {
                    self.walk_form = None;
                    self.walks_state.selected = Some(id);
                    Toast::note(format!("Trygghetsvandringen {} sparades.", w.date), now)
                })
            }
            Action::DeleteWalk(id) => store.delete_walk_for_undo(id).map(|d| {
                Some(Toast {
                    text: format!(
                        "Trygghetsvandringen {} togs bort med {} iakttagelser.",
                        d.walk.date,
                        d.observations.len()
                    ),
                    undo: Some(Undo::RestoreWalk(Box::new(d))),
                    shown_at: now,
                })
            }),
            Action::AddObservation(o) => store.add_observation(&o).map(|_| None),
            Action::SetObservationStatus { id, status, reason } => (|| {
                let mut o = store.observation(id)?;
                o.status = status;
                o.status_reason = reason;
                o.updated_on = self.today;
                store.update_observation(&o)?;
                Ok(Toast::note(
                    format!("{}: {}.", o.place, status.label()),
                    now,
                ))
            })(),
            Action::EditCommitment(c) => (|| {
                let cm = store.commitment(c)?;
                let pledge = store.pledge(store.pledge_of_commitment(c)?)?;
                let suggestions = store.focus_areas_for(pledge.municipality, pledge.period)?;
                self.form = None;
                self.commitment_form = Some(CommitmentForm::new(&cm, suggestions));
                Ok(None)
            })(),
            Action::SaveCommitment(c) => store.update_commitment(&c).map(|_| {
                self.commitment_form = None;
                Toast::note("Löftet sparades.", now)
            }),
            Action::QuickAdd {
                commitment,
                target,
                by,
            } => {
                let result = (|| {
                    let pledge = store.pledge(store.pledge_of_commitment(commitment)?)?;
                    let a = Activity {
                        id: ActivityId(0),
                        municipality: pledge.municipality,
                        commitment: Some(commitment),
                        target,
                        date: self.today,
                        by,
                        count: 1,
                        place: String::new(),
                        description: String::new(),
                        internal_note: String::new(),
                    };
                    store.add_activity(&a)
                })();
                result.map(|id| {
                    Toast::with_undo(
                        format!("Insats registrerad {}.", self.today),
                        Some(Undo::RemoveActivity(id)),
                        now,
                    )
                })
            }
            Action::SetChecked(c, on) => {
                store.set_checked(c, on.then_some(self.today)).map(|_| None)
            }
        };
        match result {
            Ok(toast) => {
                if toast.is_some() {
                    self.toast = toast;
                }
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        if local {
            self.reload_local();
        } else {
            self.reload();
        }
    }

    /// Performs the undo of the current toast.
    pub fn undo(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let Some(undo) = self.toast.take().and_then(|t| t.undo) else {
            return;
        };
        let r = match undo {
            Undo::RemoveActivity(id) => store.delete_activity(id).map(|_| ()),
            Undo::RestoreActivity(a) => store.restore_activity(&a),
            Undo::RestoreWalk(w) => store.restore_walk(&w),
            Undo::RestoreCommitment(c) => store.restore_commitment(&c),
            Undo::RestoreSection(sec) => store.restore_section(&sec),
        };
        match r {
            Ok(()) => {
                self.toast = Some(Toast {
                    text: "Ångrat.".into(),
                    undo: None,
                    shown_at: 0.0,
                })
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.reload();
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Trygghetstavlan").size(22.0).strong());
            ui.separator();
            let current = self
                .year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "–".into());
            let l = ui.label("Period");
            egui::ComboBox::from_id_salt("period")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for y in &self.years {
                        if ui
                            .selectable_label(Some(*y) == self.year, y.to_string())
                            .clicked()
                        {
                            actions.push(Action::SelectYear(*y));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            // Board filters only where there is a board to filter.
            if self.tab == Tab::Board && self.board.is_some() {
                let f = &mut self.filter;
                let l = ui.label("Ansvarig");
                egui::ComboBox::from_id_salt("party_filter")
                    .selected_text(f.party.map(Party::label).unwrap_or("Alla"))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut f.party, None, "Alla");
                        for p in Party::ALL {
                            ui.selectable_value(&mut f.party, Some(p), p.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                let l = ui.label("Status");
                egui::ComboBox::from_id_salt("status_filter")
                    .selected_text(f.status.map(Status::label).unwrap_or("Alla"))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut f.status, None, "Alla");
                        for s in Status::ALL {
                            ui.selectable_value(&mut f.status, Some(s), s.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                let tags: Vec<String> = self
                    .board
                    .as_ref()
                    .map(|(b, _)| {
                        let mut t: Vec<String> =
                            b.commitments.iter().flat_map(|c| c.tags.clone()).collect();
                        t.sort();
                        t.dedup();
                        t
                    })
                    .unwrap_or_default();
                if !tags.is_empty() {
                    let l = ui.label("Fokus");
                    egui::ComboBox::from_id_salt("tag_filter")
                        .selected_text(f.tag.clone().unwrap_or_else(|| "Alla".into()))
                        .width(170.0)
                        .truncate()
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut f.tag, None, "Alla");
                            for t in tags {
                                ui.selectable_value(&mut f.tag, Some(t.clone()), t);
                            }
                        })
                        .response
                        .labelled_by(l.id);
                }
                let l = ui.label("Sök");
                ui.add(
                    egui::TextEdit::singleline(&mut f.search)
                        .id_salt("search")
                        .hint_text("text i löften")
                        .desired_width(140.0),
                )
                .labelled_by(l.id);
                if f.is_active() && ui.button("Rensa filter").clicked() {
                    *f = BoardFilter::default();
                }
            }
            ui.separator();
            if self.board.is_some() && ui.button("Exportera PDF…").clicked() {
                actions.push(Action::OpenExport);
            }
        });
        actions
    }

    fn toast_ui(&mut self, ui: &mut egui::Ui, now: f64) {
        let Some(t) = &self.toast else { return };
        if t.shown_at > 0.0 && now - t.shown_at > 8.0 {
            self.toast = None;
            return;
        }
        let mut undo = false;
        let mut close = false;
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&t.text).size(17.0));
            if t.undo.is_some() && ui.button("Ångra").clicked() {
                undo = true;
            }
            if ui.small_button("Stäng").clicked() {
                close = true;
            }
        });
        if undo {
            self.undo();
        } else if close {
            self.toast = None;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(500));
    }

    /// Draws one frame and applies what the views asked for.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let today = self.clock.today();
        if today != self.today {
            self.today = today;
            self.reload();
        }
        if let Some(err) = &self.open_error {
            let msg = err.clone();
            let path = self.db_path.display().to_string();
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add_space(40.0);
                ui.heading("Databasen kunde inte öppnas");
                ui.add_space(10.0);
                ui.label(egui::RichText::new(msg).size(18.0));
                ui.add_space(10.0);
                ui.label(format!("Fil: {path}"));
                ui.label("Starta programmet med --db SÖKVÄG för att öppna en annan fil.");
            });
            return;
        }
        if let Some(rx) = &self.export_job {
            match rx.try_recv() {
                Ok(result) => {
                    self.export.status = match result {
                        Ok((path, pages)) => ExportStatus::Done { path, pages },
                        Err(e) => ExportStatus::Failed(e),
                    };
                    self.export_job = None;
                }
                Err(mpsc::TryRecvError::Empty) => {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(50));
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.export.status =
                        ExportStatus::Failed("PDF-exporten avbröts oväntat.".into());
                    self.export_job = None;
                }
            }
        }
        let mut actions = Vec::new();
        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            actions.extend(self.top_bar(ui));
            ui.add_space(4.0);
        });
        if self.toast.is_some() || self.error.is_some() {
            egui::Panel::bottom("bottom").show(ui, |ui| {
                if let Some(e) = self.error.clone() {
                    ui.horizontal(|ui| {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                        if ui.small_button("Stäng").clicked() {
                            self.error = None;
                        }
                    });
                }
                self.toast_ui(ui, now);
            });
        }
        egui::Panel::left("nav")
            .default_size(230.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::Panel::bottom("prefs").show(ui, |ui| {
                    ui.add_space(4.0);
                    ui.horizontal_wrapped(|ui| {
                        if ui.button("Ny kommun…").clicked() {
                            actions.push(Action::OpenNewMunicipality);
                        }
                        if ui.button("Säkerhetskopior…").clicked() {
                            actions.push(Action::OpenBackups);
                        }
                    });
                    let dark = self.prefs.dark;
                    if ui.selectable_label(dark, "Mörkt tema").clicked() {
                        self.prefs.dark = !dark;
                        set_theme(ui.ctx(), !dark);
                    }
                    ui.label(widgets_weak("Textstorlek: Ctrl + plus / minus"));
                    ui.add_space(4.0);
                });
                if let Some(a) = nav::ui(ui, &self.nav, self.selection) {
                    actions.push(a);
                }
            });
        if self.selected_commitment.is_some() && self.tab == Tab::Board {
            let row = self.selected_row().cloned();
            let period = self.board.as_ref().map(|(b, _)| b.pledge.period);
            if let (Some(row), Some(period)) = (row, period) {
                egui::Panel::right("detail")
                    .default_size(540.0)
                    .size_range(500.0..=720.0)
                    .resizable(true)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            if let Some(form) = &mut self.commitment_form {
                                match form.ui(ui) {
                                    Some(CommitmentOutcome::Save(c)) => {
                                        actions.push(Action::SaveCommitment(Box::new(c)))
                                    }
                                    Some(CommitmentOutcome::Cancel) => self.commitment_form = None,
                                    None => {}
                                }
                                ui.separator();
                            }
                            if let Some(form) = &mut self.form {
                                match form.ui(ui, self.today) {
                                    Some(FormOutcome::Save(a)) => {
                                        actions.push(Action::SaveActivity(a))
                                    }
                                    Some(FormOutcome::Cancel) => actions.push(Action::CloseForm),
                                    None => {}
                                }
                                ui.separator();
                            }
                            let mut view = DetailView {
                                row: &row,
                                period,
                                today: self.today,
                                activities: &self.detail_activities,
                                editor: &mut self.status_editor,
                            };
                            actions.extend(view.ui(ui));
                        });
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(Selection::Municipality(_)) = self.selection {
                ui.horizontal_wrapped(|ui| {
                    let open = self.open_items.len();
                    let tabs = [
                        (Tab::Board, "Tavla".to_string()),
                        (Tab::Walks, format!("Trygghetsvandringar ({})", self.walks.len())),
                        (Tab::Actions, format!("Åtgärdslista ({open} öppna)")),
                        (Tab::Edit, "Redigera".to_string()),
                    ];
                    for (tab, label) in tabs {
                        if ui
                            .selectable_label(self.tab == tab, egui::RichText::new(label).size(18.0))
                            .clicked()
                        {
                            actions.push(Action::SetTab(tab));
                        }
                    }
                });
                ui.separator();
            }
            match (self.tab, &self.board, self.selection) {
                (_, _, Some(Selection::Overview(area))) => {
                    let name = self
                        .nav
                        .iter()
                        .find(|a| a.id == area)
                        .map(|a| a.name.clone())
                        .unwrap_or_default();
                    if let Some(a) = overview::ui(ui, &name, &self.overview) {
                        actions.push(a);
                    }
                }
                (Tab::Walks, _, Some(Selection::Municipality(_))) => {
                    if let Some(form) = &mut self.walk_form {
                        match form.ui(ui, self.today) {
                            Some(WalkOutcome::Save(w)) => actions.push(Action::SaveWalk(Box::new(w))),
                            Some(WalkOutcome::Cancel) => actions.push(Action::CloseWalkForm),
                            None => {}
                        }
                    } else {
                        let mut view = WalksView {
                            walks: &self.walks,
                            observations: &self.walk_observations,
                            state: &mut self.walks_state,
                            today: self.today,
                        };
                        actions.extend(view.ui(ui));
                    }
                }
                (Tab::Actions, _, Some(Selection::Municipality(_))) => {
                    let mut view = AtgarderView {
                        items: &self.open_items,
                        state: &mut self.atgarder_state,
                        today: self.today,
                    };
                    actions.extend(view.ui(ui));
                }
                (Tab::Edit, Some((data, _)), _) => {
                    if let Some(form) = &mut self.commitment_form {
                        match form.ui(ui) {
                            Some(CommitmentOutcome::Save(c)) => {
                                actions.push(Action::SaveCommitment(Box::new(c)))
                            }
                            Some(CommitmentOutcome::Cancel) => self.commitment_form = None,
                            None => {}
                        }
                    } else {
                        let mut view = AuthoringView {
                            board: data,
                            state: &mut self.authoring,
                        };
                        actions.extend(view.ui(ui));
                    }
                }
                (Tab::Edit, None, Some(Selection::Municipality(m))) => {
                    ui.heading("Nytt medborgarlöfte");
                    ui.label("Kommunen har inget medborgarlöfte för det valda året.");
                    let st = &mut self.authoring;
                    ui.horizontal(|ui| {
                        let l = ui.label("Period");
                        ui.add(egui::TextEdit::singleline(&mut st.new_period).id_salt("first_period").desired_width(110.0))
                            .labelled_by(l.id);
                        let period = crate::domain::Period::parse(&st.new_period);
                        if ui
                            .add_enabled(period.is_some(), egui::Button::new("Skapa tomt medborgarlöfte"))
                            .clicked()
                            && let Some(p) = period
                        {
                            actions.push(Action::NewPledge {
                                municipality: m,
                                period: p,
                                copy_from: None,
                            });
                        }
                    });
                    if ui.button("Importera från text…").clicked() {
                        let name = self.store.as_ref().and_then(|s| s.municipality(m).ok()).map(|x| x.name).unwrap_or_default();
                        let period = st.new_period.clone();
                        self.import = ImportState {
                            open: true,
                            municipality: Some(m),
                            kommun: name,
                            title: format!("Medborgarlöfte {period}"),
                            period,
                            ..Default::default()
                        };
                    }
                }
                (Tab::Board, Some((data, summary)), _) => {
                    let mut view = BoardView {
                        data,
                        summary,
                        filter: &self.filter,
                        selected: self.selected_commitment,
                        meeting: &mut self.meeting_field,
                        today: self.today,
                        police_area: self
                            .nav
                            .iter()
                            .find(|a| a.id == data.municipality.police_area)
                            .map(|a| a.name.as_str())
                            .unwrap_or(""),
                    };
                    actions.extend(view.ui(ui));
                }
                (Tab::Board, None, Some(Selection::Municipality(_))) => {
                    ui.label("Kommunen har inget medborgarlöfte för det valda året. Välj en annan period.");
                }
                _ => {
                    ui.label("Välj en kommun till vänster.");
                }
            }
        });
        if self.import.open {
            let mut open = true;
            egui::Window::new("Importera medborgarlöfte")
                .open(&mut open)
                .collapsible(false)
                .default_width(760.0)
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 50.0))
                .show(ui.ctx(), |ui| {
                    actions.extend(crate::ui::import_dialog::ui(ui, &mut self.import));
                });
            if !open {
                actions.push(Action::CloseImport);
            }
        }
        if self.backups.open {
            let mut open = true;
            egui::Window::new("Säkerhetskopior")
                .open(&mut open)
                .collapsible(false)
                .default_width(620.0)
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
                .show(ui.ctx(), |ui| {
                    actions.extend(crate::ui::backups::ui(ui, &mut self.backups));
                });
            if !open {
                self.backups.open = false;
            }
        }
        if self.new_municipality.open {
            let areas: Vec<_> = self.nav.iter().map(|a| (a.id, a.name.clone())).collect();
            let mut open = true;
            egui::Window::new("Ny kommun")
                .open(&mut open)
                .collapsible(false)
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
                .show(ui.ctx(), |ui| {
                    actions.extend(crate::ui::authoring::new_municipality_ui(
                        ui,
                        &mut self.new_municipality,
                        &areas,
                    ));
                });
            if !open {
                self.new_municipality.open = false;
            }
        }
        if self.export.open {
            let mut open = true;
            egui::Window::new("Exportera PDF")
                .open(&mut open)
                .collapsible(false)
                .default_width(560.0)
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
                .show(ui.ctx(), |ui| {
                    actions.extend(export_view::ui(ui, &mut self.export));
                });
            if !open {
                actions.push(Action::CloseExport);
            }
        }
        // Ctrl+N: new insats for the selected löfte.
        if self.form.is_none()
            && self.commitment_form.is_none()
            && let Some(c) = self.selected_commitment
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::N))
        {
            actions.push(Action::NewActivity(c));
        }
        self.prefs.zoom = ui.ctx().zoom_factor();
        for a in actions {
            self.apply(a, now);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// The medborgarlöfte of kommun `m` covering `year` (or the default one).
fn pledge_for(
    store: &Store,
    m: crate::domain::MunicipalityId,
    year: Option<i32>,
    today: NaiveDate,
) -> Result<Option<PledgeId>, StoreError> {
    let pledges = store.pledges(m)?;
    Ok(match year {
        Some(y) => pledges
            .iter()
            .find(|x| x.period.contains_year(y))
            .map(|x| x.id),
        None => default_pledge(&pledges, today).map(|x| x.id),
    })
}

/// The board of kommun `m` for `year`, with "since the last meeting" figures.
fn load_board(
    store: &Store,
    year: Option<i32>,
    m: crate::domain::MunicipalityId,
    today: NaiveDate,
) -> Result<Option<(BoardData, BoardSummary)>, StoreError> {
    Ok(match pledge_for(store, m, year, today)? {
        Some(p) => {
            let b = store.board(p, store.last_meeting(m)?)?;
            let s = summarize(&b, today);
            Some((b, s))
        }
        None => None,
    })
}

struct Loaded {
    nav: Vec<NavArea>,
    board: Option<(BoardData, BoardSummary)>,
    overview: Vec<OverviewCard>,
}

/// Reads what the left panel and the board show.
fn load_views(
    store: &Store,
    year: Option<i32>,
    selection: Option<Selection>,
    today: NaiveDate,
) -> Result<Loaded, StoreError> {
    let municipalities = store.municipalities()?;
    // Every kommun's medborgarlöfte for the year in one bulk read (not one per kommun).
    let mut bulk: std::collections::HashMap<crate::domain::MunicipalityId, BoardData> = match year {
        Some(y) => store
            .boards_covering(y)?
            .into_iter()
            .map(|b| (b.municipality.id, b))
            .collect(),
        None => {
            let mut m = std::collections::HashMap::new();
            for k in &municipalities {
                if let Some(p) = pledge_for(store, k.id, None, today)? {
                    m.insert(k.id, store.board(p, None)?);
                }
            }
            m
        }
    };
    let mut areas = Vec::new();
    let mut overview = Vec::new();
    for a in store.police_areas()? {
        let mut entries = Vec::new();
        for m in municipalities.iter().filter(|m| m.police_area == a.id) {
            let board = bulk.remove(&m.id);
            let summary = board.as_ref().map(|b| summarize(b, today));
            let progress = summary.as_ref().map(|s| (s.done(), s.total()));
            if selection == Some(Selection::Overview(a.id)) {
                overview.push(OverviewCard {
                    municipality: m.id,
                    name: m.name.clone(),
                    title: board.as_ref().map(|b| b.pledge.title.clone()),
                    summary: summary.unwrap_or_default(),
                });
            }
            entries.push(NavEntry {
                id: m.id,
                name: m.name.clone(),
                progress,
            });
        }
        areas.push(NavArea {
            id: a.id,
            name: a.name,
            municipalities: entries,
        });
    }
    let board = match selection {
        Some(Selection::Municipality(m)) => load_board(store, year, m, today)?,
        _ => None,
    };
    Ok(Loaded {
        nav: areas,
        board,
        overview,
    })
}

/// The user's Documents folder, else the home folder, else the working directory.
fn default_export_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Shows the folder of `path` in the system's file manager.
fn open_folder(path: &std::path::Path) -> Result<(), String> {
    let dir = path.parent().unwrap_or(path);
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("Kunde inte öppna mappen {}: {e}", dir.display()))
}

fn widgets_weak(text: &str) -> egui::RichText {
    crate::ui::widgets::weak(text).size(14.0)
}

fn set_theme(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
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
    });
}

/// Opens the main window.
pub fn run(db_path: PathBuf, store: Result<Store, StoreError>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Trygghetstavlan")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Trygghetstavlan",
        options,
        Box::new(move |cc| Ok(Box::new(App::from_creation_context(cc, store, db_path)))),
    )
}
