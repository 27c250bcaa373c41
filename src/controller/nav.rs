//! Moving around: kommun, overview, year, tab. Reads only.

use super::{Effect, Reload, ViewData};
use crate::ui::NavAction;
use crate::ui::{Prefs, Screens};

impl NavAction {
    /// Processes a move with what it needs: the screens, the saved preferences and the
    /// names shown.
    pub fn apply(self, screens: &mut Screens, prefs: &mut Prefs, data: &ViewData) -> Effect {
        match self {
            NavAction::SelectMunicipality(m) => {
                screens.select_municipality(m);
                prefs.municipality = data.municipality_name(m).map(String::from);
                Effect::reload(Reload::Board)
            }
            NavAction::SelectOverview(a) => {
                screens.nav.select_overview(a);
                Effect::reload(Reload::All)
            }
            NavAction::SelectYear(y) => {
                screens.select_year(y);
                prefs.year = Some(y);
                Effect::reload(Reload::All)
            }
            NavAction::SetTab(t) => {
                screens.nav.show_tab(t);
                Effect::none()
            }
            NavAction::HideSidePanel(hide) => {
                screens.nav.hide_side_panel = hide;
                Effect::none()
            }
        }
    }
}
