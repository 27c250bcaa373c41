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
mod reader;
pub mod rules;
mod sentences;
mod signatures;
mod targets;

pub use parties::subject_party;
pub use reader::parse;
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
    /// Paragraphs among the löften that may be löften or not ("Trygghetsvandringar
    /// genomförs i tre områden."): shown as unsure for the user to take or leave, never
    /// promoted silently.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(rename = "osakra")]
    pub unsure: Vec<ParsedCommitment>,
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
            // A section of unsure lines only, none taken, is not an avsnitt.
            sections: p
                .sections
                .iter()
                .filter(|s| !s.commitments.is_empty())
                .map(SectionDraft::from)
                .collect(),
        }
    }
}

impl From<&ParsedSection> for SectionDraft {
    fn from(s: &ParsedSection) -> SectionDraft {
        SectionDraft {
            title: s.title.clone(),
            commitments: s.commitments.iter().map(CommitmentDraft::from).collect(),
        }
    }
}

impl From<&ParsedCommitment> for CommitmentDraft {
    fn from(c: &ParsedCommitment) -> CommitmentDraft {
        let target = |t: &ParsedTarget| TargetDraft {
            count: t.count,
            unit: t.unit.clone(),
            scope: if t.per_year {
                TargetScope::PerYear
            } else {
                TargetScope::Period
            },
            party: t.party,
            label: target_label(c, t),
        };
        CommitmentDraft {
            text: c.text.clone(),
            party: c.party,
            targets: c.targets.iter().map(target).collect(),
            sub_areas: c.sub_areas.clone(),
            tags: Vec::new(),
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
        for c in &s.unsure {
            out.push_str(&format!("- [osäker, inte ett löfte ännu] {}\n", c.text));
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
    let unsure: usize = p.sections.iter().map(|s| s.unsure.len()).sum();
    if unsure > 0 {
        out.push_str(&format!(
            "{} kan vara löften eller inte och sparas inte som löften: ta med dem i fönstrets import, eller skriv dem som punkter i texten.\n",
            crate::validate::count_of(unsure, "osäker rad", "osäkra rader")
        ));
    }
    out
}

#[cfg(test)]
mod tests;
