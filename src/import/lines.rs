//! Reading the lines of a published text: bullets, headings, site chrome, names and
//! roles, and who (polisen, kommunen or both) a sentence or heading speaks of.

use super::bare;
use crate::domain::Party;

pub(super) fn mentions_police(s: &str) -> bool {
    s.contains("polis")
}

pub(super) fn mentions_kommun(s: &str) -> bool {
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
pub(super) fn heading_party(heading: &str) -> Option<Party> {
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
pub(super) enum Kind {
    /// A bullet, with its level (0 top, 1 nested) and text.
    Bullet(u8, String),
    Text(String),
}

/// Splits off a bullet marker: •, -, –, *, o, ●, ▪, "1." and "1)".
pub(super) fn bullet(line: &str) -> Option<(u8, String)> {
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
pub(super) const CHROME: &[&str] = &[
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

pub(super) fn is_chrome(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    CHROME.contains(&l.as_str())
        || l.starts_with("sidan senast uppdaterad")
        || l.starts_with("foto:")
}

/// Headings whose bullets describe the purpose, not promises.
pub(super) fn is_goal_heading(h: &str) -> bool {
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
pub(super) fn is_trailing_heading(h: &str) -> bool {
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
pub(super) fn is_promise_marker(h: &str) -> bool {
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
pub(super) fn is_contact_line(l: &str) -> bool {
    let digits = l.chars().filter(char::is_ascii_digit).count();
    let name_part = l.split(',').next().unwrap_or("");
    digits >= 6 || l.contains('@') || (l.contains(',') && looks_like_name(name_part.trim()))
}

/// A line stating who promises for what follows ("Bromölla kommun och polisen ska
/// gemensamt:").
pub(super) fn declaration_party(line: &str) -> Option<Party> {
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
pub(super) fn heading_text(line: &str) -> String {
    let mut h = line.trim().trim_end_matches(':').trim().to_string();
    for suffix in [" genom att", " genom"] {
        if let Some(s) = h.strip_suffix(suffix) {
            h = s.trim().to_string();
        }
    }
    h.trim_end_matches('.').trim().to_string()
}

pub(super) fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

pub(super) const ROLE_WORDS: &[&str] = &[
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

pub(super) fn looks_like_role(line: &str) -> bool {
    let l = line.to_lowercase();
    line.split_whitespace().count() <= 8 && ROLE_WORDS.iter().any(|r| l.contains(r))
}

/// Joins wrapped lines: a line that does not start a bullet, heading or paragraph and
/// follows a line without closing punctuation continues it.
pub(super) fn logical_lines(text: &str) -> Vec<String> {
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
pub(super) fn split_by_subject(text: &str) -> Vec<(String, Option<Party>)> {
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
