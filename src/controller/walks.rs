//! Trygghetsvandringar and the åtgärdslista: walks, observations and their status.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::CommitmentId;
use crate::ui::WalkAction;
use crate::ui::walk_form::WalkForm;

impl WalkAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        Ok(match self {
            WalkAction::Select(w) => {
                if cx.screens.walks.state.selected != w {
                    cx.screens.walks.state.pending = None;
                    cx.screens.walks.state.confirm_delete = None;
                }
                cx.screens.walks.state.selected = w;
                Effect::reload(Reload::Selected)
            }
            WalkAction::New => {
                if let Some(m) = cx.screens.nav.municipality() {
                    let choices = commitment_choices(cx);
                    cx.screens.walks.form = Some(WalkForm::new(m, cx.today, choices));
                }
                Effect::none()
            }
            WalkAction::Edit(id) => {
                let w = cx.store.walk(id)?;
                let choices = commitment_choices(cx);
                cx.screens.walks.form = Some(WalkForm::edit(&w, choices));
                Effect::none()
            }
            WalkAction::CloseForm => {
                cx.screens.walks.form = None;
                Effect::none()
            }
            WalkAction::Save(w) => {
                let id = if w.id.0 > 0 {
                    cx.store.update_walk(&w)?;
                    w.id
                } else {
                    cx.store.add_walk(&w)?
                };
                cx.screens.walks.form = None;
                cx.screens.walks.state.selected = Some(id);
                Effect::reload(Reload::Board)
                    .toast(format!("Trygghetsvandringen {} sparades.", w.date))
            }
            WalkAction::Delete(id) => {
                let d = cx.store.delete_walk_for_undo(id)?;
                Effect::reload(Reload::Board)
                    .toast(format!(
                        "Trygghetsvandringen {} togs bort med {} iakttagelser.",
                        d.walk.date,
                        d.observations.len()
                    ))
                    .undo(Undo::RestoreWalk(Box::new(d)))
            }
            WalkAction::AddObservation(o) => {
                cx.store.add_observation(&o)?;
                Effect::reload(Reload::Selected)
            }
            WalkAction::SetObservationStatus { id, status, reason } => {
                let mut o = cx.store.observation(id)?;
                o.status = status;
                o.status_reason = reason;
                o.updated_on = cx.today;
                cx.store.update_observation(&o)?;
                Effect::reload(Reload::Selected).toast(format!("{}: {}.", o.place, status.label()))
            }
        })
    }
}

/// Löften of the shown board a walk can count towards: (id, short text).
fn commitment_choices(cx: &Ctx) -> Vec<(CommitmentId, String)> {
    cx.data
        .board
        .as_ref()
        .map(|(b, _)| {
            b.commitments
                .iter()
                .map(|c| (c.id, c.text.chars().take(70).collect()))
                .collect()
        })
        .unwrap_or_default()
}
