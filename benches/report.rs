//! `cargo bench --bench report`: time to build and render a ~50-page PDF uppföljning.
//! Prints medians; no assertions (benchmarks are not tests).

use chrono::{Duration, NaiveDate};
use std::time::Instant;
use trygghetstavlan::domain::{Activity, ActivityId};
use trygghetstavlan::report::{build_follow_up, render_pdf};
use trygghetstavlan::store::Store;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut store = Store::open_in_memory().expect("in-memory database");
    trygghetstavlan::seed::install(&mut store).expect("seed");
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let commitments = store.commitments(p.id).unwrap();
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for i in 0..1000u32 {
        let c = &commitments[(i as usize) % commitments.len()];
        store
            .add_activity(&Activity {
                version: 0,
                id: ActivityId(0),
                municipality: m.id,
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
    let today = NaiveDate::from_ymd_opt(2025, 1, 10).unwrap();
    let mut model_ms = Vec::new();
    let mut pdf_ms = Vec::new();
    let mut pages = 0;
    for _ in 0..9 {
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
        "  rapportmodell från databasen: {:.1} ms (median av 9)",
        median(model_ms)
    );
    println!(
        "  layout + PDF:                 {:.1} ms (median av 9)",
        median(pdf_ms)
    );
}
