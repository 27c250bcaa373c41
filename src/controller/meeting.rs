//! Mötesläge: start and leave, move through the agenda, record today's meeting with its
//! beslut, close earlier beslut. A meeting belongs to a kommun's group, or to a
//! lokalpolisområde when started from "Alla kommuner" (a joint meeting).

use super::{Ctx, Effect, Reload, Result};
use crate::domain::{DecisionStatus, Meeting, MeetingGroup, MeetingId};
use crate::ui::MeetingAction;
use crate::ui::nav::Selection;

impl MeetingAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let group = match (&self, cx.screens.meeting.group) {
            // Starting: the group follows what is shown.
            (MeetingAction::Start, _) => match cx.screens.nav.selection {
                Some(Selection::Municipality(m)) => Some(MeetingGroup::Kommun(m)),
                Some(Selection::Overview(a)) => Some(MeetingGroup::Area(a)),
                None => None,
            },
            (_, g) => g,
        };
        let Some(g) = group else {
            return Ok(Effect::none());
        };
        Ok(match self {
            MeetingAction::Start => {
                let current = cx.store.meeting_on(g, cx.today)?;
                cx.screens.meeting.start(g, current);
                Effect::reload(Reload::Selected)
            }
            MeetingAction::Leave => {
                cx.screens.meeting.leave();
                Effect::reload(Reload::Board)
            }
            MeetingAction::Show(step) => {
                cx.screens.meeting.show(step);
                Effect::none()
            }
            MeetingAction::AddDecision(d) => {
                let meeting = todays_meeting(cx, g)?;
                cx.store
                    .add_decision(&crate::domain::Decision { meeting, ..*d })?;
                Effect::reload(Reload::Activities).toast("Beslutet sparades.")
            }
            MeetingAction::UpdateDecision(d) => {
                let before = cx.store.update_decision(&d)?;
                cx.screens.meeting.decision_saved();
                Effect::reload(Reload::Selected)
                    .toast("Beslutet ändrades.")
                    .undo(super::Undo::RevertDecision(Box::new(before)))
            }
            MeetingAction::SetDecisionStatus { id, status, reason } => {
                let before = cx
                    .store
                    .set_decision_status(id, status, &reason, cx.today)?;
                cx.screens.meeting.status_set();
                let done = match status {
                    DecisionStatus::Open => "öppnades igen",
                    DecisionStatus::Done => "markerades som klart",
                    DecisionStatus::Struck => "ströks",
                };
                Effect::reload(Reload::Selected)
                    .toast(format!("Beslutet \"{}\" {done}.", before.text))
                    .undo(super::Undo::RevertDecisionStatus(Box::new(before), status))
            }
            MeetingAction::DeleteDecision(id) => {
                let (d, position) = cx.store.delete_decision(id)?;
                let text = format!("Beslutet \"{}\" togs bort.", d.text);
                Effect::reload(Reload::Selected)
                    .toast(text)
                    .undo(super::Undo::RestoreDecision(Box::new((d, position))))
            }
            MeetingAction::SaveNotes {
                participants,
                notes,
            } => {
                let id = todays_meeting(cx, g)?;
                let mut meeting = cx.store.meeting(id)?;
                meeting.participants = participants;
                meeting.notes = notes;
                cx.store.update_meeting(&meeting)?;
                Effect::reload(Reload::Selected).toast("Deltagare och lägesbild sparades.")
            }
        })
    }
}

/// Today's meeting of group `g`, recorded now if it was not.
fn todays_meeting(cx: &mut Ctx, g: MeetingGroup) -> Result<MeetingId> {
    if let Some(existing) = cx.store.meeting_on(g, cx.today)? {
        return Ok(existing.id);
    }
    Ok(cx.store.add_meeting(&Meeting {
        id: MeetingId(0),
        group: g,
        date: cx.today,
        participants: Vec::new(),
        notes: String::new(),
    })?)
}
