//! The lägesbildsmöte in the window: meeting mode, the agenda by keyboard, beslut, and
//! the minnesanteckningar.

use crate::common::{app_harness, day};
use crate::ui::type_into;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use trygghetstavlan::domain::{Activity, ActivityId, DecisionStatus, Party};
use trygghetstavlan::store::Store;

#[test]
fn meeting_mode_agenda_by_keyboard_two_beslut_and_esc() {
    let mut store = crate::common::seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledges(m.id).unwrap().remove(0);
    let c = store.commitments(p.id).unwrap().remove(0);
    // Last meeting in May, one insats since, with an internal note the room must not see.
    store
        .set_last_meeting(m.id, Some(day("2024-05-02")))
        .unwrap();
    store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: Some(c.id),
            target: c.targets.first().map(|t| t.id),
            date: day("2024-06-01"),
            by: Party::Polisen,
            count: 1,
            place: "Stationsområdet".into(),
            description: "Kontroll av A-traktorer".into(),
            internal_note: "HEMLIGT-INTERNT".into(),
        })
        .unwrap();
    let mut h = app_harness(Ok(store), &PathBuf::from(":memory:"), "2024-06-15");
    h.get_by_label_contains("Olofström   ").click();
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().screens().meeting.active);
    h.get_by_label("Lägesbildsmöte Olofström");
    // 1: what was done since the last meeting, without the internal note.
    h.get_by_label_contains("Förra mötet 2024-05-02");
    h.get_by_label("Kontroll av A-traktorer");
    assert!(h.query_by_label_contains("HEMLIGT").is_none());
    assert!(
        h.query_by_label("Olofström   0/4").is_none(),
        "no side panel"
    );
    // 2 … 5 with the arrow keys.
    for title in ["Lägesbild", "Efter plan", "Åtgärder", "Tavlan", "Beslut"] {
        h.key_press(egui::Key::ArrowRight);
        h.run();
        assert_eq!(h.state().screens().meeting.step.title(), title);
        assert!(
            h.query_all_by_label(title).next().is_some(),
            "{title} heading"
        );
    }
    // Two beslut, Enter adds each.
    for (text, who) in [
        ("Extra kontroller vid skolan", "Polisen"),
        ("Beskär buskaget i parken", "Kommunen, parkenheten"),
    ] {
        type_into(&mut h, "Beslut", text);
        type_into(&mut h, "Ansvarig", who);
        h.key_press(egui::Key::Enter);
        h.run();
    }
    h.get_by_label("• Extra kontroller vid skolan — Polisen");
    h.get_by_label("• Beskär buskaget i parken — Kommunen, parkenheten");
    let count = |h: &egui_kittest::Harness<'static, trygghetstavlan::app::App>| {
        let store = h.state().store().unwrap();
        let meeting = store
            .meeting_on(
                trygghetstavlan::domain::MeetingGroup::Kommun(m.id),
                day("2024-06-15"),
            )
            .unwrap()
            .unwrap();
        store.decisions(meeting.id).unwrap()
    };
    assert_eq!(count(&h).len(), 2);
    assert!(count(&h).iter().all(|b| b.status == DecisionStatus::Open));
    // A beslut typed by mistake goes, and comes back with Ångra, in its place.
    h.get_all_by_label("Ta bort").nth(1).unwrap().click();
    h.run();
    assert_eq!(count(&h).len(), 1);
    h.get_by_label("Ångra").click();
    h.run();
    let texts: Vec<String> = count(&h).into_iter().map(|b| b.text).collect();
    assert_eq!(
        texts,
        ["Extra kontroller vid skolan", "Beskär buskaget i parken"]
    );
    // Esc (outside a text field) leaves meeting mode.
    h.get_by_label("Lägesbildsmöte Olofström").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().screens().meeting.active);
    h.get_by_label_contains("Olofström   ");
    h.get_by_role_and_label(Role::TextInput, "Förra lägesbildsmötet");
}

#[test]
fn meeting_mode_changes_a_beslut_lists_past_meetings_and_records_an_insats() {
    let mut store = crate::common::seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledges(m.id).unwrap().remove(0);
    let c = store.commitments(p.id).unwrap().remove(0);
    store
        .set_last_meeting(m.id, Some(day("2024-05-02")))
        .unwrap();
    let may = store
        .meeting_on(
            trygghetstavlan::domain::MeetingGroup::Kommun(m.id),
            day("2024-05-02"),
        )
        .unwrap()
        .unwrap();
    let carried = store
        .add_decision(&trygghetstavlan::domain::Decision {
            version: 0,
            id: trygghetstavlan::domain::DecisionId(0),
            meeting: may.id,
            text: "Sanera klotter".into(),
            responsible: "Kommunen".into(),
            deadline: None,
            commitment: None,
            status: DecisionStatus::Open,
            status_reason: String::new(),
            status_date: None,
        })
        .unwrap();
    let mut h = app_harness(Ok(store), &PathBuf::from(":memory:"), "2024-06-15");
    h.get_by_label_contains("Olofström   ").click();
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    // A beslut carried from May is changed from the Åtgärder page, and Ångra undoes it.
    h.get_by_label("4 Åtgärder").click();
    h.run();
    h.get_by_label("Ändra").click();
    h.run();
    assert_eq!(h.state().screens().meeting.step.title(), "Beslut");
    h.get_by_label("Ändra beslut");
    type_into(&mut h, "Ansvarig", "Kommunen, tekniska förvaltningen");
    h.get_by_label("Spara ändringen").click();
    h.run();
    let stored = |h: &egui_kittest::Harness<'static, trygghetstavlan::app::App>| {
        h.state().store().unwrap().decision(carried).unwrap()
    };
    assert_eq!(stored(&h).responsible, "Kommunen, tekniska förvaltningen");
    assert_eq!(stored(&h).meeting, may.id, "still May's beslut");
    assert_eq!(stored(&h).status, DecisionStatus::Open);
    h.get_by_label("Ångra").click();
    h.run();
    assert_eq!(stored(&h).responsible, "Kommunen");
    // Earlier meetings are listed with their beslut and their minutes at hand.
    h.get_by_label_contains("Tidigare möten (1)").click();
    h.run();
    h.get_by_label("2024-05-02 — 1 beslut, 1 öppet");
    // Tavlan: a click on a löfte opens the insats form over the page; Esc closes only it.
    h.get_by_label("5 Tavlan").click();
    h.run();
    h.get_all_by_label_contains(&c.text[..20])
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Ny insats");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().screens().board.activity_form.is_none());
    assert!(
        h.state().screens().meeting.active,
        "Esc closed the form only"
    );
    h.get_all_by_label_contains(&c.text[..20])
        .next()
        .unwrap()
        .click();
    h.run();
    type_into(&mut h, "Plats / delområde", "Torget");
    type_into(&mut h, "Beskrivning (kommer med i rapporten)", "Fotpatrull");
    h.get_by_label("Spara").click();
    h.run();
    let acts = h
        .state()
        .store()
        .unwrap()
        .activities_between(m.id, day("2024-06-15"), day("2024-06-15"))
        .unwrap();
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0].place, "Torget");
    assert_eq!(acts[0].commitment, Some(c.id));
    assert!(h.state().screens().meeting.active);
}

fn run(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The id in "Sparade möte 229302229593859825." (ids are long and random).
fn saved(o: &std::process::Output, before: &str) -> String {
    let out = stdout(o).trim().to_string();
    let id = out
        .strip_prefix(before)
        .and_then(|r| r.strip_suffix('.'))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(id.parse::<i64>().is_ok_and(|i| i > 1 << 40), "{out}");
    id.to_string()
}

/// The command line records meetings and beslut; open beslut carry over into the next
/// meeting's minnesanteckningar; bad input writes nothing and exits 2.
#[test]
fn meetings_on_the_command_line_and_their_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(
        &db,
        &[
            "add-mote",
            "--kommun",
            "Olofström",
            "--date",
            "2024-05-02",
            "--deltagare",
            "Polisen, Kommunen",
            "--anteckning",
            "Oro vid stationen.",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m1 = saved(&o, "Sparade möte ");
    let o = run(
        &db,
        &[
            "add-beslut",
            "--mote",
            &m1,
            "--text",
            "Sanera klottret",
            "--ansvarig",
            "Kommunen",
            "--senast",
            "2024-05-31",
        ],
    );
    let b1 = saved(&o, "Sparade beslut ");
    let o = run(
        &db,
        &[
            "add-beslut",
            "--mote",
            &m1,
            "--text",
            "Fler kvällspatruller",
        ],
    );
    let b2 = saved(&o, "Sparade beslut ");
    assert!(run(&db, &["close-beslut", &b2]).status.success());
    let o = run(
        &db,
        &["add-mote", "--kommun", "Olofström", "--date", "2024-06-13"],
    );
    let m2 = saved(&o, "Sparade möte ");
    // Bad input: one Swedish line, exit 2, nothing written.
    for args in [
        vec!["add-beslut", "--mote", "9", "--text", "x"],
        vec!["add-beslut", "--mote", &m2, "--text", "  "],
        vec![
            "add-beslut",
            "--mote",
            &m2,
            "--text",
            "x",
            "--senast",
            "31/5",
        ],
        vec!["close-beslut", &b1, "--struken"],
        vec!["add-mote", "--kommun", "Atlantis", "--date", "2024-06-13"],
    ] {
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr).lines().count(),
            1,
            "{args:?}"
        );
    }
    let list = stdout(&run(&db, &["list-moten", "--kommun", "Olofström"]));
    assert!(
        list.contains(&format!(
            "Beslut {b1} [ÖPPEN, FÖRSENAD] Sanera klottret — Kommunen"
        )),
        "{list}"
    );
    assert!(
        list.contains(&format!("Beslut {b2} [klar] Fler kvällspatruller")),
        "{list}"
    );
    assert_eq!(
        list.matches("Beslut ").count(),
        2,
        "nothing was written by the refused commands: {list}"
    );
    // The second meeting's minutes list the first one's open beslut.
    let pdf = dir.path().join("minnes.pdf");
    let o = run(
        &db,
        &["export-pdf", "--mote", &m2, "-o", pdf.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = crate::report::pages_text(&std::fs::read(&pdf).unwrap()).join(" ");
    assert!(
        text.contains("Lägesbildsmöte 2024-06-13 — Olofström"),
        "{text}"
    );
    assert!(text.contains("Öppna beslut från tidigare möten"), "{text}");
    assert!(text.contains("Sanera klottret"), "{text}");
    assert!(
        !text.contains("Fler kvällspatruller"),
        "closed beslut do not carry over"
    );
    let first = dir.path().join("forsta.pdf");
    run(
        &db,
        &["export-pdf", "--mote", &m1, "-o", first.to_str().unwrap()],
    );
    let text = crate::report::pages_text(&std::fs::read(&first).unwrap()).join(" ");
    assert!(text.contains("Oro vid stationen."), "{text}");
    assert!(text.contains("Deltagare: Polisen, Kommunen"), "{text}");
}

/// `set-bedomning` writes the texts given and keeps the others.
#[test]
fn bedomning_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["list"]).status.success());
    let first = {
        let store = Store::open(&db).unwrap();
        let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
        let p = store.pledges(m.id).unwrap().remove(0);
        store.commitments(p.id).unwrap()[0].id
    };
    let lofte = first.0.to_string();
    let o = run(
        &db,
        &[
            "set-bedomning",
            "--kommun",
            "Bromölla",
            "--lofte",
            &lofte,
            "--resultat",
            "Bra",
            "--orsak",
            "Ingen",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(
        &db,
        &[
            "set-bedomning",
            "--kommun",
            "Bromölla",
            "--lofte",
            &lofte,
            "--fortsattning",
            "Mer 2025",
        ],
    );
    assert!(o.status.success());
    let s = Store::open(&db).unwrap();
    let c = first;
    let year = s
        .pledge(s.pledge_of_commitment(c).unwrap())
        .unwrap()
        .period
        .last;
    let a = s.assessment(c, year).unwrap();
    assert_eq!(
        (a.result.as_str(), a.cause.as_str(), a.next.as_str()),
        ("Bra", "Ingen", "Mer 2025")
    );
    for args in [
        vec![
            "set-bedomning",
            "--kommun",
            "Olofström",
            "--lofte",
            &lofte,
            "--resultat",
            "x",
        ],
        vec![
            "set-bedomning",
            "--kommun",
            "Bromölla",
            "--lofte",
            &lofte,
            "--period",
            "1999",
        ],
    ] {
        assert_eq!(run(&db, &args).status.code(), Some(2), "{args:?}");
    }
}

/// `export-pdf --utan-bilaga` leaves out the appendix.
#[test]
fn export_pdf_without_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["demo"]).status.success());
    let with = dir.path().join("med.pdf");
    let without = dir.path().join("utan.pdf");
    let o = run(
        &db,
        &[
            "export-pdf",
            "--kommun",
            "Bromölla",
            "--period",
            "2024",
            "-o",
            with.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(
        &db,
        &[
            "export-pdf",
            "--kommun",
            "Bromölla",
            "--period",
            "2024",
            "--utan-bilaga",
            "-o",
            without.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let with = crate::report::pages_text(&std::fs::read(&with).unwrap()).join(" ");
    let without = crate::report::pages_text(&std::fs::read(&without).unwrap()).join(" ");
    assert!(with.contains("Bilaga: insatser"));
    assert!(!without.contains("Bilaga: insatser"));
    assert!(without.contains("insatser ("), "the body still summarises");
}

#[test]
fn export_pdf_for_a_lokalpolisomrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["demo"]).status.success());
    let out = dir.path().join("lpo.pdf");
    let args = |lpo: &str, year: &str| {
        vec![
            "export-pdf".to_string(),
            "--lpo".into(),
            lpo.into(),
            "--period".into(),
            year.into(),
            "--utan-bilaga".into(),
            "-o".into(),
            out.to_str().unwrap().into(),
        ]
    };
    let call = |a: Vec<String>| run(&db, &a.iter().map(String::as_str).collect::<Vec<_>>());
    // Unknown area and a year without any medborgarlöfte: one line, exit 2, no file.
    for (lpo, year, msg) in [
        ("Atlantis", "2024", "Okänt lokalpolisområde: Atlantis"),
        (
            "Karlshamn",
            "2031",
            "har ett medborgarlöfte som omfattar 2031",
        ),
    ] {
        let o = call(args(lpo, year));
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(msg) && err.lines().count() == 1, "{err}");
        assert!(!out.exists());
    }
    let o = call(args("LPO Karlshamn", "2024"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).starts_with("Skrev "));
    let pages = crate::report::pages_text(&std::fs::read(&out).unwrap());
    assert!(pages[0].contains("Kommunerna jämförda"));
    assert!(pages[0].contains("Tillsammans innehåller de"));
    for k in ["Bromölla", "Olofström", "Sölvesborg"] {
        assert!(pages[0].contains(&format!("{k} ")), "{k} on the cover");
    }
    let all = pages.join(" ");
    assert!(!all.contains("Bilaga: insatser"));
    assert!(!all.contains("intern anteckning"), "no internal note");
    // --lpo and --kommun together are refused.
    let o = run(
        &db,
        &[
            "export-pdf",
            "--lpo",
            "Karlshamn",
            "--kommun",
            "Bromölla",
            "--period",
            "2024",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_joint_meeting_of_the_lokalpolisomrade_from_alla_kommuner() {
    let mut store = crate::common::seeded();
    trygghetstavlan::demo::add_demo(&mut store, day("2024-06-15")).unwrap();
    let mut h = app_harness(Ok(store), &PathBuf::from(":memory:"), "2024-06-15");
    h.get_all_by_label("Alla kommuner").next().unwrap().click();
    h.run();
    h.get_by_label("Gemensamt lägesbildsmöte (F5)").click();
    h.run();
    assert!(h.state().screens().meeting.active);
    h.get_by_label("Lägesbildsmöte LPO Karlshamn");
    // Tavlan: every kommun of the area under its name, none from elsewhere.
    h.get_by_label("5 Tavlan").click();
    h.run();
    for k in ["Bromölla", "Olofström", "Sölvesborg"] {
        h.get_by_label(k);
    }
    assert!(h.query_by_label("Sotenäs").is_none());
    // Åtgärder name their kommun.
    h.get_by_label("4 Åtgärder").click();
    h.run();
    h.get_by_label_contains("Sölvesborg: Parkens västra del");
    // A beslut about one kommun's löfte, on the area's meeting.
    h.get_by_label("6 Beslut").click();
    h.run();
    type_into(&mut h, "Beslut", "Gemensam kampanj mot bedrägerier");
    type_into(&mut h, "Ansvarig", "LPO Karlshamn");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("• Gemensam kampanj mot bedrägerier — LPO Karlshamn");
    let store = h.state().store().unwrap();
    let area = store
        .police_areas()
        .unwrap()
        .into_iter()
        .find(|a| a.name == "Karlshamn")
        .unwrap();
    let joint = trygghetstavlan::domain::MeetingGroup::Area(area.id);
    let meeting = store.meeting_on(joint, day("2024-06-15")).unwrap().unwrap();
    assert_eq!(store.decisions(meeting.id).unwrap().len(), 1);
    let bromolla = store.municipality_by_name("Bromölla").unwrap().unwrap();
    assert!(
        store
            .meeting_on(
                trygghetstavlan::domain::MeetingGroup::Kommun(bromolla.id),
                day("2024-06-15")
            )
            .unwrap()
            .is_none(),
        "not a kommun's meeting"
    );
    // The minutes of the joint meeting name the kommun on each line.
    let minutes = trygghetstavlan::queries::minutes(store, meeting.id, day("2024-06-15")).unwrap();
    assert_eq!(minutes.municipality, "lokalpolisområde Karlshamn");
    assert!(
        minutes
            .measures
            .iter()
            .any(|m| m.place.starts_with("Sölvesborg: "))
    );
    assert!(minutes.since.iter().all(|s| {
        ["Bromölla: ", "Olofström: ", "Sölvesborg: "]
            .iter()
            .any(|k| s.commitment.starts_with(k))
    }));
    let text = crate::report::pages_text(
        &trygghetstavlan::report::render_minutes(&minutes, None)
            .unwrap()
            .bytes,
    )
    .join(" ");
    assert!(
        text.contains("Lägesbildsmöte 2024-06-15 — lokalpolisområde Karlshamn"),
        "{text}"
    );
    assert!(text.contains("Gemensam kampanj mot bedrägerier"));
    assert!(!text.contains("intern anteckning"), "no internal note");
}

#[test]
fn joint_meetings_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(
        &db,
        &[
            "add-mote",
            "--lpo",
            "Karlshamn",
            "--date",
            "2024-09-01",
            "--deltagare",
            "Polisen, Bromölla kommun, Olofströms kommun",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let joint = saved(&o, "Sparade möte ");
    // A löfte of a kommun in the area may be named; one from elsewhere may not.
    let store = Store::open(&db).unwrap();
    let in_area = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let outside = store.municipality_by_name("Sotenäs").unwrap().unwrap();
    let lofte = |m: trygghetstavlan::domain::MunicipalityId| {
        let p = store.pledges(m).unwrap().remove(0);
        store.commitments(p.id).unwrap()[0].id.0.to_string()
    };
    let (ok, bad) = (lofte(in_area.id), lofte(outside.id));
    drop(store);
    let o = run(
        &db,
        &[
            "add-beslut",
            "--mote",
            &joint,
            "--text",
            "Samordna kontroller",
            "--lofte",
            &ok,
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(
        &db,
        &[
            "add-beslut",
            "--mote",
            &joint,
            "--text",
            "Fel kommun",
            "--lofte",
            &bad,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &db,
        &["add-mote", "--lpo", "Atlantis", "--date", "2024-09-01"],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(&db, &["add-mote", "--date", "2024-09-01"]);
    assert_eq!(o.status.code(), Some(2), "a kommun or an area is needed");
    let out = stdout(&run(&db, &["list-moten"]));
    assert!(
        out.contains("Lokalpolisområde Karlshamn (gemensamma möten) — 1 möte"),
        "{out}"
    );
    assert!(out.contains("Samordna kontroller") && !out.contains("Fel kommun"));
}

/// Issue 23.2: on a 1280×720 projector the Tavlan page shows at least eight of
/// Sölvesborg's löften whole (wrapped, not cut with "…"), under their avsnitt headings,
/// and a löfte with a mål per party shows each mål with its party.
#[test]
fn the_tavlan_page_shows_eight_whole_lofte_on_a_projector() {
    use trygghetstavlan::app::App;
    use trygghetstavlan::domain::Clock;
    let store = crate::common::seeded();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let texts: Vec<String> = store
        .commitments(p.id)
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .collect();
    let app = App::new(
        Ok(store),
        PathBuf::from(":memory:"),
        trygghetstavlan::ui::Prefs::default(),
        Clock::Fixed(day("2024-06-15")),
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    h.run();
    h.get_by_label_contains("Sölvesborg   ").click();
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().screens().meeting.step.title(), "Tavlan");
    h.get_by_label("Trafik");
    h.get_by_label("Tidig upptäckt");
    let line = 17.0 * 1.6;
    let mut whole = 0;
    for text in &texts {
        // The row is named by its text, status and progress ("… — Pågår, 2 av 4").
        let Some(node) = h.query_all_by_label_contains(text).find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(text.as_str()))
        }) else {
            continue;
        };
        let r = node.rect();
        // In view (above the status strip at the bottom), and wrapped rather than cut:
        // a text longer than one line is more than one line tall.
        let long = text.chars().count() > 110;
        if r.max.y <= 690.0 && r.max.x <= 1280.0 && (!long || r.height() > line) {
            whole += 1;
        }
    }
    assert!(whole >= 8, "{whole} whole löften in view");
    // The shared löfte "var för sig": one mål per party.
    h.get_by_label_contains("riktade insatser · Polisen");
    h.get_by_label_contains("riktade insatser · Kommunen");
}

#[test]
fn hint_and_secondary_text_are_readable_on_a_projector() {
    use trygghetstavlan::domain::palette::{Rgb, contrast};
    let ctx = egui::Context::default();
    trygghetstavlan::app::install_style(&ctx);
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let v = &ctx.style_of(theme).visuals;
        let rgb = |c: egui::Color32| Rgb(c.r(), c.g(), c.b());
        for bg in [v.panel_fill, v.window_fill, v.extreme_bg_color] {
            let ratio = contrast(rgb(v.weak_text_color()), rgb(bg));
            assert!(ratio >= 4.5, "{theme:?}: {ratio:.1}:1 on {bg:?}");
        }
    }
}

/// Issue 23.4, 23.5, 23.6 and 23.8: a kommun's open beslut reach the lokalpolisområde's
/// joint meeting, name their löfte and kommun there, in the minnesanteckningar, in the
/// löfte's detail panel and in `list-moten`; a late one is marked; "Klar" keeps the line in
/// its place and can be undone.
#[test]
fn beslut_name_their_lofte_and_kommun_late_ones_are_marked_and_klar_can_be_undone() {
    use trygghetstavlan::domain::{Decision, DecisionId, Meeting, MeetingGroup, MeetingId};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    let b = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let p = store.pledge_for_year(b.id, 2024).unwrap().unwrap();
    let lofte = store.commitments(p.id).unwrap().remove(0);
    let own = store
        .add_meeting(&Meeting {
            version: 0,
            id: MeetingId(0),
            group: MeetingGroup::Kommun(b.id),
            date: day("2024-05-01"),
            participants: vec!["Polisen".into(), "Bromölla kommun".into()],
            notes: String::new(),
        })
        .unwrap();
    let beslut = |text: &str, deadline: &str, commitment| Decision {
        version: 0,
        id: DecisionId(0),
        meeting: own,
        text: text.into(),
        responsible: "Polisen".into(),
        deadline: Some(day(deadline)),
        commitment,
        status: DecisionStatus::Open,
        status_reason: String::new(),
        status_date: None,
    };
    let late = store
        .add_decision(&beslut(
            "Följ upp mopedkontrollerna",
            "2024-06-01",
            Some(lofte.id),
        ))
        .unwrap();
    store
        .add_decision(&beslut("Bjud in skolorna", "2024-09-01", None))
        .unwrap();
    let joint = MeetingGroup::Area(b.police_area);
    let joint_meeting = store
        .add_meeting(&Meeting {
            version: 0,
            id: MeetingId(0),
            group: joint,
            date: day("2024-06-15"),
            participants: vec![],
            notes: String::new(),
        })
        .unwrap();
    drop(store);

    // The joint meeting's Åtgärder page: both of Bromölla's open beslut, named.
    let mut h = app_harness(Store::open(&db), &db, "2024-06-15");
    h.get_all_by_label("Alla kommuner").next().unwrap().click();
    h.run();
    h.get_by_label("Gemensamt lägesbildsmöte (F5)").click();
    h.run();
    h.get_by_label("4 Åtgärder").click();
    h.run();
    h.get_by_label_contains("Bromölla: Följ upp mopedkontrollerna (2024-05-01)");
    h.get_by_label_contains("senast 2024-06-01 · försenat");
    h.get_by_label_contains("Bromölla: Bjud in skolorna");
    h.get_by_label(&format!("Löfte: Bromölla: {}", lofte.text));
    assert!(h.query_by_label("Inga öppna beslut.").is_none());
    // Klar: the line stays where it was, marked; the other keeps its own button.
    assert_eq!(h.get_all_by_label("Klar").count(), 2);
    h.get_all_by_label("Klar").next().unwrap().click();
    h.run();
    h.get_by_label("Klar i dag");
    assert_eq!(h.get_all_by_label("Klar").count(), 1);
    let status = |h: &egui_kittest::Harness<'static, trygghetstavlan::app::App>| {
        h.state().store().unwrap().decision(late).unwrap().status
    };
    assert_eq!(status(&h), DecisionStatus::Done);
    h.get_by_label("Ångra").click();
    h.run();
    assert_eq!(status(&h), DecisionStatus::Open);
    assert_eq!(h.get_all_by_label("Klar").count(), 2);
    h.key_press(egui::Key::Escape);
    h.run();
    // The löfte's detail panel lists the beslut about it.
    h.get_by_label_contains("Bromölla   ").click();
    h.run();
    h.get_by_label_contains(&lofte.text).click();
    h.run();
    h.get_by_label("Beslut om löftet (1)");
    h.get_by_label("Försenat");

    // The joint meeting's minnesanteckningar.
    let store = h.state().store().unwrap();
    let minutes =
        trygghetstavlan::queries::minutes(store, joint_meeting, day("2024-06-15")).unwrap();
    let line = &minutes.carried[0].1;
    assert_eq!(line.text, "Bromölla: Följ upp mopedkontrollerna");
    assert_eq!(line.lofte.as_deref(), Some(lofte.text.as_str()));
    assert!(line.overdue);
    let text = crate::report::pages_text(
        &trygghetstavlan::report::render_minutes(&minutes, None)
            .unwrap()
            .bytes,
    )
    .join(" ");
    assert!(
        text.contains("Bromölla: Följ upp mopedkontrollerna"),
        "{text}"
    );
    assert!(text.contains("Löfte:"), "{text}");
    assert!(text.contains("Försenad"), "{text}");
    drop(h);
    // list-moten names the löfte under the beslut.
    let out = stdout(&run(&db, &["list-moten", "--kommun", "Bromölla"]));
    assert!(
        out.contains("[ÖPPEN, FÖRSENAD] Följ upp mopedkontrollerna"),
        "{out}"
    );
    assert!(out.contains("      Löfte: "), "{out}");
}

/// Issue 23.3: the minnesanteckningar name each mål behind plan of a löfte with several,
/// instead of repeating the löfte's text once per mål.
#[test]
fn the_minutes_name_each_mal_behind_plan() {
    use trygghetstavlan::domain::{Meeting, MeetingGroup, MeetingId};
    let mut store = crate::common::seeded();
    let b = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let m = store
        .add_meeting(&Meeting {
            version: 0,
            id: MeetingId(0),
            group: MeetingGroup::Kommun(b.id),
            date: day("2024-10-01"),
            participants: vec![],
            notes: String::new(),
        })
        .unwrap();
    let minutes = trygghetstavlan::queries::minutes(&store, m, day("2024-10-01")).unwrap();
    let grann: Vec<&str> = minutes
        .behind
        .iter()
        .map(|b| b.text.as_str())
        .filter(|t| t.starts_with("Grannsamverkan"))
        .collect();
    assert!(grann.len() >= 2, "{grann:?}");
    assert!(
        grann.iter().any(|t| t.ends_with("— mål: Uppstartsmöten")),
        "{grann:?}"
    );
    let unique: std::collections::HashSet<_> = grann.iter().collect();
    assert_eq!(unique.len(), grann.len(), "each line names its mål");
}
