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

/// A händelse as a form or the command line gives it, the kategori by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentDraft {
    pub municipality: MunicipalityId,
    pub category: String,
    pub date: chrono::NaiveDate,
    pub time: Option<chrono::NaiveTime>,
    pub area: String,
    pub place: String,
    pub source: String,
    pub count: u32,
    pub description: String,
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

    /// The window right after this one, as [`Window::previous`] goes back: the next
    /// calendar month, quarter or year, any other window as many days later.
    pub fn next(&self) -> Window {
        for months in [12, 3, 1] {
            if self.is_whole_months(months) {
                let from = self.from + Months::new(months);
                return Window {
                    from,
                    to: from + Months::new(months) - chrono::Days::new(1),
                };
            }
        }
        let days = chrono::Days::new(self.days() as u64);
        Window {
            from: self.from + days,
            to: self.to + days,
        }
    }

    /// The window in the words of a meeting: "vecka 49 2026", "december 2026",
    /// "kvartal 4 2026", "2026", else its dates.
    pub fn describe(&self) -> String {
        let month = |d: NaiveDate| super::charts::MONTH_NAMES[d.month0() as usize];
        if *self == Window::containing(WindowKind::Week, self.from) {
            let w = self.from.iso_week();
            format!("vecka {} {}", w.week(), w.year())
        } else if self.is_whole_months(12) && self.from.month() == 1 {
            self.from.year().to_string()
        } else if self.is_whole_months(3) && self.from.month0().is_multiple_of(3) {
            format!(
                "kvartal {} {}",
                self.from.month0() / 3 + 1,
                self.from.year()
            )
        } else if self.is_whole_months(1) {
            format!("{} {}", month(self.from), self.from.year())
        } else {
            format!("{} – {}", self.from, self.to)
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

/// How many months the lägesbild's small charts cover.
pub const CHART_MONTHS: u32 = 24;

/// One kategori's händelser per month, oldest first, ending with the month that holds
/// the window's last day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthSeries {
    pub name: String,
    /// The first day of the first month.
    pub first: NaiveDate,
    pub counts: Vec<u64>,
}

impl MonthSeries {
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// "2024-05": the month of the count at `i`.
    pub fn month(&self, i: usize) -> String {
        (self.first + Months::new(i as u32))
            .format("%Y-%m")
            .to_string()
    }
}

impl Window {
    /// The [`CHART_MONTHS`] whole months up to and including the month of `self.to`.
    pub fn chart_months(&self) -> Window {
        let last = Window::containing(WindowKind::Month, self.to);
        Window {
            from: last.from - Months::new(CHART_MONTHS - 1),
            to: last.to,
        }
    }
}

/// The month series of every kategori in `order` (the kommun's list; one only counted
/// under a name no longer in it is added after), from the store's
/// `(kategori, "ÅÅÅÅ-MM", antal)` rows over `months`.
pub fn month_series(
    rows: &[(String, String, u64)],
    order: &[&str],
    months: Window,
) -> Vec<MonthSeries> {
    let n = CHART_MONTHS as usize;
    let mut series: Vec<MonthSeries> = order
        .iter()
        .map(|name| MonthSeries {
            name: name.to_string(),
            first: months.from,
            counts: vec![0; n],
        })
        .collect();
    for (name, month, count) in rows {
        let Some(day) = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok() else {
            continue;
        };
        let i = (day.year() - months.from.year()) * 12 + day.month0() as i32
            - months.from.month0() as i32;
        let Ok(i) = usize::try_from(i) else { continue };
        if i >= n {
            continue;
        }
        let at = match series.iter().position(|s| s.name == *name) {
            Some(at) => at,
            None => {
                series.push(MonthSeries {
                    name: name.clone(),
                    first: months.from,
                    counts: vec![0; n],
                });
                series.len() - 1
            }
        };
        series[at].counts[i] += count;
    }
    series
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

/// Händelser counted per kategori and per område, largest first: all a public output
/// may say of them (no beskrivning, no källa, no time or single place below an område).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentCounts {
    pub categories: Vec<(String, u64)>,
    pub areas: Vec<(String, u64)>,
}

impl IncidentCounts {
    pub fn total(&self) -> u64 {
        self.categories.iter().map(|(_, n)| n).sum()
    }
}

/// What the Lägesbild tab shows for one kommun and window.
#[derive(Debug, Clone, PartialEq)]
pub struct SituationView {
    pub municipality: MunicipalityId,
    pub situation: Situation,
    /// The kommun's kategorier in their order (what the form offers).
    pub categories: Vec<IncidentCategory>,
    /// The händelser in the window, newest first.
    pub incidents: Vec<Incident>,
    /// Each kategori per month over the two years up to the window's end.
    pub months: Vec<MonthSeries>,
    /// The kommun's indicators.
    pub indicators: Vec<super::indicators::Indicator>,
}

impl SituationView {
    pub fn category_name(&self, id: IncidentCategoryId) -> &str {
        self.categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
            .unwrap_or("")
    }
}

/// How many weeks before and after an insats its place's händelser are counted.
pub const AROUND_WEEKS: u64 = 8;

/// One place over two years: its händelser per week and the insatser done there, each
/// with the händelser of the [`AROUND_WEEKS`] before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceLine {
    /// As the lägesbild names it ("Stortorget (Centrum)").
    pub name: String,
    /// The Monday of the first week.
    pub first_week: NaiveDate,
    pub weeks: Vec<u64>,
    pub insatser: Vec<PlaceInsats>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceInsats {
    pub date: NaiveDate,
    pub description: String,
    pub count: u32,
    pub before: u64,
    pub after: u64,
}

impl PlaceInsats {
    /// "12 händelser 8 veckor före, 4 efter".
    pub fn words(&self) -> String {
        let word = if self.before == 1 {
            "händelse"
        } else {
            "händelser"
        };
        format!(
            "{} {word} {AROUND_WEEKS} veckor före, {} efter",
            self.before, self.after
        )
    }
}

/// Whether an insats recorded at `activity_place` was at the händelser's place: the
/// same words, or the place named inside a longer text ("Stortorget, kvällstid").
pub fn at_place(activity_place: &str, place: &str) -> bool {
    let (a, p) = (
        activity_place.trim().to_lowercase(),
        place.trim().to_lowercase(),
    );
    !p.is_empty() && a.contains(&p)
}

/// The place line of `name` over `months`, from its händelser per day (which may reach
/// [`AROUND_WEEKS`] outside it) and the insatser at its place.
pub fn place_line(
    name: &str,
    days: &[(NaiveDate, u64)],
    insatser: &[&super::Activity],
    months: Window,
) -> PlaceLine {
    let first_week =
        months.from - chrono::Days::new(u64::from(months.from.weekday().num_days_from_monday()));
    let n = ((months.to - first_week).num_days() / 7 + 1) as usize;
    let mut weeks = vec![0; n];
    for (d, c) in days {
        let i = (*d - first_week).num_days().div_euclid(7);
        if let Some(w) = usize::try_from(i).ok().and_then(|i| weeks.get_mut(i)) {
            *w += c;
        }
    }
    let around = chrono::Days::new(AROUND_WEEKS * 7);
    let sum = |from: NaiveDate, to: NaiveDate| -> u64 {
        days.iter()
            .filter(|(d, _)| *d >= from && *d <= to)
            .map(|(_, c)| c)
            .sum()
    };
    let mut list: Vec<PlaceInsats> = insatser
        .iter()
        .filter(|a| months.from <= a.date && a.date <= months.to)
        .map(|a| PlaceInsats {
            date: a.date,
            description: a.description.clone(),
            count: a.count,
            before: sum(a.date - around, a.date - chrono::Days::new(1)),
            after: sum(a.date + chrono::Days::new(1), a.date + around),
        })
        .collect();
    list.sort_by_key(|i| i.date);
    PlaceLine {
        name: name.to_string(),
        first_week,
        weeks,
        insatser: list,
    }
}

/// A kategori's two years in words, the text alternative of its small chart:
/// "Klotter per månad 2023-01–2024-12: 120 i allt, flest 2024-05 (14)".
pub fn series_words(s: &MonthSeries) -> String {
    let last = s.counts.len().saturating_sub(1);
    let span = format!("{}–{}", s.month(0), s.month(last));
    match s.counts.iter().enumerate().max_by_key(|(i, c)| (**c, *i)) {
        Some((i, c)) if *c > 0 => format!(
            "{} per månad {span}: {} i allt, flest {} ({c})",
            s.name,
            s.total(),
            s.month(i)
        ),
        _ => format!("{} per månad {span}: inga", s.name),
    }
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

    #[test]
    fn windows_step_forward_as_they_step_back_and_read_as_words() {
        let q = Window::containing(WindowKind::Quarter, d("2024-11-20"));
        assert_eq!(q.describe(), "kvartal 4 2024");
        assert_eq!(q.next().describe(), "kvartal 1 2025");
        assert_eq!(q.next().previous(), q);
        let feb = Window::containing(WindowKind::Month, d("2024-02-10"));
        assert_eq!(feb.describe(), "februari 2024");
        assert_eq!(
            feb.next().to,
            d("2024-03-31"),
            "a month steps to the whole next month"
        );
        let y = Window::containing(WindowKind::Year, d("2024-02-10"));
        assert_eq!(
            (y.describe(), y.next().describe()),
            ("2024".into(), "2025".into())
        );
        let w = Window::containing(WindowKind::Week, d("2026-12-06"));
        assert_eq!(w.describe(), "vecka 49 2026");
        assert_eq!(w.next().describe(), "vecka 50 2026");
        let own = Window::new(d("2024-03-05"), d("2024-03-14")).unwrap();
        assert_eq!(own.describe(), "2024-03-05 – 2024-03-14");
        assert_eq!(own.next().from, d("2024-03-15"));
    }

    #[test]
    fn a_place_line_counts_the_weeks_around_each_insats() {
        let months = Window::containing(WindowKind::Quarter, d("2024-05-10")).chart_months();
        let days = vec![
            (d("2024-03-01"), 3),
            (d("2024-03-20"), 2), // 8 weeks before 2024-04-10 starts 2024-02-14
            (d("2024-04-10"), 9), // the insats's own day counts on neither side
            (d("2024-05-01"), 1),
            (d("2024-06-30"), 4), // after the 8 weeks
            (d("2022-06-01"), 5), // before the line, still counted around nothing here
        ];
        let a = crate::domain::Activity {
            id: crate::domain::ActivityId::NEW,
            municipality: crate::domain::MunicipalityId(1),
            commitment: None,
            target: None,
            date: d("2024-04-10"),
            by: crate::domain::Party::Polisen,
            count: 2,
            place: "Stortorget, kvällstid".into(),
            description: "Kameror".into(),
            internal_note: String::new(),
            version: 0,
        };
        assert!(at_place(&a.place, "stortorget") && !at_place(&a.place, ""));
        let line = place_line("Stortorget", &days, &[&a], months);
        assert_eq!(
            line.first_week,
            d("2022-06-27"),
            "the Monday of 2022-07-01's week"
        );
        assert_eq!(
            line.weeks.iter().sum::<u64>(),
            19,
            "2022-06-01 is before the line"
        );
        assert_eq!(line.insatser.len(), 1);
        assert_eq!((line.insatser[0].before, line.insatser[0].after), (5, 1));
        assert_eq!(
            line.insatser[0].words(),
            "5 händelser 8 veckor före, 1 efter"
        );
    }

    #[test]
    fn a_series_says_its_busiest_month() {
        let months = Window::containing(WindowKind::Month, d("2024-12-01")).chart_months();
        let mut s = month_series(&[], &["Klotter"], months).remove(0);
        assert_eq!(series_words(&s), "Klotter per månad 2023-01–2024-12: inga");
        s.counts[4] = 14;
        s.counts[20] = 3;
        assert_eq!(
            series_words(&s),
            "Klotter per månad 2023-01–2024-12: 17 i allt, flest 2023-05 (14)"
        );
    }

    #[test]
    fn month_series_cover_two_years_ending_with_the_window() {
        let w = Window::containing(WindowKind::Quarter, d("2024-05-10"));
        let months = w.chart_months();
        assert_eq!((months.from, months.to), (d("2022-07-01"), d("2024-06-30")));
        let rows = vec![
            ("Klotter".to_string(), "2022-07".to_string(), 2),
            ("Klotter".to_string(), "2024-06".to_string(), 5),
            ("Klotter".to_string(), "2022-06".to_string(), 9),
            ("Gammal".to_string(), "2023-01".to_string(), 1),
        ];
        let s = month_series(&rows, &["Skadegörelse", "Klotter"], months);
        assert_eq!(s.len(), 3, "the kommun's two and the one under an old name");
        assert_eq!(s[0].total(), 0);
        assert_eq!((s[1].counts[0], s[1].counts[23], s[1].total()), (2, 5, 7));
        assert_eq!(s[1].month(23), "2024-06");
        assert_eq!((s[2].name.as_str(), s[2].counts[6]), ("Gammal", 1));
    }

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
