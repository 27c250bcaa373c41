//! Helpers shared by the test modules.

use chrono::NaiveDate;
use egui_kittest::Harness;
use std::path::Path;
use trygghetstavlan::app::App;
use trygghetstavlan::domain::Clock;
use trygghetstavlan::store::{Store, StoreError};
use trygghetstavlan::ui::Prefs;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The whole app on `store` (as opened from `path`), on `today`, run to its first frame.
pub fn app_harness(
    store: Result<Store, StoreError>,
    path: &Path,
    today: &str,
) -> Harness<'static, App> {
    let app = App::new(
        store,
        path.to_path_buf(),
        Prefs::default(),
        Clock::Fixed(day(today)),
    )
    // Tests have no desktop: the file dialogs answer as a desktop without them does.
    .with_file_dialogs(Box::new(trygghetstavlan::controller::dialogs::Unavailable));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    h.run();
    h
}
