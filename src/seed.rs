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
    #[serde(rename = "kommun")]
    municipality: String,
    #[serde(rename = "lokalpolisomrade")]
    police_area: String,
    #[serde(rename = "medborgarlofte")]
    pledge: PledgeHead,
    #[serde(default)]
    #[serde(rename = "avsnitt")]
    sections: Vec<SectionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeHead {
    period: String,
    #[serde(rename = "rubrik")]
    title: String,
    #[serde(default)]
    #[serde(rename = "malsattning")]
    goal: String,
    #[serde(default)]
    #[serde(rename = "kontakt")]
    contact: Option<String>,
    #[serde(default)]
    #[serde(rename = "undertecknare")]
    signatories: Vec<SignatoryFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatoryFile {
    #[serde(rename = "namn")]
    name: String,
    #[serde(rename = "roll")]
    role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    #[serde(rename = "rubrik")]
    title: String,
    #[serde(default)]
    #[serde(rename = "loften")]
    commitments: Vec<CommitmentFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommitmentFile {
    text: String,
    #[serde(rename = "ansvarig")]
    party: String,
    #[serde(default)]
    #[serde(rename = "mal")]
    targets: Vec<TargetFile>,
    #[serde(default)]
    #[serde(rename = "delomraden")]
    sub_areas: Vec<String>,
    #[serde(default)]
    #[serde(rename = "fokus")]
    tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFile {
    #[serde(rename = "antal")]
    count: u32,
    #[serde(rename = "enhet")]
    unit: String,
    #[serde(default)]
    #[serde(rename = "per_ar")]
    per_year: bool,
    #[serde(default)]
    #[serde(rename = "ansvarig")]
    party: Option<String>,
    #[serde(default)]
    #[serde(rename = "namn")]
    label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreementFile {
    #[serde(rename = "kommun")]
    municipality: String,
    #[serde(rename = "lokalpolisomrade")]
    police_area: String,
    period: String,
    #[serde(rename = "rubrik")]
    title: String,
    #[serde(rename = "fokusomraden")]
    focus_areas: Vec<String>,
    #[serde(default, rename = "parter")]
    parties: Vec<String>,
    #[serde(default, rename = "forum")]
    forums: Vec<String>,
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
    pub parties: Vec<String>,
    pub forums: Vec<String>,
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
    for s in f.sections {
        let mut commitments = Vec::new();
        for c in s.commitments {
            let mut targets = Vec::new();
            for t in c.targets {
                if t.count == 0 {
                    return Err(format!("{file}: målet för \"{}\" är 0", c.text));
                }
                targets.push(TargetDraft {
                    count: t.count,
                    unit: t.unit,
                    scope: if t.per_year {
                        TargetScope::PerYear
                    } else {
                        TargetScope::Period
                    },
                    party: t.party.as_deref().map(|p| party(p, file)).transpose()?,
                    label: t.label,
                });
            }
            commitments.push(CommitmentDraft {
                party: party(&c.party, file)?,
                text: c.text,
                targets,
                sub_areas: c.sub_areas,
                tags: c.tags,
            });
        }
        sections.push(SectionDraft {
            title: s.title,
            commitments,
        });
    }
    Ok(SeedPledge {
        municipality: f.municipality,
        police_area: f.police_area,
        period: period(&f.pledge.period, file)?,
        draft: PledgeDraft {
            title: f.pledge.title,
            goal: f.pledge.goal.trim().to_string(),
            contact: f.pledge.contact,
            signatories: f
                .pledge
                .signatories
                .into_iter()
                .map(|s| Signatory {
                    name: s.name,
                    role: s.role,
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
        municipality: f.municipality,
        police_area: f.police_area,
        title: f.title,
        focus_areas: f.focus_areas,
        parties: f.parties,
        forums: f.forums,
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
        let seed = parse_pledge(file, text).map_err(StoreError::Seed)?;
        let m = ensure_municipality(store, &seed.municipality, &seed.police_area)?;
        store.insert_pledge(m, seed.period, &seed.draft)?;
    }
    for (file, text) in AGREEMENT_FILES {
        let a = parse_agreement(file, text).map_err(StoreError::Seed)?;
        let m = ensure_municipality(store, &a.municipality, &a.police_area)?;
        let id = store.add_agreement(m, a.period, &a.title, &a.focus_areas)?;
        store.update_agreement(id, a.period, &a.title, &a.parties, &a.forums)?;
    }
    store.derive_seed_ids()
}
