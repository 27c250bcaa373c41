//! Reading the lines of a published text: bullets and numbered lists, tables flattened to
//! text, wrapped lines, headings, site chrome, and the signatures at the end.

use super::parties::party_of_cell;
use crate::domain::Party;

/// A line as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A bullet, with its level (0 top, 1 nested), text and list number if numbered.
    Bullet(u8, String, Option<Numbering>),
    /// A row of a table: what is done, who (the Ansvarig column), the target text (the
    /// Mål column) and the whole row as the löfte's text.
    Row(Row),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub text: String,
    pub party: Option<Party>,
    /// Where the target is read from: the Mål column, else the activity.
    pub target_text: String,
}

/// The number of a list item and its style ("1." / "1)" / "a)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbering {
    pub n: u32,
    pub style: char,
}

/// Splits off a bullet marker: •, -, –, *, o, ●, ▪, "1.", "1)" and "a)".
pub(super) fn bullet(line: &str) -> Option<(u8, String)> {
    bullet_numbered(line).map(|(l, t, _)| (l, t))
}

pub(super) fn bullet_numbered(line: &str) -> Option<(u8, String, Option<Numbering>)> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    for (marker, level) in [
        ("•", 0u8),
        ("●", 0),
        ("▪", 1),
        ("◦", 1),
        ("‣", 0),
        ("■", 0),
        ("➢", 0),
        ("✓", 0),
        ("✔", 0),
        ("·", 0),
        ("\u{f0b7}", 0),
        ("\u{f0a7}", 1),
        ("\u{f076}", 0),
        ("◆", 0),
        ("♦", 0),
        ("►", 0),
        ("▸", 0),
        ("▶", 0),
        ("→", 0),
        ("☐", 0),
        ("□", 0),
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
            return Some((level, rest.to_string(), None));
        }
    }
    // An en dash straight before a capital: "–Genomföra …".
    if let Some(rest) = t.strip_prefix('–')
        && rest.starts_with(char::is_uppercase)
    {
        return Some((0, rest.trim().to_string(), None));
    }
    // Numbered: "1. Text", "2) Text"; lettered: "a) Text".
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let (n, rest) = if !digits.is_empty() && digits.len() <= 2 {
        (digits.parse().ok()?, &t[digits.len()..])
    } else {
        let mut cs = t.chars();
        let c = cs.next()?;
        if !(c.is_ascii_lowercase() && t[1..].starts_with(") ")) {
            return None;
        }
        (u32::from(c) - u32::from('a') + 1, &t[1..])
    };
    let (style, r) = if let Some(r) = rest.strip_prefix(". ") {
        ('.', r)
    } else if let Some(r) = rest.strip_prefix(") ") {
        (if digits.is_empty() { 'a' } else { ')' }, r)
    } else {
        return None;
    };
    let r = r.trim();
    if r.chars().next().is_some_and(char::is_alphabetic) {
        let level = if indent >= 4 { 1 } else { 0 };
        return Some((level, r.to_string(), Some(Numbering { n, style })));
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
    "läs upp",
    "lyssna",
    "innehåll på sidan",
];

pub(super) fn is_chrome(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    is_page_number(&l)
        || CHROME.contains(&l.as_str())
        || l.starts_with("sidan senast uppdaterad")
        || l.starts_with("senast uppdaterad")
        || l.starts_with("publicerad ")
        || l.starts_with("foto:")
}

/// A PDF's page numbers: "1 (2)", "Sida 2 av 3", "- 2 -", "2/3".
fn is_page_number(l: &str) -> bool {
    let rest = l.strip_prefix("sida ").unwrap_or(l);
    let t: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let inner = t.trim_matches(|c| c == '-' || c == '–');
    if let Some((a, b)) = inner.split_once('(') {
        return only(a) && b.strip_suffix(')').is_some_and(only);
    }
    if let Some((a, b)) = inner.split_once("av").or_else(|| inner.split_once('/')) {
        return only(a) && only(b);
    }
    only(inner) && (t != inner || l.starts_with("sida "))
}

/// Headings of background prose: it goes to the målsättning, never to the löften.
pub(super) fn is_background_heading(h: &str) -> bool {
    let l = h.to_lowercase();
    let l = l.trim_end_matches(':').trim();
    [
        "bakgrund",
        "lägesbild",
        "problembild",
        "inledning",
        "om medborgarlöf",
        "vad är ett medborgarlöfte",
        "vad är medborgarlöften",
        "situationen idag",
        "nuläge",
        "så har vi arbetat",
        "så togs",
        "så har löftet",
        "varför",
        "det här har vi gjort",
        "vad har vi gjort",
        "förra årets",
        "resultat",
        "så gick det",
        "fakta",
        "vad är",
    ]
    .iter()
    .any(|k| l.starts_with(k))
}

/// Headings after the löften: follow-up, contact, signatures, "follow us".
pub(super) fn is_trailing_heading(h: &str) -> bool {
    let l = h.to_lowercase();
    [
        "uppföljning",
        "så följer vi upp",
        "så här följer vi upp",
        "så redovisar",
        "kontakt",
        "följ med",
        "följ arbetet",
        "återkoppling",
        "mer information",
        "läs mer",
        "vill du veta mer",
        "frågor",
        "underskrift",
        "undertecknat",
        "undertecknare",
        "ansvariga",
        "kontaktpersoner",
    ]
    .iter()
    .any(|k| l.starts_with(k))
        || ["följa upp", "följs upp", "följer upp"]
            .iter()
            .any(|k| l.contains(k))
}

/// Headings that only mark the start of the löften ("Det här lovar vi").
pub(super) fn is_promise_marker(h: &str) -> bool {
    let l = h.to_lowercase();
    let l = l.trim().trim_end_matches([':', '.', '!']).trim();
    [
        "det här lovar vi",
        "det här ska vi göra",
        "det här gör vi",
        "detta lovar vi",
        "detta ska vi göra",
        "vi lovar",
        "våra löften",
        "våra medborgarlöften",
        "löften",
        "löftena",
        "medborgarlöften",
        "medborgarlöftet",
        "årets medborgarlöfte",
        "åtaganden",
        "våra åtaganden",
        "aktiviteter",
        "insatser",
    ]
    .contains(&l)
}

/// A contact line: "Namn Efternamn, roll", a phone number or an e-mail address.
pub(super) fn is_contact_line(l: &str) -> bool {
    let digits = l.chars().filter(char::is_ascii_digit).count();
    let name_part = l.split(',').next().unwrap_or("");
    digits >= 6 || l.contains('@') || (l.contains(',') && looks_like_name(name_part.trim()))
}

/// Cleans a heading: no numbering, no "Löfte 1:" or "Prioriterat område:", no trailing
/// colon or "genom att".
pub(super) fn heading_text(line: &str) -> String {
    let mut h = strip_numbering(line.trim())
        .trim_end_matches(':')
        .trim()
        .to_string();
    if let Some((label, rest)) = h.split_once([':', '–', '—'])
        && !rest.trim().is_empty()
        && is_heading_label(label)
    {
        h = rest.trim().to_string();
    }
    for suffix in [" genom att", " genom"] {
        if let Some(s) = h.strip_suffix(suffix) {
            h = s.trim().to_string();
        }
    }
    // "TRYGG I CENTRUM" reads as "Trygg i centrum" on the board (a short word in
    // capitals, like "SSPF" or "ANDTS", stays).
    let letters = h.chars().filter(|c| c.is_alphabetic());
    let n = letters.clone().count();
    let words = h.split_whitespace().count();
    if ((words >= 2 && n > 3) || n > 5) && letters.clone().all(char::is_uppercase) {
        h = crate::validate::capitalized(&h.to_lowercase());
    }
    h.trim_end_matches('.').trim().to_string()
}

/// "Löfte 1", "Medborgarlöfte 2", "Prioriterat område", "Fokusområde 3", "Område 1".
pub(super) fn is_heading_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let head = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    [
        "löfte",
        "medborgarlöfte",
        "prioriterat område",
        "prioriterat fokusområde",
        "fokusområde",
        "område",
        "insatsområde",
        "tema",
        "del",
    ]
    .contains(&head.as_str())
}

/// "2.1 Narkotika" → "Narkotika"; "3 Trafik" → "Trafik".
pub(super) fn strip_numbering(line: &str) -> &str {
    let t = line.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    if end == 0 || end > 5 || !t[..end].starts_with(|c: char| c.is_ascii_digit()) {
        return t;
    }
    let rest = &t[end..];
    match rest.strip_prefix(' ') {
        Some(r) if r.starts_with(char::is_uppercase) => r,
        _ => t,
    }
}

pub(super) fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// The cells of a table row: split at bars ("Insats | Ansvarig | Mål", with or without
/// the outer ones), at tabs, or at runs of two or more spaces. Bars and tabs keep empty
/// cells in their columns (a row needs two that are not empty); spaces cannot.
pub(super) fn cells(line: &str) -> Vec<String> {
    let columns: Option<Vec<&str>> = if line.matches('|').count() >= 2 {
        Some(line.trim().trim_matches('|').split('|').collect())
    } else if line.contains('\t') {
        Some(line.split('\t').collect())
    } else {
        None
    };
    if let Some(columns) = columns {
        let parts: Vec<String> = columns.iter().map(|c| c.trim().to_string()).collect();
        return if parts.iter().filter(|c| !c.is_empty()).count() >= 2 {
            parts
        } else {
            Vec::new()
        };
    }
    let parts: Vec<String> = {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut spaces = 0;
        for c in line.trim().chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if spaces >= 2 {
                out.push(std::mem::take(&mut cur));
            } else if spaces == 1 {
                cur.push(' ');
            }
            spaces = 0;
            cur.push(c);
        }
        out.push(cur);
        out
    };
    parts.into_iter().filter(|c| !c.is_empty()).collect()
}

/// Which column is which, from a header row: "Aktivitet | Ansvarig | Mål | Tidsplan".
#[derive(Debug, Clone, Copy)]
struct Columns {
    activity: usize,
    party: Option<usize>,
    target: Option<usize>,
    when: Option<usize>,
}

fn table_header(line: &str) -> Option<Columns> {
    let c = cells(line);
    if c.len() < 2 {
        return None;
    }
    let find = |keys: &[&str]| {
        c.iter().position(|cell| {
            let l = cell.to_lowercase();
            keys.iter().any(|k| l.starts_with(k))
        })
    };
    let activity = find(&[
        "aktivitet",
        "insats",
        "åtgärd",
        "löfte",
        "vad",
        "åtagande",
        "medborgarlöfte",
    ])?;
    let party = find(&["ansvarig", "vem", "part"]);
    let target = find(&["mål", "omfattning", "antal", "mått"]);
    let when = find(&["tidsplan", "när", "tid", "klart"]);
    (party.is_some() || target.is_some()).then_some(Columns {
        activity,
        party,
        target,
        when,
    })
}

fn row(line: &str, cols: Columns) -> Option<Row> {
    let c = cells(line);
    if c.len() < 2 {
        return None;
    }
    let get = |i: Option<usize>| {
        i.and_then(|i| c.get(i))
            .map(String::as_str)
            .filter(|s| !matches!(*s, "-" | "–" | "—"))
            .unwrap_or("")
    };
    let activity = get(Some(cols.activity));
    if activity.is_empty() {
        return None;
    }
    let target = get(cols.target);
    let when = get(cols.when);
    let mut text = activity.trim_end_matches('.').to_string();
    if !target.is_empty() {
        text.push_str(&format!(". Mål: {}", lower_first(target)));
    }
    if !when.is_empty() {
        text.push_str(&format!(". Tidsplan: {}", lower_first(when)));
    }
    text.push('.');
    Some(Row {
        text,
        party: cols
            .party
            .and_then(|i| c.get(i))
            .and_then(|p| party_of_cell(p)),
        target_text: if target.is_empty() {
            activity.to_string()
        } else {
            target.to_string()
        },
    })
}

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Joins wrapped lines (a line that does not start a bullet, heading or paragraph and
/// follows one without closing punctuation, or an indented line under a bullet,
/// continues it), reads tables and classifies each line.
pub(super) fn read_lines(lines: &[String]) -> Vec<Kind> {
    let lines = fold_tables(lines);
    let mut out: Vec<Kind> = Vec::new();
    let mut prev_blank = true;
    let mut table: Option<Columns> = None;
    // The line before was "Ansvarig: …" or "Mål: …" joined to its paragraph.
    let mut last_was_field = false;
    for raw in &lines {
        let line = raw.replace('\u{a0}', " ");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        if let Some(cols) = table {
            if let Some(r) = row(&line, cols) {
                out.push(Kind::Row(r));
                prev_blank = false;
                continue;
            }
            table = None;
        }
        if let Some(cols) = table_header(&line) {
            table = Some(cols);
            prev_blank = false;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let is_bullet = bullet(&line).is_some();
        // "Ansvarig: kommunen" or "Mål: 4 tillfällen" on the line under a bullet belongs
        // to it.
        let field_line = trimmed
            .split_once(':')
            .is_some_and(|(label, _)| matches!(column_of(label), Some(1..=3)));
        let continues = !prev_blank
            && !is_bullet
            && match out.last() {
                Some(Kind::Bullet(_, p, num)) => {
                    // "1. Ökad trygghet i centrum" over a sentence is a numbered heading
                    // and its text, not one wrapped line.
                    let heading_over_text = num.is_some()
                        && p.split_whitespace().count() <= 8
                        && trimmed.starts_with(char::is_uppercase)
                        && trimmed.split_whitespace().count() >= 6;
                    // "• Trafik" over "Polisen genomför …": a topic and its löfte.
                    let topic_over_text = is_topic(p)
                        && trimmed.starts_with(char::is_uppercase)
                        && trimmed.split_whitespace().count() >= 5;
                    indented
                        || field_line
                        || (!p.ends_with(['.', '!', '?', ':'])
                            && !trimmed.ends_with(':')
                            && !heading_over_text
                            && !topic_over_text)
                }
                Some(Kind::Text(p)) => {
                    // "Ansvarig: Kommunen" under a paragraph that promises belongs to it
                    // (not under a heading: that line is then the heading's own).
                    (field_line && (p.ends_with(['.', '!']) || last_was_field))
                        // "… trygghetsvandringar i" / "Solbacken och …": a line that
                        // stops on a small word goes on on the next, whatever its case.
                        || ends_on_small_word(p)
                        || !p.ends_with(['.', '!', '?', ':'])
                            && trimmed
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_lowercase() || c == '(')
                }
                _ => false,
            };
        last_was_field = continues && field_line;
        if continues {
            match out.last_mut() {
                Some(Kind::Bullet(_, t, _)) | Some(Kind::Text(t)) => {
                    t.push(' ');
                    t.push_str(trimmed);
                }
                _ => {}
            }
        } else if let Some((level, t, num)) = bullet_numbered(&line) {
            out.push(Kind::Bullet(level, t, num));
        } else {
            out.push(Kind::Text(trimmed.to_string()));
        }
        prev_blank = false;
    }
    numbered_headings(out)
}

fn ends_on_small_word(p: &str) -> bool {
    p.split_whitespace().last().is_some_and(|w| {
        [
            "i", "och", "att", "med", "för", "på", "till", "av", "om", "som", "samt", "eller",
            "mot", "vid", "under", "från", "en", "ett", "de", "den", "det",
        ]
        .contains(&w)
    })
}

/// A few words without closing punctuation: what a topic heading looks like ("Trafik",
/// "Ungas trygghet").
fn is_topic(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=3).contains(&words)
        && t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', '!', '?', ',', ';', ':'])
        && !ends_on_small_word(t)
}

/// A paragraph of its own: a sentence of some length (perhaps with an "Ansvarig: …" line
/// joined to it).
fn is_paragraph(t: &str) -> bool {
    t.split_whitespace().count() >= 5 && (t.ends_with(['.', '!']) || t.contains(". "))
}

/// "1. Trygg trafikmiljö" over a list is a heading, not a list item: short, no full stop,
/// and not followed or preceded by the next or previous number of its own list. A bullet
/// glyph before a topic with its löfte as the paragraph under it ("• Synlighet" / "Polisen
/// ska …") is a heading too — unless it ends a list of such bullets.
fn numbered_headings(mut kinds: Vec<Kind>) -> Vec<Kind> {
    for i in 0..kinds.len() {
        let topic = match &kinds[i] {
            Kind::Bullet(_, text, None) if is_topic(text) => text.clone(),
            _ => continue,
        };
        let after_list = i > 0 && matches!(kinds[i - 1], Kind::Bullet(..));
        let over_paragraph = matches!(kinds.get(i + 1), Some(Kind::Text(t)) if is_paragraph(t));
        if over_paragraph && !after_list {
            kinds[i] = Kind::Text(topic);
        }
    }
    let num_of = |k: Option<&Kind>| match k {
        Some(Kind::Bullet(_, _, Some(n))) => Some(*n),
        _ => None,
    };
    for i in 0..kinds.len() {
        let Kind::Bullet(0, text, Some(num)) = &kinds[i] else {
            continue;
        };
        let words = text.split_whitespace().count();
        let short = words <= 8 && !text.ends_with(['.', '!', '?', ',', ';']);
        let prev = i.checked_sub(1).and_then(|p| num_of(kinds.get(p)));
        let next = num_of(kinds.get(i + 1));
        let in_list = prev.is_some_and(|p| p.style == num.style && p.n + 1 == num.n)
            || next.is_some_and(|n| n.style == num.style && n.n == num.n + 1);
        let followed = matches!(
            kinds.get(i + 1),
            Some(Kind::Bullet(..)) | Some(Kind::Row(..)) | Some(Kind::Text(_))
        ) && !matches!(kinds.get(i + 1), Some(Kind::Text(t)) if t.split_whitespace().count() <= 8 && !t.ends_with('.'));
        if short && !in_list && followed && text.starts_with(char::is_uppercase) {
            kinds[i] = Kind::Text(text.clone());
        }
    }
    kinds
}

/// Which column a header cell names: 0 activity, 1 ansvarig, 2 mål, 3 tidsplan.
fn column_of(cell: &str) -> Option<usize> {
    let l = cell.trim().trim_end_matches(':').trim().to_lowercase();
    if l.split_whitespace().count() > 2 {
        return None;
    }
    let is = |keys: &[&str]| {
        keys.iter()
            .any(|k| l == *k || l.starts_with(&format!("{k} ")))
    };
    if is(&[
        "aktivitet",
        "aktiviteter",
        "insats",
        "insatser",
        "åtgärd",
        "åtgärder",
        "löfte",
        "löften",
        "vad",
        "åtagande",
    ]) {
        Some(0)
    } else if is(&["ansvarig", "ansvariga", "vem", "ansvar"]) {
        Some(1)
    } else if is(&["mål", "omfattning", "antal", "målvärde"]) {
        Some(2)
    } else if is(&["tidsplan", "när", "tid", "klart", "period"]) {
        Some(3)
    } else {
        None
    }
}

/// Tables that lost their layout when copied out of a PDF or Word file, rewritten as
/// tab-separated rows under a header:
/// - one cell per line: a run of header cells ("Aktivitet", "Ansvarig", "Mål"), then the
///   cells row by row (read while the Ansvarig cell names a party);
/// - records of "Aktivitet: …" / "Ansvarig: …" / "Mål: …" lines.
fn fold_tables(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut k = 0;
    while k < non_blank.len() {
        let i = non_blank[k];
        // One cell per line.
        let mut cols: Vec<usize> = Vec::new();
        while k + cols.len() < non_blank.len() {
            match column_of(&lines[non_blank[k + cols.len()]]) {
                Some(c)
                    if !cols.contains(&c) && !lines[non_blank[k + cols.len()]].contains(':') =>
                {
                    cols.push(c)
                }
                _ => break,
            }
        }
        if cols.len() >= 2 && cols.contains(&0) && cols.contains(&1) {
            let n = cols.len();
            let party_at = cols.iter().position(|c| *c == 1).unwrap_or(0);
            let mut rows: Vec<String> = Vec::new();
            let mut r = k + n;
            while r + n <= non_blank.len() {
                let cells: Vec<&str> = (0..n).map(|c| lines[non_blank[r + c]].trim()).collect();
                if party_of_cell(cells[party_at]).is_none()
                    || cells.iter().any(|c| bullet(c).is_some())
                {
                    break;
                }
                rows.push(cells.join("\t"));
                r += n;
            }
            if !rows.is_empty() {
                let header: Vec<&str> = (0..n).map(|c| lines[non_blank[k + c]].trim()).collect();
                out.push(String::new());
                out.push(header.join("\t"));
                out.extend(rows);
                out.push(String::new());
                k = r;
                continue;
            }
        }
        // "Aktivitet: …" records.
        let field = |line: &str| -> Option<(usize, String)> {
            let (label, value) = line.split_once(':')?;
            let c = column_of(label)?;
            let v = value.trim();
            (!v.is_empty()).then(|| (c, v.to_string()))
        };
        if let Some((0, _)) = field(&lines[i]) {
            let mut records: Vec<[String; 4]> = Vec::new();
            let mut r = k;
            while r < non_blank.len() {
                match field(&lines[non_blank[r]]) {
                    Some((0, v)) => {
                        let mut rec: [String; 4] = Default::default();
                        rec[0] = v;
                        records.push(rec);
                    }
                    Some((c, v)) if !records.is_empty() => {
                        if let Some(last) = records.last_mut() {
                            last[c] = v;
                        }
                    }
                    _ => break,
                }
                r += 1;
            }
            // A record says who or how much; a lone "Aktivitet:" line is left as it is.
            if records
                .iter()
                .any(|rec| !rec[1].is_empty() || !rec[2].is_empty())
            {
                out.push(String::new());
                out.push("Aktivitet\tAnsvarig\tMål\tTidsplan".to_string());
                for rec in records {
                    let cells: Vec<&str> = rec
                        .iter()
                        .map(|c| if c.is_empty() { "-" } else { c.as_str() })
                        .collect();
                    out.push(cells.join("\t"));
                }
                out.push(String::new());
                k = r;
                continue;
            }
        }
        // Blank lines before this one are kept (they separate paragraphs).
        let prev = if k == 0 { 0 } else { non_blank[k - 1] + 1 };
        out.extend(lines[prev..i].iter().cloned());
        out.push(lines[i].clone());
        k += 1;
    }
    out
}
