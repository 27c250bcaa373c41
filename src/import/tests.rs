//! Table tests of the parser: numbers, targets, parties, structure.

use super::*;

fn t(count: u32, unit: &str, per_ar: bool, ansvarig: Option<Party>) -> ParsedTarget {
    ParsedTarget {
        count,
        unit: unit.into(),
        per_year: per_ar,
        party: ansvarig,
        rate: None,
    }
}

#[test]
fn number_words() {
    let cases = [
        ("en", Some(1)),
        ("ett", Some(1)),
        ("två", Some(2)),
        ("tre", Some(3)),
        ("fyra", Some(4)),
        ("fem", Some(5)),
        ("sex", Some(6)),
        ("sju", Some(7)),
        ("åtta", Some(8)),
        ("nio", Some(9)),
        ("tio", Some(10)),
        ("tolv", Some(12)),
        ("femton", Some(15)),
        ("tjugo", Some(20)),
        ("tjugofem", Some(25)),
        ("trettio", Some(30)),
        ("Trettiotvå", Some(32)),
        ("hundra", Some(100)),
        ("42", Some(42)),
        ("tjugon", None),
        ("fyrkant", None),
        ("", None),
    ];
    for (w, expected) in cases {
        assert_eq!(parse_number(w), expected, "{w}");
    }
}

#[test]
fn targets_table() {
    use Party::*;
    let cases: Vec<(&str, bool, Vec<ParsedTarget>)> = vec![
        (
            "Delta vid minst 4 tillfälle.",
            false,
            vec![t(4, "tillfälle", false, None)],
        ),
        (
            "Genomföra 2 riktade seniorinformationstillfällen per år.",
            false,
            vec![t(2, "riktade seniorinformationstillfällen", true, None)],
        ),
        (
            "Polisen kommer att under 2024 genomföra minst fyra riktade insatser mot A-traktorer.",
            false,
            vec![t(4, "riktade insatser", false, None)],
        ),
        (
            "4 st riktade kampanjer för att sprida information.",
            false,
            vec![t(4, "riktade kampanjer", false, None)],
        ),
        (
            "minimum 2 uppstartsmöte och 1 repetitionsmöte, gemensamt nyhetsbrev 4 gånger per år.",
            false,
            vec![
                t(2, "uppstartsmöte", false, None),
                t(1, "repetitionsmöte", false, None),
                t(4, "nyhetsbrev", true, None),
            ],
        ),
        (
            "Polisen samt kommunen ska genomföra minst åtta riktade insatser var som syftar till",
            true,
            vec![
                t(8, "riktade insatser", false, Some(Polisen)),
                t(8, "riktade insatser", false, Some(Kommunen)),
            ],
        ),
        (
            "genomföra minst två uppstartsmöten samt minst två repetitionsträffar gällande grannsamverkan.",
            false,
            vec![
                t(2, "uppstartsmöten", false, None),
                t(2, "repetitionsträffar", false, None),
            ],
        ),
        (
            "Arbeta för ett dialogforum mellan seniorer och barn/unga.",
            false,
            vec![],
        ),
        ("Skapa en tydlig ansvarsfördelning.", false, vec![]),
        ("Under 2024 ska arbetet komma igång.", false, vec![]),
        ("Minska brotten med 10% till 2025-12-31.", false, vec![]),
        (
            "Genomföra minst en föräldraföreläsning.",
            false,
            vec![t(1, "föräldraföreläsning", false, None)],
        ),
        (
            "Trygghetsvandringar 3 gånger per år i varje kommundel.",
            false,
            vec![t(3, "trygghetsvandringar", true, None)],
        ),
        (
            "Tolv fotpatruller varje år i centrum.",
            false,
            vec![t(12, "fotpatruller", true, None)],
        ),
        (
            "Påbörja arbetet på två individer.",
            false,
            vec![t(2, "individer", false, None)],
        ),
        ("Öppet 24/7 för tips.", false, vec![]),
    ];
    for (text, both, expected) in cases {
        assert_eq!(parse_targets(text, both), expected, "{text}");
    }
}

#[test]
fn subjects() {
    use Party::*;
    let cases = [
        ("Polisen ska genomföra synlighetsarbete", Some(Polisen)),
        (
            "Polisen ska i samverkan med kommunen genomföra",
            Some(Polisen),
        ),
        ("Sölvesborgs kommun kommer i sin tur skapa", Some(Kommunen)),
        ("Kommunen ska snabbt erbjuda stöd", Some(Kommunen)),
        ("Vi ska gemensamt arbeta", Some(Gemensamt)),
        (
            "Polisen samt Sölvesborgs kommun ska var för sig",
            Some(Gemensamt),
        ),
        ("Kommunen och polisen anordnar gemensamt", Some(Gemensamt)),
        ("Polisen och kommunen samarbetar", Some(Gemensamt)),
        ("Genomföra grannsamverkanutbildning", None),
        ("Ökad polisiär närvaro", None),
    ];
    for (s, expected) in cases {
        assert_eq!(subject_party(s), expected, "{s}");
    }
}

#[test]
fn bullets_of_every_kind() {
    for (line, expected) in [
        ("• Text", Some((0, "Text"))),
        ("- Text", Some((0, "Text"))),
        ("– Text", Some((0, "Text"))),
        ("* Text", Some((0, "Text"))),
        ("o Text", Some((1, "Text"))),
        ("  • Text", Some((0, "Text"))),
        ("      • Text", Some((1, "Text"))),
        ("1. Text", Some((0, "Text"))),
        ("12) Text", Some((0, "Text"))),
        ("2024. Text", None),
        ("Text", None),
        ("-Text", None),
    ] {
        assert_eq!(
            bullet(line),
            expected.map(|(l, t)| (l, t.to_string())),
            "{line}"
        );
    }
}

#[test]
fn sub_areas() {
    assert_eq!(
        parse_sub_areas("Genomföra 3 medborgardialoger i områdena norr, söder och centrum."),
        ["Norr", "Söder", "Centrum"]
    );
    assert!(parse_sub_areas("Genomföra 3 medborgardialoger.").is_empty());
}

#[test]
fn a_small_document() {
    let text = "Sök\n\nMedborgarlöfte 2025 – Exempelby\n\nVi vill öka tryggheten.\n\n\
        Polisen\n\n• Minst 6 fotpatruller per år i centrum.\n• Delta i skolans föräldramöten.\n\n\
        Exempelby kommun\n\n1. Genomföra två trygghetsvandringar.\n2) Förbättra belysningen vid stationen.\n\n\
        Det här gör vi tillsammans\n\n* Genomföra en medborgardialog om året.\n\n\
        Kalle Anka\nKommunstyrelsens ordförande\n\nMusse Pigg\nLokalpolisområdeschef\n";
    let p = parse(text);
    let heads: Vec<_> = p.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        heads,
        ["Polisen", "Exempelby kommun", "Det här gör vi tillsammans"]
    );
    let parties: Vec<Vec<Party>> = p
        .sections
        .iter()
        .map(|s| s.commitments.iter().map(|c| c.party).collect())
        .collect();
    assert_eq!(
        parties,
        [
            vec![Party::Polisen, Party::Polisen],
            vec![Party::Kommunen, Party::Kommunen],
            vec![Party::Gemensamt]
        ]
    );
    assert_eq!(
        p.sections[0].commitments[0].targets,
        [t(6, "fotpatruller", true, None)]
    );
    assert_eq!(
        p.sections[1].commitments[0].targets,
        [t(2, "trygghetsvandringar", false, None)]
    );
    assert!(
        p.sections[2].commitments[0].targets.is_empty(),
        "\"en\" without minst is an article"
    );
    assert_eq!(p.signatories.len(), 2);
    assert_eq!(p.signatories[1].role, "Lokalpolisområdeschef");
    assert!(p.goal.contains("Vi vill öka tryggheten."));
    assert!(p.ignored.contains(&"Sök".to_string()));
}

#[test]
fn nothing_is_lost() {
    // Odd input: prose only, no headings, no bullets.
    let text = "Vi lovar att jobba hårt.\nOch att synas mer.\n\nGRANNSAMVERKAN!!!\n\n12345";
    let p = parse(text);
    let all = format!(
        "{} {} {} {}",
        p.goal,
        p.sections
            .iter()
            .map(|s| s.intro.clone())
            .collect::<Vec<_>>()
            .join(" "),
        p.ignored.join(" "),
        p.sections
            .iter()
            .flat_map(|s| s.commitments.iter().map(|c| c.text.clone()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for w in ["jobba", "synas", "GRANNSAMVERKAN", "12345"] {
        assert!(all.contains(w), "{w} lost: {p:?}");
    }
}

#[test]
fn garbage_never_panics() {
    for s in [
        "",
        "\n\n",
        "•",
        "- ",
        "1.",
        "o",
        "ÅÄÖ\u{0}\u{7}",
        "🚓🚓",
        "tjugo tjugo tjugo",
        "99999999999999999999 tillfällen",
    ] {
        let _ = parse(s);
        let _ = parse_targets(s, true);
    }
}
