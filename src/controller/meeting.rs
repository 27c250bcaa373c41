//! Mötesläge: start and leave, move through the agenda, record today's meeting with its
//! beslut, close earlier beslut.

use super::{Ctx, Effect, Reload, Result};
use crate::domain::{Meeting, MeetingId};
use crate::ui::MeetingAction;
use crate::ui::meeting::MeetingScreen;

impl MeetingAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let Some(m) = cx.screens.nav.municipality() else {
            return Ok(Effect::none());
        };
        Ok(match self {
            MeetingAction::Start => {
                let current = cx.store.meeting_on(m, cx.today)?;
                cx.screens.meeting = MeetingScreen {
                    active: true,
                    participants: current
                        .as_ref()
                        .map(|c| c.participants.join("\n"))
                        .unwrap_or_default(),
                    notes: current.map(|c| c.notes).unwrap_or_default(),
                    ..MeetingScreen::default()
                };
                Effect::reload(Reload::Selected)
            }
            MeetingAction::Leave => {
                cx.screens.meeting.active = false;
                Effect::reload(Reload::Board)
            }
            MeetingAction::Show(step) => {
                cx.screens.meeting.step = step;
                Effect::none()
            }
            MeetingAction::AddDecision(d) => {
                let meeting = todays_meeting(cx, m)?;
                cx.store
                    .add_decision(&crate::domain::Decision { meeting, ..*d })?;
                Effect::reload(Reload::Board).toast("Beslutet sparades.")
            }
            MeetingAction::UpdateDecision(d) => {
                let before = cx.store.update_decision(&d)?;
                cx.screens.meeting.editing = None;
                Effect::reload(Reload::Selected)
                    .toast("Beslutet ändrades.")
                    .undo(super::Undo::RevertDecision(Box::new(before)))
            }
            MeetingAction::SetDecisionStatus { id, status, reason } => {
                cx.store
                    .set_decision_status(id, status, &reason, cx.today)?;
                cx.screens.meeting.striking = None;
                Effect::reload(Reload::Selected)
                    .toast(format!("Beslutet är {}.", status.label().to_lowercase()))
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
                let id = todays_meeting(cx, m)?;
                let mut meeting = cx.store.meeting(id)?;
                meeting.participants = participants;
                meeting.notes = notes;
                cx.store.update_meeting(&meeting)?;
                Effect::reload(Reload::Selected).toast("Deltagare och lägesbild sparades.")
            }
        })
    }
}

/// Today's meeting of kommun `m`, recorded now if it was not.
fn todays_meeting(cx: &mut Ctx, m: crate::domain::MunicipalityId) -> Result<MeetingId> {
    if let Some(existing) = cx.store.meeting_on(m, cx.today)? {
        return Ok(existing.id);
    }
    Ok(cx.store.add_meeting(&Meeting {
        id: MeetingId(0),
        municipality: m,
        date: cx.today,
        participants: Vec::new(),
        notes: String::new(),
    })?)
}

/// The kommun's meeting before `day` (from `meetings`, newest first) and the insatser
/// since it — the last 30 days when there was none — oldest first, public fields only.
pub(super) fn since_previous(
    store: &crate::store::Store,
    m: crate::domain::MunicipalityId,
    meetings: &[Meeting],
    day: chrono::NaiveDate,
) -> std::result::Result<
    (
        Option<chrono::NaiveDate>,
        Vec<crate::domain::PublicActivity>,
    ),
    crate::store::StoreError,
> {
    let previous = meetings.iter().map(|x| x.date).find(|d| *d < day);
    let from = match previous {
        Some(d) => d.succ_opt().unwrap_or(d),
        None => day - chrono::Duration::days(30),
    };
    let since = store
        .activities_between(m, from, day)?
        .iter()
        .map(crate::domain::PublicActivity::from)
        .collect();
    Ok((previous, since))
}

/// The minnesanteckningar of a recorded meeting, as of its date.
pub fn minutes(
    store: &crate::store::Store,
    id: MeetingId,
    today: chrono::NaiveDate,
) -> std::result::Result<crate::report::Minutes, crate::store::StoreError> {
    use chrono::Datelike;
    let meeting = store.meeting(id)?;
    let m = meeting.municipality;
    let (previous, since) = since_previous(store, m, &store.meetings(m)?, meeting.date)?;
    let board = match store.pledge_for_year(m, meeting.date.year())? {
        Some(p) => Some(store.board(p.id, previous)?),
        None => None,
    };
    let decisions = store.decisions(id)?;
    let open_items = store.open_observations(m, meeting.date)?;
    let carried = store.open_decisions(m, Some(meeting.date))?;
    let name = store.municipality(m)?.name;
    Ok(crate::report::build_minutes(
        &name,
        &crate::report::MinutesInput {
            meeting: &meeting,
            written: today,
            decisions: &decisions,
            board: board.as_ref(),
            previous,
            since: &since,
            open_items: &open_items,
            carried: &carried,
        },
    ))
}
