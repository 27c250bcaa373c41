//! Who promises: the subject of a sentence, a party heading, a declaration line
//! ("Polisen åtar sig att:"), and — when nothing says — a guess that is marked unclear.

use super::bare;
use crate::domain::Party;

pub(super) fn mentions_police(s: &str) -> bool {
    s.contains("polis")
}

pub(super) fn mentions_kommun(s: &str) -> bool {
    s.contains("kommun")
}

/// Kommunal units that act for the kommun when they are a sentence's subject.
const KOMMUN_UNITS: &[&str] = &[
    "socialtjänsten",
    "fältgruppen",
    "fältassistenterna",
    "fältsekreterarna",
    "skolan",
    "skolorna",
    "fritidsgården",
    "fritidsförvaltningen",
    "räddningstjänsten",
    "trygghetsvärdarna",
    "kommunens",
];

/// Police units that act for the police.
const POLICE_UNITS: &[&str] = &[
    "polisen",
    "polismyndigheten",
    "lokalpolisområdet",
    "lokalpolisen",
    "kommunpolisen",
    "områdespolisen",
    "områdespoliserna",
    "polisens",
];

/// Words a Swedish sentence can open with before its verb, so that the subject follows
/// the verb ("Under 2026 kommer polisen att …", "Därför genomför kommunen …").
const OPENERS: &[&str] = &[
    "under", "i", "på", "varje", "därför", "dessutom", "inför", "efter", "vid", "från", "genom",
    "nu", "också", "sedan", "redan", "för", "senast", "hösten", "våren", "sommaren", "vintern",
    "här", "där", "även", "med",
];

/// "tillsammans med …", "i samverkan med …": a partner named before the verb is not the
/// subject ("Att tillsammans med plan- och byggenheten se över …").
fn partner_phrase(words: &[String]) -> bool {
    match words {
        [a, b, ..] if (a == "tillsammans" || a == "gemensamt") && b == "med" => true,
        [a, b, c, ..] => {
            a == "i" && matches!(b.as_str(), "samverkan" | "samarbete" | "samråd") && c == "med"
        }
        _ => false,
    }
}

/// A finite verb that can stand before an inverted subject.
fn finite_verb(w: &str) -> bool {
    PROMISE_VERBS.contains(&w)
        || matches!(w, "finns" | "är" | "blir")
        || (w.ends_with('r') && w.chars().count() > 3 && !REPORTING_VERBS.contains(&w))
}

/// The subject of a sentence, when it names a party: "Polisen …", "Sölvesborgs kommun …",
/// "Vi ska gemensamt …", "Polisen samt kommunen …", "Båda parter …", and after an opening
/// phrase and the verb: "Under 2026 kommer polisen att …", "Därför bjuder vi in …".
pub fn subject_party(sentence: &str) -> Option<Party> {
    let mut words: Vec<String> = sentence
        .split_whitespace()
        .take(14)
        .map(|w| bare(w).to_lowercase())
        .collect();
    if words.first().is_some_and(|w| w == "att") {
        words.remove(0);
    }
    let partner = partner_phrase(&words);
    if !partner && let Some(p) = leading_subject(&words) {
        return Some(p);
    }
    if !(partner || words.first().is_some_and(|w| OPENERS.contains(&w.as_str()))) {
        return None;
    }
    // The verb within the first words, and the party right after it.
    (1..words.len().min(7))
        .find(|&k| finite_verb(&words[k]))
        .and_then(|k| leading_subject(&words[k + 1..]))
}

/// The party the words begin with, if any.
fn leading_subject(words: &[String]) -> Option<Party> {
    let words = &words[..words.len().min(6)];
    let first = words.first()?;
    let head = words.join(" ");
    let names_kommun =
        |s: &str| mentions_kommun(s) || KOMMUN_UNITS.iter().any(|u| s.split(' ').any(|w| w == *u));
    let joined_both = words.iter().any(|w| w == "och" || w == "samt")
        && mentions_police(&head)
        && names_kommun(&head)
        && words
            .iter()
            .take(5)
            .position(|w| w == "ska" || w == "kommer")
            .is_none_or(|p| {
                let before = words[..p].join(" ");
                mentions_police(&before) && names_kommun(&before)
            });
    if joined_both
        || first == "vi"
        || first == "tillsammans"
        || first == "parterna"
        || (first == "båda" && words.get(1).is_some_and(|w| w.starts_with("part")))
        || (first == "i" && words.get(1).is_some_and(|w| w == "samverkan"))
    {
        return Some(Party::Gemensamt);
    }
    if POLICE_UNITS.contains(&first.as_str()) && !(first == "polisens" && joined_both) {
        return Some(Party::Polisen);
    }
    if first == "kommunen"
        || (words.len() > 1 && words[1] == "kommun")
        || KOMMUN_UNITS.contains(&first.as_str())
    {
        return Some(Party::Kommunen);
    }
    None
}

/// The party a heading stands for: "Polisen", "Polisens åtaganden", "Olofströms kommun",
/// "… tillsammans", "Gemensamma åtaganden".
pub(super) fn heading_party(heading: &str) -> Option<Party> {
    if let Some(p) = labelled_party(heading) {
        return Some(p);
    }
    let l = heading.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    if l.contains("tillsammans") || l.contains("gemensam") {
        return Some(Party::Gemensamt);
    }
    // "Åtgärder kommunen", "Insatser från polisen", "Aktiviteter – Polisen": the party
    // after the noun of what is listed.
    if let Some(rest) = listing_rest(&words) {
        return party_of_cell(&rest);
    }
    if words.len() <= 3 {
        let first = words.first().copied().unwrap_or("");
        if first == "polisen" || first == "polisens" || l == "polis" {
            return Some(Party::Polisen);
        }
        if first == "kommunen" || first == "kommunens" || words.last() == Some(&"kommun") {
            return Some(Party::Kommunen);
        }
    }
    None
}

/// Nouns of a heading over what a party does: "Åtgärder kommunen", "Insatser från polisen".
pub(super) const LISTING_NOUNS: &[&str] = &[
    "åtgärder",
    "insatser",
    "aktiviteter",
    "åtaganden",
    "löften",
    "uppdrag",
];

/// The words after a listing noun that may name the party ("från polisen" → "polisen"),
/// for a heading of at most five words (lower case, split).
fn listing_rest(words: &[&str]) -> Option<String> {
    let (first, rest) = words.split_first()?;
    if words.len() > 5 || !LISTING_NOUNS.contains(&bare(first).as_str()) {
        return None;
    }
    let rest: Vec<String> = rest
        .iter()
        .map(|w| bare(w))
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "från" | "av" | "för" | "-" | "–"))
        .collect();
    (!rest.is_empty()).then(|| rest.join(" "))
}

/// A heading over a list of what is done, whether or not it names the party: "Åtgärder
/// kommunen", "Insatser från polisen", "Polisens åtaganden", "Kommunen".
pub(super) fn is_listing_heading(heading: &str) -> bool {
    let l = heading.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    let party_word = |(i, w): (usize, &&str)| {
        let w = bare(w);
        matches!(
            w.as_str(),
            "polisen" | "polisens" | "kommunen" | "kommunens" | "kommun" | "gemensamt"
                | "gemensamma" | "tillsammans"
        ) || LISTING_NOUNS.contains(&w.as_str())
            // "Vimby kommun": the name before it.
            || words.get(i + 1) == Some(&"kommun")
    };
    listing_rest(&words).is_some_and(|r| party_of_cell(&r).is_some())
        || (words.len() <= 3
            && heading_party(heading).is_some()
            && words.iter().enumerate().all(party_word))
}

/// Verbs that make a sentence a promise when a party is its subject.
const PROMISE_VERBS: &[&str] = &[
    "ska",
    "skall",
    "lovar",
    "åtar",
    "kommer",
    "ansvarar",
    "genomför",
    "erbjuder",
    "arbetar",
    "anordnar",
    "verkar",
    "bjuder",
    "fortsätter",
    "utvecklar",
    "startar",
    "inför",
    "deltar",
    "tar",
    "gör",
];

/// Verbs in the present that tell or describe rather than promise ("Polisen ser att …",
/// "Kommunen upplever …"), and words that only look like them.
const REPORTING_VERBS: &[&str] = &[
    "har",
    "hade",
    "över",
    "efter",
    "under",
    "ser",
    "upplever",
    "märker",
    "noterar",
    "konstaterar",
    "bedömer",
    "tror",
    "menar",
    "anser",
    "kan",
    "vill",
    "behöver",
    "får",
    "finner",
    "uppger",
    "rapporterar",
    "beskriver",
    "visar",
    "saknar",
];

/// A sentence that promises something: a party (or "vi") as subject and a promising verb
/// ("Polisen ska …", "Kommunen lovar att …", "Vi genomför …"). Reports of what was done
/// ("har genomfört", "genomfördes") are not promises.
pub(super) fn is_promise_sentence(s: &str) -> bool {
    if subject_party(s).is_none() {
        return false;
    }
    let words: Vec<String> = s
        .split_whitespace()
        .take(10)
        .map(|w| bare(w).to_lowercase())
        .collect();
    let lower = s.to_lowercase();
    // A verb in the present right after the subject: "Polisen informerar …", "Kommunen
    // bygger om …" (a verb of the kind "-r"; "har" tells what was done).
    // "Polisen", "Polisen och kommunen", "Kommunens fältgrupp" (a genitive and its noun).
    let genitive = words
        .first()
        .is_some_and(|w| w == "kommunens" || w == "polisens");
    let mut subject_len = if genitive { 2 } else { 1 };
    // "Polisen och kommunen", "Polisen och Runneby kommun": the second party right after
    // the first ("och" further on joins something else).
    if words
        .get(subject_len)
        .is_some_and(|w| w == "och" || w == "samt")
    {
        subject_len += 2;
        if words.get(subject_len).is_some_and(|w| w == "kommun") {
            subject_len += 1;
        }
    }
    // Only for a named party: "Vi väljer att kalla dem …" tells, it does not promise.
    let named = !matches!(
        words.first().map(String::as_str),
        Some("vi" | "tillsammans")
    );
    let present = named
        && words.get(subject_len).is_some_and(|w| {
            // "har" as the main verb ("Polisen har en kontaktpolis …"); see `perfect`.
            w == "har"
                || (w.ends_with('r')
                    && w.chars().count() > 3
                    && !REPORTING_VERBS.contains(&w.as_str()))
        })
        || words.get(1).is_some_and(|w| {
            w == "kommun"
                && words
                    .get(2)
                    .is_some_and(|v| v.ends_with('r') && !REPORTING_VERBS.contains(&v.as_str()))
        });
    // "har genomfört", "har sedan 2020 jobbat": what was done. "Polisen har en
    // kontaktpolis …" is what there will be.
    let perfect = perfect_tense(&words);
    // "Kommunen vill att fler ska …": the subject's own verb tells or wishes.
    let telling = words
        .get(subject_len)
        .is_some_and(|w| REPORTING_VERBS.contains(&w.as_str()) && w != "har");
    lower.contains("överens om att")
        || lower.contains("enats om att")
        || (!telling && present && !perfect)
        || (!telling && !perfect && words.iter().any(|w| PROMISE_VERBS.contains(&w.as_str())))
}

/// "har genomfört", "har många boende berättat": a verb in the perfect among `words`
/// (lower case, bare) — what was done or said, not what will be.
fn perfect_tense(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        (w == "har" || w == "hade")
            && words.iter().skip(i + 1).take(3).any(|v| {
                v.ends_with('t')
                    && v.chars().count() >= 4
                    && !matches!(v.as_str(), "minst" | "mest" | "just" | "först" | "sist")
            })
    })
}

/// A sentence that tells what was done or seen ("I Västra området har många boende
/// berättat …", "Polisen ser att …"): background, never a löfte.
pub(super) fn tells(s: &str) -> bool {
    let words: Vec<String> = s
        .split_whitespace()
        .take(10)
        .map(|w| bare(w).to_lowercase())
        .collect();
    perfect_tense(&words)
        || (subject_party(s).is_some()
            && words
                .get(1)
                .is_some_and(|w| REPORTING_VERBS.contains(&w.as_str()) && w != "har"))
}

/// A line that states who promises what follows: "Polisen åtar sig att:", "Kommunen
/// lovar:", "Tillsammans ska vi:", "Bromölla kommun och polisen ska gemensamt:". The
/// party and the words for it (the avsnitt's title when bullets follow).
pub(super) fn declaration(line: &str) -> Option<(Party, String)> {
    let t = line.trim();
    let l = t.to_lowercase();
    if !l.ends_with(':') || l.split_whitespace().count() > 12 || super::rules::is_goal_heading(t) {
        return None;
    }
    let words: Vec<String> = l.split_whitespace().map(bare).collect();
    let verb = words.iter().position(|w| {
        matches!(
            w.as_str(),
            "ska" | "skall" | "lovar" | "åtar" | "kommer" | "ansvarar" | "gör" | "genomför"
        )
    })?;
    let both = (mentions_police(&l) && mentions_kommun(&l))
        || l.contains("gemensam")
        || l.contains("tillsammans")
        || words.iter().any(|w| w == "vi" || w == "parterna");
    let party = if both {
        Party::Gemensamt
    } else if mentions_police(&l) {
        Party::Polisen
    } else if mentions_kommun(&l) {
        Party::Kommunen
    } else {
        return None;
    };
    // The words before the verb name the party ("Polisen", "Tillsammans"); "Det här gör
    // polisen:" has none, so the party's own name stands.
    let original: Vec<&str> = t.trim_end_matches(':').split_whitespace().collect();
    let before = original[..verb.min(original.len())].join(" ");
    let names_it = {
        let b = before.to_lowercase();
        mentions_police(&b)
            || mentions_kommun(&b)
            || b.contains("tillsammans")
            || b.contains("gemensam")
            || b.contains("båda")
            || b.contains("parterna")
            || b == "vi"
    };
    let det_har = {
        let l = before.to_lowercase();
        l == "det här" || l == "detta" || l == "här"
    };
    // "Under 2025 kommer polisen och kommunen att:" names them after the verb.
    let named_later = mentions_police(&l) || mentions_kommun(&l);
    if !names_it && !det_har && !named_later {
        return None;
    }
    let title = if names_it && before != "Vi" {
        before
    } else {
        match party {
            Party::Gemensamt => "Tillsammans".to_string(),
            p => p.label().to_string(),
        }
    };
    Some((party, title))
}

/// Words of police work and of kommunal work, for a guess when nothing else says who.
const POLICE_WORK: &[&str] = &[
    "polisiär",
    "trafikkontroll",
    "hastighetskontroll",
    "nykterhetskontroll",
    "fotpatrull",
    "patrull",
    "ingripande",
    "narkotikakontroll",
    "spaning",
    "kontroller av",
    "lagföring",
    "beivra",
];
const KOMMUN_WORK: &[&str] = &[
    "belysning",
    "röjning",
    "röja",
    "buskage",
    "klotter",
    "sanering",
    "fritidsgård",
    "fältassist",
    "fältgrupp",
    "socialtjänst",
    "föräldraskapsstöd",
    "föräldrastöd",
    "fritidsaktivitet",
    "gatubelysning",
    "städning",
    "nedskräpning",
    "bibliotek",
    "detaljplan",
    "kameraövervakning",
];

/// Who a löfte belongs to when neither its words nor its heading say: "i samverkan med
/// polisen" (the kommun leads), "i samverkan" or "gemensamma" (both), the party it
/// mentions first, the kind of work. `certain` is false for the last two.
pub(super) fn party_from_text(text: &str) -> (Party, bool) {
    let lower = text.to_lowercase();
    if lower.contains("i samverkan med polisen") {
        return (Party::Kommunen, true);
    }
    if lower.contains("i samverkan med kommunen") {
        return (Party::Polisen, true);
    }
    let words: Vec<String> = lower.split_whitespace().map(bare).collect();
    if lower.contains("i samverkan")
        || lower.contains("tillsammans med polisen")
        || lower.contains("tillsammans med kommunen")
        || words
            .iter()
            .any(|w| w == "vi" || w == "gemensamt" || w == "gemensamma")
    {
        return (Party::Gemensamt, true);
    }
    let mentioned = match (lower.find("polis"), lower.find("kommun")) {
        (Some(_), None) => Some(Party::Polisen),
        (None, Some(_)) => Some(Party::Kommunen),
        (Some(p), Some(k)) if p < k => Some(Party::Polisen),
        (Some(_), Some(_)) => Some(Party::Kommunen),
        _ => None,
    };
    if let Some(p) = mentioned {
        return (p, false);
    }
    let police = POLICE_WORK.iter().any(|w| lower.contains(w));
    let kommun = KOMMUN_WORK.iter().any(|w| lower.contains(w));
    match (police, kommun) {
        (true, false) => (Party::Polisen, false),
        (false, true) => (Party::Kommunen, false),
        _ => (Party::Gemensamt, false),
    }
}

/// An ansvarig the text names outright: "… Ansvarig: kommunen.", "… (Polisen)".
pub(super) fn labelled_party(text: &str) -> Option<Party> {
    let lower = text.to_lowercase();
    for key in ["ansvarig:", "ansvar:", "ansvariga:", "ansvarig part:"] {
        if let Some(pos) = lower.rfind(key) {
            let rest: String = lower[pos + key.len()..].chars().take(40).collect();
            return party_of_cell(rest.split(['.', ';']).next().unwrap_or(""));
        }
    }
    let t = lower.trim_end_matches(['.', ' ']);
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
    {
        let inner = &t[open + 1..t.len() - 1];
        if inner.split_whitespace().count() <= 4
            && ["polis", "kommun", "gemensamt", "båda"]
                .iter()
                .any(|w| inner.starts_with(w))
        {
            return party_of_cell(inner);
        }
    }
    None
}

/// A party named in a table's Ansvarig column: "Polisen", "Kommunen (socialtjänsten)",
/// "Kommunen och polisen", "Gemensamt", "Båda".
pub(super) fn party_of_cell(cell: &str) -> Option<Party> {
    let l = cell.to_lowercase();
    let police = mentions_police(&l);
    let kommun = mentions_kommun(&l)
        || KOMMUN_UNITS
            .iter()
            .any(|u| l.contains(u.trim_end_matches("en")));
    if (police && kommun)
        || l.contains("gemensam")
        || l.contains("båda")
        || l.contains("alla")
        || l.contains("tillsammans")
    {
        Some(Party::Gemensamt)
    } else if police {
        Some(Party::Polisen)
    } else if kommun {
        Some(Party::Kommunen)
    } else {
        None
    }
}
