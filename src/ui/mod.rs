//! The views. Each view draws from data it is given and returns [`Action`]s; `app.rs`
//! performs them through the store. Views never touch SQL, dialogs or the clock.

pub mod atgarder;
pub mod authoring;
pub mod backups;
pub mod board;
pub mod commitment_form;
pub mod date_field;
pub mod detail;
pub mod export;
pub mod import_dialog;
pub mod insats_form;
pub mod nav;
pub mod overview;
pub mod walk_form;
pub mod walks;
pub mod widgets;

use crate::domain::{
    Activity, ActivityId, CommitmentId, ManualStatus, MunicipalityId, Observation, ObservationId,
    ObservationStatus, Party, PoliceAreaId, SafetyWalk, TargetId, WalkId,
};

/// The views of one kommun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Board,
    Walks,
    Actions,
    Edit,
}
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectMunicipality(MunicipalityId),
    SelectOverview(PoliceAreaId),
    /// Show each kommun's medborgarlöfte covering this year.
    SelectYear(i32),
    SelectCommitment(Option<CommitmentId>),
    /// "+1": one insats dated today by `by`.
    QuickAdd {
        commitment: CommitmentId,
        target: Option<TargetId>,
        by: Party,
    },
    /// Check off (or un-check) a löfte without a number.
    SetChecked(CommitmentId, bool),
    /// Open the insats form for a new insats of this löfte.
    NewActivity(CommitmentId),
    EditActivity(ActivityId),
    /// Save the form's insats (id 0: new).
    SaveActivity(Activity),
    CloseForm,
    DeleteActivity(ActivityId),
    SetManualStatus(CommitmentId, Option<ManualStatus>),
    /// Open the löfte editor.
    EditCommitment(CommitmentId),
    SaveCommitment(Box<crate::domain::Commitment>),
    SetTab(Tab),
    NewPledge {
        municipality: MunicipalityId,
        period: crate::domain::Period,
        copy_from: Option<crate::domain::PledgeId>,
    },
    OpenImport,
    CloseImport,
    SaveImport {
        municipality: MunicipalityId,
        period: crate::domain::Period,
        draft: Box<crate::domain::PledgeDraft>,
    },
    SavePledgeHead {
        pledge: crate::domain::PledgeId,
        title: String,
        goal: String,
        contact: String,
        signatories: Vec<crate::domain::Signatory>,
    },
    AddSection(crate::domain::PledgeId, String),
    RenameSection(crate::domain::SectionId, String),
    MoveSection(crate::domain::SectionId, i64),
    DeleteSection(crate::domain::SectionId),
    AddCommitment(crate::domain::SectionId),
    MoveCommitment(CommitmentId, i64),
    MoveCommitmentTo(CommitmentId, crate::domain::SectionId),
    DeleteCommitment(CommitmentId),
    OpenNewMunicipality,
    OpenBackups,
    BackupNow(std::path::PathBuf),
    ChooseRestoreFile,
    RestoreFrom(std::path::PathBuf),
    CreateMunicipality {
        name: String,
        area: String,
    },
    /// Open the export panel for the shown board.
    OpenExport,
    CloseExport,
    /// Ask the OS for a file name (rfd); the path field stays as a fallback.
    ChooseExportFile,
    StartExport(std::path::PathBuf),
    OpenFolder(std::path::PathBuf),
    SelectWalk(Option<WalkId>),
    NewWalk,
    EditWalk(WalkId),
    SaveWalk(Box<SafetyWalk>),
    CloseWalkForm,
    DeleteWalk(WalkId),
    AddObservation(Box<Observation>),
    /// Change an observation's status, stamped with today's date.
    SetObservationStatus {
        id: ObservationId,
        status: ObservationStatus,
        reason: String,
    },
    /// Date of the group's latest lägesbild meeting.
    SetLastMeeting(MunicipalityId, Option<NaiveDate>),
}

impl Action {
    /// True when the action changes nothing outside the selected kommun, so that the app
    /// reloads only that kommun instead of every kommun's progress.
    pub fn is_local(&self) -> bool {
        !matches!(
            self,
            Action::SelectOverview(_)
                | Action::SelectYear(_)
                | Action::NewPledge { .. }
                | Action::SaveImport { .. }
                | Action::CreateMunicipality { .. }
                | Action::RestoreFrom(_)
        )
    }
}
