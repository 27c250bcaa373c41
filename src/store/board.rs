//! One read of everything a board (or report) shows for one medborgarlöfte.

use super::{Result, Store, date_from_sql, date_to_sql};
use crate::domain::{
    Commitment, CommitmentId, Municipality, Pledge, PledgeId, Section, TargetId, TargetTally,
};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// Insats figures of one löfte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentStats {
    /// Number of recorded insatser (rows).
    pub entries: u32,
    /// Latest insats date.
    pub latest: Option<NaiveDate>,
    /// Insatser dated after the `since` day given to [`Store::board`].
    pub entries_since: u32,
    /// Trygghetsvandringar linked to the löfte (each counts as one insats).
    pub walks: u32,
}

/// The loaded data behind one board; pure code in [`crate::summary`] derives the rest.
#[derive(Debug, Clone)]
pub struct BoardData {
    pub municipality: Municipality,
    pub pledge: Pledge,
    pub sections: Vec<Section>,
    pub commitments: Vec<Commitment>,
    pub tallies: HashMap<TargetId, TargetTally>,
    pub stats: HashMap<CommitmentId, CommitmentStats>,
    pub since: Option<NaiveDate>,
}

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
