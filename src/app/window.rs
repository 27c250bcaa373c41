//! The desktop window: eframe's options, the icon, fonts and style, and the start-up.

use super::App;
use crate::store::{Store, StoreError};
use std::path::PathBuf;

pub(super) fn set_theme(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}

/// DejaVu Sans (already in the binary for the PDF) after egui's own fonts: pasted texts
/// keep their "●", "■", "➢" and "→" instead of showing boxes.
pub fn install_fallback_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "dejavu-sans",
        egui::FontData::from_static(dejavu::sans::regular()),
        families,
    ));
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
        // Hints and secondary text readable on a projector: egui's default (the text
        // colour at 60 %) is about 2.9:1 on the light background; these are above 6:1.
        style.visuals.weak_text_color = Some(if style.visuals.dark_mode {
            egui::Color32::from_gray(0xA8)
        } else {
            egui::Color32::from_gray(0x5C)
        });
    });
}

/// Opens the window on the database at `path`, at kommun `kommun` (by name), in meeting
/// mode when `meeting`. A database that cannot be opened is shown as the recovery screen.
pub fn launch(path: PathBuf, kommun: Option<&str>, meeting: bool) -> Result<(), String> {
    crate::crash::install_hook();
    let store = Store::open_or_create(&path, crate::seed::install);
    let mut start = StartAt {
        municipality: None,
        meeting,
    };
    if let (Some(name), Ok(s)) = (kommun, &store) {
        match s.municipality_by_name(name) {
            Ok(Some(m)) => start.municipality = Some(m.id),
            Ok(None) => return Err(format!("Okänd kommun: {name}")),
            Err(e) => return Err(e.to_string()),
        }
    } else if meeting && kommun.is_none() {
        return Err("Ange kommunen för mötet: --kommun NAMN --mote.".into());
    }
    run(path, store, start).map_err(|e| format!("Kunde inte öppna fönstret: {e}"))
}

/// Where the window starts: a kommun (by name), in meeting mode or not.
#[derive(Debug, Clone, Default)]
pub struct StartAt {
    pub municipality: Option<crate::domain::MunicipalityId>,
    pub meeting: bool,
}

/// The icon in the title bar and task bar (the same picture as the .exe's and the Linux
/// desktop entry's, assets/icon).
fn window_icon() -> egui::IconData {
    let png = include_bytes!("../../assets/icon/trygghetstavlan-256.png");
    match image::load_from_memory_with_format(png, image::ImageFormat::Png) {
        Ok(img) => {
            let rgba = img.into_rgba8();
            egui::IconData {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            }
        }
        // A built-in file; a broken one shows the system's default icon.
        Err(_) => egui::IconData::default(),
    }
}

/// Opens the main window.
pub fn run(db_path: PathBuf, store: Result<Store, StoreError>, start: StartAt) -> eframe::Result {
    // On a server the title says which (everyone there sees the same board).
    let title = match store.as_ref().ok().and_then(|s| s.server()) {
        Some(server) => format!("Trygghetstavlan — {server}"),
        None => "Trygghetstavlan".to_string(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_app_id("trygghetstavlan")
            .with_icon(window_icon()),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Trygghetstavlan",
        options,
        Box::new(move |cc| {
            let mut app = App::from_creation_context(cc, store, db_path);
            app.start_at(&start);
            app.start_checkup();
            Ok(Box::new(app))
        }),
    )
}
