//! The yearly bedömning per löfte.

use super::db::{Optional, Row};
use super::{Result, Store};
use crate::domain::{Assessment, CommitmentId, PledgeId};
use crate::validate::validate_assessment;
use rusqlite::params;
use std::collections::HashMap;

fn from_row(r: &Row) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        commitment: r.get("commitment_id")?,
        year: r.get("year")?,
        result: r.get("result")?,
        cause: r.get("cause")?,
        next: r.get("next_step")?,
    })
}

impl Store {
    /// Saves the bedömning of a löfte for its year (an empty one is removed).
    /// Saves (or, when empty, removes) a whole medborgarlöfte's bedömning for its year.
    pub fn set_pledge_assessment(&mut self, a: &crate::domain::PledgeAssessment) -> Result<()> {
        let a = crate::validate::validate_pledge_assessment(a)?;
        self.pledge(a.pledge)?;
        let tx = self.write_tx()?;
        if a.is_empty() {
            tx.execute(
                "DELETE FROM pledge_assessment WHERE pledge_id = :p AND year = :y",
                rusqlite::named_params! { ":p": a.pledge, ":y": a.year },
            )?;
        } else {
            tx.execute(
                "INSERT INTO pledge_assessment(pledge_id, year, overall, next_step) \
                 VALUES (:p, :y, :overall, :next) ON CONFLICT(pledge_id, year) DO UPDATE SET \
                 overall = excluded.overall, next_step = excluded.next_step",
                rusqlite::named_params! {
                    ":p": a.pledge, ":y": a.year, ":overall": a.overall, ":next": a.next
                },
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A whole medborgarlöfte's bedömning for `year` (empty when none is written).
    pub fn pledge_assessment(
        &self,
        p: PledgeId,
        year: i32,
    ) -> Result<crate::domain::PledgeAssessment> {
        Ok(self
            .conn
            .query_row(
                "SELECT overall, next_step FROM pledge_assessment \
                 WHERE pledge_id = :p AND year = :y",
                rusqlite::named_params! { ":p": p, ":y": year },
                |r| {
                    Ok(crate::domain::PledgeAssessment {
                        pledge: p,
                        year,
                        overall: r.get("overall")?,
                        next: r.get("next_step")?,
                    })
                },
            )
            .optional()?
            .unwrap_or_else(|| crate::domain::PledgeAssessment::empty(p, year)))
    }

    pub fn set_assessment(&mut self, a: &Assessment) -> Result<()> {
        let a = validate_assessment(a)?;
        // The löfte must exist: a clear error rather than a foreign key message.
        self.commitment(a.commitment)?;
        let tx = self.write_tx()?;
        if a.is_empty() {
            tx.execute(
                "DELETE FROM assessment WHERE commitment_id = ?1 AND year = ?2",
                params![a.commitment, a.year],
            )?;
        } else {
            tx.execute(
                "INSERT INTO assessment(commitment_id, year, result, cause, next_step) \
                 VALUES (:c, :y, :result, :cause, :next) ON CONFLICT(commitment_id, year) \
                 DO UPDATE SET result = excluded.result, cause = excluded.cause, \
                 next_step = excluded.next_step",
                rusqlite::named_params! {
                    ":c": a.commitment, ":y": a.year, ":result": a.result, ":cause": a.cause,
                    ":next": a.next
                },
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The bedömning of a löfte for a year, or an empty one.
    pub fn assessment(&self, c: CommitmentId, year: i32) -> Result<Assessment> {
        Ok(self
            .conn
            .query_row(
                "SELECT commitment_id, year, result, cause, next_step FROM assessment \
                 WHERE commitment_id = ?1 AND year = ?2",
                params![c, year],
                from_row,
            )
            .optional()?
            .unwrap_or_else(|| Assessment::empty(c, year)))
    }

    /// Every bedömning of a medborgarlöfte's löften for `year`, by löfte (one query).
    pub fn assessments_of_pledge(
        &self,
        p: PledgeId,
        year: i32,
    ) -> Result<HashMap<CommitmentId, Assessment>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.commitment_id, a.year, a.result, a.cause, a.next_step FROM assessment a \
             JOIN commitment c ON c.id = a.commitment_id JOIN section s ON s.id = c.section_id \
             WHERE s.pledge_id = ?1 AND a.year = ?2",
        )?;
        let rows = st.query_map(params![p, year], from_row)?;
        let mut out = HashMap::new();
        for a in rows {
            let a = a?;
            out.insert(a.commitment, a);
        }
        Ok(out)
    }
}
