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
mod targets;

use lines::*;
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
mod tests;
