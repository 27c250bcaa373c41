//! Undo of the last change, as offered by the toast's "Ångra".

use crate::domain::{Activity, Decision};
use crate::store::{DeletedObservation, DeletedWalk, Store, StoreError};

/// What undoing the last change means. Kept by the app beside the toast that offers it.
#[derive(Debug, Clone)]
pub enum Undo {
    /// Remove the insats just added, as it was stored.
    RemoveActivity(Box<Activity>),
    RestoreActivity(Box<Activity>),
    RestoreWalk(Box<DeletedWalk>),
    RestoreObservation(Box<DeletedObservation>),
    /// A removed löfte, avsnitt, medborgarlöfte or kommun, whole, links included.
    RestoreRemoved(Box<crate::store::Removed>),
    /// A deleted beslut, with its place in the meeting's list.
    RestoreDecision(Box<(Decision, i64)>),
    /// A beslut as it was before it was changed.
    RevertDecision(Box<Decision>),
    /// A beslut's status before a click changed it to the second.
    RevertDecisionStatus(Box<Decision>, crate::domain::DecisionStatus),
    /// A löfte's "Klar" mark (and its date) before a click changed it.
    RestoreChecked(crate::domain::CommitmentId, Option<chrono::NaiveDate>),
    /// An indicator's value for a year before it was set (none: the year had none).
    RevertIndicatorValue(crate::domain::IndicatorId, i32, Option<f64>),
    /// Remove the händelse just recorded.
    RemoveIncident(crate::domain::IncidentId),
    /// Put a removed händelse back as it was.
    RestoreIncident(Box<crate::domain::situation::Incident>),
    /// An åtgärd's status before a change to the second.
    RevertObservationStatus(
        Box<crate::domain::Observation>,
        crate::domain::ObservationStatus,
    ),
}

impl Undo {
    pub fn apply(self, store: &mut Store) -> Result<(), StoreError> {
        match self {
            Undo::RemoveActivity(a) => store.delete_activity_if_unchanged(&a),
            // Put back under their old ids: if those ids are taken now, nothing is put back.
            Undo::RestoreActivity(a) => store.restore_activity(&a),
            Undo::RestoreWalk(w) => store.restore_walk(&w),
            Undo::RestoreObservation(o) => store.restore_observation(&o),
            Undo::RestoreRemoved(r) => store.restore_removed(&r),
            Undo::RestoreDecision(d) => store.restore_decision(&d.0, d.1),
            // The change being undone counted one edit; anyone else's since refuses it.
            Undo::RevertDecision(d) => store
                .update_decision(&Decision {
                    version: d.version + 1,
                    ..*d
                })
                .map(|_| ()),
            Undo::RevertDecisionStatus(d, now) => store.revert_decision_status(&d, now),
            Undo::RevertObservationStatus(o, now) => store.revert_observation_status(&o, now),
            Undo::RestoreChecked(c, on) => store.set_checked(c, on),
            Undo::RevertIndicatorValue(id, year, Some(v)) => {
                store.set_indicator_value(id, year, v).map(|_| ())
            }
            Undo::RevertIndicatorValue(id, year, None) => store.remove_indicator_value(id, year),
            Undo::RemoveIncident(id) => store.remove_incident(id).map(|_| ()),
            Undo::RestoreIncident(i) => store.restore_incident(&i),
        }
        .map_err(StoreError::as_undo_conflict)
    }
}
