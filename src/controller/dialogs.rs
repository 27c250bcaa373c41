//! The desktop's file dialogs, behind a seam: the window uses the system's (rfd), tests
//! use `Unavailable` — what a desktop without a file dialog portal gives (rfd answers
//! `None` there, the same as Cancel).

use std::path::{Path, PathBuf};

pub trait FileDialogs {
    /// Where to save a PDF (or HTML/CSV), starting from `current`.
    fn save_file(&self, title: &str, filter: (&str, &[&str]), current: &Path) -> Option<PathBuf>;
    /// One file to open.
    fn pick_file(&self, title: &str, filter: (&str, &[&str])) -> Option<PathBuf>;
    /// Several files to open.
    fn pick_files(&self, title: &str, filter: (&str, &[&str])) -> Option<Vec<PathBuf>>;
}

/// The system's file dialogs.
pub struct Native;

/// A dialog with its title and its one filter.
fn dialog(title: &str, (name, extensions): (&str, &[&str])) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter(name, extensions)
}

impl FileDialogs for Native {
    fn save_file(&self, title: &str, filter: (&str, &[&str]), current: &Path) -> Option<PathBuf> {
        let mut dialog = dialog(title, filter);
        if let Some(name) = current.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        dialog.save_file()
    }

    fn pick_file(&self, title: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
        dialog(title, filter).pick_file()
    }

    fn pick_files(&self, title: &str, filter: (&str, &[&str])) -> Option<Vec<PathBuf>> {
        dialog(title, filter).pick_files()
    }
}

/// No file dialog on this desktop.
pub struct Unavailable;

impl FileDialogs for Unavailable {
    fn save_file(&self, _: &str, _: (&str, &[&str]), _: &Path) -> Option<PathBuf> {
        None
    }
    fn pick_file(&self, _: &str, _: (&str, &[&str])) -> Option<PathBuf> {
        None
    }
    fn pick_files(&self, _: &str, _: (&str, &[&str])) -> Option<Vec<PathBuf>> {
        None
    }
}
