//! What a lägesbildsmöte goes through, live and afterwards in its minnesanteckningar.

use crate::domain::Queries;
use crate::domain::{
    BoardData, Meeting, MeetingData, MeetingGroup, MeetingId, Municipality, PublicActivity,
};
use chrono::NaiveDate;

/// Insatser, each with the name of its kommun.
type KommunActivities = Vec<(String, PublicActivity)>;

/// The kommuner a group's meeting covers, by name, and the group's name.
pub fn kommuner_of<R: Queries>(
    store: &R,
    g: MeetingGroup,
) -> Result<(String, Vec<Municipality>), R::Error> {
    Ok(match g {
        MeetingGroup::Kommun(m) => {
            let k = store.municipality(m)?;
            (k.name.clone(), vec![k])
        }
        MeetingGroup::Area(a) => (
            format!("lokalpolisområde {}", store.police_area_name(a)?),
            store
                .municipalities()?
                .into_iter()
                .filter(|m| m.police_area == a)
                .collect(),
        ),
    })
}

/// The group's meeting before `day` (from `meetings`, newest first) and the insatser of
/// its kommuner since it — the last 30 days when there was none — oldest first, public
/// fields only, each with its kommun.
pub fn since_previous<R: Queries>(
    store: &R,
    kommuner: &[Municipality],
    meetings: &[Meeting],
    day: NaiveDate,
) -> Result<(Option<NaiveDate>, KommunActivities), R::Error> {
    let previous = meetings.iter().map(|x| x.date).find(|d| *d < day);
    let from = match previous {
        Some(d) => d.succ_opt().unwrap_or(d),
        None => day - chrono::Duration::days(30),
    };
    let mut since = Vec::new();
    for k in kommuner {
        for a in store.activities_between(k.id, from, day)? {
            since.push((k.name.clone(), PublicActivity::from(&a)));
        }
    }
    since.sort_by_key(|(_, a)| a.date);
    Ok((previous, since))
}

/// The kommuner's open åtgärder from their walks on `day`, each with its kommun.
fn open_items_of<R: Queries>(
    store: &R,
    kommuner: &[Municipality],
    day: NaiveDate,
) -> Result<Vec<(String, crate::domain::OpenObservation)>, R::Error> {
    let mut items = Vec::new();
    for k in kommuner {
        for o in store.open_observations(k.id, day)? {
            items.push((k.name.clone(), o));
        }
    }
    Ok(items)
}

/// Each kommun's board for `year`, as of `since` (the previous meeting).
fn boards_of<R: Queries>(
    store: &R,
    kommuner: &[Municipality],
    year: i32,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<BoardData>, R::Error> {
    let mut boards = Vec::new();
    for k in kommuner {
        if let Some(p) = store.pledge_for_year(k.id, year)? {
            boards.push(store.board_since(p.id, since, today)?);
        }
    }
    Ok(boards)
}

/// What meeting mode shows for group `g` on `today`, with the boards of `year`.
pub fn meeting_data<R: Queries>(
    store: &R,
    g: MeetingGroup,
    year: i32,
    today: NaiveDate,
) -> Result<MeetingData, R::Error> {
    let (name, kommuner) = kommuner_of(store, g)?;
    let meetings = store.meetings(g)?;
    let current = meetings.iter().find(|x| x.date == today).cloned();
    let (previous, mut since) = since_previous(store, &kommuner, &meetings, today)?;
    since.reverse(); // newest first on the projector
    let open_items = open_items_of(store, &kommuner, today)?;
    let situations = situations_of(store, &kommuner, previous, today)?;
    let since_for_board = match g {
        MeetingGroup::Kommun(m) => store.last_meeting(m)?,
        MeetingGroup::Area(_) => previous,
    };
    Ok(MeetingData {
        group: Some(g),
        name,
        current_decisions: match &current {
            Some(c) => store.decisions(c.id)?,
            None => Vec::new(),
        },
        current,
        previous,
        since,
        carried: store.open_decisions(g, Some(today), Some(today))?,
        past: store.past_meetings(g, today)?,
        boards: boards_of(store, &kommuner, year, since_for_board, today)?,
        open_items,
        situations,
    })
}

/// Each kommun's lägesbild from the day after the previous meeting (or 30 days back) to
/// `day`; a kommun that records no händelser is left out.
fn situations_of<R: Queries>(
    store: &R,
    kommuner: &[Municipality],
    previous: Option<NaiveDate>,
    day: NaiveDate,
) -> Result<Vec<(String, crate::domain::situation::Situation)>, R::Error> {
    let from = match previous {
        Some(d) => d.succ_opt().unwrap_or(d),
        None => day - chrono::Duration::days(30),
    };
    let w = crate::domain::situation::Window::new(from.min(day), day)
        .unwrap_or(crate::domain::situation::Window { from: day, to: day });
    let mut out = Vec::new();
    for k in kommuner {
        let s = store.situation(k.id, w)?;
        if !s.categories.is_empty() {
            out.push((k.name.clone(), s));
        }
    }
    Ok(out)
}

/// The minnesanteckningar of a recorded meeting, as of its date.
pub fn minutes<R: Queries>(
    store: &R,
    id: MeetingId,
    today: NaiveDate,
) -> Result<crate::report::Minutes, R::Error> {
    use chrono::Datelike;
    let meeting = store.meeting(id)?;
    let (name, kommuner) = kommuner_of(store, meeting.group)?;
    let meetings = store.meetings(meeting.group)?;
    let (previous, since) = since_previous(store, &kommuner, &meetings, meeting.date)?;
    let boards = boards_of(
        store,
        &kommuner,
        meeting.date.year(),
        previous,
        meeting.date,
    )?;
    let decisions = store.decision_items(id)?;
    let open_items = open_items_of(store, &kommuner, meeting.date)?;
    let carried = store.open_decisions(meeting.group, Some(meeting.date), Some(meeting.date))?;
    Ok(crate::report::build_minutes(
        &name,
        &crate::report::MinutesInput {
            meeting: &meeting,
            written: today,
            decisions: &decisions,
            boards: &boards,
            previous,
            since: &since,
            open_items: &open_items,
            carried: &carried,
        },
    ))
}
