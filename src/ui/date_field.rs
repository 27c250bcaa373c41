//! A Swedish date field: ISO text input plus a month grid (egui_extras' picker is
//! English-only and its icon glyph is missing from the default fonts).

use crate::domain::charts::MONTH_NAMES as MONTHS;
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

const WEEKDAYS: [&str; 7] = ["Må", "Ti", "On", "To", "Fr", "Lö", "Sö"];

/// State of one date field: the typed text and, when open, the month shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateField {
    pub text: String,
    pub open_month: Option<(i32, u32)>,
}

impl DateField {
    /// Shows `date` (empty for none), unless the field already says it or its calendar
    /// is open.
    pub fn show_date(&mut self, date: Option<NaiveDate>) {
        if crate::validate::parse_date(&self.text).ok() != date && self.open_month.is_none() {
            self.text = date.map(|d| d.to_string()).unwrap_or_default();
        }
    }

    pub fn new(date: NaiveDate) -> DateField {
        DateField {
            text: date.format("%Y-%m-%d").to_string(),
            open_month: None,
        }
    }

    /// Draws the field; `today` marks the current day in the grid.
    pub fn ui(&mut self, ui: &mut Ui, id: &str, today: NaiveDate) -> egui::Response {
        let mut response = ui
            .horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.text)
                        .id_salt(id)
                        .desired_width(130.0)
                        .hint_text("ÅÅÅÅ-MM-DD"),
                );
                let label = if self.open_month.is_some() {
                    "Stäng kalender"
                } else {
                    "Kalender"
                };
                if ui.button(label).clicked() {
                    self.open_month = match self.open_month {
                        Some(_) => None,
                        None => {
                            let d = crate::validate::parse_date(&self.text).unwrap_or(today);
                            Some((d.year(), d.month()))
                        }
                    };
                }
                r
            })
            .inner;
        if let Some((y, m)) = self.open_month
            && let Some(picked) = month_grid(ui, id, y, m, today, &mut self.open_month)
        {
            self.text = picked.format("%Y-%m-%d").to_string();
            self.open_month = None;
            response.mark_changed();
        }
        response
    }
}

fn month_grid(
    ui: &mut Ui,
    id: &str,
    year: i32,
    month: u32,
    today: NaiveDate,
    open: &mut Option<(i32, u32)>,
) -> Option<NaiveDate> {
    let mut picked = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("‹").on_hover_text("Föregående månad").clicked() {
                *open = Some(if month == 1 {
                    (year - 1, 12)
                } else {
                    (year, month - 1)
                });
            }
            ui.label(RichText::new(format!("{} {year}", MONTHS[(month - 1) as usize])).strong());
            if ui.button("›").on_hover_text("Nästa månad").clicked() {
                *open = Some(if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                });
            }
            if ui.button("I dag").clicked() {
                picked = Some(today);
            }
        });
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return;
        };
        let offset = first.weekday().num_days_from_monday() as usize;
        let days = (1..=31)
            .filter(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .count();
        egui::Grid::new(("date_grid", id))
            .spacing([4.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("v.").weak());
                for w in WEEKDAYS {
                    ui.label(RichText::new(w).weak());
                }
                ui.end_row();
                let cells = offset + days;
                for row in 0..cells.div_ceil(7) {
                    let week_day = first + chrono::Duration::days((row * 7) as i64 - offset as i64);
                    ui.label(RichText::new(week_day.iso_week().week().to_string()).weak());
                    for col in 0..7 {
                        let i = row * 7 + col;
                        if i < offset || i >= cells {
                            ui.label("");
                            continue;
                        }
                        let day = (i - offset + 1) as u32;
                        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                            continue;
                        };
                        let text = if date == today {
                            RichText::new(day.to_string()).strong().underline()
                        } else {
                            RichText::new(day.to_string())
                        };
                        if ui
                            .add(egui::Button::new(text).min_size(egui::vec2(32.0, 26.0)))
                            .on_hover_text(date.format("%Y-%m-%d").to_string())
                            .clicked()
                        {
                            picked = Some(date);
                        }
                    }
                    ui.end_row();
                }
            });
    });
    picked
}
