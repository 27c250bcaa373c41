//! Lägesbild: händelser recorded and removed (with Ångra), the window and place shown.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::ui::SituationAction;

impl SituationAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let screen = &mut cx.screens.situation;
        Ok(match self {
            SituationAction::Show(w) => {
                screen.show(w);
                Effect::none()
            }
            SituationAction::ShowPlace(p) => {
                screen.place = p;
                Effect::none()
            }
            SituationAction::Add(d) => {
                let id = cx.store.add_incident(&d)?;
                screen.added();
                Effect::reload(Reload::Situation)
                    .toast(format!("Händelsen vid {} sparades.", d.place))
                    .undo(Undo::RemoveIncident(id))
            }
            SituationAction::Remove(id) => {
                let gone = cx.store.remove_incident(id)?;
                Effect::reload(Reload::Situation)
                    .toast(format!(
                        "Händelsen {} vid {} togs bort.",
                        gone.date, gone.place
                    ))
                    .undo(Undo::RestoreIncident(Box::new(gone)))
            }
        })
    }
}
