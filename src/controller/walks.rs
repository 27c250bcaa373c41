//! Trygghetsvandringar and the åtgärdslista: walks, observations and their status.

use super::{Ctx, Effect, Reload, Result, Undo};
use crate::domain::CommitmentId;
use crate::ui::WalkAction;
use crate::ui::walk_form::WalkForm;

impl WalkAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        match self {
            a @ (WalkAction::ChoosePhotos(_)
            | WalkAction::AddPhotoFiles(..)
            | WalkAction::DroppedFiles(_)
            | WalkAction::UsePhotoPosition(..)
            | WalkAction::DeletePhoto(_)) => photos(a, cx),
            a @ (WalkAction::AddObservation(_)
            | WalkAction::ShowObservation(..)
            | WalkAction::SelectObservation(_)
            | WalkAction::EditObservation(_)
            | WalkAction::UpdateObservation(_)
            | WalkAction::DeleteObservation(_)
            | WalkAction::SetObservationStatus { .. }) => observations(a, cx),
            a => walks(a, cx),
        }
    }
}

/// Walks: choose, plan, change, remove; their protokoll and åtgärdslista.
fn walks(action: WalkAction, cx: &mut Ctx) -> Result<Effect> {
    Ok(match action {
        WalkAction::Select(w) => {
            cx.screens.walks.select(w);
            Effect::reload(Reload::Selected)
        }
        WalkAction::New => {
            if let Some(m) = cx.screens.nav.municipality() {
                let choices = commitment_choices(cx);
                cx.screens
                    .walks
                    .open_form(WalkForm::new(m, cx.today, choices));
            }
            Effect::none()
        }
        WalkAction::Edit(id) => {
            let w = cx.store.walk(id)?;
            let choices = commitment_choices(cx);
            cx.screens.walks.open_form(WalkForm::edit(&w, choices));
            Effect::none()
        }
        WalkAction::Revisit(id) => {
            let earlier = cx.store.walk(id)?;
            let choices = commitment_choices(cx);
            cx.screens
                .walks
                .open_form(WalkForm::revisit(&earlier, cx.today, choices));
            Effect::none()
        }
        WalkAction::Save(w) => {
            let id = if !w.id.is_new() {
                cx.store.update_walk(&w)?;
                w.id
            } else {
                cx.store.add_walk(&w)?
            };
            cx.screens.walks.saved(id);
            Effect::reload(Reload::Board).toast(format!("Trygghetsvandringen {} sparades.", w.date))
        }
        WalkAction::Delete(id) => {
            let d = cx.store.delete_walk_for_undo(id)?;
            Effect::reload(Reload::Board)
                .toast(format!(
                    "Trygghetsvandringen {} togs bort med {} iakttagelser.",
                    d.walk.date,
                    d.observations.len()
                ))
                .undo(Undo::RestoreWalk(Box::new(d)))
        }
        WalkAction::OpenProtocol(walk) => crate::ui::ExportAction::OpenProtocol(walk).apply(cx)?,
        WalkAction::OpenMeasures(r) => match cx.screens.nav.municipality() {
            Some(m) => crate::ui::ExportAction::OpenMeasures(m, r).apply(cx)?,
            None => Effect::none(),
        },
        _ => Effect::none(),
    })
}

/// Observations of the selected walk: add, show, change, remove, status.
fn observations(action: WalkAction, cx: &mut Ctx) -> Result<Effect> {
    Ok(match action {
        WalkAction::AddObservation(o) => {
            let id = cx.store.add_observation(&o)?;
            // The new observation's card opens (and scrolls into view): its photos are
            // added there, right after the row is typed.
            cx.screens.walks.open_card(id);
            Effect::reload(Reload::Selected)
        }
        WalkAction::ShowObservation(walk, o) => {
            cx.screens.nav.show_tab(crate::ui::nav::Tab::Walks);
            cx.screens.walks.show_observation(walk, o);
            Effect::reload(Reload::Selected)
        }
        WalkAction::SelectObservation(o) => {
            cx.screens.walks.select_observation(o);
            Effect::reload(Reload::Selected)
        }
        WalkAction::EditObservation(id) => {
            let o = cx.store.observation(id)?;
            cx.screens.walks.edit_observation(o);
            Effect::none()
        }
        WalkAction::UpdateObservation(o) => {
            cx.store.update_observation(&o)?;
            cx.screens.walks.observation_saved();
            Effect::reload(Reload::Selected).toast(format!("{} sparades.", o.place))
        }
        WalkAction::DeleteObservation(id) => {
            let d = cx.store.delete_observation_for_undo(id)?;
            cx.screens.walks.observation_deleted(id);
            Effect::reload(Reload::Selected)
                .toast(format!(
                    "Iakttagelsen \"{}\" togs bort.",
                    d.observation.place
                ))
                .undo(Undo::RestoreObservation(Box::new(d)))
        }
        WalkAction::SetObservationStatus { id, status, reason } => {
            let before = cx.store.observation(id)?;
            let mut o = before.clone();
            o.status = status;
            o.status_reason = reason;
            o.updated_on = cx.today;
            cx.store.update_observation(&o)?;
            let toast = format!("{}: {}.", o.place, status.label());
            let effect = Effect::reload(Reload::Selected).toast(toast);
            if before.status == status {
                effect
            } else {
                effect.undo(Undo::RevertObservationStatus(Box::new(before), status))
            }
        }
        _ => Effect::none(),
    })
}

/// Photos of an observation: chosen, dropped, typed; their position; removed.
fn photos(action: WalkAction, cx: &mut Ctx) -> Result<Effect> {
    Ok(match action {
        WalkAction::ChoosePhotos(o) => {
            // None is Cancel, or no file dialog on this desktop: say so.
            match cx.dialogs.pick_files(
                "Välj foton",
                ("Bilder", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"]),
            ) {
                Some(files) => return photos(WalkAction::AddPhotoFiles(o, files), cx),
                None => {
                    cx.screens.walks.ask_photo_path();
                    Effect::none().toast(
                        "Inga foton valdes. Skriv bildfilens sökväg i kortet, eller dra bildfilerna till fönstret.",
                    )
                }
            }
        }
        WalkAction::AddPhotoFiles(o, files) => add_photo_files(cx, o, &files)?,
        WalkAction::DroppedFiles(files) => {
            let on_walks = cx.screens.nav.tab == crate::ui::nav::Tab::Walks;
            match (on_walks, cx.screens.walks.state.observation) {
                (true, Some(o)) => add_photo_files(cx, o, &files)?,
                _ => Effect::none().toast(
                    "Släpp bilderna på en iakttagelse: öppna Trygghetsvandringar och klicka på iakttagelsen först.",
                ),
            }
        }
        WalkAction::UsePhotoPosition(id, p) => {
            let mut o = cx.store.observation(id)?;
            o.position = Some(p);
            cx.store.update_observation(&o)?;
            cx.screens.walks.position_taken();
            Effect::reload(Reload::Selected).toast(format!("{}: position {p}.", o.place))
        }
        WalkAction::DeletePhoto(id) => {
            cx.store.delete_photo(id)?;
            cx.screens.walks.photo_deleted();
            Effect::reload(Reload::Selected).toast("Fotot togs bort.")
        }
        _ => Effect::none(),
    })
}

/// Reads, prepares and stores photo files for an observation. A file that is not a photo
/// (or is too large) is named in the message and nothing of it is stored; the others are.
fn add_photo_files(
    cx: &mut Ctx,
    o: crate::domain::ObservationId,
    files: &[std::path::PathBuf],
) -> Result<Effect> {
    let mut added = 0;
    let mut refused = Vec::new();
    let mut found = None;
    let has_position = cx.store.observation(o)?.position.is_some();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| f.display().to_string());
        match crate::files::read_photo(f) {
            Ok((p, position)) => {
                cx.store.add_photo(o, &p)?;
                added += 1;
                // The photo's own position is offered, never kept without asking.
                if !has_position {
                    found = position.or(found);
                }
            }
            Err(why) => refused.push(format!("{name}: {why}")),
        }
    }
    cx.screens.walks.photos_added(o, added, found);
    let mut text = match added {
        0 => String::from("Inga foton sparades."),
        1 => String::from("1 foto sparades."),
        n => format!("{n} foton sparades."),
    };
    if !refused.is_empty() {
        text.push(' ');
        text.push_str(&refused.join(" "));
    }
    Ok(Effect::reload(Reload::Selected).toast(text))
}

/// Löften of the shown board a walk can count towards: (id, short text).
fn commitment_choices(cx: &Ctx) -> Vec<(CommitmentId, String)> {
    cx.data
        .board
        .as_ref()
        .map(|(b, _)| {
            b.commitments
                .iter()
                .map(|c| (c.id, crate::validate::clip_words(&c.text, 70)))
                .collect()
        })
        .unwrap_or_default()
}
