//! "Säkerhetskopior": save a copy now, and restore from an automatic or chosen copy.

use super::forms::{self, labelled, text_field};
use super::widgets::weak;
use super::{Action, BackupAction as A};
use egui::{RichText, Ui};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum BackupAction {
    Open,
    BackupNow(PathBuf),
    /// Ask the OS for a backup file to restore.
    ChooseRestoreFile,
    RestoreFrom(PathBuf),
}

/// A copy in the folder of copies, with what it is ("Daglig kopia 2026-11-24").
#[derive(Debug, Clone, PartialEq)]
pub struct CopyEntry {
    pub path: PathBuf,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BackupState {
    pub open: bool,
    /// Where "Spara kopia" writes.
    pub save_path: String,
    /// A copy to restore from, typed or chosen.
    pub restore_path: String,
    /// The copies in the folder of copies, newest first.
    pub copies: Vec<CopyEntry>,
    pub confirm: Option<PathBuf>,
    pub message: Option<String>,
    /// The "Annan fil" field takes the cursor (no file was chosen in a dialog).
    pub focus_restore_path: bool,
    /// The database is on this PostgreSQL server: its copies are IT's, not the program's.
    pub server: Option<String>,
}

impl BackupState {
    /// Opens with "Spara kopia" suggesting `save_path`, and the copies found.
    pub fn open_with(&mut self, save_path: PathBuf, copies: Vec<CopyEntry>) {
        *self = BackupState {
            open: true,
            save_path: save_path.display().to_string(),
            copies,
            ..Default::default()
        };
    }

    /// Opens for a database on a server: it says who keeps the copies.
    pub fn open_on_server(&mut self, server: String) {
        *self = BackupState {
            open: true,
            server: Some(server),
            ..Default::default()
        };
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    /// What the last step did, shown in the window.
    pub fn say(&mut self, message: String) {
        self.message = Some(message);
    }

    pub fn restore_file_chosen(&mut self, path: &std::path::Path) {
        self.restore_path = path.display().to_string();
    }

    /// No file was chosen (or there is no file dialog): the path field takes the typing.
    pub fn no_file_chosen(&mut self) {
        self.focus_restore_path = true;
        self.say("Ingen fil valdes. Skriv sökvägen i fältet Annan fil.".into());
    }
}

/// The backups window, when open.
pub fn dialog(ctx: &egui::Context, st: &mut BackupState) -> Vec<Action> {
    let window = ("Säkerhetskopior", Some(620.0), 80.0);
    let mut open = st.open;
    let actions = forms::dialog(ctx, &mut open, window, |ui| contents(ui, st));
    if !open {
        st.close();
    }
    actions.into_iter().map(Action::Backup).collect()
}

fn contents(ui: &mut Ui, st: &mut BackupState) -> Vec<BackupAction> {
    let mut actions = Vec::new();
    if let Some(server) = &st.server {
        ui.label(format!("Databasen ligger på databasservern {server}."));
        ui.label(
            "Säkerhetskopior och återställning sköts där av er IT-avdelning, med \
             PostgreSQL:s egna verktyg (pg_dump och pg_restore) — inte av programmet.",
        );
        ui.label(weak(
            "En kommuns egen fil kopieras in med trygghetstavlan --db ADRESS import-sqlite FIL.",
        ));
        return actions;
    }
    ui.label(RichText::new("Spara en kopia nu").strong());
    ui.horizontal(|ui| {
        labelled(ui, "Fil", text_field(&mut st.save_path, "bk_save", 420.0));
        if ui.button("Spara kopia").clicked() {
            actions.push(A::BackupNow(PathBuf::from(st.save_path.trim())));
        }
    });
    ui.separator();
    ui.label(RichText::new("Återställ").strong());
    ui.label(weak(
        "All data ersätts med kopians. Nuvarande data sparas först som en kopia (Före återställning).",
    ));
    if st.copies.is_empty() {
        ui.label(weak(
            "Inga automatiska kopior ännu (en görs varje dag programmet startas).",
        ));
    }
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| copy_list(ui, &st.copies, &mut st.confirm));
    ui.horizontal(|ui| {
        let field = labelled(
            ui,
            "Annan fil",
            text_field(&mut st.restore_path, "bk_restore", 360.0),
        );
        if std::mem::take(&mut st.focus_restore_path) {
            field.request_focus();
        }
        if ui.button("Välj fil…").clicked() {
            actions.push(A::ChooseRestoreFile);
        }
        if ui
            .add_enabled(
                !st.restore_path.trim().is_empty(),
                egui::Button::new("Återställ från filen"),
            )
            .clicked()
        {
            st.confirm = Some(PathBuf::from(st.restore_path.trim()));
        }
    });
    if let Some(p) = st.confirm.clone() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Ersätta all data med {}?", p.display()),
            );
            ui.horizontal(|ui| {
                if ui.button("Ja, återställ").clicked() {
                    st.confirm = None;
                    actions.push(A::RestoreFrom(p.clone()));
                }
                if ui.button("Avbryt").clicked() {
                    st.confirm = None;
                }
            });
        });
    }
    if let Some(m) = &st.message {
        ui.separator();
        ui.label(m);
    }
    if ui.button("Stäng").clicked() {
        st.close();
    }
    actions
}

/// One line per copy with its "Återställ" button; a click asks for confirmation.
fn copy_list(ui: &mut Ui, copies: &[CopyEntry], confirm: &mut Option<PathBuf>) {
    for c in copies {
        ui.horizontal(|ui| {
            ui.label(&c.label)
                .on_hover_text(c.path.display().to_string());
            if ui.small_button("Återställ").clicked() {
                *confirm = Some(c.path.clone());
            }
        });
    }
}
