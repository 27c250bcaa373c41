//! The follow-up of a samverkansöverenskommelse: per fokusområde and year the löften with
//! their status, the insatser (the sum of their antal), the walks, the händelser in its
//! kategorier and the linked indicators; then the years overall. Pure: the records are
//! read by the store and the statuses worked out by the caller.

use super::indicators::Indicator;
use super::{Agreement, CommitmentId, FocusAreaId, Period, Status};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeSet, HashMap, HashSet};

/// What the store reads for an agreement (`Records::agreement_records`).
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementRecords {
    pub agreement: Agreement,
    pub municipality: String,
    /// The kommun's medborgarlöften whose period meets the agreement's, oldest first.
    pub pledges: Vec<super::PledgeId>,
    /// Which löfte belongs to which fokusområde.
    pub commitment_areas: Vec<(CommitmentId, FocusAreaId)>,
    /// Every insats of the kommun in the agreement's years: date, antal, löfte and the
    /// fokusområden it carries itself.
    pub activities: Vec<FocusActivity>,
    /// Händelser per year and kategori in the agreement's years.
    pub incidents: Vec<(i32, String, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FocusActivity {
    pub date: NaiveDate,
    pub count: u32,
    pub commitment: Option<CommitmentId>,
    pub areas: Vec<FocusAreaId>,
}

/// A löfte as the follow-up needs it (status worked out from its board).
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentStatus {
    pub id: CommitmentId,
    pub text: String,
    pub status: Status,
    /// The period of its medborgarlöfte.
    pub period: Period,
}

/// A walk: its date and the löfte it was made for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WalkMark {
    pub date: NaiveDate,
    pub commitment: Option<CommitmentId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementFollowUp {
    pub title: String,
    pub municipality: String,
    pub period: Period,
    pub parties: Vec<String>,
    pub forums: Vec<String>,
    pub areas: Vec<AreaFollowUp>,
    /// The years overall: each insats, walk and händelse counted once.
    pub overall: Vec<YearFigures>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaFollowUp {
    pub name: String,
    pub categories: Vec<String>,
    pub years: Vec<AreaYear>,
    /// The linked indicators in words with their trend.
    pub indicators: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaYear {
    pub figures: YearFigures,
    /// The löften of the year's medborgarlöfte in this fokusområde.
    pub commitments: Vec<(String, Status)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct YearFigures {
    pub year: i32,
    pub commitments: u32,
    /// The sum of the insatser's antal.
    pub activities: u32,
    pub walks: u32,
    /// None: the fokusområde follows no kategori.
    pub incidents: Option<u32>,
}

impl AgreementFollowUp {
    /// The figures as CSV rows: `fokusområde;år;löften;insatser;vandringar;händelser`.
    pub fn csv_rows(&self) -> Vec<[String; 6]> {
        let mut rows = Vec::new();
        for a in &self.areas {
            for y in &a.years {
                let f = y.figures;
                rows.push([
                    a.name.clone(),
                    f.year.to_string(),
                    f.commitments.to_string(),
                    f.activities.to_string(),
                    f.walks.to_string(),
                    f.incidents.map(|n| n.to_string()).unwrap_or_default(),
                ]);
            }
        }
        rows
    }

    /// One line per fokusområde for a year, in plain words for the citizens' page
    /// ("Trafiksäkerhet: 2 löften, 41 insatser, 1 trygghetsvandring"); only fokusområden
    /// with something done that year.
    pub fn done_in(&self, year: i32) -> Vec<(String, String)> {
        self.areas
            .iter()
            .filter_map(|a| {
                let f = a.years.iter().find(|y| y.figures.year == year)?.figures;
                let mut parts = Vec::new();
                if f.commitments > 0 {
                    parts.push(plural(f.commitments, "löfte", "löften"));
                }
                if f.activities > 0 {
                    parts.push(plural(f.activities, "insats", "insatser"));
                }
                if f.walks > 0 {
                    parts.push(plural(f.walks, "trygghetsvandring", "trygghetsvandringar"));
                }
                (!parts.is_empty()).then(|| (a.name.clone(), parts.join(", ")))
            })
            .collect()
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Builds the follow-up from what the store read, the löften's statuses and the walks.
pub fn follow_up(
    r: &AgreementRecords,
    commitments: &[CommitmentStatus],
    walks: &[WalkMark],
    indicators: &[Indicator],
) -> AgreementFollowUp {
    let a = &r.agreement;
    let mut areas_of: HashMap<CommitmentId, Vec<FocusAreaId>> = HashMap::new();
    for (c, f) in &r.commitment_areas {
        areas_of.entry(*c).or_default().push(*f);
    }
    let known: HashSet<FocusAreaId> = a.focus_areas.iter().map(|f| f.id).collect();
    // An insats's fokusområden: its own and its löfte's, each once.
    let areas_for = |own: &[FocusAreaId], c: Option<CommitmentId>| -> BTreeSet<FocusAreaId> {
        own.iter()
            .chain(c.and_then(|c| areas_of.get(&c)).into_iter().flatten())
            .filter(|f| known.contains(f))
            .copied()
            .collect()
    };
    let years: Vec<i32> = a.period.years().collect();
    let mut activities: HashMap<(FocusAreaId, i32), u32> = HashMap::new();
    let mut activities_all: HashMap<i32, u32> = HashMap::new();
    for act in &r.activities {
        let y = act.date.year();
        let areas = areas_for(&act.areas, act.commitment);
        if areas.is_empty() || !a.period.contains_year(y) {
            continue;
        }
        *activities_all.entry(y).or_default() += act.count;
        for f in areas {
            *activities.entry((f, y)).or_default() += act.count;
        }
    }
    let mut walks_by: HashMap<(FocusAreaId, i32), u32> = HashMap::new();
    let mut walks_all: HashMap<i32, u32> = HashMap::new();
    for w in walks {
        let y = w.date.year();
        let areas = areas_for(&[], w.commitment);
        if areas.is_empty() || !a.period.contains_year(y) {
            continue;
        }
        *walks_all.entry(y).or_default() += 1;
        for f in areas {
            *walks_by.entry((f, y)).or_default() += 1;
        }
    }
    let incidents_in = |cats: &BTreeSet<String>, y: i32| -> u32 {
        r.incidents
            .iter()
            .filter(|(yy, c, _)| *yy == y && cats.contains(&c.to_lowercase()))
            .map(|(_, _, n)| n)
            .sum()
    };
    let all_categories: BTreeSet<String> = a
        .focus_areas
        .iter()
        .flat_map(|f| f.categories.iter().map(|c| c.to_lowercase()))
        .collect();

    let areas = a
        .focus_areas
        .iter()
        .map(|f| {
            let cats: BTreeSet<String> = f.categories.iter().map(|c| c.to_lowercase()).collect();
            let years = years
                .iter()
                .map(|&y| {
                    let listed: Vec<(String, Status)> = commitments
                        .iter()
                        .filter(|c| {
                            c.period.contains_year(y)
                                && areas_of.get(&c.id).is_some_and(|v| v.contains(&f.id))
                        })
                        .map(|c| (c.text.clone(), c.status))
                        .collect();
                    AreaYear {
                        figures: YearFigures {
                            year: y,
                            commitments: listed.len() as u32,
                            activities: activities.get(&(f.id, y)).copied().unwrap_or(0),
                            walks: walks_by.get(&(f.id, y)).copied().unwrap_or(0),
                            incidents: (!cats.is_empty()).then(|| incidents_in(&cats, y)),
                        },
                        commitments: listed,
                    }
                })
                .collect();
            AreaFollowUp {
                name: f.name.clone(),
                categories: f.categories.clone(),
                years,
                indicators: indicators
                    .iter()
                    .filter(|i| i.focus_areas.contains(&f.id))
                    .map(|i| i.words_with_trend())
                    .collect(),
            }
        })
        .collect();

    let overall = years
        .iter()
        .map(|&y| YearFigures {
            year: y,
            commitments: commitments
                .iter()
                .filter(|c| c.period.contains_year(y) && areas_of.contains_key(&c.id))
                .count() as u32,
            activities: activities_all.get(&y).copied().unwrap_or(0),
            walks: walks_all.get(&y).copied().unwrap_or(0),
            incidents: (!all_categories.is_empty()).then(|| incidents_in(&all_categories, y)),
        })
        .collect();

    AgreementFollowUp {
        title: a.title.clone(),
        municipality: r.municipality.clone(),
        period: a.period,
        parties: a.parties.clone(),
        forums: a.forums.clone(),
        areas,
        overall,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgreementId, FocusArea, MunicipalityId};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn records() -> AgreementRecords {
        let area = |id, name: &str, cats: &[&str]| FocusArea {
            id: FocusAreaId(id),
            name: name.into(),
            categories: cats.iter().map(|c| c.to_string()).collect(),
        };
        AgreementRecords {
            agreement: Agreement {
                id: AgreementId(1),
                municipality: MunicipalityId(1),
                period: Period::new(2023, 2024).unwrap(),
                title: "Överenskommelse".into(),
                parties: vec!["Kommunen".into(), "Bostadsbolaget".into()],
                forums: vec!["Lägesbildsgrupp".into()],
                focus_areas: vec![
                    area(10, "Trafiksäkerhet", &[]),
                    area(11, "Trygg miljö", &["Klotter", "Skadegörelse"]),
                ],
            },
            municipality: "Bromölla".into(),
            pledges: vec![],
            commitment_areas: vec![
                (CommitmentId(5), FocusAreaId(10)),
                (CommitmentId(5), FocusAreaId(11)),
            ],
            activities: vec![
                // Through its löfte: both fokusområden, counted once overall.
                FocusActivity {
                    date: d("2024-03-01"),
                    count: 3,
                    commitment: Some(CommitmentId(5)),
                    areas: vec![],
                },
                // No löfte, a fokusområde of its own.
                FocusActivity {
                    date: d("2024-04-01"),
                    count: 2,
                    commitment: None,
                    areas: vec![FocusAreaId(10)],
                },
                // Own and the löfte's the same: once.
                FocusActivity {
                    date: d("2023-04-01"),
                    count: 1,
                    commitment: Some(CommitmentId(5)),
                    areas: vec![FocusAreaId(10)],
                },
                // Belongs to nothing of the agreement.
                FocusActivity {
                    date: d("2024-04-01"),
                    count: 7,
                    commitment: Some(CommitmentId(9)),
                    areas: vec![],
                },
            ],
            incidents: vec![
                (2024, "klotter".into(), 4),
                (2024, "Skadegörelse".into(), 2),
                (2024, "Nedskräpning".into(), 9),
            ],
        }
    }

    #[test]
    fn figures_per_focus_area_and_year_and_overall() {
        let r = records();
        let commitments = [CommitmentStatus {
            id: CommitmentId(5),
            text: "Polisen gör 10 kontroller".into(),
            status: Status::InProgress,
            period: Period::year(2024).unwrap(),
        }];
        let walks = [
            WalkMark {
                date: d("2024-05-01"),
                commitment: Some(CommitmentId(5)),
            },
            WalkMark {
                date: d("2024-05-02"),
                commitment: None,
            },
        ];
        let f = follow_up(&r, &commitments, &walks, &[]);
        let traffic = &f.areas[0];
        let y2023 = traffic.years[0].figures;
        let y2024 = traffic.years[1].figures;
        assert_eq!(
            (y2023.year, y2023.commitments, y2023.activities),
            (2023, 0, 1)
        );
        assert_eq!(
            (
                y2024.commitments,
                y2024.activities,
                y2024.walks,
                y2024.incidents
            ),
            (1, 5, 1, None)
        );
        assert_eq!(
            traffic.years[1].commitments,
            [("Polisen gör 10 kontroller".to_string(), Status::InProgress)]
        );
        let milieu = f.areas[1].years[1].figures;
        assert_eq!(
            (milieu.activities, milieu.incidents),
            (3, Some(6)),
            "kategorier matched without case"
        );
        assert_eq!(
            f.overall[1],
            YearFigures {
                year: 2024,
                commitments: 1,
                activities: 5,
                walks: 1,
                incidents: Some(6)
            }
        );
        assert_eq!(
            f.csv_rows()[1],
            ["Trafiksäkerhet", "2024", "1", "5", "1", ""].map(String::from)
        );
        assert_eq!(
            f.done_in(2024),
            [
                (
                    "Trafiksäkerhet".to_string(),
                    "1 löfte, 5 insatser, 1 trygghetsvandring".to_string()
                ),
                (
                    "Trygg miljö".to_string(),
                    "1 löfte, 3 insatser, 1 trygghetsvandring".to_string()
                ),
            ]
        );
        // The 2023 insats's löfte is in both fokusområden.
        assert_eq!(
            f.done_in(2023),
            [
                ("Trafiksäkerhet".to_string(), "1 insats".to_string()),
                ("Trygg miljö".to_string(), "1 insats".to_string()),
            ]
        );
    }
}
