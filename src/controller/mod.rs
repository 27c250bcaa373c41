//! Applies the screens' actions: each feature's action enum (defined beside its screen in
//! `crate::ui`) gets its processor here, one file per feature. Only processors touch the
//! store, the file system, OS dialogs and background jobs. A processor returns an
//! [`Effect`]: what to reload and what to tell the user.

mod agreement;
mod authoring;
mod backup;
mod board;
pub mod dialogs;
mod exchange;
mod export;
mod load;
mod meeting;
mod nav;
mod situation;
mod undo;
mod walks;

pub use backup::list_copies;
pub use export::{CheckupResult, Jobs};
pub use load::{ViewData, initial_nav};
pub use undo::Undo;

use crate::domain::Clock;
use crate::store::{Store, StoreError};
use crate::ui::{Action, Prefs, Screens};
use chrono::NaiveDate;
use std::path::Path;

/// What a processor may use.
pub struct Ctx<'a> {
    pub store: &'a mut Store,
    pub db_path: &'a Path,
    pub clock: Clock,
    pub today: NaiveDate,
    /// What the screens show, as loaded before this action.
    pub data: &'a ViewData,
    pub screens: &'a mut Screens,
    pub prefs: &'a mut Prefs,
    pub jobs: &'a mut Jobs,
    /// The desktop's file dialogs (none in tests).
    pub dialogs: &'a dyn dialogs::FileDialogs,
}

/// What has to be read again after an action. Each level includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Reload {
    /// Pure UI: tab, filter, form text.
    #[default]
    None,
    /// A händelse changed: the lägesbild (and meeting mode's page of it).
    Situation,
    /// The parts that follow the selection: the selected löfte's insatser, the walks.
    Selected,
    /// An insats, a status or a beslut changed: the selected kommun's board, the selected
    /// löfte and the meeting; the walks are not read again.
    Activities,
    /// The selected kommun's board and its line in the left panel.
    Board,
    /// Every kommun's progress, the years, the overview.
    All,
    /// Everything, with the selection chosen again from the preferences (the data may be
    /// another database's after a restore). Undo history no longer applies.
    Fresh,
}

/// The outcome of one action.
#[must_use]
#[derive(Debug, Default)]
pub struct Effect {
    pub reload: Reload,
    pub toast: Option<String>,
    pub undo: Option<Undo>,
}

impl Effect {
    pub fn none() -> Effect {
        Effect::default()
    }

    pub fn reload(reload: Reload) -> Effect {
        Effect {
            reload,
            ..Effect::default()
        }
    }

    pub fn toast(mut self, text: impl Into<String>) -> Effect {
        self.toast = Some(text.into());
        self
    }

    pub fn undo(mut self, undo: Undo) -> Effect {
        self.undo = Some(undo);
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    System(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Forwards a feature action to its processor. The app-wide actions (undo, toast, error,
/// theme) belong to the app and are not handled here.
pub fn apply(action: Action, cx: &mut Ctx) -> Result<Effect> {
    match action {
        Action::Nav(a) => Ok(a.apply(cx.screens, cx.prefs, cx.data)),
        Action::Board(a) => a.apply(cx),
        Action::Walk(a) => a.apply(cx),
        Action::Authoring(a) => a.apply(cx),
        Action::Export(a) => a.apply(cx),
        Action::Backup(a) => a.apply(cx),
        Action::Exchange(a) => a.apply(cx),
        Action::Situation(a) => a.apply(cx),
        Action::Agreement(a) => a.apply(cx),
        Action::Meeting(a) => {
            let screens = &mut *cx.screens;
            a.apply(cx.store, cx.today, &mut screens.meeting, &screens.nav)
        }
        Action::Undo
        | Action::CloseToast
        | Action::CloseError
        | Action::CloseDamagedNotice
        | Action::SetDarkTheme(_) => Ok(Effect::none()),
    }
}
