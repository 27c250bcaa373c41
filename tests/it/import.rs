//! The text import parser on the four published seed texts, compared with the hand-made
//! seed files: every avsnitt, ansvarig and target.

use trygghetstavlan::domain::TargetScope;
use trygghetstavlan::import::parse;
use trygghetstavlan::seed::{PLEDGE_FILES, parse_pledge};

fn compare(name: &str, text: &str) {
    let (file, toml) = PLEDGE_FILES.iter().find(|(f, _)| *f == name).unwrap();
    let seed = parse_pledge(file, toml).unwrap();
    let parsed = parse(text);
    let draft = trygghetstavlan::domain::PledgeDraft::from(&parsed);
    let seed_titles: Vec<_> = seed
        .draft
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    let parsed_titles: Vec<_> = draft.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(parsed_titles, seed_titles, "{name}: avsnitt");
    for (ps, ss) in draft.sections.iter().zip(&seed.draft.sections) {
        assert_eq!(
            ps.commitments.len(),
            ss.commitments.len(),
            "{name} / {}: antal löften\n{:#?}",
            ss.title,
            ps.commitments.iter().map(|c| &c.text).collect::<Vec<_>>()
        );
        for (pc, sc) in ps.commitments.iter().zip(&ss.commitments) {
            assert_eq!(pc.party, sc.party, "{name}: ansvarig för \"{}\"", sc.text);
            let key = |t: &trygghetstavlan::domain::TargetDraft| {
                (t.count, t.scope == TargetScope::PerYear, t.party)
            };
            let pt: Vec<_> = pc.targets.iter().map(key).collect();
            let st: Vec<_> = sc.targets.iter().map(key).collect();
            assert_eq!(pt, st, "{name}: mål för \"{}\"", sc.text);
            assert_eq!(
                pc.sub_areas, sc.sub_areas,
                "{name}: delområden för \"{}\"",
                sc.text
            );
        }
    }
    let names: Vec<_> = draft
        .signatories
        .iter()
        .map(|s| (&s.name, &s.role))
        .collect();
    let seed_names: Vec<_> = seed
        .draft
        .signatories
        .iter()
        .map(|s| (&s.name, &s.role))
        .collect();
    assert_eq!(names, seed_names, "{name}: undertecknare");
}

#[test]
fn bromolla() {
    compare("bromolla.toml", include_str!("../fixtures/bromolla.txt"));
    let p = parse(include_str!("../fixtures/bromolla.txt"));
    assert!(
        p.goal.contains("öka tryggheten"),
        "the purpose list goes to the goal"
    );
}

#[test]
fn solvesborg() {
    compare(
        "solvesborg.toml",
        include_str!("../fixtures/solvesborg.txt"),
    );
}

#[test]
fn olofstrom() {
    compare("olofstrom.toml", include_str!("../fixtures/olofstrom.txt"));
    let p = parse(include_str!("../fixtures/olofstrom.txt"));
    assert!(
        p.goal.contains("motorburna unga"),
        "priorities are background, not löften"
    );
}

#[test]
fn sotenas() {
    compare("sotenas.toml", include_str!("../fixtures/sotenas.txt"));
    let p = parse(include_str!("../fixtures/sotenas.txt"));
    assert_eq!(
        p.contact.as_deref(),
        Some("Dan Carlsson, kommunpolis, 010-565 17 70")
    );
    assert!(
        p.ignored
            .iter()
            .any(|l| l.starts_with("Uppföljning och utvärdering"))
    );
}

#[test]
fn json_shape() {
    let p = parse(include_str!("../fixtures/solvesborg.txt"));
    let v: serde_json::Value = serde_json::to_value(&p).unwrap();
    let first = &v["avsnitt"][0];
    assert_eq!(first["rubrik"], "Trafik");
    assert_eq!(first["loften"][0]["ansvarig"], "Polisen");
    assert_eq!(first["loften"][0]["targets"][0]["count"], 4);
    assert_eq!(first["loften"][0]["targets"][0]["per_ar"], false);
    assert!(
        first["loften"][0]["targets"][0].get("ansvarig").is_none(),
        "only where it differs"
    );
    let var = &v["avsnitt"][1]["loften"][0]["targets"];
    assert_eq!(var[0]["ansvarig"], "Polisen");
    assert_eq!(var[1]["ansvarig"], "Kommunen");
    assert_eq!(v["signatories"][0]["namn"], "Ola Jarevik");
}

/// The window's import (parse, editable preview, save) and the command line's (parse,
/// save) store the same draft, target names included.
#[test]
fn window_and_command_line_import_agree() {
    use trygghetstavlan::domain::PledgeDraft;
    use trygghetstavlan::ui::import_dialog::Preview;
    for text in [
        include_str!("../fixtures/bromolla.txt"),
        include_str!("../fixtures/solvesborg.txt"),
        include_str!("../fixtures/olofstrom.txt"),
        include_str!("../fixtures/sotenas.txt"),
    ] {
        let parsed = parse(text);
        let cli = PledgeDraft {
            title: "Medborgarlöfte 2026".into(),
            ..PledgeDraft::from(&parsed)
        };
        let gui = Preview::from_parsed(&parsed)
            .to_draft("Medborgarlöfte 2026")
            .unwrap();
        assert_eq!(gui, cli);
    }
    // A löfte with one target per party names each target after its party.
    let parsed = parse("Gemensamt\n\n• Minst åtta riktade insatser var.\n");
    let draft = Preview::from_parsed(&parsed).to_draft("x").unwrap();
    let labels: Vec<_> = draft.sections[0].commitments[0]
        .targets
        .iter()
        .map(|t| t.label.clone())
        .collect();
    assert_eq!(
        labels,
        [Some("Polisen".to_string()), Some("Kommunen".to_string())]
    );
}
