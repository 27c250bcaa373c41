//! The views. Each view draws from data it is given and returns [`Action`]s; `app.rs`
//! performs them through the store. Views never touch SQL, dialogs or the clock.

pub mod board;
pub mod nav;
pub mod widgets;

use crate::domain::{CommitmentId, MunicipalityId, Party, Period, PoliceAreaId, TargetId};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectMunicipality(MunicipalityId),
    SelectOverview(PoliceAreaId),
    SelectPeriod(Period),
    SelectCommitment(Option<CommitmentId>),
    /// "+1": one insats dated today by `by`.
    QuickAdd {
        commitment: CommitmentId,
        target: Option<TargetId>,
        by: Party,
    },
    /// Check off (or un-check) a löfte without a number.
    SetChecked(CommitmentId, bool),
}
