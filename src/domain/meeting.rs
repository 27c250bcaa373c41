//! Lägesbildsmöten and their beslut: what the group decided, who does it, by when.

use super::{CommitmentId, DecisionId, MeetingId, MunicipalityId};
use chrono::NaiveDate;

/// The yearly bedömning of one löfte, for the uppföljning: what it led to, why it was
/// not (fully) met, and what happens next. Public text, unlike an insats's internal note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub commitment: CommitmentId,
    pub year: i32,
    /// Resultat och bedömning.
    pub result: String,
    /// Orsak: why it was not, or only partly, met.
    pub cause: String,
    /// Fortsättning: the next step, or the proposal for next year.
    pub next: String,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
}

impl Assessment {
    /// No bedömning yet.
    pub fn empty(commitment: CommitmentId, year: i32) -> Assessment {
        Assessment {
            version: 0,
            commitment,
            year,
            result: String::new(),
            cause: String::new(),
            next: String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.result.trim().is_empty() && self.cause.trim().is_empty() && self.next.trim().is_empty()
    }
}

/// The yearly bedömning of a whole medborgarlöfte: how it went as a whole, and how the
/// work goes on. Public text, for the uppföljning and the citizens' page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeAssessment {
    pub pledge: super::PledgeId,
    pub year: i32,
    /// Samlad bedömning.
    pub overall: String,
    /// Så går vi vidare.
    pub next: String,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
}

impl PledgeAssessment {
    pub fn empty(pledge: super::PledgeId, year: i32) -> PledgeAssessment {
        PledgeAssessment {
            version: 0,
            pledge,
            year,
            overall: String::new(),
            next: String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.overall.trim().is_empty() && self.next.trim().is_empty()
    }
}

/// One recorded lägesbildsmöte of a kommun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub group: MeetingGroup,
    pub date: NaiveDate,
    /// Organisations or roles present ("Polisen", "Kommunen, trygghetssamordnare"); no
    /// names of persons.
    pub participants: Vec<String>,
    /// The lägesbild as the parties described it.
    pub notes: String,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
}

/// Who holds a lägesbildsmöte: one kommun's samverkan group, or a lokalpolisområde with
/// all its kommuner (a joint meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingGroup {
    Kommun(MunicipalityId),
    Area(super::PoliceAreaId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionStatus {
    Open,
    Done,
    /// Dropped, with a reason.
    Struck,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 3] = [
        DecisionStatus::Open,
        DecisionStatus::Done,
        DecisionStatus::Struck,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DecisionStatus::Open => "Öppen",
            DecisionStatus::Done => "Klar",
            DecisionStatus::Struck => "Struken",
        }
    }

    /// Stable key used in the database.
    pub fn key(self) -> &'static str {
        match self {
            DecisionStatus::Open => "oppen",
            DecisionStatus::Done => "klar",
            DecisionStatus::Struck => "struken",
        }
    }

    pub fn from_key(s: &str) -> Option<DecisionStatus> {
        Self::ALL.into_iter().find(|d| d.key() == s)
    }
}

/// A beslut or åtgärd of a meeting. Open ones carry over to the next meetings until
/// they are closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: DecisionId,
    pub meeting: MeetingId,
    pub text: String,
    /// Organisation or role ("Kommunen, gatuenheten").
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub commitment: Option<CommitmentId>,
    pub status: DecisionStatus,
    pub status_reason: String,
    /// When the status last changed.
    pub status_date: Option<NaiveDate>,
    /// The edit counter it was read at (schema 11): a save of an older one is refused.
    pub version: i64,
}

impl Decision {
    pub fn is_open(&self) -> bool {
        self.status == DecisionStatus::Open
    }

    /// Open and past its deadline on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.deadline.is_some_and(|d| d < today)
    }
}

/// A beslut where it is followed up: the date of its meeting, the kommun whose own meeting
/// it was (none for a lokalpolisområde's joint meeting), and the löfte it is about with
/// that löfte's kommun.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionItem {
    pub decision: Decision,
    pub meeting_date: NaiveDate,
    pub meeting_kommun: Option<String>,
    pub lofte: Option<LofteRef>,
}

/// A löfte named elsewhere (a beslut, a walk): its kommun and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LofteRef {
    pub kommun: String,
    pub text: String,
}

impl DecisionItem {
    /// The kommun the beslut is about: its löfte's, else its meeting's.
    pub fn kommun(&self) -> Option<&str> {
        self.lofte
            .as_ref()
            .map(|l| l.kommun.as_str())
            .or(self.meeting_kommun.as_deref())
    }
}
