//! Indicators (schema 13): a kommun's named series with a value per year, and the löften
//! and fokusområden they measure.

use super::db::{Db, Optional};
use super::rows::{self, binding};
use super::{Result, Store, StoreError};
use crate::domain::indicators::{Indicator, IndicatorDraft};
use crate::domain::{CommitmentId, FocusAreaId, IndicatorId, MunicipalityId};
use crate::validate::{Invalid, MAX_VALUE, YEARS, check_text};
use std::collections::HashMap;

fn check_value(year: i32, value: f64) -> Result<()> {
    if !YEARS.contains(&year) {
        return Err(Invalid::NotAYear(year.to_string()).into());
    }
    if !value.is_finite() || value.abs() > MAX_VALUE {
        return Err(Invalid::NotANumber(value.to_string()).into());
    }
    Ok(())
}

fn municipality_of(tx: &Db, id: IndicatorId) -> Result<MunicipalityId> {
    tx.query_row(
        "SELECT municipality_id FROM indicator WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("Indikator {id}")))
}

/// Writes one year's value (replacing what that year had); returns what it had.
fn put_value(tx: &Db, id: IndicatorId, year: i32, value: f64) -> Result<Option<f64>> {
    check_value(year, value)?;
    let before: Option<(i64, f64)> = tx
        .query_row(
            "SELECT id, value FROM indicator_value WHERE indicator_id = ?1 AND year = ?2",
            rusqlite::params![id, year],
            |r| Ok((r.get("id")?, r.get("value")?)),
        )
        .optional()?;
    match before {
        Some((row, old)) => {
            tx.execute(
                "UPDATE indicator_value SET value = ?1 WHERE id = ?2",
                rusqlite::params![value, row],
            )?;
            Ok(Some(old))
        }
        None => {
            let row = binding![":indicator_id" => id, ":year" => year, ":value" => value];
            rows::insert(tx, "indicator_value", None, &row)?;
            Ok(None)
        }
    }
}

impl Store {
    /// A new indicator of a kommun, linked to löften of that kommun.
    pub fn add_indicator(&mut self, d: &IndicatorDraft) -> Result<IndicatorId> {
        let name = check_text("Namn", &d.name, true, false)?;
        let unit = check_text("Enhet", &d.unit, false, false)?;
        let source = check_text("Källa", &d.source, false, false)?;
        let tx = self.write_tx()?;
        for c in &d.commitments {
            let owner: Option<MunicipalityId> = tx
                .query_row(
                    "SELECT p.municipality_id FROM commitment c \
                     JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
                     WHERE c.id = ?1",
                    [*c],
                    |r| r.get(0),
                )
                .optional()?;
            if owner != Some(d.municipality) {
                return Err(Invalid::ForeignCommitment(c.0).into());
            }
        }
        let row = binding![
            ":municipality_id" => d.municipality,
            ":name" => &name,
            ":unit" => &unit,
            ":source" => &source,
            ":lower_is_better" => d.lower_is_better,
        ];
        let id = rows::insert(&tx, "indicator", None, &row)?;
        for c in &d.commitments {
            let link = binding![":indicator_id" => id, ":commitment_id" => *c];
            rows::insert(&tx, "indicator_link", None, &link)?;
        }
        tx.commit()?;
        Ok(IndicatorId(id))
    }

    /// Links an indicator to a fokusområde it measures (the överenskommelse's follow-up).
    pub fn link_indicator_to_focus_area(&mut self, id: IndicatorId, f: FocusAreaId) -> Result<()> {
        let tx = self.write_tx()?;
        municipality_of(&tx, id)?;
        let link = binding![":indicator_id" => id, ":focus_area_id" => f];
        rows::insert(&tx, "indicator_link", None, &link)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets one year's value; returns the value the year had before (for Ångra).
    pub fn set_indicator_value(
        &mut self,
        id: IndicatorId,
        year: i32,
        value: f64,
    ) -> Result<Option<f64>> {
        let tx = self.write_tx()?;
        municipality_of(&tx, id)?;
        let before = put_value(&tx, id, year, value)?;
        tx.commit()?;
        Ok(before)
    }

    /// Every value of a file at once, in one transaction: all or none.
    pub fn set_indicator_values(&mut self, id: IndicatorId, values: &[(i32, f64)]) -> Result<()> {
        let tx = self.write_tx()?;
        municipality_of(&tx, id)?;
        for (y, v) in values {
            put_value(&tx, id, *y, *v)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes one year's value (Ångra of a value typed for a year that had none).
    pub fn remove_indicator_value(&mut self, id: IndicatorId, year: i32) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "DELETE FROM indicator_value WHERE indicator_id = ?1 AND year = ?2",
            rusqlite::params![id, year],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The kommun's indicators in the order they were made, with values and links.
    pub fn indicators(&self, m: MunicipalityId) -> Result<Vec<Indicator>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, unit, source, lower_is_better, version FROM indicator \
             WHERE municipality_id = ?1 ORDER BY id",
        )?;
        let mut list: Vec<Indicator> = st
            .query_map([m], |r| {
                Ok(Indicator {
                    id: r.get("id")?,
                    municipality: m,
                    name: r.get("name")?,
                    unit: r.get("unit")?,
                    source: r.get("source")?,
                    lower_is_better: r.get("lower_is_better")?,
                    values: Vec::new(),
                    commitments: Vec::new(),
                    focus_areas: Vec::new(),
                    version: r.get("version")?,
                })
            })?
            .collect::<Result<_>>()?;
        let at: HashMap<IndicatorId, usize> =
            list.iter().enumerate().map(|(i, x)| (x.id, i)).collect();
        let mut st = self.conn.prepare_cached(
            "SELECT v.indicator_id AS ind, v.year AS year, v.value AS value \
             FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id \
             WHERE i.municipality_id = ?1 ORDER BY v.year",
        )?;
        let values: Vec<(IndicatorId, i32, f64)> = st
            .query_map([m], |r| {
                Ok((r.get("ind")?, r.get("year")?, r.get("value")?))
            })?
            .collect::<Result<_>>()?;
        for (ind, y, v) in values {
            if let Some(i) = at.get(&ind) {
                list[*i].values.push((y, v));
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT l.indicator_id AS ind, l.commitment_id AS c, l.focus_area_id AS f \
             FROM indicator_link l JOIN indicator i ON i.id = l.indicator_id \
             WHERE i.municipality_id = ?1 ORDER BY l.id",
        )?;
        type Link = (IndicatorId, Option<CommitmentId>, Option<FocusAreaId>);
        let links: Vec<Link> = st
            .query_map([m], |r| Ok((r.get("ind")?, r.get("c")?, r.get("f")?)))?
            .collect::<Result<_>>()?;
        for (ind, c, f) in links {
            if let Some(i) = at.get(&ind) {
                list[*i].commitments.extend(c);
                list[*i].focus_areas.extend(f);
            }
        }
        Ok(list)
    }
}
