//! The board: selecting a löfte, +1, insatser, check-off, manual status, meeting date.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::{Activity, ActivityId, CommitmentId};
use crate::store::StoreError;
use crate::ui::BoardAction;
use crate::ui::activity_form::ActivityForm;
use crate::ui::detail::DetailState;

impl BoardAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let today = cx.today;
        Ok(match self {
            BoardAction::SelectCommitment(c) => {
                let detail = c
                    .and_then(|c| cx.data.row(c))
                    .map(DetailState::from_row)
                    .unwrap_or_default();
                cx.screens.select_commitment(c, detail);
                Effect::reload(Reload::Selected)
            }
            BoardAction::StartNextPeriod(year) => {
                cx.screens.start_next_period(year);
                Effect::reload(Reload::All)
            }
            BoardAction::NewActivity(c) => {
                let form = new_form(cx, c);
                cx.screens.open_activity_form(c, form);
                Effect::reload(Reload::Selected)
            }
            BoardAction::EditActivity(id) => {
                let a = cx.store.activity(id)?;
                if let Some(form) = a.commitment.and_then(|c| new_form(cx, c)) {
                    cx.screens.board.open_form(ActivityForm::edit(&a, form));
                }
                Effect::none()
            }
            BoardAction::SaveActivity(a) => {
                if !a.id.is_new() {
                    match cx.store.update_activity(&a) {
                        Err(StoreError::ChangedByOthers) => {
                            // Nothing was written; the form shows what is saved now, so the
                            // user sees their version and makes the change again on it.
                            let theirs = cx.store.activity(a.id)?;
                            if let Some(form) = theirs.commitment.and_then(|c| new_form(cx, c)) {
                                cx.screens
                                    .board
                                    .open_form(ActivityForm::edit(&theirs, form));
                            }
                            return Err(StoreError::ChangedByOthers.into());
                        }
                        other => other?,
                    }
                    cx.screens.board.close_form();
                    Effect::reload(Reload::Activities)
                        .toast(format!("Insatsen {} sparades.", a.date))
                } else {
                    let id = cx.store.add_activity(&a)?;
                    let stored = cx.store.activity(id)?;
                    cx.screens.board.close_form();
                    Effect::reload(Reload::Activities)
                        .toast(format!("Insats {} registrerad ({} st).", a.date, a.count))
                        .undo(Undo::RemoveActivity(Box::new(stored)))
                }
            }
            BoardAction::DeleteActivity(id) => {
                let a = cx.store.delete_activity(id)?;
                Effect::reload(Reload::Activities)
                    .toast(format!("Insatsen {} togs bort.", a.date))
                    .undo(Undo::RestoreActivity(Box::new(a)))
            }
            BoardAction::SetManualStatus(c, manual) => {
                let text = match &manual {
                    Some(m) => format!("Status satt till {}.", m.status.label()),
                    None => "Statusen beräknas igen.".into(),
                };
                cx.store.set_manual_status(c, manual.as_ref())?;
                Effect::reload(Reload::Activities).toast(text)
            }
            BoardAction::SaveAssessment(a) => {
                cx.store.set_assessment(&a)?;
                cx.screens.board.assessment_saved();
                Effect::reload(Reload::Selected).toast("Bedömningen sparades.")
            }
            BoardAction::SetLastMeeting(m, date) => {
                cx.store.set_last_meeting(m, date)?;
                Effect::reload(Reload::Activities)
            }
            BoardAction::QuickAdd {
                commitment,
                target,
                by,
            } => {
                let municipality = match shown_board(cx.data, commitment) {
                    Some(b) => b.municipality.id,
                    None => {
                        let pledge = cx.store.pledge_of_commitment(commitment)?;
                        cx.store.pledge(pledge)?.municipality
                    }
                };
                let id = cx.store.add_activity(&Activity {
                    version: 0,
                    id: ActivityId::NEW,
                    municipality,
                    commitment: Some(commitment),
                    target,
                    date: today,
                    by,
                    count: 1,
                    place: String::new(),
                    description: String::new(),
                    internal_note: String::new(),
                })?;
                let stored = cx.store.activity(id)?;
                Effect::reload(Reload::Activities)
                    .toast(format!("Insats registrerad {today}."))
                    .undo(Undo::RemoveActivity(Box::new(stored)))
            }
            BoardAction::SetChecked(c, on) => {
                let before = cx.store.commitment(c)?.checked_on;
                cx.store.set_checked(c, on.then_some(today))?;
                Effect::reload(Reload::Activities)
                    .toast(if on {
                        "Löftet bockades av som klart."
                    } else {
                        "Löftet är inte längre avbockat."
                    })
                    .undo(super::Undo::RestoreChecked(c, before))
            }
        })
    }
}

/// The shown board that has löfte `c`: the kommun's, or one of a joint meeting's.
fn shown_board(data: &super::ViewData, c: CommitmentId) -> Option<&crate::domain::BoardData> {
    let has = |b: &&crate::domain::BoardData| b.commitments.iter().any(|x| x.id == c);
    let shown = data.board.as_ref().map(|(b, _)| b);
    shown
        .filter(has)
        .or_else(|| data.meeting.boards.iter().find(has))
}

/// An empty form for a new insats of `c`, dated today.
fn new_form(cx: &Ctx, c: CommitmentId) -> Option<ActivityForm> {
    let board = shown_board(cx.data, c)?;
    let cm = board.commitments.iter().find(|x| x.id == c)?;
    Some(ActivityForm::new(board, cm, cx.today))
}
