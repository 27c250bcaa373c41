//! `cargo bench --bench scale`: a synthetic database the size of all of Sweden (290
//! kommuner, 10 years of medborgarlöften with 20 löften each, 1 000 000 insatser,
//! 30 000 trygghetsvandringar, 1 000 000 händelser) and the times that matter to a user. Prints medians; no
//! assertions. Set TRYGG_SCALE_DB=path to keep (and reuse) the generated file. With
//! TRYGGHETSTAVLAN_BENCH_PG=postgres://… (a user who may create databases) the same
//! database is copied to a new database on that server (`import-sqlite`'s code) and the
//! same times are taken there: a polisregion on PostgreSQL.

use chrono::NaiveDate;
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use trygghetstavlan::app::App;
use trygghetstavlan::domain::Clock;
use trygghetstavlan::domain::{Activity, ActivityId, Party};
use trygghetstavlan::store::Store;
use trygghetstavlan::store::synthetic::Spec;
use trygghetstavlan::ui::Prefs;
use trygghetstavlan::ui::{BoardAction, NavAction};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<F: FnMut()>(n: usize, mut f: F) -> f64 {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                ms(t.elapsed())
            })
            .collect(),
    )
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = std::env::var_os("TRYGG_SCALE_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("sverige.db"));
    if !path.exists() {
        let t = Instant::now();
        let mut s = Store::open(&path).expect("open");
        let n = s.generate_synthetic(Spec::sweden()).expect("generate");
        println!(
            "Genererade {n} insatser på {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    println!(
        "Skala: 290 kommuner, 10 år, 1 000 000 insatser, 30 000 trygghetsvandringar, 1 000 000 händelser"
    );
    println!("SQLite-fil:");
    measure(&path, today, tmp.path());
    if let Ok(admin) = std::env::var("TRYGGHETSTAVLAN_BENCH_PG") {
        let url = trygghetstavlan::store::server::new_database(&admin).expect("database");
        let t = Instant::now();
        let source = Store::open_readonly(&path).expect("file");
        let copied = Store::open(std::path::Path::new(&url))
            .expect("server")
            .copy_from(&source)
            .expect("copy");
        let rows: u64 = copied.iter().map(|c| c.new).sum();
        println!(
            "PostgreSQL ({}): import-sqlite av {rows} rader på {:.1} s",
            trygghetstavlan::store::server::shown(&url),
            t.elapsed().as_secs_f64()
        );
        measure(&PathBuf::from(url), today, tmp.path());
    }
}

fn measure(path: &std::path::Path, today: NaiveDate, tmp: &std::path::Path) {
    // Opening the database and drawing the first board frame.
    let t = Instant::now();
    let store = Store::open(path).expect("open");
    let prefs = Prefs {
        municipality: Some("Kommun 001".into()),
        year: Some(2026),
        ..Prefs::default()
    };
    let app = App::new(Ok(store), path.to_path_buf(), prefs, Clock::Fixed(today));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    h.step();
    let first = ms(t.elapsed());

    let board = time(60, || h.step());
    let rows = h.state().board().map(|(_, s)| s.rows.len()).unwrap_or(0);

    // +1 as the user does it: the write and the reload of what is shown.
    let (c, tgt) = {
        let (_, s) = h.state().board().expect("board");
        let r = s
            .rows
            .iter()
            .find(|r| !r.targets.is_empty())
            .expect("counted löfte");
        (r.commitment.id, r.targets[0].target.id)
    };
    let plus_one = time(15, || {
        h.state_mut().apply(
            BoardAction::QuickAdd {
                commitment: c,
                target: Some(tgt),
                by: Party::Polisen,
            }
            .into(),
            0.0,
        )
    });

    // The "Alla kommuner" overview of the first lokalpolisområde.
    let area = h
        .state()
        .board()
        .map(|(b, _)| b.municipality.police_area)
        .expect("area");
    h.state_mut()
        .apply(NavAction::SelectOverview(area).into(), 0.0);
    h.step();
    let overview = time(60, || h.step());

    // The lägesbild of the largest kommun (a tenth of the händelser) for a quarter, beside
    // the quarter before and the same quarter a year before: read by the store, then as
    // the window opens it (another quarter each time, so that it is read again), then
    // its frame.
    use trygghetstavlan::domain::situation::{Window, WindowKind};
    let reader = Store::open_readonly(path).expect("open");
    let largest = reader
        .municipality_by_name("Kommun 001")
        .unwrap()
        .unwrap()
        .id;
    let quarter = Window::containing(
        WindowKind::Quarter,
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    );
    let year = Window::containing(
        WindowKind::Year,
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    );
    let incidents_in_kommun: u64 = reader
        .situation(largest, year)
        .unwrap()
        .categories
        .iter()
        .map(|c| c.count)
        .sum();
    let situation_store = time(20, || {
        reader.situation(largest, quarter).unwrap();
    });
    h.state_mut()
        .apply(NavAction::SelectMunicipality(largest).into(), 0.0);
    h.state_mut().apply(
        NavAction::SetTab(trygghetstavlan::ui::nav::Tab::Situation).into(),
        0.0,
    );
    h.step();
    let mut back = false;
    let situation_open = time(10, || {
        back = !back;
        let w = if back { quarter.previous() } else { quarter };
        h.state_mut()
            .apply(trygghetstavlan::ui::SituationAction::Show(w).into(), 0.0);
        h.step();
    });
    let situation_frame = time(60, || h.step());

    // One insats written through the store, on its own connection.
    let mut writer = Store::open(path).expect("open");
    let m = writer.municipality_by_name("Kommun 002").unwrap().unwrap();
    let write = time(50, || {
        writer
            .add_activity(&Activity {
                version: 0,
                id: ActivityId(0),
                municipality: m.id,
                commitment: None,
                target: None,
                date: today,
                by: Party::Kommunen,
                count: 1,
                place: "Torget".into(),
                description: "Mätning".into(),
                internal_note: String::new(),
            })
            .unwrap();
    });

    // CSV of everything: every kommun, every year.
    let t = Instant::now();
    let mut bytes = 0;
    for year in 2017..=2026 {
        let boards = trygghetstavlan::cli::select_boards(&writer, None, Some(year), today).unwrap();
        bytes += trygghetstavlan::csv::document(boards.iter().map(|(b, s)| (b, s))).len();
    }
    let csv = ms(t.elapsed());

    // PDF for the busiest kommun of 2026.
    let boards = trygghetstavlan::cli::select_boards(&writer, None, Some(2026), today).unwrap();
    let busiest = boards
        .iter()
        .max_by_key(|(b, _)| b.stats.values().map(|s| s.entries).sum::<u32>())
        .map(|(b, _)| b.pledge.id)
        .unwrap();
    let mut pages = 0;
    let pdf = time(5, || {
        let f = trygghetstavlan::report::build_follow_up(&writer, busiest, today).unwrap();
        pages = trygghetstavlan::report::render_pdf(&f, None).unwrap().pages;
    });

    println!("  öppna databasen + första frame:     {first:8.1} ms   (mål < 300)");
    println!("  tavlans frame ({rows} löften):         {board:8.2} ms   (mål < 4)");
    println!("  +1 inklusive omladdning:             {plus_one:8.1} ms");
    println!("  Alla kommuner-översikt, frame:       {overview:8.2} ms");
    println!(
        "  lägesbild kvartal, största kommunen ({incidents_in_kommun} händelser 2025): {situation_store:6.1} ms i databasen, {situation_open:6.1} ms att öppna i fönstret   (mål < 100)"
    );
    println!("  lägesbildens frame:                  {situation_frame:8.2} ms   (mål < 4)");
    println!("  en insats (skrivning):               {write:8.2} ms   (mål < 5)");
    println!(
        "  CSV av allt ({:.1} MB):               {csv:8.0} ms",
        bytes as f64 / 1e6
    );
    println!("  PDF, mest aktiva kommunen ({pages} s.):   {pdf:8.1} ms   (mål < 1000)");
    if trygghetstavlan::store::server_url(path).is_some() {
        // The server's health and copies are IT's.
        return;
    }
    // The start-up check and the day's copy, which run in the background of the window
    // and before each command.
    let t = Instant::now();
    writer.check_health().unwrap();
    let health = ms(t.elapsed());
    let copies = tmp.join("kopior");
    let t = Instant::now();
    writer.daily_backup(&copies, today, 14).unwrap();
    let daily = ms(t.elapsed());
    println!(
        "  kontroll av filen (quick_check):     {health:8.0} ms   (i bakgrunden / före kommandon)"
    );
    println!("  dagens kopia, kontrollerad:          {daily:8.0} ms   (i bakgrunden)");
}
