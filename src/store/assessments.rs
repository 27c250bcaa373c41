//! The yearly bedömning per löfte.

use super::db::Db;
use super::db::{Optional, Row};
use super::{Result, Store, StoreError};
use crate::domain::{Assessment, CommitmentId, PledgeId};
use crate::validate::validate_assessment;
use rusqlite::params;
use std::collections::HashMap;

fn from_row(r: &Row) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        version: r.get("version")?,
        commitment: r.get("commitment_id")?,
        year: r.get("year")?,
        result: r.get("result")?,
        cause: r.get("cause")?,
        next: r.get("next_step")?,
    })
}

/// A yearly text of a löfte or a medborgarlöfte (a bedömning), by owner and year.
struct Yearly {
    table: &'static str,
    owner_column: &'static str,
    owner: i64,
    year: i32,
}

impl Yearly {
    /// Saves `fields` (or removes the row when `empty`) as read at `version`, 0 meaning
    /// none was written then: someone else's save in between refuses it, and a new one
    /// starts at 1 so that two first saves are told apart.
    fn save(
        &self,
        tx: &Db,
        version: i64,
        empty: bool,
        fields: &[(&str, &dyn rusqlite::ToSql)],
    ) -> Result<()> {
        let (t, o) = (self.table, self.owner_column);
        let mut params: Vec<(String, &dyn rusqlite::ToSql)> = vec![
            (":owner".into(), &self.owner),
            (":year".into(), &self.year),
            (":version".into(), &version),
        ];
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
        let n = if empty {
            let sql = format!(
                "DELETE FROM {t} WHERE {o} = :owner AND year = :year AND version = :version"
            );
            named.extend(params.iter().map(|(n, v)| (n.as_str(), *v)));
            let n = tx.execute(&sql, named.as_slice())?;
            // Already gone is what was asked for.
            if n == 0 && !self.exists(tx)? {
                return Ok(());
            }
            n
        } else {
            for (c, v) in fields {
                params.push((format!(":{c}"), *v));
            }
            named.extend(params.iter().map(|(n, v)| (n.as_str(), *v)));
            let cols: Vec<&str> = fields.iter().map(|(c, _)| *c).collect();
            let sql = if version == 0 {
                format!(
                    "INSERT INTO {t}({o}, year, {}, version) VALUES (:owner, :year, {}, :version + 1) \
                     ON CONFLICT({o}, year) DO NOTHING",
                    cols.join(", "),
                    cols.iter()
                        .map(|c| format!(":{c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                format!(
                    "UPDATE {t} SET {}, version = version + 1 \
                     WHERE {o} = :owner AND year = :year AND version = :version",
                    cols.iter()
                        .map(|c| format!("{c} = :{c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            tx.execute(&sql, named.as_slice())?
        };
        if n == 0 {
            return Err(StoreError::ChangedByOthers);
        }
        Ok(())
    }

    fn exists(&self, tx: &Db) -> Result<bool> {
        tx.query_row(
            &format!(
                "SELECT EXISTS(SELECT 1 FROM {} WHERE {} = ?1 AND year = ?2)",
                self.table, self.owner_column
            ),
            params![self.owner, self.year],
            |r| r.get(0),
        )
    }
}

impl Store {
    /// Saves the bedömning of a löfte for its year (an empty one is removed).
    /// Saves (or, when empty, removes) a whole medborgarlöfte's bedömning for its year.
    pub fn set_pledge_assessment(&mut self, a: &crate::domain::PledgeAssessment) -> Result<()> {
        let a = crate::validate::validate_pledge_assessment(a)?;
        self.pledge(a.pledge)?;
        let tx = self.write_tx()?;
        let fields: [(&str, &dyn rusqlite::ToSql); 2] =
            [("overall", &a.overall), ("next_step", &a.next)];
        let key = Yearly {
            table: "pledge_assessment",
            owner_column: "pledge_id",
            owner: a.pledge.0,
            year: a.year,
        };
        key.save(&tx, a.version, a.is_empty(), &fields)?;
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
                "SELECT overall, next_step, version FROM pledge_assessment \
                 WHERE pledge_id = :p AND year = :y",
                rusqlite::named_params! { ":p": p, ":y": year },
                |r| {
                    Ok(crate::domain::PledgeAssessment {
                        version: r.get("version")?,
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
        let fields: [(&str, &dyn rusqlite::ToSql); 3] = [
            ("result", &a.result),
            ("cause", &a.cause),
            ("next_step", &a.next),
        ];
        let key = Yearly {
            table: "assessment",
            owner_column: "commitment_id",
            owner: a.commitment.0,
            year: a.year,
        };
        key.save(&tx, a.version, a.is_empty(), &fields)?;
        tx.commit()?;
        Ok(())
    }

    /// The bedömning of a löfte for a year, or an empty one.
    pub fn assessment(&self, c: CommitmentId, year: i32) -> Result<Assessment> {
        Ok(self
            .conn
            .query_row(
                "SELECT commitment_id, year, result, cause, next_step, version FROM assessment \
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
            "SELECT a.commitment_id, a.year, a.result, a.cause, a.next_step, a.version \
             FROM assessment a \
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
