//! The read-only queries the report needs. The store implements them; the report depends
//! only on this trait, so it can be built from any source (tests use plain data).

use super::{Activity, BoardData, MunicipalityId, Observation, PledgeId, PoliceAreaId, SafetyWalk};
use chrono::NaiveDate;
use std::collections::HashMap;

pub trait Records {
    type Error;
    /// Everything a board shows of one medborgarlöfte.
    /// The board of `pledge` as of `today` (walks dated later are planned, not counted).
    fn board(&self, pledge: PledgeId, today: chrono::NaiveDate) -> Result<BoardData, Self::Error>;
    fn police_area_name(&self, area: PoliceAreaId) -> Result<String, Self::Error>;
    /// Every insats of the medborgarlöfte's löften, oldest first.
    fn activities_of_pledge(&self, pledge: PledgeId) -> Result<Vec<Activity>, Self::Error>;
    /// The bedömningar of the medborgarlöfte's löften for `year`.
    fn assessments(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<std::collections::HashMap<super::CommitmentId, super::Assessment>, Self::Error>;
    /// The bedömning of the whole medborgarlöfte for `year`.
    fn pledge_assessment(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<super::PledgeAssessment, Self::Error>;
    /// The kommun's walks, oldest first, each with its observations in entry order.
    fn walks_with_observations(
        &self,
        m: MunicipalityId,
    ) -> Result<Vec<(SafetyWalk, Vec<Observation>)>, Self::Error>;
    /// The photos of one observation, in the order they were added.
    fn photos(&self, observation: super::ObservationId) -> Result<Vec<super::Photo>, Self::Error>;
    /// The kommun's medborgarlöfte before this one, if it has one (year on year).
    fn previous_pledge(&self, pledge: PledgeId) -> Result<Option<PledgeId>, Self::Error>;
    /// The kommun's händelser in a window counted per kategori and per område (a
    /// händelse without område counts under its plats), largest first: counts only, for
    /// public outputs.
    fn incident_counts(
        &self,
        m: MunicipalityId,
        w: super::situation::Window,
    ) -> Result<super::situation::IncidentCounts, Self::Error>;
    /// The kommun's indicators with their values and what they measure.
    fn indicators(
        &self,
        m: MunicipalityId,
    ) -> Result<Vec<super::indicators::Indicator>, Self::Error>;
    /// The kommun's samverkansöverenskommelser, newest period first.
    fn agreements(&self, m: MunicipalityId) -> Result<Vec<super::Agreement>, Self::Error>;
    /// What an agreement's follow-up reads (None: no such agreement).
    fn agreement_records(
        &self,
        a: super::AgreementId,
    ) -> Result<Option<super::agreements::AgreementRecords>, Self::Error>;
    /// For each löfte copied forward into `pledge`: the löfte it was copied from.
    fn copied_from(
        &self,
        pledge: PledgeId,
    ) -> Result<std::collections::HashMap<super::CommitmentId, super::CommitmentId>, Self::Error>;
}

/// The reads the shared queries make beyond the report's (meetings, walks, kommuner): what
/// any store the window and the command line read from provides. The store implements
/// it; `crate::queries` depends only on this trait.
pub trait Queries: Records {
    fn municipality(&self, m: MunicipalityId) -> Result<super::Municipality, Self::Error>;
    fn municipalities(&self) -> Result<Vec<super::Municipality>, Self::Error>;
    /// A kommun's medborgarlöften, newest period first.
    fn pledges(&self, m: MunicipalityId) -> Result<Vec<super::Pledge>, Self::Error>;
    fn pledge_for_year(
        &self,
        m: MunicipalityId,
        year: i32,
    ) -> Result<Option<super::Pledge>, Self::Error>;
    /// A board with "since the last meeting" figures from `since`.
    fn board_since(
        &self,
        pledge: PledgeId,
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<BoardData, Self::Error>;
    fn commitment(&self, c: super::CommitmentId) -> Result<super::Commitment, Self::Error>;
    fn assessments_of_pledge(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<HashMap<super::CommitmentId, super::Assessment>, Self::Error>;
    fn walk(&self, w: super::WalkId) -> Result<SafetyWalk, Self::Error>;
    fn observations(&self, w: super::WalkId) -> Result<Vec<Observation>, Self::Error>;
    fn open_observations(
        &self,
        m: MunicipalityId,
        today: NaiveDate,
    ) -> Result<Vec<super::OpenObservation>, Self::Error>;
    fn activities_between(
        &self,
        m: MunicipalityId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Activity>, Self::Error>;
    fn meeting(&self, id: super::MeetingId) -> Result<super::Meeting, Self::Error>;
    /// A group's meetings, newest first.
    fn meetings(&self, g: super::MeetingGroup) -> Result<Vec<super::Meeting>, Self::Error>;
    fn past_meetings(
        &self,
        g: super::MeetingGroup,
        before: NaiveDate,
    ) -> Result<Vec<(super::Meeting, usize, usize)>, Self::Error>;
    fn last_meeting(&self, m: MunicipalityId) -> Result<Option<NaiveDate>, Self::Error>;
    /// The lägesbild of a kommun for a window, beside the windows it is compared with.
    fn situation(
        &self,
        m: MunicipalityId,
        w: super::situation::Window,
    ) -> Result<super::situation::Situation, Self::Error>;
    fn decisions(&self, meeting: super::MeetingId) -> Result<Vec<super::Decision>, Self::Error>;
    fn decision_items(
        &self,
        meeting: super::MeetingId,
    ) -> Result<Vec<super::DecisionItem>, Self::Error>;
    fn open_decisions(
        &self,
        g: super::MeetingGroup,
        before: Option<NaiveDate>,
        closed_on: Option<NaiveDate>,
    ) -> Result<Vec<super::DecisionItem>, Self::Error>;
    fn all_periods(&self) -> Result<Vec<super::Period>, Self::Error>;
}
