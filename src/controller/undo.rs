//! Undo of the last change, as offered by the toast's "Ångra".

use crate::domain::{Activity, ActivityId};
use crate::store::{DeletedCommitment, DeletedSection, DeletedWalk, Store, StoreError};

/// What undoing the last change means. Kept by the app beside the toast that offers it.
#[derive(Debug, Clone)]
pub enum Undo {
    RemoveActivity(ActivityId),
    RestoreActivity(Box<Activity>),
    RestoreWalk(Box<DeletedWalk>),
    RestoreCommitment(Box<DeletedCommitment>),
    RestoreSection(Box<DeletedSection>),
}

impl Undo {
    pub fn apply(self, store: &mut Store) -> Result<(), StoreError> {
        match self {
            Undo::RemoveActivity(id) => store.delete_activity(id).map(|_| ()),
            Undo::RestoreActivity(a) => store.restore_activity(&a),
            Undo::RestoreWalk(w) => store.restore_walk(&w),
            Undo::RestoreCommitment(c) => store.restore_commitment(&c),
            Undo::RestoreSection(s) => store.restore_section(&s),
        }
    }
}
