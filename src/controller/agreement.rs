//! Överenskommelse: the agreement's head and fokusområden edited, everyday insatser
//! recorded against a fokusområde (with Ångra).

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::ui::AgreementAction;

impl AgreementAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let screen = &mut cx.screens.agreement;
        Ok(match self {
            AgreementAction::Select(id) => {
                screen.select(id);
                Effect::none()
            }
            AgreementAction::Create {
                municipality,
                period,
                title,
                focus_areas,
            } => {
                let id = cx
                    .store
                    .add_agreement(municipality, period, &title, &focus_areas)?;
                screen.created(id);
                Effect::reload(Reload::Selected)
                    .toast(format!("Överenskommelsen {title} sparades."))
            }
            AgreementAction::SaveHead {
                id,
                period,
                title,
                parties,
                forums,
            } => {
                cx.store
                    .update_agreement(id, period, &title, &parties, &forums)?;
                screen.saved();
                // Löften may have gained fokusområden: the board shows them.
                Effect::reload(Reload::Board).toast("Överenskommelsen sparades.")
            }
            AgreementAction::AddFocusArea(id, name) => {
                cx.store.add_focus_area(id, &name)?;
                screen.saved();
                Effect::reload(Reload::Board)
                    .toast(format!("Fokusområdet {} lades till.", name.trim()))
            }
            AgreementAction::RenameFocusArea(f, name) => {
                cx.store.rename_focus_area(f, &name)?;
                screen.saved();
                Effect::reload(Reload::Board).toast(format!(
                    "Fokusområdet heter nu {}; löften och insatser följde med.",
                    name.trim()
                ))
            }
            AgreementAction::RemoveFocusArea(f) => {
                cx.store.remove_focus_area(f)?;
                screen.saved();
                Effect::reload(Reload::Board).toast("Fokusområdet togs bort.")
            }
            AgreementAction::SetCategories(f, list) => {
                cx.store.set_focus_area_categories(f, &list)?;
                screen.saved();
                Effect::reload(Reload::Selected).toast("Kategorierna sparades.")
            }
            AgreementAction::AddActivity(a, areas) => {
                let id = cx.store.add_activity_with_focus(&a, &areas)?;
                let stored = cx.store.activity(id)?;
                screen.activity_saved();
                Effect::reload(Reload::Activities)
                    .toast(format!("Insats {} registrerad ({} st).", a.date, a.count))
                    .undo(Undo::RemoveActivity(Box::new(stored)))
            }
        })
    }
}
