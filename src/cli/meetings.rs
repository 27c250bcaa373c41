//! Lägesbildsmöten on the command line: record a meeting and its beslut, close beslut,
//! list meetings with their beslut.

use super::{CliError, CliResult, chosen_kommuner, find_kommun};
use crate::domain::{CommitmentId, Decision, DecisionId, DecisionStatus, Meeting, MeetingId};
use crate::store::Store;
use crate::validate::{parse_date, parse_optional_date};
use chrono::NaiveDate;
use std::io::Write;

/// `add-mote`: records a meeting; its id.
pub fn add_meeting(
    store: &mut Store,
    kommun: &str,
    date: &str,
    participants: &str,
    notes: &str,
) -> Result<MeetingId, CliError> {
    let m = find_kommun(store, kommun)?;
    let date = parse_date(date)?;
    Ok(store.add_meeting(&Meeting {
        id: MeetingId(0),
        municipality: m.id,
        date,
        participants: participants.split(',').map(String::from).collect(),
        notes: notes.to_string(),
    })?)
}

/// Input of `add-beslut`.
pub struct DecisionArgs<'a> {
    pub meeting: i64,
    pub text: &'a str,
    pub responsible: &'a str,
    pub deadline: Option<&'a str>,
    pub commitment: Option<i64>,
}

/// `add-beslut`: a beslut on a recorded meeting; its id.
pub fn add_decision(store: &mut Store, a: &DecisionArgs) -> Result<DecisionId, CliError> {
    let meeting = store.meeting(MeetingId(a.meeting))?;
    let commitment = match a.commitment {
        Some(c) => {
            let c = CommitmentId(c);
            let pledge = store.pledge(store.pledge_of_commitment(c)?)?;
            if pledge.municipality != meeting.municipality {
                return Err(CliError(format!("Löfte {c} hör inte till mötets kommun.")));
            }
            Some(c)
        }
        None => None,
    };
    Ok(store.add_decision(&Decision {
        id: DecisionId(0),
        meeting: meeting.id,
        text: a.text.to_string(),
        responsible: a.responsible.to_string(),
        deadline: parse_optional_date(a.deadline.unwrap_or(""))?,
        commitment,
        status: DecisionStatus::Open,
        status_reason: String::new(),
        status_date: None,
    })?)
}

/// `close-beslut`: klar, or struken with a reason.
pub fn close_decision(
    store: &mut Store,
    id: i64,
    struck: bool,
    reason: &str,
    today: NaiveDate,
) -> CliResult {
    let status = if struck {
        DecisionStatus::Struck
    } else {
        DecisionStatus::Done
    };
    store.set_decision_status(DecisionId(id), status, reason, today)?;
    println!("Beslut {id}: {}.", status.label().to_lowercase());
    Ok(())
}

/// `list-moten`: each kommun's meetings, newest first, with their beslut.
pub fn list_meetings(
    store: &Store,
    kommun: Option<&str>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let municipalities = chosen_kommuner(store, kommun)?;
    let mut text = String::new();
    for m in municipalities {
        let meetings = store.meetings(m.id)?;
        if meetings.is_empty() && kommun.is_none() {
            continue;
        }
        text.push_str(&format!(
            "{} — {}\n",
            m.name,
            crate::validate::count_of(meetings.len(), "möte", "möten")
        ));
        for mt in &meetings {
            let who = if mt.participants.is_empty() {
                String::new()
            } else {
                format!(" · {}", mt.participants.join(", "))
            };
            text.push_str(&format!("  Möte {} {}{who}\n", mt.id, mt.date));
            for d in store.decisions(mt.id)? {
                let mark = match d.status {
                    DecisionStatus::Open if d.is_overdue(today) => "ÖPPEN, FÖRSENAD",
                    DecisionStatus::Open => "ÖPPEN",
                    DecisionStatus::Done => "klar",
                    DecisionStatus::Struck => "struken",
                };
                let mut line = format!("    Beslut {} [{mark}] {}", d.id, d.text);
                if !d.responsible.is_empty() {
                    line.push_str(&format!(" — {}", d.responsible));
                }
                if let Some(dl) = d.deadline {
                    line.push_str(&format!(", senast {dl}"));
                }
                text.push_str(&line);
                text.push('\n');
            }
        }
        text.push('\n');
    }
    out.write_all(text.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}
