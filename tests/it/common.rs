//! Helpers shared by the test modules.

use chrono::NaiveDate;
use egui_kittest::Harness;
use std::path::Path;
use trygghetstavlan::app::App;
use trygghetstavlan::controller::dialogs::{FileDialogs, Unavailable};
use trygghetstavlan::domain::{
    Activity, ActivityId, Clock, MunicipalityId, Observation, ObservationCategory, ObservationId,
    ObservationStatus, Party, SafetyWalk, TimeOfDay, WalkId,
};
use trygghetstavlan::store::{Store, StoreError};
use trygghetstavlan::ui::Prefs;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An in-memory database with the published löften and nothing recorded.
pub fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    store
}

/// A walk in the dark with the police on `date` (ISO) in `area`, nothing else said; a
/// test sets what it needs with `SafetyWalk { participants: 9, ..walk(…) }`.
pub fn walk(municipality: MunicipalityId, date: &str, area: &str) -> SafetyWalk {
    SafetyWalk {
        version: 0,
        id: WalkId(0),
        municipality,
        date: day(date),
        time_of_day: TimeOfDay::Dark,
        area: area.into(),
        organisations: vec!["Polisen".into()],
        participants: 0,
        notes: String::new(),
        commitment: None,
        revisit_of: None,
    }
}

/// A new, negative lighting observation on `walk` at `place`, last changed on `date`,
/// without åtgärd; a test sets the rest with `..`.
pub fn observation(walk: WalkId, place: &str, description: &str, date: &str) -> Observation {
    Observation {
        version: 0,
        id: ObservationId(0),
        walk,
        place: place.into(),
        category: ObservationCategory::Lighting,
        description: description.into(),
        measure: String::new(),
        responsible: String::new(),
        deadline: None,
        status: ObservationStatus::New,
        status_reason: String::new(),
        updated_on: day(date),
        positive: false,
        position: None,
    }
}

/// The whole app on `store` (as opened from `path`), on `today`, run to its first frame.
/// Tests have no desktop: the file dialogs answer as a desktop without them does.
pub fn app_harness(
    store: Result<Store, StoreError>,
    path: &Path,
    today: &str,
) -> Harness<'static, App> {
    app_harness_with(store, path, today, Box::new(Unavailable))
}

/// The same, with file dialogs that answer as `dialogs` says.
pub fn app_harness_with(
    store: Result<Store, StoreError>,
    path: &Path,
    today: &str,
    dialogs: Box<dyn FileDialogs>,
) -> Harness<'static, App> {
    let app = App::new(
        store,
        path.to_path_buf(),
        Prefs::default(),
        Clock::Fixed(day(today)),
    )
    .with_file_dialogs(dialogs);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    h.run();
    h
}

/// File dialogs in which the user picks `0` (for opening) every time.
pub struct Picks(pub std::path::PathBuf);

impl FileDialogs for Picks {
    fn save_file(&self, _: &str, _: (&str, &[&str]), _: &Path) -> Option<std::path::PathBuf> {
        Some(self.0.clone())
    }
    fn pick_file(&self, _: &str, _: (&str, &[&str])) -> Option<std::path::PathBuf> {
        Some(self.0.clone())
    }
    fn pick_files(&self, _: &str, _: (&str, &[&str])) -> Option<Vec<std::path::PathBuf>> {
        Some(vec![self.0.clone()])
    }
}

/// An insats of `kommun`'s first löfte (its first target), with `text` as description and
/// note, dated 2024-03-01.
pub fn insats(store: &Store, kommun: &str, text: &str) -> Activity {
    let m = store.municipality_by_name(kommun).unwrap().unwrap();
    let p = store.pledges(m.id).unwrap().remove(0);
    let c = store.commitments(p.id).unwrap().remove(0);
    Activity {
        version: 0,
        id: ActivityId(0),
        municipality: m.id,
        commitment: Some(c.id),
        target: c.targets.first().map(|t| t.id),
        date: day("2024-03-01"),
        by: Party::Polisen,
        count: 1,
        place: "Torget".into(),
        description: text.into(),
        internal_note: text.into(),
    }
}
