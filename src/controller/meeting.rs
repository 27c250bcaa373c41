//! Mötesläge: start and leave, move through the agenda, record today's meeting with its
//! beslut, close earlier beslut. A meeting belongs to a kommun's group, or to a
//! lokalpolisområde when started from "Alla kommuner" (a joint meeting).

use super::{Effect, Reload, Result};
use crate::domain::{DecisionStatus, Meeting, MeetingGroup, MeetingId};
use crate::store::Store;
use crate::ui::MeetingAction;
use crate::ui::meeting::MeetingScreen;
use crate::ui::nav::NavState;
use crate::ui::nav::Selection;
use chrono::NaiveDate;

impl MeetingAction {
    /// Processes a meeting action with what it needs: the store, the day, meeting mode's
    /// own state and what is shown (the group a meeting starts for).
    pub fn apply(
        self,
        store: &mut Store,
        today: NaiveDate,
        screen: &mut MeetingScreen,
        nav: &NavState,
    ) -> Result<Effect> {
        let group = match (&self, screen.group) {
            // Starting: the group follows what is shown.
            (MeetingAction::Start | MeetingAction::DecideAbout(_), _) => match nav.selection {
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
                let current = store.meeting_on(g, today)?;
                screen.start(g, current);
                Effect::reload(Reload::Selected)
            }
            MeetingAction::DecideAbout(place) => {
                let current = store.meeting_on(g, today)?;
                screen.start(g, current);
                screen.decide_about(&place);
                Effect::reload(Reload::Selected)
            }
            MeetingAction::Leave => {
                screen.leave();
                Effect::reload(Reload::Board)
            }
            MeetingAction::AddDecision(d) => {
                let meeting = todays_meeting(store, today, g)?;
                store.add_decision(&crate::domain::Decision { meeting, ..*d })?;
                Effect::reload(Reload::Activities).toast("Beslutet sparades.")
            }
            MeetingAction::UpdateDecision(d) => {
                let before = store.update_decision(&d)?;
                screen.decision_saved();
                Effect::reload(Reload::Selected)
                    .toast("Beslutet ändrades.")
                    .undo(super::Undo::RevertDecision(Box::new(before)))
            }
            MeetingAction::SetDecisionStatus { id, status, reason } => {
                let before = store.set_decision_status(id, status, &reason, today)?;
                screen.status_set();
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
                let (d, position) = store.delete_decision(id)?;
                let text = format!("Beslutet \"{}\" togs bort.", d.text);
                Effect::reload(Reload::Selected)
                    .toast(text)
                    .undo(super::Undo::RestoreDecision(Box::new((d, position))))
            }
            MeetingAction::SaveNotes {
                participants,
                notes,
            } => {
                let id = todays_meeting(store, today, g)?;
                let mut meeting = store.meeting(id)?;
                meeting.participants = participants;
                meeting.notes = notes;
                store.update_meeting(&meeting)?;
                Effect::reload(Reload::Selected).toast("Deltagare och lägesbild sparades.")
            }
        })
    }
}

/// Today's meeting of group `g`, recorded now if it was not.
fn todays_meeting(store: &mut Store, today: NaiveDate, g: MeetingGroup) -> Result<MeetingId> {
    if let Some(existing) = store.meeting_on(g, today)? {
        return Ok(existing.id);
    }
    Ok(store.add_meeting(&Meeting {
        version: 0,
        id: MeetingId::NEW,
        group: g,
        date: today,
        participants: Vec::new(),
        notes: String::new(),
    })?)
}
