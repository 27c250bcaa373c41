//! Redigera: new medborgarlöften (empty, copied forward, imported), the head, avsnitt,
//! löften and their order, and new kommuner.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::{CommitmentDraft, CommitmentId, Party, Period, PledgeDraft, SectionDraft};
use crate::store::Store;
use crate::ui::AuthoringAction;
use crate::ui::commitment_form::CommitmentForm;
use crate::ui::import_dialog::ImportState;
use crate::ui::nav::{Selection, Tab};
use crate::ui::new_municipality::NewMunicipalityForm;

impl AuthoringAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let store = &mut *cx.store;
        let screens = &mut *cx.screens;
        Ok(match self {
            AuthoringAction::NewPledge {
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
                show_new_pledge(cx, period);
                Effect::reload(Reload::All).toast(format!("Medborgarlöfte {period} skapat."))
            }
            AuthoringAction::OpenImport {
                municipality,
                period,
            } => {
                screens.import = ImportState {
                    open: true,
                    municipality: Some(municipality),
                    kommun: cx
                        .data
                        .municipality_name(municipality)
                        .unwrap_or_default()
                        .to_string(),
                    title: format!("Medborgarlöfte {period}"),
                    suggested_period: period.clone(),
                    period,
                    ..Default::default()
                };
                Effect::none()
            }
            AuthoringAction::ChooseImportFile => {
                let st = &mut screens.import;
                match cx
                    .dialogs
                    .pick_file("Välj textfil", ("Text", &["txt", "TXT"]))
                {
                    None => {
                        st.focus_text = true;
                        st.message =
                            Some("Ingen fil valdes. Klistra in texten i fältet (Ctrl+V).".into());
                    }
                    Some(path) => {
                        st.message = Some(match crate::files::read_text_file(&path) {
                            Ok(t) => {
                                st.text = t.text;
                                format!("Läste {} ({}).", path.display(), t.encoding)
                            }
                            Err(e) => format!("Kunde inte läsa {}: {e}", path.display()),
                        });
                    }
                }
                Effect::none()
            }
            AuthoringAction::CloseImport => {
                screens.import.open = false;
                Effect::none()
            }
            AuthoringAction::SaveImport {
                municipality,
                period,
                draft,
            } => {
                store.insert_pledge(municipality, period, &draft)?;
                screens.import = ImportState::default();
                show_new_pledge(cx, period);
                Effect::reload(Reload::All).toast(format!("Medborgarlöfte {period} importerat."))
            }
            AuthoringAction::SavePledgeAssessment(a) => {
                store.set_pledge_assessment(&a)?;
                Effect::reload(Reload::Selected)
                    .toast(format!("Den samlade bedömningen för {} sparades.", a.year))
            }
            AuthoringAction::SavePledgeHead {
                pledge,
                title,
                goal,
                contact,
                signatories,
            } => {
                store.update_pledge_head(pledge, &title, &goal, Some(&contact), &signatories)?;
                screens.authoring.head.pledge = None;
                Effect::reload(Reload::Board).toast("Uppgifterna sparades.")
            }
            AuthoringAction::AddSection(p, title) => {
                store.add_section(p, &title)?;
                Effect::reload(Reload::Board)
            }
            AuthoringAction::RenameSection(id, title) => {
                store.rename_section(id, &title)?;
                Effect::reload(Reload::Board)
            }
            AuthoringAction::MoveSection(id, step) => {
                store.move_section(id, step)?;
                Effect::reload(Reload::Board)
            }
            AuthoringAction::DeleteSection(id) => {
                // Read whole first, so that Ångra brings back bedömningar and links too.
                let r = store.remove_read(|s| s.section_removal(id))?;
                screens.authoring.section_names.remove(&id);
                let what = r.what.clone();
                Effect::reload(Reload::Board)
                    .toast(format!(
                        "{} togs bort.",
                        crate::validate::capitalized(&what)
                    ))
                    .undo(Undo::RestoreRemoved(Box::new(r)))
            }
            AuthoringAction::AddCommitment(section) => {
                // Only a form: the löfte exists once it is saved (Avbryt leaves nothing).
                let suggestions = match &cx.data.board {
                    Some((b, _)) => store.focus_areas_for(b.municipality.id, b.pledge.period)?,
                    None => Vec::new(),
                };
                let blank = crate::domain::Commitment {
                    id: CommitmentId(0),
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
                screens.authoring.commitment_form = Some(CommitmentForm::new(&blank, suggestions));
                Effect::none()
            }
            AuthoringAction::MoveCommitment(id, step) => {
                store.move_commitment(id, step)?;
                Effect::reload(Reload::Board)
            }
            AuthoringAction::MoveCommitmentTo(id, to) => {
                store.move_commitment_to_section(id, to)?;
                Effect::reload(Reload::Board)
            }
            AuthoringAction::DeleteCommitment(id) => {
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
            AuthoringAction::AskRemove(what) => {
                let r = removal(store, what)?;
                screens.authoring.removing = Some((what, r.summary()));
                Effect::none()
            }
            AuthoringAction::Remove(what) => {
                // A copy first (a database only in memory, as in tests, has no folder).
                if store.path().is_some() {
                    store.backup_copy(crate::store::CopyKind::BeforeRemoval, cx.clock.now())?;
                }
                let r = store.remove_read(|s| removal(s, what))?;
                screens.authoring.removing = None;
                screens.board.selected = None;
                if let crate::ui::authoring::Removal::Kommun(_) = what {
                    screens.nav.selection = None;
                    screens.nav.tab = Tab::Board;
                }
                let text = format!("Tog bort {} ({}).", r.what, r.summary());
                Effect::reload(Reload::All)
                    .toast(text)
                    .undo(Undo::RestoreRemoved(Box::new(r)))
            }
            AuthoringAction::StartWithoutExamples => {
                // All of it or nothing.
                store.atomically(|s| {
                    for m in s.municipalities()? {
                        s.remove_read(|s| s.municipality_removal(m.id))?;
                    }
                    s.remove_empty_police_areas()
                })?;
                screens.first_start = false;
                screens.nav.selection = None;
                // The examples' 2024 is nobody's year now: this year's.
                screens.nav.year = Some(chrono::Datelike::year(&cx.today));
                cx.prefs.municipality = None;
                cx.prefs.year = None;
                Effect::reload(Reload::All)
                    .toast("Exempelkommunerna togs bort. Lägg till er kommun.")
            }
            AuthoringAction::RenameMunicipality(m, name) => {
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
            AuthoringAction::EditCommitment(c) => {
                let form = commitment_form(store, c)?;
                screens.board.activity_form = None;
                screens.authoring.commitment_form = Some(form);
                Effect::none()
            }
            AuthoringAction::SaveCommitment(c) => {
                if c.id.0 == 0 {
                    store.add_commitment(c.section, &CommitmentDraft::from(&*c))?;
                } else {
                    store.update_commitment(&c)?;
                }
                screens.authoring.commitment_form = None;
                Effect::reload(Reload::Board).toast("Löftet sparades.")
            }
            AuthoringAction::CloseCommitmentForm => {
                screens.authoring.commitment_form = None;
                Effect::none()
            }
            AuthoringAction::OpenNewMunicipality => {
                // From the store, not the shown data: right after the examples went, the
                // areas shown are gone.
                screens.new_municipality = NewMunicipalityForm {
                    open: true,
                    area: store.police_areas()?.first().map(|a| a.id),
                    ..Default::default()
                };
                Effect::none()
            }
            AuthoringAction::CloseNewMunicipality => {
                screens.new_municipality.open = false;
                Effect::none()
            }
            AuthoringAction::CreateMunicipality { name, area } => {
                let a = store.ensure_police_area(&area)?;
                let m = store.add_municipality(&name, a)?;
                screens.new_municipality = NewMunicipalityForm::default();
                screens.nav.selection = Some(Selection::Municipality(m));
                screens.nav.tab = Tab::Edit;
                // Its first medborgarlöfte is for the year shown (this year on a new file).
                screens.authoring.new_period = screens
                    .nav
                    .year
                    .unwrap_or_else(|| chrono::Datelike::year(&cx.today))
                    .to_string();
                cx.prefs.municipality = Some(name.clone());
                Effect::reload(Reload::All).toast(format!(
                    "Kommunen {name} skapades. Lägg till dess medborgarlöfte under Redigera."
                ))
            }
        })
    }
}

/// The löfte editor for `c`, with the kommun's fokusområden as suggestions.
fn commitment_form(store: &Store, c: CommitmentId) -> crate::store::Result<CommitmentForm> {
    let cm = store.commitment(c)?;
    let pledge = store.pledge(store.pledge_of_commitment(c)?)?;
    let suggestions = store.focus_areas_for(pledge.municipality, pledge.period)?;
    Ok(CommitmentForm::new(&cm, suggestions))
}

/// What removing a medborgarlöfte or a kommun takes, read now.
fn removal(
    store: &Store,
    what: crate::ui::authoring::Removal,
) -> crate::store::Result<crate::store::Removed> {
    match what {
        crate::ui::authoring::Removal::Pledge(p) => store.pledge_removal(p),
        crate::ui::authoring::Removal::Kommun(m) => store.municipality_removal(m),
    }
}

/// After creating a medborgarlöfte: show its first year, on the Redigera tab.
fn show_new_pledge(cx: &mut Ctx, period: Period) {
    cx.screens.nav.year = Some(period.first);
    cx.prefs.year = Some(period.first);
    cx.screens.nav.tab = Tab::Edit;
    cx.screens.board.selected = None;
}
