//! Small shared widgets: status and ansvarig chips, progress bars.

use crate::domain::{Commitment, Party, Period, Status, Target, palette};
use chrono::NaiveDate;
use egui::{Color32, RichText, Sense, Stroke, Ui, Vec2};

/// An egui colour from the shared palette.
pub fn rgb(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

pub fn status_color(s: Status) -> Color32 {
    rgb(palette::status(s))
}

pub fn party_color(p: Party) -> Color32 {
    rgb(palette::party(p))
}

/// Amber used for "Efter plan" and warnings (fills, and text on the light theme).
pub const BEHIND: Color32 = Color32::from_rgb(palette::AMBER.0, palette::AMBER.1, palette::AMBER.2);

/// "Efter plan" and warnings as text: the amber that reads on the theme in use.
pub fn behind_text(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        rgb(palette::AMBER_ON_DARK)
    } else {
        BEHIND
    }
}

/// A rounded label with white text on `fill`, at least `min_width` wide.
pub fn chip(ui: &mut Ui, text: &str, fill: Color32, min_width: f32) -> egui::Response {
    let galley = ui.painter().layout_no_wrap(
        text.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        Color32::WHITE,
    );
    let pad = Vec2::new(8.0, 3.0);
    let size = Vec2::new(
        (galley.size().x + 2.0 * pad.x).max(min_width),
        galley.size().y + 2.0 * pad.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 6.0, fill);
        let pos = egui::pos2(rect.center().x - galley.size().x / 2.0, rect.min.y + pad.y);
        ui.painter().galley(pos, galley, Color32::WHITE);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

pub fn status_chip(ui: &mut Ui, s: Status) -> egui::Response {
    chip(ui, s.label(), status_color(s), 150.0)
}

pub fn party_chip(ui: &mut Ui, p: Party) -> egui::Response {
    chip(ui, p.label(), party_color(p), 110.0)
}

/// A progress bar in the status colour.
pub fn progress(ui: &mut Ui, fraction: f32, color: Color32, width: f32) {
    let height = 12.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let bg = ui.visuals().extreme_bg_color;
        ui.painter().rect_filled(rect, 4.0, bg);
        ui.painter().rect_stroke(
            rect,
            4.0,
            Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
            egui::StrokeKind::Inside,
        );
        let mut fill = rect;
        fill.set_width(rect.width() * fraction.clamp(0.0, 1.0));
        if fill.width() > 0.5 {
            ui.painter().rect_filled(fill, 4.0, color);
        }
    }
}

/// Muted secondary text.
pub fn weak(text: impl Into<String>) -> RichText {
    RichText::new(text.into()).weak()
}

/// The "+1" button of a target: one insats today by the target's (or löfte's) ansvarig.
/// Disabled outside the period, where an insats dated today would not count.
pub fn plus_one(
    ui: &mut Ui,
    c: &Commitment,
    t: &Target,
    period: Period,
    today: NaiveDate,
    big: bool,
) -> Option<super::BoardAction> {
    let text = if big {
        RichText::new("+1").size(18.0)
    } else {
        RichText::new("+1")
    };
    let mut button = egui::Button::new(text);
    if !big {
        button = button.small();
    }
    ui.add_enabled(period.contains(today), button)
        .on_hover_text("Registrera en insats i dag")
        .on_disabled_hover_text(format!(
            "Medborgarlöftet gäller {period}: använd Ny insats och ange datum."
        ))
        .clicked()
        .then(|| quick_add(c, t))
}

/// One insats today towards mål `t` of löfte `c`, by the mål's (or the löfte's) ansvarig.
pub fn quick_add(c: &Commitment, t: &crate::domain::Target) -> super::BoardAction {
    super::BoardAction::QuickAdd {
        commitment: c.id,
        target: Some(t.id),
        by: t.party.unwrap_or(c.party),
    }
}

/// A löfte on one line: ansvarig, status, done/target, the text cut to fit, and +1 when
/// it has a single target. `size` is the text size (larger on the projector). Returns
/// +1 when clicked, and whether the text was clicked.
pub fn one_line_row(
    ui: &mut Ui,
    row: &crate::summary::CommitmentRow,
    period: Period,
    today: NaiveDate,
    size: f32,
) -> (Option<super::BoardAction>, bool) {
    let mut action = None;
    let mut clicked = false;
    ui.horizontal(|ui| {
        party_chip(ui, row.commitment.party);
        status_chip(ui, row.status);
        // Several mål: each its own figure (a sum of meetings, newsletters and both
        // parties' insatser would say nothing).
        let figure = match row.targets.as_slice() {
            [] if row.commitment.checked_on.is_some() => "Klar".into(),
            [] => "–".into(),
            ts => ts
                .iter()
                .map(|t| format!("{}/{}", t.progress.done, t.progress.goal))
                .collect::<Vec<_>>()
                .join(" · "),
        };
        let h = size + 10.0;
        // The column of figures lines up row to row; several mål take the room they need.
        let figure_w = (size * 4.2).max(size * 3.6 * row.targets.len() as f32);
        ui.add_sized(
            [figure_w, h],
            egui::Label::new(RichText::new(figure).size(size).strong()),
        );
        let w = (ui.available_width() - 80.0).max(100.0);
        ui.allocate_ui_with_layout(
            Vec2::new(w, h),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_width(w);
                let text = RichText::new(&row.commitment.text).size(size);
                let r = ui.add(egui::Label::new(text).truncate().sense(Sense::click()));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, row_name(row))
                });
                action = plus_key(ui, &r, row, period, today);
                clicked = r.clicked();
            },
        );
        match row.targets.as_slice() {
            [t] => {
                if let Some(a) = plus_one(ui, &row.commitment, &t.target, period, today, true) {
                    action = Some(a);
                }
            }
            [] => {}
            ts => {
                // One +1 per mål, named, in a menu.
                let enabled = period.contains(today);
                ui.add_enabled_ui(enabled, |ui| {
                    ui.menu_button(RichText::new("+1…").size(18.0), |ui| {
                        for t in ts {
                            let label = format!(
                                "{} ({}/{})",
                                t.target.name(),
                                t.progress.done,
                                t.progress.goal
                            );
                            if ui.button(label).clicked() {
                                action = Some(quick_add(&row.commitment, &t.target));
                                ui.close();
                            }
                        }
                    });
                });
            }
        }
    });
    (action, clicked)
}

/// What a screen reader says of a löfte's row: "Delta på … — Genomförd, 4 av 4".
pub fn row_name(row: &crate::summary::CommitmentRow) -> String {
    let progress: Vec<String> = row
        .targets
        .iter()
        .map(|t| format!("{} av {}", t.progress.done, t.progress.goal))
        .collect();
    let mut name = format!("{} — {}", row.commitment.text.trim(), row.status.label());
    if !progress.is_empty() {
        name.push_str(&format!(", {}", progress.join(", ")));
    }
    name
}

/// "+" on a löfte's focused row (`text`): one insats today, as its +1 (the insats form
/// when it has several mål or today is outside the period).
pub fn plus_key(
    ui: &mut Ui,
    text: &egui::Response,
    row: &crate::summary::CommitmentRow,
    period: Period,
    today: NaiveDate,
) -> Option<super::BoardAction> {
    if !text.has_focus() || !ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Plus))
    {
        return None;
    }
    Some(match row.targets.as_slice() {
        [t] if period.contains(today) => quick_add(&row.commitment, &t.target),
        _ => super::BoardAction::NewActivity(row.commitment.id),
    })
}

/// How tall a table row must be for its `texts` (column index, text) to wrap within their
/// columns' widths, at least `min`: long places and åtgärder show whole instead of "…".
pub fn wrapped_row_height(ui: &Ui, widths: &[f32], texts: &[(usize, &str)], min: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let pad = ui.spacing().item_spacing.x;
    let row_gap = 8.0;
    texts
        .iter()
        .map(|(col, text)| {
            let width = (widths.get(*col).copied().unwrap_or(100.0) - pad).max(20.0);
            let galley = ui.ctx().fonts_mut(|f| {
                f.layout(
                    text.to_string(),
                    font.clone(),
                    egui::Color32::PLACEHOLDER,
                    width,
                )
            });
            galley.size().y + row_gap
        })
        .fold(min, f32::max)
}

/// A label that wraps in a table cell (cells lay out left to right, which would not).
pub fn cell_text(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).wrap())
}

/// Wrapped text in a table cell that can be clicked (it opens what the row is about).
pub fn clickable_text(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(egui::Label::new(text).wrap().sense(egui::Sense::click()))
}

/// The deadline, red and marked when passed for an open observation.
pub fn deadline_label(ui: &mut egui::Ui, o: &crate::domain::Observation, today: chrono::NaiveDate) {
    match o.deadline {
        Some(d) if o.status.is_open() && d < today => {
            ui.label(
                egui::RichText::new(format!("{d} försenad"))
                    .color(egui::Color32::WHITE)
                    .background_color(rgb(crate::domain::palette::RED)),
            );
        }
        Some(d) => {
            ui.label(d.to_string());
        }
        None => {
            ui.label(weak("–"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;

    /// A long text makes its row taller, more so in a narrower column; a short one keeps
    /// the least height.
    #[test]
    fn rows_grow_with_their_text() {
        let long = "Byta samtliga armaturer i tunneln till LED med rörelsesensor och måla om väggarna i ljus färg";
        let mut h = Harness::new_ui_state(
            |ui, heights: &mut Vec<f32>| {
                heights.clear();
                for (width, text) in [(500.0, "Kort"), (400.0, long), (150.0, long)] {
                    heights.push(wrapped_row_height(ui, &[width], &[(0, text)], 30.0));
                }
            },
            Vec::new(),
        );
        h.run();
        let hs = h.state().clone();
        assert_eq!(hs[0], 30.0);
        assert!(hs[1] > 30.0, "{hs:?}");
        assert!(hs[2] > hs[1] * 1.5, "{hs:?}");
    }
}
