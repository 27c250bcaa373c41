//! Read models: what the store loads in one go for a board, a walk list or the
//! åtgärdslista. Plain data; [`crate::summary`] derives statuses from it.

use super::{
    Commitment, CommitmentId, Municipality, Observation, Pledge, SafetyWalk, Section, TargetId,
    TargetTally,
};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Insats figures of one löfte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentStats {
    /// Number of recorded insatser (rows).
    pub entries: u32,
    /// Latest insats date.
    pub latest: Option<NaiveDate>,
    /// Insatser dated after the board's `since` day.
    pub entries_since: u32,
    /// Trygghetsvandringar linked to the löfte (each counts as one insats).
    pub walks: u32,
}

/// The loaded data behind one board (or report) of one medborgarlöfte.
#[derive(Debug, Clone)]
pub struct BoardData {
    pub municipality: Municipality,
    pub pledge: Pledge,
    pub sections: Vec<Section>,
    pub commitments: Vec<Commitment>,
    pub tallies: HashMap<TargetId, TargetTally>,
    pub stats: HashMap<CommitmentId, CommitmentStats>,
    /// The last lägesbild meeting: `stats.entries_since` counts from it.
    pub since: Option<NaiveDate>,
}

/// A walk with its observation counts, for the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkSummary {
    pub walk: SafetyWalk,
    pub observations: u32,
    pub open: u32,
}

/// An observation still open, with the walk it came from (the åtgärdslista).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenObservation {
    pub observation: Observation,
    pub walk_date: NaiveDate,
    pub walk_area: String,
}

/// The medborgarlöfte to show by default: the one covering today's year, else the most
/// recent one before it, else the first one after it. `pledges` is newest first.
pub fn default_pledge(pledges: &[Pledge], today: NaiveDate) -> Option<&Pledge> {
    let y = today.year();
    pledges
        .iter()
        .find(|p| p.period.contains_year(y))
        .or_else(|| pledges.iter().find(|p| p.period.last < y))
        .or_else(|| pledges.last())
}
