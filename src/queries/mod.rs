//! Reading what the window and the command line both show: the board and year choices,
//! the meeting's records and the inputs of every report. Depends on the store, the
//! domain and the report model only, so that `cli` needs neither `controller` nor `ui`.

mod board;
mod meeting;
mod reports;

pub use board::{done_commitments, load_board, pledge_for, previous_for, years};
pub use meeting::{kommuner_of, meeting_data, minutes};
pub use reports::{area_report, measure_list, missing_causes, protocol, same_responsible};
