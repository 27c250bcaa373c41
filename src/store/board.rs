//! One read of everything a board (or report) shows for one medborgarlöfte, and the
//! same for every kommun's medborgarlöfte of a year at once.

use super::db::Row;
use super::pledges::{
    COMMITMENT_COLS, CommitmentColumns, PLEDGE_COLS, TARGET_COLS, TargetColumns, pledge_from_row,
    signatory_from_row,
};
use super::{Result, Store};
use crate::domain::{
    BoardData, Commitment, CommitmentId, CommitmentStats, Municipality, PledgeId, Section,
    TargetId, TargetTally,
};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// Insatser per target and year: (target, year, summed count).
const TALLY_SQL: &str = "SELECT a.target_id, CAST(substr(CAST(a.date AS TEXT), 1, 4) AS INTEGER) AS year, \
     sum(a.count) AS done FROM activity a JOIN commitment c ON c.id = a.commitment_id \
     JOIN section s ON s.id = c.section_id \
     WHERE s.pledge_id = ?1 AND a.target_id IS NOT NULL \
     GROUP BY a.target_id, substr(CAST(a.date AS TEXT), 1, 4)";

/// Insats rows per löfte: how many, the latest, and how many after `?2` (the meeting).
const STATS_SQL: &str = "SELECT a.commitment_id, count(*) AS entries, max(a.date) AS latest, \
     count(*) FILTER (WHERE a.date > ?2) AS since FROM activity a \
     JOIN commitment c ON c.id = a.commitment_id JOIN section s ON s.id = c.section_id \
     WHERE s.pledge_id = ?1 GROUP BY a.commitment_id";

/// Linked walks per löfte and year (each walk counts as one insats).
const WALKS_SQL: &str = "SELECT w.commitment_id, CAST(substr(CAST(w.date AS TEXT), 1, 4) AS INTEGER) AS year, \
     count(*) AS entries, max(w.date) AS latest, count(*) FILTER (WHERE w.date > ?2) AS since \
     FROM safety_walk w JOIN commitment c ON c.id = w.commitment_id \
     JOIN section s ON s.id = c.section_id WHERE s.pledge_id = ?1 AND w.date <= ?3 \
     GROUP BY w.commitment_id, substr(CAST(w.date AS TEXT), 1, 4)";

/// One row of [`WALKS_SQL`] (or its bulk twin).
struct WalkTally {
    commitment: CommitmentId,
    year: i32,
    entries: u32,
    latest: NaiveDate,
    since: u32,
}

fn walk_tally(r: &Row) -> rusqlite::Result<WalkTally> {
    Ok(WalkTally {
        commitment: r.get("commitment_id")?,
        year: r.get("year")?,
        entries: r.get("entries")?,
        latest: r.get("latest")?,
        since: r.get::<_, Option<u32>>("since")?.unwrap_or(0),
    })
}

/// Counts a linked walk as one insats of its löfte, towards the löfte's first target.
fn add_walks(
    w: WalkTally,
    commitments: &[Commitment],
    tallies: &mut HashMap<TargetId, TargetTally>,
    stats: &mut HashMap<CommitmentId, CommitmentStats>,
) {
    if let Some(t) = commitments
        .iter()
        .find(|c| c.id == w.commitment)
        .and_then(|c| c.targets.first())
    {
        tallies
            .entry(t.id)
            .or_default()
            .per_year
            .push((w.year, w.entries));
    }
    let st = stats.entry(w.commitment).or_default();
    st.entries += w.entries;
    st.walks += w.entries;
    st.entries_since += w.since;
    st.latest = st.latest.max(Some(w.latest));
}

/// The medborgarlöften (alias `p`) covering the year bound as ?1.
const COVER: &str = "p.first_year <= ?1 AND p.last_year >= ?1";

impl Store {
    /// Loads a board with a fixed number of queries, whatever its size. A walk dated after
    /// `today` is planned (an återbesök): it counts once it has taken place.
    pub fn board(
        &self,
        pledge: PledgeId,
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<BoardData> {
        let pledge = self.pledge(pledge)?;
        let municipality = self.municipality(pledge.municipality)?;
        let sections = self.sections(pledge.id)?;
        let commitments = self.commitments(pledge.id)?;

        let mut tallies: HashMap<TargetId, TargetTally> = HashMap::new();
        let mut st = self.conn.prepare_cached(TALLY_SQL)?;
        for row in st.query_map([pledge.id], |r| {
            Ok((
                r.get::<_, TargetId>("target_id")?,
                r.get::<_, i32>("year")?,
                r.get::<_, u32>("done")?,
            ))
        })? {
            let (t, year, n) = row?;
            tallies.entry(t).or_default().per_year.push((year, n));
        }

        let mut stats: HashMap<CommitmentId, CommitmentStats> = HashMap::new();
        let mut st = self.conn.prepare_cached(STATS_SQL)?;
        for row in st.query_map(params![pledge.id, since], |r| {
            Ok((
                r.get::<_, CommitmentId>("commitment_id")?,
                CommitmentStats {
                    entries: r.get("entries")?,
                    latest: r.get("latest")?,
                    entries_since: r.get("since")?,
                    walks: 0,
                },
            ))
        })? {
            let (c, s) = row?;
            stats.insert(c, s);
        }
        let mut st = self.conn.prepare_cached(WALKS_SQL)?;
        for w in st.query_map(params![pledge.id, since, today], walk_tally)? {
            add_walks(w?, &commitments, &mut tallies, &mut stats);
        }
        Ok(BoardData {
            municipality,
            pledge,
            sections,
            commitments,
            tallies,
            stats,
            since,
        })
    }

    /// Every medborgarlöfte covering `year`, loaded as boards in a fixed number of queries
    /// (for the left panel and the overview: 290 kommuner in one go, not 290 × 8 queries).
    pub fn boards_covering(&self, year: i32, today: NaiveDate) -> Result<Vec<BoardData>> {
        let mut boards: Vec<BoardData> = Vec::new();
        let mut index: HashMap<PledgeId, usize> = HashMap::new();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PLEDGE_COLS}, m.name AS municipality_name, m.police_area_id \
             FROM pledge p JOIN municipality m ON m.id = p.municipality_id \
             WHERE {COVER} ORDER BY m.name, p.first_year"
        ))?;
        let rows = st.query_map([year], |r| {
            let pledge = pledge_from_row(r)?;
            let municipality = Municipality {
                id: pledge.municipality,
                name: r.get("municipality_name")?,
                police_area: r.get("police_area_id")?,
            };
            Ok((pledge, municipality))
        })?;
        for row in rows {
            let (pledge, municipality) = row?;
            if boards.iter().any(|b| b.municipality.id == municipality.id) {
                continue; // one medborgarlöfte per kommun and year
            }
            index.insert(pledge.id, boards.len());
            boards.push(BoardData {
                municipality,
                pledge,
                sections: Vec::new(),
                commitments: Vec::new(),
                tallies: HashMap::new(),
                stats: HashMap::new(),
                since: None,
            });
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT g.pledge_id, g.name, g.role FROM signatory g JOIN pledge p ON p.id = g.pledge_id \
             WHERE {COVER} ORDER BY g.pledge_id, g.position"
        ))?;
        for row in st.query_map([year], signatory_from_row)? {
            let (pid, s) = row?;
            if let Some(&i) = index.get(&pid) {
                boards[i].pledge.signatories.push(s);
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT s.pledge_id, s.id, s.title, s.position FROM section s JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} ORDER BY s.pledge_id, s.position, s.id"
        ))?;
        for row in st.query_map([year], |r| {
            Ok(Section {
                id: r.get("id")?,
                pledge: r.get("pledge_id")?,
                title: r.get("title")?,
                position: r.get("position")?,
            })
        })? {
            let s = row?;
            if let Some(&i) = index.get(&s.pledge) {
                boards[i].sections.push(s);
            }
        }
        let owner = self.fill_commitments(year, &mut boards)?;
        self.fill_tallies(year, today, &mut boards, &owner)?;
        Ok(boards)
    }

    /// The löften and targets of `boards` (the medborgarlöften covering `year`), each to
    /// its board; which board each löfte is on.
    fn fill_commitments(
        &self,
        year: i32,
        boards: &mut [BoardData],
    ) -> Result<HashMap<CommitmentId, usize>> {
        // Commitments in published order, each to the board of its avsnitt.
        let section_owner: HashMap<_, usize> = boards
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.sections.iter().map(move |s| (s.id, i)))
            .collect();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLS} FROM commitment c JOIN section s ON s.id = c.section_id \
             JOIN pledge p ON p.id = s.pledge_id WHERE {COVER} \
             ORDER BY s.pledge_id, s.position, s.id, c.position, c.id"
        ))?;
        let cols = CommitmentColumns::of(&st)?;
        let mut owner: HashMap<CommitmentId, usize> = HashMap::new();
        for c in st.query_map([year], |r| cols.read(r))? {
            let c = c?;
            if let Some(&i) = section_owner.get(&c.section) {
                owner.insert(c.id, i);
                boards[i].commitments.push(c);
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {TARGET_COLS} FROM target t JOIN commitment c ON c.id = t.commitment_id \
             JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} ORDER BY t.commitment_id, t.position, t.id"
        ))?;
        let cols = TargetColumns::of(&st)?;
        for row in st.query_map([year], |r| cols.read(r))? {
            let (cid, t) = row?;
            if let Some(&i) = owner.get(&cid)
                && let Some(c) = boards[i].commitments.iter_mut().find(|c| c.id == cid)
            {
                c.targets.push(t);
            }
        }
        Ok(owner)
    }

    /// What was done against the löften of `boards`: insatser and walks, per year.
    fn fill_tallies(
        &self,
        year: i32,
        today: NaiveDate,
        boards: &mut [BoardData],
        owner: &HashMap<CommitmentId, usize>,
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT a.commitment_id, a.target_id, CAST(substr(CAST(a.date AS TEXT), 1, 4) AS INTEGER) AS year, \
             sum(a.count) AS done, count(*) AS entries, max(a.date) AS latest \
             FROM activity a JOIN commitment c ON c.id = a.commitment_id \
             JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} GROUP BY a.commitment_id, a.target_id, substr(CAST(a.date AS TEXT), 1, 4)"
        ))?;
        let rows = st.query_map([year], |r| {
            Ok((
                r.get::<_, CommitmentId>("commitment_id")?,
                r.get::<_, Option<TargetId>>("target_id")?,
                r.get::<_, i32>("year")?,
                r.get::<_, u32>("done")?,
                r.get::<_, u32>("entries")?,
                r.get::<_, NaiveDate>("latest")?,
            ))
        })?;
        for row in rows {
            let (cid, tid, y, sum, entries, latest) = row?;
            let Some(&i) = owner.get(&cid) else { continue };
            let b = &mut boards[i];
            if let Some(t) = tid {
                b.tallies.entry(t).or_default().per_year.push((y, sum));
            }
            let st = b.stats.entry(cid).or_default();
            st.entries += entries;
            st.latest = st.latest.max(Some(latest));
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT w.commitment_id, CAST(substr(CAST(w.date AS TEXT), 1, 4) AS INTEGER) AS year, \
             count(*) AS entries, max(w.date) AS latest, 0 AS since \
             FROM safety_walk w JOIN commitment c ON c.id = w.commitment_id \
             JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} AND w.date <= ?2 GROUP BY w.commitment_id, substr(CAST(w.date AS TEXT), 1, 4)"
        ))?;
        for w in st.query_map(params![year, today], walk_tally)? {
            let w = w?;
            let Some(&i) = owner.get(&w.commitment) else {
                continue;
            };
            let b = &mut boards[i];
            add_walks(w, &b.commitments, &mut b.tallies, &mut b.stats);
        }
        Ok(())
    }
}

impl crate::domain::Records for Store {
    type Error = super::StoreError;

    fn board(&self, pledge: PledgeId, today: NaiveDate) -> Result<BoardData> {
        Store::board(self, pledge, None, today)
    }

    fn police_area_name(&self, area: crate::domain::PoliceAreaId) -> Result<String> {
        Ok(self
            .police_areas()?
            .into_iter()
            .find(|a| a.id == area)
            .map(|a| a.name)
            .unwrap_or_default())
    }

    fn activities_of_pledge(&self, pledge: PledgeId) -> Result<Vec<crate::domain::Activity>> {
        Store::activities_of_pledge(self, pledge)
    }

    fn assessments(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<HashMap<CommitmentId, crate::domain::Assessment>> {
        Store::assessments_of_pledge(self, pledge, year)
    }

    fn pledge_assessment(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<crate::domain::PledgeAssessment> {
        Store::pledge_assessment(self, pledge, year)
    }

    fn photos(
        &self,
        observation: crate::domain::ObservationId,
    ) -> Result<Vec<crate::domain::Photo>> {
        Store::photos(self, observation)
    }

    fn walks_with_observations(
        &self,
        m: crate::domain::MunicipalityId,
    ) -> Result<Vec<(crate::domain::SafetyWalk, Vec<crate::domain::Observation>)>> {
        Store::walks_with_observations(self, m)
    }

    fn previous_pledge(&self, pledge: PledgeId) -> Result<Option<PledgeId>> {
        Store::previous_pledge(self, pledge)
    }

    fn copied_from(&self, pledge: PledgeId) -> Result<HashMap<CommitmentId, CommitmentId>> {
        Store::copied_from(self, pledge)
    }

    fn incident_counts(
        &self,
        m: crate::domain::MunicipalityId,
        w: crate::domain::situation::Window,
    ) -> Result<crate::domain::situation::IncidentCounts> {
        Store::incident_counts(self, m, w)
    }

    fn indicators(
        &self,
        m: crate::domain::MunicipalityId,
    ) -> Result<Vec<crate::domain::indicators::Indicator>> {
        Store::indicators(self, m)
    }

    fn agreements(
        &self,
        m: crate::domain::MunicipalityId,
    ) -> Result<Vec<crate::domain::Agreement>> {
        Store::agreements(self, m)
    }

    fn agreement_records(
        &self,
        a: crate::domain::AgreementId,
    ) -> Result<Option<crate::domain::agreements::AgreementRecords>> {
        Store::agreement_records(self, a)
    }
}

/// The shared queries read the store through [`crate::domain::Queries`].
impl crate::domain::Queries for Store {
    fn situation(
        &self,
        m: crate::domain::MunicipalityId,
        w: crate::domain::situation::Window,
    ) -> Result<crate::domain::situation::Situation> {
        Store::situation(self, m, w)
    }
    fn municipality(
        &self,
        m: crate::domain::MunicipalityId,
    ) -> Result<crate::domain::Municipality> {
        Store::municipality(self, m)
    }
    fn municipalities(&self) -> Result<Vec<crate::domain::Municipality>> {
        Store::municipalities(self)
    }
    fn pledges(&self, m: crate::domain::MunicipalityId) -> Result<Vec<crate::domain::Pledge>> {
        Store::pledges(self, m)
    }
    fn pledge_for_year(
        &self,
        m: crate::domain::MunicipalityId,
        year: i32,
    ) -> Result<Option<crate::domain::Pledge>> {
        Store::pledge_for_year(self, m, year)
    }
    fn board_since(
        &self,
        pledge: PledgeId,
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<BoardData> {
        Store::board(self, pledge, since, today)
    }
    fn commitment(&self, c: CommitmentId) -> Result<crate::domain::Commitment> {
        Store::commitment(self, c)
    }
    fn assessments_of_pledge(
        &self,
        pledge: PledgeId,
        year: i32,
    ) -> Result<HashMap<CommitmentId, crate::domain::Assessment>> {
        Store::assessments_of_pledge(self, pledge, year)
    }
    fn walk(&self, w: crate::domain::WalkId) -> Result<crate::domain::SafetyWalk> {
        Store::walk(self, w)
    }
    fn observations(&self, w: crate::domain::WalkId) -> Result<Vec<crate::domain::Observation>> {
        Store::observations(self, w)
    }
    fn open_observations(
        &self,
        m: crate::domain::MunicipalityId,
        today: NaiveDate,
    ) -> Result<Vec<crate::domain::OpenObservation>> {
        Store::open_observations(self, m, today)
    }
    fn activities_between(
        &self,
        m: crate::domain::MunicipalityId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<crate::domain::Activity>> {
        Store::activities_between(self, m, from, to)
    }
    fn meeting(&self, id: crate::domain::MeetingId) -> Result<crate::domain::Meeting> {
        Store::meeting(self, id)
    }
    fn meetings(&self, g: crate::domain::MeetingGroup) -> Result<Vec<crate::domain::Meeting>> {
        Store::meetings(self, g)
    }
    fn past_meetings(
        &self,
        g: crate::domain::MeetingGroup,
        before: NaiveDate,
    ) -> Result<Vec<(crate::domain::Meeting, usize, usize)>> {
        Store::past_meetings(self, g, before)
    }
    fn last_meeting(&self, m: crate::domain::MunicipalityId) -> Result<Option<NaiveDate>> {
        Store::last_meeting(self, m)
    }
    fn decisions(&self, meeting: crate::domain::MeetingId) -> Result<Vec<crate::domain::Decision>> {
        Store::decisions(self, meeting)
    }
    fn decision_items(
        &self,
        meeting: crate::domain::MeetingId,
    ) -> Result<Vec<crate::domain::DecisionItem>> {
        Store::decision_items(self, meeting)
    }
    fn open_decisions(
        &self,
        g: crate::domain::MeetingGroup,
        before: Option<NaiveDate>,
        closed_on: Option<NaiveDate>,
    ) -> Result<Vec<crate::domain::DecisionItem>> {
        Store::open_decisions(self, g, before, closed_on)
    }
    fn all_periods(&self) -> Result<Vec<crate::domain::Period>> {
        Store::all_periods(self)
    }
}
