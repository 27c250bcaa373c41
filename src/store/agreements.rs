//! Samverkansöverenskommelser and their fokusområden.

use super::rows::{self, binding};
use super::{Result, Store, StoreError};
use crate::domain::{Agreement, AgreementId, MunicipalityId, Period};
use crate::validate::check_text;

impl Store {
    pub fn add_agreement(
        &mut self,
        m: MunicipalityId,
        period: Period,
        title: &str,
        focus_areas: &[String],
    ) -> Result<AgreementId> {
        let title = check_text("Rubrik", title, true, false)?;
        let tx = self.write_tx()?;
        let row = binding![
            ":municipality_id" => m,
            ":first_year" => period.first,
            ":last_year" => period.last,
            ":title" => &title,
        ];
        let id = rows::insert(&tx, "agreement", None, &row)?;
        for (i, f) in focus_areas.iter().enumerate() {
            let f = check_text("Fokusområde", f, true, false)?;
            let row = binding![":agreement_id" => id, ":position" => i as i64, ":name" => f];
            rows::insert(&tx, "focus_area", None, &row)?;
        }
        tx.commit()?;
        Ok(AgreementId(id))
    }

    pub fn agreements(&self, m: MunicipalityId) -> Result<Vec<Agreement>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, first_year, last_year, title FROM agreement WHERE municipality_id = ?1 \
             ORDER BY first_year DESC",
        )?;
        let heads: Vec<(i64, i32, i32, String)> = st
            .query_map([m], |r| {
                Ok((
                    r.get("id")?,
                    r.get("first_year")?,
                    r.get("last_year")?,
                    r.get("title")?,
                ))
            })?
            .collect::<Result<_>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT name FROM focus_area WHERE agreement_id = ?1 ORDER BY position",
        )?;
        let mut out = Vec::new();
        for (id, a, b, title) in heads {
            let focus_areas = st.query_map([id], |r| r.get(0))?.collect::<Result<_>>()?;
            let period = Period::stored(a, b)
                .ok_or_else(|| StoreError::Corrupt(format!("period {a}–{b}")))?;
            out.push(Agreement {
                id: AgreementId(id),
                municipality: m,
                period,
                title,
                focus_areas,
            });
        }
        Ok(out)
    }

    /// Fokusområden of the kommun's agreements that cover `period` (for tag choices).
    pub fn focus_areas_for(&self, m: MunicipalityId, period: Period) -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for a in self.agreements(m)? {
            if a.period.first <= period.last && a.period.last >= period.first {
                for f in a.focus_areas {
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
            }
        }
        Ok(out)
    }
}
