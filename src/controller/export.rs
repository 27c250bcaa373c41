//! PDF export: the panel, the OS file dialog, and the background job that renders and
//! writes the file while the window stays responsive.

use super::{Ctx, Effect, Error, Result};
use crate::queries::{area_report, kommuner_of, measure_list, minutes, missing_causes, protocol};
use crate::ui::ExportAction;
use crate::ui::export::{ExportFormat, ExportKind, ExportState, ExportStatus, suggested_file_name};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

type JobResult = std::result::Result<(PathBuf, usize), String>;

/// What the export writes.
enum Document {
    FollowUp(crate::report::FollowUp),
    Minutes(crate::report::Minutes),
    WebPage(crate::report::FollowUp),
    Area(crate::report::AreaReport),
    Protocol(crate::report::Protocol),
    Measures(crate::report::MeasureList),
    /// Already made: the board as CSV.
    Csv(String),
}

/// What the start-up check found: the day's copy (if one was made), or why not.
pub type CheckupResult = std::result::Result<Option<PathBuf>, crate::store::StoreError>;

/// Work running in the background; polled once per frame by the app's `logic`.
#[derive(Debug, Default)]
pub struct Jobs {
    export: Option<mpsc::Receiver<JobResult>>,
    checkup: Option<mpsc::Receiver<CheckupResult>>,
}

impl Jobs {
    /// Checks the database file and makes the day's copy on its own connection, so that
    /// the window never waits for it.
    pub fn start_checkup(&mut self, db: PathBuf, today: chrono::NaiveDate) {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let result = crate::store::Store::open_readonly(&db).and_then(|s| {
                s.check_health()?;
                let dir = crate::store::backup_dir(&db);
                s.daily_backup(&dir, today, crate::store::KEEP_DAILY)
            });
            let _ = tx.send(result);
        });
        self.checkup = Some(rx);
    }

    /// The start-up check's result, once, when it is done.
    pub fn checkup_done(&mut self) -> Option<CheckupResult> {
        let result = self.checkup.as_ref()?.try_recv().ok()?;
        self.checkup = None;
        Some(result)
    }

    /// Takes finished work into the screens. True while something still runs.
    pub fn poll(&mut self, export: &mut ExportState) -> bool {
        let Some(rx) = &self.export else {
            return false;
        };
        let status = match rx.try_recv() {
            Ok(Ok((path, pages))) => ExportStatus::Done { path, pages },
            Ok(Err(e)) => ExportStatus::Failed(e),
            Err(mpsc::TryRecvError::Empty) => return true,
            Err(mpsc::TryRecvError::Disconnected) => {
                ExportStatus::Failed("PDF-exporten avbröts oväntat.".into())
            }
        };
        export.status = status;
        self.export = None;
        false
    }
}

impl ExportAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let st = &mut cx.screens.export;
        match self {
            ExportAction::Open => {
                if let Some((b, summary)) = &cx.data.board {
                    let name =
                        suggested_file_name(&b.municipality.name, &b.pledge.period.to_string());
                    let missing_cause = missing_causes(cx.store, b, summary, cx.today)?;
                    *st = ExportState {
                        missing_cause,
                        appendix: true,
                        ..ExportState::opened(
                            ExportKind::Board,
                            format!(
                                "Uppföljning: {}, medborgarlöfte {}",
                                b.municipality.name, b.pledge.period
                            ),
                            default_export_dir().join(name).display().to_string(),
                        )
                    };
                }
            }
            ExportAction::OpenMinutes(id) => {
                let meeting = cx.store.meeting(id)?;
                let kommun = kommuner_of(cx.store, meeting.group)?.0;
                let date = meeting.date.to_string();
                let name = crate::ui::export::file_name("minnesanteckningar", &kommun, &date);
                *st = ExportState::opened(
                    ExportKind::Minutes(id),
                    format!("Minnesanteckningar: {kommun}, lägesbildsmöte {date}"),
                    default_export_dir().join(name).display().to_string(),
                );
            }
            ExportAction::OpenArea(area, year) => {
                let name = crate::domain::Records::police_area_name(&*cx.store, area)?;
                let file =
                    crate::ui::export::file_name("uppfoljning-lpo", &name, &year.to_string());
                *st = ExportState::opened(
                    ExportKind::Area(area, year),
                    format!("Lokalpolisområde {name}: alla kommuners uppföljning {year}"),
                    default_export_dir().join(file).display().to_string(),
                );
            }
            ExportAction::OpenProtocol(walk) => {
                let w = cx.store.walk(walk)?;
                let kommun = cx.store.municipality(w.municipality)?.name;
                let file = crate::ui::export::file_name(
                    "protokoll-trygghetsvandring",
                    &kommun,
                    &w.date.to_string(),
                );
                *st = ExportState::opened(
                    ExportKind::Protocol(walk),
                    format!(
                        "Protokoll: trygghetsvandring {kommun} {}, {}",
                        w.date, w.area
                    ),
                    default_export_dir().join(file).display().to_string(),
                );
            }
            ExportAction::OpenMeasures(m, responsible) => {
                let kommun = cx.store.municipality(m)?.name;
                let file = crate::ui::export::file_name(
                    "atgardslista",
                    &format!("{kommun} {responsible}"),
                    &cx.today.to_string(),
                );
                *st = ExportState::opened(
                    ExportKind::Measures(m, responsible.clone()),
                    format!("Åtgärdslista för {responsible} ({kommun})"),
                    default_export_dir().join(file).display().to_string(),
                );
            }
            ExportAction::Close => st.open = false,
            ExportAction::ChooseFile => {
                let current = PathBuf::from(st.path.trim());
                match cx
                    .dialogs
                    .save_file("Spara PDF-uppföljning", ("PDF", &["pdf"]), &current)
                {
                    Some(p) => st.path = p.display().to_string(),
                    None => {
                        st.focus_path = true;
                        return Ok(Effect::none()
                            .toast("Ingen fil valdes. Skriv sökvägen i fältet Spara som."));
                    }
                }
            }
            ExportAction::Start(path) => {
                // The model is read here; rendering and writing run in the background.
                let document = match (st.kind.clone(), &cx.data.board) {
                    (ExportKind::Minutes(id), _) => {
                        Some(Document::Minutes(minutes(cx.store, id, cx.today)?))
                    }
                    (ExportKind::Area(area, year), _) => Some(Document::Area(area_report(
                        cx.store,
                        area,
                        year,
                        cx.today,
                        st.appendix,
                    )?)),
                    (ExportKind::Measures(m, r), _) => Some(Document::Measures(measure_list(
                        cx.store,
                        m,
                        Some(&r),
                        cx.today,
                    )?)),
                    (ExportKind::Protocol(walk), _) => {
                        Some(Document::Protocol(protocol(cx.store, walk, cx.today)?))
                    }
                    (ExportKind::Board, Some((b, _))) => {
                        let mut f =
                            crate::report::build_follow_up(&*cx.store, b.pledge.id, cx.today)?;
                        f.appendix = st.appendix;
                        Some(match st.format {
                            ExportFormat::Html => Document::WebPage(f),
                            ExportFormat::Pdf => Document::FollowUp(f),
                            ExportFormat::Csv => {
                                let (b, s) = cx
                                    .data
                                    .board
                                    .as_ref()
                                    .map(|(b, s)| (b.clone(), s.clone()))
                                    .ok_or_else(|| {
                                        super::Error::System("Ingen tavla visas.".into())
                                    })?;
                                Document::Csv(crate::csv::document([(&b, &s)]))
                            }
                        })
                    }
                    (ExportKind::Board, None) => None,
                };
                if let Some(document) = document {
                    let (tx, rx) = mpsc::channel();
                    std::thread::spawn(move || {
                        // (bytes, pages); a web page has no pages.
                        let file = match &document {
                            Document::FollowUp(f) => {
                                crate::report::render_pdf(f).map(|p| (p.bytes, p.pages))
                            }
                            Document::Minutes(m) => {
                                crate::report::render_minutes(m).map(|p| (p.bytes, p.pages))
                            }
                            Document::WebPage(f) => {
                                Ok((crate::report::render_html(f).into_bytes(), 0))
                            }
                            Document::Area(r) => {
                                crate::report::render_area_pdf(r).map(|p| (p.bytes, p.pages))
                            }
                            Document::Protocol(p) => {
                                crate::report::render_protocol(p).map(|p| (p.bytes, p.pages))
                            }
                            Document::Measures(list) => {
                                crate::report::render_measures(list).map(|p| (p.bytes, p.pages))
                            }
                            Document::Csv(text) => Ok((text.clone().into_bytes(), 0)),
                        };
                        let result = file.and_then(|(bytes, pages)| {
                            crate::files::write_atomically(&path, &bytes).map(|_| (path, pages))
                        });
                        let _ = tx.send(result);
                    });
                    cx.jobs.export = Some(rx);
                    cx.screens.export.status = ExportStatus::Busy;
                }
            }
            ExportAction::OpenFolder(path) => open_folder(&path).map_err(Error::System)?,
        }
        Ok(Effect::none())
    }
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
fn open_folder(path: &Path) -> std::result::Result<(), String> {
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
