//! Indicators: named series per kommun (a trygghetsmätning question, anmälda brott of a
//! kind, a count the group keeps) with a value per year, and the words every output uses
//! for them ("Andelen som känner sig otrygga i centrum på kvällen: 31 % 2022, 24 % 2024").

use super::{CommitmentId, FocusAreaId, IndicatorId, MunicipalityId};

/// The most values a line of words names (the latest ones).
pub const WORDS_VALUES: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: IndicatorId,
    pub municipality: MunicipalityId,
    pub name: String,
    /// "%", "anmälda brott", or empty for a plain number.
    pub unit: String,
    pub source: String,
    pub lower_is_better: bool,
    /// One value per year, oldest first.
    pub values: Vec<(i32, f64)>,
    /// The löften it measures.
    pub commitments: Vec<CommitmentId>,
    /// The fokusområden it measures.
    pub focus_areas: Vec<FocusAreaId>,
    pub version: i64,
}

/// A new indicator as the form or the command line gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDraft {
    pub municipality: MunicipalityId,
    pub name: String,
    pub unit: String,
    pub source: String,
    pub lower_is_better: bool,
    pub commitments: Vec<CommitmentId>,
}

/// Which way the latest value went against the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    Same,
}

impl Trend {
    pub fn label(self) -> &'static str {
        match self {
            Trend::Better => "bättre",
            Trend::Worse => "sämre",
            Trend::Same => "oförändrat",
        }
    }
}

/// A number as Swedish text: "24", "3,5", "1 234,5" (at most two decimals, no trailing
/// zeros).
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let cents = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let mut s = if negative && (whole > 0 || cents > 0) {
        format!("−{grouped}")
    } else {
        grouped
    };
    if cents > 0 {
        let decimals = format!("{cents:02}");
        s.push(',');
        s.push_str(decimals.trim_end_matches('0'));
    }
    s
}

impl Indicator {
    /// A value with its unit: "31 %", "120 anmälda brott", "3,5".
    pub fn value_text(&self, v: f64) -> String {
        match self.unit.trim() {
            "" => number(v),
            u => format!("{}\u{a0}{u}", number(v)),
        }
    }

    /// The latest values in words: "Name: 31 % 2022, 24 % 2024"; "Name: inga värden än".
    pub fn words(&self) -> String {
        if self.values.is_empty() {
            return format!("{}: inga värden än", self.name);
        }
        let from = self.values.len().saturating_sub(WORDS_VALUES);
        let values: Vec<String> = self.values[from..]
            .iter()
            .map(|(y, v)| format!("{} {y}", self.value_text(*v)))
            .collect();
        format!("{}: {}", self.name, values.join(", "))
    }

    /// The latest value against the one before, as lower or higher is better.
    pub fn trend(&self) -> Option<Trend> {
        let [.., (_, before), (_, last)] = self.values.as_slice() else {
            return None;
        };
        let rose = last > before;
        Some(if (last - before).abs() < f64::EPSILON {
            Trend::Same
        } else if rose != self.lower_is_better {
            Trend::Better
        } else {
            Trend::Worse
        })
    }

    /// The words and, with two values or more, which way it went: "…, 24 % 2024
    /// (bättre)".
    pub fn words_with_trend(&self) -> String {
        match self.trend() {
            Some(t) => format!("{} ({})", self.words(), t.label()),
            None => self.words(),
        }
    }

    pub fn value_in(&self, year: i32) -> Option<f64> {
        self.values
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn otrygga() -> Indicator {
        Indicator {
            id: IndicatorId(1),
            municipality: MunicipalityId(1),
            name: "Andelen som känner sig otrygga i centrum på kvällen".into(),
            unit: "%".into(),
            source: "Trygghetsmätningen".into(),
            lower_is_better: true,
            values: vec![(2022, 31.0), (2024, 24.0)],
            commitments: vec![],
            focus_areas: vec![],
            version: 0,
        }
    }

    #[test]
    fn numbers_are_written_the_swedish_way() {
        assert_eq!(number(24.0), "24");
        assert_eq!(number(3.5), "3,5");
        assert_eq!(number(1234.56), "1\u{a0}234,56");
        assert_eq!(number(1_000_000.0), "1\u{a0}000\u{a0}000");
        assert_eq!(number(-2.25), "−2,25");
        assert_eq!(number(0.004), "0");
    }

    #[test]
    fn an_indicator_in_plain_words_with_its_direction() {
        let mut i = otrygga();
        assert_eq!(
            i.words(),
            "Andelen som känner sig otrygga i centrum på kvällen: 31\u{a0}% 2022, 24\u{a0}% 2024"
        );
        assert_eq!(
            i.trend(),
            Some(Trend::Better),
            "lower is better and it fell"
        );
        i.lower_is_better = false;
        assert_eq!(i.trend(), Some(Trend::Worse));
        i.values.push((2025, 24.0));
        assert_eq!(i.trend(), Some(Trend::Same));
        i.values = vec![(2024, 1.0)];
        assert_eq!(i.trend(), None);
        assert!(!i.words_with_trend().contains('('));
        i.values = (2015..2025).map(|y| (y, f64::from(y - 2000))).collect();
        assert!(i.words().contains("19\u{a0}% 2019") && !i.words().contains("2018"));
        i.values.clear();
        assert!(i.words().ends_with(": inga värden än"));
    }
}
