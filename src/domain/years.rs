//! Years in löfte texts, moved to a new period when a medborgarlöfte is copied forward:
//! "under 2024" becomes "under 2025", the period itself ("2023–2024") becomes the new
//! one, and any other range ("2021–2024", another document's) is left alone.

use super::Period;

/// A four-digit year, 1900–2099.
fn year(s: &str) -> Option<i32> {
    (s.len() == 4)
        .then(|| s.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

/// `text` with the years of period `from` moved to period `to`.
pub fn shift_years(text: &str, from: Period, to: Period) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Maximal runs of ASCII digits: (start, end) in char indices.
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let digits = |r: (usize, usize)| chars[r.0..r.1].iter().collect::<String>();
    let is_dash = |c: char| c == '–' || c == '-';
    let offset = to.first - from.first;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut k = 0;
    while k < runs.len() {
        let (s, e) = runs[k];
        let this = year(&digits(runs[k]));
        // A range: year, one dash, year, nothing between.
        let next = runs.get(k + 1).copied();
        let range_end = next.filter(|&(ns, _)| ns == e + 1 && is_dash(chars[e]));
        let part_of_range = k > 0 && {
            let (_, pe) = runs[k - 1];
            pe + 1 == s && is_dash(chars[pe]) && year(&digits(runs[k - 1])).is_some()
        };
        match (
            this,
            range_end.and_then(|r| year(&digits(r)).map(|y| (r, y))),
        ) {
            // The period itself: the new period.
            (Some(a), Some(((_, ne), b))) => {
                out.extend(&chars[at..s]);
                if a == from.first && b == from.last {
                    out.push_str(&to.to_string());
                } else {
                    out.extend(&chars[s..ne]);
                }
                at = ne;
                k += 2;
                continue;
            }
            // A lone year of the period moves with it.
            (Some(y), None) if !part_of_range && (from.first..=from.last).contains(&y) => {
                out.extend(&chars[at..s]);
                out.push_str(&(y + offset).to_string());
                at = e;
            }
            _ => {}
        }
        k += 1;
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn the_year_of_the_period_moves_and_nothing_else() {
        let (a, b) = (p("2024"), p("2025"));
        assert_eq!(
            shift_years(
                "Polisen ska under 2024 genomföra minst 30 tillfällen.",
                a,
                b
            ),
            "Polisen ska under 2025 genomföra minst 30 tillfällen."
        );
        // Another document's range, counts, phone numbers and other years stay.
        for keep in [
            "enligt handlingsplanen 2021–2024",
            "enligt handlingsplanen 2021-2024",
            "ring 010-565 17 70",
            "sedan 2019",
            "år 20245",
        ] {
            assert_eq!(shift_years(keep, a, b), keep, "{keep}");
        }
        assert_eq!(
            shift_years("Medborgarlöfte 2024", a, b),
            "Medborgarlöfte 2025"
        );
        assert_eq!(shift_years("(2024).", a, b), "(2025).");
    }

    #[test]
    fn a_period_of_several_years_moves_as_a_whole() {
        let (a, b) = (p("2023-2024"), p("2025-2026"));
        assert_eq!(
            shift_years("Under 2023–2024 ska vi … senast 2024 …", a, b),
            "Under 2025–2026 ska vi … senast 2026 …"
        );
        assert_eq!(shift_years("planen 2020–2024", a, b), "planen 2020–2024");
        // To a single year: the range becomes that year.
        assert_eq!(shift_years("under 2023–2024", a, p("2025")), "under 2025");
    }
}
