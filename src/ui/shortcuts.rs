//! "Kortkommandon" (F1): every key the window answers to, in one place.

use egui::{RichText, Ui};

/// The keys, as the help lists them: (key, what it does).
pub const KEYS: &[(&str, &str)] = &[
    ("Tabb / Skift+Tabb", "Nästa / föregående knapp eller fält"),
    (
        "Enter eller mellanslag",
        "Använd knappen; på ett löfte: öppna detaljpanelen",
    ),
    (
        "+",
        "På ett löfte: en insats i dag (som +1), annars formuläret Ny insats",
    ),
    (
        "Esc",
        "Stäng detaljpanelen (fokus tillbaka till löftet), ett formulär eller den här listan",
    ),
    ("Ctrl+Z", "Ångra den senaste ändringen (utanför textfält)"),
    ("Ctrl+N", "Ny insats för det valda löftet"),
    ("F5", "Mötesläge: lägesbildsmötet på projektorn"),
    (
        "Page Up / Page Down, vänster- / högerpil",
        "Mötesläge: föregående / nästa punkt",
    ),
    ("Upp- / nedpil", "Mötesläge: rulla tavlan"),
    (
        "Ctrl + plus / minus / 0",
        "Större / mindre / normal textstorlek",
    ),
    ("F1", "Den här listan"),
];

/// The help window while `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    *open = super::forms::modal(ctx, "Kortkommandon", Some(560.0), 80.0, contents);
}

fn contents(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (key, what) in KEYS {
                ui.label(RichText::new(*key).strong());
                ui.label(*what);
                ui.end_row();
            }
        });
}
