//! Import of a published medborgarlöfte text: headings become avsnitt, bullet lines become
//! löften, ansvarig is read from the context and numeric targets are parsed (digits and
//! Swedish number words). Built for the genre, not for particular files: whatever it
//! cannot interpret is kept (as a löfte without target, goal text or an ignored line the
//! user can see), never dropped silently and never an error.

use crate::domain::{
    CommitmentDraft, Party, PledgeDraft, SectionDraft, Signatory, TargetDraft, TargetScope,
};
use serde::Serialize;

/// A target as parsed ("minst 4 tillfällen per år").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedTarget {
    pub count: u32,
    pub unit: String,
    #[serde(rename = "per_ar")]
    pub per_year: bool,
    /// Set when the target belongs to one party ("… var").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "ansvarig")]
    pub party: Option<Party>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedCommitment {
    pub text: String,
    #[serde(rename = "ansvarig")]
    pub party: Party,
    pub targets: Vec<ParsedTarget>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(rename = "delomraden")]
    pub sub_areas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedSection {
    #[serde(rename = "rubrik")]
    pub title: String,
    /// Prose under the heading that is not a löfte (context for the reader).
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(rename = "inledning")]
    pub intro: String,
    #[serde(rename = "loften")]
    pub commitments: Vec<ParsedCommitment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedSignatory {
    #[serde(rename = "namn")]
    pub name: String,
    #[serde(rename = "roll")]
    pub role: String,
}

/// The structure read from a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ParsedPledge {
    #[serde(rename = "avsnitt")]
    pub sections: Vec<ParsedSection>,
    pub signatories: Vec<ParsedSignatory>,
    /// The purpose and background text before the löften.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(rename = "malsattning")]
    pub goal: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "kontakt")]
    pub contact: Option<String>,
    /// Lines not used for anything (site navigation, follow-up paragraphs, empty
    /// headings), shown to the user so nothing disappears unseen.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(rename = "ignorerat")]
    pub ignored: Vec<String>,
}

impl ParsedPledge {
    pub fn commitment_count(&self) -> usize {
        self.sections.iter().map(|s| s.commitments.len()).sum()
    }
}

/// The one way a parsed text becomes a draft (the CLI's import and the window's agree);
/// the caller sets the title.
impl From<&ParsedPledge> for PledgeDraft {
    fn from(p: &ParsedPledge) -> PledgeDraft {
        PledgeDraft {
            title: String::new(),
            goal: p.goal.clone(),
            contact: p.contact.clone(),
            signatories: p
                .signatories
                .iter()
                .map(|s| Signatory {
                    name: s.name.clone(),
                    role: s.role.clone(),
                })
                .collect(),
            sections: p
                .sections
                .iter()
                .map(|s| SectionDraft {
                    title: s.title.clone(),
                    commitments: s
                        .commitments
                        .iter()
                        .map(|c| CommitmentDraft {
                            text: c.text.clone(),
                            party: c.party,
                            targets: c
                                .targets
                                .iter()
                                .map(|t| TargetDraft {
                                    count: t.count,
                                    unit: t.unit.clone(),
                                    scope: if t.per_year {
                                        TargetScope::PerYear
                                    } else {
                                        TargetScope::Period
                                    },
                                    party: t.party,
                                    label: target_label(c, t),
                                })
                                .collect(),
                            sub_areas: c.sub_areas.clone(),
                            tags: Vec::new(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A short name for a target when its löfte has several: the party, else the unit.
fn target_label(c: &ParsedCommitment, t: &ParsedTarget) -> Option<String> {
    if c.targets.len() < 2 {
        return None;
    }
    if let Some(p) = t.party {
        return Some(p.label().to_string());
    }
    let mut chars = t.unit.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

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

fn bare(word: &str) -> String {
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

// ---------------------------------------------------------------------------
// Ansvarig
// ---------------------------------------------------------------------------

fn mentions_police(s: &str) -> bool {
    s.contains("polis")
}

fn mentions_kommun(s: &str) -> bool {
    s.contains("kommun")
}

/// The subject of a sentence, when it names a party: "Polisen …", "Sölvesborgs kommun …",
/// "Vi ska gemensamt …", "Polisen samt kommunen …".
pub fn subject_party(sentence: &str) -> Option<Party> {
    let words: Vec<String> = sentence
        .split_whitespace()
        .take(6)
        .map(|w| bare(w).to_lowercase())
        .collect();
    let first = words.first()?;
    let head = words.join(" ");
    let joined_both = words.iter().any(|w| w == "och" || w == "samt")
        && mentions_police(&head)
        && mentions_kommun(&head)
        && words
            .iter()
            .take(5)
            .position(|w| w == "ska" || w == "kommer")
            .is_none_or(|p| {
                let before = words[..p].join(" ");
                mentions_police(&before) && mentions_kommun(&before)
            });
    if joined_both || first == "vi" || first == "tillsammans" {
        return Some(Party::Gemensamt);
    }
    if first == "polisen" || first == "lokalpolisområdet" {
        return Some(Party::Polisen);
    }
    if first == "kommunen"
        || (words.len() > 1 && words[1] == "kommun" && first.ends_with('s'))
        || (words.len() > 1 && words[1] == "kommun")
    {
        return Some(Party::Kommunen);
    }
    None
}

/// The party a heading stands for: "Polisen", "Olofströms kommun", "… tillsammans".
fn heading_party(heading: &str) -> Option<Party> {
    let l = heading.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    if l.contains("tillsammans") || l.contains("gemensam") {
        return Some(Party::Gemensamt);
    }
    if words.len() <= 3 {
        if words.first() == Some(&"polisen") || l == "polis" {
            return Some(Party::Polisen);
        }
        if l == "kommunen" || words.last() == Some(&"kommun") {
            return Some(Party::Kommunen);
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A bullet, with its level (0 top, 1 nested) and text.
    Bullet(u8, String),
    Text(String),
}

/// Splits off a bullet marker: •, -, –, *, o, ●, ▪, "1." and "1)".
fn bullet(line: &str) -> Option<(u8, String)> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    for (marker, level) in [
        ("•", 0u8),
        ("●", 0),
        ("▪", 1),
        ("◦", 1),
        ("‣", 0),
        ("– ", 0),
        ("— ", 0),
        ("- ", 0),
        ("* ", 0),
        ("o ", 1),
    ] {
        if let Some(rest) = t.strip_prefix(marker) {
            let rest = rest.trim();
            if rest.is_empty() {
                return None;
            }
            let level = if indent >= 4 { level.max(1) } else { level };
            return Some((level, rest.to_string()));
        }
    }
    // Numbered: "1. Text" or "2) Text".
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let rest = &t[digits.len()..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            let r = r.trim();
            if r.chars().next().is_some_and(|c| c.is_uppercase()) {
                return Some((0, r.to_string()));
            }
        }
    }
    None
}

/// Site chrome that is not part of the published text.
const CHROME: &[&str] = &[
    "sök",
    "stäng meny",
    "meny",
    "kommentera",
    "kommentera skriv ut",
    "skriv ut",
    "obligatoriskt",
    "dela",
    "till toppen",
    "tillbaka",
];

fn is_chrome(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    CHROME.contains(&l.as_str())
        || l.starts_with("sidan senast uppdaterad")
        || l.starts_with("foto:")
}

/// Headings whose bullets describe the purpose, not promises.
fn is_goal_heading(h: &str) -> bool {
    let l = h.to_lowercase();
    [
        "medborgarlöftet ska",
        "medborgarlöften ska",
        "prioriter",
        "syftar",
        "syfte",
        "vårt mål",
    ]
    .iter()
    .any(|k| l.contains(k))
        || l == "mål"
}

/// Headings after the löften: follow-up, contact, "follow us".
fn is_trailing_heading(h: &str) -> bool {
    let l = h.to_lowercase();
    [
        "uppföljning",
        "kontakt",
        "följ med",
        "följ arbetet",
        "återkoppling",
        "mer information",
    ]
    .iter()
    .any(|k| l.starts_with(k))
}

/// Headings that only mark the start of the löften ("Det här lovar vi").
fn is_promise_marker(h: &str) -> bool {
    let l = h.to_lowercase();
    let l = l.trim().trim_end_matches([':', '.', '!']).trim();
    [
        "det här lovar vi",
        "det här ska vi göra",
        "det här gör vi",
        "vi lovar",
        "våra löften",
        "löften",
        "medborgarlöften",
        "medborgarlöftet",
    ]
    .contains(&l)
}

/// A contact line: "Namn Efternamn, roll", a phone number or an e-mail address.
fn is_contact_line(l: &str) -> bool {
    let digits = l.chars().filter(char::is_ascii_digit).count();
    let name_part = l.split(',').next().unwrap_or("");
    digits >= 6 || l.contains('@') || (l.contains(',') && looks_like_name(name_part.trim()))
}

/// A line stating who promises for what follows ("Bromölla kommun och polisen ska
/// gemensamt:").
fn declaration_party(line: &str) -> Option<Party> {
    let l = line.to_lowercase();
    if !l.trim_end().ends_with(':') || !l.contains(" ska") || l.split_whitespace().count() > 12 {
        return None;
    }
    if mentions_police(&l) && mentions_kommun(&l) || l.contains("gemensamt") {
        Some(Party::Gemensamt)
    } else if mentions_police(&l) {
        Some(Party::Polisen)
    } else if mentions_kommun(&l) {
        Some(Party::Kommunen)
    } else {
        None
    }
}

/// Cleans a heading: no trailing colon or "genom att".
fn heading_text(line: &str) -> String {
    let mut h = line.trim().trim_end_matches(':').trim().to_string();
    for suffix in [" genom att", " genom"] {
        if let Some(s) = h.strip_suffix(suffix) {
            h = s.trim().to_string();
        }
    }
    h.trim_end_matches('.').trim().to_string()
}

fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

const ROLE_WORDS: &[&str] = &[
    "chef",
    "kommunalråd",
    "ordförande",
    "kommunpolis",
    "polis",
    "direktör",
    "kommundirektör",
    "kommunchef",
    "polisområdeschef",
    "säkerhetsskyddschef",
    "samordnare",
    "kommunstyrelsens",
];

fn looks_like_role(line: &str) -> bool {
    let l = line.to_lowercase();
    line.split_whitespace().count() <= 8 && ROLE_WORDS.iter().any(|r| l.contains(r))
}

/// Joins wrapped lines: a line that does not start a bullet, heading or paragraph and
/// follows a line without closing punctuation continues it.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev_blank = true;
    for raw in text.lines() {
        let line = raw.replace('\u{a0}', " ");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        let continues = !prev_blank
            && bullet(&line).is_none()
            && out.last().is_some_and(|p| {
                let p = p.trim_end();
                let open = !p.ends_with(['.', '!', '?', ':']);
                let is_bullet = bullet(p).is_some();
                open && (is_bullet
                    || trimmed
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c == '('))
            });
        if continues {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            out.push(line.trim_end().to_string());
        }
        prev_blank = false;
    }
    out
}

/// Splits a bullet whose sentences have different subjects ("Polisen genomför …
/// Kommunen ska …") into one löfte per subject.
fn split_by_subject(text: &str) -> Vec<(String, Option<Party>)> {
    let mut sentences: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        cur.push(*c);
        let next_upper = chars.get(i + 2).is_some_and(|n| n.is_uppercase());
        if *c == '.' && chars.get(i + 1) == Some(&' ') && next_upper {
            sentences.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        sentences.push(cur.trim().to_string());
    }
    let mut out: Vec<(String, Option<Party>)> = Vec::new();
    for s in sentences {
        let subject = subject_party(&s);
        match out.last_mut() {
            Some((text, Some(prev)))
                if subject.is_none_or(|p| p == *prev) || *prev == Party::Gemensamt =>
            {
                text.push(' ');
                text.push_str(&s);
            }
            Some((text, prev @ None)) => {
                text.push(' ');
                text.push_str(&s);
                if prev.is_none() {
                    *prev = subject;
                }
            }
            _ => out.push((s, subject)),
        }
    }
    out
}

/// Reads a published medborgarlöfte text.
pub fn parse(text: &str) -> ParsedPledge {
    let mut lines: Vec<String> = logical_lines(text);
    let mut result = ParsedPledge::default();

    // Signatories: name/role pairs at the end; a contact line with a phone number.
    while lines.len() >= 2 {
        let n = lines.len();
        let (name, role) = (lines[n - 2].trim(), lines[n - 1].trim());
        if bullet(name).is_none() && looks_like_name(name) && looks_like_role(role) {
            result.signatories.insert(
                0,
                ParsedSignatory {
                    name: name.to_string(),
                    role: role.to_string(),
                },
            );
            lines.truncate(n - 2);
        } else {
            break;
        }
    }

    // Classify.
    let kinds: Vec<Kind> = lines
        .iter()
        .map(|l| match bullet(l) {
            Some((level, t)) => Kind::Bullet(level, t),
            None => Kind::Text(l.trim().to_string()),
        })
        .collect();

    let mut goal: Vec<String> = Vec::new();
    let mut doc_party: Option<Party> = None;
    let mut in_promises = false;
    let mut title_seen = false;
    // After a follow-up or contact heading, the rest is trailing matter.
    let mut trailing: Vec<String> = Vec::new();
    let mut in_trailing = false;
    struct Sec {
        heading: String,
        party: Option<Party>,
        /// Its bullets are the purpose ("Medborgarlöftet ska:").
        goal: bool,
        /// Started after "Det här lovar vi" or a "… ska gemensamt:" line.
        promised: bool,
        items: Vec<(u8, String)>,
        prose: Vec<String>,
    }
    let mut sections: Vec<Sec> = Vec::new();
    let mut current: Option<Sec> = None;

    let next_is_bullet = |i: usize| matches!(kinds.get(i + 1), Some(Kind::Bullet(..)));

    for (i, k) in kinds.iter().enumerate() {
        if in_trailing {
            match k {
                Kind::Text(t) | Kind::Bullet(_, t) => trailing.push(t.clone()),
            }
            continue;
        }
        match k {
            Kind::Text(t) if is_chrome(t) => result.ignored.push(t.clone()),
            Kind::Text(t) => {
                let words = t.split_whitespace().count();
                let ends_sentence = t.ends_with(['.', '!', '?']);
                let short = t.chars().count() <= 100 && words <= 14;
                if !title_seen
                    && t.to_lowercase().contains("medborgarlöfte")
                    && short
                    && !ends_sentence
                {
                    title_seen = true;
                    result.ignored.push(t.clone());
                    continue;
                }
                if let Some(p) = declaration_party(t) {
                    doc_party = Some(p);
                    in_promises = true;
                    if let Some(s) = current.take() {
                        sections.push(s);
                    }
                    continue;
                }
                let heading = short
                    && t.chars().next().is_some_and(|c| c.is_uppercase())
                    && (!ends_sentence || (next_is_bullet(i) && words <= 10))
                    && (!t.contains(", ") || next_is_bullet(i))
                    || (t.ends_with(':') && next_is_bullet(i) && words <= 20);
                if heading {
                    let had_promises = sections.iter().any(|s| !s.items.is_empty())
                        || current.as_ref().is_some_and(|s| !s.items.is_empty());
                    if had_promises && is_trailing_heading(t) {
                        in_trailing = true;
                        trailing.push(t.clone());
                        continue;
                    }
                    if let Some(s) = current.take() {
                        sections.push(s);
                    }
                    if is_promise_marker(t) {
                        in_promises = true;
                        result.ignored.push(t.clone());
                        continue;
                    }
                    current = Some(Sec {
                        heading: heading_text(t),
                        party: heading_party(t),
                        goal: is_goal_heading(t),
                        promised: in_promises,
                        items: Vec::new(),
                        prose: Vec::new(),
                    });
                    continue;
                }
                match &mut current {
                    Some(s) => s.prose.push(t.clone()),
                    None => goal.push(t.clone()),
                }
            }
            Kind::Bullet(level, t) => match &mut current {
                Some(s) => s.items.push((*level, t.clone())),
                None => {
                    // Bullets before any heading: the purpose list.
                    goal.push(format!("• {t}"));
                }
            },
        }
    }
    if let Some(s) = current.take() {
        sections.push(s);
    }

    // Sections before the first one with bullets (and not marked as promises) are
    // background: their text joins the goal. Trailing sections are contact/follow-up.
    let first_promise = sections
        .iter()
        .position(|s| !s.goal && !s.items.is_empty())
        .unwrap_or(sections.len());
    for (idx, s) in sections.into_iter().enumerate() {
        let before = idx < first_promise;
        if s.goal || (before && !s.promised) {
            if !s.heading.is_empty() && !s.goal {
                goal.push(format!("{}:", s.heading));
            }
            goal.extend(s.prose);
            goal.extend(s.items.into_iter().map(|(_, t)| format!("• {t}")));
            continue;
        }

        let section = build_section(s.heading, s.party, doc_party, s.items, s.prose);
        if section.commitments.is_empty() {
            result.ignored.push(section.title);
            if !section.intro.is_empty() {
                result.ignored.push(section.intro);
            }
        } else {
            result.sections.push(section);
        }
    }
    let (contact, rest): (Vec<String>, Vec<String>) =
        trailing.into_iter().partition(|l| is_contact_line(l));
    if !contact.is_empty() {
        result.contact = Some(contact.join(", "));
    }
    result.ignored.extend(rest);
    result.goal = goal.join("\n");
    result
}

fn build_section(
    heading: String,
    party: Option<Party>,
    doc_party: Option<Party>,
    items: Vec<(u8, String)>,
    prose: Vec<String>,
) -> ParsedSection {
    let mut loften = Vec::new();
    let mut intro = Vec::new();
    // A top-level bullet followed by nested ones is an umbrella: context, not a löfte.
    let mut texts: Vec<String> = Vec::new();
    for (idx, (level, t)) in items.iter().enumerate() {
        let has_children = items.get(idx + 1).is_some_and(|(l, _)| *l > *level);
        if has_children && parse_targets(t, true).is_empty() {
            intro.push(t.clone());
        } else {
            texts.push(t.clone());
        }
    }
    if items.is_empty() {
        // No bullets: each paragraph is a löfte (text we cannot structure further).
        texts = prose;
    } else {
        intro.extend(prose);
    }
    for text in texts {
        for (part, subject) in split_by_subject(&text) {
            // Without a subject or context, the party mentioned first.
            let lower = part.to_lowercase();
            let mentions = match (lower.find("polis"), lower.find("kommun")) {
                (Some(_), None) => Some(Party::Polisen),
                (None, Some(_)) => Some(Party::Kommunen),
                (Some(p), Some(k)) if p < k => Some(Party::Polisen),
                (Some(_), Some(_)) => Some(Party::Kommunen),
                _ => None,
            };
            let ansvarig = subject
                .or(party)
                .or(doc_party)
                .or(mentions)
                .unwrap_or(Party::Gemensamt);
            let targets = parse_targets(&part, ansvarig == Party::Gemensamt);
            loften.push(ParsedCommitment {
                sub_areas: parse_sub_areas(&part),
                text: part,
                party: ansvarig,
                targets,
            });
        }
    }
    ParsedSection {
        title: heading,
        intro: intro.join("\n"),
        commitments: loften,
    }
}

/// A readable listing of the parsed structure (the CLI's default output).
pub fn render_text(p: &ParsedPledge) -> String {
    let mut out = String::new();
    for s in &p.sections {
        out.push_str(&format!("## {}\n", s.title));
        for c in &s.commitments {
            out.push_str(&format!("- [{}] {}\n", c.party.label(), c.text));
            for t in &c.targets {
                let mut line = format!("    mål: {} {}", t.count, t.unit);
                if t.per_year {
                    line.push_str(" per år");
                }
                if let Some(a) = t.party {
                    line.push_str(&format!(" ({})", a.label()));
                }
                out.push_str(&line);
                out.push('\n');
            }
            if !c.sub_areas.is_empty() {
                out.push_str(&format!("    delområden: {}\n", c.sub_areas.join(", ")));
            }
        }
        out.push('\n');
    }
    if !p.signatories.is_empty() {
        out.push_str("Undertecknat av:\n");
        for s in &p.signatories {
            out.push_str(&format!("  {}, {}\n", s.name, s.role));
        }
    }
    if let Some(k) = &p.contact {
        out.push_str(&format!("Kontakt: {k}\n"));
    }
    out.push_str(&format!(
        "\n{} avsnitt, {} löften, {} mål.\n",
        p.sections.len(),
        p.commitment_count(),
        p.sections
            .iter()
            .flat_map(|s| &s.commitments)
            .map(|c| c.targets.len())
            .sum::<usize>()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(count: u32, unit: &str, per_ar: bool, ansvarig: Option<Party>) -> ParsedTarget {
        ParsedTarget {
            count,
            unit: unit.into(),
            per_year: per_ar,
            party: ansvarig,
        }
    }

    #[test]
    fn number_words() {
        let cases = [
            ("en", Some(1)),
            ("ett", Some(1)),
            ("två", Some(2)),
            ("tre", Some(3)),
            ("fyra", Some(4)),
            ("fem", Some(5)),
            ("sex", Some(6)),
            ("sju", Some(7)),
            ("åtta", Some(8)),
            ("nio", Some(9)),
            ("tio", Some(10)),
            ("tolv", Some(12)),
            ("femton", Some(15)),
            ("tjugo", Some(20)),
            ("tjugofem", Some(25)),
            ("trettio", Some(30)),
            ("Trettiotvå", Some(32)),
            ("hundra", Some(100)),
            ("42", Some(42)),
            ("tjugon", None),
            ("fyrkant", None),
            ("", None),
        ];
        for (w, expected) in cases {
            assert_eq!(parse_number(w), expected, "{w}");
        }
    }

    #[test]
    fn targets_table() {
        use Party::*;
        let cases: Vec<(&str, bool, Vec<ParsedTarget>)> = vec![
            (
                "Delta vid minst 4 tillfälle.",
                false,
                vec![t(4, "tillfälle", false, None)],
            ),
            (
                "Genomföra 2 riktade seniorinformationstillfällen per år.",
                false,
                vec![t(2, "riktade seniorinformationstillfällen", true, None)],
            ),
            (
                "Polisen kommer att under 2024 genomföra minst fyra riktade insatser mot A-traktorer.",
                false,
                vec![t(4, "riktade insatser", false, None)],
            ),
            (
                "4 st riktade kampanjer för att sprida information.",
                false,
                vec![t(4, "riktade kampanjer", false, None)],
            ),
            (
                "minimum 2 uppstartsmöte och 1 repetitionsmöte, gemensamt nyhetsbrev 4 gånger per år.",
                false,
                vec![
                    t(2, "uppstartsmöte", false, None),
                    t(1, "repetitionsmöte", false, None),
                    t(4, "nyhetsbrev", true, None),
                ],
            ),
            (
                "Polisen samt kommunen ska genomföra minst åtta riktade insatser var som syftar till",
                true,
                vec![
                    t(8, "riktade insatser", false, Some(Polisen)),
                    t(8, "riktade insatser", false, Some(Kommunen)),
                ],
            ),
            (
                "genomföra minst två uppstartsmöten samt minst två repetitionsträffar gällande grannsamverkan.",
                false,
                vec![
                    t(2, "uppstartsmöten", false, None),
                    t(2, "repetitionsträffar", false, None),
                ],
            ),
            (
                "Arbeta för ett dialogforum mellan seniorer och barn/unga.",
                false,
                vec![],
            ),
            ("Skapa en tydlig ansvarsfördelning.", false, vec![]),
            ("Under 2024 ska arbetet komma igång.", false, vec![]),
            ("Minska brotten med 10% till 2025-12-31.", false, vec![]),
            (
                "Genomföra minst en föräldraföreläsning.",
                false,
                vec![t(1, "föräldraföreläsning", false, None)],
            ),
            (
                "Trygghetsvandringar 3 gånger per år i varje kommundel.",
                false,
                vec![t(3, "trygghetsvandringar", true, None)],
            ),
            (
                "Tolv fotpatruller varje år i centrum.",
                false,
                vec![t(12, "fotpatruller", true, None)],
            ),
            (
                "Påbörja arbetet på två individer.",
                false,
                vec![t(2, "individer", false, None)],
            ),
            ("Öppet 24/7 för tips.", false, vec![]),
        ];
        for (text, both, expected) in cases {
            assert_eq!(parse_targets(text, both), expected, "{text}");
        }
    }

    #[test]
    fn subjects() {
        use Party::*;
        let cases = [
            ("Polisen ska genomföra synlighetsarbete", Some(Polisen)),
            (
                "Polisen ska i samverkan med kommunen genomföra",
                Some(Polisen),
            ),
            ("Sölvesborgs kommun kommer i sin tur skapa", Some(Kommunen)),
            ("Kommunen ska snabbt erbjuda stöd", Some(Kommunen)),
            ("Vi ska gemensamt arbeta", Some(Gemensamt)),
            (
                "Polisen samt Sölvesborgs kommun ska var för sig",
                Some(Gemensamt),
            ),
            ("Kommunen och polisen anordnar gemensamt", Some(Gemensamt)),
            ("Polisen och kommunen samarbetar", Some(Gemensamt)),
            ("Genomföra grannsamverkanutbildning", None),
            ("Ökad polisiär närvaro", None),
        ];
        for (s, expected) in cases {
            assert_eq!(subject_party(s), expected, "{s}");
        }
    }

    #[test]
    fn bullets_of_every_kind() {
        for (line, expected) in [
            ("• Text", Some((0, "Text"))),
            ("- Text", Some((0, "Text"))),
            ("– Text", Some((0, "Text"))),
            ("* Text", Some((0, "Text"))),
            ("o Text", Some((1, "Text"))),
            ("  • Text", Some((0, "Text"))),
            ("      • Text", Some((1, "Text"))),
            ("1. Text", Some((0, "Text"))),
            ("12) Text", Some((0, "Text"))),
            ("2024. Text", None),
            ("Text", None),
            ("-Text", None),
        ] {
            assert_eq!(
                bullet(line),
                expected.map(|(l, t)| (l, t.to_string())),
                "{line}"
            );
        }
    }

    #[test]
    fn sub_areas() {
        assert_eq!(
            parse_sub_areas("Genomföra 3 medborgardialoger i områdena norr, söder och centrum."),
            ["Norr", "Söder", "Centrum"]
        );
        assert!(parse_sub_areas("Genomföra 3 medborgardialoger.").is_empty());
    }

    #[test]
    fn a_small_document() {
        let text = "Sök\n\nMedborgarlöfte 2025 – Exempelby\n\nVi vill öka tryggheten.\n\n\
            Polisen\n\n• Minst 6 fotpatruller per år i centrum.\n• Delta i skolans föräldramöten.\n\n\
            Exempelby kommun\n\n1. Genomföra två trygghetsvandringar.\n2) Förbättra belysningen vid stationen.\n\n\
            Det här gör vi tillsammans\n\n* Genomföra en medborgardialog om året.\n\n\
            Kalle Anka\nKommunstyrelsens ordförande\n\nMusse Pigg\nLokalpolisområdeschef\n";
        let p = parse(text);
        let heads: Vec<_> = p.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            heads,
            ["Polisen", "Exempelby kommun", "Det här gör vi tillsammans"]
        );
        let parties: Vec<Vec<Party>> = p
            .sections
            .iter()
            .map(|s| s.commitments.iter().map(|c| c.party).collect())
            .collect();
        assert_eq!(
            parties,
            [
                vec![Party::Polisen, Party::Polisen],
                vec![Party::Kommunen, Party::Kommunen],
                vec![Party::Gemensamt]
            ]
        );
        assert_eq!(
            p.sections[0].commitments[0].targets,
            [t(6, "fotpatruller", true, None)]
        );
        assert_eq!(
            p.sections[1].commitments[0].targets,
            [t(2, "trygghetsvandringar", false, None)]
        );
        assert!(
            p.sections[2].commitments[0].targets.is_empty(),
            "\"en\" without minst is an article"
        );
        assert_eq!(p.signatories.len(), 2);
        assert_eq!(p.signatories[1].role, "Lokalpolisområdeschef");
        assert!(p.goal.contains("Vi vill öka tryggheten."));
        assert!(p.ignored.contains(&"Sök".to_string()));
    }

    #[test]
    fn nothing_is_lost() {
        // Odd input: prose only, no headings, no bullets.
        let text = "Vi lovar att jobba hårt.\nOch att synas mer.\n\nGRANNSAMVERKAN!!!\n\n12345";
        let p = parse(text);
        let all = format!(
            "{} {} {}",
            p.goal,
            p.ignored.join(" "),
            p.sections
                .iter()
                .flat_map(|s| s.commitments.iter().map(|c| c.text.clone()))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for w in ["jobba", "synas", "GRANNSAMVERKAN", "12345"] {
            assert!(all.contains(w), "{w} lost: {p:?}");
        }
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            "",
            "\n\n",
            "•",
            "- ",
            "1.",
            "o",
            "ÅÄÖ\u{0}\u{7}",
            "🚓🚓",
            "tjugo tjugo tjugo",
            "99999999999999999999 tillfällen",
        ] {
            let _ = parse(s);
            let _ = parse_targets(s, true);
        }
    }
}
