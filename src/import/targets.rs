//! Targets in a löfte's text: digits and Swedish number words, units, "per år", "var",
//! and delområden.

use super::ParsedTarget;
use crate::domain::Party;

const UNITS: &[(&str, u32)] = &[
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
];
const SMALL: &[(&str, u32)] = &[
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("tretton", 13),
    ("fjorton", 14),
    ("femton", 15),
    ("sexton", 16),
    ("sjutton", 17),
    ("arton", 18),
    ("nitton", 19),
];
const TENS: &[(&str, u32)] = &[
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
    ("sextio", 60),
    ("sjuttio", 70),
    ("åttio", 80),
    ("nittio", 90),
];

/// "fyra" → 4, "tjugofem" → 25, "hundra" → 100, "12" → 12.
pub fn parse_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    let lookup =
        |table: &[(&str, u32)], s: &str| table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v);
    if let Some(v) = lookup(UNITS, &w).or_else(|| lookup(SMALL, &w)) {
        return Some(v);
    }
    if w == "hundra" || w == "etthundra" {
        return Some(100);
    }
    for (t, v) in TENS {
        if let Some(rest) = w.strip_prefix(t) {
            if rest.is_empty() {
                return Some(*v);
            }
            if let Some(u) = lookup(UNITS, rest).filter(|_| rest != "en") {
                return Some(v + u);
            }
            if rest == "en" || rest == "ett" {
                return Some(v + 1);
            }
        }
    }
    None
}

/// Words that qualify a count without being the unit.
const SKIP_AFTER_NUMBER: &[&str] = &["st", "st.", "stycken", "stycket"];
/// Adjectives kept as part of the unit ("riktade insatser").
const UNIT_ADJECTIVES: &[&str] = &[
    "riktade",
    "gemensamma",
    "större",
    "mindre",
    "fysiska",
    "digitala",
    "öppna",
    "nya",
    "olika",
    "särskilda",
    "längre",
    "kortare",
    "extra",
    "utökade",
];
/// Words before a number that make "en"/"ett" a count rather than an article.
const COUNT_MARKERS: &[&str] = &[
    "minst",
    "minimum",
    "åtminstone",
    "min.",
    "högst",
    "max",
    "vid",
];
/// Words that are never a unit.
const NOT_UNITS: &[&str] = &[
    "och", "eller", "samt", "i", "på", "av", "med", "för", "till", "under", "om", "som", "per",
    "var", "år", "året", "åren", "procent", "%", "av", "de", "den", "det",
];

pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '%')
        .to_string()
}

fn is_year(n: u32, word: &str) -> bool {
    word.len() == 4 && (1900..=2100).contains(&n)
}

/// Targets in a sentence: every count with its unit, "per år" and "var".
pub fn parse_targets(text: &str, both_parties: bool) -> Vec<ParsedTarget> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = bare(words[i]);
        let Some(n) = parse_number(&w) else {
            i += 1;
            continue;
        };
        let prev = if i > 0 {
            bare(words[i - 1]).to_lowercase()
        } else {
            String::new()
        };
        let lower = w.to_lowercase();
        // Articles, years, dates and numbers that are part of a name are not counts.
        let is_article = matches!(lower.as_str(), "en" | "ett");
        if n == 0
            || is_year(n, &w)
            || (is_article && !COUNT_MARKERS.contains(&prev.as_str()))
            || words[i].contains(['/', ':'])
            || words[i].ends_with('%')
            || (lower == "sex"
                && !prev.is_empty()
                && !COUNT_MARKERS.contains(&prev.as_str())
                && i + 1 >= words.len())
        {
            i += 1;
            continue;
        }
        // The unit: skip "st", keep adjectives, then one noun.
        let mut j = i + 1;
        while j < words.len() && SKIP_AFTER_NUMBER.contains(&bare(words[j]).to_lowercase().as_str())
        {
            j += 1;
        }
        let mut unit_words = Vec::new();
        while j < words.len() {
            let u = bare(words[j]);
            let ul = u.to_lowercase();
            if ul.is_empty() || NOT_UNITS.contains(&ul.as_str()) || parse_number(&ul).is_some() {
                break;
            }
            unit_words.push(ul.clone());
            j += 1;
            let ends_clause = words[j - 1].ends_with([',', '.', ';', ':', ')']);
            if !UNIT_ADJECTIVES.contains(&ul.as_str()) || ends_clause {
                break;
            }
        }
        if unit_words.is_empty() {
            i += 1;
            continue;
        }
        let mut unit = unit_words.join(" ");
        // "nyhetsbrev 4 gånger per år": the thing counted stands before the number.
        if unit == "gånger" || unit == "gång" {
            let mut k = i;
            let mut before = Vec::new();
            while k > 0 {
                k -= 1;
                let b = bare(words[k]).to_lowercase();
                if b.is_empty()
                    || COUNT_MARKERS.contains(&b.as_str())
                    || matches!(b.as_str(), "gemensamt" | "gemensam" | "ett" | "en")
                {
                    if !before.is_empty() {
                        break;
                    }
                    continue;
                }
                if NOT_UNITS.contains(&b.as_str()) || words[k].ends_with([',', '.', ';', ':']) {
                    break;
                }
                before.insert(0, b);
                if before.len() == 2 {
                    break;
                }
            }
            if !before.is_empty() {
                unit = before.join(" ");
            }
        }
        // What follows the unit: "per år", "varje år", "årligen", "var".
        let tail: Vec<String> = words[j..words.len().min(j + 5)]
            .iter()
            .map(|w| bare(w).to_lowercase())
            .collect();
        let per_ar = tail.windows(2).any(|p| {
            (p[0] == "per" || p[0] == "varje" || p[0] == "om") && (p[1] == "år" || p[1] == "året")
        }) || tail.iter().take(2).any(|t| t == "årligen")
            || words[j.saturating_sub(1)..words.len().min(j + 2)]
                .iter()
                .any(|w| w.contains("/år"));
        let each = tail.first().is_some_and(|t| t == "var" || t == "vardera");
        if each && both_parties {
            for p in [Party::Polisen, Party::Kommunen] {
                out.push(ParsedTarget {
                    count: n,
                    unit: unit.clone(),
                    per_year: per_ar,
                    party: Some(p),
                });
            }
        } else {
            out.push(ParsedTarget {
                count: n,
                unit,
                per_year: per_ar,
                party: None,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// "i områdena norr, söder och centrum" → ["Norr", "Söder", "Centrum"].
pub fn parse_sub_areas(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    for marker in [
        "i områdena ",
        "i stadsdelarna ",
        "i delområdena ",
        "i kommundelarna ",
    ] {
        if let Some(pos) = lower.find(marker) {
            let rest = &text[pos + marker.len()..];
            let end = rest.find(['.', ';', ':']).unwrap_or(rest.len());
            return rest[..end]
                .split([',', '&'])
                .flat_map(|p| p.split(" och "))
                .map(str::trim)
                .filter(|p| !p.is_empty() && p.split_whitespace().count() <= 3)
                .map(|p| {
                    let mut c = p.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                })
                .collect();
        }
    }
    Vec::new()
}
