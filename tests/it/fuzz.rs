//! Property tests: the text-import parser, the seed reader, CSV quoting and the small
//! parsers never panic, whatever they are given.

use proptest::prelude::*;
use trygghetstavlan::import::{parse, parse_number, parse_targets};

/// Lines that look like a medborgarlöfte, mixed with noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Polisen".to_string()),
        Just("Olofströms kommun".to_string()),
        Just("Det här lovar vi".to_string()),
        Just("Kontakt".to_string()),
        Just("Bromölla kommun och polisen ska gemensamt:".to_string()),
        "[•\\-*o1-9.)]{0,3} ?(minst|minimum|vid)? ?(en|ett|två|tre|tjugofem|[0-9]{1,6}) ?(st)? ?(riktade)? ?(insatser|tillfällen|gånger|möten)? ?(per år|var|varje år)?\\.?",
        "[A-ZÅÄÖ][a-zåäö]{1,12}( [a-zåäö]{1,12}){0,12}[.:!?]?",
        "\\PC{0,80}",
    ]
}

/// Words of a löfte, none of them a number.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "genomföra",
        "minst",
        "insatser",
        "tillfällen",
        "polisen",
        "ska",
        "vid",
        "under",
        "i",
        "och",
        "möten",
        "kontroller",
        "per",
        "år",
        "gånger",
        "riktade",
        "totalt",
        "cirka",
    ])
    .prop_map(String::from)
}

/// Numbers that are never a count: years, year ranges, dates, times, phone numbers.
fn not_a_count() -> impl Strategy<Value = String> {
    prop_oneof![
        (1990u32..2100).prop_map(|y| y.to_string()),
        (1990u32..2099).prop_map(|y| format!("{y}–{}", y + 1)),
        (1990u32..2099, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (
            1u32..29,
            prop::sample::select(vec![
                "januari", "mars", "maj", "juni", "oktober", "december"
            ])
        )
            .prop_map(|(d, m)| format!("den {d} {m}")),
        (
            1u32..29,
            prop::sample::select(vec!["februari", "april", "augusti"]),
            2024u32..2030
        )
            .prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        (0u32..24).prop_map(|h| format!("kl. {h}.00")),
        (1u32..24).prop_map(|h| format!("kl {h}")),
        (10u32..99, 100u32..999, 10u32..99, 10u32..99)
            .prop_map(|(a, b, c, d)| format!("0{a}-{b} {c} {d}")),
        (100u32..999, 10u32..99, 10u32..99).prop_map(|(a, b, c)| format!("010-{a} {b} {c}")),
        Just("114 14".to_string()),
    ]
}

/// Pieces of a text where lowercasing changes byte lengths (İ → i̇, ẞ → ß, the Kelvin
/// sign → k), marks that change direction or are invisible, combining accents, emoji,
/// among the phrases the parser looks for: positions found in one form of a text must
/// never be used in another.
fn unicode_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "İ",
            "ẞ",
            "\u{212A}",
            "\u{2126}",
            "Å",
            "\u{0301}",
            "\u{202E}",
            "\u{200B}",
            "\u{FEFF}",
            "🚓",
            "👮🏽\u{200D}♀️",
            "ﬃ",
            "Σ",
            "ς",
            "\u{00A0}",
            "\r",
            "\n",
            "\t",
            "i områdena ",
            "I OMRÅDENA ",
            "Polisen ska ",
            "Kommunen lovar att ",
            "minst ",
            "4 ",
            "fyra ",
            "trygghetsvandringar",
            "Ansvarig: ",
            "Mål: ",
            "LPO ",
            "1. ",
            "• ",
            "Medborgarlöfte 2026",
            "Tillsammans ska vi:",
            " och ",
            ", ",
            ". ",
        ])
        .prop_map(String::from),
        "\\PC{0,6}",
        "[İẞ\u{212A}a-zåäöA-ZÅÄÖ ]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    /// At least 10 000 texts of arbitrary Unicode mixed with the parser's own phrases.
    #[test]
    fn parser_never_panics_on_unicode(pieces in proptest::collection::vec(unicode_piece(), 0..40)) {
        let text: String = pieces.concat();
        let p = parse(&text);
        let _ = trygghetstavlan::domain::PledgeDraft::from(&p);
        let _ = trygghetstavlan::import::render_text(&p);
        let _ = trygghetstavlan::import::parse_sub_areas(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn parser_never_panics_on_anything(s in "\\PC{0,400}") {
        let p = parse(&s);
        let _ = trygghetstavlan::domain::PledgeDraft::from(&p);
        let _ = trygghetstavlan::import::render_text(&p);
    }

    #[test]
    fn parser_never_panics_on_lookalike_documents(lines in proptest::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let p = parse(&text);
        // Every target it finds is a positive count with a unit.
        for s in &p.sections {
            prop_assert!(!s.title.trim().is_empty());
            for c in &s.commitments {
                for t in &c.targets {
                    prop_assert!(t.count > 0);
                    prop_assert!(!t.unit.is_empty());
                }
            }
        }
    }

    /// A year, a date, a time or a phone number among words that could otherwise be a
    /// target is never read as one, in a sentence or in a whole document.
    #[test]
    fn no_target_from_a_year_date_or_phone_number(
        before in proptest::collection::vec(word(), 0..5),
        token in not_a_count(),
        after in proptest::collection::vec(word(), 0..5),
    ) {
        let sentence = format!("{} {token} {}", before.join(" "), after.join(" "));
        let targets = parse_targets(&sentence, true);
        prop_assert!(targets.is_empty(), "{sentence}: {targets:?}");
        let doc = format!("Polisen\n\n• {sentence}\n• Genomföra {token} insatser.\n");
        let p = parse(&doc);
        for c in p.sections.iter().flat_map(|s| &s.commitments) {
            prop_assert!(c.targets.is_empty(), "{doc}: {:?}", c.targets);
        }
    }

    /// Nothing disappears unseen: every line of the text shows up somewhere in what the
    /// parser gives back (a löfte, a heading, the målsättning, the unused lines …).
    #[test]
    fn every_line_is_kept_somewhere(lines in proptest::collection::vec(line(), 1..30)) {
        let text = lines.join("\n");
        let p = parse(&text);
        let mut out = vec![p.goal.clone(), p.ignored.join(" "), p.contact.clone().unwrap_or_default()];
        out.extend(p.title.clone());
        out.extend(p.signed.clone());
        for s in &p.signatories {
            out.push(format!("{} {}", s.name, s.role));
        }
        for s in &p.sections {
            out.push(s.title.clone());
            out.push(s.intro.clone());
            out.extend(s.commitments.iter().map(|c| c.text.clone()));
            out.extend(s.unsure.iter().map(|c| c.text.clone()));
        }
        let all = out.join(" ").to_lowercase();
        for l in text.lines() {
            let words: Vec<String> = l
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_lowercase)
                .collect();
            if words.is_empty() {
                continue;
            }
            prop_assert!(
                words.iter().any(|w| all.contains(w.as_str())),
                "lost: {l:?}\nin {text:?}\n→ {p:#?}"
            );
        }
    }

    #[test]
    fn number_and_target_parsers_never_panic(s in "\\PC{0,60}", both in any::<bool>()) {
        let _ = parse_number(&s);
        let _ = parse_targets(&s, both);
        let _ = trygghetstavlan::domain::Period::parse(&s);
        let _ = trygghetstavlan::validate::parse_date(&s);
        let _ = trygghetstavlan::validate::parse_count(&s);
    }

    #[test]
    fn seed_reader_rejects_garbage_without_panicking(s in "\\PC{0,300}") {
        let _ = trygghetstavlan::seed::parse_pledge("fuzz.toml", &s);
        let _ = trygghetstavlan::seed::parse_agreement("fuzz.toml", &s);
    }

    #[test]
    fn csv_fields_are_always_well_formed(s in "\\PC{0,80}") {
        let f = trygghetstavlan::csv::field(&s);
        if f.starts_with('"') {
            prop_assert!(f.ends_with('"') && f.len() >= 2);
            let inner = &f[1..f.len() - 1];
            // Every quote inside is doubled.
            prop_assert_eq!(inner.matches('"').count() % 2, 0);
        } else {
            prop_assert!(!f.contains([';', '"', '\n', '\r']));
        }
        prop_assert!(!f.starts_with(['=', '+', '@']));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Any bytes given as a händelse file: rows or a Swedish reason, never a panic.
    #[test]
    fn incident_csv_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = trygghetstavlan::incidents_csv::read(&bytes);
        let mut with_header = b"Datum;Plats;Kategori;Antal;Tid\n".to_vec();
        with_header.extend(&bytes);
        let _ = trygghetstavlan::incidents_csv::read(&with_header);
    }

    /// Places and kategorier with separators, quotes and åäö come back as written, each
    /// row with its own line number, whichever separator the file uses.
    #[test]
    fn incident_csv_round_trips(
        rows in proptest::collection::vec(("[a-zåäöA-ZÅÄÖ;,\" ]{1,20}", "[a-zåäö]{1,12}", 1u32..50), 1..20),
        comma in any::<bool>(),
    ) {
        let sep = if comma { "," } else { ";" };
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut text = format!("Plats{sep}Kategori{sep}Datum{sep}Antal\n");
        for (place, cat, n) in &rows {
            text.push_str(&format!("{}{sep}{}{sep}2024-03-01{sep}{n}\n", quote(place), quote(cat)));
        }
        let keep = rows.iter().all(|(p, _, _)| !p.trim().is_empty());
        match trygghetstavlan::incidents_csv::read(text.as_bytes()) {
            Ok(read) => {
                prop_assert!(keep);
                prop_assert_eq!(read.rows.len(), rows.len());
                for (i, (r, (place, cat, n))) in read.rows.iter().zip(&rows).enumerate() {
                    prop_assert_eq!(&r.place, place.trim());
                    prop_assert_eq!(&r.category, cat);
                    prop_assert_eq!(r.count, *n);
                    prop_assert_eq!(r.line, i as u64 + 2);
                }
            }
            Err(e) => prop_assert!(!keep, "{:?}", e),
        }
    }
}
