//! Säkerhetskopior: list, save a copy now, restore. Outcomes are shown in the dialog.

use super::{Ctx, Effect, Reload, Result};
use crate::store::{CopyKind, StoreError};
use crate::ui::BackupAction;
use crate::ui::backups::CopyEntry;
use std::path::PathBuf;

/// The copies in the folder of copies, newest first, each with what it is.
pub fn list_copies(db: &std::path::Path) -> Vec<CopyEntry> {
    let dir = crate::store::backup_dir(db);
    let paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    let mut copies: Vec<(Option<chrono::NaiveDateTime>, CopyEntry)> = paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".db") {
                return None;
            }
            let info = crate::store::copy_info(&name);
            let label = match info {
                Some((CopyKind::Daily, t)) => format!("Daglig kopia {}", t.format("%Y-%m-%d")),
                Some((CopyKind::Manual, t)) => {
                    format!("Egen kopia {}", t.format("%Y-%m-%d %H:%M:%S"))
                }
                Some((CopyKind::Safety, t)) => {
                    format!("Före återställning {}", t.format("%Y-%m-%d %H:%M:%S"))
                }
                Some((CopyKind::BeforeRemoval, t)) => {
                    format!("Före borttagning {}", t.format("%Y-%m-%d %H:%M:%S"))
                }
                Some((CopyKind::BeforeExchange, t)) => {
                    format!(
                        "Före inläsning av ändringar {}",
                        t.format("%Y-%m-%d %H:%M:%S")
                    )
                }
                None => name,
            };
            Some((info.map(|(_, t)| t), CopyEntry { path, label }))
        })
        .collect();
    copies.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    copies.into_iter().map(|(_, c)| c).collect()
}

impl BackupAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let st = &mut cx.screens.backups;
        match self {
            BackupAction::Open => {
                if let Some(server) = cx.store.server() {
                    st.open_on_server(server.to_string());
                    return Ok(Effect::none());
                }
                let dir = crate::store::backup_dir(cx.db_path);
                let name = crate::store::copy_name(CopyKind::Manual, cx.clock.now());
                st.open_with(dir.join(name), list_copies(cx.db_path));
            }
            BackupAction::BackupNow(path) => {
                let r = if path.exists() {
                    Err(StoreError::from(crate::validate::Invalid::FileExists(
                        path.clone(),
                    )))
                } else {
                    path.parent()
                        .map(|d| {
                            std::fs::create_dir_all(d)
                                .map_err(|e| StoreError::Backup(e.to_string()))
                        })
                        .unwrap_or(Ok(()))
                        .and_then(|_| cx.store.backup_to(&path))
                };
                st.say(match r {
                    Ok(()) => format!("Kopian sparades: {}", path.display()),
                    Err(e) => e.to_string(),
                });
            }
            BackupAction::ChooseRestoreFile => {
                // None is Cancel, or no file dialog on this desktop: say so, and the path
                // field takes the typing.
                match cx
                    .dialogs
                    .pick_file("Välj säkerhetskopia", ("Databas", &["db"]))
                {
                    Some(p) => st.restore_file_chosen(&p),
                    None => st.no_file_chosen(),
                }
            }
            BackupAction::RestoreFrom(path) => {
                let r = cx.store.restore_from(&path, cx.clock.now());
                st.say(match &r {
                    Ok(Some(safety)) => format!(
                        "Återställt från {}. Tidigare data sparades i {}.",
                        path.display(),
                        safety.display()
                    ),
                    Ok(None) => format!("Återställt från {}.", path.display()),
                    Err(e) => e.to_string(),
                });
                if r.is_ok() {
                    // Other data now: nothing selected or typed refers to it any more.
                    cx.screens.restored();
                    return Ok(Effect::reload(Reload::Fresh));
                }
            }
        }
        Ok(Effect::none())
    }
}
