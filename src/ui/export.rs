//! The export window ("Exportera PDF", "… webbsida (HTML)", "… CSV"): a path field (rfd cannot tell a missing portal from Cancel),
//! a busy state while the PDF is written, and where it was written.

use super::forms::{self, error_line, text_field};
use super::{Action, ExportAction as A};
use egui::{RichText, Ui};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum ExportAction {
    /// Open the export panel for the shown board.
    Open,
    /// Open it for the minnesanteckningar of a meeting.
    OpenMinutes(crate::domain::MeetingId),
    /// Open it for the report of a lokalpolisområde for a year.
    OpenArea(crate::domain::PoliceAreaId, i32),
    /// Open it for the protokoll of a walk.
    OpenProtocol(crate::domain::WalkId),
    /// Open it for the åtgärdslista of one ansvarig in a kommun.
    OpenMeasures(crate::domain::MunicipalityId, String),
    /// Open it for the follow-up of a samverkansöverenskommelse.
    OpenAgreement(crate::domain::AgreementId),
    /// Ask the OS for a file name; the path field stays as a fallback.
    ChooseFile,
    Start(PathBuf),
    OpenFolder(PathBuf),
}

/// The file the board's export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    /// The uppföljning, A4.
    #[default]
    Pdf,
    /// The citizens' web page.
    Html,
    /// The board for Excel (the same as `export-csv`).
    Csv,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
        }
    }
}

/// What the export panel makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportKind {
    /// The uppföljning of the shown board (PDF or web page).
    Board,
    /// The minnesanteckningar of a meeting.
    Minutes(crate::domain::MeetingId),
    /// The report of a lokalpolisområde ("Alla kommuner") for a year.
    Area(crate::domain::PoliceAreaId, i32),
    /// The protokoll of a trygghetsvandring.
    Protocol(crate::domain::WalkId),
    /// A kommun's åtgärdslista for one ansvarig.
    Measures(crate::domain::MunicipalityId, String),
    /// The follow-up of a samverkansöverenskommelse (PDF or CSV).
    Agreement(crate::domain::AgreementId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportStatus {
    Idle,
    Busy,
    Done { path: PathBuf, pages: usize },
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportState {
    pub open: bool,
    /// Which document is made.
    pub kind: ExportKind,
    /// What is exported: "Sölvesborg, medborgarlöfte 2024".
    pub subject: String,
    pub path: String,
    pub status: ExportStatus,
    /// Include "Bilaga: insatser" (every insats) in the uppföljning.
    pub appendix: bool,
    /// Which file the board's export writes.
    pub format: ExportFormat,
    /// Put the cursor in the path field (no file was chosen in the system's dialog).
    pub focus_path: bool,
    /// Löften that were not (fully) met and have no orsak yet: the uppföljning should
    /// say why before it is published.
    pub missing_cause: Vec<String>,
    /// The diarienummer printed on the first page and in the PDF's metadata ("" none).
    pub dnr: String,
    /// Whose registration and which period the diarienummer is remembered for.
    pub dnr_key: String,
}

impl ExportState {
    /// The panel opens as `panel` says (what, where).
    pub fn open_as(&mut self, panel: ExportState) {
        *self = panel;
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    pub fn file_chosen(&mut self, path: &std::path::Path) {
        self.path = path.display().to_string();
    }

    /// No file was chosen (or there is no file dialog): the path field takes the typing.
    pub fn no_file_chosen(&mut self) {
        self.focus_path = true;
    }

    /// The background work ended (written, or why not).
    pub fn finished(&mut self, status: ExportStatus) {
        self.status = status;
    }

    /// Rendering and writing run in the background.
    pub fn started(&mut self) {
        self.status = ExportStatus::Busy;
    }

    /// The panel opened for `kind`: what it makes, and where it suggests saving it.
    pub fn opened(kind: ExportKind, subject: String, path: String) -> ExportState {
        ExportState {
            open: true,
            kind,
            subject,
            path,
            appendix: false,
            ..ExportState::default()
        }
    }
}

impl Default for ExportState {
    fn default() -> Self {
        ExportState {
            open: false,
            kind: ExportKind::Board,
            subject: String::new(),
            path: String::new(),
            status: ExportStatus::Idle,
            missing_cause: Vec::new(),
            appendix: true,
            format: ExportFormat::Pdf,
            focus_path: false,
            dnr: String::new(),
            dnr_key: String::new(),
        }
    }
}

/// "uppfoljning-solvesborg-2024.pdf": ASCII, lower case, safe on every file system.
pub fn suggested_file_name(kommun: &str, period: &str) -> String {
    file_name("uppfoljning", kommun, period)
}

/// "`kind`-solvesborg-`when`.pdf" in ASCII.
pub fn file_name(kind: &str, kommun: &str, when: &str) -> String {
    let slug: String = kommun
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let period: String = when
        .chars()
        .map(|c| if c.is_ascii_digit() { c } else { '-' })
        .collect();
    format!("{kind}-{}-{period}.pdf", slug.trim_matches('-'))
}

/// Checks the typed path: a .pdf file in an existing folder.
pub fn check_path(s: &str) -> Result<PathBuf, String> {
    check_path_for(s, "pdf")
}

/// Checks the typed path: a file ending in `.ext` in an existing folder.
pub fn check_path_for(s: &str, ext: &str) -> Result<PathBuf, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("Ange var filen ska sparas.".into());
    }
    let p = PathBuf::from(s);
    if !p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        return Err(format!("Filnamnet ska sluta på .{ext}."));
    }
    match p.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
            Err(format!("Mappen {} finns inte.", dir.display()))
        }
        _ => Ok(p),
    }
}

/// The export window, when open.
pub fn dialog(ctx: &egui::Context, st: &mut ExportState) -> Vec<Action> {
    // The title says what is being made (the window is anchored: a new title keeps it put).
    let title = match st.format {
        ExportFormat::Pdf => "Exportera PDF",
        ExportFormat::Html => "Exportera webbsida (HTML)",
        ExportFormat::Csv => "Exportera CSV",
    };
    let window = (title, Some(560.0), 80.0);
    let mut open = st.open;
    let actions = forms::dialog(ctx, &mut open, window, |ui| contents(ui, st));
    if !open {
        st.close();
    }
    actions.into_iter().map(Action::Export).collect()
}

fn contents(ui: &mut Ui, st: &mut ExportState) -> Vec<ExportAction> {
    let mut actions = Vec::new();
    ui.label(RichText::new(&st.subject).strong());
    let l = ui.label("Spara som");
    ui.horizontal(|ui| {
        let field = ui
            .add(text_field(&mut st.path, "export_path", 420.0))
            .labelled_by(l.id);
        if std::mem::take(&mut st.focus_path) {
            field.request_focus();
        }
        if ui.button("Välj fil…").clicked() {
            actions.push(A::ChooseFile);
        }
    });
    if !st.missing_cause.is_empty() {
        ui.colored_label(
            super::widgets::behind_text(ui),
            format!(
                "{} löften blev inte eller bara delvis genomförda och saknar orsak (skriv den under Bedömning i detaljpanelen):",
                st.missing_cause.len()
            ),
        );
        egui::ScrollArea::vertical()
            .id_salt("missing_cause")
            .max_height(150.0)
            .show(ui, |ui| {
                for text in &st.missing_cause {
                    ui.add(egui::Label::new(format!("• {text}")).truncate());
                }
            });
    }
    if matches!(st.kind, ExportKind::Area(..)) {
        ui.checkbox(
            &mut st.appendix,
            "Med bilaga per kommun: alla insatser, en rad per insats",
        );
    }
    let board = st.kind == ExportKind::Board;
    if board || matches!(st.kind, ExportKind::Agreement(_)) {
        ui.horizontal(|ui| {
            let was = st.format;
            ui.radio_value(&mut st.format, ExportFormat::Pdf, "PDF (A4)");
            if board {
                ui.radio_value(
                    &mut st.format,
                    ExportFormat::Html,
                    "Webbsida för invånare (HTML)",
                );
            }
            ui.radio_value(&mut st.format, ExportFormat::Csv, "Tabell för Excel (CSV)");
            if st.format != was
                && let Some(stem) = st.path.strip_suffix(&format!(".{}", was.extension()))
            {
                st.path = format!("{stem}.{}", st.format.extension());
            }
        });
        if board && st.format == ExportFormat::Pdf {
            ui.checkbox(
                &mut st.appendix,
                "Med bilaga: alla insatser, en rad per insats",
            );
        }
    }
    let checked = check_path_for(&st.path, st.format.extension());
    if let Err(e) = &checked {
        error_line(ui, e);
    }
    let mut dnr_ok = true;
    if st.format == ExportFormat::Pdf {
        let l = ui.label("Diarienummer (valfritt, står överst på första sidan)");
        ui.add(text_field(&mut st.dnr, "export_dnr", 240.0))
            .labelled_by(l.id);
        if let Err(e) = crate::validate::parse_dnr(&st.dnr) {
            error_line(ui, e.to_string());
            dnr_ok = false;
        }
    }
    let busy = st.status == ExportStatus::Busy;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                checked.is_ok() && dnr_ok && !busy,
                egui::Button::new(
                    RichText::new(match st.format {
                        ExportFormat::Html => "Skapa webbsida",
                        ExportFormat::Csv => "Skapa CSV",
                        ExportFormat::Pdf => "Skapa PDF",
                    })
                    .strong(),
                ),
            )
            .clicked()
            && let Ok(p) = &checked
        {
            actions.push(A::Start(p.clone()));
        }
        if ui.button("Stäng").clicked() {
            st.close();
        }
    });
    match &st.status {
        ExportStatus::Idle => {}
        ExportStatus::Busy => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Skapar filen…");
            });
        }
        ExportStatus::Done { path, pages } => {
            ui.label(
                RichText::new(match pages {
                    0 => format!("Klart: {}.", path.display()),
                    n => format!(
                        "Klart: {} ({}).",
                        path.display(),
                        crate::report::pages_text(*n)
                    ),
                })
                .color(super::widgets::status_color(crate::domain::Status::Done)),
            );
            if ui.button("Öppna mapp").clicked() {
                actions.push(A::OpenFolder(path.clone()));
            }
        }
        ExportStatus::Failed(e) => error_line(ui, e),
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_paths() {
        assert_eq!(
            suggested_file_name("Sölvesborg", "2024"),
            "uppfoljning-solvesborg-2024.pdf"
        );
        assert_eq!(
            suggested_file_name("Sotenäs", "2023–2024"),
            "uppfoljning-sotenas-2023-2024.pdf"
        );
        assert_eq!(
            suggested_file_name("Upplands Väsby", "2024"),
            "uppfoljning-upplands-vasby-2024.pdf"
        );
        assert!(check_path("").is_err());
        assert!(check_path("/tmp/x.txt").unwrap_err().contains(".pdf"));
        assert!(
            check_path("/finns/inte/x.pdf")
                .unwrap_err()
                .contains("finns inte")
        );
        assert_eq!(
            check_path("/tmp/x.PDF").unwrap(),
            PathBuf::from("/tmp/x.PDF")
        );
    }
}
