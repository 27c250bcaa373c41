//! The numbers behind the pictures: a target's progress over its period against the plan
//! line, insatser per month. Pure; the window (egui_plot) and the PDF draw from the
//! same data.

use super::{Activity, Period, Target, TargetScope};
use chrono::{Datelike, NaiveDate};

/// One target's cumulative done over the span it is measured in, and its plan line from
/// (start, 0) to (end, goal).
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressSeries {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub goal: u32,
    /// (day, done so far) at the start, after each day with insatser, and on `today`
    /// (or the end of the span, whichever comes first). Never decreasing.
    pub done: Vec<(NaiveDate, u32)>,
}

impl ProgressSeries {
    /// What the plan line says on `day`: the goal times the share of the span passed.
    pub fn planned_on(&self, day: NaiveDate) -> f64 {
        self.goal as f64 * super::elapsed_share(self.start, self.end, day)
    }

    /// Days since the start, for a chart's x axis.
    pub fn x(&self, day: NaiveDate) -> f64 {
        (day - self.start).num_days() as f64
    }
}

/// The progress of `target` from the insatser of its löfte: the whole period, or for a
/// per-år target the year `today` falls in (the period's last year once it has ended).
pub fn progress_series(
    target: &Target,
    activities: &[Activity],
    period: Period,
    today: NaiveDate,
) -> ProgressSeries {
    let (start, end) = match target.scope {
        TargetScope::Period => (period.start(), period.end()),
        TargetScope::PerYear => {
            let y = period.current_year(today);
            (
                NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(period.start()),
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(period.end()),
            )
        }
    };
    let until = today.clamp(start, end);
    let mut dated: Vec<(NaiveDate, u32)> = activities
        .iter()
        .filter(|a| a.target == Some(target.id) && a.date >= start && a.date <= until)
        .map(|a| (a.date, a.count))
        .collect();
    dated.sort_unstable();
    let mut done = vec![(start, 0)];
    let mut sum = 0;
    for (day, n) in dated {
        sum += n;
        match done.last_mut() {
            Some(last) if last.0 == day => last.1 = sum,
            _ => done.push((day, sum)),
        }
    }
    if done.last().is_some_and(|l| l.0 < until) {
        done.push((until, sum));
    }
    ProgressSeries {
        start,
        end,
        goal: target.count,
        done,
    }
}

/// Insatser (their counts) per month of `year`, January first.
pub fn per_month<'a>(
    activities: impl IntoIterator<Item = (NaiveDate, u32)> + 'a,
    year: i32,
) -> [u32; 12] {
    let mut months = [0; 12];
    for (day, n) in activities {
        if day.year() == year {
            months[day.month0() as usize] += n;
        }
    }
    months
}

/// A column chart in words, for those who cannot see it (the PDF's alt text, a screen
/// reader): "Insatser per månad (41 tillfällen): flest i maj 2024, 14; inga i jul 2024.
/// Alla värden: jan 2024 2, …". `values` are (label, count) in the chart's order.
pub fn column_chart_alt(title: &str, values: &[(String, u32)]) -> String {
    let mut alt = title.to_string();
    let Some(max) = values.iter().map(|(_, n)| *n).max() else {
        return alt;
    };
    // "jul" read aloud is Christmas: the months are written out.
    let spelled = |label: &str| -> String {
        let (first, rest) = label.split_once(' ').unwrap_or((label, ""));
        match MONTHS.iter().position(|m| *m == first) {
            Some(i) if rest.is_empty() => MONTH_NAMES[i].to_string(),
            Some(i) => format!("{} {rest}", MONTH_NAMES[i]),
            None => label.to_string(),
        }
    };
    let with = |n: u32| -> Vec<String> {
        values
            .iter()
            .filter(|(_, v)| *v == n)
            .map(|(l, _)| spelled(l))
            .collect()
    };
    if max == 0 {
        alt.push_str(": inga.");
        return alt;
    }
    alt.push_str(&format!(": flest i {}, {max}", with(max).join(", ")));
    let none = with(0);
    if !none.is_empty() {
        alt.push_str(&format!("; inga i {}", none.join(", ")));
    }
    let all: Vec<String> = values
        .iter()
        .map(|(l, n)| format!("{} {n}", spelled(l)))
        .collect();
    alt.push_str(&format!(". Alla värden: {}.", all.join(", ")));
    alt
}

/// Short Swedish month names for chart axes.
pub const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The months written out (the date field's grid, dates in imported texts).
pub const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityId, CommitmentId, MunicipalityId, Party, TargetId};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn act(target: i64, day: &str, count: u32) -> Activity {
        Activity {
            version: 0,
            id: ActivityId::NEW,
            municipality: MunicipalityId(1),
            commitment: Some(CommitmentId(1)),
            target: Some(TargetId(target)),
            date: d(day),
            by: Party::Polisen,
            count,
            place: String::new(),
            description: String::new(),
            internal_note: String::new(),
        }
    }

    fn target(scope: TargetScope, count: u32) -> Target {
        Target {
            id: TargetId(7),
            count,
            unit: "tillfällen".into(),
            scope,
            party: None,
            label: None,
        }
    }

    #[test]
    fn progress_adds_up_by_day_and_stops_today() {
        let period = Period::new(2024, 2024).unwrap();
        let acts = [
            act(7, "2024-05-01", 2),
            act(7, "2024-02-10", 1),
            act(7, "2024-05-01", 1),
            act(8, "2024-03-01", 5), // another target
            act(7, "2024-09-01", 4), // after today
            act(7, "2023-12-31", 9), // before the period
        ];
        let s = progress_series(
            &target(TargetScope::Period, 30),
            &acts,
            period,
            d("2024-07-01"),
        );
        assert_eq!(
            s.done,
            [
                (d("2024-01-01"), 0),
                (d("2024-02-10"), 1),
                (d("2024-05-01"), 4),
                (d("2024-07-01"), 4)
            ]
        );
        assert_eq!(
            (s.start, s.end, s.goal),
            (d("2024-01-01"), d("2024-12-31"), 30)
        );
        assert!((s.planned_on(d("2024-12-31")) - 30.0).abs() < 1e-9);
        assert!(s.planned_on(d("2024-07-01")) > 14.0 && s.planned_on(d("2024-07-01")) < 16.0);
        // After the period the line ends on its last day.
        let s = progress_series(
            &target(TargetScope::Period, 30),
            &acts,
            period,
            d("2025-03-01"),
        );
        assert_eq!(s.done.last(), Some(&(d("2024-12-31"), 8)));
    }

    #[test]
    fn a_per_year_target_is_drawn_for_the_current_year() {
        let period = Period::new(2023, 2024).unwrap();
        let acts = [act(7, "2023-06-01", 3), act(7, "2024-02-01", 1)];
        let s = progress_series(
            &target(TargetScope::PerYear, 4),
            &acts,
            period,
            d("2024-03-01"),
        );
        assert_eq!(s.start, d("2024-01-01"));
        assert_eq!(
            s.done,
            [
                (d("2024-01-01"), 0),
                (d("2024-02-01"), 1),
                (d("2024-03-01"), 1)
            ]
        );
    }

    #[test]
    fn insatser_per_month_of_one_year() {
        let m = per_month(
            [
                (d("2024-01-05"), 2),
                (d("2024-01-30"), 1),
                (d("2024-12-01"), 4),
                (d("2023-12-01"), 9),
            ],
            2024,
        );
        assert_eq!((m[0], m[11], m.iter().sum::<u32>()), (3, 4, 7));
    }

    #[test]
    fn a_column_chart_in_words_names_the_most_the_empty_and_every_month() {
        let values: Vec<(String, u32)> = [("jan 2024", 2), ("feb", 14), ("jul", 0), ("aug", 14)]
            .iter()
            .map(|(l, n)| (l.to_string(), *n))
            .collect();
        assert_eq!(
            column_chart_alt("Insatser per månad 2024 (30 tillfällen)", &values),
            "Insatser per månad 2024 (30 tillfällen): flest i februari, augusti, 14; inga i \
             juli. Alla värden: januari 2024 2, februari 14, juli 0, augusti 14."
        );
        assert_eq!(
            column_chart_alt("Insatser", &[("jan".into(), 0)]),
            "Insatser: inga."
        );
        assert_eq!(column_chart_alt("Insatser", &[]), "Insatser");
    }
}
