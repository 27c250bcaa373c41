//! Trygghetsvandringar on the command line: record a walk, add, change and delete
//! observations (with photos and a position).

use super::{CliError, find_kommun};
use crate::domain::{
    CommitmentId, Observation, ObservationCategory, ObservationId, ObservationStatus, SafetyWalk,
    TimeOfDay, WalkId,
};
use crate::store::Store;
use crate::validate::{Invalid, parse_date, parse_optional_date, parse_position};
use chrono::NaiveDate;
use std::path::PathBuf;

/// Input of `add-vandring`.
pub struct WalkArgs<'a> {
    pub kommun: &'a str,
    pub date: &'a str,
    pub area: &'a str,
    pub light: Option<&'a str>,
    pub participants: u32,
    pub organisations: &'a str,
    pub commitment: Option<i64>,
}

/// `add-vandring`: records a walk; its id.
pub fn add_walk(store: &mut Store, a: &WalkArgs) -> Result<WalkId, CliError> {
    let m = find_kommun(store, a.kommun)?;
    let time_of_day = match a.light.map(|s| s.trim().to_lowercase()) {
        None => TimeOfDay::Dark,
        Some(s) if s == "mörker" || s == "morker" => TimeOfDay::Dark,
        Some(s) if s == "dagsljus" => TimeOfDay::Daylight,
        Some(s) => {
            return Err(CliError(format!(
                "Okänt ljus: {s}. Skriv dagsljus eller mörker."
            )));
        }
    };
    let commitment = match a.commitment {
        Some(id) => {
            let c = store.commitment(CommitmentId(id))?;
            Some(c.id)
        }
        None => None,
    };
    Ok(store.add_walk(&SafetyWalk {
        version: 0,
        id: WalkId::NEW,
        municipality: m.id,
        date: parse_date(a.date)?,
        time_of_day,
        area: a.area.to_string(),
        organisations: a
            .organisations
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        participants: a.participants,
        notes: String::new(),
        commitment,
        revisit_of: None,
    })?)
}

/// Input of `add-iakttagelse` and `edit-iakttagelse`: what is given is set, the rest kept.
#[derive(Default)]
pub struct ObservationArgs {
    pub place: Option<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub measure: Option<String>,
    pub responsible: Option<String>,
    pub deadline: Option<String>,
    pub positive: bool,
    pub photos: Vec<PathBuf>,
    pub position: Option<String>,
    /// Take the position from the first photo that has one.
    pub photo_position: bool,
}

fn category(s: &str) -> Result<ObservationCategory, CliError> {
    let wanted = s.trim().to_lowercase();
    ObservationCategory::ALL
        .into_iter()
        .find(|c| c.key() == wanted || c.label().to_lowercase() == wanted)
        .ok_or_else(|| {
            let all: Vec<&str> = ObservationCategory::ALL.iter().map(|c| c.key()).collect();
            CliError(format!(
                "Okänd kategori: {}. Välj en av: {}.",
                s.trim(),
                all.join(", ")
            ))
        })
}

/// Every photo read and prepared before anything is stored: one bad file stops it all.
/// With the position the camera recorded, if any (used only when asked for).
fn prepared_photos(
    files: &[PathBuf],
) -> Result<Vec<(crate::domain::Photo, Option<crate::domain::GeoPoint>)>, CliError> {
    files
        .iter()
        .map(|f| crate::files::read_photo(f).map_err(|e| CliError(format!("{}: {e}", f.display()))))
        .collect()
}

/// `o` with the position of the first photo that has one, when asked for.
fn with_photo_position(
    mut o: Observation,
    a: &ObservationArgs,
    photos: &[(crate::domain::Photo, Option<crate::domain::GeoPoint>)],
) -> Result<Observation, CliError> {
    if a.photo_position {
        o.position = Some(
            photos
                .iter()
                .find_map(|(_, p)| *p)
                .ok_or_else(|| CliError("Fotot har ingen position (GPS-uppgift).".into()))?,
        );
    }
    Ok(o)
}

/// `o` with what `a` gives.
fn apply(mut o: Observation, a: &ObservationArgs) -> Result<Observation, CliError> {
    if let Some(p) = &a.place {
        o.place = p.clone();
    }
    if let Some(c) = &a.category {
        o.category = category(c)?;
    }
    if let Some(d) = &a.description {
        o.description = d.clone();
    }
    if let Some(m) = &a.measure {
        o.measure = m.clone();
    }
    if let Some(r) = &a.responsible {
        o.responsible = r.clone();
    }
    if let Some(d) = &a.deadline {
        o.deadline = parse_optional_date(d)?;
    }
    if a.positive {
        o.positive = true;
        o.measure.clear();
        o.responsible.clear();
        o.deadline = None;
    }
    if let Some(p) = &a.position {
        o.position = parse_position(p)?;
    }
    if o.place.trim().is_empty() {
        return Err(Invalid::Required("Plats").into());
    }
    Ok(o)
}

/// `add-iakttagelse`: an observation with its photos, in one transaction; its id.
pub fn add_observation(
    store: &mut Store,
    walk: i64,
    a: &ObservationArgs,
    today: NaiveDate,
) -> Result<ObservationId, CliError> {
    let w = store.walk(WalkId(walk))?;
    let Some(c) = &a.category else {
        return Err(CliError("Ange --kategori.".into()));
    };
    let blank = Observation {
        version: 0,
        id: ObservationId::NEW,
        walk: w.id,
        place: String::new(),
        category: category(c)?,
        description: String::new(),
        measure: String::new(),
        responsible: String::new(),
        deadline: None,
        status: ObservationStatus::New,
        status_reason: String::new(),
        updated_on: today,
        positive: false,
        position: None,
    };
    let o = apply(blank, a)?;
    let photos = prepared_photos(&a.photos)?;
    let o = with_photo_position(o, a, &photos)?;
    Ok(store.atomically(|s| {
        let id = s.add_observation(&o)?;
        for (p, _) in &photos {
            s.add_photo(id, p)?;
        }
        Ok(id)
    })?)
}

/// `edit-iakttagelse`: changes what is given; new photos are added after the others.
pub fn edit_observation(store: &mut Store, id: i64, a: &ObservationArgs) -> Result<(), CliError> {
    let o = store.observation(ObservationId(id))?;
    let o = apply(o, a)?;
    let photos = prepared_photos(&a.photos)?;
    let o = with_photo_position(o, a, &photos)?;
    Ok(store.atomically(|s| {
        s.update_observation(&o)?;
        for (p, _) in &photos {
            s.add_photo(o.id, p)?;
        }
        Ok(())
    })?)
}

/// `delete-iakttagelse`: the observation with its photos and history; its place.
pub fn delete_observation(store: &mut Store, id: i64) -> Result<String, CliError> {
    let d = store.delete_observation_for_undo(ObservationId(id))?;
    Ok(d.observation.place)
}
