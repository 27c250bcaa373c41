//! Medborgarlöften, their avsnitt, löften and targets.

use super::db::{Optional, Row};
use super::rows::{self, Binding, binding};
use super::{Names, Result, Store, StoreError, names};
use crate::domain::{
    Commitment, CommitmentDraft, CommitmentId, ManualStatus, MunicipalityId, Party, Period, Pledge,
    PledgeDraft, PledgeId, Section, SectionId, Signatory, Status, Target, TargetDraft, TargetScope,
};
use crate::store::db::Db;
use crate::validate::{Invalid, check_target_count, check_text};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// A löfte's columns; its fokusområden are links (schema 14), read as names, one per line.
pub(super) const COMMITMENT_COLS: &str =
    "c.id, c.section_id, c.position, c.text, c.party, c.sub_areas, \
     c.tags, c.manual_status, c.manual_reason, c.checked_on, c.version, \
     (SELECT string_agg(f.name, '
' ORDER BY f.position) FROM commitment_focus_area l \
      JOIN focus_area f ON f.id = l.focus_area_id WHERE l.commitment_id = c.id) AS focus_areas";

super::columns::column_positions!(CommitmentColumns {
    id,
    section_id,
    position,
    text,
    party,
    sub_areas,
    tags,
    manual_status,
    manual_reason,
    checked_on,
    version,
    focus_areas,
});

impl CommitmentColumns {
    /// A löfte without its targets.
    pub(super) fn read(&self, r: &Row) -> rusqlite::Result<Commitment> {
        let manual = match r.get::<_, Option<Status>>(self.manual_status)? {
            Some(status) => Some(ManualStatus {
                status,
                reason: r
                    .get::<_, Option<String>>(self.manual_reason)?
                    .unwrap_or_default(),
            }),
            None => None,
        };
        Ok(Commitment {
            version: r.get(self.version)?,
            id: r.get(self.id)?,
            section: r.get(self.section_id)?,
            position: r.get(self.position)?,
            text: r.get(self.text)?,
            party: r.get(self.party)?,
            sub_areas: r.get::<_, Names>(self.sub_areas)?.0,
            // Fokusområden first, then the löfte's other tags.
            tags: r
                .get::<_, Option<String>>(self.focus_areas)?
                .unwrap_or_default()
                .lines()
                .map(str::to_string)
                .chain(r.get::<_, Names>(self.tags)?.0)
                .collect(),
            manual_status: manual,
            checked_on: r.get(self.checked_on)?,
            targets: Vec::new(),
        })
    }
}

/// Columns of [`TargetColumns`], for a target aliased `t`.
pub(super) const TARGET_COLS: &str =
    "t.commitment_id, t.id, t.count, t.unit, t.per_year, t.label, t.party";

super::columns::column_positions!(TargetColumns {
    commitment_id,
    id,
    count,
    unit,
    per_year,
    label,
    party,
});

impl TargetColumns {
    /// A target with the löfte it belongs to.
    pub(super) fn read(&self, r: &Row) -> rusqlite::Result<(CommitmentId, Target)> {
        Ok((
            r.get(self.commitment_id)?,
            Target {
                id: r.get(self.id)?,
                count: r.get(self.count)?,
                unit: r.get(self.unit)?,
                scope: if r.get::<_, bool>(self.per_year)? {
                    TargetScope::PerYear
                } else {
                    TargetScope::Period
                },
                label: r.get(self.label)?,
                party: r.get(self.party)?,
            },
        ))
    }
}

/// One signatory row (`pledge_id, name, role`) with the medborgarlöfte it signs.
pub(super) fn signatory_from_row(r: &Row) -> rusqlite::Result<(PledgeId, Signatory)> {
    Ok((
        r.get("pledge_id")?,
        Signatory {
            name: r.get("name")?,
            role: r.get("role")?,
        },
    ))
}

/// Columns of [`pledge_from_row`], for a pledge aliased `p`.
pub(super) const PLEDGE_COLS: &str =
    "p.id, p.municipality_id, p.first_year, p.last_year, p.title, p.goal, p.contact, p.version";

/// A medborgarlöfte without its signatories; a stored period that is no period is an error.
pub(super) fn pledge_from_row(r: &Row) -> rusqlite::Result<Pledge> {
    let (first, last): (i32, i32) = (r.get("first_year")?, r.get("last_year")?);
    let period = Period::stored(first, last).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("ogiltig period {first}–{last}").into(),
        )
    })?;
    Ok(Pledge {
        version: r.get("version")?,
        id: r.get("id")?,
        municipality: r.get("municipality_id")?,
        period,
        title: r.get("title")?,
        goal: r.get("goal")?,
        contact: r.get("contact")?,
        signatories: Vec::new(),
    })
}

fn validate_commitment(text: &str, targets: &[TargetDraft]) -> Result<String> {
    let text = check_text("Löftets text", text, true, true)?;
    for t in targets {
        check_target_count(t.count.into())?;
        check_text("Enhet", &t.unit, false, false)?;
    }
    Ok(text)
}

fn insert_target(tx: &Db, c: i64, pos: usize, t: &TargetDraft) -> Result<()> {
    let mut row = binding![":commitment_id" => c];
    row.extend(target_fields(pos, t));
    rows::insert(tx, "target", None, &row).map(|_| ())
}

/// A target's columns, shared by INSERT and UPDATE.
fn target_fields(pos: usize, t: &TargetDraft) -> Binding<'_> {
    binding![
        ":position" => pos as i64,
        ":count" => t.count,
        ":unit" => t.unit.trim(),
        ":per_year" => t.scope == TargetScope::PerYear,
        ":party" => t.party.map(Party::key),
        ":label" => t.label.as_deref().map(str::trim),
    ]
}

/// A löfte's own columns, shared by INSERT and UPDATE (`text` already checked).
fn commitment_fields<'a>(
    text: &'a str,
    party: Party,
    sub_areas: &[String],
    tags: &[String],
) -> Binding<'a> {
    binding![
        ":text" => text,
        ":party" => party.key(),
        ":sub_areas" => names(sub_areas),
        ":tags" => names(tags),
    ]
}

/// One signatory of a medborgarlöfte, at `pos`.
pub(super) fn insert_signatory(
    tx: &Db,
    pledge: i64,
    pos: usize,
    name: &str,
    role: &str,
) -> Result<()> {
    let row = binding![
        ":pledge_id" => pledge,
        ":position" => pos as i64,
        ":name" => name,
        ":role" => role,
    ];
    rows::insert(tx, "signatory", None, &row).map(|_| ())
}

/// One avsnitt of a medborgarlöfte, at `pos`.
pub(super) fn insert_section(tx: &Db, pledge: i64, pos: i64, title: &str) -> Result<SectionId> {
    let row = binding![":pledge_id" => pledge, ":position" => pos, ":title" => title];
    rows::insert(tx, "section", None, &row).map(SectionId)
}

fn insert_commitment(
    tx: &Db,
    section: i64,
    pos: usize,
    c: &CommitmentDraft,
) -> Result<CommitmentId> {
    let text = validate_commitment(&c.text, &c.targets)?;
    let mut row = binding![":section_id" => section, ":position" => pos as i64];
    row.extend(commitment_fields(&text, c.party, &c.sub_areas, &c.tags));
    let id = rows::insert(tx, "commitment", None, &row)?;
    for (i, t) in c.targets.iter().enumerate() {
        insert_target(tx, id, i, t)?;
    }
    super::agreements::link_focus_areas(tx, id)?;
    Ok(CommitmentId(id))
}

impl Store {
    /// Stores a whole medborgarlöfte (seed, import, copy forward) in one transaction.
    pub fn insert_pledge(
        &mut self,
        municipality: MunicipalityId,
        period: Period,
        draft: &PledgeDraft,
    ) -> Result<PledgeId> {
        let title = check_text("Rubrik", &draft.title, true, false)?;
        let tx = self.write_tx()?;
        let clash: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM pledge WHERE municipality_id = ?1 \
             AND first_year <= ?3 AND last_year >= ?2)",
            params![municipality.0, period.first, period.last],
            |r| r.get(0),
        )?;
        if clash {
            return Err(Invalid::PeriodTaken(period).into());
        }
        let row = binding![
            ":municipality_id" => municipality,
            ":first_year" => period.first,
            ":last_year" => period.last,
            ":title" => &title,
            ":goal" => draft.goal.trim(),
            ":contact" => draft.contact.as_deref().map(str::trim),
        ];
        let key = [
            "pledge".to_string(),
            municipality.0.to_string(),
            period.first.to_string(),
            period.last.to_string(),
        ];
        let keys: Vec<&str> = key.iter().map(String::as_str).collect();
        let own = rows::natural_id(&tx, "pledge", &keys)?;
        let pledge = rows::insert(&tx, "pledge", Some(own), &row)?;
        for (i, s) in draft.signatories.iter().enumerate() {
            insert_signatory(&tx, pledge, i, s.name.trim(), s.role.trim())?;
        }
        for (i, s) in draft.sections.iter().enumerate() {
            let title = check_text("Avsnittets rubrik", &s.title, true, false)?;
            let section = insert_section(&tx, pledge, i as i64, &title)?;
            for (j, c) in s.commitments.iter().enumerate() {
                insert_commitment(&tx, section.0, j, c)?;
            }
        }
        tx.commit()?;
        Ok(PledgeId(pledge))
    }

    /// A kommun's medborgarlöften, newest period first (two queries).
    pub fn pledges(&self, municipality: MunicipalityId) -> Result<Vec<Pledge>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PLEDGE_COLS} FROM pledge p WHERE p.municipality_id = ?1 \
             ORDER BY p.first_year DESC"
        ))?;
        let mut pledges: Vec<Pledge> = st
            .query_map([municipality], pledge_from_row)?
            .collect::<Result<_>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT g.pledge_id, g.name, g.role FROM signatory g \
             JOIN pledge p ON p.id = g.pledge_id WHERE p.municipality_id = ?1 \
             ORDER BY g.pledge_id, g.position",
        )?;
        for row in st.query_map([municipality], signatory_from_row)? {
            let (p, s) = row?;
            if let Some(pledge) = pledges.iter_mut().find(|x| x.id == p) {
                pledge.signatories.push(s);
            }
        }
        Ok(pledges)
    }

    /// Every period any kommun has a medborgarlöfte for, newest first.
    pub fn all_periods(&self) -> Result<Vec<Period>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT first_year, last_year FROM pledge ORDER BY last_year DESC, first_year DESC",
        )?;
        let rows = st.query_map((), |r| {
            Ok((
                r.get::<_, i32>("first_year")?,
                r.get::<_, i32>("last_year")?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (a, b) = row?;
            out.push(
                Period::stored(a, b)
                    .ok_or_else(|| StoreError::Corrupt(format!("period {a}–{b}")))?,
            );
        }
        Ok(out)
    }

    /// The kommun's medborgarlöfte whose period contains `year`.
    pub fn pledge_for_year(
        &self,
        municipality: MunicipalityId,
        year: i32,
    ) -> Result<Option<Pledge>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM pledge WHERE municipality_id = ?1 AND first_year <= ?2 \
                 AND last_year >= ?2 ORDER BY first_year DESC LIMIT 1",
                params![municipality.0, year],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.pledge(PledgeId(id))).transpose()
    }

    pub fn pledge(&self, id: PledgeId) -> Result<Pledge> {
        let mut pledge = self
            .conn
            .query_row(
                &format!("SELECT {PLEDGE_COLS} FROM pledge p WHERE p.id = ?1"),
                [id],
                pledge_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Medborgarlöfte {id}")))?;
        let mut st = self.conn.prepare_cached(
            "SELECT pledge_id, name, role FROM signatory WHERE pledge_id = ?1 ORDER BY position",
        )?;
        pledge.signatories = st
            .query_map([id], |r| signatory_from_row(r).map(|(_, s)| s))?
            .collect::<Result<_>>()?;
        Ok(pledge)
    }

    pub fn sections(&self, pledge: PledgeId) -> Result<Vec<Section>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, title, position FROM section WHERE pledge_id = ?1 ORDER BY position, id",
        )?;
        let rows = st.query_map([pledge], |r| {
            Ok(Section {
                id: r.get("id")?,
                pledge,
                title: r.get("title")?,
                position: r.get("position")?,
            })
        })?;
        rows.collect::<Result<_>>()
    }

    /// Every löfte of a medborgarlöfte with its targets, in published order.
    pub fn commitments(&self, pledge: PledgeId) -> Result<Vec<Commitment>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLS} FROM commitment c JOIN section s ON s.id = c.section_id \
             WHERE s.pledge_id = ?1 ORDER BY s.position, s.id, c.position, c.id"
        ))?;
        let cols = CommitmentColumns::of(&st)?;
        let mut list: Vec<Commitment> = st
            .query_map([pledge.0], |r| cols.read(r))?
            .collect::<Result<_>>()?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {TARGET_COLS} FROM target t JOIN commitment c ON c.id = t.commitment_id \
             JOIN section s ON s.id = c.section_id WHERE s.pledge_id = ?1 \
             ORDER BY t.commitment_id, t.position, t.id"
        ))?;
        let cols = TargetColumns::of(&st)?;
        let mut targets: HashMap<CommitmentId, Vec<Target>> = HashMap::new();
        for row in st.query_map([pledge.0], |r| cols.read(r))? {
            let (c, t) = row?;
            targets.entry(c).or_default().push(t);
        }
        for c in &mut list {
            c.targets = targets.remove(&c.id).unwrap_or_default();
        }
        Ok(list)
    }

    pub fn commitment(&self, id: CommitmentId) -> Result<Commitment> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLS} FROM commitment c WHERE c.id = ?1"
        ))?;
        let cols = CommitmentColumns::of(&st)?;
        let mut c = st
            .query_row([id.0], |r| cols.read(r))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Löfte {id}")))?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {TARGET_COLS} FROM target t WHERE t.commitment_id = ?1 \
             ORDER BY t.position, t.id"
        ))?;
        let cols = TargetColumns::of(&st)?;
        c.targets = st
            .query_map([id.0], |r| cols.read(r))?
            .map(|r| r.map(|(_, t)| t))
            .collect::<Result<_>>()?;
        Ok(c)
    }

    /// The medborgarlöfte a löfte belongs to.
    pub fn pledge_of_commitment(&self, id: CommitmentId) -> Result<PledgeId> {
        self.conn
            .query_row(
                "SELECT s.pledge_id FROM commitment c JOIN section s ON s.id = c.section_id \
                 WHERE c.id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?
            .map(PledgeId)
            .ok_or_else(|| StoreError::NotFound(format!("Löfte {id}")))
    }

    /// Adds a löfte at the end of an avsnitt.
    pub fn add_commitment(
        &mut self,
        section: SectionId,
        draft: &CommitmentDraft,
    ) -> Result<CommitmentId> {
        let tx = self.write_tx()?;
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE section_id = ?1",
            [section.0],
            |r| r.get(0),
        )?;
        let id = insert_commitment(&tx, section.0, pos as usize, draft)?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves text, ansvarig, sub-areas, tags and targets of a löfte. Targets keep their
    /// ids (insatser stay linked); a target with id 0 is new; a missing one is removed.
    pub fn update_commitment(&mut self, c: &Commitment) -> Result<()> {
        let drafts: Vec<TargetDraft> = c
            .targets
            .iter()
            .map(|t| TargetDraft {
                count: t.count,
                unit: t.unit.clone(),
                scope: t.scope,
                party: t.party,
                label: t.label.clone(),
            })
            .collect();
        let text = validate_commitment(&c.text, &drafts)?;
        let tx = self.write_tx()?;
        let fields = commitment_fields(&text, c.party, &c.sub_areas, &c.tags);
        rows::update_versioned(&tx, "commitment", c.id.0, c.version, &fields, || {
            format!("Löfte {}", c.id)
        })?;
        let keep: Vec<i64> = c
            .targets
            .iter()
            .filter(|t| !t.id.is_new())
            .map(|t| t.id.0)
            .collect();
        let existing: Vec<i64> = {
            let mut st = tx.prepare("SELECT id FROM target WHERE commitment_id = ?1")?;
            st.query_map([c.id.0], |r| r.get(0))?
                .collect::<Result<_>>()?
        };
        for id in existing.iter().filter(|id| !keep.contains(id)) {
            tx.execute("DELETE FROM target WHERE id = ?1", [id])?;
        }
        for (i, (t, d)) in c.targets.iter().zip(&drafts).enumerate() {
            if !t.id.is_new() && existing.contains(&t.id.0) {
                rows::update(&tx, "target", t.id.0, &target_fields(i, d))?;
            } else {
                insert_target(&tx, c.id.0, i, d)?;
            }
        }
        // The tags say which fokusområden it has now.
        tx.execute(
            "DELETE FROM commitment_focus_area WHERE commitment_id = ?1",
            [c.id.0],
        )?;
        super::agreements::link_focus_areas(&tx, c.id.0)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets or clears the manual status; a status needs a reason.
    pub fn set_manual_status(
        &mut self,
        id: CommitmentId,
        manual: Option<&ManualStatus>,
    ) -> Result<()> {
        let (key, reason) = match manual {
            Some(m) => {
                let reason = check_text("Motivering", &m.reason, true, true)
                    .map_err(|_| Invalid::StatusReasonRequired)?;
                (Some(m.status.key()), Some(reason))
            }
            None => (None, None),
        };
        self.update_one(
            "UPDATE commitment SET manual_status = ?1, manual_reason = ?2, version = version + 1 \
             WHERE id = ?3",
            params![key, reason, id.0],
            || format!("Löfte {id}"),
        )
    }

    /// Checks off (or un-checks) a löfte without a number.
    pub fn set_checked(&mut self, id: CommitmentId, on: Option<NaiveDate>) -> Result<()> {
        self.update_one(
            "UPDATE commitment SET checked_on = ?1, version = version + 1 WHERE id = ?2",
            params![on, id.0],
            || format!("Löfte {id}"),
        )
    }

    /// Deletes a löfte. One with insatser is refused with [`StoreError::HasActivities`]
    /// unless `with_activities` is set, which deletes its insatser too.
    pub fn delete_commitment(&mut self, id: CommitmentId, with_activities: bool) -> Result<()> {
        let tx = self.write_tx()?;
        let n: u32 = tx.query_row(
            "SELECT count(*) FROM activity WHERE commitment_id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        if n > 0 && !with_activities {
            return Err(StoreError::HasActivities(n));
        }
        tx.execute("DELETE FROM activity WHERE commitment_id = ?1", [id.0])?;
        let n = tx.execute("DELETE FROM commitment WHERE id = ?1", [id.0])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("Löfte {id}")));
        }
        tx.commit()?;
        Ok(())
    }
}
