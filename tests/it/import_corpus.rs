//! The text import measured on a corpus of medborgarlöften written in the many ways real
//! ones are (prose, party headings, tables, numbered lists, web pages). Each text has an
//! `.expect` file beside it, one line per fact:
//!
//! ```text
//! A Avsnittets rubrik                      (the avsnitt, in order, when given)
//! L G | början av löftets text | 4 8P 8K 12år   (ansvarig P/K/G, "?" = marked unclear;
//!                                               targets: count, party letter when it
//!                                               is one party's, "år" when per year; - none)
//! S Namn | Roll                             (the signatories, in order)
//! M text i målsättningen
//! D Ort den 15 januari 2026                 (place and date of signing)
//! C text in the contact details
//! ```
//!
//! `tuning/` texts and `classes/` (one or two per failure class found in published löften,
//! written before the third round's parser work) must come out exactly; `fresh/` texts
//! (written after the parser work and not tuned on) are scored the way the issues measure:
//! targets found with the right count and party (recall) and reported right (precision),
//! the same for löften, and ansvarig. A löfte not taken but shown as an unsure line counts
//! as not found.

use std::path::{Path, PathBuf};
use trygghetstavlan::domain::Party;
use trygghetstavlan::import::{ParsedCommitment, ParsedPledge, parse};

#[derive(Debug, Clone, PartialEq)]
struct ExpTarget {
    count: u32,
    per_year: bool,
    party: Option<Party>,
}

#[derive(Debug, Clone)]
struct ExpCommitment {
    party: Party,
    unclear: bool,
    snippet: String,
    targets: Vec<ExpTarget>,
}

#[derive(Debug, Default)]
struct Expect {
    sections: Vec<String>,
    commitments: Vec<ExpCommitment>,
    signatories: Vec<(String, String)>,
    goal: Vec<String>,
    signed: Option<String>,
    contact: Vec<String>,
}

fn party(letter: &str) -> Party {
    match letter {
        "P" => Party::Polisen,
        "K" => Party::Kommunen,
        "G" => Party::Gemensamt,
        other => panic!("okänd part {other}"),
    }
}

fn read_expect(text: &str) -> Expect {
    let mut e = Expect::default();
    for line in text.lines().map(str::trim) {
        let Some((kind, rest)) = line.split_once(' ') else {
            continue;
        };
        match kind {
            "A" => e.sections.push(rest.trim().to_string()),
            "L" => {
                let parts: Vec<&str> = rest.split('|').map(str::trim).collect();
                let (letter, unclear) = match parts[0].strip_suffix('?') {
                    Some(l) => (l, true),
                    None => (parts[0], false),
                };
                let targets = parts[2]
                    .split_whitespace()
                    .filter(|t| *t != "-")
                    .map(|t| {
                        let (t, per_year) = match t.strip_suffix("år") {
                            Some(t) => (t, true),
                            None => (t, false),
                        };
                        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
                        let rest = &t[digits.len()..];
                        ExpTarget {
                            count: digits.parse().unwrap(),
                            per_year,
                            party: (!rest.is_empty()).then(|| party(rest)),
                        }
                    })
                    .collect();
                e.commitments.push(ExpCommitment {
                    party: party(letter),
                    unclear,
                    snippet: norm(parts[1]),
                    targets,
                });
            }
            "S" => {
                let (n, r) = rest.split_once('|').unwrap();
                e.signatories
                    .push((n.trim().to_string(), r.trim().to_string()));
            }
            "M" => e.goal.push(rest.trim().to_string()),
            "D" => e.signed = Some(rest.trim().to_string()),
            "C" => e.contact.push(rest.trim().to_string()),
            _ => {}
        }
    }
    e
}

fn norm(s: &str) -> String {
    let s = s
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    s.strip_prefix("att ").map(String::from).unwrap_or(s)
}

/// Counts over one text or many.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    targets_expected: usize,
    targets_right: usize,
    targets_reported: usize,
    commitments_expected: usize,
    commitments_found: usize,
    commitments_reported: usize,
    party_right: usize,
    /// Löften not taken but shown as unsure lines (counted as not found).
    shown_unsure: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.targets_expected += o.targets_expected;
        self.targets_right += o.targets_right;
        self.targets_reported += o.targets_reported;
        self.commitments_expected += o.commitments_expected;
        self.commitments_found += o.commitments_found;
        self.commitments_reported += o.commitments_reported;
        self.party_right += o.party_right;
        self.shown_unsure += o.shown_unsure;
    }
}

fn commitments(p: &ParsedPledge) -> Vec<&ParsedCommitment> {
    p.sections.iter().flat_map(|s| &s.commitments).collect()
}

/// The parsed targets of a löfte as (count, per year, party), a target without its own
/// party taking the löfte's.
fn targets_of(c: &ParsedCommitment) -> Vec<ExpTarget> {
    c.targets
        .iter()
        .map(|t| ExpTarget {
            count: t.count,
            per_year: t.per_year,
            party: Some(t.party.unwrap_or(c.party)),
        })
        .collect()
}

/// Scores one text and lists every difference (for the exact tuning corpus).
fn score(p: &ParsedPledge, e: &Expect) -> (Score, Vec<String>) {
    let mut s = Score::default();
    let mut diffs = Vec::new();
    let found = commitments(p);
    s.commitments_reported = found.len();
    s.targets_reported = found.iter().map(|c| c.targets.len()).sum();
    let mut used = vec![false; found.len()];
    for ec in &e.commitments {
        s.commitments_expected += 1;
        s.targets_expected += ec.targets.len();
        let hit = found
            .iter()
            .enumerate()
            .position(|(i, c)| !used[i] && norm(&c.text).contains(&ec.snippet));
        let Some(i) = hit else {
            // Not taken, but shown to the user as an unsure line is not lost.
            let shown = p
                .sections
                .iter()
                .flat_map(|s| &s.unsure)
                .any(|c| norm(&c.text).contains(&ec.snippet));
            if shown {
                s.shown_unsure += 1;
                diffs.push(format!("visas som osäker rad: {}", ec.snippet));
            } else {
                diffs.push(format!("saknas: {}", ec.snippet));
            }
            continue;
        };
        used[i] = true;
        let c = found[i];
        s.commitments_found += 1;
        if c.party == ec.party {
            s.party_right += 1;
        } else {
            diffs.push(format!(
                "ansvarig {:?} ≠ {:?}: {}",
                c.party, ec.party, ec.snippet
            ));
        }
        if c.party_unclear != ec.unclear {
            diffs.push(format!(
                "osäker {} ≠ {}: {}",
                c.party_unclear, ec.unclear, ec.snippet
            ));
        }
        let mut got = targets_of(c);
        for et in &ec.targets {
            let want = ExpTarget {
                party: Some(et.party.unwrap_or(ec.party)),
                ..et.clone()
            };
            // Right count and party; per year is checked only in the exact comparison.
            match got
                .iter()
                .position(|g| g.count == want.count && g.party == want.party)
            {
                Some(k) => {
                    s.targets_right += 1;
                    if got[k].per_year != want.per_year {
                        diffs.push(format!(
                            "per år {} ≠ {}: {}",
                            got[k].per_year, want.per_year, ec.snippet
                        ));
                    }
                    got.remove(k);
                }
                None => diffs.push(format!("mål saknas {want:?}: {}", ec.snippet)),
            }
        }
        for g in got {
            diffs.push(format!("mål för mycket {g:?}: {}", ec.snippet));
        }
    }
    for (i, c) in found.iter().enumerate() {
        if !used[i] {
            diffs.push(format!("inte ett löfte: {}", c.text));
        }
    }
    if !e.sections.is_empty() {
        let titles: Vec<&str> = p.sections.iter().map(|s| s.title.as_str()).collect();
        if titles != e.sections.iter().map(String::as_str).collect::<Vec<_>>() {
            diffs.push(format!("avsnitt {titles:?} ≠ {:?}", e.sections));
        }
    }
    let sigs: Vec<(String, String)> = p
        .signatories
        .iter()
        .map(|s| (s.name.clone(), s.role.clone()))
        .collect();
    if sigs != e.signatories {
        diffs.push(format!("undertecknare {sigs:?} ≠ {:?}", e.signatories));
    }
    for g in &e.goal {
        if !p.goal.contains(g.as_str()) {
            diffs.push(format!("målsättningen saknar \"{g}\": {:?}", p.goal));
        }
    }
    if e.signed.is_some() && p.signed != e.signed {
        diffs.push(format!("ort och datum {:?} ≠ {:?}", p.signed, e.signed));
    }
    for c in &e.contact {
        if !p.contact.as_deref().unwrap_or("").contains(c.as_str()) {
            diffs.push(format!("kontakt saknar \"{c}\": {:?}", p.contact));
        }
    }
    (s, diffs)
}

fn corpus(dir: &str) -> Vec<(PathBuf, String, Expect)> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "inga texter i {}", base.display());
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            let expect = read_expect(&std::fs::read_to_string(f.with_extension("expect")).unwrap());
            (f, text, expect)
        })
        .collect()
}

/// The figures the issue measures, over one or more texts.
fn figures(t: &Score) -> String {
    let pct = |a: usize, b: usize| 100.0 * ratio(a, b);
    format!(
        "mål: täckning {}/{} ({:.0} %), precision {}/{} ({:.0} %); löften: täckning {}/{} ({:.0} %), precision {}/{} ({:.0} %), {} till visade som osäkra; ansvarig {}/{} ({:.0} %)",
        t.targets_right,
        t.targets_expected,
        pct(t.targets_right, t.targets_expected),
        t.targets_right,
        t.targets_reported,
        pct(t.targets_right, t.targets_reported),
        t.commitments_found,
        t.commitments_expected,
        pct(t.commitments_found, t.commitments_expected),
        t.commitments_found,
        t.commitments_reported,
        pct(t.commitments_found, t.commitments_reported),
        t.shown_unsure,
        t.party_right,
        t.commitments_found,
        pct(t.party_right, t.commitments_found),
    )
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

/// Every text of `dirs` scored: the total and each text's differences.
fn run(dirs: &[&str]) -> (Score, Vec<String>) {
    let mut total = Score::default();
    let mut report = Vec::new();
    for dir in dirs {
        for (file, text, expect) in corpus(dir) {
            let (s, diffs) = score(&parse(&text), &expect);
            total.add(s);
            if !diffs.is_empty() {
                report.push(format!(
                    "{dir}/{}:\n  {}",
                    file.file_name().unwrap().to_string_lossy(),
                    diffs.join("\n  ")
                ));
            }
        }
    }
    (total, report)
}

/// Every text the parser was tuned on comes out exactly as expected: the earlier rounds'
/// corpus and one or more texts per failure class of the third round (`classes/`).
#[test]
fn tuning_corpus_exactly() {
    let (total, failures) = run(&["tuning", "classes"]);
    println!("{}", figures(&total));
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Texts written after the parser work and never tuned on: the issue's thresholds.
#[test]
fn unseen_texts_meet_the_thresholds() {
    let (t, report) = run(&["fresh"]);
    let summary = figures(&t);
    println!("{summary}\n{}", report.join("\n"));
    let ok = ratio(t.targets_right, t.targets_expected) >= 0.9
        && ratio(t.targets_right, t.targets_reported) >= 0.9
        && ratio(t.commitments_found, t.commitments_expected) >= 0.92
        && ratio(t.commitments_found, t.commitments_reported) >= 0.88
        && ratio(t.party_right, t.commitments_found) >= 0.93;
    assert!(ok, "{summary}\n{}", report.join("\n"));
}
