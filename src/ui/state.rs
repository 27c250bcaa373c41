//! The state the screens own, and the preferences saved between runs.

use super::authoring::AuthoringScreen;
use super::backups::BackupState;
use super::board::BoardScreen;
use super::exchange::ExchangeState;
use super::export::ExportState;
use super::import_dialog::ImportState;
use super::measures::MeasuresScreen;
use super::meeting::MeetingScreen;
use super::nav::NavState;
use super::new_municipality::NewMunicipalityForm;
use super::walks::WalksScreen;
use serde::{Deserialize, Serialize};

/// Every screen's and dialog's own state. Records are not kept here: they are loaded
/// into the controller's view data after each change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Screens {
    pub nav: NavState,
    pub board: BoardScreen,
    pub walks: WalksScreen,
    pub measures: MeasuresScreen,
    pub authoring: AuthoringScreen,
    pub import: ImportState,
    pub new_municipality: NewMunicipalityForm,
    pub backups: BackupState,
    pub exchange: ExchangeState,
    pub export: ExportState,
    pub meeting: MeetingScreen,
    pub situation: super::situation::SituationScreen,
    pub agreement: super::agreement::AgreementScreen,
    /// A new database with the example kommuner: ask whether to keep them.
    pub first_start: bool,
    /// The "Kortkommandon" help (F1).
    pub shortcuts: bool,
}

/// UI preferences saved by eframe between runs (records live in SQLite only).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    pub municipality: Option<String>,
    /// The year shown: each kommun shows its medborgarlöfte covering it.
    pub year: Option<i32>,
    pub dark: bool,
    pub zoom: f32,
    /// The diarienummer last given to an export, per kommun (or lokalpolisområde) and
    /// period ("Bromölla · 2024"): each organisation's own registration, kept on this
    /// computer and never sent to the partner.
    pub dnr: std::collections::BTreeMap<String, String>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            municipality: None,
            year: None,
            dark: false,
            zoom: 1.0,
            dnr: Default::default(),
        }
    }
}
