//! Insatser.

use super::db::{Optional, Row};
use super::{Result, Store, StoreError, prefixed};
use crate::domain::{Activity, ActivityId, CommitmentId, MunicipalityId, PledgeId};
use crate::store::db::Db;
use crate::validate::{Invalid, check_count, check_date, check_text};
use rusqlite::params;

const COLS: &str = "id, municipality_id, commitment_id, target_id, date, party, count, place, \
                    description, internal_note, version";

fn from_row(r: &Row) -> rusqlite::Result<Activity> {
    Ok(Activity {
        version: r.get("version")?,
        id: r.get("id")?,
        municipality: r.get("municipality_id")?,
        commitment: r.get("commitment_id")?,
        target: r.get("target_id")?,
        date: r.get("date")?,
        by: r.get("party")?,
        count: r.get("count")?,
        place: r.get("place")?,
        description: r.get("description")?,
        internal_note: r.get("internal_note")?,
    })
}

/// Field-level check of an insats; the GUI shows the same messages next to the fields.
pub fn validate_activity(a: &Activity) -> std::result::Result<Activity, Invalid> {
    check_date(a.date)?;
    let count = check_count(a.count as i64)?;
    Ok(Activity {
        count,
        place: check_text("Plats", &a.place, false, false)?,
        description: check_text("Beskrivning", &a.description, false, true)?,
        internal_note: check_text("Intern anteckning", &a.internal_note, false, true)?,
        ..a.clone()
    })
}

/// The columns an edit may change, shared by INSERT and UPDATE.
fn fields(a: &Activity) -> super::rows::Binding<'_> {
    super::rows::binding![
        ":commitment_id" => a.commitment,
        ":target_id" => a.target,
        ":date" => a.date,
        ":party" => a.by,
        ":count" => a.count,
        ":place" => &a.place,
        ":description" => &a.description,
        ":internal_note" => &a.internal_note,
    ]
}

/// Inserts one activity row, with its own id (restore) or a new one.
fn insert_activity_row(tx: &Db, a: &Activity, id: Option<ActivityId>) -> Result<ActivityId> {
    // A restored insats keeps the edit counter it had (Ångra puts it back exactly).
    let mut row =
        super::rows::binding![":municipality_id" => a.municipality, ":version" => a.version];
    row.extend(fields(a));
    super::rows::insert(tx, "activity", id.map(|i| i.0), &row).map(ActivityId)
}

/// Checks that löfte `c` belongs to kommun `municipality` (an insats, a walk or a beslut
/// is only ever counted on its own kommun's löften).
pub(super) fn check_commitment_of(
    tx: &Db,
    c: crate::domain::CommitmentId,
    municipality: crate::domain::MunicipalityId,
) -> Result<()> {
    let owner: Option<i64> = tx
        .query_row(
            "SELECT p.municipality_id FROM commitment c JOIN section s ON s.id = c.section_id \
             JOIN pledge p ON p.id = s.pledge_id WHERE c.id = ?1",
            [c.0],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        None => Err(StoreError::NotFound(format!("Löfte {c}"))),
        Some(m) if m != municipality.0 => Err(Invalid::CommitmentOfOtherKommun(c).into()),
        _ => Ok(()),
    }
}

/// Checks that the löfte and target belong together and to the kommun.
fn check_links(tx: &Db, a: &Activity) -> Result<()> {
    if let Some(c) = a.commitment {
        check_commitment_of(tx, c, a.municipality)?;
    }
    if let Some(t) = a.target {
        let owner: Option<i64> = tx
            .query_row(
                "SELECT commitment_id FROM target WHERE id = ?1",
                [t.0],
                |r| r.get(0),
            )
            .optional()?;
        if owner.is_none() || owner != a.commitment.map(|c| c.0) {
            return Err(Invalid::TargetOfOtherCommitment(t).into());
        }
    }
    Ok(())
}

impl Store {
    /// Records an insats (its `id` is ignored) and returns the new id.
    pub fn add_activity(&mut self, a: &Activity) -> Result<ActivityId> {
        self.insert_activity(a, None, &[])
    }

    /// Records an insats that carries fokusområden of its kommun's agreement (with or
    /// without a löfte), in one transaction.
    pub fn add_activity_with_focus(
        &mut self,
        a: &Activity,
        areas: &[crate::domain::FocusAreaId],
    ) -> Result<ActivityId> {
        self.insert_activity(a, None, areas)
    }

    /// Puts back an insats exactly as it was, with its old id (undo of a delete).
    pub fn restore_activity(&mut self, a: &Activity) -> Result<()> {
        self.insert_activity(a, Some(a.id), &[]).map(|_| ())
    }

    fn insert_activity(
        &mut self,
        a: &Activity,
        id: Option<ActivityId>,
        areas: &[crate::domain::FocusAreaId],
    ) -> Result<ActivityId> {
        let a = validate_activity(a)?;
        let tx = self.write_tx()?;
        check_links(&tx, &a)?;
        let id = insert_activity_row(&tx, &a, id)?;
        super::agreements::link_activity(&tx, id, a.municipality, areas)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn update_activity(&mut self, a: &Activity) -> Result<()> {
        let a = validate_activity(a)?;
        let tx = self.write_tx()?;
        check_links(&tx, &a)?;
        super::rows::update_versioned(&tx, "activity", a.id.0, a.version, &fields(&a), || {
            format!("Insats {}", a.id)
        })?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes the insats `a` only if it is stored exactly as given (undo of an add): after
    /// a restore or another program's change the same id may be another record.
    pub fn delete_activity_if_unchanged(&mut self, a: &Activity) -> Result<()> {
        let tx = self.write_tx()?;
        let stored = tx
            .query_row(
                &format!("SELECT {COLS} FROM activity WHERE id = ?1"),
                [a.id],
                from_row,
            )
            .optional()?;
        if stored.as_ref() != Some(a) {
            return Err(StoreError::UndoConflict);
        }
        tx.execute("DELETE FROM activity WHERE id = ?1", [a.id])?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an insats and returns it, so that the delete can be undone.
    pub fn delete_activity(&mut self, id: ActivityId) -> Result<Activity> {
        let tx = self.write_tx()?;
        let a = tx
            .query_row(
                &format!("SELECT {COLS} FROM activity WHERE id = ?1"),
                [id.0],
                from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Insats {id}")))?;
        tx.execute("DELETE FROM activity WHERE id = ?1", [id.0])?;
        tx.commit()?;
        Ok(a)
    }

    pub fn activity(&self, id: ActivityId) -> Result<Activity> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM activity WHERE id = ?1"),
                [id.0],
                from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Insats {id}")))
    }

    /// A löfte's insatser, newest first.
    pub fn activities_for_commitment(&self, c: CommitmentId) -> Result<Vec<Activity>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLS} FROM activity WHERE commitment_id = ?1 ORDER BY date DESC, id DESC"
        ))?;
        let rows = st.query_map([c.0], from_row)?;
        rows.collect::<Result<_>>()
    }

    /// Every insats of a medborgarlöfte's löften, oldest first (one query).
    pub fn activities_of_pledge(&self, p: PledgeId) -> Result<Vec<Activity>> {
        let cols = prefixed(COLS, "a");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {cols} FROM activity a JOIN commitment c ON c.id = a.commitment_id \
             JOIN section s ON s.id = c.section_id WHERE s.pledge_id = ?1 ORDER BY a.date, a.id"
        ))?;
        let rows = st.query_map([p.0], from_row)?;
        rows.collect::<Result<_>>()
    }

    /// All of a kommun's insatser dated within [from, to], oldest first.
    pub fn activities_between(
        &self,
        m: MunicipalityId,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<Activity>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLS} FROM activity WHERE municipality_id = ?1 AND date >= ?2 AND date <= ?3 \
             ORDER BY date, id"
        ))?;
        let rows = st.query_map(params![m, from, to], from_row)?;
        rows.collect::<Result<_>>()
    }

    pub fn activity_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM activity", (), |r| r.get(0))?;
        Ok(n as u64)
    }
}
