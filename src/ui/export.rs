//! The "Exportera PDF" panel: a path field (rfd cannot tell a missing portal from Cancel),
//! a busy state while the PDF is written, and where it was written.

use super::Action;
use egui::{RichText, Ui};
use std::path::PathBuf;

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
    /// What is exported: "Sölvesborg, medborgarlöfte 2024".
    pub subject: String,
    pub path: String,
    pub status: ExportStatus,
}

impl Default for ExportState {
    fn default() -> Self {
        ExportState {
            open: false,
            subject: String::new(),
            path: String::new(),
            status: ExportStatus::Idle,
        }
    }
}

/// "uppfoljning-solvesborg-2024.pdf": ASCII, lower case, safe on every file system.
pub fn suggested_file_name(kommun: &str, period: &str) -> String {
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
    let period: String = period
        .chars()
        .map(|c| if c.is_ascii_digit() { c } else { '-' })
        .collect();
    format!("uppfoljning-{}-{period}.pdf", slug.trim_matches('-'))
}

/// Checks the typed path: a .pdf file in an existing folder.
pub fn check_path(s: &str) -> Result<PathBuf, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("Ange var filen ska sparas.".into());
    }
    let p = PathBuf::from(s);
    if !p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        return Err("Filnamnet ska sluta på .pdf.".into());
    }
    match p.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
            Err(format!("Mappen {} finns inte.", dir.display()))
        }
        _ => Ok(p),
    }
}

pub fn ui(ui: &mut Ui, st: &mut ExportState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new(format!("PDF-uppföljning: {}", st.subject)).strong());
    let l = ui.label("Spara som");
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut st.path)
                .id_salt("export_path")
                .desired_width(420.0),
        )
        .labelled_by(l.id);
        if ui.button("Välj fil…").clicked() {
            actions.push(Action::ChooseExportFile);
        }
    });
    let checked = check_path(&st.path);
    if let Err(e) = &checked {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    let busy = st.status == ExportStatus::Busy;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                checked.is_ok() && !busy,
                egui::Button::new(RichText::new("Skapa PDF").strong()),
            )
            .clicked()
            && let Ok(p) = &checked
        {
            actions.push(Action::StartExport(p.clone()));
        }
        if ui.button("Stäng").clicked() {
            actions.push(Action::CloseExport);
        }
    });
    match &st.status {
        ExportStatus::Idle => {}
        ExportStatus::Busy => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Skapar PDF…");
            });
        }
        ExportStatus::Done { path, pages } => {
            ui.label(
                RichText::new(format!("Klart: {} ({pages} sidor).", path.display()))
                    .color(super::widgets::status_color(crate::domain::Status::Done)),
            );
            if ui.button("Öppna mapp").clicked() {
                actions.push(Action::OpenFolder(path.clone()));
            }
        }
        ExportStatus::Failed(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
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
