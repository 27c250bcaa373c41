//! `cargo bench --bench import`: parsing 7 MB texts of the shapes that were quadratic —
//! prose on one line with thousands of counts, a seed text with CR-only line ends — and
//! the layouts of the third round (topic bullets, listing headings, inverted subjects).
//! Prints medians; no assertions (benchmarks are not tests).

use std::time::Instant;
use trygghetstavlan::import::parse;

const SIZE: usize = 7 * 1024 * 1024;

fn repeat_to(head: &str, piece: &str) -> String {
    let mut s = head.to_string();
    while s.len() + piece.len() <= SIZE {
        s.push_str(piece);
    }
    s
}

/// A händelse file of 50 000 rows read and imported into a new database, and the
/// lägesbild of a quarter over it (issue 29: the import under 2 s).
fn incidents() {
    use trygghetstavlan::domain::situation::{Window, WindowKind};
    let mut csv = String::from("Datum;Tid;Område;Plats;Kategori;Källa;Antal\r\n");
    let places = [
        "Stortorget",
        "Parken",
        "Stationen",
        "Skolan",
        "Tunneln",
        "Hamnen",
    ];
    let kinds = ["Klotter", "Skadegörelse", "Samlingsplats", "Nedskräpning"];
    for i in 0..50_000u32 {
        let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
            + chrono::Days::new(u64::from(i % 730));
        csv.push_str(&format!(
            "{day};21:30;Centrum;{};{};Fastighet;{}\r\n",
            places[(i % 6) as usize],
            kinds[(i % 4) as usize],
            1 + i % 3
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&csv);
    let dir = tempfile::tempdir().unwrap();
    let mut store = trygghetstavlan::store::Store::open_or_create(&dir.path().join("b.db"), |s| {
        let area = s.ensure_police_area("Karlshamn")?;
        s.add_municipality("Bromölla", area).map(|_| ())
    })
    .unwrap();
    let m = store.municipalities().unwrap()[0].id;
    let t = Instant::now();
    let read = trygghetstavlan::incidents_csv::read(&bytes).unwrap();
    let read_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    store.import_incidents(m, &read.rows).unwrap();
    let import_ms = t.elapsed().as_secs_f64() * 1000.0;
    let w = Window::containing(
        WindowKind::Quarter,
        chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
    );
    let mut ms = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let s = store.situation(m, w).unwrap();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(!s.places.is_empty());
    }
    ms.sort_by(f64::total_cmp);
    println!("Händelser (50 000 rader, Windows-1252):");
    println!("  läsa CSV                                  {read_ms:>7.0} ms");
    println!("  importera (en transaktion)                {import_ms:>7.0} ms");
    println!(
        "  lägesbild för ett kvartal, median av 5    {:>7.1} ms",
        ms[2]
    );
}

fn main() {
    incidents();
    let seed = include_str!("../tests/fixtures/solvesborg.txt");
    let cases = [
        (
            "en rad, räknat efter ett verb",
            repeat_to(
                "Trafik\n\n• Genomföra ",
                "kontroller minst 4, och minst 5, ",
            ),
        ),
        (
            "en rad, räknat efter rubrikordet",
            repeat_to("Trafik\n\n• Trygghetsvandringar ", "minst 4, och minst 5, "),
        ),
        (
            "en rad, många meningar",
            repeat_to("Trafik\n\n• ", "Polisen ska genomföra minst 4 insatser. "),
        ),
        (
            "ämnesrader med punkt, stycke under varje",
            repeat_to(
                "Det här lovar vi\n\n",
                "• Trafik\n\nPolisen genomför minst 4 kontroller.\n\n",
            ),
        ),
        (
            "en rubrik över stycken som berättar",
            repeat_to(
                "Insatser från polisen\n",
                "Polisen har genomfört fyra kontroller vid skolan.\n",
            ),
        ),
        (
            "stycken som börjar med en tid",
            repeat_to(
                "Trygghet i centrum\n",
                "Under 2026 kommer polisen att genomföra minst trehundra insatser.\n",
            ),
        ),
        (
            "Sölvesborgs text med bara CR som radslut",
            repeat_to("", &format!("{}\r", seed.replace('\n', "\r"))),
        ),
        (
            "Sölvesborgs text på en rad",
            repeat_to("", &format!("{} ", seed.replace('\n', " "))),
        ),
    ];
    println!("Tolka 7 MB text (median av 3):");
    for (name, text) in cases {
        let mut ms = Vec::new();
        let mut found = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let p = parse(&text);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            found = p
                .sections
                .iter()
                .flat_map(|s| &s.commitments)
                .map(|c| c.targets.len())
                .sum();
        }
        ms.sort_by(f64::total_cmp);
        println!("  {name:<42} {:>7.0} ms ({found} mål)", ms[1]);
    }
}
