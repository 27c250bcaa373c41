//! Lägesbild: händelser recorded and removed (with Ångra), the window and place shown.

use super::{Ctx, Effect, Error, Reload, Result, Undo};
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
            SituationAction::Import(m) => {
                let Some(path) = cx
                    .dialogs
                    .pick_file("Välj fil med händelser", ("CSV", &["csv", "CSV", "txt"]))
                else {
                    return Ok(Effect::none().toast("Ingen fil vald."));
                };
                let bytes = crate::files::read_bounded(&path, crate::incidents_csv::MAX_BYTES)
                    .map_err(|e| Error::System(format!("{}: {e}", path.display())))?;
                let read = crate::incidents_csv::read(&bytes)
                    .map_err(|e| Error::System(e.lines(20).join("\n")))?;
                let done = cx.store.import_incidents(m, &read.rows)?;
                let mut text = format!(
                    "{} importerade",
                    crate::validate::count_of(done.rows, "händelse", "händelser")
                );
                if read.encoding != "UTF-8" {
                    text.push_str(&format!(" (läst som {})", read.encoding));
                }
                text.push('.');
                if !done.new_categories.is_empty() {
                    text.push_str(&format!(
                        " Nya kategorier: {}.",
                        done.new_categories.join(", ")
                    ));
                }
                Effect::reload(Reload::Situation).toast(text)
            }
            SituationAction::AddIndicator(d) => {
                cx.store.add_indicator(&d)?;
                screen.indicator_added();
                Effect::reload(Reload::Selected).toast(format!("Indikatorn {} sparades.", d.name))
            }
            SituationAction::SetValue {
                indicator,
                year,
                value,
            } => {
                let before = cx.store.set_indicator_value(indicator, year, value)?;
                screen.value_saved(indicator);
                Effect::reload(Reload::Selected)
                    .toast(format!(
                        "Värdet för {year} sparades: {}.",
                        crate::domain::indicators::number(value)
                    ))
                    .undo(Undo::RevertIndicatorValue(indicator, year, before))
            }
            SituationAction::ImportValues(indicator) => {
                let Some(path) = cx.dialogs.pick_file(
                    "Välj fil med år och värden",
                    ("CSV", &["csv", "CSV", "txt"]),
                ) else {
                    return Ok(Effect::none().toast("Ingen fil vald."));
                };
                let bytes =
                    crate::files::read_bounded(&path, crate::incidents_csv::MAX_VALUES_BYTES)
                        .map_err(|e| Error::System(format!("{}: {e}", path.display())))?;
                let values = crate::incidents_csv::read_values(&bytes)
                    .map_err(|e| Error::System(e.lines(20).join("\n")))?;
                cx.store.set_indicator_values(indicator, &values)?;
                Effect::reload(Reload::Selected).toast(format!(
                    "{} sparade.",
                    crate::validate::count_of(values.len(), "värde", "värden")
                ))
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
