//! Domain types of Trygghetstavlan and the pure progress math.
//!
//! Code names follow DESIGN.md: a medborgarlöfte is a [`Pledge`], an avsnitt a
//! [`Section`], a löfte a [`Commitment`], an insats an [`Activity`].

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub i64);
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}
id_type!(
    PoliceAreaId,
    MunicipalityId,
    PledgeId,
    SectionId,
    CommitmentId,
    TargetId,
    ActivityId,
    WalkId,
    ObservationId,
    AgreementId
);

/// Ansvarig: who is responsible for a löfte or who did an insats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Party {
    Polisen,
    Kommunen,
    Gemensamt,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Polisen, Party::Kommunen, Party::Gemensamt];

    pub fn label(self) -> &'static str {
        match self {
            Party::Polisen => "Polisen",
            Party::Kommunen => "Kommunen",
            Party::Gemensamt => "Gemensamt",
        }
    }

    /// Stable key used in the database and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Party::Polisen => "polisen",
            Party::Kommunen => "kommunen",
            Party::Gemensamt => "gemensamt",
        }
    }

    /// Parses a key or label, case-insensitively.
    pub fn parse(s: &str) -> Option<Party> {
        match s.trim().to_lowercase().as_str() {
            "polisen" | "polis" => Some(Party::Polisen),
            "kommunen" | "kommun" => Some(Party::Kommunen),
            "gemensamt" | "gemensam" => Some(Party::Gemensamt),
            _ => None,
        }
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The years a medborgarlöfte covers, first ..= last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub first: i32,
    pub last: i32,
}

impl Period {
    pub fn new(first: i32, last: i32) -> Option<Period> {
        (first <= last && (1900..=2200).contains(&first) && (1900..=2200).contains(&last))
            .then_some(Period { first, last })
    }

    pub fn year(year: i32) -> Option<Period> {
        Period::new(year, year)
    }

    /// Parses "2024", "2023-2024" or "2023–2024".
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        let mut parts = s.split(['-', '–', '—']).map(str::trim);
        let first: i32 = parts.next()?.parse().ok()?;
        let last: i32 = match parts.next() {
            Some(p) => p.parse().ok()?,
            None => first,
        };
        if parts.next().is_some() {
            return None;
        }
        Period::new(first, last)
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.last, 12, 31).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first..=self.last).contains(&date.year())
    }

    pub fn contains_year(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }

    pub fn years(self) -> impl Iterator<Item = i32> {
        self.first..=self.last
    }

    pub fn year_count(self) -> u32 {
        (self.last - self.first + 1) as u32
    }

    /// True once the last day of the period has passed.
    pub fn has_ended(self, today: NaiveDate) -> bool {
        today > self.end()
    }

    /// The year a board shows for per-år targets: today's year, clamped to the period.
    pub fn current_year(self, today: NaiveDate) -> i32 {
        today.year().clamp(self.first, self.last)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}–{}", self.first, self.last)
        }
    }
}

/// Share of the time span [start, end] that has passed on `today`, 0.0 ..= 1.0.
pub fn elapsed_share(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> f64 {
    if today < start {
        return 0.0;
    }
    if today >= end {
        return 1.0;
    }
    let total = (end - start).num_days() + 1;
    let passed = (today - start).num_days() + 1;
    passed as f64 / total as f64
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoliceArea {
    pub id: PoliceAreaId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub name: String,
    pub police_area: PoliceAreaId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub name: String,
    pub role: String,
}

/// A medborgarlöfte: the published promise document of a kommun for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pledge {
    pub id: PledgeId,
    pub municipality: MunicipalityId,
    pub period: Period,
    pub title: String,
    pub goal: String,
    pub signatories: Vec<Signatory>,
    pub contact: Option<String>,
}

/// An avsnitt: a heading inside a medborgarlöfte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: SectionId,
    pub pledge: PledgeId,
    pub title: String,
    pub position: i64,
}

/// Whether a target counts over the whole period or anew every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetScope {
    Period,
    PerYear,
}

/// One countable target of a löfte ("minst 4 tillfällen").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: TargetId,
    pub count: u32,
    pub unit: String,
    pub scope: TargetScope,
    /// Set when this target belongs to one party only ("minst åtta … var").
    pub party: Option<Party>,
    /// Short name when a löfte has several targets ("uppstartsmöten").
    pub label: Option<String>,
}

impl Target {
    /// "minst 4 tillfällen", "2 per år".
    pub fn describe(&self) -> String {
        let mut s = format!("{} {}", self.count, self.unit);
        if self.scope == TargetScope::PerYear {
            s.push_str(" per år");
        }
        if let Some(p) = self.party {
            s.push_str(&format!(" ({})", p.label()));
        }
        s
    }
}

/// Status of a löfte or target, as DESIGN.md defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Done,
    InProgress,
    PartlyDone,
    NotStarted,
    NotDone,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::InProgress,
        Status::PartlyDone,
        Status::NotStarted,
        Status::NotDone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "Genomförd",
            Status::InProgress => "Pågår",
            Status::PartlyDone => "Delvis genomförd",
            Status::NotStarted => "Ej påbörjad",
            Status::NotDone => "Ej genomförd",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "genomford",
            Status::InProgress => "pagar",
            Status::PartlyDone => "delvis",
            Status::NotStarted => "ej_paborjad",
            Status::NotDone => "ej_genomford",
        }
    }

    pub fn from_key(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.key() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A status set by hand, which always carries its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualStatus {
    pub status: Status,
    pub reason: String,
}

/// A löfte: one promise line of a medborgarlöfte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub id: CommitmentId,
    pub section: SectionId,
    pub text: String,
    pub party: Party,
    pub targets: Vec<Target>,
    pub sub_areas: Vec<String>,
    pub tags: Vec<String>,
    pub manual_status: Option<ManualStatus>,
    /// For löften without a number: the day it was checked off.
    pub checked_on: Option<NaiveDate>,
    pub position: i64,
}

/// An insats: one activity done, usually towards a löfte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: ActivityId,
    pub municipality: MunicipalityId,
    pub commitment: Option<CommitmentId>,
    pub target: Option<TargetId>,
    pub date: NaiveDate,
    pub by: Party,
    pub count: u32,
    pub place: String,
    pub description: String,
    /// Never exported to PDF or CSV.
    pub internal_note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeOfDay {
    Daylight,
    Dark,
}

impl TimeOfDay {
    pub fn label(self) -> &'static str {
        match self {
            TimeOfDay::Daylight => "Dagsljus",
            TimeOfDay::Dark => "Mörker",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            TimeOfDay::Daylight => "dagsljus",
            TimeOfDay::Dark => "morker",
        }
    }
    pub fn from_key(s: &str) -> Option<TimeOfDay> {
        match s {
            "dagsljus" => Some(TimeOfDay::Daylight),
            "morker" => Some(TimeOfDay::Dark),
            _ => None,
        }
    }
}

/// A trygghetsvandring. Participants are counted, never named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyWalk {
    pub id: WalkId,
    pub municipality: MunicipalityId,
    pub date: NaiveDate,
    pub time_of_day: TimeOfDay,
    pub area: String,
    pub organisations: Vec<String>,
    pub participants: u32,
    pub notes: String,
    pub commitment: Option<CommitmentId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ObservationCategory {
    Lighting,
    Vegetation,
    Graffiti,
    Litter,
    Vandalism,
    Traffic,
    Other,
}

impl ObservationCategory {
    pub const ALL: [ObservationCategory; 7] = [
        ObservationCategory::Lighting,
        ObservationCategory::Vegetation,
        ObservationCategory::Graffiti,
        ObservationCategory::Litter,
        ObservationCategory::Vandalism,
        ObservationCategory::Traffic,
        ObservationCategory::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ObservationCategory::Lighting => "Belysning",
            ObservationCategory::Vegetation => "Vegetation",
            ObservationCategory::Graffiti => "Klotter",
            ObservationCategory::Litter => "Nedskräpning",
            ObservationCategory::Vandalism => "Skadegörelse",
            ObservationCategory::Traffic => "Trafik",
            ObservationCategory::Other => "Övrigt",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ObservationCategory::Lighting => "belysning",
            ObservationCategory::Vegetation => "vegetation",
            ObservationCategory::Graffiti => "klotter",
            ObservationCategory::Litter => "nedskrapning",
            ObservationCategory::Vandalism => "skadegorelse",
            ObservationCategory::Traffic => "trafik",
            ObservationCategory::Other => "ovrigt",
        }
    }
    pub fn from_key(s: &str) -> Option<ObservationCategory> {
        Self::ALL.into_iter().find(|c| c.key() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ObservationStatus {
    New,
    Ongoing,
    Fixed,
    WontFix,
}

impl ObservationStatus {
    pub const ALL: [ObservationStatus; 4] = [
        ObservationStatus::New,
        ObservationStatus::Ongoing,
        ObservationStatus::Fixed,
        ObservationStatus::WontFix,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ObservationStatus::New => "Ny",
            ObservationStatus::Ongoing => "Pågår",
            ObservationStatus::Fixed => "Åtgärdad",
            ObservationStatus::WontFix => "Ej åtgärd",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ObservationStatus::New => "ny",
            ObservationStatus::Ongoing => "pagar",
            ObservationStatus::Fixed => "atgardad",
            ObservationStatus::WontFix => "ej_atgard",
        }
    }
    pub fn from_key(s: &str) -> Option<ObservationStatus> {
        Self::ALL.into_iter().find(|c| c.key() == s)
    }
    pub fn is_open(self) -> bool {
        matches!(self, ObservationStatus::New | ObservationStatus::Ongoing)
    }
}

/// An iakttagelse on a walk, with its proposed åtgärd.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub id: ObservationId,
    pub walk: WalkId,
    pub place: String,
    pub category: ObservationCategory,
    pub description: String,
    pub measure: String,
    /// Förvaltning, bolag, fastighetsägare, polis …
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub status: ObservationStatus,
    /// Required when the status is "Ej åtgärd".
    pub status_reason: String,
    pub updated_on: NaiveDate,
}

/// A samverkansöverenskommelse with its fokusområden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub id: AgreementId,
    pub municipality: MunicipalityId,
    pub period: Period,
    pub title: String,
    pub focus_areas: Vec<String>,
}

/// A medborgarlöfte with its avsnitt and löften, before it has ids (seed, import, copy).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PledgeDraft {
    pub title: String,
    pub goal: String,
    pub contact: Option<String>,
    pub signatories: Vec<Signatory>,
    pub sections: Vec<SectionDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionDraft {
    pub title: String,
    pub commitments: Vec<CommitmentDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentDraft {
    pub text: String,
    pub party: Party,
    pub targets: Vec<TargetDraft>,
    pub sub_areas: Vec<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetDraft {
    pub count: u32,
    pub unit: String,
    pub scope: TargetScope,
    pub party: Option<Party>,
    pub label: Option<String>,
}

// ---------------------------------------------------------------------------
// Progress math
// ---------------------------------------------------------------------------

/// Insats counts towards one target, per year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetTally {
    /// (year, summed count), any order.
    pub per_year: Vec<(i32, u32)>,
}

impl TargetTally {
    pub fn in_year(&self, year: i32) -> u32 {
        self.per_year
            .iter()
            .filter(|(y, _)| *y == year)
            .map(|(_, n)| n)
            .sum()
    }

    /// Sum over the years of `period` (insatser outside the period do not count).
    pub fn in_period(&self, period: Period) -> u32 {
        self.per_year
            .iter()
            .filter(|(y, _)| period.contains_year(*y))
            .map(|(_, n)| n)
            .sum()
    }
}

/// Progress of one target on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetProgress {
    /// Done so far: in the shown year for per-år targets, else over the period.
    pub done: u32,
    /// Target for the same span as `done`.
    pub goal: u32,
    pub status: Status,
    /// Behind plan while the period runs: done < goal × elapsed share.
    pub behind_plan: bool,
}

impl TargetProgress {
    pub fn fraction(&self) -> f32 {
        if self.goal == 0 {
            1.0
        } else {
            (self.done as f32 / self.goal as f32).min(1.0)
        }
    }
}

fn status_from_counts(done: u32, goal: u32, ended: bool) -> Status {
    match (done >= goal, done == 0, ended) {
        (true, _, _) => Status::Done,
        (false, true, false) => Status::NotStarted,
        (false, true, true) => Status::NotDone,
        (false, false, false) => Status::InProgress,
        (false, false, true) => Status::PartlyDone,
    }
}

/// Progress of `target` over `period` on `today`.
///
/// Per-år targets are judged year by year: while the period runs, the current year
/// counts; after it ends the target is Genomförd only if every year met it.
pub fn target_progress(
    target: &Target,
    tally: &TargetTally,
    period: Period,
    today: NaiveDate,
) -> TargetProgress {
    let ended = period.has_ended(today);
    match target.scope {
        TargetScope::Period => {
            let done = tally.in_period(period);
            let share = elapsed_share(period.start(), period.end(), today);
            TargetProgress {
                done,
                goal: target.count,
                status: status_from_counts(done, target.count, ended),
                behind_plan: !ended && (done as f64) < target.count as f64 * share,
            }
        }
        TargetScope::PerYear => {
            let year = period.current_year(today);
            let done = tally.in_year(year);
            if ended {
                let all_met = period.years().all(|y| tally.in_year(y) >= target.count);
                let any = tally.in_period(period) > 0;
                let status = if all_met {
                    Status::Done
                } else if any {
                    Status::PartlyDone
                } else {
                    Status::NotDone
                };
                return TargetProgress {
                    done,
                    goal: target.count,
                    status,
                    behind_plan: false,
                };
            }
            let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(period.start());
            let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(period.end());
            let share = elapsed_share(start, end, today);
            TargetProgress {
                done,
                goal: target.count,
                status: status_from_counts(done, target.count, false),
                behind_plan: (done as f64) < target.count as f64 * share,
            }
        }
    }
}

/// Combined status of a löfte from its targets' statuses (or its check-off state when it
/// has no number), overridden by a manual status.
pub fn commitment_status(
    manual: Option<&ManualStatus>,
    checked: bool,
    targets: &[TargetProgress],
    ended: bool,
) -> Status {
    if let Some(m) = manual {
        return m.status;
    }
    if targets.is_empty() {
        return match (checked, ended) {
            (true, _) => Status::Done,
            (false, false) => Status::InProgress,
            (false, true) => Status::NotDone,
        };
    }
    if targets.iter().all(|t| t.status == Status::Done) {
        return Status::Done;
    }
    let any_progress = targets
        .iter()
        .any(|t| t.done > 0 || t.status == Status::Done || t.status == Status::PartlyDone);
    match (any_progress, ended) {
        (false, false) => Status::NotStarted,
        (false, true) => Status::NotDone,
        (true, false) => Status::InProgress,
        (true, true) => Status::PartlyDone,
    }
}

/// ISO week number, as Swedish planners use it ("v. 18").
pub fn week_label(date: NaiveDate) -> String {
    format!("v. {}", date.iso_week().week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn target(count: u32, scope: TargetScope) -> Target {
        Target {
            id: TargetId(1),
            count,
            unit: "tillfällen".into(),
            scope,
            party: None,
            label: None,
        }
    }

    fn tally(v: &[(i32, u32)]) -> TargetTally {
        TargetTally {
            per_year: v.to_vec(),
        }
    }

    #[test]
    fn period_parse_and_display() {
        assert_eq!(Period::parse("2024"), Period::new(2024, 2024));
        assert_eq!(Period::parse("2023-2024"), Period::new(2023, 2024));
        assert_eq!(Period::parse(" 2023 – 2024 "), Period::new(2023, 2024));
        assert_eq!(Period::parse("2024-2023"), None);
        assert_eq!(Period::parse("tjugo"), None);
        assert_eq!(Period::parse("2021-2022-2023"), None);
        assert_eq!(Period::parse("2023-2024").unwrap().to_string(), "2023–2024");
        assert_eq!(Period::parse("2024").unwrap().to_string(), "2024");
    }

    #[test]
    fn elapsed_share_bounds() {
        let p = Period::year(2024).unwrap();
        assert_eq!(elapsed_share(p.start(), p.end(), d("2023-12-31")), 0.0);
        assert_eq!(elapsed_share(p.start(), p.end(), d("2025-01-01")), 1.0);
        let mid = elapsed_share(p.start(), p.end(), d("2024-07-01"));
        assert!((0.49..0.51).contains(&mid), "{mid}");
    }

    /// The whole status table of DESIGN.md for a period-scoped target.
    #[test]
    fn status_table_period_target() {
        let p = Period::year(2024).unwrap();
        let running = d("2024-06-30");
        let after = d("2025-01-10");
        let t = target(4, TargetScope::Period);
        let cases = [
            (0, running, Status::NotStarted),
            (2, running, Status::InProgress),
            (4, running, Status::Done),
            (6, running, Status::Done),
            (0, after, Status::NotDone),
            (3, after, Status::PartlyDone),
            (4, after, Status::Done),
        ];
        for (done, day, expected) in cases {
            let pr = target_progress(&t, &tally(&[(2024, done)]), p, day);
            assert_eq!(pr.status, expected, "done={done} day={day}");
            assert_eq!(pr.done, done);
            let st = commitment_status(None, false, &[pr], p.has_ended(day));
            assert_eq!(st, expected, "combined, done={done} day={day}");
        }
    }

    #[test]
    fn insatser_outside_period_do_not_count() {
        let p = Period::year(2024).unwrap();
        let t = target(2, TargetScope::Period);
        let pr = target_progress(&t, &tally(&[(2023, 5), (2024, 1)]), p, d("2024-03-01"));
        assert_eq!(pr.done, 1);
        assert_eq!(pr.status, Status::InProgress);
    }

    #[test]
    fn status_table_without_target() {
        assert_eq!(commitment_status(None, true, &[], false), Status::Done);
        assert_eq!(commitment_status(None, true, &[], true), Status::Done);
        assert_eq!(
            commitment_status(None, false, &[], false),
            Status::InProgress
        );
        assert_eq!(commitment_status(None, false, &[], true), Status::NotDone);
    }

    #[test]
    fn manual_status_overrides_everything() {
        let p = Period::year(2024).unwrap();
        let done = target_progress(
            &target(1, TargetScope::Period),
            &tally(&[(2024, 1)]),
            p,
            d("2024-05-01"),
        );
        for st in Status::ALL {
            let m = ManualStatus {
                status: st,
                reason: "Beslut i styrgruppen".into(),
            };
            assert_eq!(commitment_status(Some(&m), false, &[done], false), st);
            assert_eq!(commitment_status(Some(&m), true, &[], true), st);
        }
    }

    #[test]
    fn several_targets_all_must_be_met() {
        let p = Period::year(2024).unwrap();
        let day = d("2024-10-01");
        let met = target_progress(
            &target(2, TargetScope::Period),
            &tally(&[(2024, 2)]),
            p,
            day,
        );
        let zero = target_progress(&target(1, TargetScope::Period), &tally(&[]), p, day);
        assert_eq!(
            commitment_status(None, false, &[met, zero], false),
            Status::InProgress
        );
        assert_eq!(
            commitment_status(None, false, &[met, met], false),
            Status::Done
        );
        assert_eq!(
            commitment_status(None, false, &[zero, zero], false),
            Status::NotStarted
        );
        let after = d("2025-02-01");
        let met_a = target_progress(
            &target(2, TargetScope::Period),
            &tally(&[(2024, 2)]),
            p,
            after,
        );
        let zero_a = target_progress(&target(1, TargetScope::Period), &tally(&[]), p, after);
        assert_eq!(
            commitment_status(None, false, &[met_a, zero_a], true),
            Status::PartlyDone
        );
        assert_eq!(
            commitment_status(None, false, &[zero_a, zero_a], true),
            Status::NotDone
        );
    }

    #[test]
    fn per_year_targets_judged_per_year() {
        let p = Period::new(2023, 2024).unwrap();
        let t = target(2, TargetScope::PerYear);
        // 2023 met, 2024 not yet: the board shows 2024.
        let ta = tally(&[(2023, 2), (2024, 1)]);
        let pr = target_progress(&t, &ta, p, d("2024-04-01"));
        assert_eq!((pr.done, pr.goal, pr.status), (1, 2, Status::InProgress));
        // After the period: 2024 missed, so partly done.
        let pr = target_progress(&t, &ta, p, d("2025-01-01"));
        assert_eq!(pr.status, Status::PartlyDone);
        let ta = tally(&[(2023, 2), (2024, 3)]);
        assert_eq!(
            target_progress(&t, &ta, p, d("2025-01-01")).status,
            Status::Done
        );
        assert_eq!(
            target_progress(&t, &tally(&[]), p, d("2025-01-01")).status,
            Status::NotDone
        );
        // A new year starts from zero.
        let ta = tally(&[(2023, 5)]);
        let pr = target_progress(&t, &ta, p, d("2024-01-15"));
        assert_eq!((pr.done, pr.status), (0, Status::NotStarted));
    }

    #[test]
    fn behind_plan() {
        let p = Period::year(2024).unwrap();
        let t = target(30, TargetScope::Period);
        // Half the year gone, 11 of 30 done: behind (expected ~15).
        assert!(target_progress(&t, &tally(&[(2024, 11)]), p, d("2024-07-01")).behind_plan);
        assert!(!target_progress(&t, &tally(&[(2024, 16)]), p, d("2024-07-01")).behind_plan);
        // Never behind once ended (then the status says it).
        assert!(!target_progress(&t, &tally(&[(2024, 1)]), p, d("2025-03-01")).behind_plan);
        // Before the period starts nothing is expected yet.
        assert!(!target_progress(&t, &tally(&[]), p, d("2023-11-01")).behind_plan);
    }

    #[test]
    fn fraction_is_capped() {
        let p = Period::year(2024).unwrap();
        let t = target(4, TargetScope::Period);
        let pr = target_progress(&t, &tally(&[(2024, 9)]), p, d("2024-03-01"));
        assert_eq!(pr.fraction(), 1.0);
        let pr = target_progress(&t, &tally(&[(2024, 1)]), p, d("2024-03-01"));
        assert_eq!(pr.fraction(), 0.25);
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
        for p in Party::ALL {
            assert_eq!(Party::parse(p.key()), Some(p));
            assert_eq!(Party::parse(p.label()), Some(p));
        }
        for c in ObservationCategory::ALL {
            assert_eq!(ObservationCategory::from_key(c.key()), Some(c));
        }
        for s in ObservationStatus::ALL {
            assert_eq!(ObservationStatus::from_key(s.key()), Some(s));
        }
        assert_eq!(week_label(d("2024-05-02")), "v. 18");
    }
}
