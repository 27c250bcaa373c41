//! Lägesbildsmöten on the command line: record a meeting and its beslut, close beslut,
//! list meetings with their beslut.

use super::{CliError, CliResult, chosen_kommuner, find_kommun};
use crate::domain::{
    CommitmentId, Decision, DecisionId, DecisionStatus, Meeting, MeetingGroup, MeetingId,
};
use crate::store::Store;
use crate::validate::{parse_date, parse_optional_date};
use chrono::NaiveDate;
use std::io::Write;

/// `add-mote`: records a meeting; its id.
pub fn add_meeting(
    store: &mut Store,
    group: (Option<&str>, Option<&str>),
    date: &str,
    participants: &str,
    notes: &str,
) -> Result<MeetingId, CliError> {
    let group = match group {
        (Some(k), None) => MeetingGroup::Kommun(find_kommun(store, k)?.id),
        (None, Some(a)) => MeetingGroup::Area(super::find_area(store, a)?.id),
        _ => return Err(CliError("Ange --kommun eller --lpo.".into())),
    };
    let date = parse_date(date)?;
    Ok(store.add_meeting(&Meeting {
        version: 0,
        id: MeetingId::NEW,
        group,
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
            let belongs = match meeting.group {
                MeetingGroup::Kommun(m) => pledge.municipality == m,
                MeetingGroup::Area(a) => store.municipality(pledge.municipality)?.police_area == a,
            };
            if !belongs {
                return Err(CliError(format!("Löfte {c} hör inte till mötets kommun.")));
            }
            Some(c)
        }
        None => None,
    };
    Ok(store.add_decision(&Decision {
        version: 0,
        id: DecisionId::NEW,
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
    let mut groups: Vec<(String, MeetingGroup)> = chosen_kommuner(store, kommun)?
        .into_iter()
        .map(|m| (m.name, MeetingGroup::Kommun(m.id)))
        .collect();
    // Joint meetings of a lokalpolisområde, when all are listed.
    if kommun.is_none() {
        for a in store.police_areas()? {
            groups.push((
                format!("Lokalpolisområde {} (gemensamma möten)", a.name),
                MeetingGroup::Area(a.id),
            ));
        }
    }
    let mut text = String::new();
    for (name, g) in groups {
        let meetings = store.meetings(g)?;
        if meetings.is_empty() && kommun.is_none() {
            continue;
        }
        text.push_str(&format!(
            "{name} — {}\n",
            crate::validate::count_of(meetings.len(), "möte", "möten")
        ));
        for mt in &meetings {
            let who = if mt.participants.is_empty() {
                String::new()
            } else {
                format!(" · {}", mt.participants.join(", "))
            };
            text.push_str(&format!("  Möte {} {}{who}\n", mt.id, mt.date));
            let joint = matches!(g, MeetingGroup::Area(_));
            for item in store.decision_items(mt.id)? {
                let d = &item.decision;
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
                if let Some(l) = &item.lofte {
                    let kommun = if joint {
                        format!("{}: ", l.kommun)
                    } else {
                        String::new()
                    };
                    text.push_str(&format!(
                        "      Löfte: {kommun}{}\n",
                        crate::validate::clip_words(&l.text, 90)
                    ));
                }
            }
        }
        text.push('\n');
    }
    out.write_all(text.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}
