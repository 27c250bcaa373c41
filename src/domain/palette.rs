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
/// "Efter plan" and warnings as text on a dark background (AMBER is too dark there).
pub const AMBER_ON_DARK: Rgb = Rgb(0xF2, 0xA6, 0x5A);
/// The darkest panel background of egui's dark theme, for contrast checks.
pub const DARK_PANEL: Rgb = Rgb(0x1B, 0x1B, 0x1B);
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

/// WCAG 2 contrast ratio of two colours (1.0 ..= 21.0).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    #[test]
    fn warnings_read_on_the_dark_theme_too() {
        assert!(
            contrast(AMBER, DARK_PANEL) < 4.5,
            "why AMBER_ON_DARK exists"
        );
        assert!(contrast(AMBER_ON_DARK, DARK_PANEL) >= 4.5);
        assert!(
            contrast(AMBER_ON_DARK, Rgb(0x27, 0x27, 0x27)) >= 4.5,
            "on a striped row"
        );
    }

    #[test]
    fn the_formula_matches_known_values() {
        assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
    }

    /// Every colour carries white text (chips, the web page's status labels) and is itself
    /// text on white (the PDF, the web page): WCAG AA needs 4.5:1 both ways.
    #[test]
    fn every_colour_reads_on_white_at_aa() {
        let mut all: Vec<Rgb> = Status::ALL.iter().map(|s| status(*s)).collect();
        all.extend(
            ObservationStatus::ALL
                .iter()
                .map(|s| observation_status(*s)),
        );
        all.extend(Party::ALL.iter().map(|p| party(*p)));
        // The web page's text and secondary text.
        all.extend([Rgb(0x1a, 0x1a, 0x1a), Rgb(0x4a, 0x4a, 0x4a)]);
        for c in all {
            assert!(
                contrast(c, WHITE) >= 4.5,
                "{c:?}: {:.2}",
                contrast(c, WHITE)
            );
        }
    }
}
