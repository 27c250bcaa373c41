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

fn main() {
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
