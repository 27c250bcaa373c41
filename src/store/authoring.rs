//! Writing medborgarlöften by hand: the head, avsnitt, order of löften, copy forward.
//! (Removing a löfte or an avsnitt so that Ångra can put it back is in `removal.rs`.)

use super::db::Optional;
use super::{Result, Store, StoreError};
use crate::domain::{
    CommitmentDraft, CommitmentId, Period, PledgeDraft, PledgeId, SectionDraft, SectionId,
    Signatory,
};
use crate::validate::check_text;
use rusqlite::params;

impl Store {
    /// The structure of a medborgarlöfte as a draft: avsnitt, löften, targets, sub-areas
    /// and tags, without any progress.
    pub fn pledge_draft(&self, id: PledgeId) -> Result<PledgeDraft> {
        let p = self.pledge(id)?;
        let commitments = self.commitments(id)?;
        let sections = self
            .sections(id)?
            .into_iter()
            .map(|s| SectionDraft {
                commitments: commitments
                    .iter()
                    .filter(|c| c.section == s.id)
                    .map(CommitmentDraft::from)
                    .collect(),
                title: s.title,
            })
            .collect();
        Ok(PledgeDraft {
            title: p.title,
            goal: p.goal,
            contact: p.contact,
            signatories: p.signatories,
            sections,
        })
    }

    /// "Nytt medborgarlöfte från föregående": copies avsnitt and löften of `from` (all but
    /// those in `skip`) into a new period with zero progress, the years in the texts moved
    /// to the new period, each copy linked to its origin; the old one is untouched.
    pub fn copy_pledge_forward(
        &mut self,
        from: PledgeId,
        to: Period,
        skip: &[CommitmentId],
    ) -> Result<PledgeId> {
        use crate::domain::years::shift_years;
        let old = self.pledge(from)?;
        let shift = |t: &str| shift_years(t, old.period, to);
        let commitments = self.commitments(from)?;
        let mut origins = Vec::new();
        let mut sections = Vec::new();
        for sec in self.sections(from)? {
            let kept: Vec<&crate::domain::Commitment> = commitments
                .iter()
                .filter(|c| c.section == sec.id && !skip.contains(&c.id))
                .collect();
            if kept.is_empty() && !skip.is_empty() {
                continue; // every löfte of the avsnitt was done
            }
            origins.extend(kept.iter().map(|c| c.id));
            sections.push(crate::domain::SectionDraft {
                title: shift(&sec.title),
                commitments: kept
                    .into_iter()
                    .map(|c| crate::domain::CommitmentDraft {
                        text: shift(&c.text),
                        ..crate::domain::CommitmentDraft::from(c)
                    })
                    .collect(),
            });
        }
        let draft = PledgeDraft {
            title: format!("Medborgarlöfte {to}"),
            goal: shift(&old.goal),
            contact: old.contact.clone(),
            // Signatories sign each year's löfte anew.
            signatories: Vec::new(),
            sections,
        };
        self.atomically(|s| {
            let id = s.insert_pledge(old.municipality, to, &draft)?;
            let copies = s.commitments_in_draft_order(id)?;
            for (new, origin) in copies.iter().zip(&origins) {
                s.conn.execute(
                    "UPDATE commitment SET copied_from = ?1 WHERE id = ?2",
                    rusqlite::params![origin, new],
                )?;
            }
            Ok(id)
        })
    }

    /// The löften of `pledge` in the order of its draft: by avsnitt, then position.
    fn commitments_in_draft_order(&self, pledge: PledgeId) -> Result<Vec<CommitmentId>> {
        let commitments = self.commitments(pledge)?;
        Ok(self
            .sections(pledge)?
            .iter()
            .flat_map(|s| commitments.iter().filter(move |c| c.section == s.id))
            .map(|c| c.id)
            .collect())
    }

    /// For each löfte of `pledge` copied forward from an earlier one: that löfte.
    pub fn copied_from(
        &self,
        pledge: PledgeId,
    ) -> Result<std::collections::HashMap<CommitmentId, CommitmentId>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.copied_from FROM commitment c JOIN section s ON s.id = c.section_id \
             WHERE s.pledge_id = ?1 AND c.copied_from IS NOT NULL",
        )?;
        let rows = st.query_map([pledge], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_>>()
    }

    /// The kommun's medborgarlöfte before `pledge`: the latest one that ended before it
    /// began.
    pub fn previous_pledge(&self, pledge: PledgeId) -> Result<Option<PledgeId>> {
        let p = self.pledge(pledge)?;
        Ok(self
            .pledges(p.municipality)?
            .into_iter()
            .find(|x| x.period.last < p.period.first)
            .map(|x| x.id))
    }

    /// Saves a medborgarlöfte's head as read at `version` (refused when someone else saved
    /// it since).
    #[allow(clippy::too_many_arguments)]
    pub fn update_pledge_head(
        &mut self,
        id: PledgeId,
        version: i64,
        title: &str,
        goal: &str,
        contact: Option<&str>,
        signatories: &[Signatory],
    ) -> Result<()> {
        let title = check_text("Rubrik", title, true, false)?;
        let goal = check_text("Målsättning", goal, false, true)?;
        let contact = match contact {
            Some(c) => Some(check_text("Kontakt", c, false, true)?).filter(|c| !c.is_empty()),
            None => None,
        };
        let mut signers = Vec::new();
        for s in signatories {
            let name = check_text("Namn", &s.name, false, false)?;
            let role = check_text("Roll", &s.role, false, false)?;
            if !name.is_empty() {
                signers.push((name, role));
            }
        }
        let tx = self.write_tx()?;
        let head = super::rows::binding![
            ":title" => title,
            ":goal" => goal,
            ":contact" => contact,
        ];
        super::rows::update_versioned(&tx, "pledge", id.0, version, &head, || {
            format!("Medborgarlöfte {id}")
        })?;
        tx.execute("DELETE FROM signatory WHERE pledge_id = ?1", [id.0])?;
        for (i, (name, role)) in signers.iter().enumerate() {
            super::pledges::insert_signatory(&tx, id.0, i, name, role)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn add_section(&mut self, pledge: PledgeId, title: &str) -> Result<SectionId> {
        let title = check_text("Avsnittets rubrik", title, true, false)?;
        let tx = self.write_tx()?;
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM section WHERE pledge_id = ?1",
            [pledge.0],
            |r| r.get(0),
        )?;
        let id = super::pledges::insert_section(&tx, pledge.0, pos, &title)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn rename_section(&mut self, id: SectionId, title: &str) -> Result<()> {
        let title = check_text("Avsnittets rubrik", title, true, false)?;
        self.update_one(
            "UPDATE section SET title = ?1 WHERE id = ?2",
            params![title, id.0],
            || format!("Avsnitt {id}"),
        )
    }

    /// Moves an avsnitt one step up (`-1`) or down (`1`) among its siblings.
    pub fn move_section(&mut self, id: SectionId, step: i64) -> Result<()> {
        let tx = self.write_tx()?;
        let pledge: i64 = tx
            .query_row("SELECT pledge_id FROM section WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Avsnitt {id}")))?;
        let ids: Vec<i64> = {
            let mut st =
                tx.prepare("SELECT id FROM section WHERE pledge_id = ?1 ORDER BY position, id")?;
            st.query_map([pledge], |r| r.get(0))?
                .collect::<Result<_>>()?
        };
        let order = reorder(&ids, id.0, step);
        for (i, sid) in order.iter().enumerate() {
            tx.execute(
                "UPDATE section SET position = ?1 WHERE id = ?2",
                params![i as i64, sid],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Moves a löfte one step within its avsnitt.
    pub fn move_commitment(&mut self, id: CommitmentId, step: i64) -> Result<()> {
        let tx = self.write_tx()?;
        let section: i64 = tx
            .query_row(
                "SELECT section_id FROM commitment WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Löfte {id}")))?;
        let ids: Vec<i64> = {
            let mut st = tx
                .prepare("SELECT id FROM commitment WHERE section_id = ?1 ORDER BY position, id")?;
            st.query_map([section], |r| r.get(0))?
                .collect::<Result<_>>()?
        };
        let order = reorder(&ids, id.0, step);
        for (i, cid) in order.iter().enumerate() {
            tx.execute(
                "UPDATE commitment SET position = ?1 WHERE id = ?2",
                params![i as i64, cid],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Moves a löfte to the end of another avsnitt of the same medborgarlöfte.
    pub fn move_commitment_to_section(&mut self, id: CommitmentId, to: SectionId) -> Result<()> {
        let tx = self.write_tx()?;
        let same: Option<bool> = tx
            .query_row(
                "SELECT s1.pledge_id = s2.pledge_id FROM commitment c \
                 JOIN section s1 ON s1.id = c.section_id, section s2 \
                 WHERE c.id = ?1 AND s2.id = ?2",
                params![id.0, to.0],
                |r| r.get(0),
            )
            .optional()?;
        match same {
            None => {
                return Err(StoreError::NotFound(format!(
                    "Löfte {id} eller avsnitt {to}"
                )));
            }
            Some(false) => {
                return Err(crate::validate::Invalid::MoveAcrossPledges.into());
            }
            Some(true) => {}
        }
        let pos: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE section_id = ?1",
            [to.0],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE commitment SET section_id = ?1, position = ?2 WHERE id = ?3",
            params![to.0, pos, id.0],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Number of insatser recorded against a löfte.
    pub fn activity_count_for(&self, id: CommitmentId) -> Result<u32> {
        self.conn.query_row(
            "SELECT count(*) FROM activity WHERE commitment_id = ?1",
            [id.0],
            |r| r.get(0),
        )
    }
}

/// `ids` with `id` moved by `step` places (clamped at the ends).
fn reorder(ids: &[i64], id: i64, step: i64) -> Vec<i64> {
    let mut v = ids.to_vec();
    if let Some(i) = v.iter().position(|x| *x == id) {
        let j = (i as i64 + step).clamp(0, v.len() as i64 - 1) as usize;
        let x = v.remove(i);
        v.insert(j, x);
    }
    v
}
