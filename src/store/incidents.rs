//! Händelser (the lägesbild's inrapporteringar) and each kommun's kategorier: recorded one
//! at a time or imported all at once, counted per kategori and place for a window.

use super::db::{Db, Optional, Row};
use super::rows::{self, Ids, binding};
use super::{Result, Store, StoreError};
use crate::domain::situation::{
    DEFAULT_CATEGORIES, Incident, IncidentCategory, IncidentDraft, Situation, Window, by_rise,
    compare, place_name,
};
use crate::domain::{IncidentCategoryId, IncidentId, MunicipalityId};
use crate::incidents_csv::IncidentRow;
use crate::validate::{Invalid, check_count, check_date, check_text};

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentImport {
    pub rows: usize,
    /// Kategorier the file named that the kommun did not have: made for it.
    pub new_categories: Vec<String>,
}

/// The columns [`from_row`] reads.
const INCIDENT_COLUMNS: &str = "id, municipality_id, category_id, date, time, area, place, \
     source, count, description, version";

fn from_row(r: &Row) -> rusqlite::Result<Incident> {
    let time: Option<String> = r.get("time")?;
    Ok(Incident {
        id: r.get("id")?,
        municipality: r.get("municipality_id")?,
        category: r.get("category_id")?,
        date: r.get("date")?,
        time: time.and_then(|t| chrono::NaiveTime::parse_from_str(&t, "%H:%M").ok()),
        area: r.get("area")?,
        place: r.get("place")?,
        source: r.get("source")?,
        count: r.get("count")?,
        description: r.get("description")?,
        version: r.get("version")?,
    })
}

/// Counts per name in a window, as `sql` groups them (columns `name` and `n`; parameters
/// `:m`, `:from`, `:to`).
fn named_counts(db: &Db, sql: &str, m: MunicipalityId, w: Window) -> Result<Vec<(String, u64)>> {
    let mut st = db.prepare_cached(sql)?;
    st.query_map(
        rusqlite::named_params! {":m": m, ":from": w.from, ":to": w.to},
        |r| {
            Ok((
                r.get::<_, String>("name")?,
                r.get::<_, i64>("n")?.max(0) as u64,
            ))
        },
    )?
    .collect()
}

/// Händelser per kategori name, for [`named_counts`].
const PER_CATEGORY: &str = "SELECT c.name AS name, sum(i.count) AS n FROM incident i \
     JOIN incident_category c ON c.id = i.category_id \
     WHERE i.municipality_id = :m AND i.date BETWEEN :from AND :to GROUP BY c.name";

fn read_categories(db: &Db, m: MunicipalityId) -> Result<Vec<IncidentCategory>> {
    let mut st = db.prepare_cached(
        "SELECT id, position, name FROM incident_category WHERE municipality_id = ?1 \
         ORDER BY position, id",
    )?;
    st.query_map([m], |r| {
        Ok(IncidentCategory {
            id: r.get("id")?,
            municipality: m,
            position: r.get("position")?,
            name: r.get("name")?,
        })
    })?
    .collect()
}

/// A kategori made for kommun `m`: its id derived from the kommun and the name, so that
/// two installations that make the same one agree (the exchange).
fn make_category(
    tx: &Db,
    m: MunicipalityId,
    position: i64,
    name: &str,
) -> Result<IncidentCategory> {
    let key = format!("{}", m.0);
    let id = rows::natural_id(
        tx,
        "incident_category",
        &["incident_category", &key, &name.to_lowercase()],
    )?;
    let row = binding![":municipality_id" => m, ":position" => position, ":name" => name];
    rows::insert(tx, "incident_category", Some(id), &row)?;
    Ok(IncidentCategory {
        id: IncidentCategoryId(id),
        municipality: m,
        position,
        name: name.to_string(),
    })
}

/// The kommun's kategorier, the default list made the first time one is needed.
pub(super) fn categories_or_defaults(tx: &Db, m: MunicipalityId) -> Result<Vec<IncidentCategory>> {
    let have = read_categories(tx, m)?;
    if !have.is_empty() {
        return Ok(have);
    }
    DEFAULT_CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, n)| make_category(tx, m, i as i64, n))
        .collect()
}

pub(super) fn find<'c>(list: &'c [IncidentCategory], name: &str) -> Option<&'c IncidentCategory> {
    let l = name.trim().to_lowercase();
    list.iter().find(|c| c.name.to_lowercase() == l)
}

pub(super) fn names(list: &[IncidentCategory]) -> String {
    list.iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The kommun's kategorier in their order (the default list when it has none yet).
    pub fn incident_categories(&self, m: MunicipalityId) -> Result<Vec<IncidentCategory>> {
        let have = read_categories(&self.conn, m)?;
        if have.is_empty() {
            return Ok(DEFAULT_CATEGORIES
                .iter()
                .enumerate()
                .map(|(i, n)| IncidentCategory {
                    id: IncidentCategoryId::NEW,
                    municipality: m,
                    position: i as i64,
                    name: n.to_string(),
                })
                .collect());
        }
        Ok(have)
    }

    /// Records a händelse; its kategori must be one of the kommun's.
    pub fn add_incident(&mut self, d: &IncidentDraft) -> Result<IncidentId> {
        let place = check_text("Plats", &d.place, true, false)?;
        let area = check_text("Område", &d.area, false, false)?;
        let source = check_text("Källa", &d.source, false, false)?;
        let description = check_text("Beskrivning", &d.description, false, true)?;
        check_date(d.date)?;
        let count = check_count(i64::from(d.count))?;
        let tx = self.write_tx()?;
        let list = categories_or_defaults(&tx, d.municipality)?;
        let category = find(&list, &d.category).ok_or_else(|| Invalid::UnknownCategory {
            name: crate::validate::clip(d.category.trim(), 40),
            known: names(&list),
        })?;
        let row = binding![
            ":municipality_id" => d.municipality,
            ":category_id" => category.id,
            ":date" => d.date,
            ":time" => d.time.map(|t| t.format("%H:%M").to_string()),
            ":area" => area,
            ":place" => place,
            ":source" => source,
            ":count" => count,
            ":description" => description,
        ];
        let id = rows::insert(&tx, "incident", None, &row)?;
        tx.commit()?;
        Ok(IncidentId(id))
    }

    /// Every row of a file into kommun `m`, in one transaction; kategorier it names that
    /// the kommun lacks are made (and listed).
    pub fn import_incidents(
        &mut self,
        m: MunicipalityId,
        rows_in: &[IncidentRow],
    ) -> Result<IncidentImport> {
        let tx = self.write_tx()?;
        let mut list = categories_or_defaults(&tx, m)?;
        let mut new_categories = Vec::new();
        let mut ids = Ids::of(&tx, "incident")?;
        let mut st = tx.prepare_cached(
            "INSERT INTO incident(id, municipality_id, category_id, date, time, area, place, \
             source, count, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for r in rows_in {
            let category = match find(&list, &r.category) {
                Some(c) => c.id,
                None => {
                    let position = list.iter().map(|c| c.position).max().unwrap_or(-1) + 1;
                    let c = make_category(&tx, m, position, r.category.trim())?;
                    new_categories.push(c.name.clone());
                    let id = c.id;
                    list.push(c);
                    id
                }
            };
            st.execute(rusqlite::params![
                ids.next(),
                m,
                category,
                r.date,
                r.time.map(|t| t.format("%H:%M").to_string()),
                r.area,
                r.place,
                r.source,
                r.count,
                r.description,
            ])?;
        }
        drop(st);
        tx.commit()?;
        Ok(IncidentImport {
            rows: rows_in.len(),
            new_categories,
        })
    }

    /// The kommun's händelser in a window, newest first (for the list under the form).
    pub fn incidents(&self, m: MunicipalityId, w: Window) -> Result<Vec<Incident>> {
        let sql = format!(
            "SELECT {INCIDENT_COLUMNS} FROM incident \
             WHERE municipality_id = :m AND date BETWEEN :from AND :to \
             ORDER BY date DESC, id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_map(
            rusqlite::named_params! {":m": m, ":from": w.from, ":to": w.to},
            from_row,
        )?
        .collect()
    }

    /// Removes a händelse; returns it as it was (for Ångra).
    pub fn remove_incident(&mut self, id: IncidentId) -> Result<Incident> {
        let tx = self.write_tx()?;
        let gone = tx
            .query_row(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incident WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Händelse {id}")))?;
        tx.execute("DELETE FROM incident WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(gone)
    }

    /// Puts a removed händelse back under its old id (Ångra); refused when its kategori
    /// is gone or the id is taken meanwhile.
    pub fn restore_incident(&mut self, i: &Incident) -> Result<()> {
        let tx = self.write_tx()?;
        let row = binding![
            ":municipality_id" => i.municipality,
            ":category_id" => i.category,
            ":date" => i.date,
            ":time" => i.time.map(|t| t.format("%H:%M").to_string()),
            ":area" => i.area.as_str(),
            ":place" => i.place.as_str(),
            ":source" => i.source.as_str(),
            ":count" => i.count,
            ":description" => i.description.as_str(),
        ];
        rows::insert(&tx, "incident", Some(i.id.0), &row)?;
        tx.commit()?;
        Ok(())
    }

    /// The kommun's händelser per kategori and month from `from` to `to` (whole months):
    /// `(kategori, "ÅÅÅÅ-MM", antal)`, for the small charts of the lägesbild.
    pub fn incident_months(
        &self,
        m: MunicipalityId,
        w: Window,
    ) -> Result<Vec<(String, String, u64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.name AS name, substr(CAST(i.date AS TEXT), 1, 7) AS month, \
             sum(i.count) AS n FROM incident i JOIN incident_category c ON c.id = i.category_id \
             WHERE i.municipality_id = :m AND i.date BETWEEN :from AND :to \
             GROUP BY c.name, substr(CAST(i.date AS TEXT), 1, 7)",
        )?;
        st.query_map(
            rusqlite::named_params! {":m": m, ":from": w.from, ":to": w.to},
            |r| {
                Ok((
                    r.get::<_, String>("name")?,
                    r.get::<_, String>("month")?,
                    r.get::<_, i64>("n")?.max(0) as u64,
                ))
            },
        )?
        .collect()
    }

    /// The händelser per day at the place the lägesbild names `name` ("Stortorget
    /// (Centrum)"), with the place as recorded (to find the insatser there).
    pub fn incident_days_at(
        &self,
        m: MunicipalityId,
        name: &str,
        w: Window,
    ) -> Result<(String, Vec<(chrono::NaiveDate, u64)>)> {
        let mut st = self.conn.prepare_cached(
            "SELECT area, place, date, sum(count) AS n FROM incident \
             WHERE municipality_id = :m AND date BETWEEN :from AND :to \
             GROUP BY area, place, date ORDER BY date",
        )?;
        let rows: Vec<(String, String, chrono::NaiveDate, u64)> = st
            .query_map(
                rusqlite::named_params! {":m": m, ":from": w.from, ":to": w.to},
                |r| {
                    Ok((
                        r.get("area")?,
                        r.get("place")?,
                        r.get("date")?,
                        r.get::<_, i64>("n")?.max(0) as u64,
                    ))
                },
            )?
            .collect::<Result<_>>()?;
        let mut place = String::new();
        let days = rows
            .into_iter()
            .filter(|(a, p, _, _)| place_name(a, p) == name)
            .map(|(_, p, d, n)| {
                place = p;
                (d, n)
            })
            .collect();
        Ok((place, days))
    }

    /// Counts per kategori and per område (or plats, without område), largest first.
    pub fn incident_counts(
        &self,
        m: MunicipalityId,
        w: Window,
    ) -> Result<crate::domain::situation::IncidentCounts> {
        let count = |sql: &str| -> Result<Vec<(String, u64)>> {
            let mut rows = named_counts(&self.conn, sql, m, w)?;
            rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Ok(rows)
        };
        Ok(crate::domain::situation::IncidentCounts {
            categories: count(PER_CATEGORY)?,
            areas: count(
                "SELECT CASE WHEN trim(area) = '' THEN trim(place) ELSE trim(area) END AS name, \
                 sum(count) AS n FROM incident \
                 WHERE municipality_id = :m AND date BETWEEN :from AND :to \
                 GROUP BY CASE WHEN trim(area) = '' THEN trim(place) ELSE trim(area) END",
            )?,
        })
    }

    /// The lägesbild of kommun `m` for window `w`: counts per kategori and per place
    /// beside the window before and the same window a year before; places by rise.
    pub fn situation(&self, m: MunicipalityId, w: Window) -> Result<Situation> {
        let per_category = |w: Window| named_counts(&self.conn, PER_CATEGORY, m, w);
        let per_place = |w: Window| -> Result<Vec<(String, u64)>> {
            let mut st = self.conn.prepare_cached(
                "SELECT area, place, sum(count) AS n FROM incident \
                 WHERE municipality_id = :m AND date BETWEEN :from AND :to GROUP BY area, place",
            )?;
            st.query_map(
                rusqlite::named_params! {":m": m, ":from": w.from, ":to": w.to},
                |r| {
                    let area: String = r.get("area")?;
                    let place: String = r.get("place")?;
                    Ok((
                        place_name(&area, &place),
                        r.get::<_, i64>("n")?.max(0) as u64,
                    ))
                },
            )?
            .collect()
        };
        let (p, y) = (w.previous(), w.year_before());
        let mut categories = compare(&per_category(w)?, &per_category(p)?, &per_category(y)?);
        // In the kommun's own order of kategorier.
        let order = self.incident_categories(m)?;
        categories.sort_by_key(|c| {
            order
                .iter()
                .position(|o| o.name == c.name)
                .unwrap_or(usize::MAX)
        });
        let places = by_rise(compare(&per_place(w)?, &per_place(p)?, &per_place(y)?));
        Ok(Situation {
            window: w,
            categories,
            places,
        })
    }
}
