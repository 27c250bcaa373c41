//! The follow-up report as plain data. Internal notes have no field here, so they cannot
//! reach the PDF.

use crate::domain::agreements;
use crate::domain::{
    ObservationStatus, Party, Period, PledgeId, Records, Signatory, Status, TargetScope,
};
use crate::summary::summarize;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub municipality: String,
    pub police_area: String,
    pub period: Period,
    pub pledge_title: String,
    pub report_date: NaiveDate,
    /// True when the report is made before the period has ended.
    pub preliminary: bool,
    pub goal: String,
    pub signatories: Vec<Signatory>,
    pub contact: Option<String>,
    /// Count per status, in [`Status::ALL`] order.
    pub counts: Vec<(Status, u32)>,
    pub rows: Vec<SummaryRow>,
    pub sections: Vec<SectionDetail>,
    pub walks: Vec<WalkDetail>,
    /// Print every insats in "Bilaga: insatser" (the body only summarises them).
    pub appendix: bool,
    /// Insatser (their counts) per month of the period, labelled "jan" (or "jan 2024"
    /// over several years), up to the report date.
    pub per_month: Vec<(String, u32)>,
    /// The kommun's previous medborgarlöfte, for year on year.
    pub previous: Option<PreviousPeriod>,
    /// The bedömning of the whole medborgarlöfte for the report's year: samlad bedömning
    /// and så går vi vidare (empty strings when not written).
    pub overall: String,
    pub next: String,
    /// The kommun's indicators over the years (public: a value per year and its source).
    pub indicators: Vec<IndicatorLine>,
    /// The report year's händelser as public counts, when there were any.
    pub incidents: Option<PublicIncidents>,
    /// What the samverkansöverenskommelse's fokusområden got done in the report year.
    pub agreement_work: Option<AgreementWork>,
}

/// "Det här gör vi": per fokusområde of the agreement that covers the year, what was done
/// (counts only: the same figures as the agreement's follow-up).
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementWork {
    pub title: String,
    pub period: Period,
    pub year: i32,
    pub parties: Vec<String>,
    /// (fokusområde, "2 löften, 41 insatser, 1 trygghetsvandring").
    pub lines: Vec<(String, String)>,
}

/// A year's händelser as a public output may show them: counts per kategori and per
/// område, each under 3 written "färre än 3".
#[derive(Debug, Clone, PartialEq)]
pub struct PublicIncidents {
    pub year: i32,
    pub total: String,
    pub categories: Vec<(String, String)>,
    pub areas: Vec<(String, String)>,
}

impl PublicIncidents {
    pub fn new(year: i32, c: &crate::domain::situation::IncidentCounts) -> Option<Self> {
        use crate::domain::situation::public_count;
        let shown = |list: &[(String, u64)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(n, c)| (n.clone(), public_count(*c)))
                .collect()
        };
        (c.total() > 0).then(|| PublicIncidents {
            year,
            total: public_count(c.total()),
            categories: shown(&c.categories),
            areas: shown(&c.areas),
        })
    }
}

/// An indicator as the uppföljning and the citizen page show it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub name: String,
    pub source: String,
    pub lower_is_better: bool,
    /// Each year's value with its unit ("31 %"), oldest first.
    pub values: Vec<(i32, String)>,
    /// "Name: 31 % 2022, 24 % 2024"
    pub words: String,
    /// "bättre", "sämre", "oförändrat" with two values or more.
    pub trend: Option<&'static str>,
}

impl From<&crate::domain::indicators::Indicator> for IndicatorLine {
    fn from(i: &crate::domain::indicators::Indicator) -> Self {
        IndicatorLine {
            name: i.name.clone(),
            source: i.source.clone(),
            lower_is_better: i.lower_is_better,
            values: i
                .values
                .iter()
                .map(|(y, v)| (*y, i.value_text(*v)))
                .collect(),
            words: i.words(),
            trend: i.trend().map(|t| t.label()),
        }
    }
}

/// The previous medborgarlöfte's outcome, beside this one's.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousPeriod {
    pub period: Period,
    /// Count per status, in [`Status::ALL`] order.
    pub counts: Vec<(Status, u32)>,
}

impl PreviousPeriod {
    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

impl FollowUp {
    pub fn title(&self) -> String {
        format!(
            "Uppföljning av medborgarlöfte {} — {}",
            self.period, self.municipality
        )
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// How many löften are Genomförd, from counts per status.
pub fn done_of(counts: &[(Status, u32)]) -> u32 {
    counts
        .iter()
        .find(|(s, _)| *s == Status::Done)
        .map_or(0, |c| c.1)
}

/// One line of the summary table.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub section: String,
    pub text: String,
    pub party: Party,
    /// "4 riktade insatser", several targets on separate lines, "–" without a number.
    pub goal: String,
    /// "3", "2023: 2, 2024: 1" for per-år targets, "Avbockad" / "–" without a number.
    pub done: String,
    pub status: Status,
    /// Done over target (0..=1) for the small bar beside "Utfört"; None without a number.
    pub progress: Option<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionDetail {
    pub title: String,
    pub commitments: Vec<CommitmentDetail>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentDetail {
    pub text: String,
    pub party: Party,
    pub status: Status,
    pub goal: String,
    pub done: String,
    /// The reason of a manual status.
    pub manual_reason: Option<String>,
    /// Resultat och bedömning, orsak, fortsättning (empty when not written).
    pub result: String,
    pub cause: String,
    pub next: String,
    pub activities: Vec<ActivityLine>,
    /// Trygghetsvandringar linked to the löfte.
    pub walks: u32,
    /// The same löfte in the previous medborgarlöfte: "2023: 3/4, Delvis genomförd".
    pub last_time: Option<String>,
    /// The indicators that measure it, in words with their direction.
    pub indicators: Vec<String>,
}

/// A public line about one insats: no internal note.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityLine {
    pub date: NaiveDate,
    pub by: Party,
    pub count: u32,
    pub place: String,
    pub description: String,
}

/// How many of a walk's photos the uppföljning shows (the protokoll has them all).
pub const WALK_PHOTOS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct WalkDetail {
    pub date: NaiveDate,
    pub area: String,
    pub time_of_day: String,
    pub participants: u32,
    pub organisations: Vec<String>,
    /// Observation counts per status, in [`ObservationStatus::ALL`] order.
    pub by_status: Vec<(ObservationStatus, u32)>,
    /// Åtgärder still open (ny, pågår).
    pub open: Vec<ObservationLine>,
    /// Every observation: what was seen, and what was done about it.
    pub seen: Vec<ObservationLine>,
    /// Up to [`WALK_PHOTOS`] of the walk's photos, for the uppföljning.
    pub photos: Vec<(crate::domain::PhotoView, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationLine {
    pub place: String,
    pub category: String,
    /// What was seen.
    pub description: String,
    pub measure: String,
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub status: ObservationStatus,
    /// A place that feels safe: no åtgärd, no status.
    pub positive: bool,
}

fn goal_text(targets: &[crate::summary::TargetLine]) -> String {
    if targets.is_empty() {
        return "–".into();
    }
    targets
        .iter()
        .map(|t| t.target.describe())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Builds the report for one medborgarlöfte as of `today`.
pub fn build_follow_up<R: Records>(
    records: &R,
    pledge: PledgeId,
    today: NaiveDate,
) -> Result<FollowUp, R::Error> {
    let board = records.board(pledge, today)?;
    let summary = summarize(&board, today);
    let period = board.pledge.period;
    let area = records.police_area_name(board.municipality.police_area)?;
    let mut assessments = records.assessments(pledge, period.current_year(today))?;
    let whole = records.pledge_assessment(pledge, period.current_year(today))?;
    // Public lines only: an insats's internal note is dropped here.
    let mut activities_by_commitment: HashMap<_, Vec<ActivityLine>> = HashMap::new();
    for a in records.activities_of_pledge(pledge)? {
        if let Some(c) = a.commitment {
            activities_by_commitment
                .entry(c)
                .or_default()
                .push(ActivityLine {
                    date: a.date,
                    by: a.by,
                    count: a.count,
                    place: a.place,
                    description: a.description,
                });
        }
    }

    let rows = summary
        .rows
        .iter()
        .map(|r| summary_row(&board, r, today))
        .collect();

    let per_month = months_of(period, today, activities_by_commitment.values().flatten());

    // Year on year: the previous medborgarlöfte and, for each löfte, its earlier self
    // (linked when copied forward, else the same text with the years set aside).
    let previous = match records.previous_pledge(pledge)? {
        Some(p) => {
            let b = records.board(p, today)?;
            let s = summarize(&b, today);
            Some((b.pledge.period, s))
        }
        None => None,
    };
    let links = records.copied_from(pledge)?;
    let indicators = records.indicators(board.municipality.id)?;
    let year = period.current_year(today);
    let year_window = crate::domain::situation::Window::containing(
        crate::domain::situation::WindowKind::Year,
        chrono::NaiveDate::from_ymd_opt(year, 6, 1).unwrap_or(today),
    );
    let incidents = PublicIncidents::new(
        year,
        &records.incident_counts(board.municipality.id, year_window)?,
    );

    let agreement_work = agreement_for_year(records, &board, &summary, year, today)?
        .map(|a| AgreementWork {
            lines: a.done_in(year),
            title: a.title,
            period: a.period,
            year,
            parties: a.parties,
        })
        .filter(|w| !w.lines.is_empty());

    let mut sections = Vec::new();
    for s in &board.sections {
        let mut commitments = Vec::new();
        for r in summary.rows.iter().filter(|r| r.commitment.section == s.id) {
            let activities = activities_by_commitment
                .remove(&r.commitment.id)
                .unwrap_or_default();
            let assessment = assessments.remove(&r.commitment.id);
            commitments.push(CommitmentDetail {
                text: r.commitment.text.clone(),
                party: r.commitment.party,
                status: r.status,
                goal: goal_text(&r.targets),
                done: done_text(&board, r, today),
                manual_reason: r
                    .commitment
                    .manual_status
                    .as_ref()
                    .map(|m| m.reason.clone()),
                result: assessment
                    .as_ref()
                    .map(|a| a.result.clone())
                    .unwrap_or_default(),
                cause: assessment
                    .as_ref()
                    .map(|a| a.cause.clone())
                    .unwrap_or_default(),
                next: assessment.map(|a| a.next).unwrap_or_default(),
                activities,
                walks: r.stats.walks,
                last_time: last_time(previous.as_ref(), &links, r),
                indicators: indicators
                    .iter()
                    .filter(|i| i.commitments.contains(&r.commitment.id))
                    .map(|i| i.words_with_trend())
                    .collect(),
            });
        }
        sections.push(SectionDetail {
            title: s.title.clone(),
            commitments,
        });
    }

    let walks = walk_details(records, board.municipality.id, period, today)?;

    Ok(FollowUp {
        municipality: board.municipality.name.clone(),
        police_area: area,
        period,
        pledge_title: board.pledge.title.clone(),
        report_date: today,
        preliminary: !period.has_ended(today),
        goal: board.pledge.goal.clone(),
        signatories: board.pledge.signatories.clone(),
        contact: board.pledge.contact.clone(),
        counts: summary.counts(),
        rows,
        sections,
        walks,
        appendix: true,
        per_month,
        previous: previous.map(|(period, s)| PreviousPeriod {
            period,
            counts: s.counts(),
        }),
        overall: whole.overall,
        next: whole.next,
        indicators: indicators.iter().map(IndicatorLine::from).collect(),
        incidents,
        agreement_work,
    })
}

/// A löfte's line in the summary table.
fn summary_row(
    board: &crate::domain::BoardData,
    r: &crate::summary::CommitmentRow,
    today: NaiveDate,
) -> SummaryRow {
    SummaryRow {
        section: r.section_title.clone(),
        text: r.commitment.text.clone(),
        party: r.commitment.party,
        goal: goal_text(&r.targets),
        done: done_text(board, r, today),
        status: r.status,
        progress: r.totals().map(|(done, goal)| {
            if goal == 0 {
                1.0
            } else {
                done as f32 / goal as f32
            }
        }),
    }
}

/// What was done against a löfte's targets: "23/30", per year for yearly targets, or
/// whether it was checked off.
fn done_text(
    board: &crate::domain::BoardData,
    row: &crate::summary::CommitmentRow,
    today: NaiveDate,
) -> String {
    let period = board.pledge.period;
    if row.targets.is_empty() {
        return match row.commitment.checked_on {
            Some(_) => "Avbockad".into(),
            None => "–".into(),
        };
    }
    row.targets
        .iter()
        .map(|t| match t.target.scope {
            // Always against the target: "23/30", never a bare "23".
            TargetScope::Period => format!("{}/{}", t.progress.done, t.progress.goal),
            TargetScope::PerYear if period.first == period.last => {
                format!("{}/{}", t.progress.done, t.progress.goal)
            }
            TargetScope::PerYear => {
                let tally = board.tallies.get(&t.target.id).cloned().unwrap_or_default();
                period
                    .years()
                    .filter(|y| *y <= period.current_year(today))
                    .map(|y| format!("{y}: {}/{}", tally.in_year(y), t.target.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Year on year: a löfte's earlier self in the previous medborgarlöfte (linked when
/// copied forward, else the same text with the years set aside) and how it went.
fn last_time(
    previous: Option<&(Period, crate::summary::BoardSummary)>,
    links: &HashMap<crate::domain::CommitmentId, crate::domain::CommitmentId>,
    row: &crate::summary::CommitmentRow,
) -> Option<String> {
    let (prev_period, prev) = previous?;
    let earlier = links
        .get(&row.commitment.id)
        .and_then(|origin| prev.rows.iter().find(|r| r.commitment.id == *origin))
        .or_else(|| {
            let key = without_years(&row.commitment.text);
            prev.rows
                .iter()
                .find(|r| without_years(&r.commitment.text) == key)
        })?;
    let done = match earlier.totals() {
        Some((d, g)) => format!("{d}/{g}, "),
        None => String::new(),
    };
    Some(format!("{prev_period}: {done}{}", earlier.status.label()))
}

/// The kommun's walks made in `period` up to `today`, each with its observations and up
/// to [`WALK_PHOTOS`] photos.
fn walk_details<R: Records>(
    records: &R,
    m: crate::domain::MunicipalityId,
    period: Period,
    today: NaiveDate,
) -> Result<Vec<WalkDetail>, R::Error> {
    let mut walks = Vec::new();
    for (w, obs) in records.walks_with_observations(m)? {
        // A planned walk (an återbesök not yet made) is not something that was done.
        if !period.contains(w.date) || w.date > today {
            continue;
        }
        let by_status = ObservationStatus::ALL
            .iter()
            .map(|s| {
                let n = obs.iter().filter(|o| !o.positive && o.status == *s).count();
                (*s, n as u32)
            })
            .collect();
        let seen: Vec<ObservationLine> = obs
            .iter()
            .map(|o| ObservationLine {
                place: o.place.clone(),
                category: o.category.label().into(),
                description: o.description.clone(),
                measure: o.measure.clone(),
                responsible: o.responsible.clone(),
                deadline: o.deadline,
                status: o.status,
                positive: o.positive,
            })
            .collect();
        let open = seen
            .iter()
            .filter(|o| !o.positive && o.status.is_open())
            .cloned()
            .collect();
        // What needed doing first (the åtgärder), then the places that feel safe.
        let mut photos = Vec::new();
        let mut order: Vec<&crate::domain::Observation> =
            obs.iter().filter(|o| !o.positive).collect();
        order.extend(obs.iter().filter(|o| o.positive));
        for o in order {
            if photos.len() >= WALK_PHOTOS {
                break;
            }
            for p in records.photos(o.id)? {
                if photos.len() < WALK_PHOTOS {
                    photos.push((crate::domain::PhotoView::from(p), o.photo_alt()));
                }
            }
        }
        walks.push(WalkDetail {
            photos,
            date: w.date,
            area: w.area,
            time_of_day: w.time_of_day.label().into(),
            participants: w.participants,
            organisations: w.organisations,
            by_status,
            open,
            seen,
        });
    }

    Ok(walks)
}

/// A löfte's text with every year ("2024", "2023–2024") set aside, lower case and with
/// single spaces: copied löften differ from their originals mostly in the year.
fn without_years(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let is_year = |p: &str| {
                p.len() == 4
                    && p.chars().all(|c| c.is_ascii_digit())
                    && (p.starts_with("19") || p.starts_with("20"))
            };
            if !bare.is_empty() && bare.split(['–', '-']).all(is_year) {
                "ÅR".to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Insatser per month of `period`, up to `today` (or the whole period once it has ended).
fn months_of<'a>(
    period: Period,
    today: NaiveDate,
    activities: impl Iterator<Item = &'a ActivityLine>,
) -> Vec<(String, u32)> {
    use crate::domain::charts::{MONTHS, per_month};
    let lines: Vec<(NaiveDate, u32)> = activities.map(|a| (a.date, a.count)).collect();
    let several = period.first != period.last;
    let mut out = Vec::new();
    for y in period.years() {
        let counts = per_month(lines.iter().copied(), y);
        for (m, n) in counts.into_iter().enumerate() {
            if NaiveDate::from_ymd_opt(y, m as u32 + 1, 1).is_some_and(|d| d > today) {
                return out;
            }
            let label = if several && m == 0 {
                format!("{} {y}", MONTHS[m])
            } else {
                MONTHS[m].to_string()
            };
            out.push((label, n));
        }
    }
    out
}

/// Reads an agreement's records and works out its follow-up as of `today` (None: no such
/// agreement).
pub fn build_agreement<R: Records>(
    records: &R,
    id: crate::domain::AgreementId,
    today: NaiveDate,
) -> Result<Option<crate::domain::agreements::AgreementFollowUp>, R::Error> {
    build_agreement_with(records, id, today, None)
}

/// [`build_agreement`], taking the statuses of a medborgarlöfte whose board the caller has
/// already summarized from that summary instead of reading the board again.
fn build_agreement_with<R: Records>(
    records: &R,
    id: crate::domain::AgreementId,
    today: NaiveDate,
    known: Option<(&crate::domain::BoardData, &crate::summary::BoardSummary)>,
) -> Result<Option<crate::domain::agreements::AgreementFollowUp>, R::Error> {
    let Some(r) = records.agreement_records(id)? else {
        return Ok(None);
    };
    let mut commitments = Vec::new();
    for p in &r.pledges {
        let read;
        let (board, summary) = match known {
            Some((b, s)) if b.pledge.id == *p => (b, s),
            _ => {
                let b = records.board(*p, today)?;
                let s = summarize(&b, today);
                read = (b, s);
                (&read.0, &read.1)
            }
        };
        commitments.extend(summary.rows.iter().map(|row| agreements::CommitmentStatus {
            id: row.commitment.id,
            text: row.commitment.text.clone(),
            status: row.status,
            period: board.pledge.period,
        }));
    }
    let m = r.agreement.municipality;
    let walks: Vec<agreements::WalkMark> = records
        .walks_with_observations(m)?
        .into_iter()
        .filter(|(w, _)| w.date <= today)
        .map(|(w, _)| agreements::WalkMark {
            date: w.date,
            commitment: w.commitment,
        })
        .collect();
    let indicators = records.indicators(m)?;
    Ok(Some(agreements::follow_up(
        &r,
        &commitments,
        &walks,
        &indicators,
    )))
}

/// The agreement follow-up of the kommun of `board` (already summarized as `summary`) for
/// `year`, when an agreement covers it (the citizens' page "Det här gör vi").
fn agreement_for_year<R: Records>(
    records: &R,
    board: &crate::domain::BoardData,
    summary: &crate::summary::BoardSummary,
    year: i32,
    today: NaiveDate,
) -> Result<Option<crate::domain::agreements::AgreementFollowUp>, R::Error> {
    match records
        .agreements(board.municipality.id)?
        .into_iter()
        .find(|a| a.period.contains_year(year))
    {
        Some(a) => build_agreement_with(records, a.id, today, Some((board, summary))),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_are_set_aside_when_texts_are_compared() {
        assert_eq!(
            super::without_years("Polisen ska under 2024 genomföra minst 4 insatser."),
            super::without_years("Polisen ska under 2025  genomföra minst 4 insatser.")
        );
        assert_eq!(
            super::without_years("Planen 2023–2024 följs"),
            super::without_years("planen 2025–2026 följs")
        );
        assert_ne!(
            super::without_years("minst 4 insatser"),
            super::without_years("minst 6 insatser")
        );
        assert_ne!(
            super::without_years("ring 1177"),
            super::without_years("ring 1178")
        );
    }
}
