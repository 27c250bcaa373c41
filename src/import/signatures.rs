//! The signatures at the end of a medborgarlöfte: names with their roles, and the place
//! and date of signing.

use super::lines::{bullet, cells, looks_like_name};
use crate::domain::charts::MONTH_NAMES;

pub(super) const ROLE_WORDS: &[&str] = &[
    "chef",
    "kommunalråd",
    "ordförande",
    "ordf",
    "kommunpolis",
    "polis",
    "direktör",
    "kommundirektör",
    "kommunchef",
    "polisområdeschef",
    "säkerhetsskyddschef",
    "samordnare",
    "kommunstyrelsens",
    "kommunstyrelsen",
    "lokalpolisområde",
    "kommunråd",
    "oppositionsråd",
];

pub(super) fn looks_like_role(line: &str) -> bool {
    let l = line.to_lowercase();
    line.split_whitespace().count() <= 8
        && ROLE_WORDS.iter().any(|r| l.contains(r))
        && !l.contains('@')
        && l.chars().filter(char::is_ascii_digit).count() < 4
}

fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// "Hallby den 15 januari 2026", "Norrvik 2026-01-28", "Ort och datum".
pub(super) fn is_place_and_date(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 || !words[0].starts_with(char::is_uppercase) {
        return false;
    }
    let lower = line.to_lowercase();
    if lower.starts_with("ort och datum") {
        return true;
    }
    // The place: one to three capitalised words before "den" or the date.
    let place = words
        .iter()
        .take_while(|w| **w != "den" && !w.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    if place == 0
        || place > 3
        || !words[..place]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return false;
    }
    let last = words[words.len() - 1].trim_end_matches('.');
    let year = last.len() == 4 && last.chars().all(|c| c.is_ascii_digit());
    (year && MONTH_NAMES.iter().any(|m| lower.contains(m))) || is_iso_date(last)
}

/// The signatures at the end of a text: name and role on two lines or "Namn, roll" on
/// one, a place-and-date line, an "Underskrifter" heading, "För polisen". Returns the
/// signatories in order and the place-and-date line; `lines` keeps what came before.
pub(super) fn take_signatures(lines: &mut Vec<String>) -> (Vec<(String, String)>, Option<String>) {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut signed = None;
    loop {
        let n = lines.len();
        if n == 0 {
            break;
        }
        let last = lines[n - 1].trim().to_string();
        let lower = last.to_lowercase();
        if is_place_and_date(&last) && signed.is_none() {
            signed = Some(last);
            lines.pop();
            continue;
        }
        if !found.is_empty()
            && ([
                "underskrifter",
                "undertecknare",
                "undertecknat",
                "underskrift",
            ]
            .contains(&lower.trim_end_matches(':'))
                || lower.starts_with("för polisen")
                || lower.starts_with("för kommunen")
                || (lower.starts_with("för ") && lower.ends_with(" kommun")))
        {
            lines.pop();
            continue;
        }
        if n >= 2 {
            let above = lines[n - 2].trim().to_string();
            // Side by side, as a PDF lays out two signatures: names on one line, roles on
            // the next, in columns.
            let nonempty = |l: &str| -> Vec<String> {
                cells(l).into_iter().filter(|c| !c.is_empty()).collect()
            };
            let (names, roles) = (nonempty(&above), nonempty(&last));
            if names.len() >= 2
                && names.len() == roles.len()
                && names.iter().all(|c| looks_like_name(c))
                && roles.iter().all(|c| looks_like_role(c))
            {
                for (name, role) in names.into_iter().zip(roles).rev() {
                    found.insert(0, (name, role));
                }
                lines.truncate(n - 2);
                continue;
            }
            if bullet(&above).is_none() && looks_like_name(&above) && looks_like_role(&last) {
                found.insert(0, (above, last));
                lines.truncate(n - 2);
                continue;
            }
            // The role above the name ("Kommunstyrelsens ordförande" / "Anna Berg").
            if looks_like_role(&above) && looks_like_name(&last) && !looks_like_name(&above) {
                found.insert(0, (last, above));
                lines.truncate(n - 2);
                continue;
            }
        }
        if let Some((name, role)) = last.split_once(',')
            && looks_like_name(name.trim())
            && looks_like_role(role.trim())
        {
            found.insert(0, (name.trim().to_string(), role.trim().to_string()));
            lines.pop();
            continue;
        }
        break;
    }
    (found, signed)
}
