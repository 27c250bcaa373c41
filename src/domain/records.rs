//! The read-only queries the report needs. The store implements them; the report depends
//! only on this trait, so it can be built from any source (tests use plain data).

use super::{Activity, BoardData, MunicipalityId, Observation, PledgeId, PoliceAreaId, SafetyWalk};

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
    /// For each löfte copied forward into `pledge`: the löfte it was copied from.
    fn copied_from(
        &self,
        pledge: PledgeId,
    ) -> Result<std::collections::HashMap<super::CommitmentId, super::CommitmentId>, Self::Error>;
}
