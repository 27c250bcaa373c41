//! Meeting mode's state: the agenda step, the beslut being typed, participants and
//! lägesbild, and the transitions processors call after their store work.

use crate::domain::{CommitmentId, Decision, DecisionId, DecisionStatus, MeetingId};
use crate::validate::{Invalid, check_text, parse_optional_date};

/// The agenda, in the order the meeting goes through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    SinceLast,
    Situation,
    Behind,
    Measures,
    Board,
    Decisions,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::SinceLast,
        Step::Situation,
        Step::Behind,
        Step::Measures,
        Step::Board,
        Step::Decisions,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::SinceLast => "Sedan förra mötet",
            Step::Situation => "Lägesbild",
            Step::Behind => "Efter plan",
            Step::Measures => "Åtgärder",
            Step::Board => "Tavlan",
            Step::Decisions => "Beslut",
        }
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next (`+1`) or previous (`-1`) step, staying within the agenda.
    pub fn moved(self, by: i32) -> Step {
        let i = (self.index() as i32 + by).clamp(0, Step::ALL.len() as i32 - 1);
        Step::ALL[i as usize]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MeetingAction {
    Start,
    /// Start meeting mode on the beslut page with a beslut about a place (from the
    /// lägesbild).
    DecideAbout(String),
    Leave,
    /// A new beslut for today's meeting (recorded when the first one is added).
    AddDecision(Box<Decision>),
    SetDecisionStatus {
        id: DecisionId,
        status: DecisionStatus,
        reason: String,
    },
    /// Save a changed beslut (text, ansvarig, deadline, löfte), with undo.
    UpdateDecision(Box<Decision>),
    /// Remove a beslut typed by mistake (with undo).
    DeleteDecision(DecisionId),
    /// Today's participants (one organisation or role per line) and lägesbild notes.
    SaveNotes {
        participants: Vec<String>,
        notes: String,
    },
}

/// A beslut as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionDraft {
    pub text: String,
    pub responsible: String,
    pub deadline: String,
    /// The löfte the beslut is about, if any.
    pub commitment: Option<CommitmentId>,
}

impl DecisionDraft {
    /// The draft of an existing beslut, for changing it.
    pub fn of(d: &Decision) -> Self {
        DecisionDraft {
            text: d.text.clone(),
            responsible: d.responsible.clone(),
            deadline: d.deadline.map(|x| x.to_string()).unwrap_or_default(),
            commitment: d.commitment,
        }
    }

    /// `d` with the draft's text, ansvarig, deadline and löfte; its meeting and status kept.
    pub fn apply_to(&self, d: &Decision) -> Result<Decision, Invalid> {
        let b = self.build(d.meeting)?;
        Ok(Decision {
            text: b.text,
            responsible: b.responsible,
            deadline: b.deadline,
            commitment: b.commitment,
            ..d.clone()
        })
    }

    /// The beslut for `meeting` (0 until today's meeting is recorded), or the first error.
    pub fn build(&self, meeting: MeetingId) -> Result<Decision, Invalid> {
        Ok(Decision {
            version: 0,
            id: DecisionId::NEW,
            meeting,
            text: check_text("Beslut", &self.text, true, true)?,
            responsible: check_text("Ansvarig", &self.responsible, false, false)?,
            deadline: parse_optional_date(&self.deadline)?,
            commitment: self.commitment,
            status: DecisionStatus::Open,
            status_reason: String::new(),
            status_date: None,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingScreen {
    pub active: bool,
    /// Whose meeting: the kommun shown, or a lokalpolisområde (from "Alla kommuner").
    pub group: Option<crate::domain::MeetingGroup>,
    pub step: Step,
    pub draft: DecisionDraft,
    /// The beslut the draft changes; None: the draft is a new beslut.
    pub editing: Option<Decision>,
    /// One organisation or role per line, as typed.
    pub participants: String,
    pub notes: String,
    /// A carried beslut about to be struck, with the reason being typed.
    pub striking: Option<(DecisionId, String)>,
    /// Scroll position of the Tavlan page (↑/↓ move it).
    pub board_scroll: f32,
}

impl MeetingScreen {
    /// Meeting mode starts for group `g`, with today's meeting if one is recorded.
    pub fn start(
        &mut self,
        g: crate::domain::MeetingGroup,
        current: Option<crate::domain::Meeting>,
    ) {
        *self = MeetingScreen {
            active: true,
            group: Some(g),
            participants: current
                .as_ref()
                .map(|c| c.participants.join("\n"))
                .unwrap_or_default(),
            notes: current.map(|c| c.notes).unwrap_or_default(),
            ..MeetingScreen::default()
        };
    }

    pub fn leave(&mut self) {
        self.active = false;
    }

    pub fn show(&mut self, step: Step) {
        self.step = step;
    }

    /// A beslut about a place of the lägesbild: the beslut page, its text begun with the
    /// place (what is typed after it says what is to be done there).
    pub fn decide_about(&mut self, place: &str) {
        self.editing = None;
        self.draft = DecisionDraft {
            text: format!("{place}: "),
            ..DecisionDraft::default()
        };
        self.step = Step::Decisions;
    }

    /// A changed beslut was saved: the draft adds new ones again.
    pub fn decision_saved(&mut self) {
        self.editing = None;
    }

    /// A beslut was closed or reopened: no reason is being typed any more.
    pub fn status_set(&mut self) {
        self.striking = None;
    }
}
