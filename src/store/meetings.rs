//! Lägesbildsmöten and their beslut.

use super::db::{Optional, Row};
use super::rows::{self, Binding, binding};
use super::{Names, Result, Store, StoreError, names};
use crate::domain::{
    CommitmentId, Decision, DecisionId, DecisionItem, DecisionStatus, LofteRef, Meeting,
    MeetingGroup, MeetingId, MunicipalityId,
};
use crate::store::db::Db;
use crate::validate::{Invalid, validate_decision, validate_meeting};
use chrono::NaiveDate;
use rusqlite::params;

const MEETING_COLS: &str =
    "id, municipality_id, police_area_id, date, participants, notes, version";

/// The WHERE condition that picks a group's meetings (`?1` is its id).
fn of_group(g: MeetingGroup, alias: &str) -> (String, i64) {
    match g {
        MeetingGroup::Kommun(m) => (format!("{alias}municipality_id = ?1"), m.0),
        MeetingGroup::Area(a) => (format!("{alias}police_area_id = ?1"), a.0),
    }
}

/// The two columns of a group, for INSERT.
fn group_columns(g: MeetingGroup) -> (Option<i64>, Option<i64>) {
    match g {
        MeetingGroup::Kommun(m) => (Some(m.0), None),
        MeetingGroup::Area(a) => (None, Some(a.0)),
    }
}
const DECISION_COLS: &str = "d.id, d.meeting_id, d.text, d.responsible, d.deadline, \
     d.commitment_id, d.status, d.status_reason, d.status_date, d.version";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let group = match (
        r.get::<_, Option<MunicipalityId>>("municipality_id")?,
        r.get::<_, Option<crate::domain::PoliceAreaId>>("police_area_id")?,
    ) {
        (Some(m), _) => MeetingGroup::Kommun(m),
        (None, Some(a)) => MeetingGroup::Area(a),
        (None, None) => {
            return Err(rusqlite::Error::InvalidColumnType(
                1,
                "municipality_id".into(),
                rusqlite::types::Type::Null,
            ));
        }
    };
    Ok(Meeting {
        version: r.get("version")?,
        id: r.get("id")?,
        group,
        date: r.get("date")?,
        participants: r.get::<_, Names>("participants")?.0,
        notes: r.get("notes")?,
    })
}

fn decision_from_row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        version: r.get("version")?,
        id: r.get("id")?,
        meeting: r.get("meeting_id")?,
        text: r.get("text")?,
        responsible: r.get("responsible")?,
        deadline: r.get("deadline")?,
        commitment: r.get("commitment_id")?,
        status: r.get("status")?,
        status_reason: r.get("status_reason")?,
        status_date: r.get("status_date")?,
    })
}

/// Inserts one beslut row, with its own id (undo of a delete) or a new one.
fn insert_decision_row(
    tx: &Db,
    d: &Decision,
    id: Option<DecisionId>,
    position: i64,
) -> Result<DecisionId> {
    let mut row =
        binding![":meeting_id" => d.meeting, ":position" => position, ":version" => d.version];
    row.extend(decision_fields(d));
    row.extend(decision_status(d));
    rows::insert(tx, "decision", id.map(|i| i.0), &row).map(DecisionId)
}

/// What an edit of a beslut changes (its status is kept).
fn decision_fields(d: &Decision) -> Binding<'_> {
    binding![
        ":text" => &d.text,
        ":responsible" => &d.responsible,
        ":deadline" => d.deadline,
        ":commitment_id" => d.commitment,
    ]
}

/// What closing or reopening a beslut changes.
fn decision_status(d: &Decision) -> Binding<'_> {
    binding![
        ":status" => d.status,
        ":status_reason" => &d.status_reason,
        ":status_date" => d.status_date,
    ]
}

/// What an edit of a meeting changes (its group is kept).
fn meeting_fields(m: &Meeting) -> Binding<'_> {
    binding![
        ":date" => m.date,
        ":participants" => names(&m.participants),
        ":notes" => &m.notes,
    ]
}

/// A beslut's deadline cannot be before the meeting that took it.
fn check_deadline_after_meeting(
    conn: &Db,
    meeting: MeetingId,
    deadline: Option<NaiveDate>,
) -> Result<()> {
    let Some(deadline) = deadline else {
        return Ok(());
    };
    let held: Option<NaiveDate> = conn
        .query_row("SELECT date FROM meeting WHERE id = ?1", [meeting], |r| {
            r.get(0)
        })
        .optional()?;
    match held {
        Some(meeting) if deadline < meeting => {
            Err(Invalid::DeadlineBeforeMeeting { deadline, meeting }.into())
        }
        _ => Ok(()),
    }
}

impl Store {
    /// Records a meeting; its id.
    pub fn add_meeting(&mut self, m: &Meeting) -> Result<MeetingId> {
        let m = validate_meeting(m)?;
        let tx = self.write_tx()?;
        let (kommun, area) = group_columns(m.group);
        let mut row = binding![":municipality_id" => kommun, ":police_area_id" => area];
        row.extend(meeting_fields(&m));
        let id = rows::insert(&tx, "meeting", None, &row)?;
        tx.commit()?;
        Ok(MeetingId(id))
    }

    /// Saves a meeting's date, participants and notes.
    pub fn update_meeting(&mut self, m: &Meeting) -> Result<()> {
        let m = validate_meeting(m)?;
        let tx = self.write_tx()?;
        super::rows::update_versioned(
            &tx,
            "meeting",
            m.id.0,
            m.version,
            &meeting_fields(&m),
            || format!("Möte {}", m.id),
        )?;
        tx.commit()
    }

    pub fn meeting(&self, id: MeetingId) -> Result<Meeting> {
        self.conn
            .query_row(
                &format!("SELECT {MEETING_COLS} FROM meeting WHERE id = ?1"),
                [id],
                meeting_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Möte {id}")))
    }

    /// A group's meetings, newest first.
    pub fn meetings(&self, g: MeetingGroup) -> Result<Vec<Meeting>> {
        let (cond, id) = of_group(g, "");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLS} FROM meeting WHERE {cond} ORDER BY date DESC, id DESC"
        ))?;
        let rows = st.query_map([id], meeting_from_row)?;
        rows.collect::<Result<_>>()
    }

    /// The group's meeting on `date`, if one is recorded.
    pub fn meeting_on(&self, g: MeetingGroup, date: NaiveDate) -> Result<Option<Meeting>> {
        let (cond, id) = of_group(g, "");
        self.conn
            .query_row(
                &format!(
                    "SELECT {MEETING_COLS} FROM meeting WHERE {cond} AND date = ?2 \
                     ORDER BY id LIMIT 1"
                ),
                params![id, date],
                meeting_from_row,
            )
            .optional()
    }

    /// Date of the group's latest lägesbildsmöte ("Sedan förra mötet").
    pub fn last_meeting(&self, m: MunicipalityId) -> Result<Option<NaiveDate>> {
        self.conn.query_row(
            "SELECT max(date) FROM meeting WHERE municipality_id = ?1",
            [m],
            |r| r.get(0),
        )
    }

    /// The board's "Förra lägesbildsmötet": a date records a meeting on that day (unless
    /// one is recorded); clearing removes the latest meeting when nothing was recorded
    /// at it.
    pub fn set_last_meeting(&mut self, m: MunicipalityId, date: Option<NaiveDate>) -> Result<()> {
        match date {
            Some(d) => {
                if self.meeting_on(MeetingGroup::Kommun(m), d)?.is_none() {
                    self.add_meeting(&Meeting {
                        version: 0,
                        id: MeetingId::NEW,
                        group: MeetingGroup::Kommun(m),
                        date: d,
                        participants: Vec::new(),
                        notes: String::new(),
                    })?;
                }
                Ok(())
            }
            None => {
                let Some(latest) = self.meetings(MeetingGroup::Kommun(m))?.into_iter().next()
                else {
                    return Ok(());
                };
                let tx = self.write_tx()?;
                let decisions: i64 = tx.query_row(
                    "SELECT count(*) FROM decision WHERE meeting_id = ?1",
                    [latest.id],
                    |r| r.get(0),
                )?;
                if decisions > 0 || !latest.notes.is_empty() || !latest.participants.is_empty() {
                    return Err(Invalid::MeetingHasRecords(latest.date).into());
                }
                tx.execute("DELETE FROM meeting WHERE id = ?1", [latest.id])?;
                tx.commit()?;
                Ok(())
            }
        }
    }

    /// Adds a beslut at the end of its meeting's list; its id.
    pub fn add_decision(&mut self, d: &Decision) -> Result<DecisionId> {
        let d = validate_decision(d)?;
        let tx = self.write_tx()?;
        check_deadline_after_meeting(&tx, d.meeting, d.deadline)?;
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM decision WHERE meeting_id = ?1",
            [d.meeting],
            |r| r.get(0),
        )?;
        let id = insert_decision_row(&tx, &d, None, pos)?;
        tx.commit()?;
        Ok(id)
    }

    /// Deletes a beslut; it and its place in the list, for undo.
    pub fn delete_decision(&mut self, id: DecisionId) -> Result<(Decision, i64)> {
        let d = self.decision(id)?;
        let tx = self.write_tx()?;
        let position: i64 =
            tx.query_row("SELECT position FROM decision WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute("DELETE FROM decision WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok((d, position))
    }

    /// Puts a deleted beslut back as it was, with its id and place (undo of a delete).
    pub fn restore_decision(&mut self, d: &Decision, position: i64) -> Result<()> {
        let d = validate_decision(d)?;
        let tx = self.write_tx()?;
        insert_decision_row(&tx, &d, Some(d.id), position)?;
        tx.commit()?;
        Ok(())
    }

    /// Saves a beslut's text, ansvarig, deadline and löfte (its status is kept); the
    /// beslut as it was before, for undo.
    pub fn update_decision(&mut self, d: &Decision) -> Result<Decision> {
        let d = validate_decision(d)?;
        let before = self.decision(d.id)?;
        check_deadline_after_meeting(&self.conn, before.meeting, d.deadline)?;
        let tx = self.write_tx()?;
        super::rows::update_versioned(
            &tx,
            "decision",
            d.id.0,
            d.version,
            &decision_fields(&d),
            || format!("Beslut {}", d.id),
        )?;
        tx.commit()?;
        Ok(before)
    }

    pub fn decision(&self, id: DecisionId) -> Result<Decision> {
        self.conn
            .query_row(
                &format!("SELECT {DECISION_COLS} FROM decision d WHERE d.id = ?1"),
                [id],
                decision_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Beslut {id}")))
    }

    /// Closes (or reopens) a beslut on `on`; "struken" needs a reason. Returns the beslut
    /// as it was, for Ångra.
    pub fn set_decision_status(
        &mut self,
        id: DecisionId,
        status: DecisionStatus,
        reason: &str,
        on: NaiveDate,
    ) -> Result<Decision> {
        let mut d = self.decision(id)?;
        let before = d.clone();
        // Closing a closed beslut again would move its date: refused, so that "klar sedan"
        // stays the day it was closed.
        if status != DecisionStatus::Open && d.status != DecisionStatus::Open {
            return Err(Invalid::DecisionAlreadyClosed {
                status: d.status,
                since: d.status_date.map(|x| x.to_string()).unwrap_or_default(),
            }
            .into());
        }
        d.status = status;
        d.status_reason = reason.to_string();
        d.status_date = Some(on);
        let d = validate_decision(&d)?;
        let tx = self.write_tx()?;
        super::rows::update_versioned(
            &tx,
            "decision",
            id.0,
            d.version,
            &decision_status(&d),
            || format!("Beslut {id}"),
        )?;
        tx.commit()?;
        Ok(before)
    }

    /// Ångra of a status change: beslut `before.id` gets back the status, reason and date
    /// it had — only if its status is still `now` (nobody changed it since).
    pub fn revert_decision_status(&mut self, before: &Decision, now: DecisionStatus) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE decision SET status = :status, status_reason = :reason, \
             status_date = :on, version = version + 1 WHERE id = :id AND status = :now",
            rusqlite::named_params! {
                ":status": before.status,
                ":reason": before.status_reason,
                ":on": before.status_date,
                ":id": before.id,
                ":now": now,
            },
        )?;
        if n == 0 {
            return Err(StoreError::UndoConflict);
        }
        Ok(())
    }

    /// The beslut of one meeting, in the order they were taken.
    pub fn decisions(&self, meeting: MeetingId) -> Result<Vec<Decision>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {DECISION_COLS} FROM decision d WHERE d.meeting_id = ?1 ORDER BY d.position, d.id"
        ))?;
        let rows = st.query_map([meeting], decision_from_row)?;
        rows.collect::<Result<_>>()
    }

    /// A group's meetings before `before`, newest first, each with its number of beslut
    /// and of those still open.
    pub fn past_meetings(
        &self,
        g: MeetingGroup,
        before: NaiveDate,
    ) -> Result<Vec<(Meeting, usize, usize)>> {
        let (cond, id) = of_group(g, "mt.");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT mt.id, mt.municipality_id, mt.police_area_id, mt.date, mt.participants, \
             mt.notes, mt.version, \
             (SELECT count(*) FROM decision d WHERE d.meeting_id = mt.id) AS taken, \
             (SELECT count(*) FROM decision d WHERE d.meeting_id = mt.id AND d.status = 'oppen') \
             AS still_open \
             FROM meeting mt WHERE {cond} AND mt.date < ?2 \
             ORDER BY mt.date DESC, mt.id DESC"
        ))?;
        let rows = st.query_map(params![id, before], |r| {
            Ok((
                meeting_from_row(r)?,
                r.get::<_, i64>("taken")? as usize,
                r.get::<_, i64>("still_open")? as usize,
            ))
        })?;
        rows.collect::<Result<_>>()
    }

    /// Open beslut the group follows up from meetings before `before` (all meetings when
    /// None), oldest meeting first: a kommun's own; for a lokalpolisområde its joint
    /// meetings' and those of each of its kommuner's meetings (the joint meeting sees them
    /// all). With `closed_on`, also those closed or struck that day, so that a beslut
    /// closed at the meeting stays in its place in the list.
    pub fn open_decisions(
        &self,
        g: MeetingGroup,
        before: Option<NaiveDate>,
        closed_on: Option<NaiveDate>,
    ) -> Result<Vec<DecisionItem>> {
        let cond = match g {
            MeetingGroup::Kommun(_) => "mt.municipality_id = :group",
            MeetingGroup::Area(_) => {
                "(mt.police_area_id = :group OR mt.municipality_id IN \
                 (SELECT id FROM municipality WHERE police_area_id = :group))"
            }
        };
        let group = match g {
            MeetingGroup::Kommun(m) => m.0,
            MeetingGroup::Area(a) => a.0,
        };
        self.decision_items_where(
            &format!(
                "{cond} AND (d.status = 'oppen' OR d.status_date = :closed_on) \
                 AND (mt.date < :before OR :before IS NULL)"
            ),
            rusqlite::named_params! { ":group": group, ":before": before, ":closed_on": closed_on },
        )
    }

    /// The beslut of meeting `m`, in their order, each with its löfte and kommun.
    pub fn decision_items(&self, m: MeetingId) -> Result<Vec<DecisionItem>> {
        self.decision_items_where(
            "d.meeting_id = :meeting",
            rusqlite::named_params! { ":meeting": m },
        )
    }

    /// Open and closed beslut about löfte `c`, newest meeting first.
    pub fn decisions_about(&self, c: CommitmentId) -> Result<Vec<DecisionItem>> {
        let mut items =
            self.decision_items_where("d.commitment_id = :c", rusqlite::named_params! { ":c": c })?;
        items.reverse();
        Ok(items)
    }

    fn decision_items_where(
        &self,
        cond: &str,
        params: &[(&str, &dyn rusqlite::ToSql)],
    ) -> Result<Vec<DecisionItem>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {DECISION_COLS}, mt.date AS meeting_date, mk.name AS meeting_kommun, \
             lk.name AS lofte_kommun, c.text AS lofte_text \
             FROM decision d JOIN meeting mt ON mt.id = d.meeting_id \
             LEFT JOIN municipality mk ON mk.id = mt.municipality_id \
             LEFT JOIN commitment c ON c.id = d.commitment_id \
             LEFT JOIN section s ON s.id = c.section_id \
             LEFT JOIN pledge p ON p.id = s.pledge_id \
             LEFT JOIN municipality lk ON lk.id = p.municipality_id \
             WHERE {cond} ORDER BY mt.date, mt.id, d.position, d.id"
        ))?;
        let rows = st.query_map(params, |r| {
            let lofte = match (
                r.get::<_, Option<String>>("lofte_kommun")?,
                r.get::<_, Option<String>>("lofte_text")?,
            ) {
                (Some(kommun), Some(text)) => Some(LofteRef { kommun, text }),
                _ => None,
            };
            Ok(DecisionItem {
                decision: decision_from_row(r)?,
                meeting_date: r.get("meeting_date")?,
                meeting_kommun: r.get("meeting_kommun")?,
                lofte,
            })
        })?;
        rows.collect::<Result<_>>()
    }
}
