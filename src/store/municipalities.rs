//! Lokalpolisområden and kommuner.

use super::db::{Optional, Row};
use super::{Result, Store, StoreError};
use crate::domain::{Municipality, MunicipalityId, PoliceArea, PoliceAreaId};
use crate::store::db::Db;
use crate::validate::check_text;
use rusqlite::params;

fn municipality_from_row(r: &Row) -> rusqlite::Result<Municipality> {
    Ok(Municipality {
        id: r.get("id")?,
        name: r.get("name")?,
        police_area: r.get("police_area_id")?,
    })
}

/// Every lokalpolisområde, by name (on the connection or inside a transaction).
fn all_police_areas(conn: &Db) -> Result<Vec<PoliceArea>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM police_area ORDER BY name")?;
    let rows = st.query_map((), |r| {
        Ok(PoliceArea {
            id: r.get("id")?,
            name: r.get("name")?,
        })
    })?;
    rows.collect::<Result<_>>()
}

/// The lokalpolisområde named `name`, without case and without "LPO "/"Lokalpolisområde ".
fn area_named(conn: &Db, name: &str) -> Result<Option<PoliceArea>> {
    let wanted = crate::validate::police_area_name(name).to_lowercase();
    Ok(all_police_areas(conn)?
        .into_iter()
        .find(|a| crate::validate::police_area_name(&a.name).to_lowercase() == wanted))
}

impl Store {
    pub fn police_areas(&self) -> Result<Vec<PoliceArea>> {
        all_police_areas(&self.conn)
    }

    /// The lokalpolisområde of that name, created if there is none. "LPO Karlshamn",
    /// "lokalpolisområde karlshamn" and "Karlshamn" are one area, as `--lpo` finds them.
    pub fn ensure_police_area(&mut self, name: &str) -> Result<PoliceAreaId> {
        let name = check_text(
            "Lokalpolisområdets namn",
            crate::validate::police_area_name(name),
            true,
            false,
        )?;
        let tx = self.write_tx()?;
        let id = match area_named(&tx, &name)? {
            Some(a) => a.id.0,
            None => super::rows::insert(
                &tx,
                "police_area",
                Some(super::rows::natural_id(
                    &tx,
                    "police_area",
                    &["police_area", &name.to_lowercase()],
                )?),
                &super::rows::binding![":name" => &name],
            )?,
        };
        tx.commit()?;
        Ok(PoliceAreaId(id))
    }

    /// A lokalpolisområde by name, without case and without "LPO "/"Lokalpolisområde ".
    pub fn police_area_by_name(&self, name: &str) -> Result<Option<PoliceArea>> {
        area_named(&self.conn, name)
    }

    pub fn municipalities(&self) -> Result<Vec<Municipality>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, name, police_area_id FROM municipality ORDER BY name")?;
        let rows = st.query_map((), municipality_from_row)?;
        rows.collect::<Result<_>>()
    }

    /// Finds a kommun by name, case-insensitively; "Bromölla kommun" also matches. The
    /// name as written wins: a kommun renamed "Sotenäs kommun" is found by that name.
    pub fn municipality_by_name(&self, name: &str) -> Result<Option<Municipality>> {
        let wanted = name.trim().to_lowercase();
        let short = wanted.strip_suffix(" kommun").map(str::trim);
        let all = self.municipalities()?;
        let by = |w: &str| all.iter().find(|m| m.name.to_lowercase() == w).cloned();
        Ok(by(&wanted).or_else(|| short.and_then(by)))
    }

    pub fn municipality(&self, id: MunicipalityId) -> Result<Municipality> {
        self.conn
            .query_row(
                "SELECT id, name, police_area_id FROM municipality WHERE id = ?1",
                [id],
                municipality_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Kommun {id}")))
    }

    pub fn add_municipality(&mut self, name: &str, area: PoliceAreaId) -> Result<MunicipalityId> {
        let name = check_text("Kommunens namn", name, true, false)?;
        let tx = self.write_tx()?;
        // SQLite's lower() only folds ASCII: compare in Rust so that "Ö" = "ö".
        let names: Vec<String> = {
            let mut st = tx.prepare("SELECT name FROM municipality")?;
            st.query_map((), |r| r.get(0))?.collect::<Result<_>>()?
        };
        let exists = names
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase());
        if exists {
            return Err(crate::validate::Invalid::KommunExists(name.to_string()).into());
        }
        let own =
            super::rows::natural_id(&tx, "municipality", &["municipality", &name.to_lowercase()])?;
        let row = super::rows::binding![":name" => name, ":police_area_id" => area];
        let id = super::rows::insert(&tx, "municipality", Some(own), &row)?;
        tx.commit()?;
        Ok(MunicipalityId(id))
    }

    /// Removes the lokalpolisområden that have no kommun left.
    pub fn remove_empty_police_areas(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "DELETE FROM police_area WHERE id NOT IN (SELECT police_area_id FROM municipality) \
             AND id NOT IN (SELECT police_area_id FROM meeting WHERE police_area_id IS NOT NULL)",
            (),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn rename_municipality(&mut self, id: MunicipalityId, name: &str) -> Result<()> {
        let name = check_text("Kommunens namn", name, true, false)?;
        self.update_one(
            "UPDATE municipality SET name = ?1 WHERE id = ?2",
            params![name, id.0],
            || format!("Kommun {id}"),
        )
    }
}
