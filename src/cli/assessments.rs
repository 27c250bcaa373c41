//! `set-bedomning`: the yearly bedömning of a löfte from the command line.

use super::{CliError, CliResult, find_kommun};
use crate::domain::CommitmentId;
use crate::store::Store;
use chrono::NaiveDate;

/// Input of `set-bedomning`; a text not given keeps what is stored.
pub struct AssessmentArgs<'a> {
    pub kommun: &'a str,
    pub commitment: i64,
    pub year: Option<i32>,
    pub result: Option<&'a str>,
    pub cause: Option<&'a str>,
    pub next: Option<&'a str>,
}

pub fn set_assessment(store: &mut Store, a: &AssessmentArgs, today: NaiveDate) -> CliResult {
    let m = find_kommun(store, a.kommun)?;
    let c = CommitmentId(a.commitment);
    let pledge = store.pledge(store.pledge_of_commitment(c)?)?;
    if pledge.municipality != m.id {
        return Err(CliError(format!("Löfte {c} hör inte till {}.", m.name)));
    }
    let year = a.year.unwrap_or_else(|| pledge.period.current_year(today));
    if !pledge.period.contains_year(year) {
        return Err(CliError(format!(
            "{year} ligger utanför medborgarlöftets period {}.",
            pledge.period
        )));
    }
    let mut assessment = store.assessment(c, year)?;
    if let Some(t) = a.result {
        assessment.result = t.to_string();
    }
    if let Some(t) = a.cause {
        assessment.cause = t.to_string();
    }
    if let Some(t) = a.next {
        assessment.next = t.to_string();
    }
    store.set_assessment(&assessment)?;
    println!("Sparade bedömningen av löfte {c} för {year}.");
    Ok(())
}
