//! The inputs of the walk protokoll, the åtgärdslista and the LPO report.

use crate::domain::Queries;

/// The protokoll of a walk, with every observation's photos.
pub fn protocol<R: Queries>(
    store: &R,
    walk: crate::domain::WalkId,
    today: chrono::NaiveDate,
) -> Result<crate::report::Protocol, R::Error> {
    let w = store.walk(walk)?;
    let m = store.municipality(w.municipality)?;
    let commitment = match w.commitment {
        Some(c) => Some(store.commitment(c)?.text),
        None => None,
    };
    let mut observations = Vec::new();
    for o in store.observations(walk)? {
        let photos = store
            .photos(o.id)?
            .into_iter()
            .map(crate::domain::PhotoView::from)
            .collect();
        observations.push((o, photos));
    }
    let revisited = match w.revisit_of {
        Some(earlier) => Some((
            store.walk(earlier)?.date,
            store
                .observations(earlier)?
                .into_iter()
                .filter(|o| !o.positive)
                .collect(),
        )),
        None => None,
    };
    Ok(crate::report::Protocol {
        revisited,
        police_area: store.police_area_name(m.police_area)?,
        municipality: m.name,
        walk: w,
        commitment,
        observations,
        made: today,
    })
}

/// The open åtgärder of kommun `m` for one ansvarig (all when None), overdue first, each
/// with its photos.
pub fn measure_list<R: Queries>(
    store: &R,
    m: crate::domain::MunicipalityId,
    responsible: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<crate::report::MeasureList, R::Error> {
    let mut items = Vec::new();
    for i in store.open_observations(m, today)? {
        if responsible.is_some_and(|r| !same_responsible(&i.observation.responsible, r)) {
            continue;
        }
        let photos = store
            .photos(i.observation.id)?
            .into_iter()
            .map(crate::domain::PhotoView::from)
            .collect();
        items.push((i, photos));
    }
    Ok(crate::report::MeasureList {
        municipality: store.municipality(m)?.name,
        responsible: responsible.map(str::to_string),
        items,
        made: today,
    })
}

/// Whether an observation's ansvarig is the one asked for (case and spaces aside).
pub fn same_responsible(stored: &str, asked: &str) -> bool {
    stored.trim().to_lowercase() == asked.trim().to_lowercase()
}

/// The report of lokalpolisområde `area` for `year`: each of its kommuner with the
/// medborgarlöfte covering the year.
pub fn area_report<R: Queries>(
    store: &R,
    area: crate::domain::PoliceAreaId,
    year: i32,
    today: chrono::NaiveDate,
    appendix: bool,
) -> Result<crate::report::AreaReport, R::Error> {
    let name = store.police_area_name(area)?;
    let mut kommuner = Vec::new();
    for m in store
        .municipalities()?
        .into_iter()
        .filter(|m| m.police_area == area)
    {
        let pledge = store.pledge_for_year(m.id, year)?.map(|p| p.id);
        kommuner.push((m.name, pledge));
    }
    crate::report::build_area_report(store, &name, &kommuner, year, today, appendix)
}

/// Löften of an ended period that were not (fully) met and whose bedömning gives no orsak.
pub fn missing_causes<R: Queries>(
    store: &R,
    b: &crate::domain::BoardData,
    summary: &crate::summary::BoardSummary,
    today: chrono::NaiveDate,
) -> Result<Vec<String>, R::Error> {
    use crate::domain::Status;
    let period = b.pledge.period;
    if !period.has_ended(today) {
        return Ok(Vec::new());
    }
    let assessments = store.assessments_of_pledge(b.pledge.id, period.last)?;
    Ok(summary
        .rows
        .iter()
        .filter(|r| matches!(r.status, Status::PartlyDone | Status::NotDone))
        .filter(|r| {
            assessments
                .get(&r.commitment.id)
                .is_none_or(|a| a.cause.trim().is_empty())
        })
        .map(|r| r.commitment.text.clone())
        .collect())
}
