//! Samverkansöverenskommelser: parties, forums and fokusområden (rows of their own since
//! schema 14), the löften, insatser and kategorier linked to them, and what a follow-up
//! reads.

use super::db::{Db, Optional};
use super::rows::{self, binding};
use super::{Names, Result, Store, StoreError, names};
use crate::domain::agreements::{AgreementRecords, FocusActivity};
use crate::domain::{
    ActivityId, Agreement, AgreementId, CommitmentId, FocusArea, FocusAreaId, MunicipalityId,
    Period, PledgeId,
};
use crate::validate::{Invalid, check_text};
use rusqlite::params;
use std::collections::HashMap;

/// The fokusområden of the kommun's agreements whose period meets `first`–`last`.
fn areas_covering(tx: &Db, m: i64, first: i32, last: i32) -> Result<Vec<(i64, String)>> {
    let mut st = tx.prepare_cached(
        "SELECT f.id, f.name FROM focus_area f JOIN agreement a ON a.id = f.agreement_id \
         WHERE a.municipality_id = ?1 AND a.first_year <= ?3 AND a.last_year >= ?2 \
         ORDER BY a.first_year DESC, f.position",
    )?;
    st.query_map(params![m, first, last], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// A löfte's tags that name a fokusområde of its kommun's agreement for its period become
/// links (so that a renamed fokusområde keeps the löfte); the other tags stay tags.
pub(super) fn link_focus_areas(tx: &Db, commitment: i64) -> Result<()> {
    let (m, first, last, tags): (i64, i32, i32, Names) = tx.query_row(
        "SELECT p.municipality_id, p.first_year, p.last_year, c.tags FROM commitment c \
         JOIN section s ON s.id = c.section_id JOIN pledge p ON p.id = s.pledge_id \
         WHERE c.id = ?1",
        [commitment],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    if tags.0.is_empty() {
        return Ok(());
    }
    let areas = areas_covering(tx, m, first, last)?;
    let mut free = Vec::new();
    for t in &tags.0 {
        let l = t.to_lowercase();
        let mut hit = false;
        for (id, _) in areas.iter().filter(|(_, n)| n.to_lowercase() == l) {
            hit = true;
            tx.execute(
                "INSERT INTO commitment_focus_area(commitment_id, focus_area_id) \
                 VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![commitment, id],
            )?;
        }
        if !hit {
            free.push(t.clone());
        }
    }
    if free.len() != tags.0.len() {
        tx.execute(
            "UPDATE commitment SET tags = ?1 WHERE id = ?2",
            params![names(&free), commitment],
        )?;
    }
    Ok(())
}

/// Links every löfte of kommun `m` whose tags name one of its fokusområden (after an
/// agreement or a fokusområde is added or renamed).
fn link_kommun(tx: &Db, m: i64) -> Result<()> {
    let ids: Vec<i64> = {
        let mut st = tx.prepare_cached(
            "SELECT c.id FROM commitment c JOIN section s ON s.id = c.section_id \
             JOIN pledge p ON p.id = s.pledge_id \
             WHERE p.municipality_id = ?1 AND CAST(c.tags AS TEXT) <> '[]'",
        )?;
        st.query_map([m], |r| r.get(0))?.collect::<Result<_>>()?
    };
    for c in ids {
        link_focus_areas(tx, c)?;
    }
    Ok(())
}

fn clean_list(field: &'static str, list: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for x in list {
        let x = check_text(field, x, false, false)?;
        if !x.is_empty() && !out.iter().any(|o| o.to_lowercase() == x.to_lowercase()) {
            out.push(x);
        }
    }
    Ok(out)
}

fn municipality_of_agreement(tx: &Db, a: AgreementId) -> Result<i64> {
    tx.query_row(
        "SELECT municipality_id FROM agreement WHERE id = ?1",
        [a.0],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("Överenskommelse {}", a.0)))
}

fn area_row(tx: &Db, f: FocusAreaId) -> Result<(i64, i64)> {
    tx.query_row(
        "SELECT f.agreement_id, a.municipality_id FROM focus_area f \
         JOIN agreement a ON a.id = f.agreement_id WHERE f.id = ?1",
        [f.0],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("Fokusområde {}", f.0)))
}

/// Links insats `activity` of kommun `m` to fokusområden of that kommun's agreements.
pub(super) fn link_activity(
    tx: &Db,
    activity: ActivityId,
    m: MunicipalityId,
    areas: &[FocusAreaId],
) -> Result<()> {
    for f in areas {
        let (_, owner) = area_row(tx, *f)?;
        if owner != m.0 {
            return Err(Invalid::FocusAreaOfOtherKommun.into());
        }
        tx.execute(
            "INSERT INTO activity_focus_area(activity_id, focus_area_id) VALUES (?1, ?2) \
             ON CONFLICT DO NOTHING",
            params![activity.0, f.0],
        )?;
    }
    Ok(())
}

fn check_unique_name(tx: &Db, agreement: i64, name: &str, except: i64) -> Result<()> {
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM focus_area WHERE agreement_id = ?1 \
         AND lower(name) = lower(?2) AND id <> ?3)",
        params![agreement, name, except],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Invalid::Duplicate {
            field: "Fokusområde",
            name: name.to_string(),
        }
        .into());
    }
    Ok(())
}

impl Store {
    /// A new agreement with its fokusområden; the kommun's löften tagged with one of them
    /// are linked to it.
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
            check_unique_name(&tx, id, &f, 0)?;
            let row = binding![":agreement_id" => id, ":position" => i as i64, ":name" => f];
            rows::insert(&tx, "focus_area", None, &row)?;
        }
        link_kommun(&tx, m.0)?;
        tx.commit()?;
        Ok(AgreementId(id))
    }

    /// Saves the agreement's head: period, rubrik, parties and forums.
    pub fn update_agreement(
        &mut self,
        id: AgreementId,
        period: Period,
        title: &str,
        parties: &[String],
        forums: &[String],
    ) -> Result<()> {
        let title = check_text("Rubrik", title, true, false)?;
        let parties = clean_list("Parter", parties)?;
        let forums = clean_list("Forum", forums)?;
        let tx = self.write_tx()?;
        let m = municipality_of_agreement(&tx, id)?;
        let row = binding![
            ":first_year" => period.first,
            ":last_year" => period.last,
            ":title" => &title,
            ":parties" => names(&parties),
            ":forums" => names(&forums),
        ];
        rows::update(&tx, "agreement", id.0, &row)?;
        link_kommun(&tx, m)?;
        tx.commit()?;
        Ok(())
    }

    /// A new fokusområde at the end of the agreement's list.
    pub fn add_focus_area(&mut self, a: AgreementId, name: &str) -> Result<FocusAreaId> {
        let name = check_text("Fokusområde", name, true, false)?;
        let tx = self.write_tx()?;
        let m = municipality_of_agreement(&tx, a)?;
        check_unique_name(&tx, a.0, &name, 0)?;
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM focus_area WHERE agreement_id = ?1",
            [a.0],
            |r| r.get(0),
        )?;
        let row = binding![":agreement_id" => a.0, ":position" => pos, ":name" => &name];
        let id = rows::insert(&tx, "focus_area", None, &row)?;
        link_kommun(&tx, m)?;
        tx.commit()?;
        Ok(FocusAreaId(id))
    }

    /// Renames a fokusområde; its löften, insatser and kategorier stay linked.
    pub fn rename_focus_area(&mut self, f: FocusAreaId, name: &str) -> Result<()> {
        let name = check_text("Fokusområde", name, true, false)?;
        let tx = self.write_tx()?;
        let (agreement, m) = area_row(&tx, f)?;
        check_unique_name(&tx, agreement, &name, f.0)?;
        tx.execute(
            "UPDATE focus_area SET name = ?1 WHERE id = ?2",
            params![name, f.0],
        )?;
        link_kommun(&tx, m)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a fokusområde no löfte or insats carries (a used one is renamed instead,
    /// or its links taken away first: nothing disappears from a löfte unasked).
    pub fn remove_focus_area(&mut self, f: FocusAreaId) -> Result<()> {
        let tx = self.write_tx()?;
        area_row(&tx, f)?;
        let (c, a): (i64, i64) = tx.query_row(
            "SELECT (SELECT count(*) FROM commitment_focus_area WHERE focus_area_id = ?1), \
                    (SELECT count(*) FROM activity_focus_area WHERE focus_area_id = ?1)",
            [f.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if c + a > 0 {
            return Err(Invalid::FocusAreaInUse {
                commitments: c as u32,
                activities: a as u32,
            }
            .into());
        }
        tx.execute("DELETE FROM focus_area WHERE id = ?1", [f.0])?;
        tx.commit()?;
        Ok(())
    }

    /// The händelse kategorier a fokusområde follows, by name (each one of the kommun's).
    pub fn set_focus_area_categories(&mut self, f: FocusAreaId, list: &[String]) -> Result<()> {
        let tx = self.write_tx()?;
        let (_, m) = area_row(&tx, f)?;
        let known = super::incidents::categories_or_defaults(&tx, MunicipalityId(m))?;
        let mut ids = Vec::new();
        for name in list.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let c =
                super::incidents::find(&known, name).ok_or_else(|| Invalid::UnknownCategory {
                    name: crate::validate::clip(name, 40),
                    known: super::incidents::names(&known),
                })?;
            if !ids.contains(&c.id.0) {
                ids.push(c.id.0);
            }
        }
        tx.execute(
            "DELETE FROM focus_area_category WHERE focus_area_id = ?1",
            [f.0],
        )?;
        for c in ids {
            tx.execute(
                "INSERT INTO focus_area_category(focus_area_id, category_id) VALUES (?1, ?2)",
                params![f.0, c],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The fokusområde named `name` (any case) of the kommun's agreement for `year`.
    pub fn focus_area_named(
        &self,
        m: MunicipalityId,
        year: i32,
        name: &str,
    ) -> Result<Option<FocusAreaId>> {
        let l = name.trim().to_lowercase();
        Ok(areas_covering(&self.conn, m.0, year, year)?
            .into_iter()
            .find(|(_, n)| n.to_lowercase() == l)
            .map(|(id, _)| FocusAreaId(id)))
    }

    /// The kommun's agreements, newest period first.
    pub fn agreements(&self, m: MunicipalityId) -> Result<Vec<Agreement>> {
        self.agreements_where("a.municipality_id = ?1", m.0)
    }

    pub fn agreement(&self, id: AgreementId) -> Result<Option<Agreement>> {
        Ok(self.agreements_where("a.id = ?1", id.0)?.into_iter().next())
    }

    fn agreements_where(&self, cond: &str, v: i64) -> Result<Vec<Agreement>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.municipality_id, a.first_year, a.last_year, a.title, a.parties, \
             a.forums FROM agreement a WHERE {cond} ORDER BY a.first_year DESC, a.id"
        ))?;
        let heads: Vec<(i64, MunicipalityId, i32, i32, String, Names, Names)> = st
            .query_map([v], |r| {
                Ok((
                    r.get("id")?,
                    r.get("municipality_id")?,
                    r.get("first_year")?,
                    r.get("last_year")?,
                    r.get("title")?,
                    r.get("parties")?,
                    r.get("forums")?,
                ))
            })?
            .collect::<Result<_>>()?;
        let mut areas = self.conn.prepare_cached(
            "SELECT id, name FROM focus_area WHERE agreement_id = ?1 ORDER BY position",
        )?;
        let mut cats = self.conn.prepare_cached(
            "SELECT l.focus_area_id, c.name FROM focus_area_category l \
             JOIN incident_category c ON c.id = l.category_id \
             JOIN focus_area f ON f.id = l.focus_area_id \
             WHERE f.agreement_id = ?1 ORDER BY c.position",
        )?;
        let mut out = Vec::new();
        for (id, municipality, a, b, title, parties, forums) in heads {
            let mut by_area: HashMap<i64, Vec<String>> = HashMap::new();
            for row in cats.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
                let (f, name) = row?;
                by_area.entry(f).or_default().push(name);
            }
            let focus_areas = areas
                .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
                .map(|row| {
                    row.map(|(f, name)| FocusArea {
                        id: FocusAreaId(f),
                        name,
                        categories: by_area.remove(&f).unwrap_or_default(),
                    })
                })
                .collect::<Result<_>>()?;
            let period = Period::stored(a, b)
                .ok_or_else(|| StoreError::Corrupt(format!("period {a}–{b}")))?;
            out.push(Agreement {
                id: AgreementId(id),
                municipality,
                period,
                title,
                parties: parties.0,
                forums: forums.0,
                focus_areas,
            });
        }
        Ok(out)
    }

    /// Fokusområden of the kommun's agreements that cover `period` (for tag choices).
    pub fn focus_areas_for(&self, m: MunicipalityId, period: Period) -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for (_, f) in areas_covering(&self.conn, m.0, period.first, period.last)? {
            if !out.contains(&f) {
                out.push(f);
            }
        }
        Ok(out)
    }

    /// What the follow-up of an agreement reads: its löften's links, the kommun's insatser
    /// in its years with their own fokusområden, and händelser per year and kategori.
    pub fn agreement_records(&self, id: AgreementId) -> Result<Option<AgreementRecords>> {
        let Some(agreement) = self.agreement(id)? else {
            return Ok(None);
        };
        let m = agreement.municipality;
        let (first, last) = (agreement.period.first, agreement.period.last);
        let municipality: String =
            self.conn
                .query_row("SELECT name FROM municipality WHERE id = ?1", [m], |r| {
                    r.get(0)
                })?;
        let pledges: Vec<PledgeId> = {
            let mut st = self.conn.prepare_cached(
                "SELECT id FROM pledge WHERE municipality_id = ?1 AND first_year <= ?3 \
                 AND last_year >= ?2 ORDER BY first_year",
            )?;
            st.query_map(params![m, first, last], |r| r.get(0))?
                .collect::<Result<_>>()?
        };
        let commitment_areas: Vec<(CommitmentId, FocusAreaId)> = {
            let mut st = self.conn.prepare_cached(
                "SELECT l.commitment_id, l.focus_area_id FROM commitment_focus_area l \
                 JOIN focus_area f ON f.id = l.focus_area_id WHERE f.agreement_id = ?1",
            )?;
            st.query_map([id.0], |r| {
                Ok((CommitmentId(r.get(0)?), FocusAreaId(r.get(1)?)))
            })?
            .collect::<Result<_>>()?
        };
        let (from, to) = (
            chrono::NaiveDate::from_ymd_opt(first, 1, 1),
            chrono::NaiveDate::from_ymd_opt(last, 12, 31),
        );
        let (Some(from), Some(to)) = (from, to) else {
            return Err(StoreError::Corrupt(format!("period {first}–{last}")));
        };
        let mut own: HashMap<i64, Vec<FocusAreaId>> = HashMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT l.activity_id, l.focus_area_id FROM activity_focus_area l \
                 JOIN focus_area f ON f.id = l.focus_area_id WHERE f.agreement_id = ?1",
            )?;
            for row in st.query_map([id.0], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
                let (a, f) = row?;
                own.entry(a).or_default().push(FocusAreaId(f));
            }
        }
        let activities = {
            let mut st = self.conn.prepare_cached(
                "SELECT id, date, count, commitment_id FROM activity \
                 WHERE municipality_id = ?1 AND date BETWEEN ?2 AND ?3",
            )?;
            st.query_map(params![m, from, to], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<CommitmentId>>(3)?,
                ))
            })?
            .map(|row| {
                row.map(|(a, date, count, commitment)| FocusActivity {
                    date,
                    count,
                    commitment,
                    areas: own.remove(&a).unwrap_or_default(),
                })
            })
            .collect::<Result<_>>()?
        };
        let incidents = {
            let mut st = self.conn.prepare_cached(
                "SELECT CAST(substr(CAST(i.date AS TEXT), 1, 4) AS INTEGER) AS y, c.name, \
                 sum(i.count) FROM incident i JOIN incident_category c ON c.id = i.category_id \
                 WHERE i.municipality_id = ?1 AND i.date BETWEEN ?2 AND ?3 \
                 GROUP BY y, c.name",
            )?;
            st.query_map(params![m, from, to], |r| {
                Ok((
                    r.get::<_, i64>(0)? as i32,
                    r.get(1)?,
                    r.get::<_, i64>(2)? as u32,
                ))
            })?
            .collect::<Result<_>>()?
        };
        Ok(Some(AgreementRecords {
            agreement,
            municipality,
            pledges,
            commitment_areas,
            activities,
            incidents,
        }))
    }
}
