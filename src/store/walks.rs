//! Trygghetsvandringar and their observations.

use super::db::{Optional, Row};
use super::rows::{self, Binding, binding};
use super::{Names, Result, Store, StoreError, names, prefixed};
use crate::domain::{
    MunicipalityId, Observation, ObservationId, ObservationStatus, OpenObservation, SafetyWalk,
    WalkId, WalkSummary,
};
use crate::store::db::Db;
use crate::validate::{Invalid, validate_observation, validate_walk};
use chrono::NaiveDate;
use rusqlite::{named_params, params};

const WALK_COLS: &str = "id, municipality_id, date, time_of_day, area, organisations, participants, notes, commitment_id, revisit_of, version";
const OBS_COLS: &str = "id, walk_id, place, category, description, measure, responsible, deadline, \
                        status, status_reason, updated_on, positive, latitude, longitude, version";

fn walk_from_row(r: &Row) -> rusqlite::Result<SafetyWalk> {
    Ok(SafetyWalk {
        version: r.get("version")?,
        id: r.get("id")?,
        municipality: r.get("municipality_id")?,
        date: r.get("date")?,
        time_of_day: r.get("time_of_day")?,
        area: r.get("area")?,
        organisations: r.get::<_, Names>("organisations")?.0,
        participants: r.get("participants")?,
        notes: r.get("notes")?,
        commitment: r.get("commitment_id")?,
        revisit_of: r.get("revisit_of")?,
    })
}

fn obs_from_row(r: &Row) -> rusqlite::Result<Observation> {
    Ok(Observation {
        version: r.get("version")?,
        id: r.get("id")?,
        walk: r.get("walk_id")?,
        place: r.get("place")?,
        category: r.get("category")?,
        description: r.get("description")?,
        measure: r.get("measure")?,
        responsible: r.get("responsible")?,
        deadline: r.get("deadline")?,
        status: r.get("status")?,
        status_reason: r.get("status_reason")?,
        updated_on: r.get("updated_on")?,
        positive: r.get("positive")?,
        position: match (
            r.get::<_, Option<f64>>("latitude")?,
            r.get::<_, Option<f64>>("longitude")?,
        ) {
            (Some(lat), Some(lon)) => crate::domain::GeoPoint::from_degrees(lat, lon),
            _ => None,
        },
    })
}

/// The position as the two REAL columns.
fn lat_lon(o: &Observation) -> (Option<f64>, Option<f64>) {
    (o.position.map(|p| p.lat()), o.position.map(|p| p.lon()))
}

/// The columns an edit may change, shared by INSERT and UPDATE.
fn walk_fields(w: &SafetyWalk) -> Binding<'_> {
    binding![
        ":date" => w.date,
        ":time_of_day" => w.time_of_day.key(),
        ":area" => &w.area,
        ":organisations" => names(&w.organisations),
        ":participants" => w.participants,
        ":notes" => &w.notes,
        ":commitment_id" => w.commitment,
    ]
}

fn insert_walk_row(tx: &Db, w: &SafetyWalk, id: Option<WalkId>) -> Result<WalkId> {
    let mut row = binding![
        ":municipality_id" => w.municipality,
        ":revisit_of" => w.revisit_of,
        ":version" => w.version,
    ];
    row.extend(walk_fields(w));
    rows::insert(tx, "safety_walk", id.map(|i| i.0), &row).map(WalkId)
}

/// The photos of one observation, in order.
fn photos_of(tx: &Db, id: ObservationId) -> Result<Vec<crate::domain::Photo>> {
    let mut st = tx.prepare_cached(
        "SELECT id, jpeg, width, height FROM observation_photo WHERE observation_id = ?1 \
         ORDER BY position, id",
    )?;
    let rows = st.query_map([id.0], |r| {
        Ok(crate::domain::Photo {
            id: r.get("id")?,
            jpeg: r.get("jpeg")?,
            width: r.get("width")?,
            height: r.get("height")?,
        })
    })?;
    rows.collect::<Result<_>>()
}

fn insert_photo_row(
    tx: &Db,
    observation: ObservationId,
    position: i64,
    p: &crate::domain::Photo,
) -> Result<crate::domain::PhotoId> {
    let row = binding![
        ":observation_id" => observation,
        ":position" => position,
        ":jpeg" => &p.jpeg,
        ":width" => p.width,
        ":height" => p.height,
    ];
    rows::insert(tx, "observation_photo", None, &row).map(crate::domain::PhotoId)
}

/// One line of an observation's status history.
fn insert_status_change(
    tx: &Db,
    observation: ObservationId,
    status: crate::domain::ObservationStatus,
    reason: &str,
    on: NaiveDate,
) -> Result<i64> {
    let row = binding![
        ":observation_id" => observation,
        ":status" => status.key(),
        ":reason" => reason,
        ":changed_on" => on,
    ];
    rows::insert(tx, "observation_status_change", None, &row)
}

/// An observation's deadline is never before its walk.
fn check_deadline(tx: &Db, o: &Observation) -> Result<()> {
    let walk: Option<chrono::NaiveDate> = tx
        .query_row(
            "SELECT date FROM safety_walk WHERE id = ?1",
            [o.walk.0],
            |r| r.get(0),
        )
        .optional()?;
    match (walk, o.deadline) {
        (None, _) => Err(StoreError::NotFound(format!(
            "Trygghetsvandring {}",
            o.walk
        ))),
        (Some(w), Some(d)) if d < w => Err(Invalid::DeadlineBeforeWalk {
            deadline: d,
            walk: w,
        }
        .into()),
        _ => Ok(()),
    }
}

/// The columns an edit may change, shared by INSERT and UPDATE.
fn observation_fields(o: &Observation) -> Binding<'_> {
    binding![
        ":place" => &o.place,
        ":category" => o.category.key(),
        ":description" => &o.description,
        ":measure" => &o.measure,
        ":responsible" => &o.responsible,
        ":deadline" => o.deadline,
        ":status" => o.status.key(),
        ":status_reason" => &o.status_reason,
        ":updated_on" => o.updated_on,
        ":positive" => o.positive,
        ":latitude" => lat_lon(o).0,
        ":longitude" => lat_lon(o).1,
    ]
}

fn insert_observation_row(
    tx: &Db,
    o: &Observation,
    position: i64,
    id: Option<ObservationId>,
) -> Result<ObservationId> {
    let mut row = binding![":walk_id" => o.walk, ":position" => position, ":version" => o.version];
    row.extend(observation_fields(o));
    rows::insert(tx, "observation", id.map(|i| i.0), &row).map(ObservationId)
}

impl Store {
    pub fn add_walk(&mut self, w: &SafetyWalk) -> Result<WalkId> {
        let w = validate_walk(w)?;
        let tx = self.write_tx()?;
        if let Some(c) = w.commitment {
            super::activities::check_commitment_of(&tx, c, w.municipality)?;
        }
        let id = insert_walk_row(&tx, &w, None)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn update_walk(&mut self, w: &SafetyWalk) -> Result<()> {
        let w = validate_walk(w)?;
        let tx = self.write_tx()?;
        if let Some(c) = w.commitment {
            let kommun: Option<i64> = tx
                .query_row(
                    "SELECT municipality_id FROM safety_walk WHERE id = ?1",
                    [w.id.0],
                    |r| r.get(0),
                )
                .optional()?;
            let kommun = kommun
                .ok_or_else(|| StoreError::NotFound(format!("Trygghetsvandring {}", w.id)))?;
            super::activities::check_commitment_of(&tx, c, crate::domain::MunicipalityId(kommun))?;
        }
        // A walk moved past one of its observations' deadlines would leave a deadline
        // before the walk: refused, as an observation typed so is.
        let early: Option<(NaiveDate, String)> = tx
            .query_row(
                "SELECT deadline, place FROM observation WHERE walk_id = ?1 \
                 AND deadline IS NOT NULL AND deadline < ?2 ORDER BY deadline LIMIT 1",
                params![w.id.0, w.date],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((deadline, place)) = early {
            return Err(Invalid::WalkAfterDeadline {
                walk: w.date,
                deadline,
                place,
            }
            .into());
        }
        rows::update_versioned(
            &tx,
            "safety_walk",
            w.id.0,
            w.version,
            &walk_fields(&w),
            || format!("Trygghetsvandring {}", w.id),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a walk with its observations (cascade).
    pub fn delete_walk(&mut self, id: WalkId) -> Result<()> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM safety_walk WHERE id = ?1", [id.0])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("Trygghetsvandring {id}")));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn walk(&self, id: WalkId) -> Result<SafetyWalk> {
        self.conn
            .query_row(
                &format!("SELECT {WALK_COLS} FROM safety_walk WHERE id = ?1"),
                [id.0],
                walk_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Trygghetsvandring {id}")))
    }

    /// A kommun's walks, newest first.
    pub fn walks(&self, m: MunicipalityId) -> Result<Vec<SafetyWalk>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {WALK_COLS} FROM safety_walk WHERE municipality_id = ?1 ORDER BY date DESC, id DESC"
        ))?;
        let rows = st.query_map([m.0], walk_from_row)?;
        rows.collect::<Result<_>>()
    }

    /// Adds an observation to a walk; its first status is recorded in the history.
    pub fn add_observation(&mut self, o: &Observation) -> Result<ObservationId> {
        let o = validate_observation(o)?;
        let tx = self.write_tx()?;
        check_deadline(&tx, &o)?;
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM observation WHERE walk_id = ?1",
            [o.walk.0],
            |r| r.get(0),
        )?;
        let id = insert_observation_row(&tx, &o, pos, None)?;
        insert_status_change(&tx, id, o.status, &o.status_reason, o.updated_on)?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves an observation; a changed status is stamped with `o.updated_on` in the history.
    /// Ångra of a status change: observation `before.id` gets back the status, reason and
    /// date it had and loses the history line the change added — only if its status is
    /// still `now` (nobody changed it since).
    pub fn revert_observation_status(
        &mut self,
        before: &Observation,
        now: crate::domain::ObservationStatus,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        let n = tx.execute(
            "UPDATE observation SET status = :status, status_reason = :reason, \
             updated_on = :on, version = version + 1 WHERE id = :id AND status = :now",
            named_params! {
                ":status": before.status.key(),
                ":reason": before.status_reason,
                ":on": before.updated_on,
                ":id": before.id,
                ":now": now.key(),
            },
        )?;
        if n == 0 {
            return Err(StoreError::UndoConflict);
        }
        tx.execute(
            // Ids grow with time (`rows::new_id`): the highest is the latest line.
            "DELETE FROM observation_status_change WHERE id = (SELECT max(id) FROM \
             observation_status_change WHERE observation_id = ?1 AND status = ?2)",
            params![before.id.0, now.key()],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn update_observation(&mut self, o: &Observation) -> Result<()> {
        let o = validate_observation(o)?;
        let tx = self.write_tx()?;
        check_deadline(&tx, &o)?;
        let old: Option<String> = tx
            .query_row(
                "SELECT status FROM observation WHERE id = ?1",
                [o.id.0],
                |r| r.get(0),
            )
            .optional()?;
        let Some(old) = old else {
            return Err(StoreError::NotFound(format!("Iakttagelse {}", o.id)));
        };
        rows::update_versioned(
            &tx,
            "observation",
            o.id.0,
            o.version,
            &observation_fields(&o),
            || format!("Iakttagelse {}", o.id),
        )?;
        if old != o.status.key() {
            insert_status_change(&tx, o.id, o.status, &o.status_reason, o.updated_on)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn observation(&self, id: ObservationId) -> Result<Observation> {
        self.conn
            .query_row(
                &format!("SELECT {OBS_COLS} FROM observation WHERE id = ?1"),
                [id.0],
                obs_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Iakttagelse {id}")))
    }

    pub fn delete_observation(&mut self, id: ObservationId) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM observation WHERE id = ?1", [id.0])?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a prepared photo (see `photo::prepare`) after the observation's others.
    pub fn add_photo(
        &mut self,
        observation: ObservationId,
        p: &crate::domain::Photo,
    ) -> Result<crate::domain::PhotoId> {
        let tx = self.write_tx()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM observation WHERE id = ?1)",
            [observation.0],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(StoreError::NotFound(format!("Iakttagelse {observation}")));
        }
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM observation_photo WHERE observation_id = ?1",
            [observation.0],
            |r| r.get(0),
        )?;
        let id = insert_photo_row(&tx, observation, pos, p)?;
        tx.commit()?;
        Ok(id)
    }

    /// The photos of one observation, in order (only the walk view and the protokoll
    /// read them; the board never does).
    pub fn photos(&self, observation: ObservationId) -> Result<Vec<crate::domain::Photo>> {
        photos_of(&self.conn, observation)
    }

    /// Removes one photo.
    pub fn delete_photo(&mut self, id: crate::domain::PhotoId) -> Result<()> {
        let tx = self.write_tx()?;
        if tx.execute("DELETE FROM observation_photo WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound(format!("Foto {id}")));
        }
        tx.commit()?;
        Ok(())
    }

    /// How many photos each observation of a walk has.
    pub fn photo_counts(
        &self,
        walk: WalkId,
    ) -> Result<std::collections::HashMap<ObservationId, usize>> {
        let mut st = self.conn.prepare_cached(
            "SELECT p.observation_id, count(*) FROM observation_photo p \
             JOIN observation o ON o.id = p.observation_id WHERE o.walk_id = ?1 \
             GROUP BY p.observation_id",
        )?;
        let rows = st.query_map([walk.0], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        rows.collect::<Result<_>>()
    }

    /// Deletes one observation and returns it with its place and history, for undo.
    pub fn delete_observation_for_undo(&mut self, id: ObservationId) -> Result<DeletedObservation> {
        let observation = self.observation(id)?;
        let history = self.observation_history(id)?;
        let tx = self.write_tx()?;
        let position: i64 = tx.query_row(
            "SELECT position FROM observation WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        let photos = photos_of(&tx, id)?;
        tx.execute("DELETE FROM observation WHERE id = ?1", [id.0])?;
        tx.commit()?;
        Ok(DeletedObservation {
            observation,
            position,
            history,
            photos,
        })
    }

    /// Puts a deleted observation back as it was: id, place, history and photos.
    pub fn restore_observation(&mut self, d: &DeletedObservation) -> Result<()> {
        let o = validate_observation(&d.observation)?;
        let tx = self.write_tx()?;
        insert_observation_row(&tx, &o, d.position, Some(o.id))?;
        for (status, reason, on) in &d.history {
            insert_status_change(&tx, o.id, *status, reason, *on)?;
        }
        for (i, p) in d.photos.iter().enumerate() {
            insert_photo_row(&tx, o.id, i as i64, p)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn observations(&self, walk: WalkId) -> Result<Vec<Observation>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {OBS_COLS} FROM observation WHERE walk_id = ?1 ORDER BY position, id"
        ))?;
        let rows = st.query_map([walk.0], obs_from_row)?;
        rows.collect::<Result<_>>()
    }

    /// A kommun's walks, oldest first, with their observations: two queries in all.
    pub fn walks_with_observations(
        &self,
        m: MunicipalityId,
    ) -> Result<Vec<(SafetyWalk, Vec<Observation>)>> {
        let mut walks: Vec<(SafetyWalk, Vec<Observation>)> = self
            .walks(m)?
            .into_iter()
            .rev()
            .map(|w| (w, Vec::new()))
            .collect();
        let index: std::collections::HashMap<WalkId, usize> = walks
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.id, i))
            .collect();
        let cols = prefixed(OBS_COLS, "o");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {cols} FROM observation o JOIN safety_walk w ON w.id = o.walk_id \
             WHERE w.municipality_id = ?1 ORDER BY o.walk_id, o.position, o.id"
        ))?;
        for o in st.query_map([m.0], obs_from_row)? {
            let o = o?;
            if let Some(&i) = index.get(&o.walk) {
                walks[i].1.push(o);
            }
        }
        Ok(walks)
    }

    /// Status history of an observation, oldest first.
    pub fn observation_history(&self, id: ObservationId) -> Result<Vec<StatusChange>> {
        let mut st = self.conn.prepare_cached(
            "SELECT status, reason, changed_on FROM observation_status_change \
             WHERE observation_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok((r.get("status")?, r.get("reason")?, r.get("changed_on")?))
        })?;
        rows.collect::<Result<_>>()
    }
}

/// One entry of an observation's status history: status, reason, day of change.
pub type StatusChange = (ObservationStatus, String, NaiveDate);

/// A deleted observation with its place, history and photos, so that Ångra puts it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedObservation {
    pub observation: Observation,
    pub position: i64,
    pub history: Vec<StatusChange>,
    pub photos: Vec<crate::domain::Photo>,
}

/// Everything a deleted walk had, so that the delete can be undone exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedWalk {
    pub walk: SafetyWalk,
    /// Each observation with its status history and photos.
    pub observations: Vec<(Observation, Vec<StatusChange>, Vec<crate::domain::Photo>)>,
}

impl Store {
    /// A kommun's walks with observation counts, newest first.
    pub fn walk_summaries(&self, m: MunicipalityId) -> Result<Vec<WalkSummary>> {
        let cols = prefixed(WALK_COLS, "w");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {cols}, count(o.id) AS observations, \
             count(*) FILTER (WHERE o.status IN ('ny', 'pagar') AND NOT o.positive) AS open \
             FROM safety_walk w LEFT JOIN observation o ON o.walk_id = w.id \
             WHERE w.municipality_id = ?1 GROUP BY w.id ORDER BY w.date DESC, w.id DESC"
        ))?;
        let rows = st.query_map([m.0], |r| {
            Ok(WalkSummary {
                walk: walk_from_row(r)?,
                observations: r.get("observations")?,
                open: r.get("open")?,
            })
        })?;
        rows.collect::<Result<_>>()
    }

    /// Open observations (ny, pågår) of all the kommun's walks; overdue ones first, then
    /// by deadline, those without a deadline last.
    pub fn open_observations(
        &self,
        m: MunicipalityId,
        today: NaiveDate,
    ) -> Result<Vec<OpenObservation>> {
        let cols = prefixed(OBS_COLS, "o");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {cols}, w.date AS walk_date, w.area AS walk_area FROM observation o JOIN safety_walk w ON w.id = o.walk_id \
             WHERE w.municipality_id = ?1 AND o.status IN ('ny', 'pagar') AND NOT o.positive \
             ORDER BY o.deadline IS NULL, o.deadline, w.date, o.position"
        ))?;
        let rows = st.query_map([m.0], |r| {
            Ok(OpenObservation {
                observation: obs_from_row(r)?,
                walk_date: r.get("walk_date")?,
                walk_area: r.get("walk_area")?,
            })
        })?;
        let mut out: Vec<OpenObservation> = rows.collect::<Result<_>>()?;
        // Stable: overdue (deadline before today) first, the rest keep deadline order.
        out.sort_by_key(|o| o.observation.deadline.is_none_or(|d| d >= today));
        Ok(out)
    }

    /// Deletes a walk with its observations and returns all of it for undo.
    pub fn delete_walk_for_undo(&mut self, id: WalkId) -> Result<DeletedWalk> {
        let walk = self.walk(id)?;
        let mut observations = Vec::new();
        for o in self.observations(id)? {
            let h = self.observation_history(o.id)?;
            let photos = self.photos(o.id)?;
            observations.push((o, h, photos));
        }
        self.delete_walk(id)?;
        Ok(DeletedWalk { walk, observations })
    }

    /// Puts back a deleted walk with the same ids, observations and status history.
    pub fn restore_walk(&mut self, d: &DeletedWalk) -> Result<()> {
        let w = validate_walk(&d.walk)?;
        let tx = self.write_tx()?;
        insert_walk_row(&tx, &w, Some(w.id))?;
        for (i, (o, history, photos)) in d.observations.iter().enumerate() {
            insert_observation_row(&tx, o, i as i64, Some(o.id))?;
            for (j, p) in photos.iter().enumerate() {
                insert_photo_row(&tx, o.id, j as i64, p)?;
            }
            for (status, reason, on) in history {
                insert_status_change(&tx, o.id, *status, reason, *on)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
