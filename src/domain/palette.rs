//! The one palette of the app and the PDF: status and ansvarig colours, always shown with
//! their word too. Each carries white text at WCAG AA contrast in both themes.

use super::{ObservationStatus, Party, Status};

/// An sRGB colour, independent of egui and printpdf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const GREEN: Rgb = Rgb(0x1B, 0x7F, 0x3B);
pub const BLUE: Rgb = Rgb(0x1F, 0x5F, 0xAD);
/// Delvis genomförd, and "Efter plan" and warnings.
pub const AMBER: Rgb = Rgb(0xA1, 0x4A, 0x07);
pub const GREY: Rgb = Rgb(0x5F, 0x63, 0x68);
pub const RED: Rgb = Rgb(0xB3, 0x26, 0x1E);

pub fn status(s: Status) -> Rgb {
    match s {
        Status::Done => GREEN,
        Status::InProgress => BLUE,
        Status::PartlyDone => AMBER,
        Status::NotStarted => GREY,
        Status::NotDone => RED,
    }
}

pub fn observation_status(s: ObservationStatus) -> Rgb {
    match s {
        ObservationStatus::New => RED,
        ObservationStatus::Ongoing => BLUE,
        ObservationStatus::Fixed => GREEN,
        ObservationStatus::WontFix => GREY,
    }
}

pub fn party(p: Party) -> Rgb {
    match p {
        Party::Polisen => Rgb(0x1D, 0x3A, 0x8A),
        Party::Kommunen => Rgb(0x0F, 0x6E, 0x66),
        Party::Gemensamt => Rgb(0x6B, 0x21, 0xA8),
    }
}
