//! When the database is damaged or cannot be opened: say so plainly, and offer the way
//! back (a restore from a copy) instead of a dead end.

use super::backups::CopyEntry;
use super::forms::{dialog, error_line};
use super::{Action, BackupAction};
use egui::{RichText, Ui};
use std::path::Path;

/// The window shown when the start-up check found the database damaged.
pub fn damaged_notice(ctx: &egui::Context, open: bool) -> Vec<Action> {
    let mut shown = open;
    let mut actions = dialog(
        ctx,
        &mut shown,
        ("Databasen är skadad", Some(560.0), 120.0),
        |ui| {
            let mut actions = Vec::new();
            ui.label(
                "Kontrollen vid start hittade fel i databasfilen. Det som visas kan vara \
                 ofullständigt, och ändringar kan misslyckas. Ingen dagskopia togs av den \
                 skadade filen.",
            );
            ui.add_space(6.0);
            ui.label(
                "Återställ från den senaste säkerhetskopian. Den skadade filen sparas först \
                 som en kopia (Före återställning), så inget försvinner.",
            );
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new("Återställ från säkerhetskopia…").strong())
                    .clicked()
                {
                    actions.push(BackupAction::Open.into());
                    actions.push(Action::CloseDamagedNotice);
                }
                if ui.button("Fortsätt ändå").clicked() {
                    actions.push(Action::CloseDamagedNotice);
                }
            });
            actions
        },
    );
    if !shown {
        actions.push(Action::CloseDamagedNotice);
    }
    actions
}

/// Instead of the board when the database could not be opened. `copies` (newest first)
/// are offered for a restore when a restore can help (the file is unreadable, not
/// someone else's or newer).
pub fn open_error_screen(
    ui: &mut Ui,
    err: &str,
    path: &Path,
    copies: Option<&[CopyEntry]>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.heading("Databasen kunde inte öppnas");
        ui.add_space(10.0);
        ui.label(RichText::new(err).size(18.0));
        ui.add_space(10.0);
        ui.label(format!("Fil: {}", path.display()));
        ui.label("Starta programmet med --db SÖKVÄG för att öppna en annan fil.");
        let Some(copies) = copies else {
            return;
        };
        ui.add_space(16.0);
        ui.label(RichText::new("Återställ från en säkerhetskopia").strong());
        ui.label("Den oläsbara filen sparas först som en kopia (Före återställning).");
        if copies.is_empty() {
            error_line(
                ui,
                "Det finns inga säkerhetskopior i mappen bredvid databasen.",
            );
        }
        for c in copies {
            ui.horizontal(|ui| {
                ui.label(&c.label)
                    .on_hover_text(c.path.display().to_string());
                if ui.small_button("Återställ").clicked() {
                    actions.push(BackupAction::RestoreFrom(c.path.clone()).into());
                }
            });
        }
    });
    actions
}

/// Shown after a panic stopped a frame. True when the user goes on.
pub fn crash_screen(ui: &mut Ui, crash: &crate::crash::Crash) -> bool {
    let mut go_on = false;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.heading("Ett internt fel inträffade");
        ui.add_space(10.0);
        ui.label(
            RichText::new(
                "Programmet stoppade det som höll på att hända. Det som redan är sparat i \
                 databasen är orört: varje ändring sparas helt eller inte alls. Det du skrev \
                 men inte sparade kan behöva skrivas igen.",
            )
            .size(18.0),
        );
        ui.add_space(10.0);
        match &crash.log {
            Some(log) => ui.label(format!(
                "Felet är sparat i {}. Skicka gärna filen till den som sköter programmet.",
                log.display()
            )),
            None => ui.label("Felet kunde inte sparas i en loggfil."),
        };
        ui.label(super::widgets::weak(&crash.detail));
        ui.add_space(16.0);
        go_on = ui.button("Tillbaka till tavlan").clicked();
    });
    go_on
}
