//! The seed files under `assets/seed/`: the four kommuner's real medborgarlöften,
//! structured by hand, loaded into a new database on first start.

use crate::domain::{
    CommitmentDraft, Party, Period, PledgeDraft, SectionDraft, Signatory, TargetDraft, TargetScope,
};
use crate::store::{Store, StoreError};
use serde::Deserialize;

/// (file name, contents) of every medborgarlöfte seed.
pub const PLEDGE_FILES: &[(&str, &str)] = &[
    (
        "bromolla.toml",
        include_str!("../assets/seed/bromolla.toml"),
    ),
    (
        "solvesborg.toml",
        include_str!("../assets/seed/solvesborg.toml"),
    ),
    (
        "olofstrom.toml",
        include_str!("../assets/seed/olofstrom.toml"),
    ),
    ("sotenas.toml", include_str!("../assets/seed/sotenas.toml")),
];

pub const AGREEMENT_FILES: &[(&str, &str)] = &[(
    "bromolla-overenskommelse.toml",
    include_str!("../assets/seed/bromolla-overenskommelse.toml"),
)];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeFile {
    kommun: String,
    lokalpolisomrade: String,
    medborgarlofte: PledgeHead,
    #[serde(default)]
    avsnitt: Vec<SectionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeHead {
    period: String,
    rubrik: String,
    #[serde(default)]
    malsattning: String,
    #[serde(default)]
    kontakt: Option<String>,
    #[serde(default)]
    undertecknare: Vec<SignatoryFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatoryFile {
    namn: String,
    roll: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    rubrik: String,
    #[serde(default)]
    loften: Vec<CommitmentFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommitmentFile {
    text: String,
    ansvarig: String,
    #[serde(default)]
    mal: Vec<TargetFile>,
    #[serde(default)]
    delomraden: Vec<String>,
    #[serde(default)]
    fokus: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFile {
    antal: u32,
    enhet: String,
    #[serde(default)]
    per_ar: bool,
    #[serde(default)]
    ansvarig: Option<String>,
    #[serde(default)]
    namn: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreementFile {
    kommun: String,
    lokalpolisomrade: String,
    period: String,
    rubrik: String,
    fokusomraden: Vec<String>,
}

/// A medborgarlöfte read from a seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedPledge {
    pub municipality: String,
    pub police_area: String,
    pub period: Period,
    pub draft: PledgeDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedAgreement {
    pub municipality: String,
    pub police_area: String,
    pub period: Period,
    pub title: String,
    pub focus_areas: Vec<String>,
}

fn party(s: &str, file: &str) -> Result<Party, String> {
    Party::parse(s).ok_or_else(|| {
        format!("{file}: okänd ansvarig \"{s}\" (Polisen, Kommunen eller Gemensamt)")
    })
}

fn period(s: &str, file: &str) -> Result<Period, String> {
    Period::parse(s)
        .ok_or_else(|| format!("{file}: ogiltig period \"{s}\" (t.ex. 2024 eller 2023-2024)"))
}

/// Parses one medborgarlöfte seed file.
pub fn parse_pledge(file: &str, text: &str) -> Result<SeedPledge, String> {
    let f: PledgeFile = toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let mut sections = Vec::new();
    for s in f.avsnitt {
        let mut commitments = Vec::new();
        for c in s.loften {
            let mut targets = Vec::new();
            for t in c.mal {
                if t.antal == 0 {
                    return Err(format!("{file}: målet för \"{}\" är 0", c.text));
                }
                targets.push(TargetDraft {
                    count: t.antal,
                    unit: t.enhet,
                    scope: if t.per_ar {
                        TargetScope::PerYear
                    } else {
                        TargetScope::Period
                    },
                    party: t.ansvarig.as_deref().map(|p| party(p, file)).transpose()?,
                    label: t.namn,
                });
            }
            commitments.push(CommitmentDraft {
                party: party(&c.ansvarig, file)?,
                text: c.text,
                targets,
                sub_areas: c.delomraden,
                tags: c.fokus,
            });
        }
        sections.push(SectionDraft {
            title: s.rubrik,
            commitments,
        });
    }
    Ok(SeedPledge {
        municipality: f.kommun,
        police_area: f.lokalpolisomrade,
        period: period(&f.medborgarlofte.period, file)?,
        draft: PledgeDraft {
            title: f.medborgarlofte.rubrik,
            goal: f.medborgarlofte.malsattning.trim().to_string(),
            contact: f.medborgarlofte.kontakt,
            signatories: f
                .medborgarlofte
                .undertecknare
                .into_iter()
                .map(|s| Signatory {
                    name: s.namn,
                    role: s.roll,
                })
                .collect(),
            sections,
        },
    })
}

pub fn parse_agreement(file: &str, text: &str) -> Result<SeedAgreement, String> {
    let f: AgreementFile = toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    Ok(SeedAgreement {
        period: period(&f.period, file)?,
        municipality: f.kommun,
        police_area: f.lokalpolisomrade,
        title: f.rubrik,
        focus_areas: f.fokusomraden,
    })
}

fn ensure_municipality(
    store: &mut Store,
    name: &str,
    area: &str,
) -> Result<crate::domain::MunicipalityId, StoreError> {
    if let Some(m) = store.municipality_by_name(name)? {
        return Ok(m.id);
    }
    let area = store.ensure_police_area(area)?;
    store.add_municipality(name, area)
}

/// Fills a new database with the seed kommuner, their medborgarlöften and agreements.
pub fn install(store: &mut Store) -> Result<(), StoreError> {
    for (file, text) in PLEDGE_FILES {
        let seed = parse_pledge(file, text).map_err(StoreError::Invalid)?;
        let m = ensure_municipality(store, &seed.municipality, &seed.police_area)?;
        store.insert_pledge(m, seed.period, &seed.draft)?;
    }
    for (file, text) in AGREEMENT_FILES {
        let a = parse_agreement(file, text).map_err(StoreError::Invalid)?;
        let m = ensure_municipality(store, &a.municipality, &a.police_area)?;
        store.add_agreement(m, a.period, &a.title, &a.focus_areas)?;
    }
    Ok(())
}
