//! Moving around: kommun, overview, year, tab. Reads only.

use super::{Ctx, Effect, Reload, Result};
use crate::ui::NavAction;
use crate::ui::nav::Selection;

impl NavAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let s = &mut *cx.screens;
        Ok(match self {
            NavAction::SelectMunicipality(m) => {
                if s.nav.selection != Some(Selection::Municipality(m)) {
                    // Another kommun: its walks, not the previous one's forms.
                    s.walks = Default::default();
                    s.measures = Default::default();
                }
                s.nav.selection = Some(Selection::Municipality(m));
                s.board.selected = None;
                cx.prefs.municipality = cx.data.municipality_name(m).map(String::from);
                Effect::reload(Reload::Board)
            }
            NavAction::SelectOverview(a) => {
                s.nav.selection = Some(Selection::Overview(a));
                Effect::reload(Reload::All)
            }
            NavAction::SelectYear(y) => {
                s.nav.year = Some(y);
                cx.prefs.year = Some(y);
                s.board.selected = None;
                Effect::reload(Reload::All)
            }
            NavAction::SetTab(t) => {
                s.nav.tab = t;
                Effect::none()
            }
        })
    }
}
