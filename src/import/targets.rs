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

/// "fyra" → 4, "tjugofem" → 25, "trehundra" → 300, "tvåhundrafemtio" → 250, "ettusen" →
/// 1000, "12" → 12.
pub fn parse_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    // "ettusen" is "ett" + "tusen" with one t written once.
    let w = match w.strip_prefix("ettusen") {
        Some(rest) => format!("tusen{rest}"),
        None => w,
    };
    match w.split_once("tusen") {
        Some((thousands, rest)) => {
            let t = if thousands.is_empty() || thousands == "ett" {
                1
            } else {
                below_thousand(thousands)?
            };
            let r = if rest.is_empty() {
                0
            } else {
                below_thousand(rest)?
            };
            Some(t * 1000 + r)
        }
        None => below_thousand(&w),
    }
}

fn lookup(table: &[(&str, u32)], s: &str) -> Option<u32> {
    table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

/// "trehundrafemtio" → 350, "hundra" → 100, "fyrtiotvå" → 42 (lower case).
fn below_thousand(w: &str) -> Option<u32> {
    match w.split_once("hundra") {
        Some((hundreds, rest)) => {
            let h = match hundreds {
                "" | "ett" => 1,
                // "en" is not a multiplier ("enhundra" is not written); "två".."nio" are.
                h => lookup(UNITS, h).filter(|n| *n >= 2)?,
            };
            let r = if rest.is_empty() {
                0
            } else {
                below_hundred(rest)?
            };
            Some(h * 100 + r)
        }
        None => below_hundred(w),
    }
}

/// "fyra" → 4, "tjugofem" → 25 (lower case).
fn below_hundred(w: &str) -> Option<u32> {
    if let Some(v) = lookup(UNITS, w).or_else(|| lookup(SMALL, w)) {
        return Some(v);
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
const SKIP_AFTER_NUMBER: &[&str] = &["st", "st.", "stycken", "stycket", "stycks"];
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
    "fler",
    "ytterligare",
];
/// Words before a number that make "en"/"ett" a count rather than an article.
const COUNT_MARKERS: &[&str] = &[
    "minst",
    "minimum",
    "åtminstone",
    "min",
    "min.",
    "högst",
    "max",
    "vid",
    "totalt",
    "cirka",
    "ca",
    "ca.",
    "omkring",
    "ungefär",
    "till",
];
/// Words before a number that make it anything but a count: a time, a date, a school
/// year, a phone number, a list number, an age limit, "de tre kommunerna".
const NOT_AFTER: &[&str] = &[
    "kl",
    "kl.",
    "klockan",
    "den",
    "vecka",
    "v",
    "v.",
    "årskurs",
    "åk",
    "åk.",
    "nr",
    "nr.",
    "nummer",
    "sida",
    "kapitel",
    "paragraf",
    "§",
    "steg",
    "fas",
    "de",
    "dessa",
    "våra",
    "alla",
    "samtliga",
    "inom",
    "telefon",
    "tel",
    "tel.",
    "tfn",
    "ring",
    "via",
    "mellan",
    "från",
    "över",
    "år",
    "sms",
    "version",
    "punkt",
    "bilaga",
    "löfte",
    "medborgarlöfte",
    "fokusområde",
    "åtagande",
    // Roads and lines: "riksväg 21", "linje 4".
    "riksväg",
    "länsväg",
    "väg",
    "linje",
    "busslinje",
];
/// Words that are never a unit.
pub(super) const NOT_UNITS: &[&str] = &[
    "och",
    "eller",
    "samt",
    "i",
    "på",
    "av",
    "med",
    "för",
    "till",
    "under",
    "om",
    "som",
    "per",
    "var",
    "år",
    "året",
    "åren",
    "års",
    "åriga",
    "procent",
    "procentenheter",
    "%",
    "de",
    "den",
    "det",
    "där",
    "när",
    "inom",
    "mellan",
    "kring",
    "vid",
    "hos",
    "efter",
    "före",
    "innan",
    "mot",
    "från",
    "genom",
    "bland",
    "enligt",
    "varje",
    "gång",
    "gånger",
    "ska",
    "kommer",
    "än",
    "sig",
    "vardera",
];
/// Street names end so: "Storgatan 14" is an address.
const STREET_ENDINGS: &[&str] = &[
    "gatan", "vägen", "torget", "gränd", "plan", "stigen", "allén", "backen", "leden", "gata",
    "väg",
];

pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '%')
        .to_string()
}

fn is_year(n: u32, word: &str) -> bool {
    word.len() == 4 && (1900..=2100).contains(&n)
}

/// "4 ggr/år", "1 gång/mån" → "4 ggr per år", "1 gång per månad".
fn per_slash(text: &str) -> String {
    let mut out = text.to_string();
    for (from, to) in [
        ("/mån.", " per månad"),
        ("/månad", " per månad"),
        ("/mån", " per månad"),
        ("/vecka", " per vecka"),
        ("/v.", " per vecka"),
        ("/termin", " per termin"),
        ("/kvartal", " per kvartal"),
        ("/halvår", " per halvår"),
        ("/år", " per år"),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// How many of one rate make a year: "per termin" 2, "i månaden" 12, "varje vecka" 52.
fn rate_factor(a: &str, b: &str) -> Option<(u32, &'static str)> {
    if !matches!(a, "per" | "varje" | "i" | "om" | "varannan") {
        return None;
    }
    let f = match b {
        "år" | "året" => (1, "år"),
        "halvår" | "halvåret" => (2, "halvår"),
        "termin" | "terminen" => (2, "termin"),
        "kvartal" | "kvartalet" => (4, "kvartal"),
        "månad" | "månaden" => (12, "månad"),
        "vecka" | "veckan" => (52, "vecka"),
        _ => return None,
    };
    // "varannan vecka" is every other week.
    if a == "varannan" {
        return Some((f.0 / 2, f.1));
    }
    Some(f)
}

/// A rate in words: "årligen", "månadsvis", "veckovis", "varje vecka" — the factor and the
/// unit of time, searched in `tail`.
fn rate_in(tail: &[String]) -> Option<(u32, &'static str)> {
    for (k, w) in tail.iter().enumerate() {
        match w.as_str() {
            "årligen" => return Some((1, "år")),
            "månadsvis" | "månatligen" => return Some((12, "månad")),
            "veckovis" => return Some((52, "vecka")),
            "kvartalsvis" => return Some((4, "kvartal")),
            _ => {}
        }
        if let Some(next) = tail.get(k + 1)
            && let Some(f) = rate_factor(w, next)
        {
            return Some(f);
        }
        // "i snitt per vecka"
        if w == "snitt"
            && let (Some(a), Some(b)) = (tail.get(k + 1), tail.get(k + 2))
            && let Some(f) = rate_factor(a, b)
        {
            return Some(f);
        }
    }
    None
}

/// A count written as a range ("4–6", "4-6") is its lower end; a range of years is none.
fn range_start(word: &str) -> Option<(u32, bool)> {
    let (a, b) = word.split_once(['-', '–', '—'])?;
    let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    Some((x, is_year(x, a) || is_year(y, b)))
}

/// "ett tjugotal" → 20, "ett tiotal" → 10, "ett dussin" → 12, "ett par" → 2 (taken as
/// two: "ett par gånger per år" is read as twice).
fn approximate(word: &str, prev: &str) -> Option<u32> {
    if prev != "ett" {
        return None;
    }
    match word {
        "par" => Some(2),
        "dussin" => Some(12),
        _ => parse_number(word.strip_suffix("tal")?).filter(|n| *n >= 10),
    }
}

/// "en kväll per vecka", "ett pass i månaden": an article before a noun and a rate of a
/// week, month or quarter counts once per that.
fn article_rate(lower: &[String], i: usize) -> bool {
    let tail: Vec<String> = lower.iter().skip(i + 2).take(2).cloned().collect();
    rate_in(&tail).is_some_and(|(f, _)| f > 1)
}

/// Phrases that give one target per party.
fn each_party(lower: &str) -> bool {
    [
        "var för sig",
        "vardera",
        "var och en",
        "båda parter",
        "båda parterna",
        "respektive part",
        "per part",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Targets in a sentence: every count with its unit, "per år" and the count of a rate
/// ("två gånger per termin" is 4 per year), one per party where "var"/"var för sig"/
/// "vardera"/"båda parter" says so. Years, dates, times, phone numbers, list numbers,
/// ages, addresses and percentages are never targets.
pub fn parse_targets(text: &str, both_parties: bool) -> Vec<ParsedTarget> {
    let text = &per_slash(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower_words: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
    let each_text = each_party(&text.to_lowercase());
    // Linear in the sentence: what the sentence is about and the longest plural before
    // each word are worked out once, not again for every count (a one-line text of
    // thousands of counts made this quadratic).
    let head = head_noun(&words);
    let plurals = longest_plural_before(&words, &lower_words);
    let mut out = Vec::new();
    let mut i = 0;
    let mut phone = false;
    // The last number that was not a count: "årskurs 8 och 9" — the 9 is not one either.
    let mut last_refused: Option<usize> = None;
    while i < words.len() {
        let w = bare(words[i]);
        let lower = w.to_lowercase();
        let prev = if i > 0 {
            lower_words[i - 1].clone()
        } else {
            String::new()
        };
        // A phone number runs on over its groups of digits: "0454-30 30 00".
        let digits_only = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-');
        if digits_only && (phone || (w.starts_with('0') && w.len() >= 3)) {
            phone = true;
            i += 1;
            continue;
        }
        phone = false;
        let (n, year_range) = match parse_number(&w) {
            Some(n) => (n, false),
            None => match range_start(&w) {
                Some((n, years)) => (n, years),
                None => match approximate(&lower, &prev) {
                    Some(n) => (n, false),
                    None => {
                        i += 1;
                        continue;
                    }
                },
            },
        };
        let next = lower_words.get(i + 1).map(String::as_str).unwrap_or("");
        let prev_prev = if i > 1 {
            lower_words[i - 2].as_str()
        } else {
            ""
        };
        let marked =
            COUNT_MARKERS.contains(&prev.as_str()) && (prev != "till" || prev_prev == "upp");
        let refuse = Candidate {
            at: i,
            n,
            word: &w,
            lower: &lower,
            prev: &prev,
            next,
            marked,
            year_range,
        };
        if refuse.is_not_a_count(&words, &lower_words, last_refused) {
            last_refused = Some(i);
            i += 1;
            continue;
        }
        // The unit: skip "st", keep adjectives, then one noun.
        let (mut unit, times, j) = unit_after(&words, &lower_words, i);
        if times {
            unit = thing_counted(&words, &lower_words, i).unwrap_or_else(|| "gånger".into());
        }
        if unit.is_empty() {
            // Nothing after the number: what the sentence says it counts.
            let about = head
                .clone()
                .or_else(|| plurals[i].map(|k| lower_words[k].clone()));
            let digits = w.chars().all(|c| c.is_ascii_digit());
            unit = unit_from_context(
                &lower_words,
                i,
                j,
                &prev,
                (marked || digits).then_some(about).flatten(),
            );
            if unit.is_empty() {
                i += 1;
                continue;
            }
        }
        let tail = tail_after(&words, &lower_words, j);
        let rate = rate_in(&tail);
        let (count, per_year, rate_text) = match rate {
            Some((1, _)) => (n, true, None),
            Some((f, per)) => (n.saturating_mul(f), true, Some(format!("{n} per {per}"))),
            None => (n, false, None),
        };
        let each = tail.first().is_some_and(|t| t == "var" || t == "vardera") || each_text;
        let target = ParsedTarget {
            count,
            unit,
            per_year,
            party: None,
            rate: rate_text,
        };
        push_target(&mut out, target, each && both_parties);
        i = j.max(i + 1);
    }
    if out.is_empty()
        && let Some(t) = bare_rate(&lower_words, &words)
    {
        out.push(t);
    }
    out
}

/// The unit of a count that has none after it: "antalet trygghetsvärdar till sex",
/// "2 per månad" (times), or `about` — what the sentence is about ("Trygghetsvandringar
/// …, minst tre under året"), given when the count is marked or in digits.
fn unit_from_context(
    lower_words: &[String],
    i: usize,
    j: usize,
    prev: &str,
    about: Option<String>,
) -> String {
    if prev == "till"
        && let Some(a) = (i.saturating_sub(5)..i).find(|&k| lower_words[k] == "antalet")
    {
        let named = lower_words.get(a + 1).cloned().unwrap_or_default();
        if !named.is_empty() {
            return named;
        }
    }
    let after = &lower_words[j..lower_words.len().min(j + 3)];
    if rate_in(after).is_some() {
        return "tillfällen".into();
    }
    about.unwrap_or_default()
}

/// `t`, or — "… var" for a löfte of both parties — one for each of them.
fn push_target(out: &mut Vec<ParsedTarget>, t: ParsedTarget, each_party: bool) {
    if each_party {
        for party in [Party::Polisen, Party::Kommunen] {
            out.push(ParsedTarget {
                party: Some(party),
                ..t.clone()
            });
        }
    } else {
        out.push(t);
    }
}

/// A number found in a sentence, and what is around it.
struct Candidate<'w> {
    at: usize,
    n: u32,
    word: &'w str,
    lower: &'w str,
    prev: &'w str,
    next: &'w str,
    /// Marked as a count ("minst", "upp till").
    marked: bool,
    /// The start of a range of years ("2024–2026").
    year_range: bool,
}

impl Candidate<'_> {
    /// Whether the number is something else than a count: a year, a date, a street
    /// number, a percentage, a part of a larger number, "en" as an article, …
    fn is_not_a_count(
        &self,
        words: &[&str],
        lower_words: &[String],
        last_refused: Option<usize>,
    ) -> bool {
        let (i, prev, next) = (self.at, self.prev, self.next);
        let (w, lower, marked) = (self.word, self.lower, self.marked);
        let is_article = matches!(lower, "en" | "ett");
        let street = i > 0
            && words[i - 1].starts_with(char::is_uppercase)
            && STREET_ENDINGS.iter().any(|e| prev.ends_with(e));
        // A group of digits beside another is part of a larger number ("114 14",
        // "1 240").
        let in_digit_run = [i.checked_sub(1), Some(i + 1)].iter().flatten().any(|&k| {
            words.get(k).is_some_and(|x| {
                let b = bare(x);
                !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
            })
        }) && w.chars().all(|c| c.is_ascii_digit());
        // "kommunens tre högstadieskolor" says how many there are, not a target.
        let possessive = [
            "kommunens",
            "polisens",
            "stadens",
            "dess",
            "deras",
            "sina",
            "sin",
        ]
        .contains(&prev)
            || (prev.ends_with("ernas") || prev.ends_with("arnas") || prev.ends_with("ornas"));
        let month_follows = crate::domain::charts::MONTH_NAMES
            .iter()
            .any(|m| next.starts_with(m));
        let follows_refused = i >= 2
            && last_refused == Some(i - 2)
            && matches!(prev, "och" | "eller" | "samt" | "till" | "–" | "-");
        self.n == 0
            || follows_refused
            || self.year_range
            || is_year(self.n, w)
            || (is_article
                && !marked
                && !matches!(next, "gång" | "gången")
                && !article_rate(lower_words, i))
            || words[i].contains(['/', ':'])
            || words[i].ends_with('%')
            || (NOT_AFTER.contains(&prev) && !marked)
            || street
            || possessive
            || in_digit_run
            || month_follows
            || matches!(
                next,
                "%" | "procent" | "procentenheter" | "år" | "års" | "åriga"
            )
            || (lower == "sex" && !prev.is_empty() && !marked && i + 1 >= words.len())
    }
}

/// The unit after the number at `i` ("st" skipped, adjectives kept, then one noun);
/// whether it is "gånger"; and where what follows the unit starts.
fn unit_after(words: &[&str], lower_words: &[String], i: usize) -> (String, bool, usize) {
    let mut j = i + 1;
    while j < words.len() && SKIP_AFTER_NUMBER.contains(&lower_words[j].as_str()) {
        j += 1;
    }
    let mut unit_words = Vec::new();
    let mut times = false;
    if j < words.len() && matches!(lower_words[j].as_str(), "gång" | "gånger" | "ggr" | "ggr.") {
        times = true;
        j += 1;
    }
    while !times && j < words.len() {
        let ul = lower_words[j].clone();
        if ul.is_empty() || NOT_UNITS.contains(&ul.as_str()) || parse_number(&ul).is_some() {
            break;
        }
        unit_words.push(ul.clone());
        j += 1;
        let ends_clause = words[j - 1].ends_with([',', '.', ';', ':', ')']);
        let next_ok = lower_words
            .get(j)
            .is_some_and(|n| !n.is_empty() && !NOT_UNITS.contains(&n.as_str()));
        let adjective = UNIT_ADJECTIVES.contains(&ul.as_str())
            || (ul.ends_with('a') && ul.chars().count() > 3 && next_ok);
        if !adjective || ends_clause {
            break;
        }
    }
    (unit_words.join(" "), times, j)
}

/// What follows the unit: "per år", "varje år", "årligen", "per termin", "var". It ends
/// at the next count or the end of a clause.
fn tail_after(words: &[&str], lower_words: &[String], j: usize) -> Vec<String> {
    let mut tail: Vec<String> = Vec::new();
    for k in j..words.len().min(j + 6) {
        if parse_number(&lower_words[k]).is_some() {
            break;
        }
        tail.push(lower_words[k].clone());
        if words[k].ends_with(['.', ';', ':']) {
            break;
        }
    }
    tail
}

/// "Polisen är på plats vid torget varje vecka": a rate without a count is once per
/// week, month or quarter.
fn bare_rate(lower_words: &[String], words: &[&str]) -> Option<ParsedTarget> {
    for k in 0..lower_words.len().saturating_sub(1) {
        let (a, b) = (lower_words[k].as_str(), lower_words[k + 1].as_str());
        if a != "varje" && a != "varannan" {
            continue;
        }
        if let Some((f, per)) = rate_factor(a, b).filter(|(f, _)| *f > 1) {
            return Some(ParsedTarget {
                count: f,
                unit: head_noun(words).unwrap_or_else(|| "tillfällen".into()),
                per_year: true,
                party: None,
                rate: Some(format!("1 per {per}")),
            });
        }
    }
    None
}

/// "nyhetsbrev 4 gånger per år": the thing counted stands before the number — not a
/// name ("skolorna i Ekeby minst tio gånger") nor a place after a preposition ("i
/// kommunen minst en gång"): then it counts times.
fn thing_counted(words: &[&str], lower: &[String], i: usize) -> Option<String> {
    let mut k = i;
    let mut before: Vec<String> = Vec::new();
    let mut stop = "";
    // A few words back at most: a long run of "minst en minst en …" must not make every
    // count walk back to the start of the sentence.
    let floor = i.saturating_sub(8);
    while k > floor {
        k -= 1;
        let b = lower[k].as_str();
        if b.is_empty()
            || COUNT_MARKERS.contains(&b)
            || matches!(b, "gemensamt" | "gemensam" | "ett" | "en")
        {
            if !before.is_empty() {
                break;
            }
            continue;
        }
        if NOT_UNITS.contains(&b)
            || words[k].ends_with([',', '.', ';', ':'])
            || (k > 0 && words[k].starts_with(char::is_uppercase))
            || parse_number(b).is_some()
        {
            stop = b;
            break;
        }
        before.insert(0, b.to_string());
        if before.len() == 2 {
            break;
        }
    }
    let place = matches!(
        stop,
        "i" | "på" | "vid" | "för" | "med" | "av" | "till" | "under" | "mot" | "hos" | "om"
    );
    (!before.is_empty() && !place).then(|| before.join(" "))
}

/// "genomför trygghetsvandringar i Solbacken, minst två": for each word, the index of the
/// longest plural-looking word before it (a verb like "erbjuder" is shorter than what it
/// offers; of equally long ones the last). One pass: a running maximum.
pub(super) fn longest_plural_before(words: &[&str], lower: &[String]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(words.len());
    let mut best: Option<(usize, usize)> = None;
    for (k, w) in lower.iter().enumerate() {
        out.push(best.map(|(at, _)| at));
        let len = w.chars().count();
        if !words[k].starts_with(char::is_uppercase)
            && len >= 6
            && ["ar", "er", "or"].iter().any(|e| w.ends_with(e))
            && !NOT_UNITS.contains(&w.as_str())
            && best.is_none_or(|(_, b)| len >= b)
        {
            best = Some((k, len));
        }
    }
    out
}

/// The first word of a löfte when it is what is counted ("Trygghetsvandringar i …").
fn head_noun(words: &[&str]) -> Option<String> {
    let first = bare(words.first()?).to_lowercase();
    // Verbs in the infinitive and "vi"/"polisen" are not things counted.
    let verb_like = first.ends_with('a') && !first.ends_with("ing");
    (first.chars().count() > 3
        && !verb_like
        && super::parties::subject_party(words.join(" ").as_str()).is_none())
    .then_some(first)
}

/// What follows the first occurrence of `marker` (lower case) in `text`, compared without
/// case. Positions are found in `text` itself: lowercasing can change byte lengths (İ, ẞ,
/// the Kelvin sign), so a position found in a lowercased copy does not fit the original.
/// Linear in the text (the marker is short).
fn after_ignoring_case<'t>(text: &'t str, marker: &str) -> Option<&'t str> {
    text.char_indices()
        .find_map(|(i, _)| crate::validate::strip_prefix_ignoring_case(&text[i..], marker))
}

/// "i områdena norr, söder och centrum" → ["Norr", "Söder", "Centrum"].
pub fn parse_sub_areas(text: &str) -> Vec<String> {
    for marker in [
        "i områdena ",
        "i stadsdelarna ",
        "i delområdena ",
        "i kommundelarna ",
    ] {
        if let Some(rest) = after_ignoring_case(text, marker) {
            let end = rest.find(['.', ';', ':']).unwrap_or(rest.len());
            return rest[..end]
                .split([',', '&'])
                .flat_map(|p| p.split(" och "))
                .map(str::trim)
                .filter(|p| !p.is_empty() && p.split_whitespace().count() <= 3)
                .map(crate::validate::capitalized)
                .collect();
        }
    }
    Vec::new()
}
