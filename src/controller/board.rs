//! The board: selecting a löfte, +1, insatser, check-off, manual status, meeting date.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::{Activity, ActivityId, CommitmentId};
use crate::ui::BoardAction;
use crate::ui::activity_form::ActivityForm;
use crate::ui::date_field::DateField;
use crate::ui::detail::DetailState;

impl BoardAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let today = cx.today;
        Ok(match self {
            BoardAction::SelectCommitment(c) => {
                if cx.screens.board.selected != c {
                    cx.screens.board.activity_form = None;
                    cx.screens.authoring.commitment_form = None;
                }
                cx.screens.board.selected = c;
                cx.screens.board.detail = c
                    .and_then(|c| cx.data.row(c))
                    .map(DetailState::from_row)
                    .unwrap_or_default();
                Effect::reload(Reload::Selected)
            }
            BoardAction::StartNextPeriod(year) => {
                cx.screens.nav.year = Some(year);
                cx.screens.nav.tab = crate::ui::nav::Tab::Edit;
                cx.screens.board.selected = None;
                let a = &mut cx.screens.authoring;
                a.new_period = year.to_string();
                a.copy_previous = true;
                Effect::reload(Reload::All)
            }
            BoardAction::NewActivity(c) => {
                let form = new_form(cx, c);
                cx.screens.board.selected = Some(c);
                cx.screens.authoring.commitment_form = None;
                cx.screens.board.activity_form = form;
                Effect::reload(Reload::Selected)
            }
            BoardAction::EditActivity(id) => {
                let a = cx.store.activity(id)?;
                if let Some(form) = a.commitment.and_then(|c| new_form(cx, c)) {
                    cx.screens.board.activity_form = Some(ActivityForm::edit(&a, form));
                }
                Effect::none()
            }
            BoardAction::CloseActivityForm => {
                cx.screens.board.activity_form = None;
                Effect::none()
            }
            BoardAction::SaveActivity(a) => {
                if a.id.0 > 0 {
                    cx.store.update_activity(&a)?;
                    cx.screens.board.activity_form = None;
                    Effect::reload(Reload::Board).toast(format!("Insatsen {} sparades.", a.date))
                } else {
                    let id = cx.store.add_activity(&a)?;
                    let stored = cx.store.activity(id)?;
                    cx.screens.board.activity_form = None;
                    Effect::reload(Reload::Board)
                        .toast(format!("Insats {} registrerad ({} st).", a.date, a.count))
                        .undo(Undo::RemoveActivity(Box::new(stored)))
                }
            }
            BoardAction::DeleteActivity(id) => {
                let a = cx.store.delete_activity(id)?;
                Effect::reload(Reload::Board)
                    .toast(format!("Insatsen {} togs bort.", a.date))
                    .undo(Undo::RestoreActivity(Box::new(a)))
            }
            BoardAction::SetManualStatus(c, manual) => {
                let text = match &manual {
                    Some(m) => format!("Status satt till {}.", m.status.label()),
                    None => "Statusen beräknas igen.".into(),
                };
                cx.store.set_manual_status(c, manual.as_ref())?;
                Effect::reload(Reload::Board).toast(text)
            }
            BoardAction::SaveAssessment(a) => {
                cx.store.set_assessment(&a)?;
                cx.screens.board.detail.assessment = None;
                Effect::reload(Reload::Selected).toast("Bedömningen sparades.")
            }
            BoardAction::SetLastMeeting(m, date) => {
                cx.store.set_last_meeting(m, date)?;
                Effect::reload(Reload::Board)
            }
            BoardAction::QuickAdd {
                commitment,
                target,
                by,
            } => {
                let pledge = cx
                    .store
                    .pledge(cx.store.pledge_of_commitment(commitment)?)?;
                let id = cx.store.add_activity(&Activity {
                    id: ActivityId(0),
                    municipality: pledge.municipality,
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
                Effect::reload(Reload::Board)
                    .toast(format!("Insats registrerad {today}."))
                    .undo(Undo::RemoveActivity(Box::new(stored)))
            }
            BoardAction::SetChecked(c, on) => {
                let before = cx.store.commitment(c)?.checked_on;
                cx.store.set_checked(c, on.then_some(today))?;
                Effect::reload(Reload::Board)
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

/// An empty form for a new insats of `c`, dated today.
fn new_form(cx: &Ctx, c: CommitmentId) -> Option<ActivityForm> {
    // The löfte on the shown board, or on one of a joint meeting's boards.
    let shown = cx.data.board.as_ref().map(|(b, _)| b);
    let board = shown
        .filter(|b| b.commitments.iter().any(|x| x.id == c))
        .or_else(|| {
            cx.data
                .meeting
                .boards
                .iter()
                .find(|b| b.commitments.iter().any(|x| x.id == c))
        })?;
    let cm = board.commitments.iter().find(|x| x.id == c)?;
    let targets = if cm.targets.len() > 1 {
        cm.targets
            .iter()
            .map(|t| (t.id, t.label.clone().unwrap_or_else(|| t.describe())))
            .collect()
    } else {
        Vec::new()
    };
    Some(ActivityForm {
        editing: None,
        municipality: board.municipality.id,
        commitment: c,
        target: match cm.targets.as_slice() {
            [only] => Some(only.id),
            _ => None,
        },
        targets,
        period: board.pledge.period,
        sub_areas: cm.sub_areas.clone(),
        date: DateField::new(cx.today),
        by: cm.party,
        count: "1".into(),
        place: String::new(),
        description: String::new(),
        note: String::new(),
        confirm_outside: false,
        focus_first: true,
    })
}
