//! Table tests of the parser: numbers, targets, parties, structure.

use super::lines::*;
use super::signatures::*;
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
        ("etthundra", Some(100)),
        ("trehundra", Some(300)),
        ("tvåhundrafemtio", Some(250)),
        ("etthundratjugo", Some(120)),
        ("hundrafemtio", Some(150)),
        ("tusen", Some(1000)),
        ("ettusen", Some(1000)),
        ("etttusen", Some(1000)),
        ("tvåtusen", Some(2000)),
        ("tretusenfemhundra", Some(3500)),
        ("tolvtusen", Some(12000)),
        ("hundratals", None),
        ("tusentals", None),
        ("enhundra", None),
        ("entusiasm", None),
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
    assert_eq!(
        parse_sub_areas("Dialoger I OMRÅDENA Norr och Söder."),
        ["Norr", "Söder"]
    );
}

/// Line ends of Windows (CR LF) and of old Mac and Word exports (CR alone) read as lines.
#[test]
fn cr_only_and_crlf_texts_read_like_lf_texts() {
    let lf = "Medborgarlöfte 2026\n\nPolisen lovar att:\n- genomföra minst 4 trygghetsvandringar\n- hålla 2 dialogmöten\n";
    let want = render_text(&parse(lf));
    assert!(
        want.contains("trygghetsvandringar") && want.contains("dialogmöten"),
        "{want}"
    );
    assert_eq!(render_text(&parse(&lf.replace('\n', "\r"))), want);
    assert_eq!(render_text(&parse(&lf.replace('\n', "\r\n"))), want);
}

/// Lowercasing changes byte lengths (İ is 2 bytes, "i̇" 3; the Kelvin sign 3, k 1): a
/// position found in a lowercased copy used to slice the original and panicked.
#[test]
fn sub_areas_after_letters_whose_lower_case_is_longer_or_shorter() {
    // Five words after the marker are no list of areas.
    assert!(
        parse_sub_areas("- İ i områdena Östra genomföra minst 4 trygghetsvandringar").is_empty()
    );
    assert_eq!(
        parse_sub_areas("İİ i områdena Östra, Västra."),
        ["Östra", "Västra"]
    );
    assert_eq!(
        parse_sub_areas("\u{212A}\u{212A} ẞẞ i områdena Norr och Väst."),
        ["Norr", "Väst"]
    );
    let parsed = parse("- İ i områdena Östra genomföra minst 4 trygghetsvandringar\n");
    assert!(!parsed.sections.is_empty() || !parsed.ignored.is_empty());
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
        "{} {} {} {} {}",
        p.goal,
        p.sections
            .iter()
            .flat_map(|s| s.unsure.iter().map(|c| c.text.clone()))
            .collect::<Vec<_>>()
            .join(" "),
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

/// A paragraph among löften that neither promises nor introduces is shown as unsure: not
/// dropped, not promoted; the draft saves only what was taken.
#[test]
fn unsure_lines_are_kept_apart() {
    let p = parse(
        "Medborgarlöfte 2026\n\nTrygg i centrum\nPolisen ska genomföra 20 fotpatruller i centrum.\nTrygghetsvandringar genomförs i tre områden.\nKommunen ska röja buskage vid stationen.\n",
    );
    let s = &p.sections[0];
    let texts: Vec<&str> = s.commitments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Polisen ska genomföra 20 fotpatruller i centrum.",
            "Kommunen ska röja buskage vid stationen."
        ]
    );
    assert_eq!(s.unsure.len(), 1, "{p:#?}");
    assert_eq!(
        s.unsure[0].text,
        "Trygghetsvandringar genomförs i tre områden."
    );
    // Parsed like a löfte, so that taking it keeps its target.
    assert_eq!(s.unsure[0].targets[0].count, 3);
    let d = crate::domain::PledgeDraft::from(&p);
    assert_eq!(d.sections[0].commitments.len(), 2);
    assert!(render_text(&p).contains("1 osäker rad kan vara"));
    // A lead-in and a mission statement are neither löften nor unsure.
    let p = parse(
        "Våra löften\nPolisen och Runneby kommun arbetar tillsammans för att Runneby ska vara en trygg kommun.\nVi har kommit överens om att under året arbeta med dessa aktiviteter:\nPolisen ska genomföra 30 fotpatruller.\n",
    );
    assert_eq!(p.commitment_count(), 1, "{p:#?}");
    assert!(p.sections[0].unsure.is_empty(), "{p:#?}");
    assert!(p.goal.contains("arbetar tillsammans för att"));
    assert!(p.sections[0].intro.contains("dessa aktiviteter:"));
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

/// (text, löfte of both parties, expected targets as "count[P|K][år]").
fn targets_as_keys(text: &str, both: bool) -> Vec<String> {
    parse_targets(text, both)
        .iter()
        .map(|t| {
            let party = match t.party {
                Some(Party::Polisen) => "P",
                Some(Party::Kommunen) => "K",
                _ => "",
            };
            let year = if t.per_year { "år" } else { "" };
            format!("{}{party}{year}", t.count)
        })
        .collect()
}

#[test]
fn numbers_rates_and_parties_table() {
    let cases: &[(&str, bool, &[&str])] = &[
        // Digits and words, with and without minst/cirka/upp till.
        ("Genomföra tolv fotpatruller.", false, &["12"]),
        ("Genomföra tio trafikkontroller.", false, &["10"]),
        ("Minimum 3 möten.", false, &["3"]),
        ("Cirka 25 kvällar med föräldravandring.", false, &["25"]),
        ("Upp till 10 skolbesök.", false, &["10"]),
        ("Totalt fyra dialoger.", false, &["4"]),
        ("Genomföra tjugofem kontroller.", false, &["25"]),
        // Ranges: the lower end.
        ("Genomföra 4–6 gemensamma kontroller.", false, &["4"]),
        ("Genomföra 2-3 trygghetsvandringar.", false, &["2"]),
        // Approximate numbers.
        ("Polisen genomför ett tjugotal kvällspass.", false, &["20"]),
        ("Ett tiotal informationsträffar.", false, &["10"]),
        ("Ett par gånger per år bjuder vi in.", false, &["2år"]),
        // Rates: the count for a year, per year.
        ("Två gånger per termin.", false, &["4år"]),
        ("Anordna två föräldraträffar per termin.", false, &["4år"]),
        ("Nattvandring en gång i månaden.", false, &["12år"]),
        (
            "Hastighetskontroller minst två gånger per månad.",
            false,
            &["24år"],
        ),
        (
            "Polisen är på plats vid torget varje vecka.",
            false,
            &["52år"],
        ),
        ("Lägesbilden uppdateras varje månad.", false, &["12år"]),
        ("Rapportera varje kvartal.", false, &["4år"]),
        ("Kontroller i snitt en kväll per vecka.", false, &["52år"]),
        ("Minst en gång per termin.", false, &["2år"]),
        ("Nyhetsbrev 4 gånger per år.", false, &["4år"]),
        ("Tolv fotpatruller årligen.", false, &["12år"]),
        ("2 per månad", false, &["24år"]),
        ("Minst 6 kontroller/år.", false, &["6år"]),
        // One target per party.
        (
            "Polisen och kommunen ska var för sig genomföra minst åtta skolbesök.",
            true,
            &["8P", "8K"],
        ),
        (
            "Polisen och kommunen genomför vardera fyra riktade insatser.",
            true,
            &["4P", "4K"],
        ),
        ("Båda parter deltar i minst 2 möten.", true, &["2P", "2K"]),
        ("Minst åtta riktade insatser var.", true, &["8P", "8K"]),
        ("Polisen genomför vardera fyra insatser.", false, &["4"]),
        // A target in the second sentence.
        (
            "Vi ska synas mer. Detta gör vi genom minst 30 fotpatruller.",
            false,
            &["30"],
        ),
        // Not targets: years, dates, times, phone numbers, percentages, ages, addresses.
        ("Under 2024 ska arbetet komma igång.", false, &[]),
        ("Överenskommelsen gäller 2023–2024.", false, &[]),
        ("Klart senast 2026-06-30.", false, &[]),
        ("Öppet hus den 15 mars kl. 18.00.", false, &[]),
        ("Öppet hus kl 18 på stationen.", false, &[]),
        ("Senast 30 juni 2026.", false, &[]),
        ("Löftet gäller 1 januari–31 december 2026.", false, &[]),
        ("Ring 010-114 14 14 för tips.", false, &[]),
        ("Ring 0454-30 30 00 om du ser något.", false, &[]),
        ("Kontakta kommunpolisen via 114 14.", false, &[]),
        ("Minska brotten med 10 %.", false, &[]),
        ("Minska skadegörelsen med 20 procent.", false, &[]),
        ("För unga mellan 13 och 17 år.", false, &[]),
        (
            "Drogförebyggande lektioner för 15 år gamla elever.",
            false,
            &[],
        ),
        ("Lektioner 13–17 år.", false, &[]),
        ("Föräldramöten i årskurs 7–9.", false, &[]),
        ("Kampanj i årskurs 8 och 9.", false, &[]),
        ("Löfte 1. Polisen ska genomföra kontroller.", false, &[]),
        ("Skolbesök i åk 8.", false, &[]),
        ("Vakter vid Storgatan 14 under helger.", false, &[]),
        ("Samverkan mellan de tre kommunerna.", false, &[]),
        ("Genomföra en trygghetsvandring.", false, &[]),
        ("Klottersanering inom 48 timmar.", false, &[]),
        ("Åtgärda bristerna inom tre månader.", false, &[]),
        (
            "Under de två första veckorna efter terminsstart.",
            false,
            &[],
        ),
        ("Se vecka 12 i planen.", false, &[]),
        ("Öppet 24/7 för tips.", false, &[]),
        // Units with an adjective; a count without a unit takes the löfte's subject.
        ("Röja buskage på tre otrygga platser.", false, &["3"]),
        (
            "Trygghetsvandringar i centrum, minst tre under året.",
            false,
            &["3"],
        ),
        ("Trafikkontroller av mopeder, minst 6 st.", false, &["6"]),
    ];
    for (text, both, expected) in cases {
        assert_eq!(targets_as_keys(text, *both), *expected, "{text}");
    }
    // The unit keeps its adjective; "tre otrygga platser" is not "otrygga".
    assert_eq!(
        parse_targets("Röja buskage på tre otrygga platser.", false)[0].unit,
        "otrygga platser"
    );
    // The rate is kept as written.
    assert_eq!(
        parse_targets("Två gånger per termin.", false)[0]
            .rate
            .as_deref(),
        Some("2 per termin")
    );
}

#[test]
fn who_promises_table() {
    use Party::*;
    let subjects: &[(&str, Option<Party>)] = &[
        ("Polisen åtar sig att genomföra", Some(Polisen)),
        ("Lokalpolisområdet genomför", Some(Polisen)),
        ("Kommunpolisen besöker skolorna", Some(Polisen)),
        ("Socialtjänsten erbjuder stöd", Some(Kommunen)),
        ("Kommunens fältgrupp och polisen genomför", Some(Gemensamt)),
        ("Kommunens fältgrupp finns ute", Some(Kommunen)),
        ("Båda parter deltar", Some(Gemensamt)),
        ("Parterna ska gemensamt", Some(Gemensamt)),
        ("I samverkan genomför vi", Some(Gemensamt)),
        ("att fältassistenterna finns ute", Some(Kommunen)),
        ("Tillsammans genomför vi tre skolbesök", Some(Gemensamt)),
    ];
    for (s, expected) in subjects {
        assert_eq!(subject_party(s), *expected, "{s}");
    }
    // When nothing names the party: certain from "i samverkan", a guess otherwise.
    let from_text: &[(&str, Party, bool)] = &[
        ("Nattvandringar i samverkan.", Gemensamt, true),
        (
            "Genomföra utbildning i samverkan med polisen.",
            Kommunen,
            true,
        ),
        ("Fotpatruller i samverkan med kommunen.", Polisen, true),
        ("Ett par gånger per år bjuder vi in.", Gemensamt, true),
        ("Ökad polisiär närvaro på torget.", Polisen, false),
        ("Belysning och röjning av buskar.", Kommunen, false),
        ("Trafikkontroller av mopeder.", Polisen, false),
        ("Trygghetsvandringar i centrum.", Gemensamt, false),
    ];
    for (s, party, certain) in from_text {
        assert_eq!(parties::party_from_text(s), (*party, *certain), "{s}");
    }
    let declarations: &[(&str, Option<(Party, &str)>)] = &[
        ("Polisen åtar sig att:", Some((Polisen, "Polisen"))),
        ("Kommunen lovar:", Some((Kommunen, "Kommunen"))),
        ("Tillsammans ska vi:", Some((Gemensamt, "Tillsammans"))),
        (
            "Polisen och Lindås kommun lovar att:",
            Some((Gemensamt, "Polisen och Lindås kommun")),
        ),
        ("Det här gör polisen:", Some((Polisen, "Polisen"))),
        (
            "Bromölla kommun och polisen ska gemensamt:",
            Some((Gemensamt, "Bromölla kommun och polisen")),
        ),
        ("Målet är att:", None),
        (
            "Utifrån gemensam lägesbild kommer prioriteringar att vara följande:",
            None,
        ),
        ("Polisen åtar sig att genomföra fotpatruller.", None),
    ];
    for (line, expected) in declarations {
        let got = parties::declaration(line);
        assert_eq!(
            got.as_ref().map(|(p, t)| (*p, t.as_str())),
            *expected,
            "{line}"
        );
    }
    for (cell, expected) in [
        ("Polisen", Some(Polisen)),
        ("Kommunen (socialtjänsten)", Some(Kommunen)),
        ("Kommunen och polisen", Some(Gemensamt)),
        ("Polis och kommun", Some(Gemensamt)),
        ("Gemensamt", Some(Gemensamt)),
        ("Båda", Some(Gemensamt)),
        ("Fritidsförvaltningen", Some(Kommunen)),
        ("Länsstyrelsen", None),
    ] {
        assert_eq!(parties::party_of_cell(cell), expected, "{cell}");
    }
}

#[test]
fn layouts_table() {
    // Lettered and numbered items.
    for (line, expected) in [
        ("a) Polisen genomför", Some((0, "Polisen genomför"))),
        ("b) kommunen ser över", Some((0, "kommunen ser över"))),
        ("1) genomföra kontroller", Some((0, "genomföra kontroller"))),
        ("● Otrygga platser", Some((0, "Otrygga platser"))),
        ("•Text utan mellanslag", Some((0, "Text utan mellanslag"))),
        ("ab) Text", None),
    ] {
        assert_eq!(
            bullet(line),
            expected.map(|(l, t)| (l, t.to_string())),
            "{line}"
        );
    }
    // Headings: numbering and labels go, the words stay.
    for (line, expected) in [
        ("1. Trygg trafikmiljö", "Trygg trafikmiljö"),
        ("2.1 Narkotika bland unga", "Narkotika bland unga"),
        (
            "Löfte 1: Ökad trygghet vid Stortorget",
            "Ökad trygghet vid Stortorget",
        ),
        (
            "Medborgarlöfte 2 – Ett tryggare Resecentrum",
            "Ett tryggare Resecentrum",
        ),
        ("Prioriterat område: Trygg stadskärna", "Trygg stadskärna"),
        ("Informera och utbilda genom att:", "Informera och utbilda"),
        (
            "Trafik: hastighet och mopeder",
            "Trafik: hastighet och mopeder",
        ),
    ] {
        assert_eq!(heading_text(line), expected, "{line}");
    }
    // Place and date of signing.
    for (line, expected) in [
        ("Hallby den 15 januari 2026", true),
        ("Norrvik 2026-01-28", true),
        ("Ort och datum", true),
        ("Löftet gäller hela 2026", false),
        ("Polisen genomför 15 kontroller i januari 2026", false),
    ] {
        assert_eq!(is_place_and_date(line), expected, "{line}");
    }
}

#[test]
fn document_layouts() {
    // A numbered list of short löften is a list, not headings.
    let p = parse(
        "Det här lovar vi\n\n1. Fler trygghetsvandringar\n2. Mer belysning\n3. Fler fotpatruller\n",
    );
    assert_eq!(p.commitment_count(), 3, "{p:#?}");
    // A numbered heading over a list is a heading.
    let p = parse(
        "Medborgarlöfte 2026\n\n1. Trafik\n\n1) Polisen genomför 6 kontroller.\n2) Kommunen sätter upp skyltar.\n",
    );
    assert_eq!(p.sections[0].title, "Trafik");
    assert_eq!(p.commitment_count(), 2);
    // A table with tabs: the Ansvarig column decides, the Mål column gives the target.
    let p = parse(
        "Aktivitet\tAnsvarig\tMål\nTrafikkontroller\tPolisen\tMinst 12 kontroller\nBelysning vid stationen\tKommunen\t-\n",
    );
    let c: Vec<_> = p.sections.iter().flat_map(|s| &s.commitments).collect();
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].party, c[0].targets[0].count), (Party::Polisen, 12));
    assert_eq!((c[1].party, c[1].targets.len()), (Party::Kommunen, 0));
    assert!(c[0].text.contains("Mål: minst 12 kontroller"));
    // A löfte broken over two lines, the second indented.
    let p = parse(
        "Polisen\n\n• Polisen genomför 4 kontroller av serveringsställen.\n  Kontrollerna görs med länsstyrelsen.\n",
    );
    assert_eq!(p.commitment_count(), 1);
    assert!(
        p.sections[0].commitments[0]
            .text
            .ends_with("länsstyrelsen.")
    );
    // Goal bullets under "Målet är att:" are not löften; the promises after are.
    let p = parse(
        "Målet är att:\n• färre ska vara otrygga\n• brotten ska minska\n\nPolisen lovar att:\n• genomföra 10 fotpatruller\n",
    );
    assert_eq!(p.commitment_count(), 1);
    assert!(p.goal.contains("brotten ska minska"));
    // Prose promises without any bullet.
    let p = parse(
        "Våra löften\n\nPolisen lovar att genomföra minst 20 fotpatruller.\n\nKommunen lovar att förbättra belysningen.\n",
    );
    assert_eq!(p.commitment_count(), 2);
    // Signatures as "Namn, roll" with place and date: not an avsnitt.
    let p = parse(
        "Polisen\n\n• Genomföra 5 kontroller.\n\nEkeby den 15 januari 2026\n\nAnna Berg, kommunstyrelsens ordförande\nPer Ek, kommunpolis\n",
    );
    assert_eq!(p.sections.len(), 1);
    assert_eq!(p.signatories.len(), 2);
    assert_eq!(p.signed.as_deref(), Some("Ekeby den 15 januari 2026"));
    // Unclear ansvarig is marked, a party heading is certain.
    let p = parse(
        "Trygghet\n\n• Trygghetsvandringar i centrum.\n\nPolisen\n\n• Fotpatruller i centrum.\n",
    );
    let c: Vec<_> = p.sections.iter().flat_map(|s| &s.commitments).collect();
    assert!(c[0].party_unclear);
    assert!(!c[1].party_unclear);
}

#[test]
fn more_ways_to_say_who() {
    use Party::*;
    for (text, expected) in [
        (
            "Genomföra trygghetsvandringar. Ansvarig: kommunen.",
            Some(Kommunen),
        ),
        ("Fotpatruller i centrum (Polisen).", Some(Polisen)),
        ("Grannsamverkan (kommun och polis)", Some(Gemensamt)),
        ("Genomföra 3 möten (minst).", None),
    ] {
        assert_eq!(parties::labelled_party(text), expected, "{text}");
    }
    assert_eq!(
        parties::declaration("Gemensamt kommer vi att:").map(|(p, _)| p),
        Some(Gemensamt)
    );
    // An explicit ansvarig wins over the section's.
    let p = parse(
        "Gemensamma åtaganden\n\n• Trafikkontroller vid skolorna. Ansvarig: Polisen.\n• Trygghetsvandringar.\n",
    );
    let c = &p.sections[0].commitments;
    assert_eq!((c[0].party, c[1].party), (Polisen, Gemensamt));
    // A follow-up heading phrased as a question ends the löften.
    let p = parse(
        "Polisen lovar att:\n• genomföra 5 kontroller\n\nHur ska vi följa upp?\nVi redovisar i december.\n",
    );
    assert_eq!(p.commitment_count(), 1);
}

#[test]
fn a_news_article_is_not_a_medborgarlofte() {
    // The published news text about a samverkansöverenskommelse: quotes and a list of
    // focus areas, no löften.
    let p = parse(include_str!("../../tests/fixtures/samverkan_nyhet.txt"));
    assert_eq!(p.commitment_count(), 0, "{:#?}", p.sections);
    assert!(
        p.goal.contains("Trafiksäkerhet"),
        "the focus areas are kept: {}",
        p.goal
    );
}

#[test]
fn tables_that_lost_their_layout() {
    // Copied out of a PDF: one cell per line.
    let p = parse(
        "Det här lovar vi\n\nAktivitet\nAnsvarig\nMål\nTrafikkontroller vid skolor\nPolisen\nMinst 12 kontroller\nTrygghetsvandringar\nKommunen och polisen\n3 vandringar\n\nKontakt\nKommunpolis, 010-114 14 14\n",
    );
    let c: Vec<_> = p.sections.iter().flat_map(|s| &s.commitments).collect();
    assert_eq!(c.len(), 2, "{p:#?}");
    assert_eq!((c[0].party, c[0].targets[0].count), (Party::Polisen, 12));
    assert_eq!((c[1].party, c[1].targets[0].count), (Party::Gemensamt, 3));
    // Records of "Aktivitet:" lines.
    let p = parse(
        "Våra löften\n\nAktivitet: Fotpatruller i centrum\nAnsvarig: Polisen\nMål: 30 pass\n\nAktivitet: Belysning i parken\nAnsvarig: Kommunen\nTidsplan: Hösten 2026\n",
    );
    let c: Vec<_> = p.sections.iter().flat_map(|s| &s.commitments).collect();
    assert_eq!(c.len(), 2, "{p:#?}");
    assert_eq!((c[0].party, c[0].targets[0].count), (Party::Polisen, 30));
    assert_eq!((c[1].party, c[1].targets.len()), (Party::Kommunen, 0));
    assert!(c[1].text.contains("Tidsplan: hösten 2026"));
    // Columns between bars.
    let p = parse("Insats | Ansvarig | Mål\n| Kontroller vid skolorna | Polisen | 2 per månad |\n");
    let c = &p.sections[0].commitments[0];
    assert_eq!((c.party, c.targets[0].count), (Party::Polisen, 24));
    // A tab table with an empty cell keeps its columns.
    let p = parse("Aktivitet\tAnsvarig\tMål\nNattvandring\t\t4 kvällar\n");
    let c = &p.sections[0].commitments[0];
    assert_eq!(c.targets[0].count, 4);
}

#[test]
fn signatures_and_fields_in_other_layouts() {
    // The role above the name.
    let p = parse(
        "Polisen\n\n• Genomföra 5 kontroller.\n\nKommunstyrelsens ordförande\nAnna Berg\n\nLokalpolisområdeschef\nPer Ek\n",
    );
    let sig: Vec<_> = p
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_str()))
        .collect();
    assert_eq!(
        sig,
        [
            ("Anna Berg", "Kommunstyrelsens ordförande"),
            ("Per Ek", "Lokalpolisområdeschef")
        ]
    );
    // Two signatures side by side, as a PDF lays them out.
    let p = parse(
        "Polisen\n\n• Genomföra 5 kontroller.\n\nAnna Berg\t\tPer Ek\nKommunstyrelsens ordförande\t\tKommunpolis\n",
    );
    let sig: Vec<_> = p
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_str()))
        .collect();
    assert_eq!(
        sig,
        [
            ("Anna Berg", "Kommunstyrelsens ordförande"),
            ("Per Ek", "Kommunpolis")
        ]
    );
    // "Ansvarig:" and "Mål:" on the lines under a bullet belong to it.
    let p = parse(
        "Trygghet\n\n• Trygghetsvandringar i centrum.\nAnsvarig: Kommunen\nMål: 3 vandringar\n• Fotpatruller.\nAnsvarig: Polisen\n",
    );
    let c = &p.sections[0].commitments;
    assert_eq!(c.len(), 2, "{p:#?}");
    assert_eq!(
        (c[0].party, c[0].party_unclear, c[0].targets[0].count),
        (Party::Kommunen, false, 3)
    );
    assert_eq!(c[1].party, Party::Polisen);
    // "Löfte 1:" before the text on one line is not part of the löfte.
    let p = parse(
        "Våra löften\n\nLöfte 1: Polisen ska genomföra 10 fotpatruller.\n\nLöfte 2: Kommunen ska förbättra belysningen.\n",
    );
    assert_eq!(
        p.sections[0].commitments[0].text,
        "Polisen ska genomföra 10 fotpatruller."
    );
    // Rates with a slash.
    assert_eq!(targets_as_keys("Kontroller 4 ggr/år.", false), ["4år"]);
    assert_eq!(targets_as_keys("Minst 1 gång/mån.", false), ["12år"]);
    assert_eq!(targets_as_keys("Besök varannan månad.", false), ["6år"]);
}

#[test]
fn descriptions_are_not_promises() {
    for s in [
        "Polisen ser att narkotikaförsäljningen har ökat.",
        "Kommunen upplever att fler unga rör sig ute sent.",
        "Polisen och kommunen har genomfört fem dialoger.",
        "Kommunen vill att fler ska känna sig trygga.",
        "Vi väljer att kalla dem de tre T:na.",
        "Kommunens mätningar visar att många kör för fort.",
    ] {
        assert!(!parties::is_promise_sentence(s), "{s}");
    }
    for s in [
        "Polisen genomför fotpatruller varje helg.",
        "Kommunen bygger om övergångsstället.",
        "Vi ska starta grannsamverkan.",
        "Polisen och kommunen lovar att synas mer.",
        "Polisen och kommunen har kommit överens om att genomföra trygghetsvandringar.",
    ] {
        assert!(parties::is_promise_sentence(s), "{s}");
    }
    // A problem picture under its own heading, prose only, stays background.
    let p = parse(
        "Narkotika\n\nPolisen ser att försäljningen har ökat vid stationen.\n\nDet här lovar vi\n\n• Polisen genomför 10 insatser vid stationen.\n",
    );
    assert_eq!(p.commitment_count(), 1, "{p:#?}");
    assert!(p.goal.contains("försäljningen har ökat"));
}

#[test]
fn fields_under_a_paragraph() {
    let p = parse(
        "Trygghetsvandringar\nVi genomför två trygghetsvandringar under året.\nAnsvarig: Kommunen\n\nFotpatruller\nFotpatruller i centrum varje helg.\nAnsvarig: Polisen\nMål: 40 pass\n",
    );
    let c: Vec<_> = p.sections.iter().flat_map(|s| &s.commitments).collect();
    assert_eq!(c.len(), 2, "{p:#?}");
    assert_eq!((c[0].party, c[0].targets[0].count), (Party::Kommunen, 2));
    assert_eq!(c[1].party, Party::Polisen);
    assert!(
        c[1].targets.iter().any(|t| t.count == 40),
        "{:?}",
        c[1].targets
    );
}

#[test]
fn focus_areas_with_their_activities() {
    let text = "FOKUSOMRÅDE 1: TRYGG I CENTRUM\nMål: Fler ska känna sig trygga i centrum.\nAktiviteter:\n• Polisen genomför 20 fotpatruller.\n• Kommunen förbättrar belysningen.\n\nFOKUSOMRÅDE 2: TRAFIK\nMål: Färre ska köra för fort.\nAktiviteter:\n• Polisen genomför 12 hastighetskontroller.\n";
    let p = parse(text);
    let titles: Vec<_> = p.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Trygg i centrum", "Trafik"], "{p:#?}");
    assert_eq!(p.commitment_count(), 3);
    assert!(p.goal.contains("Fler ska känna sig trygga"), "{}", p.goal);
}

#[test]
fn a_title_and_a_list() {
    let p = parse(
        "Medborgarlöfte 2026\n\n• Polisen genomför 10 fotpatruller.\n• Kommunen förbättrar belysningen i parken.\n",
    );
    assert_eq!(p.commitment_count(), 2, "{p:#?}");
    assert_eq!(p.sections[0].commitments[0].party, Party::Polisen);
    assert!(p.goal.is_empty(), "{}", p.goal);
    // With löften elsewhere, bullets before any heading are the purpose.
    let p = parse("Vi vill:\n• öka tryggheten\n\nPolisen\n\n• Genomföra 10 fotpatruller.\n");
    assert_eq!(p.commitment_count(), 1, "{p:#?}");
    assert!(p.goal.contains("öka tryggheten"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

    /// The one-pass running maximum gives, before every word, what the old per-count scan
    /// of all earlier words gave (the longest plural, the last of equally long ones).
    #[test]
    fn longest_plural_in_one_pass_matches_the_scan(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "insatser", "Kontroller", "möten", "trygghetsvandringar", "gånger",
                "föreläsningar", "vandringar", "erbjuder", "4", "minst", "skolor", "Polisen",
            ]),
            0..30,
        )
    ) {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let fast = targets::longest_plural_before(&words, &lower);
        for (i, at) in fast.iter().enumerate() {
            let scan = (0..i)
                .filter(|&k| {
                    let w = &lower[k];
                    !words[k].starts_with(char::is_uppercase)
                        && w.chars().count() >= 6
                        && ["ar", "er", "or"].iter().any(|e| w.ends_with(e))
                        && !targets::NOT_UNITS.contains(&w.as_str())
                })
                .max_by_key(|&k| lower[k].chars().count());
            proptest::prop_assert_eq!(*at, scan, "at {} in {:?}", i, words);
        }
    }
}

/// A one-line text of many counts: every one is still found (it was quadratic, 20 s for
/// 1 MB; `cargo bench --bench import` times it).
#[test]
fn every_count_of_a_long_one_line_text_is_found() {
    let text = format!(
        "Trafik\n\n• Genomföra {}\n",
        "kontroller minst 4, och minst 5, ".repeat(2000)
    );
    let p = parse(&text);
    let targets: Vec<&ParsedTarget> = p.sections[0].commitments[0].targets.iter().collect();
    assert_eq!(targets.len(), 4000);
    assert!(
        targets.iter().all(|t| t.unit == "kontroller"),
        "{:?}",
        targets[0]
    );
}

/// Issue 23.12: the period a document's title names, and the title to save.
#[test]
fn period_and_title_from_the_documents_title() {
    let with_title = |t: &str| ParsedPledge {
        title: Some(t.into()),
        sections: vec![],
        signatories: vec![],
        signed: None,
        goal: String::new(),
        contact: None,
        ignored: vec![],
    };
    let cases = [
        ("MEDBORGARLÖFTE 2026", Some("2026")),
        ("Medborgarlöften 2025–2026 för Ekeby", Some("2025–2026")),
        ("Medborgarlöfte 2025 - 2026", Some("2025–2026")),
        ("Medborgarlöfte för 2024 och Ekeby 2030", Some("2024")),
        ("Medborgarlöfte Ekeby", None),
        ("Ring 0479123456", None),
        ("Medborgarlöfte 1999", None),
    ];
    for (title, want) in cases {
        let got = with_title(title).period().map(|p| p.to_string());
        assert_eq!(got.as_deref(), want, "{title}");
    }
    let p = crate::domain::Period::year(2026).unwrap();
    assert_eq!(
        with_title("MEDBORGARLÖFTE 2026").title_or_default(p),
        "Medborgarlöfte 2026"
    );
    assert_eq!(
        with_title("Medborgarlöfte 2026 – Ekeby kommun").title_or_default(p),
        "Medborgarlöfte 2026 – Ekeby kommun"
    );
    let mut none = with_title("x");
    none.title = None;
    assert_eq!(none.title_or_default(p), "Medborgarlöfte 2026");
    assert_eq!(
        with_title("Olofström – medborgarlöften").title_or_default(p),
        "Medborgarlöfte 2026",
        "a page title without a year"
    );
}

/// Issue 23.12: "Kontakt: …" is saved without its label.
#[test]
fn the_contact_line_loses_its_label() {
    let p = parse(
        "Trafik\n\n• Polisen ska genomföra minst 4 kontroller.\n\nKontakt\nKontakt: kommunpolisen, 010-114 14 14\n",
    );
    assert_eq!(p.contact.as_deref(), Some("kommunpolisen, 010-114 14 14"));
}
