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

/// What may be shown of an insats outside the group's own screens (a projector, a
/// report): everything but the internal note, which this type has no field for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicActivity {
    pub date: NaiveDate,
    pub commitment: Option<super::CommitmentId>,
    pub by: super::Party,
    pub count: u32,
    pub place: String,
    pub description: String,
}

impl From<&super::Activity> for PublicActivity {
    fn from(a: &super::Activity) -> PublicActivity {
        PublicActivity {
            date: a.date,
            commitment: a.commitment,
            by: a.by,
            count: a.count,
            place: a.place.clone(),
            description: a.description.clone(),
        }
    }
}

/// What the lägesbildsmöte goes through, for one group (a kommun, or a lokalpolisområde
/// with all its kommuner) on one day. Lists that span kommuner name the kommun.
#[derive(Debug, Clone, Default)]
pub struct MeetingData {
    /// Whose meeting it is, and its name ("Sölvesborg", "lokalpolisområde Karlshamn").
    pub group: Option<super::MeetingGroup>,
    pub name: String,
    /// Today's meeting, once something is recorded at it.
    pub current: Option<super::Meeting>,
    pub current_decisions: Vec<super::Decision>,
    /// The meeting before today's, if any.
    pub previous: Option<NaiveDate>,
    /// Insatser dated after the previous meeting (the last 30 days without one), each
    /// with its kommun.
    pub since: Vec<(String, PublicActivity)>,
    /// Open beslut of earlier meetings (a joint meeting: also its kommuner's), each with
    /// its meeting's date, kommun and löfte.
    pub carried: Vec<super::DecisionItem>,
    /// Earlier meetings, newest first, with their number of beslut and of open ones.
    pub past: Vec<(super::Meeting, usize, usize)>,
    /// Each kommun's board for the year of the meeting (one for a kommun's meeting).
    pub boards: Vec<BoardData>,
    /// Open åtgärder from the kommuner's trygghetsvandringar, each with its kommun.
    pub open_items: Vec<(String, OpenObservation)>,
    /// The lägesbild since the previous meeting (the last 30 days without one): each
    /// kommun with händelser in it or the windows it is compared with.
    pub situations: Vec<(String, super::situation::Situation)>,
}

impl MeetingData {
    /// The löfte `c` on any of the meeting's boards, with its kommun.
    pub fn commitment(&self, c: super::CommitmentId) -> Option<(&str, &super::Commitment)> {
        self.boards.iter().find_map(|b| {
            b.commitments
                .iter()
                .find(|x| x.id == c)
                .map(|x| (b.municipality.name.as_str(), x))
        })
    }

    /// Whether the meeting spans several kommuner (its lists then name them).
    pub fn joint(&self) -> bool {
        matches!(self.group, Some(super::MeetingGroup::Area(_)))
    }
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
