//! Sentences of a löfte, and splitting a text whose sentences promise for different
//! parties ("Polisen ska … Kommunen ansvarar för …") into one löfte each.

use super::parties::{is_promise_sentence, subject_party};
use crate::domain::Party;

/// The sentences of a text: a full stop, then a space and an upper-case letter.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        cur.push(*c);
        let next_upper = chars.get(i + 2).is_some_and(|n| n.is_uppercase());
        if matches!(*c, '.' | '!' | '?') && chars.get(i + 1) == Some(&' ') && next_upper {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Splits a text whose sentences have different subjects into one löfte per subject. A
/// sentence without a subject belongs to the one before; after a joint sentence, a
/// party's sentence is its own löfte only when it promises ("Kommunen ansvarar för …"),
/// not when it tells how ("Polisen bidrar med …" stays with the joint one).
pub(super) fn split_by_subject(text: &str) -> Vec<(String, Option<Party>)> {
    let mut out: Vec<(String, Option<Party>)> = Vec::new();
    for s in sentences(text) {
        let subject = subject_party(&s);
        match out.last_mut() {
            Some((text, Some(prev)))
                if subject.is_none_or(|p| p == *prev)
                    || (*prev == Party::Gemensamt && !is_promise_sentence(&s)) =>
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
