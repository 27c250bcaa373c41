//! The lägesbild: händelser (inrapporteringar from the verksamheter — what creates
//! otrygghet in a public place, never who) counted per kategori and per place in a
//! window of days, beside the window just before it and the same window a year before.
//! Pure: the store counts, this compares and orders.

use super::{IncidentCategoryId, IncidentId, MunicipalityId};
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use serde::Serialize;

/// The kategorier a kommun starts with: what EST (Effektiv samordning för trygghet)
/// collects. The kommun renames, adds and orders its own.
pub const DEFAULT_CATEGORIES: &[&str] = &[
    "Skadegörelse",
    "Klotter",
    "Nedskräpning",
    "Samlingsplats",
    "Ordningsstörning",
    "Narkotika",
    "Motorburen ungdom",
    "Övrigt",
];

/// A kategori of the kommun's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentCategory {
    pub id: IncidentCategoryId,
    pub municipality: MunicipalityId,
    pub position: i64,
    pub name: String,
}

/// A händelse: where, when, what kind, how many, and who reported it. `source` and
/// `description` are internal: no public export shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: IncidentId,
    pub municipality: MunicipalityId,
    pub category: IncidentCategoryId,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub area: String,
    pub place: String,
    pub source: String,
    pub count: u32,
    pub description: String,
    /// The edit counter it was read at (schema 11's rule for forms).
    pub version: i64,
}

/// Days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    #[serde(rename = "fran")]
    pub from: NaiveDate,
    #[serde(rename = "till")]
    pub to: NaiveDate,
}

/// The windows the view offers by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    Week,
    Month,
    Quarter,
    Year,
}

impl WindowKind {
    pub const ALL: [WindowKind; 4] = [
        WindowKind::Week,
        WindowKind::Month,
        WindowKind::Quarter,
        WindowKind::Year,
    ];

    pub fn label(self) -> &'static str {
        match self {
            WindowKind::Week => "Vecka",
            WindowKind::Month => "Månad",
            WindowKind::Quarter => "Kvartal",
            WindowKind::Year => "År",
        }
    }
}

impl Window {
    /// `None` when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Window> {
        (from <= to).then_some(Window { from, to })
    }

    /// The calendar week, month, quarter or year that holds `day`.
    pub fn containing(kind: WindowKind, day: NaiveDate) -> Window {
        let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(day);
        let (from, to) = match kind {
            WindowKind::Week => {
                let from = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
                (from, from + chrono::Days::new(6))
            }
            WindowKind::Month => {
                let from = first_of(day.year(), day.month());
                (from, from + Months::new(1) - chrono::Days::new(1))
            }
            WindowKind::Quarter => {
                let from = first_of(day.year(), (day.month0() / 3) * 3 + 1);
                (from, from + Months::new(3) - chrono::Days::new(1))
            }
            WindowKind::Year => {
                let from = first_of(day.year(), 1);
                (from, from + Months::new(12) - chrono::Days::new(1))
            }
        };
        Window { from, to }
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The window of the same length right before this one. A calendar month, quarter or
    /// year is compared with the one before it (March with February, whatever their
    /// lengths), any other window day for day.
    pub fn previous(&self) -> Window {
        for months in [1, 3, 12] {
            if self.is_whole_months(months) {
                let from = self.from - Months::new(months);
                return Window {
                    from,
                    to: self.from - chrono::Days::new(1),
                };
            }
        }
        let days = chrono::Days::new(self.days() as u64);
        Window {
            from: self.from - days,
            to: self.to - days,
        }
    }

    /// The same days a year before (29 February becomes the 28th).
    pub fn year_before(&self) -> Window {
        Window {
            from: self.from - Months::new(12),
            to: self.to - Months::new(12),
        }
    }

    fn is_whole_months(&self, months: u32) -> bool {
        self.from.day() == 1
            && self.from.checked_add_months(Months::new(months)) == self.to.succ_opt()
    }
}

/// One kategori or place: its count in the window, the window before and a year before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compared {
    #[serde(rename = "namn")]
    pub name: String,
    #[serde(rename = "antal")]
    pub count: u64,
    #[serde(rename = "foregaende")]
    pub previous: u64,
    #[serde(rename = "aret_innan")]
    pub year_before: u64,
}

impl Compared {
    /// How much it rose against the window before (negative: fell).
    pub fn rise(&self) -> i64 {
        self.count as i64 - self.previous as i64
    }
}

/// The lägesbild of one kommun for one window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Situation {
    #[serde(flatten)]
    pub window: Window,
    #[serde(rename = "kategorier")]
    pub categories: Vec<Compared>,
    /// The places that rose most first.
    #[serde(rename = "platser")]
    pub places: Vec<Compared>,
}

/// Counts per name in the three windows, joined by name: every name counted in any of
/// them is a row (a place with none this time still shows what it fell from).
pub fn compare(
    current: &[(String, u64)],
    previous: &[(String, u64)],
    year_before: &[(String, u64)],
) -> Vec<Compared> {
    let mut rows: std::collections::BTreeMap<&str, [u64; 3]> = Default::default();
    for (k, list) in [current, previous, year_before].into_iter().enumerate() {
        for (n, c) in list {
            rows.entry(n.as_str()).or_default()[k] += c;
        }
    }
    rows.into_iter()
        .map(|(name, [count, previous, year_before])| Compared {
            name: name.to_string(),
            count,
            previous,
            year_before,
        })
        .collect()
}

/// Orders places by their rise, largest first; then by count, then by name.
pub fn by_rise(mut rows: Vec<Compared>) -> Vec<Compared> {
    rows.sort_by(|a, b| {
        b.rise()
            .cmp(&a.rise())
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
    });
    rows
}

/// A place as the lägesbild names it: "Stortorget (Centrum)", or the place alone.
pub fn place_name(area: &str, place: &str) -> String {
    if area.trim().is_empty() {
        place.trim().to_string()
    } else {
        format!("{} ({})", place.trim(), area.trim())
    }
}

/// What a public text may show of a count: under 3 is "färre än 3", so that one report
/// cannot point at one event (or one reporter) in a small place.
pub fn public_count(n: u64) -> String {
    if n < 3 {
        "färre än 3".to_string()
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn windows_and_their_comparisons() {
        let q = Window::containing(WindowKind::Quarter, d("2024-05-17"));
        assert_eq!((q.from, q.to), (d("2024-04-01"), d("2024-06-30")));
        assert_eq!(
            q.previous(),
            Window::new(d("2024-01-01"), d("2024-03-31")).unwrap()
        );
        assert_eq!(
            q.year_before(),
            Window::new(d("2023-04-01"), d("2023-06-30")).unwrap()
        );
        let m = Window::containing(WindowKind::Month, d("2024-03-31"));
        assert_eq!(
            m.previous(),
            Window::new(d("2024-02-01"), d("2024-02-29")).unwrap()
        );
        let w = Window::containing(WindowKind::Week, d("2024-01-03"));
        assert_eq!((w.from, w.to), (d("2024-01-01"), d("2024-01-07")));
        assert_eq!(
            w.previous(),
            Window::new(d("2023-12-25"), d("2023-12-31")).unwrap()
        );
        let y = Window::containing(WindowKind::Year, d("2024-02-29"));
        assert_eq!(
            y.previous(),
            Window::new(d("2023-01-01"), d("2023-12-31")).unwrap()
        );
        // Any dates: the same number of days just before.
        let free = Window::new(d("2024-03-10"), d("2024-03-19")).unwrap();
        assert_eq!(free.days(), 10);
        assert_eq!(
            free.previous(),
            Window::new(d("2024-02-29"), d("2024-03-09")).unwrap()
        );
        let leap = Window::new(d("2024-02-29"), d("2024-02-29")).unwrap();
        assert_eq!(leap.year_before().from, d("2023-02-28"));
        assert!(Window::new(d("2024-02-02"), d("2024-02-01")).is_none());
    }

    #[test]
    fn places_that_rise_most_come_first() {
        let s = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
            v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
        };
        let rows = by_rise(compare(
            &s(&[("Torget", 5), ("Parken", 9), ("Stationen", 2)]),
            &s(&[("Torget", 1), ("Parken", 8), ("Skolan", 4)]),
            &s(&[("Parken", 3)]),
        ));
        let names: Vec<_> = rows.iter().map(|r| (r.name.as_str(), r.rise())).collect();
        assert_eq!(
            names,
            [
                ("Torget", 4),
                ("Stationen", 2),
                ("Parken", 1),
                ("Skolan", -4)
            ]
        );
        assert_eq!(rows[2].year_before, 3);
        assert_eq!(public_count(2), "färre än 3");
        assert_eq!(public_count(3), "3");
        assert_eq!(place_name("Centrum", "Stortorget"), "Stortorget (Centrum)");
    }
}
