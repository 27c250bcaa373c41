//! One read of everything a board (or report) shows for one medborgarlöfte.

use super::{Result, Store, date_from_sql, date_to_sql};
use crate::domain::{
    BoardData, CommitmentId, CommitmentStats, Municipality, Pledge, PledgeId, Section, TargetId,
    TargetTally,
};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

impl Store {
    /// Loads a board with a fixed number of queries, whatever its size.
    pub fn board(&self, pledge: PledgeId, since: Option<NaiveDate>) -> Result<BoardData> {
        let pledge = self.pledge(pledge)?;
        let municipality = self.municipality(pledge.municipality)?;
        let sections = self.sections(pledge.id)?;
        let commitments = self.commitments(pledge.id)?;

        let mut tallies: HashMap<TargetId, TargetTally> = HashMap::new();
        let mut st = self.conn.prepare_cached(
            "SELECT a.target_id, CAST(substr(a.date, 1, 4) AS INTEGER), sum(a.count) \
             FROM activity a JOIN commitment c ON c.id = a.commitment_id \
             JOIN section s ON s.id = c.section_id \
             WHERE s.pledge_id = ?1 AND a.target_id IS NOT NULL \
             GROUP BY a.target_id, substr(a.date, 1, 4)",
        )?;
        let rows = st.query_map([pledge.id.0], |r| {
            Ok((
                TargetId(r.get(0)?),
                r.get::<_, i32>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            let (t, year, n) = row?;
            tallies.entry(t).or_default().per_year.push((year, n));
        }

        let mut stats: HashMap<CommitmentId, CommitmentStats> = HashMap::new();
        let since_s = since
            .map(date_to_sql)
            .unwrap_or_else(|| "9999-12-31".into());
        let mut st = self.conn.prepare_cached(
            "SELECT a.commitment_id, count(*), max(a.date), sum(a.date > ?2) \
             FROM activity a JOIN commitment c ON c.id = a.commitment_id \
             JOIN section s ON s.id = c.section_id \
             WHERE s.pledge_id = ?1 GROUP BY a.commitment_id",
        )?;
        let rows = st.query_map(params![pledge.id.0, since_s], |r| {
            Ok((
                CommitmentId(r.get(0)?),
                r.get::<_, u32>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        for row in rows {
            let (c, entries, latest, entries_since) = row?;
            stats.insert(
                c,
                CommitmentStats {
                    entries,
                    latest: latest.as_deref().map(date_from_sql).transpose()?,
                    entries_since,
                    walks: 0,
                },
            );
        }
        // A walk linked to a löfte counts as one insats of it, towards its first target.
        let mut st = self.conn.prepare_cached(
            "SELECT w.commitment_id, CAST(substr(w.date, 1, 4) AS INTEGER), count(*), max(w.date), \
             sum(w.date > ?2) FROM safety_walk w JOIN commitment c ON c.id = w.commitment_id \
             JOIN section s ON s.id = c.section_id WHERE s.pledge_id = ?1 \
             GROUP BY w.commitment_id, substr(w.date, 1, 4)",
        )?;
        let rows = st.query_map(params![pledge.id.0, since_s], |r| {
            Ok((
                CommitmentId(r.get(0)?),
                r.get::<_, i32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, u32>(4)?,
            ))
        })?;
        for row in rows {
            let (c, year, n, latest, n_since) = row?;
            if let Some(t) = commitments
                .iter()
                .find(|x| x.id == c)
                .and_then(|x| x.targets.first())
            {
                tallies.entry(t.id).or_default().per_year.push((year, n));
            }
            let latest = date_from_sql(&latest)?;
            let st = stats.entry(c).or_default();
            st.entries += n;
            st.walks += n;
            st.entries_since += n_since;
            st.latest = st.latest.max(Some(latest));
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
}

impl Store {
    /// Every medborgarlöfte covering `year`, loaded as boards in a fixed number of queries
    /// (for the left panel and the overview: 290 kommuner in one go, not 290 × 8 queries).
    pub fn boards_covering(&self, year: i32) -> Result<Vec<BoardData>> {
        use super::pledges::{COMMITMENT_COLS, commitment_from_row, target_from_row};
        use crate::domain::{MunicipalityId, Period, PoliceAreaId, SectionId, Signatory};
        const COVER: &str = "p.first_year <= ?1 AND p.last_year >= ?1";

        let mut boards: Vec<BoardData> = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT p.id, p.first_year, p.last_year, p.title, p.goal, p.contact, \
             m.id, m.name, m.police_area_id FROM pledge p JOIN municipality m ON m.id = p.municipality_id \
             WHERE {COVER} ORDER BY m.name, p.first_year"
        ))?;
        let rows = st.query_map([year], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, i64>(8)?,
            ))
        })?;
        for row in rows {
            let (pid, a, b, title, goal, contact, mid, mname, area) = row?;
            let Some(period) = Period::new(a, b) else {
                continue;
            };
            if index.values().any(|&i| boards[i].municipality.id.0 == mid) {
                continue; // one medborgarlöfte per kommun and year
            }
            index.insert(pid, boards.len());
            boards.push(BoardData {
                municipality: Municipality {
                    id: MunicipalityId(mid),
                    name: mname,
                    police_area: PoliceAreaId(area),
                },
                pledge: Pledge {
                    id: PledgeId(pid),
                    municipality: MunicipalityId(mid),
                    period,
                    title,
                    goal,
                    signatories: Vec::new(),
                    contact,
                },
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
        for row in st.query_map([year], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))? {
            let (pid, name, role) = row?;
            if let Some(&i) = index.get(&pid) {
                boards[i].pledge.signatories.push(Signatory { name, role });
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT s.pledge_id, s.id, s.title, s.position FROM section s JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} ORDER BY s.pledge_id, s.position, s.id"
        ))?;
        for row in st.query_map([year], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })? {
            let (pid, sid, title, position) = row?;
            if let Some(&i) = index.get(&pid) {
                boards[i].sections.push(Section {
                    id: SectionId(sid),
                    pledge: PledgeId(pid),
                    title,
                    position,
                });
            }
        }
        // Commitments in published order, each to the board of its avsnitt.
        let section_owner: HashMap<SectionId, usize> = boards
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.sections.iter().map(move |s| (s.id, i)))
            .collect();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLS} FROM commitment c JOIN section s ON s.id = c.section_id \
             JOIN pledge p ON p.id = s.pledge_id WHERE {COVER} \
             ORDER BY s.pledge_id, s.position, s.id, c.position, c.id"
        ))?;
        let mut owner: HashMap<CommitmentId, usize> = HashMap::new();
        for c in st.query_map([year], commitment_from_row)? {
            let c = c?;
            if let Some(&i) = section_owner.get(&c.section) {
                owner.insert(c.id, i);
                boards[i].commitments.push(c);
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT t.commitment_id, t.id, t.count, t.unit, t.per_year, t.label, t.party \
             FROM target t JOIN commitment c ON c.id = t.commitment_id JOIN section s ON s.id = c.section_id \
             JOIN pledge p ON p.id = s.pledge_id WHERE {COVER} ORDER BY t.commitment_id, t.position, t.id"
        ))?;
        for row in st.query_map([year], target_from_row)? {
            let (cid, t) = row?;
            if let Some(&i) = owner.get(&cid)
                && let Some(c) = boards[i].commitments.iter_mut().find(|c| c.id == cid)
            {
                c.targets.push(t);
            }
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT a.commitment_id, a.target_id, CAST(substr(a.date, 1, 4) AS INTEGER), sum(a.count), \
             count(*), max(a.date) FROM activity a JOIN commitment c ON c.id = a.commitment_id \
             JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} GROUP BY a.commitment_id, a.target_id, substr(a.date, 1, 4)"
        ))?;
        let rows = st.query_map([year], |r| {
            Ok((
                CommitmentId(r.get(0)?),
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (cid, tid, y, sum, entries, latest) = row?;
            let Some(&i) = owner.get(&cid) else { continue };
            let b = &mut boards[i];
            if let Some(t) = tid {
                b.tallies
                    .entry(TargetId(t))
                    .or_default()
                    .per_year
                    .push((y, sum));
            }
            let st = b.stats.entry(cid).or_default();
            st.entries += entries;
            st.latest = st.latest.max(Some(date_from_sql(&latest)?));
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT w.commitment_id, CAST(substr(w.date, 1, 4) AS INTEGER), count(*), max(w.date) \
             FROM safety_walk w JOIN commitment c ON c.id = w.commitment_id \
             JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
             WHERE {COVER} GROUP BY w.commitment_id, substr(w.date, 1, 4)"
        ))?;
        let rows = st.query_map([year], |r| {
            Ok((
                CommitmentId(r.get(0)?),
                r.get::<_, i32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (cid, y, n, latest) = row?;
            let Some(&i) = owner.get(&cid) else { continue };
            let b = &mut boards[i];
            if let Some(t) = b
                .commitments
                .iter()
                .find(|c| c.id == cid)
                .and_then(|c| c.targets.first())
            {
                b.tallies.entry(t.id).or_default().per_year.push((y, n));
            }
            let st = b.stats.entry(cid).or_default();
            st.entries += n;
            st.walks += n;
            st.latest = st.latest.max(Some(date_from_sql(&latest)?));
        }
        Ok(boards)
    }
}

impl crate::domain::Records for Store {
    type Error = super::StoreError;

    fn board(&self, pledge: PledgeId) -> Result<BoardData> {
        Store::board(self, pledge, None)
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

    fn walks_with_observations(
        &self,
        m: crate::domain::MunicipalityId,
    ) -> Result<Vec<(crate::domain::SafetyWalk, Vec<crate::domain::Observation>)>> {
        Store::walks_with_observations(self, m)
    }
}
