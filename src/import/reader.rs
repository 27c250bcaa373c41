//! The reader: the text's lines, one at a time, through explicit phases (before the
//! löften, among them, the trailing matter), each line tried against the rules in a fixed
//! order; then the avsnitt read are sorted into målsättning and löften.

use super::lines::*;
use super::parties::{
    declaration, heading_party, is_listing_heading, is_promise_sentence, labelled_party,
    party_from_text, subject_party, tells,
};
use super::rules;
use super::sentences::{sentences, split_by_subject};
use super::signatures::take_signatures;
use super::{
    ParsedCommitment, ParsedPledge, ParsedSection, ParsedSignatory, parse_sub_areas, parse_targets,
};
use crate::domain::Party;

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
    /// Its heading lists what a party does ("Insatser från polisen", "Åtgärder kommunen"):
    /// every paragraph under it that describes an activity is a löfte.
    listing: bool,
    items: Vec<Item>,
    prose: Vec<String>,
    /// Some paragraph of `prose` promises (kept as they come: asked at every line).
    promising: bool,
    /// Every paragraph of `prose` states an aim.
    only_aims: bool,
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
            listing: false,
            items: Vec::new(),
            prose: Vec::new(),
            promising: false,
            only_aims: true,
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

    fn push_prose(&mut self, p: &str) {
        self.promising |= promise_paragraph(p) || (self.listing && activity(p));
        self.only_aims &= states_an_aim(p);
        self.prose.push(p.to_string());
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.prose.is_empty()
    }

    /// Whether its löften are promises: bullets, or prose that promises.
    fn promises(&self) -> bool {
        !self.goal && !self.background && (!self.items.is_empty() || self.promising)
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

/// A declaration that says more than who ("Polisen och kommunen lovar att under hösten
/// genomföra åtgärderna nedan:", not "Polisen åtar sig att:"): at least three words
/// after its verb besides "sig att".
fn lead_in(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| super::bare(w).to_lowercase())
        .collect();
    let Some(verb) = words.iter().position(|w| {
        matches!(
            w.as_str(),
            "ska" | "skall" | "lovar" | "åtar" | "kommer" | "ansvarar" | "gör" | "genomför"
        )
    }) else {
        return false;
    };
    words[verb + 1..]
        .iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "sig" | "att" | "gemensamt" | "tillsammans" | "vi"
            )
        })
        .count()
        >= 3
}

/// A sentence that introduces a list: "… genom dessa aktiviteter:", "… åtgärderna
/// nedan:", "Vi har kommit överens om följande:" — not a heading.
fn lead_in_sentence(t: &str) -> bool {
    let l = t.to_lowercase();
    t.ends_with(':')
        && t.split_whitespace().count() >= 6
        && (l.split_whitespace().any(|w| {
            matches!(
                super::bare(w).as_str(),
                "nedan" | "följande" | "dessa" | "detta"
            )
        }) || l.contains("så här")
            || subject_party(t).is_some())
}

/// A paragraph that describes something done, whoever does it: not a lead-in ("… genom
/// dessa aktiviteter:"), a question, an aim or what was done or seen.
fn activity(p: &str) -> bool {
    p.split_whitespace().count() >= 3
        && !p.ends_with([':', '?'])
        && !states_an_aim(p)
        && !sentences(p).iter().any(|s| tells(s))
}

/// Where the reader is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Title, background, purpose: nothing has opened the löften yet.
    Opening,
    /// After "Det här lovar vi", a declaration ("Polisen åtar sig att:") or a marker.
    Promises,
    /// After a follow-up or contact heading: every line is trailing matter.
    Trailing,
}

/// What is measured of a text line once, before the rules are tried.
struct Line<'t> {
    text: &'t str,
    /// Its position in the text (to look at the next line).
    at: usize,
    words: usize,
    ends_sentence: bool,
    short: bool,
    /// Whether any avsnitt read so far (the open one included) promises.
    had_promises: bool,
}

/// The reader's state between lines.
struct Reader<'k> {
    kinds: &'k [Kind],
    phase: Phase,
    result: ParsedPledge,
    /// The målsättning's lines.
    goal: Vec<String>,
    /// The party of everything after "… ska gemensamt:" over headings.
    doc_party: Option<Party>,
    trailing: Vec<String>,
    sections: Sections,
    current: Option<Sec>,
    /// Bullets before any heading.
    loose: Vec<Item>,
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
    cut_signatures(&mut raw, &mut result);
    let kinds = read_lines(&raw);
    let mut reader = Reader {
        kinds: &kinds,
        phase: Phase::Opening,
        result,
        goal: Vec::new(),
        doc_party: None,
        trailing: Vec::new(),
        sections: Sections::default(),
        current: None,
        loose: Vec::new(),
    };
    for (i, k) in kinds.iter().enumerate() {
        reader.read(i, k);
    }
    reader.finish()
}

/// Signatories and the place and date of signing, at the end: taken into `result` and
/// cut from `raw`.
fn cut_signatures(raw: &mut Vec<String>, result: &mut ParsedPledge) {
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
}

impl Reader<'_> {
    fn next_is_item(&self, i: usize) -> bool {
        matches!(self.kinds.get(i + 1), Some(Kind::Bullet(..) | Kind::Row(_)))
    }

    /// Closes the open avsnitt, if any.
    fn close(&mut self) {
        if let Some(s) = self.current.take() {
            self.sections.push(s);
        }
    }

    fn read(&mut self, i: usize, k: &Kind) {
        if self.phase == Phase::Trailing {
            self.trailing.push(match k {
                Kind::Text(t) | Kind::Bullet(_, t, _) => t.clone(),
                Kind::Row(r) => r.text.clone(),
            });
            return;
        }
        match k {
            Kind::Bullet(level, t, _) => self.bullet(*level, t),
            Kind::Row(r) => self.row(r),
            Kind::Text(t) => self.text(i, t),
        }
    }

    fn bullet(&mut self, level: u8, t: &str) {
        let item = Item {
            level,
            text: t.to_string(),
            party: None,
            target_text: None,
            after: 0,
        };
        match &mut self.current {
            Some(s) => s.push_item(item),
            // Bullets before any heading: the purpose list (unless the text has no other
            // löften: see `finish`).
            None => {
                self.goal.push(format!("• {t}"));
                self.loose.push(item);
            }
        }
    }

    fn row(&mut self, r: &super::lines::Row) {
        let item = Item {
            level: 0,
            text: r.text.clone(),
            party: r.party,
            target_text: Some(r.target_text.clone()),
            after: 0,
        };
        // A table under prose starts its own avsnitt.
        let fresh = match &self.current {
            None => true,
            Some(s) => !s.prose.is_empty() || s.goal || s.background,
        };
        if fresh {
            self.close();
            let mut s = Sec::new("Medborgarlöften".into());
            s.promised = true;
            self.current = Some(s);
        }
        if let Some(s) = &mut self.current {
            s.push_item(item);
        }
    }

    /// A line of text: the rules in order, the first that takes it wins; else prose.
    fn text(&mut self, at: usize, t: &str) {
        if is_chrome(t) {
            self.result.ignored.push(t.to_string());
            return;
        }
        let words = t.split_whitespace().count();
        let line = Line {
            text: t,
            at,
            words,
            ends_sentence: t.ends_with(['.', '!', '?']),
            short: t.chars().count() <= 100 && words <= 14,
            had_promises: self.sections.promises
                || self.current.as_ref().is_some_and(|s| s.promises()),
        };
        let _ = self.title(&line)
            || self.aim_marker(&line)
            || self.promise_marker(&line)
            || self.declaration(&line)
            || self.trailing_question(&line)
            || self.heading(&line)
            || self.contact_prose(&line)
            || self.prose(&line);
    }

    /// "Medborgarlöfte 2026 …": the document's title (the first such line before any
    /// löfte; a letterhead may stand above it), or that title repeated.
    fn title(&mut self, l: &Line) -> bool {
        let t = l.text;
        if !(l.short && !l.ends_sentence && t.to_lowercase().contains("medborgarlöfte")) {
            return false;
        }
        if self.result.title.is_none() && !l.had_promises && self.phase == Phase::Opening {
            if let Some(s) = self.current.take_if(|s| s.is_empty()) {
                self.result.ignored.push(s.opening());
            }
            self.result.title = Some(t.to_string());
            return true;
        }
        self.result.title.as_deref() == Some(t)
    }

    /// "Aktiviteter:" right under a focus area's heading (and its "Mål: …") opens that
    /// area's löften: the avsnitt keeps the area's name.
    fn aim_marker(&mut self, l: &Line) -> bool {
        if !is_promise_marker(l.text) {
            return false;
        }
        let Some(s) = self.current.as_mut().filter(|s| {
            !s.goal && !s.background && !s.declared && s.items.is_empty() && s.only_aims
        }) else {
            return false;
        };
        s.promised = true;
        self.phase = Phase::Promises;
        self.result.ignored.push(l.text.to_string());
        true
    }

    /// "Det här lovar vi" before any löfte: opens the löften.
    fn promise_marker(&mut self, l: &Line) -> bool {
        if !is_promise_marker(l.text) || l.had_promises {
            return false;
        }
        self.close();
        self.phase = Phase::Promises;
        let mut s = Sec::new(heading_text(l.text));
        s.line = l.text.to_string();
        s.promised = true;
        s.declared = true;
        self.current = Some(s);
        true
    }

    /// "Polisen åtar sig att:" — or "Polisen lovar att" over a list, without its colon,
    /// which keeps its own words as the title ("Det här gör vi tillsammans").
    fn declaration(&mut self, l: &Line) -> bool {
        let t = l.text;
        let declared = declaration(t).or_else(|| {
            (self.next_is_item(l.at) && !l.ends_sentence && l.words <= 10)
                .then(|| declaration(&format!("{t}:")))
                .flatten()
                .map(|(p, _)| (p, heading_text(t)))
        });
        let Some((p, title)) = declared else {
            return false;
        };
        self.phase = Phase::Promises;
        // Right under a topic's heading ("Vad vi gör" / "Polisen och kommunen lovar att
        // genomföra åtgärderna nedan:") the declaration is a lead-in: the topic keeps its
        // name and takes the party.
        if let Some(s) = self.current.as_mut().filter(|s| {
            s.is_empty() && !s.declared && !s.goal && !s.background && s.party.is_none()
        }) && lead_in(t)
        {
            s.party = Some(p);
            s.promised = true;
            s.declared = true;
            s.listing = true;
            self.result.ignored.push(t.to_string());
            return true;
        }
        self.close();
        // A title of the party's name only ("Det här lovar vi:" → "Tillsammans"): the line
        // itself is shown among the unused ones.
        if !t.to_lowercase().contains(&title.to_lowercase()) {
            self.result.ignored.push(t.to_string());
        }
        let mut s = Sec::new(title);
        s.line = t.to_string();
        s.party = Some(p);
        s.promised = true;
        s.declared = true;
        s.listing = true;
        self.current = Some(s);
        true
    }

    /// "Vill du veta mer?" after the löften starts the trailing matter.
    fn trailing_question(&mut self, l: &Line) -> bool {
        let t = l.text;
        if !(l.had_promises && l.short && t.ends_with('?') && is_trailing_heading(t)) {
            return false;
        }
        self.close();
        self.phase = Phase::Trailing;
        self.trailing.push(t.to_string());
        true
    }

    fn is_heading(&self, l: &Line) -> bool {
        let t = l.text;
        if lead_in_sentence(t) && self.current.is_some() {
            // "Vi har kommit överens om att arbeta med dessa aktiviteter:" under a heading
            // introduces the löften; it names nothing.
            return false;
        }
        let next_is_item = self.next_is_item(l.at);
        l.short
            && strip_numbering(t)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
            && (!l.ends_sentence || (next_is_item && l.words <= 10))
            && (!t.contains(", ") || next_is_item)
            // Two sentences are a paragraph, not a heading.
            && !t.contains(". ")
            || (t.ends_with(':') && next_is_item && l.words <= 20)
    }

    /// A heading opens an avsnitt (or, after the löften, the trailing matter).
    fn heading(&mut self, l: &Line) -> bool {
        if !self.is_heading(l) {
            return false;
        }
        let t = l.text;
        if l.had_promises && is_trailing_heading(t) {
            self.phase = Phase::Trailing;
            self.trailing.push(t.to_string());
            return true;
        }
        if let Some(s) = self.current.take() {
            if s.declared && s.is_empty() {
                // "Bromölla kommun och polisen ska gemensamt:" over headings: the party
                // of everything after it.
                if s.party.is_some() {
                    self.doc_party = s.party;
                }
                self.result.ignored.push(s.opening());
            } else {
                self.sections.push(s);
            }
        }
        let title = heading_text(t);
        let mut s = Sec::new(title.clone());
        s.line = t.to_string();
        s.party = heading_party(&title);
        s.goal = rules::is_goal_heading(&title);
        s.background = !s.goal && is_background_heading(&title);
        s.listing = !s.goal && !s.background && is_listing_heading(&title);
        s.promised = self.phase == Phase::Promises;
        self.current = Some(s);
        true
    }

    /// "Frågor? Kontakta kommunen på 0479-52 80 00." among the löften: contact details.
    fn contact_prose(&mut self, l: &Line) -> bool {
        if !is_contact_prose(l.text) {
            return false;
        }
        self.trailing.push(l.text.to_string());
        true
    }

    fn prose(&mut self, l: &Line) -> bool {
        let t = l.text;
        match &mut self.current {
            Some(s) => s.push_prose(t),
            // Prose that promises ("Polisen och kommunen lovar att …") before any heading
            // opens the löften.
            None if t.to_lowercase().contains(" lovar ") && promise_paragraph(t) => {
                let mut s = Sec::new("Medborgarlöften".into());
                s.promised = true;
                s.push_prose(t);
                self.current = Some(s);
            }
            None => self.goal.push(t.to_string()),
        }
        true
    }

    /// The avsnitt read, sorted: those before the first one that promises (and not marked
    /// as promises) are background and join the målsättning; the rest are löften.
    fn finish(mut self) -> ParsedPledge {
        self.close();
        let sections = std::mem::take(&mut self.sections.list);
        let first_promise = sections
            .iter()
            .position(|s| s.promises())
            .unwrap_or(sections.len());
        for (idx, s) in sections.into_iter().enumerate() {
            if s.goal || s.background || (idx < first_promise && !s.promised) {
                self.add_goal_section(s);
            } else {
                self.add_promise_section(s);
            }
        }
        self.loose_list();
        let mut result = self.result;
        let (contact, rest): (Vec<String>, Vec<String>) =
            self.trailing.into_iter().partition(|l| is_contact_line(l));
        result.contact = contact_details(&contact);
        result.ignored.extend(rest);
        result.goal = self.goal.join("\n");
        result
    }

    /// The heading introduces what follows it ("Fokusområden:", "Bakgrund:"); a heading
    /// with nothing under it is shown among the unused lines.
    fn add_goal_section(&mut self, s: Sec) {
        if !s.heading.is_empty() {
            if s.is_empty() {
                self.result.ignored.push(s.opening());
            } else {
                self.goal.push(format!("{}:", s.heading));
            }
        }
        self.goal.extend(s.prose);
        self.goal
            .extend(s.items.into_iter().map(|it| format!("• {}", it.text)));
    }

    fn add_promise_section(&mut self, s: Sec) {
        let opening = s.opening();
        let (section, aims) = build_section(s, self.doc_party);
        self.goal.extend(aims);
        if section.commitments.is_empty() && section.unsure.is_empty() {
            if !opening.is_empty() {
                self.result.ignored.push(opening);
            }
            if !section.intro.is_empty() {
                self.result.ignored.push(section.intro);
            }
        } else {
            self.result.sections.push(section);
        }
    }

    /// A text of a title and a list, no headings: the list is the löften.
    fn loose_list(&mut self) {
        if !self.result.sections.is_empty() || self.loose.is_empty() {
            return;
        }
        let loose = std::mem::take(&mut self.loose);
        let bullets: Vec<String> = loose.iter().map(|it| format!("• {}", it.text)).collect();
        self.goal.retain(|g| !bullets.contains(g));
        let mut s = Sec::new("Medborgarlöften".into());
        s.items = loose;
        let (section, aims) = build_section(s, self.doc_party);
        self.goal.extend(aims);
        if !section.commitments.is_empty() {
            self.result.sections.push(section);
        }
    }
}

/// "Kontakt: Kommunpolis …": the word is the form's label, not part of the details.
fn contact_details(contact: &[String]) -> Option<String> {
    let details: Vec<&str> = contact
        .iter()
        .map(|l| {
            rules::CONTACT_LABELS
                .iter()
                .find_map(|p| crate::validate::strip_prefix_ignoring_case(l, p))
                .unwrap_or(l)
                .trim()
        })
        .filter(|l| !l.is_empty())
        .collect();
    (!details.is_empty()).then(|| details.join(", "))
}

/// A sentence that gives contact details: a phone number or e-mail address with "kontakt",
/// "frågor", "ring", "mejla".
fn is_contact_prose(t: &str) -> bool {
    let l = t.to_lowercase();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (t.contains('@') || digits >= 6)
        && rules::CONTACT_WORDS.iter().any(|k| l.contains(k))
        && t.split_whitespace().count() <= 30
}

/// Whether prose under löften states an aim rather than a löfte ("Vi vill att färre …",
/// "Målet är …"): it goes to the målsättning.
fn states_an_aim(p: &str) -> bool {
    let l = p.to_lowercase();
    rules::AIM_OPENINGS.iter().any(|k| l.starts_with(k))
        || rules::MISSION_PHRASES.iter().any(|k| l.contains(k))
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
    // Each text with its row's party and Mål column, and whether it is only unsure.
    let mut texts: Vec<(String, Option<Party>, Option<String>, bool)> = Vec::new();
    // A short item right under prose that names focus areas or priorities is a topic
    // of the purpose, not a löfte ("… identifierat ett antal fokusområden:").
    let names_topics = |n: usize| {
        n.checked_sub(1)
            .and_then(|k| s.prose.get(k))
            .is_some_and(|p| {
                let l = p.to_lowercase();
                rules::TOPIC_WORDS.iter().any(|w| l.contains(w))
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
            texts.push((it.text.clone(), it.party, it.target_text.clone(), false));
        }
    }
    let prose_only = s.items.is_empty();
    let any_promise = s.prose.iter().any(|p| promise_paragraph(p));
    for p in s.prose {
        if is_quote(&p) || p.ends_with(':') {
            // A quotation, or a lead-in ("… genom dessa aktiviteter:").
            intro.push(p);
        } else if states_an_aim(&p) {
            aims.push(p);
        } else if prose_only
            && (promise_paragraph(&p)
                || (!any_promise && s.declared)
                || (s.listing && activity(&p)))
        {
            // No bullets: each paragraph that promises is a löfte (under "Våra löften"
            // or "Insatser från polisen", every paragraph that describes an activity).
            // What it first tells of the situation is context ("I Västra området har
            // många boende berättat … Därför kommer polisen …").
            let said = sentences(&p);
            let told = said.iter().take_while(|x| tells(x)).count();
            if told > 0 && told < said.len() {
                intro.push(said[..told].join(" "));
                texts.push((said[told..].join(" "), None, None, false));
            } else {
                texts.push((p, None, None, false));
            }
        } else if prose_only && (any_promise || s.promised) && activity(&p) {
            // Among löften, a paragraph that neither promises nor introduces: the user
            // decides ("Trygghetsvandringar genomförs i tre områden.").
            texts.push((p, None, None, true));
        } else {
            intro.push(p);
        }
    }
    let mut unsure = Vec::new();
    for (text, row_party, target_text, only_unsure) in texts {
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
            let c = ParsedCommitment {
                sub_areas: parse_sub_areas(&part),
                text: part,
                party,
                party_unclear: !certain,
                targets,
            };
            if only_unsure {
                unsure.push(c);
            } else {
                loften.push(c);
            }
        }
    }
    (
        ParsedSection {
            title: s.heading,
            intro: intro.join("\n"),
            commitments: loften,
            unsure,
        },
        aims,
    )
}
