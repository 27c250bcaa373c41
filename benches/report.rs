//! `cargo bench --bench report`: time to build and render a ~50-page PDF uppföljning, and
//! the lokalpolisområde report over every kommun of the area (about 95 pages).
//! Prints medians; no assertions (benchmarks are not tests).

use chrono::{Duration, NaiveDate};
use std::time::Instant;
use trygghetstavlan::domain::{Activity, ActivityId, MunicipalityId};
use trygghetstavlan::report::{build_follow_up, render_area_pdf, render_pdf};
use trygghetstavlan::store::Store;

/// "median 31.2 ms, fastest 29.8 ms": the fastest run is the one least disturbed by the
/// rest of the machine.
fn median(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    format!("{:.1} ms, snabbast {:.1} ms", v[v.len() / 2], v[0])
}

/// `n` insatser spread over 2024 on the kommun's löften.
fn activities(store: &mut Store, m: MunicipalityId, n: u32) {
    let p = store.pledge_for_year(m, 2024).unwrap().unwrap();
    let commitments = store.commitments(p.id).unwrap();
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for i in 0..n {
        let c = &commitments[(i as usize) % commitments.len()];
        store
            .add_activity(&Activity {
                version: 0,
                id: ActivityId(0),
                municipality: m,
                commitment: Some(c.id),
                target: c.targets.first().map(|t| t.id),
                date: start + Duration::days((i % 365) as i64),
                by: c.party,
                count: 1,
                place: format!("Område {}", i % 17),
                description: format!("Insats {i}: kontroll och dialog med boende i området"),
                internal_note: String::new(),
            })
            .unwrap();
    }
}

const RUNS: usize = 25;

fn main() {
    let mut store = Store::open_in_memory().expect("in-memory database");
    trygghetstavlan::seed::install(&mut store).expect("seed");
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    activities(&mut store, m.id, 1000);
    let today = NaiveDate::from_ymd_opt(2025, 1, 10).unwrap();
    let mut model_ms = Vec::new();
    let mut pdf_ms = Vec::new();
    let mut pages = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let f = build_follow_up(&store, p.id, today).unwrap();
        model_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let pdf = render_pdf(&f, None).unwrap();
        pdf_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = pdf.pages;
    }
    println!("PDF-uppföljning, {pages} sidor (1 000 insatser):");
    println!(
        "  rapportmodell från databasen: median {} (av {RUNS})",
        median(model_ms)
    );
    println!(
        "  layout + PDF:                 median {} (av {RUNS})",
        median(pdf_ms)
    );

    // The area's other kommuner get 500 insatser each; the report has the appendix.
    let others: Vec<MunicipalityId> = store
        .municipalities()
        .unwrap()
        .into_iter()
        .filter(|k| k.police_area == m.police_area && k.id != m.id)
        .map(|k| k.id)
        .collect();
    for k in others {
        activities(&mut store, k, 500);
    }
    let report =
        trygghetstavlan::queries::area_report(&store, m.police_area, 2024, today, true).unwrap();
    let mut area_ms = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let pdf = render_area_pdf(&report, None).unwrap();
        area_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = pdf.pages;
    }
    println!(
        "Lokalpolisområdets rapport, {pages} sidor ({} kommuner):",
        report.kommuner.len()
    );
    println!(
        "  layout + PDF:                 median {} (av {RUNS})",
        median(area_ms)
    );
}
