//! The PDF uppföljning: a pure model built from the store, then laid out as A4 pages.

pub mod agreement;
pub mod area;
pub mod follow_up;
pub mod html;
pub mod layout;
pub mod measures;
pub mod minutes;
pub mod model;
pub mod pdf;
pub mod protocol;
pub mod tagged;

pub use area::{AreaReport, build_area_report, render_area_pdf};
pub use html::render_html;
pub use measures::{MeasureList, render_measures};
pub use minutes::{Minutes, MinutesInput, build_minutes, render_minutes};
pub use model::{FollowUp, build_follow_up};
pub use pdf::{Pdf, render_pdf};
pub use protocol::{Protocol, render_protocol};

/// "1 sida", "6 sidor".
pub fn pages_text(n: usize) -> String {
    if n == 1 {
        "1 sida".into()
    } else {
        format!("{n} sidor")
    }
}
