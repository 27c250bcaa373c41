//! Pictures in the window: a target's progress against its plan line (egui_plot) and a
//! stacked status bar. The numbers come from `domain::charts`.

use super::widgets::status_color;
use crate::domain::Status;
use crate::domain::charts::{MONTHS, ProgressSeries};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Sense, Ui, Vec2};
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoints};

/// Cumulative done over the period against the plan line (goal × elapsed share), one
/// line per target. A still picture: no zoom or drag, so the panel scrolls as usual.
/// `alt` says in words what it shows (a screen reader reads it instead of the lines).
pub fn progress_chart(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    series: &[(String, ProgressSeries)],
    alt: &str,
) {
    let Some((_, first)) = series.first() else {
        return;
    };
    let start = first.start;
    let max_goal = series.iter().map(|(_, s)| s.goal).max().unwrap_or(1).max(1);
    let max_done = series
        .iter()
        .filter_map(|(_, s)| s.done.last().map(|d| d.1))
        .max()
        .unwrap_or(0);
    let top = max_goal.max(max_done) as f64;
    let days = (first.end - start).num_days() as f64;
    let text = ui.visuals().text_color();
    let colours = [
        super::widgets::status_color(Status::InProgress),
        super::widgets::party_color(crate::domain::Party::Kommunen),
        super::widgets::party_color(crate::domain::Party::Gemensamt),
    ];
    let shown = Plot::new(("progress_chart", id))
        .height(170.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_x(0.0)
        .include_x(days)
        .include_y(0.0)
        .include_y(top * 1.08)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_grid_spacer(move |_| month_marks(start, days))
        .x_axis_formatter(move |mark, _| month_label(start, days, mark.value))
        .y_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 && mark.value >= 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            let plan: PlotPoints = vec![[0.0, 0.0], [days, first.goal as f64]].into();
            p.line(
                Line::new("Plan", plan)
                    .color(text.gamma_multiply(0.6))
                    .style(LineStyle::dashed_loose())
                    .width(1.5),
            );
            for (i, (name, s)) in series.iter().enumerate() {
                if i > 0 && s.goal != first.goal {
                    let plan: PlotPoints = vec![[0.0, 0.0], [days, s.goal as f64]].into();
                    p.line(
                        Line::new(format!("Plan {name}"), plan)
                            .color(text.gamma_multiply(0.4))
                            .style(LineStyle::dashed_dense())
                            .width(1.0),
                    );
                }
                // A step line: the count holds until the next insats.
                let mut points: Vec<[f64; 2]> = Vec::with_capacity(s.done.len() * 2);
                let mut last = 0.0;
                for (day, n) in &s.done {
                    let x = s.x(*day);
                    // No point twice in a row: a zero-length segment draws a band.
                    for p in [[x, last], [x, *n as f64]] {
                        if points.last() != Some(&p) {
                            points.push(p);
                        }
                    }
                    last = *n as f64;
                }
                let label = if name.is_empty() { "Utfört" } else { name };
                // A step line has two points per day: not data to be drawn as a band.
                p.line(
                    Line::new(label, PlotPoints::from(points))
                        .allow_band(false)
                        .color(colours[i % colours.len()])
                        .width(2.5),
                );
            }
        });
    shown
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, alt));
}

/// Grid marks on the first of every other month (each half-year over a longer period),
/// far enough apart for egui_plot to label them.
fn month_marks(start: NaiveDate, days: f64) -> Vec<egui_plot::GridMark> {
    let long = days > 400.0;
    let mut marks = Vec::new();
    let mut day = start.with_day(1).unwrap_or(start);
    let end = start + chrono::Duration::days(days as i64);
    while day <= end {
        if day.month0().is_multiple_of(if long { 6 } else { 2 }) {
            let value = (day - start).num_days() as f64;
            if value >= 0.0 {
                marks.push(egui_plot::GridMark {
                    value,
                    step_size: if long { 182.0 } else { 61.0 },
                });
            }
        }
        day = day
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(end + chrono::Duration::days(1));
    }
    marks
}

/// "mar" on a one-year chart; "jan 2024" at each year's start on a longer one.
fn month_label(start: NaiveDate, days: f64, value: f64) -> String {
    let day = start + chrono::Duration::days(value.round() as i64);
    let name = MONTHS[day.month0() as usize];
    if days > 400.0 && day.month0() == 0 {
        format!("{name} {}", day.year())
    } else {
        name.to_string()
    }
}

/// One line under the chart in words, so the picture is never the only way to read it.
pub fn progress_words(s: &ProgressSeries, today: NaiveDate) -> String {
    let done = s.done.last().map(|d| d.1).unwrap_or(0);
    let day = today.clamp(s.start, s.end);
    let planned = s.planned_on(day);
    if today >= s.end {
        format!("{done} av {} gjort när perioden slutade.", s.goal)
    } else {
        format!(
            "{done} av {} gjort {day}; planen säger {:.0} vid det här laget.",
            s.goal, planned
        )
    }
}

/// Löften per status as one stacked bar, with the counts in words below.
pub fn status_bar(ui: &mut Ui, counts: &[(Status, u32)], width: f32) {
    let total: u32 = counts.iter().map(|(_, n)| n).sum();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 16.0), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
        if total > 0 {
            let mut x = rect.left();
            for (s, n) in counts.iter().filter(|(_, n)| *n > 0) {
                let w = rect.width() * *n as f32 / total as f32;
                let part = egui::Rect::from_min_size(
                    egui::pos2(x, rect.top()),
                    Vec2::new(w, rect.height()),
                );
                painter.rect_filled(part.shrink2(Vec2::new(0.5, 0.0)), 0.0, status_color(*s));
                x += w;
            }
        }
    }
    let words: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{}: {n}", s.label()))
        .collect();
    response.on_hover_text(words.join(", "));
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (s, n) in counts.iter().filter(|(_, n)| *n > 0) {
            ui.horizontal(|ui| {
                let (dot, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                ui.painter().rect_filled(dot, 2.0, status_color(*s));
                ui.label(RichText::new(format!("{}: {n}", s.label())).size(14.0));
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_status_bar_says_its_counts_in_words() {
        let counts = vec![
            (Status::Done, 3),
            (Status::InProgress, 0),
            (Status::NotDone, 1),
        ];
        let h = Harness::new_ui_state(
            |ui, c: &mut Vec<(Status, u32)>| status_bar(ui, c, 200.0),
            counts,
        );
        h.get_by_label("Genomförd: 3");
        h.get_by_label("Ej genomförd: 1");
        assert!(
            h.query_by_label_contains("Pågår").is_none(),
            "empty parts are left out"
        );
    }

    #[test]
    fn the_progress_chart_draws_and_is_described() {
        let period = crate::domain::Period::new(2024, 2024).unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let s = ProgressSeries {
            start: period.start(),
            end: period.end(),
            goal: 30,
            done: vec![
                (day("2024-01-01"), 0),
                (day("2024-03-01"), 5),
                (day("2024-07-01"), 5),
            ],
        };
        assert_eq!(
            progress_words(&s, day("2024-07-01")),
            "5 av 30 gjort 2024-07-01; planen säger 15 vid det här laget."
        );
        assert_eq!(
            progress_words(&s, day("2025-01-10")),
            "5 av 30 gjort när perioden slutade."
        );
        let mut h = Harness::new_ui_state(
            |ui, s: &mut Vec<(String, ProgressSeries)>| progress_chart(ui, 1, s, "5 av 30 gjort"),
            vec![(String::new(), s)],
        );
        h.run();
        // The chart is named by its words for a screen reader.
        h.get_by_label("5 av 30 gjort");
        h.get_by_label_contains("Utfört");
        h.get_by_label_contains("Plan");
    }
}
