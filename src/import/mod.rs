//! Import of a published medborgarlöfte text: headings become avsnitt, bullet lines become
//! löften, ansvarig is read from the context and numeric targets are parsed (digits and
//! Swedish number words). Built for the genre, not for particular files: whatever it
//! cannot interpret is kept (as a löfte without target, goal text or an ignored line the
//! user can see), never dropped silently and never an error.

use crate::domain::{
    CommitmentDraft, Party, PledgeDraft, SectionDraft, Signatory, TargetDraft, TargetScope,
};
use serde::Serialize;

mod lines;
pub(crate) mod parties;
mod sentences;
mod targets;

use lines::*;
pub use parties::subject_party;
use parties::{declaration, heading_party, is_promise_sentence, labelled_party, party_from_text};
use sentences::{sentences, split_by_subject};
use targets::bare;
pub use targets::{parse_number, parse_sub_areas, parse_targets};

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
    /// The rate as written when the count was worked out from it ("2 per termin").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "takt")]
    pub rate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedCommitment {
    pub text: String,
    #[serde(rename = "ansvarig")]
    pub party: Party,
    /// Nothing in the text says who: `party` is a guess for the user to check.
    #[serde(skip_serializing_if = "is_false")]
    #[serde(rename = "ansvarig_osaker")]
    pub party_unclear: bool,
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

fn is_false(b: &bool) -> bool {
    !*b
}

/// The structure read from a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ParsedPledge {
    /// The document's title ("Medborgarlöfte 2026 – Ekeby kommun").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "titel")]
    pub title: Option<String>,
    #[serde(rename = "avsnitt")]
    pub sections: Vec<ParsedSection>,
    pub signatories: Vec<ParsedSignatory>,
    /// Where and when it was signed ("Hallby den 15 januari 2026").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "ort_datum")]
    pub signed: Option<String>,
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
    /// The title to save: the document's own when it names a year (a title in capitals
    /// written as a sentence), else "Medborgarlöfte PERIOD".
    pub fn title_or_default(&self, period: crate::domain::Period) -> String {
        // A heading without a year is a web page's title ("Olofström – medborgarlöften"),
        // not the medborgarlöfte's (and `period` is None without a title).
        match (self.period(), self.title.as_deref().map(str::trim)) {
            (Some(_), Some(t)) if !t.chars().any(char::is_lowercase) => {
                crate::validate::capitalized(&t.to_lowercase())
            }
            (Some(_), Some(t)) => t.to_string(),
            _ => format!("Medborgarlöfte {period}"),
        }
    }

    /// The period the document's title names ("MEDBORGARLÖFTE 2026", "Medborgarlöften
    /// 2025–2026"): the first year, or a range of two.
    pub fn period(&self) -> Option<crate::domain::Period> {
        use crate::domain::Period;
        let title = self.title.as_deref()?;
        // Runs of ASCII digits (one byte each) with their byte ranges; a year is a run of
        // four that makes a valid period year.
        let mut years: Vec<(usize, usize, i32)> = Vec::new();
        let mut start = None;
        for (i, c) in title.char_indices().chain([(title.len(), ' ')]) {
            match (c.is_ascii_digit(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    if let Some(y) = (i - s == 4)
                        .then(|| title[s..i].parse().ok())
                        .flatten()
                        .filter(|y| Period::year(*y).is_some())
                    {
                        years.push((s, i, y));
                    }
                }
                _ => {}
            }
        }
        match years.as_slice() {
            [] => None,
            [(_, _, y)] => Period::year(*y),
            [(_, end, first), (start, _, last), ..] => {
                // "2025–2026", "2025-2026", "2025 – 2026": a range; otherwise the first.
                let between = title[*end..*start].trim();
                if !between.is_empty() && between.chars().all(|c| matches!(c, '-' | '–' | '—'))
                {
                    Period::new(*first, *last)
                } else {
                    Period::year(*first)
                }
            }
        }
    }
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
    (!t.unit.is_empty()).then(|| crate::validate::capitalized(&t.unit))
}

/// A section while reading.
struct Sec {
    heading: String,
    party: Option<Party>,
    /// Its bullets are the purpose ("Medborgarlöftet ska:", "Målet är att:").
    goal: bool,
    /// Background prose ("Bakgrund", "Lägesbild"): to the målsättning.
    background: bool,
    /// Started after "Det här lovar vi" or a "… ska gemensamt:" line.
    promised: bool,
    /// Opened by a declaration line ("Polisen åtar sig att:") rather than a heading.
    declared: bool,
    items: Vec<Item>,
    prose: Vec<String>,
    /// The line that opened it, as written (what is shown if nothing comes of it).
    line: String,
}

impl Sec {
    fn new(heading: String) -> Sec {
        Sec {
            heading,
            party: None,
            goal: false,
            background: false,
            promised: false,
            declared: false,
            items: Vec::new(),
            prose: Vec::new(),
            line: String::new(),
        }
    }

    /// The words it was opened with, for the unused lines.
    fn opening(&self) -> String {
        if self.line.is_empty() {
            self.heading.clone()
        } else {
            self.line.clone()
        }
    }

    fn push_item(&mut self, mut item: Item) {
        item.after = self.prose.len();
        self.items.push(item);
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.prose.is_empty()
    }

    /// Whether its löften are promises: bullets, or prose that promises.
    fn promises(&self) -> bool {
        !self.goal
            && !self.background
            && (!self.items.is_empty() || self.prose.iter().any(|p| promise_paragraph(p)))
    }
}

/// The sections read so far, and whether any of them promises (asked at every line).
#[derive(Default)]
struct Sections {
    list: Vec<Sec>,
    promises: bool,
}

impl Sections {
    fn push(&mut self, s: Sec) {
        self.promises |= s.promises();
        self.list.push(s);
    }
}

/// A bullet or a table row under a heading.
struct Item {
    level: u8,
    text: String,
    /// The Ansvarig column of a table row.
    party: Option<Party>,
    /// Where a table row's target is read (its Mål column).
    target_text: Option<String>,
    /// How many prose paragraphs of its section came before it.
    after: usize,
}

/// A paragraph that promises: a promising sentence, or a named ansvarig ("… Ansvarig:
/// Polisen").
fn promise_paragraph(p: &str) -> bool {
    sentences(p).iter().any(|s| is_promise_sentence(s))
        || (p.to_lowercase().contains("ansvarig:") && labelled_party(p).is_some())
}

/// Reads a published medborgarlöfte text.
pub fn parse(text: &str) -> ParsedPledge {
    // Line ends as Windows (CR LF), old Mac and some Word exports (CR alone) write them:
    // `lines()` alone would read a CR-only text as one line.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut raw: Vec<String> = text.lines().map(|l| l.replace('\u{a0}', " ")).collect();
    while raw.last().is_some_and(|l| l.trim().is_empty()) {
        raw.pop();
    }
    let mut result = ParsedPledge::default();

    // Signatories and the place and date of signing, at the end.
    let mut kept: Vec<String> = raw
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    let (signatories, signed) = take_signatures(&mut kept);
    if !signatories.is_empty() || signed.is_some() {
        // Cut the raw lines at the same place (the signature block is the tail).
        let mut left = kept.len();
        raw.retain(|l| {
            if l.trim().is_empty() {
                return left > 0;
            }
            if left > 0 {
                left -= 1;
                true
            } else {
                false
            }
        });
    }
    result.signatories = signatories
        .into_iter()
        .map(|(name, role)| ParsedSignatory { name, role })
        .collect();
    result.signed = signed;

    let kinds = read_lines(&raw);

    let mut goal: Vec<String> = Vec::new();
    let mut doc_party: Option<Party> = None;
    let mut in_promises = false;
    // After a follow-up or contact heading, the rest is trailing matter.
    let mut trailing: Vec<String> = Vec::new();
    let mut in_trailing = false;
    let mut sections = Sections::default();
    let mut current: Option<Sec> = None;
    // Bullets before any heading.
    let mut loose: Vec<Item> = Vec::new();

    let next_is_item = |i: usize| matches!(kinds.get(i + 1), Some(Kind::Bullet(..) | Kind::Row(_)));

    for (i, k) in kinds.iter().enumerate() {
        if in_trailing {
            match k {
                Kind::Text(t) | Kind::Bullet(_, t, _) => trailing.push(t.clone()),
                Kind::Row(r) => trailing.push(r.text.clone()),
            }
            continue;
        }
        let t = match k {
            Kind::Text(t) => t,
            Kind::Bullet(level, t, _) => {
                let item = Item {
                    level: *level,
                    text: t.clone(),
                    party: None,
                    target_text: None,
                    after: 0,
                };
                match &mut current {
                    Some(s) => s.push_item(item),
                    // Bullets before any heading: the purpose list (unless the text has
                    // no other löften: see the end).
                    None => {
                        goal.push(format!("• {t}"));
                        loose.push(item);
                    }
                }
                continue;
            }
            Kind::Row(r) => {
                let item = Item {
                    level: 0,
                    text: r.text.clone(),
                    party: r.party,
                    target_text: Some(r.target_text.clone()),
                    after: 0,
                };
                // A table under prose starts its own avsnitt.
                let fresh = match &current {
                    None => true,
                    Some(s) => !s.prose.is_empty() || s.goal || s.background,
                };
                if fresh {
                    if let Some(s) = current.take() {
                        sections.push(s);
                    }
                    let mut s = Sec::new("Medborgarlöften".into());
                    s.promised = true;
                    current = Some(s);
                }
                if let Some(s) = &mut current {
                    s.push_item(item);
                }
                continue;
            }
        };
        if is_chrome(t) {
            result.ignored.push(t.clone());
            continue;
        }
        let words = t.split_whitespace().count();
        let ends_sentence = t.ends_with(['.', '!', '?']);
        let short = t.chars().count() <= 100 && words <= 14;
        let had_promises = sections.promises || current.as_ref().is_some_and(|s| s.promises());
        if short && !ends_sentence && t.to_lowercase().contains("medborgarlöfte") {
            // The first such line before any löfte (a letterhead may stand above it).
            if result.title.is_none() && !had_promises && !in_promises {
                if let Some(s) = current.take_if(|s| s.is_empty()) {
                    result.ignored.push(s.opening());
                }
                result.title = Some(t.clone());
                continue;
            }
            if result.title.as_deref() == Some(t.as_str()) {
                continue;
            }
        }
        // "Aktiviteter:" right under a focus area's heading (and its "Mål: …") opens that
        // area's löften: the avsnitt keeps the area's name.
        if is_promise_marker(t)
            && let Some(s) = current.as_mut().filter(|s| {
                !s.goal
                    && !s.background
                    && !s.declared
                    && s.items.is_empty()
                    && s.prose.iter().all(|p| states_an_aim(p))
            })
        {
            s.promised = true;
            in_promises = true;
            result.ignored.push(t.clone());
            continue;
        }
        if is_promise_marker(t) && !had_promises {
            if let Some(s) = current.take() {
                sections.push(s);
            }
            in_promises = true;
            let mut s = Sec::new(heading_text(t));
            s.line = t.clone();
            s.promised = true;
            s.declared = true;
            current = Some(s);
            continue;
        }
        // "Polisen lovar att" over a list, without its colon, declares too.
        // It keeps its own words as the title ("Det här gör vi tillsammans").
        let declared = declaration(t).or_else(|| {
            (next_is_item(i) && !ends_sentence && words <= 10)
                .then(|| declaration(&format!("{t}:")))
                .flatten()
                .map(|(p, _)| (p, heading_text(t)))
        });
        if let Some((p, title)) = declared {
            if let Some(s) = current.take() {
                sections.push(s);
            }
            in_promises = true;
            // A title of the party's name only ("Det här lovar vi:" → "Tillsammans"): the
            // line itself is shown among the unused ones.
            if !t.to_lowercase().contains(&title.to_lowercase()) {
                result.ignored.push(t.clone());
            }
            let mut s = Sec::new(title);
            s.line = t.clone();
            s.party = Some(p);
            s.promised = true;
            s.declared = true;
            current = Some(s);
            continue;
        }
        let stripped = strip_numbering(t);
        // "Vill du veta mer?" after the löften starts the trailing matter too.
        if had_promises && short && t.ends_with('?') && is_trailing_heading(t) {
            if let Some(s) = current.take() {
                sections.push(s);
            }
            in_trailing = true;
            trailing.push(t.clone());
            continue;
        }
        let heading = short
            && stripped.chars().next().is_some_and(|c| c.is_uppercase())
            && (!ends_sentence || (next_is_item(i) && words <= 10))
            && (!t.contains(", ") || next_is_item(i))
            // Two sentences are a paragraph, not a heading.
            && !t.contains(". ")
            || (t.ends_with(':') && next_is_item(i) && words <= 20);
        if heading {
            if had_promises && is_trailing_heading(t) {
                in_trailing = true;
                trailing.push(t.clone());
                continue;
            }
            if let Some(s) = current.take() {
                if s.declared && s.is_empty() {
                    // "Bromölla kommun och polisen ska gemensamt:" over headings: the
                    // party of everything after it.
                    if s.party.is_some() {
                        doc_party = s.party;
                    }
                    result.ignored.push(s.opening());
                } else {
                    sections.push(s);
                }
            }
            let title = heading_text(t);
            let mut s = Sec::new(title.clone());
            s.line = t.clone();
            s.party = heading_party(&title);
            s.goal = is_goal_heading(&title);
            s.background = !s.goal && is_background_heading(&title);
            s.promised = in_promises;
            current = Some(s);
            continue;
        }
        // "Frågor? Kontakta kommunen på 0479-52 80 00." among the löften: contact details.
        if is_contact_prose(t) {
            trailing.push(t.clone());
            continue;
        }
        match &mut current {
            Some(s) => s.prose.push(t.clone()),
            // Prose that promises ("Polisen och kommunen lovar att …") before any
            // heading opens the löften.
            None if t.to_lowercase().contains(" lovar ") && promise_paragraph(t) => {
                let mut s = Sec::new("Medborgarlöften".into());
                s.promised = true;
                s.prose.push(t.clone());
                current = Some(s);
            }
            None => goal.push(t.clone()),
        }
    }
    if let Some(s) = current.take() {
        sections.push(s);
    }

    // Sections before the first one that promises (and not marked as promises) are
    // background: their text joins the goal. Trailing sections are contact/follow-up.
    let sections = sections.list;
    let first_promise = sections
        .iter()
        .position(|s| s.promises())
        .unwrap_or(sections.len());
    for (idx, s) in sections.into_iter().enumerate() {
        let before = idx < first_promise;
        if s.goal || s.background || (before && !s.promised) {
            // The heading introduces what follows it ("Fokusområden:", "Bakgrund:"); a
            // heading with nothing under it is shown among the unused lines.
            if !s.heading.is_empty() {
                if s.is_empty() {
                    result.ignored.push(s.opening());
                } else {
                    goal.push(format!("{}:", s.heading));
                }
            }
            goal.extend(s.prose);
            goal.extend(s.items.into_iter().map(|it| format!("• {}", it.text)));
            continue;
        }
        let opening = s.opening();
        let (section, aims) = build_section(s, doc_party);
        goal.extend(aims);
        if section.commitments.is_empty() {
            if !opening.is_empty() {
                result.ignored.push(opening);
            }
            if !section.intro.is_empty() {
                result.ignored.push(section.intro);
            }
        } else {
            result.sections.push(section);
        }
    }
    // A text of a title and a list, no headings: the list is the löften.
    if result.sections.is_empty() && !loose.is_empty() {
        let bullets: Vec<String> = loose.iter().map(|it| format!("• {}", it.text)).collect();
        goal.retain(|g| !bullets.contains(g));
        let mut s = Sec::new("Medborgarlöften".into());
        s.items = loose;
        let (section, aims) = build_section(s, doc_party);
        goal.extend(aims);
        if !section.commitments.is_empty() {
            result.sections.push(section);
        }
    }
    let (contact, rest): (Vec<String>, Vec<String>) =
        trailing.into_iter().partition(|l| is_contact_line(l));
    if !contact.is_empty() {
        // "Kontakt: Kommunpolis …": the word is the form's label, not part of the details.
        let details: Vec<&str> = contact
            .iter()
            .map(|l| {
                ["kontakt:", "kontakta oss:", "kontaktuppgifter:"]
                    .iter()
                    .find_map(|p| crate::validate::strip_prefix_ignoring_case(l, p))
                    .unwrap_or(l)
                    .trim()
            })
            .filter(|l| !l.is_empty())
            .collect();
        if !details.is_empty() {
            result.contact = Some(details.join(", "));
        }
    }
    result.ignored.extend(rest);
    result.goal = goal.join("\n");
    result
}

/// A sentence that gives contact details: a phone number or e-mail address with "kontakt",
/// "frågor", "ring", "mejla".
fn is_contact_prose(t: &str) -> bool {
    let l = t.to_lowercase();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (t.contains('@') || digits >= 6)
        && ["kontakt", "frågor", "ring ", "mejla", "e-post", "telefon"]
            .iter()
            .any(|k| l.contains(k))
        && t.split_whitespace().count() <= 30
}

/// Whether prose under löften states an aim rather than a löfte ("Vi vill att färre …",
/// "Målet är …"): it goes to the målsättning.
fn states_an_aim(p: &str) -> bool {
    let l = p.to_lowercase();
    [
        "vi vill",
        "mål:",
        "målet är",
        "målet med",
        "målsättningen",
        "syftet",
    ]
    .iter()
    .any(|k| l.starts_with(k))
}

/// A quotation in a news text ("– Vi vill …, säger kommunalrådet"): never a löfte.
fn is_quote(p: &str) -> bool {
    let l = p.to_lowercase();
    l.contains(", säger ") || l.contains(" säger hon") || l.contains(" säger han")
}

/// The löften of a section, and any prose of it that states an aim.
fn build_section(s: Sec, doc_party: Option<Party>) -> (ParsedSection, Vec<String>) {
    let mut loften = Vec::new();
    let mut intro = Vec::new();
    let mut aims = Vec::new();
    let mut texts: Vec<(String, Option<Party>, Option<String>)> = Vec::new();
    // A short item right under prose that names focus areas or priorities is a topic
    // of the purpose, not a löfte ("… identifierat ett antal fokusområden:").
    let names_topics = |n: usize| {
        n.checked_sub(1)
            .and_then(|k| s.prose.get(k))
            .is_some_and(|p| {
                let l = p.to_lowercase();
                l.contains("fokusområde")
                    || l.contains("prioriterade områden")
                    || l.contains("prioriteringar")
            })
    };
    for (idx, it) in s.items.iter().enumerate() {
        // A top-level bullet followed by nested ones is an umbrella: context, not a löfte.
        let has_children = s.items.get(idx + 1).is_some_and(|n| n.level > it.level);
        if has_children && parse_targets(&it.text, true).is_empty() {
            intro.push(it.text.clone());
        } else if names_topics(it.after) && it.text.split_whitespace().count() <= 12 {
            aims.push(format!("• {}", it.text));
        } else {
            texts.push((it.text.clone(), it.party, it.target_text.clone()));
        }
    }
    let prose_only = s.items.is_empty();
    let any_promise = s.prose.iter().any(|p| promise_paragraph(p));
    for p in s.prose {
        if is_quote(&p) {
            intro.push(p);
        } else if states_an_aim(&p) {
            aims.push(p);
        } else if prose_only && (promise_paragraph(&p) || (!any_promise && s.declared)) {
            // No bullets: each paragraph that promises is a löfte (under "Våra löften",
            // every paragraph).
            texts.push((p, None, None));
        } else {
            intro.push(p);
        }
    }
    for (text, row_party, target_text) in texts {
        // "Löfte 1: Vi ska …" on one line: the label is not part of the löfte.
        let text = match text.split_once([':', '.']) {
            Some((label, rest)) if is_heading_label(label) && !rest.trim().is_empty() => {
                rest.trim().to_string()
            }
            _ => text,
        };
        if is_quote(&text) {
            intro.push(text);
            continue;
        }
        let parts = match row_party {
            Some(_) => vec![(text, None)],
            None => split_by_subject(&text),
        };
        for (part, subject) in parts {
            let (party, certain) = match labelled_party(&part)
                .or(row_party)
                .or(subject)
                .or(s.party)
                .or(doc_party)
            {
                Some(p) => (p, true),
                None => party_from_text(&part),
            };
            let source = target_text.as_deref().unwrap_or(&part);
            let targets = parse_targets(source, party == Party::Gemensamt);
            loften.push(ParsedCommitment {
                sub_areas: parse_sub_areas(&part),
                text: part,
                party,
                party_unclear: !certain,
                targets,
            });
        }
    }
    (
        ParsedSection {
            title: s.heading,
            intro: intro.join("\n"),
            commitments: loften,
        },
        aims,
    )
}

/// A readable listing of the parsed structure (the CLI's default output).
pub fn render_text(p: &ParsedPledge) -> String {
    let mut out = String::new();
    for s in &p.sections {
        out.push_str(&format!("## {}\n", s.title));
        for c in &s.commitments {
            let unclear = if c.party_unclear { "?" } else { "" };
            out.push_str(&format!("- [{}{unclear}] {}\n", c.party.label(), c.text));
            for t in &c.targets {
                let mut line = format!("    mål: {} {}", t.count, t.unit);
                if t.per_year {
                    line.push_str(" per år");
                }
                if let Some(a) = t.party {
                    line.push_str(&format!(" ({})", a.label()));
                }
                if let Some(r) = &t.rate {
                    line.push_str(&format!(" (takt: {r})"));
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
mod tests;
