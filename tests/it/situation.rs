//! The lägesbild in the window: the tab's fast form with Ångra, a place's two years with
//! the insatser there, and a beslut that names the place, from the tab and from meeting
//! mode's page.

use crate::common::{app_harness, day, insats};
use crate::ui::type_into;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use trygghetstavlan::app::App;
use trygghetstavlan::domain::MunicipalityId;
use trygghetstavlan::domain::situation::{Window, WindowKind};
use trygghetstavlan::store::{IncidentDraft, Store};

/// Olofström with händelser in spring 2024 and an insats at Stortorget on 2024-04-20.
fn olofstrom() -> (Store, MunicipalityId) {
    let mut store = crate::common::seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap().id;
    for (date, area, place, category, count) in [
        ("2024-03-10", "Centrum", "Stortorget", "Klotter", 6),
        ("2024-05-20", "Centrum", "Stortorget", "Klotter", 1),
        ("2024-06-02", "Centrum", "Stortorget", "Klotter", 3),
        ("2024-06-10", "Centrum", "Stortorget", "Skadegörelse", 1),
        ("2024-05-05", "Centrum", "Parken", "Nedskräpning", 4),
        ("2024-06-01", "", "Skolan", "Samlingsplats", 2),
    ] {
        store
            .add_incident(&IncidentDraft {
                municipality: m,
                category: category.into(),
                date: day(date),
                time: None,
                area: area.into(),
                place: place.into(),
                source: "Fastighetsbolaget".into(),
                count,
                description: "INTERN-BESKRIVNING".into(),
            })
            .unwrap();
    }
    let mut a = insats(&store, "Olofström", "Kameror uppsatta");
    a.date = day("2024-04-20");
    a.place = "Stortorget, norra delen".into();
    store.add_activity(&a).unwrap();
    (store, m)
}

fn on_the_tab(store: Store) -> Harness<'static, App> {
    let mut h = app_harness(Ok(store), &PathBuf::from(":memory:"), "2024-06-15");
    h.get_by_label_contains("Olofström   ").click();
    h.run();
    h.get_by_label("Lägesbild").click();
    h.run();
    h
}

fn june(h: &Harness<'static, App>, m: MunicipalityId) -> Vec<String> {
    let w = Window::containing(WindowKind::Month, day("2024-06-15"));
    h.state()
        .store()
        .unwrap()
        .incidents(m, w)
        .unwrap()
        .into_iter()
        .map(|i| format!("{} {} {}", i.date, i.place, i.count))
        .collect()
}

#[test]
fn the_tab_shows_rising_places_first_and_the_fast_form_records_with_undo() {
    let (store, m) = olofstrom();
    let mut h = on_the_tab(store);
    h.get_by_label("juni 2024");
    // Each kategori's month bars are named by their words for a screen reader.
    assert!(h.get_all_by_role(egui::accesskit::Role::Image).any(|n| {
        n.accesskit_node()
            .label()
            .is_some_and(|l| l.contains(" per månad "))
    }));
    h.get_by_label_contains(
        "Jämförs med perioden före (maj 2024) och samma period året innan (juni 2023)",
    );
    // Stortorget rose from 1 to 4, Skolan from 0 to 2; Parken fell from 4 to 0.
    let places: Vec<String> = h
        .query_all_by_role(Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        places,
        ["Stortorget (Centrum)", "Skolan", "Parken (Centrum)"],
        "rising first"
    );
    h.get_by_label("+3");
    assert_eq!(
        h.query_all_by_label("−4").count(),
        2,
        "Parken and Nedskräpning"
    );
    assert!(
        h.query_by_label_contains("INTERN-BESKRIVNING").is_none(),
        "the internal text is not on the screen (only in a hover)"
    );

    // The fast form: date stays, kategori chosen once, Enter in Plats adds.
    h.get_by_role_and_label(Role::ComboBox, "Kategori").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Nedskräpning")
        .click();
    h.run();
    type_into(&mut h, "Plats", "Busstorget");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Händelsen vid Busstorget sparades.");
    assert!(june(&h, m).contains(&"2024-06-15 Busstorget 1".to_string()));
    assert_eq!(
        h.state().screens().situation.form.place,
        "",
        "ready for the next"
    );
    assert_eq!(
        h.state().screens().situation.form.category.as_deref(),
        Some("Nedskräpning"),
        "the kategori stays for the next report"
    );
    h.get_by_label("Ångra").click();
    h.run();
    assert!(!june(&h, m).iter().any(|i| i.contains("Busstorget")));

    // Removing one, and Ångra puts it back under its id.
    let before = june(&h, m);
    h.get_by_label("Ta bort händelsen 2024-06-01 vid Skolan")
        .click();
    h.run();
    assert!(!june(&h, m).iter().any(|i| i.contains("Skolan")));
    h.get_by_label("Ångra").click();
    h.run();
    assert_eq!(june(&h, m), before);
}

#[test]
fn a_place_shows_its_insats_with_the_weeks_around_and_a_beslut_names_it() {
    let (store, _) = olofstrom();
    let mut h = on_the_tab(store);
    h.get_by_role_and_label(Role::Link, "Stortorget (Centrum)")
        .click();
    h.run();
    // 6 händelser in the 8 weeks before 2024-04-20, 1 + 3 + 1 after.
    h.get_by_label_contains(
        "2024-04-20  Kameror uppsatta (1 st): 6 händelser 8 veckor före, 5 efter",
    );
    h.get_by_label("Nytt beslut om platsen…").click();
    h.run();
    let meeting = &h.state().screens().meeting;
    assert!(meeting.active);
    assert_eq!(meeting.step.title(), "Beslut");
    assert_eq!(meeting.draft.text, "Stortorget (Centrum): ");
}

#[test]
fn the_meeting_page_shows_the_situation_since_the_last_meeting() {
    let (store, _) = olofstrom();
    let mut h = on_the_tab(store);
    h.key_press(egui::Key::F5);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().screens().meeting.step.title(), "Lägesbild");
    h.get_by_label_contains("2024-05-16 – 2024-06-15 (31 dagar)");
    assert!(h.query_by_label_contains("INTERN").is_none());
    assert!(h.query_by_label_contains("Fastighetsbolaget").is_none());
    // Stortorget rose most since (5 against none), so its button comes first.
    h.get_by_label("Stortorget (Centrum)");
    h.query_all_by_label("Beslut…").next().unwrap().click();
    h.run();
    let meeting = &h.state().screens().meeting;
    assert_eq!(meeting.step.title(), "Beslut");
    assert_eq!(meeting.draft.text, "Stortorget (Centrum): ");
}

#[test]
fn a_csv_read_in_the_window_imports_all_rows_or_names_the_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let (store, m) = olofstrom();
    let good = dir.path().join("bra.csv");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("Plats;Datum;Kategori;Område\r\nBusstorget;2024-06-03;Klotter;Söder\r\nÅvägen;2024-06-04;Buskörning;\r\n");
    std::fs::write(&good, &bytes).unwrap();
    let bad = dir.path().join("fel.csv");
    std::fs::write(
        &bad,
        "Datum;Plats;Kategori\n2024-06-05;Torget;Klotter\n2024-13-01;Torget;Klotter\n",
    )
    .unwrap();

    let mut h = crate::common::app_harness_with(
        Ok(store),
        &PathBuf::from(":memory:"),
        "2024-06-15",
        Box::new(crate::common::Picks(bad)),
    );
    h.get_by_label_contains("Olofström   ").click();
    h.run();
    h.get_by_label("Lägesbild").click();
    h.run();
    let before = june(&h, m).len();
    h.get_by_label("Läs in CSV…").click();
    h.run();
    h.get_by_label_contains("Ingenting importerades: 1 rad med fel.");
    h.get_by_label_contains("Rad 3: ");
    assert_eq!(june(&h, m).len(), before, "nothing of the file");

    let mut h2 = crate::common::app_harness_with(
        Ok(olofstrom().0),
        &PathBuf::from(":memory:"),
        "2024-06-15",
        Box::new(crate::common::Picks(good)),
    );
    h2.get_by_label_contains("Olofström   ").click();
    h2.run();
    h2.get_by_label("Lägesbild").click();
    h2.run();
    h2.get_by_label("Läs in CSV…").click();
    h2.run();
    h2.get_by_label("2 händelser importerade (läst som windows-1252). Nya kategorier: Buskörning.");
    h2.get_by_role_and_label(Role::Link, "Åvägen");
    h2.get_by_role_and_label(Role::Link, "Busstorget (Söder)");
}

#[test]
fn an_indicator_made_and_typed_in_the_window_shows_in_the_lofte_detail() {
    let (store, m) = olofstrom();
    let mut h = on_the_tab(store);
    h.get_by_label("Ny indikator…").click();
    h.run();
    type_into(&mut h, "Namn", "Anmälda skadegörelsebrott");
    type_into(&mut h, "Enhet", "brott");
    h.get_by_label("Lägre är bättre").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Mäter löftet")
        .click();
    h.run();
    h.get_by_label_contains("5 st riktade insatser mot de platser")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Spara").click();
    h.run();
    h.get_by_label("Indikatorn Anmälda skadegörelsebrott sparades.");
    {
        let list = h.state().store().unwrap().indicators(m).unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].lower_is_better && list[0].commitments.len() == 1);
    }
    for (year, value) in [("2022", "140"), ("2023", "118,5")] {
        type_into(&mut h, "År", year);
        type_into(&mut h, "Värde", value);
        h.key_press(egui::Key::Enter);
        h.run();
    }
    h.get_by_label("140\u{a0}brott 2022, 118,5\u{a0}brott 2023 — bättre");
    // A mistyped year's value is taken back.
    type_into(&mut h, "År", "2024");
    type_into(&mut h, "Värde", "9999");
    h.get_by_label("Spara värde").click();
    h.run();
    h.get_by_label("Ångra").click();
    h.run();
    let values = |h: &Harness<'static, App>| {
        h.state().store().unwrap().indicators(m).unwrap()[0]
            .values
            .clone()
    };
    assert_eq!(values(&h), vec![(2022, 140.0), (2023, 118.5)]);
    type_into(&mut h, "Värde", "mycket");
    h.get_by_label_contains("\"mycket\" är inte ett tal");
    // The löfte's detail on the board says it.
    h.get_by_label("Tavla").click();
    h.run();
    h.get_by_label_contains("narkotikaförsäljning").click();
    h.run();
    h.get_by_label("Anmälda skadegörelsebrott: 140\u{a0}brott 2022, 118,5\u{a0}brott 2023");
    h.get_by_label("bättre");
}
