//! Domain types of Trygghetstavlan and the pure progress math.
//!
//! Code names follow the glossary in ARCHITECTURE.md: a medborgarlöfte is a [`Pledge`], an avsnitt a
//! [`Section`], a löfte a [`Commitment`], an insats an [`Activity`].

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub i64);
        impl $name {
            /// A record not stored yet: the store gives it its id when it is added.
            pub const NEW: $name = $name(0);
            pub fn is_new(self) -> bool {
                self == Self::NEW
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}
/// Calls `$m!` with every id type: one list for their definitions here and their
/// columns in the store.
macro_rules! with_id_types {
    ($m:ident) => {
        $m!(
            PoliceAreaId,
            MunicipalityId,
            PledgeId,
            SectionId,
            CommitmentId,
            TargetId,
            ActivityId,
            WalkId,
            ObservationId,
            AgreementId,
            MeetingId,
            DecisionId,
            PhotoId,
            IncidentId,
            IncidentCategoryId,
            IndicatorId,
            FocusAreaId
        );
    };
}
pub(crate) use with_id_types;
with_id_types!(id_type);

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

/// The years a date may have (an insats, a walk, a meeting); others are typing mistakes.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// The most years one medborgarlöfte or överenskommelse covers (real ones: 1 to 4).
pub const MAX_PERIOD_YEARS: i32 = 10;

impl Period {
    /// A period a user or a text gives: within [`YEARS`] (so that its insatser can be
    /// dated) and at most [`MAX_PERIOD_YEARS`] long.
    pub fn new(first: i32, last: i32) -> Option<Period> {
        (first <= last
            && YEARS.contains(&first)
            && YEARS.contains(&last)
            && last - first < MAX_PERIOD_YEARS)
            .then_some(Period { first, last })
    }

    /// A period as stored by an older version, which accepted 1900–2200 and any length:
    /// still read, so that such a file opens.
    pub fn stored(first: i32, last: i32) -> Option<Period> {
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
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
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

    /// What one of a löfte's several mål counts, and whose it is: "uppstartsmöten",
    /// "riktade insatser · Kommunen" (a mål named only by its party says what it counts).
    pub fn name(&self) -> String {
        let name = match &self.label {
            Some(l)
                if self
                    .party
                    .is_some_and(|p| l.eq_ignore_ascii_case(p.label())) =>
            {
                self.unit.clone()
            }
            Some(l) => l.clone(),
            None => self.unit.clone(),
        };
        match self.party {
            Some(p) if !name.to_lowercase().contains(&p.label().to_lowercase()) => {
                format!("{name} · {}", p.label())
            }
            _ => name,
        }
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
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
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
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
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
    /// A return walk (återbesök): the earlier walk whose open åtgärder it checks.
    pub revisit_of: Option<WalkId>,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
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
    /// "2 nya", "1 pågår", "3 åtgärdade", "1 utan åtgärd": a count in a sentence.
    pub fn counted(self, n: u32) -> String {
        let one = n == 1;
        let word = match self {
            ObservationStatus::New => {
                if one {
                    "ny"
                } else {
                    "nya"
                }
            }
            ObservationStatus::Ongoing => "pågår",
            ObservationStatus::Fixed => {
                if one {
                    "åtgärdad"
                } else {
                    "åtgärdade"
                }
            }
            ObservationStatus::WontFix => "utan åtgärd",
        };
        format!("{n} {word}")
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
    /// A place that feels safe, and why: in the protokoll, never on the åtgärdslista.
    pub positive: bool,
    pub position: Option<GeoPoint>,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
}

impl Observation {
    /// What a photo of this observation shows, for those who cannot see it (the PDF's
    /// alt text): the place, what was seen, how it felt and the description.
    pub fn photo_alt(&self) -> String {
        let kind = if self.positive {
            "upplevs tryggt"
        } else {
            "upplevs otryggt"
        };
        let mut alt = format!(
            "Foto från {}: {}, {kind}",
            self.place.trim(),
            self.category.label().to_lowercase()
        );
        let description = self.description.trim();
        if !description.is_empty() {
            alt.push_str(&format!(". {description}"));
        }
        alt
    }
}

/// A photo of an observation: re-encoded JPEG, at most 1600 px on the long side, without
/// the camera's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub id: PhotoId,
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A stored photo as the window shows it: its bytes shared, so a frame never copies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoView {
    pub id: PhotoId,
    pub jpeg: std::sync::Arc<[u8]>,
    pub width: u32,
    pub height: u32,
}

impl From<Photo> for PhotoView {
    fn from(p: Photo) -> Self {
        PhotoView {
            id: p.id,
            jpeg: p.jpeg.into(),
            width: p.width,
            height: p.height,
        }
    }
}

/// A point on the map in micro-degrees (WGS 84), as pasted from a map ("56.0512, 14.5853").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeoPoint {
    pub lat_e6: i32,
    pub lon_e6: i32,
}

impl GeoPoint {
    /// A point from degrees, or None outside the globe.
    pub fn from_degrees(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then(|| GeoPoint {
            lat_e6: (lat * 1e6).round() as i32,
            lon_e6: (lon * 1e6).round() as i32,
        })
    }
    pub fn lat(self) -> f64 {
        self.lat_e6 as f64 / 1e6
    }
    pub fn lon(self) -> f64 {
        self.lon_e6 as f64 / 1e6
    }
    /// A link that opens the point in the user's map in the browser (OpenStreetMap).
    pub fn map_url(self) -> String {
        format!(
            "https://www.openstreetmap.org/?mlat={0:.6}&mlon={1:.6}#map=18/{0:.6}/{1:.6}",
            self.lat(),
            self.lon()
        )
    }
}

impl std::fmt::Display for GeoPoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.5}, {:.5}", self.lat(), self.lon())
    }
}

/// A samverkansöverenskommelse with its parties, forums and fokusområden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub id: AgreementId,
    pub municipality: MunicipalityId,
    pub period: Period,
    pub title: String,
    /// Who signed or takes part: the kommun, its bolag, the polis.
    pub parties: Vec<String>,
    /// Where the parties meet (lägesbildsgrupp, styrgrupp …).
    pub forums: Vec<String>,
    pub focus_areas: Vec<FocusArea>,
}

/// A fokusområde of an agreement: a row of its own, so that a rename keeps its löften.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusArea {
    pub id: FocusAreaId,
    pub name: String,
    /// The händelse kategorier whose trend it follows.
    pub categories: Vec<String>,
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
/// A target as a draft: its definition without its id (copy forward).
impl From<&Target> for TargetDraft {
    fn from(t: &Target) -> TargetDraft {
        TargetDraft {
            count: t.count,
            unit: t.unit.clone(),
            scope: t.scope,
            party: t.party,
            label: t.label.clone(),
        }
    }
}

/// A löfte as a draft: text, ansvarig, targets, delområden and tags, without progress.
impl From<&Commitment> for CommitmentDraft {
    fn from(c: &Commitment) -> CommitmentDraft {
        CommitmentDraft {
            text: c.text.clone(),
            party: c.party,
            targets: c.targets.iter().map(TargetDraft::from).collect(),
            sub_areas: c.sub_areas.clone(),
            tags: c.tags.clone(),
        }
    }
}

/// ISO week number, as Swedish planners use it ("v. 18").
pub fn week_label(date: NaiveDate) -> String {
    format!("v. {}", date.iso_week().week())
}

pub mod agreements;
pub mod charts;
mod clock;
pub mod exchange;
pub mod indicators;
mod meeting;
pub mod palette;
mod progress;
mod records;
pub mod situation;
mod views;
pub mod years;

pub use clock::Clock;
pub use meeting::{
    Assessment, Decision, DecisionItem, DecisionStatus, LofteRef, Meeting, MeetingGroup,
    PledgeAssessment,
};
pub use progress::{TargetProgress, TargetTally, commitment_status, target_progress};
pub use records::{Queries, Records};
pub use views::{
    BoardData, CommitmentStats, MeetingData, OpenObservation, PublicActivity, WalkSummary,
    default_pledge,
};

#[cfg(test)]
mod tests;
