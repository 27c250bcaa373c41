//! Redigera: new medborgarlöften (empty, copied forward, imported), the head, avsnitt,
//! löften and their order, and new kommuner.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::{CommitmentDraft, CommitmentId, Party, PledgeDraft, SectionDraft};
use crate::store::Store;
use crate::ui::AuthoringAction as A;
use crate::ui::authoring::Removal;
use crate::ui::commitment_form::CommitmentForm;

impl A {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        match self {
            a @ (A::NewPledge { .. }
            | A::OpenImport { .. }
            | A::ChooseImportFile
            | A::SaveImport { .. }
            | A::SavePledgeAssessment(_)
            | A::SavePledgeHead { .. }) => pledge(a, cx),
            a @ (A::AskRemove(_)
            | A::Remove(_)
            | A::StartWithoutExamples
            | A::RenameMunicipality(..)
            | A::OpenNewMunicipality
            | A::CreateMunicipality { .. }) => kommun(a, cx),
            a => structure(a, cx),
        }
    }
}

/// A whole medborgarlöfte: new, imported, its head and its samlade bedömning.
fn pledge(action: A, cx: &mut Ctx) -> Result<Effect> {
    let store = &mut *cx.store;
    Ok(match action {
        A::NewPledge {
            municipality,
            period,
            copy_from,
            only_not_done,
        } => {
            match copy_from {
                Some(from) => {
                    let skip = if only_not_done {
                        crate::queries::done_commitments(store, from, cx.today)?
                    } else {
                        Vec::new()
                    };
                    store.copy_pledge_forward(from, period, &skip)?
                }
                None => store.insert_pledge(
                    municipality,
                    period,
                    &PledgeDraft {
                        title: format!("Medborgarlöfte {period}"),
                        sections: vec![SectionDraft {
                            title: "Löften".into(),
                            commitments: Vec::new(),
                        }],
                        ..Default::default()
                    },
                )?,
            };
            show_new_pledge(cx, period.first);
            Effect::reload(Reload::All).toast(format!("Medborgarlöfte {period} skapat."))
        }
        A::OpenImport {
            municipality,
            period,
        } => {
            let kommun = cx.data.municipality_name(municipality).unwrap_or_default();
            cx.screens.import.open_for(municipality, kommun, period);
            Effect::none()
        }
        A::ChooseImportFile => {
            match cx
                .dialogs
                .pick_file("Välj textfil", ("Text", &["txt", "TXT"]))
            {
                None => cx.screens.import.no_file_chosen(),
                Some(path) => {
                    let read = crate::files::read_text_file(&path);
                    cx.screens.import.file_read(&path, read);
                }
            }
            Effect::none()
        }
        A::SaveImport {
            municipality,
            period,
            draft,
        } => {
            store.insert_pledge(municipality, period, &draft)?;
            cx.screens.import.saved();
            show_new_pledge(cx, period.first);
            Effect::reload(Reload::All).toast(format!("Medborgarlöfte {period} importerat."))
        }
        A::SavePledgeAssessment(a) => {
            store.set_pledge_assessment(&a)?;
            Effect::reload(Reload::Selected)
                .toast(format!("Den samlade bedömningen för {} sparades.", a.year))
        }
        A::SavePledgeHead {
            pledge,
            version,
            title,
            goal,
            contact,
            signatories,
        } => {
            store.update_pledge_head(
                pledge,
                version,
                &title,
                &goal,
                Some(&contact),
                &signatories,
            )?;
            cx.screens.authoring.head_saved();
            Effect::reload(Reload::Board).toast("Uppgifterna sparades.")
        }
        _ => Effect::none(),
    })
}

/// Avsnitt and löften: add, change, move, remove.
fn structure(action: A, cx: &mut Ctx) -> Result<Effect> {
    let store = &mut *cx.store;
    Ok(match action {
        A::AddSection(p, title) => {
            store.add_section(p, &title)?;
            Effect::reload(Reload::Board)
        }
        A::RenameSection(id, title) => {
            store.rename_section(id, &title)?;
            Effect::reload(Reload::Board)
        }
        A::MoveSection(id, step) => {
            store.move_section(id, step)?;
            Effect::reload(Reload::Board)
        }
        A::DeleteSection(id) => {
            // Read whole first, so that Ångra brings back bedömningar and links too.
            let r = store.remove_read(|s| s.section_removal(id))?;
            cx.screens.authoring.section_removed(id);
            let what = r.what.clone();
            Effect::reload(Reload::Board)
                .toast(format!(
                    "{} togs bort.",
                    crate::validate::capitalized(&what)
                ))
                .undo(Undo::RestoreRemoved(Box::new(r)))
        }
        A::AddCommitment(section) => {
            // Only a form: the löfte exists once it is saved (Avbryt leaves nothing).
            let suggestions = match &cx.data.board {
                Some((b, _)) => store.focus_areas_for(b.municipality.id, b.pledge.period)?,
                None => Vec::new(),
            };
            let blank = crate::domain::Commitment {
                version: 0,
                id: CommitmentId::NEW,
                section,
                text: String::new(),
                party: Party::Gemensamt,
                targets: Vec::new(),
                sub_areas: Vec::new(),
                tags: Vec::new(),
                manual_status: None,
                checked_on: None,
                position: 0,
            };
            cx.screens
                .authoring
                .open_commitment_form(CommitmentForm::new(&blank, suggestions));
            Effect::none()
        }
        A::MoveCommitment(id, step) => {
            store.move_commitment(id, step)?;
            Effect::reload(Reload::Board)
        }
        A::MoveCommitmentTo(id, to) => {
            store.move_commitment_to_section(id, to)?;
            Effect::reload(Reload::Board)
        }
        A::DeleteCommitment(id) => {
            let r = store.remove_read(|s| s.commitment_removal(id))?;
            let text = format!(
                "{} togs bort med {}.",
                crate::validate::capitalized(&r.what),
                crate::validate::count_of(r.activities(), "insats", "insatser")
            );
            Effect::reload(Reload::Board)
                .toast(text)
                .undo(Undo::RestoreRemoved(Box::new(r)))
        }
        A::EditCommitment(c) => {
            let form = commitment_form(store, c)?;
            cx.screens.open_commitment_form(form);
            Effect::none()
        }
        A::SaveCommitment(c) => {
            if c.id.is_new() {
                store.add_commitment(c.section, &CommitmentDraft::from(&*c))?;
            } else {
                store.update_commitment(&c)?;
            }
            cx.screens.authoring.close_commitment_form();
            Effect::reload(Reload::Board).toast("Löftet sparades.")
        }
        A::CloseCommitmentForm => {
            cx.screens.authoring.close_commitment_form();
            Effect::none()
        }
        _ => Effect::none(),
    })
}

/// Kommuner: new, renamed, removed (with a medborgarlöfte), the examples at first start.
fn kommun(action: A, cx: &mut Ctx) -> Result<Effect> {
    let store = &mut *cx.store;
    let this_year = chrono::Datelike::year(&cx.today);
    Ok(match action {
        A::AskRemove(what) => {
            let r = removal(store, what)?;
            cx.screens.authoring.ask_remove(what, r.summary());
            Effect::none()
        }
        A::Remove(what) => {
            // A copy first (a database only in memory, as in tests, has no folder).
            if store.path().is_some() {
                store.backup_copy(crate::store::CopyKind::BeforeRemoval, cx.clock.now())?;
            }
            let r = store.remove_read(|s| removal(s, what))?;
            cx.screens.removed(matches!(what, Removal::Kommun(_)));
            let text = format!("Tog bort {} ({}).", r.what, r.summary());
            Effect::reload(Reload::All)
                .toast(text)
                .undo(Undo::RestoreRemoved(Box::new(r)))
        }
        A::StartWithoutExamples => {
            // All of it or nothing.
            store.atomically(|s| {
                for m in s.municipalities()? {
                    s.remove_read(|s| s.municipality_removal(m.id))?;
                }
                s.remove_empty_police_areas()
            })?;
            // The examples' 2024 is nobody's year now: this year's.
            cx.screens.examples_removed(this_year);
            cx.prefs.municipality = None;
            cx.prefs.year = None;
            Effect::reload(Reload::All).toast("Exempelkommunerna togs bort. Lägg till er kommun.")
        }
        A::RenameMunicipality(m, name) => {
            if store
                .municipality_by_name(&name)?
                .is_some_and(|other| other.id != m)
            {
                return Err(super::Error::System(format!(
                    "Det finns redan en kommun som heter {name}."
                )));
            }
            let old = store.municipality(m)?.name;
            store.rename_municipality(m, &name)?;
            if cx.prefs.municipality.as_deref() == Some(old.as_str()) {
                cx.prefs.municipality = Some(name.clone());
            }
            Effect::reload(Reload::All).toast(format!("{old} heter nu {name}."))
        }
        A::OpenNewMunicipality => {
            // From the store, not the shown data: right after the examples went, the
            // areas shown are gone.
            let first = store.police_areas()?.first().map(|a| a.id);
            cx.screens.new_municipality.open_with(first);
            Effect::none()
        }
        A::CreateMunicipality { name, area } => {
            let a = store.ensure_police_area(&area)?;
            let m = store.add_municipality(&name, a)?;
            // Its first medborgarlöfte is for the year shown (this year on a new file).
            cx.screens.municipality_created(m, this_year);
            cx.prefs.municipality = Some(name.clone());
            Effect::reload(Reload::All).toast(format!(
                "Kommunen {name} skapades. Lägg till dess medborgarlöfte under Redigera."
            ))
        }
        _ => Effect::none(),
    })
}

/// The löfte editor for `c`, with the kommun's fokusområden as suggestions.
fn commitment_form(store: &Store, c: CommitmentId) -> crate::store::Result<CommitmentForm> {
    let cm = store.commitment(c)?;
    let pledge = store.pledge(store.pledge_of_commitment(c)?)?;
    let suggestions = store.focus_areas_for(pledge.municipality, pledge.period)?;
    Ok(CommitmentForm::new(&cm, suggestions))
}

/// What removing a medborgarlöfte or a kommun takes, read now.
fn removal(store: &Store, what: Removal) -> crate::store::Result<crate::store::Removed> {
    match what {
        Removal::Pledge(p) => store.pledge_removal(p),
        Removal::Kommun(m) => store.municipality_removal(m),
    }
}

/// After a new medborgarlöfte: its first year is shown (and remembered), on Redigera.
fn show_new_pledge(cx: &mut Ctx, first_year: i32) {
    cx.screens.show_new_pledge(first_year);
    cx.prefs.year = Some(first_year);
}
