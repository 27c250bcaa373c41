//! PDF export: the panel, the OS file dialog, and the background job that renders and
//! writes the file while the window stays responsive.

use super::{Ctx, Effect, Error, Result};
use crate::queries::{area_report, kommuner_of, measure_list, minutes, missing_causes, protocol};
use crate::store::StoreError;
use crate::ui::ExportAction;
use crate::ui::export::{
    ExportFormat, ExportKind, ExportState, ExportStatus, file_name, suggested_file_name,
};
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
    Agreement(
        crate::domain::agreements::AgreementFollowUp,
        chrono::NaiveDate,
    ),
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
        export.finished(status);
        self.export = None;
        false
    }
}

impl ExportAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        match self {
            ExportAction::ChooseFile => {
                let st = &mut cx.screens.export;
                let current = PathBuf::from(st.path.trim());
                match cx
                    .dialogs
                    .save_file("Spara PDF-uppföljning", ("PDF", &["pdf"]), &current)
                {
                    Some(p) => st.file_chosen(&p),
                    None => {
                        st.no_file_chosen();
                        return Ok(Effect::none()
                            .toast("Ingen fil valdes. Skriv sökvägen i fältet Spara som."));
                    }
                }
            }
            ExportAction::Start(path) => {
                let st = &cx.screens.export;
                let dnr = crate::validate::parse_dnr(&st.dnr).map_err(StoreError::from)?;
                // Remembered for the next export of the same kommun and period.
                if st.format == ExportFormat::Pdf && !st.dnr_key.is_empty() {
                    match &dnr {
                        Some(d) => cx.prefs.dnr.insert(st.dnr_key.clone(), d.clone()),
                        None => cx.prefs.dnr.remove(&st.dnr_key),
                    };
                }
                // The model is read here; rendering and writing run in the background.
                if let Some(document) = document(cx)? {
                    cx.jobs.export = Some(render_in_background(document, path, dnr));
                    cx.screens.export.started();
                }
            }
            ExportAction::OpenFolder(path) => open_folder(&path).map_err(Error::System)?,
            open => {
                if let Some(mut panel) = opened(open, cx)? {
                    panel.dnr_key = dnr_key(&panel.kind, cx)?;
                    panel.dnr = cx
                        .prefs
                        .dnr
                        .get(&panel.dnr_key)
                        .cloned()
                        .unwrap_or_default();
                    cx.screens.export.open_as(panel);
                }
            }
        }
        Ok(Effect::none())
    }
}

/// The panel as an Open… action opens it: what it makes and where it suggests saving.
fn opened(action: ExportAction, cx: &Ctx) -> Result<Option<ExportState>> {
    let suggest = |file: String| default_export_dir().join(file).display().to_string();
    Ok(Some(match action {
        ExportAction::Open => {
            let Some((b, summary)) = &cx.data.board else {
                return Ok(None);
            };
            let name = suggested_file_name(&b.municipality.name, &b.pledge.period.to_string());
            ExportState {
                missing_cause: missing_causes(cx.store, b, summary, cx.today)?,
                appendix: true,
                ..ExportState::opened(
                    ExportKind::Board,
                    format!(
                        "Uppföljning: {}, medborgarlöfte {}",
                        b.municipality.name, b.pledge.period
                    ),
                    suggest(name),
                )
            }
        }
        ExportAction::OpenMinutes(id) => {
            let meeting = cx.store.meeting(id)?;
            let kommun = kommuner_of(cx.store, meeting.group)?.0;
            let date = meeting.date.to_string();
            ExportState::opened(
                ExportKind::Minutes(id),
                format!("Minnesanteckningar: {kommun}, lägesbildsmöte {date}"),
                suggest(file_name("minnesanteckningar", &kommun, &date)),
            )
        }
        ExportAction::OpenArea(area, year) => {
            let name = crate::domain::Records::police_area_name(&*cx.store, area)?;
            ExportState::opened(
                ExportKind::Area(area, year),
                format!("Lokalpolisområde {name}: alla kommuners uppföljning {year}"),
                suggest(file_name("uppfoljning-lpo", &name, &year.to_string())),
            )
        }
        ExportAction::OpenProtocol(walk) => {
            let w = cx.store.walk(walk)?;
            let kommun = cx.store.municipality(w.municipality)?.name;
            let date = w.date.to_string();
            ExportState::opened(
                ExportKind::Protocol(walk),
                format!("Protokoll: trygghetsvandring {kommun} {date}, {}", w.area),
                suggest(file_name("protokoll-trygghetsvandring", &kommun, &date)),
            )
        }
        ExportAction::OpenMeasures(m, responsible) => {
            let kommun = cx.store.municipality(m)?.name;
            let file = file_name(
                "atgardslista",
                &format!("{kommun} {responsible}"),
                &cx.today.to_string(),
            );
            ExportState::opened(
                ExportKind::Measures(m, responsible.clone()),
                format!("Åtgärdslista för {responsible} ({kommun})"),
                suggest(file),
            )
        }
        ExportAction::OpenAgreement(id) => {
            let Some(a) = cx.store.agreement(id)? else {
                return Ok(None);
            };
            let kommun = cx.store.municipality(a.municipality)?.name;
            ExportState::opened(
                ExportKind::Agreement(id),
                format!("Uppföljning: {}, {kommun}", a.title),
                suggest(file_name(
                    "uppfoljning-overenskommelse",
                    &kommun,
                    &a.period.to_string(),
                )),
            )
        }
        _ => return Ok(None),
    }))
}

/// Whose registration and which period a document belongs to, as the diarienummer is
/// remembered: "Bromölla · 2024" (the kommun's medborgarlöfte covering the document's
/// day, else its year), "lokalpolisområde Karlshamn · 2024".
fn dnr_key(kind: &ExportKind, cx: &Ctx) -> Result<String> {
    use crate::domain::{MeetingGroup, MunicipalityId, Records};
    use chrono::Datelike;
    let store = &*cx.store;
    let of = |m: MunicipalityId, day: chrono::NaiveDate| -> Result<String> {
        let period = store
            .pledge_for_year(m, day.year())?
            .map_or_else(|| day.year().to_string(), |p| p.period.to_string());
        Ok(format!("{} · {period}", store.municipality(m)?.name))
    };
    let area = |a, year: i32| -> Result<String> {
        Ok(format!(
            "lokalpolisområde {} · {year}",
            store.police_area_name(a)?
        ))
    };
    Ok(match kind {
        ExportKind::Board => match &cx.data.board {
            Some((b, _)) => format!("{} · {}", b.municipality.name, b.pledge.period),
            None => String::new(),
        },
        ExportKind::Minutes(id) => {
            let m = store.meeting(*id)?;
            match m.group {
                MeetingGroup::Kommun(k) => of(k, m.date)?,
                MeetingGroup::Area(a) => area(a, m.date.year())?,
            }
        }
        ExportKind::Area(a, year) => area(*a, *year)?,
        ExportKind::Protocol(walk) => {
            let w = store.walk(*walk)?;
            of(w.municipality, w.date)?
        }
        ExportKind::Measures(m, _) => of(*m, cx.today)?,
        ExportKind::Agreement(id) => match store.agreement(*id)? {
            Some(a) => format!(
                "{} · {}",
                store.municipality(a.municipality)?.name,
                a.period
            ),
            None => String::new(),
        },
    })
}

/// The document the open panel makes, read from the store now.
fn document(cx: &Ctx) -> Result<Option<Document>> {
    let st = &cx.screens.export;
    let (store, today) = (&*cx.store, cx.today);
    Ok(match (st.kind.clone(), &cx.data.board) {
        (ExportKind::Minutes(id), _) => Some(Document::Minutes(minutes(store, id, today)?)),
        (ExportKind::Area(area, year), _) => Some(Document::Area(area_report(
            store,
            area,
            year,
            today,
            st.appendix,
        )?)),
        (ExportKind::Measures(m, r), _) => {
            Some(Document::Measures(measure_list(store, m, Some(&r), today)?))
        }
        (ExportKind::Protocol(walk), _) => Some(Document::Protocol(protocol(store, walk, today)?)),
        (ExportKind::Agreement(id), _) => {
            match crate::report::agreement::build_agreement(store, id, today)? {
                Some(f) if st.format == ExportFormat::Csv => {
                    Some(Document::Csv(crate::csv::agreement_document(&f)))
                }
                Some(f) => Some(Document::Agreement(f, today)),
                None => None,
            }
        }
        (ExportKind::Board, Some((b, s))) => Some(match st.format {
            ExportFormat::Csv => Document::Csv(crate::csv::document([(b, s)])),
            format => {
                let mut f = crate::report::build_follow_up(store, b.pledge.id, today)?;
                f.appendix = st.appendix;
                match format {
                    ExportFormat::Html => Document::WebPage(f),
                    _ => Document::FollowUp(f),
                }
            }
        }),
        (ExportKind::Board, None) => None,
    })
}

/// Renders `document` and writes it to `path` on a thread of its own.
fn render_in_background(
    document: Document,
    path: PathBuf,
    dnr: Option<String>,
) -> mpsc::Receiver<JobResult> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let dnr = dnr.as_deref();
        // (bytes, pages); a web page has no pages.
        let file = match &document {
            Document::FollowUp(f) => crate::report::render_pdf(f, dnr).map(|p| (p.bytes, p.pages)),
            Document::Minutes(m) => {
                crate::report::render_minutes(m, dnr).map(|p| (p.bytes, p.pages))
            }
            Document::WebPage(f) => Ok((crate::report::render_html(f).into_bytes(), 0)),
            Document::Area(r) => crate::report::render_area_pdf(r, dnr).map(|p| (p.bytes, p.pages)),
            Document::Protocol(p) => {
                crate::report::render_protocol(p, dnr).map(|p| (p.bytes, p.pages))
            }
            Document::Measures(list) => {
                crate::report::render_measures(list, dnr).map(|p| (p.bytes, p.pages))
            }
            Document::Agreement(f, made) => {
                crate::report::agreement::render_agreement(f, *made, dnr)
                    .map(|p| (p.bytes, p.pages))
            }
            Document::Csv(text) => Ok((text.clone().into_bytes(), 0)),
        };
        let result = file.and_then(|(bytes, pages)| {
            crate::files::write_atomically(&path, &bytes).map(|_| (path, pages))
        });
        let _ = tx.send(result);
    });
    rx
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
