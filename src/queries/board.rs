//! The board of a kommun and the years there is one for.

use crate::domain::Queries;
use crate::domain::{BoardData, CommitmentId, MunicipalityId, PledgeId, default_pledge};
use crate::summary::{BoardSummary, summarize};
use chrono::NaiveDate;

/// Years that have a medborgarlöfte, newest first.
pub fn years<R: Queries>(store: &R) -> Result<Vec<i32>, R::Error> {
    let mut years: Vec<i32> = store
        .all_periods()?
        .iter()
        .flat_map(|p| p.years())
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years)
}

/// When kommun `m` has no medborgarlöfte for the shown year (`missing`): its latest one
/// before that year.
pub fn previous_for<R: Queries>(
    store: &R,
    year: Option<i32>,
    m: MunicipalityId,
    missing: bool,
) -> Result<Option<crate::domain::Pledge>, R::Error> {
    if !missing {
        return Ok(None);
    }
    let year = year.unwrap_or(i32::MAX);
    Ok(store.pledges(m)?.into_iter().find(|p| p.period.last < year))
}

/// The medborgarlöfte of kommun `m` covering `year` (or the default one).
pub fn pledge_for<R: Queries>(
    store: &R,
    m: MunicipalityId,
    year: Option<i32>,
    today: NaiveDate,
) -> Result<Option<PledgeId>, R::Error> {
    let pledges = store.pledges(m)?;
    Ok(match year {
        Some(y) => pledges
            .iter()
            .find(|x| x.period.contains_year(y))
            .map(|x| x.id),
        None => default_pledge(&pledges, today).map(|x| x.id),
    })
}

/// The board of kommun `m` for `year`, with "since the last meeting" figures.
pub fn load_board<R: Queries>(
    store: &R,
    year: Option<i32>,
    m: MunicipalityId,
    today: NaiveDate,
) -> Result<Option<(BoardData, BoardSummary)>, R::Error> {
    Ok(match pledge_for(store, m, year, today)? {
        Some(p) => {
            let b = store.board_since(p, store.last_meeting(m)?, today)?;
            let s = summarize(&b, today);
            Some((b, s))
        }
        None => None,
    })
}

/// The löften of a medborgarlöfte that are Genomförd on `today` (left out when only the
/// rest is copied forward).
pub fn done_commitments<R: Queries>(
    store: &R,
    pledge: crate::domain::PledgeId,
    today: chrono::NaiveDate,
) -> Result<Vec<CommitmentId>, R::Error> {
    let board = store.board_since(pledge, None, today)?;
    Ok(crate::summary::summarize(&board, today)
        .rows
        .iter()
        .filter(|r| r.status == crate::domain::Status::Done)
        .map(|r| r.commitment.id)
        .collect())
}
