//! The screens and widgets. Each screen is a struct that owns its state and draws from
//! data it is given; what the user asks for comes back as an [`Action`], which
//! `crate::controller` applies once per frame. Nothing here touches the store, the file
//! system, dialogs or the clock.

pub mod activity_form;
pub mod agreement;
pub mod authoring;
pub mod background;
pub mod backups;
pub mod board;
pub mod charts;
pub mod commitment_form;
pub mod date_field;
pub mod detail;
pub mod exchange;
pub mod export;
pub mod forms;
pub mod import_dialog;
pub mod measures;
pub mod meeting;
pub mod meeting_state;
pub mod nav;
pub mod new_municipality;
pub mod new_pledge;
pub mod observation_card;
pub mod overview;
pub mod recovery;
pub mod shortcuts;
pub mod situation;
pub mod state;
pub mod toast;
pub mod top_bar;
mod transitions;
pub mod walk_form;
pub mod walk_state;
pub mod walks;
pub mod widgets;

pub use agreement::AgreementAction;
pub use authoring::AuthoringAction;
pub use backups::BackupAction;
pub use board::BoardAction;
pub use exchange::ExchangeAction;
pub use export::ExportAction;
pub use meeting::MeetingAction;
pub use nav::NavAction;
pub use situation::SituationAction;
pub use state::{Prefs, Screens};
pub use walks::WalkAction;

/// Declares [`Action`]: one variant per feature's action enum (with `From`, so that a
/// screen can say `.into()`), then the app-wide ones.
macro_rules! actions {
    ($($variant:ident($t:ty)),* ; $($rest:tt)*) => {
        /// Everything a screen can ask for, by feature. Each feature's enum lives beside its
        /// screen; its processor is in `crate::controller`.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Action {
            $($variant($t),)*
            $($rest)*
        }
        $(impl From<$t> for Action {
            fn from(a: $t) -> Action {
                Action::$variant(a)
            }
        })*
    };
}
actions!(
    Nav(NavAction),
    Board(BoardAction),
    Walk(WalkAction),
    Authoring(AuthoringAction),
    Export(ExportAction),
    Backup(BackupAction),
    Exchange(ExchangeAction),
    Situation(SituationAction),
    Agreement(AgreementAction),
    Meeting(MeetingAction);
    /// Undo what the shown toast reports.
    Undo,
    CloseToast,
    CloseError,
    /// Close the notice that the database is damaged.
    CloseDamagedNotice,
    SetDarkTheme(bool),
);
