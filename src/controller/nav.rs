//! Moving around: kommun, overview, year, tab. Reads only.

use super::{Ctx, Effect, Reload, Result};
use crate::ui::NavAction;

impl NavAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        Ok(match self {
            NavAction::SelectMunicipality(m) => {
                cx.screens.select_municipality(m);
                cx.prefs.municipality = cx.data.municipality_name(m).map(String::from);
                Effect::reload(Reload::Board)
            }
            NavAction::SelectOverview(a) => {
                cx.screens.nav.select_overview(a);
                Effect::reload(Reload::All)
            }
            NavAction::SelectYear(y) => {
                cx.screens.select_year(y);
                cx.prefs.year = Some(y);
                Effect::reload(Reload::All)
            }
            NavAction::SetTab(t) => {
                cx.screens.nav.show_tab(t);
                Effect::none()
            }
        })
    }
}
