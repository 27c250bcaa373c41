//! `trygghetstavlan demo`: realistic example insatser and trygghetsvandringar, clearly
//! marked "Exempel", so that a new user can try the board and the report.

use crate::domain::{
    Activity, ActivityId, GeoPoint, MunicipalityId, Observation, ObservationCategory,
    ObservationId, ObservationStatus, SafetyWalk, TargetScope, TimeOfDay, WalkId,
};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate};

/// Every example text starts with this, so examples are easy to spot and remove.
pub const MARK: &str = "Exempel";

const PLACES: &[&str] = &[
    "Centrum",
    "Stationsområdet",
    "Torget",
    "Skolområdet",
    "Hamnen",
    "Idrottsplatsen",
];

/// Small deterministic generator (same data on every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoCounts {
    pub activities: u32,
    pub walks: u32,
    pub observations: u32,
}

/// True when example data have been added already.
pub fn has_demo(store: &Store) -> Result<bool, StoreError> {
    for m in store.municipalities()? {
        if store.walks(m.id)?.iter().any(|w| w.area.starts_with(MARK)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Adds example data for every kommun's latest medborgarlöfte, as of `today`, in one
/// transaction: a killed run leaves nothing, so running it again adds it once.
pub fn add_demo(store: &mut Store, today: NaiveDate) -> Result<DemoCounts, StoreError> {
    store.atomically(|s| add_demo_in(s, today))
}

fn add_demo_in(store: &mut Store, today: NaiveDate) -> Result<DemoCounts, StoreError> {
    if has_demo(store)? {
        return Err(crate::validate::Invalid::DemoExists.into());
    }
    let mut rng = Lcg(20240501);
    let mut counts = DemoCounts::default();
    for m in store.municipalities()? {
        let Some(pledge) = store.pledges(m.id)?.into_iter().next() else {
            continue;
        };
        let period = pledge.period;
        let end = today.min(period.end());
        let start = period.start();
        if end < start {
            continue;
        }
        let span = (end - start).num_days().max(0) as u64;
        let commitments = store.commitments(pledge.id)?;
        for (i, c) in commitments.iter().enumerate() {
            // A mix of fates: done, well on the way, behind, untouched.
            let share = [1.0, 0.6, 1.2, 0.3, 0.0, 1.0, 0.75][i % 7];
            for t in &c.targets {
                let years = if t.scope == TargetScope::PerYear {
                    period.year_count()
                } else {
                    1
                };
                let n = ((t.count * years) as f64 * share).round() as u32;
                for k in 0..n {
                    let date = start + Duration::days(rng.below(span + 1) as i64);
                    let place = if c.sub_areas.is_empty() {
                        PLACES[rng.below(PLACES.len() as u64) as usize].to_string()
                    } else {
                        c.sub_areas[rng.below(c.sub_areas.len() as u64) as usize].clone()
                    };
                    let what = t.label.clone().unwrap_or_else(|| t.unit.clone());
                    let a = Activity {
                        version: 0,
                        id: ActivityId::NEW,
                        municipality: m.id,
                        commitment: Some(c.id),
                        target: Some(t.id),
                        date,
                        by: t.party.unwrap_or(c.party),
                        count: 1,
                        place,
                        description: format!("{MARK}: {what} nr {}", k + 1),
                        internal_note: if k == 0 {
                            format!("{MARK}: intern anteckning, kommer aldrig med i export")
                        } else {
                            String::new()
                        },
                    };
                    store.add_activity(&a)?;
                    counts.activities += 1;
                }
            }
            if c.targets.is_empty() && i % 3 == 0 {
                let day = start + Duration::days(rng.below(span + 1) as i64);
                store.set_checked(c.id, Some(day))?;
            }
        }
        add_demo_walk(store, m.id, start, end, &mut rng, &mut counts)?;
    }
    Ok(counts)
}

fn add_demo_walk(
    store: &mut Store,
    m: MunicipalityId,
    start: NaiveDate,
    end: NaiveDate,
    rng: &mut Lcg,
    counts: &mut DemoCounts,
) -> Result<(), StoreError> {
    let span = (end - start).num_days().max(0) as u64;
    let date = start + Duration::days(rng.below(span + 1) as i64);
    let walk = SafetyWalk {
        version: 0,
        revisit_of: None,
        id: WalkId::NEW,
        municipality: m,
        date,
        time_of_day: TimeOfDay::Dark,
        area: format!("{MARK}: Centrum – stationen – parken"),
        organisations: vec![
            "Polisen".into(),
            "Kommunen, säkerhetsenheten".into(),
            "Bostadsbolaget".into(),
            "Grannsamverkan".into(),
        ],
        participants: 14,
        notes: format!("{MARK}: kvällsvandring i mörker."),
        commitment: None,
    };
    let walk_id = store.add_walk(&walk)?;
    counts.walks += 1;
    let rows = [
        (
            "Gångtunneln vid stationen",
            ObservationCategory::Lighting,
            "Två armaturer ur funktion, mörkt och otryggt.",
            "Byta armaturer",
            "Gatuavdelningen",
            ObservationStatus::Fixed,
        ),
        (
            "Parkens västra del",
            ObservationCategory::Vegetation,
            "Buskage skymmer sikten mot gångvägen.",
            "Beskära buskage",
            "Parkförvaltningen",
            ObservationStatus::Ongoing,
        ),
        (
            "Busshållplatsen vid torget",
            ObservationCategory::Graffiti,
            "Klotter på väderskyddet.",
            "Sanera klotter",
            "Kollektivtrafiken",
            ObservationStatus::New,
        ),
        (
            "Återvinningsstationen",
            ObservationCategory::Litter,
            "Nedskräpning runt containrarna.",
            "Tätare tömning",
            "Fastighetsägaren",
            ObservationStatus::WontFix,
        ),
    ];
    for (i, (place, cat, desc, measure, resp, status)) in rows.into_iter().enumerate() {
        let o = Observation {
            version: 0,
            id: ObservationId::NEW,
            walk: walk_id,
            place: place.into(),
            category: cat,
            description: desc.into(),
            measure: measure.into(),
            responsible: resp.into(),
            deadline: Some(date + Duration::days(30 + 15 * i as i64)),
            status,
            status_reason: if status == ObservationStatus::WontFix {
                "Ansvaret ligger hos den privata fastighetsägaren, som har informerats.".into()
            } else {
                String::new()
            },
            updated_on: date,
            positive: false,
            // The first place is pinned on the map (an example near the kommun's centre).
            position: (i == 0)
                .then(|| GeoPoint::from_degrees(56.0, 14.5))
                .flatten(),
        };
        store.add_observation(&o)?;
        counts.observations += 1;
    }
    // A place that feels safe is part of the protokoll too, never of the åtgärdslista.
    store.add_observation(&Observation {
        version: 0,
        id: ObservationId::NEW,
        walk: walk_id,
        place: "Torget".into(),
        category: ObservationCategory::Other,
        description: "Upplevs tryggt: väl upplyst och folk i rörelse på kvällen.".into(),
        measure: String::new(),
        responsible: String::new(),
        deadline: None,
        status: ObservationStatus::Fixed,
        status_reason: String::new(),
        updated_on: date,
        positive: true,
        position: None,
    })?;
    counts.observations += 1;
    Ok(())
}
