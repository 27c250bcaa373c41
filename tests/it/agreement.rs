//! The samverkansöverenskommelse in the window: Bromölla's agreement with its ten
//! fokusområden, a rename that keeps the löften, parties and forums edited, and an
//! everyday insats recorded against a fokusområde without a löfte.

use crate::common::app_harness;
use crate::ui::type_into;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use trygghetstavlan::app::App;
use trygghetstavlan::domain::AgreementId;

fn bromolla() -> Harness<'static, App> {
    let store = crate::common::seeded();
    let mut h = app_harness(Ok(store), &PathBuf::from(":memory:"), "2024-06-15");
    h.get_by_label_contains("Bromölla   ").click();
    h.run();
    h.get_by_label("Överenskommelse").click();
    h.run();
    h
}

/// Brings the button into view (the tab scrolls) and clicks it.
fn click(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn agreement(h: &Harness<'static, App>) -> AgreementId {
    let s = h.state().store().unwrap();
    let m = s.municipality_by_name("Bromölla").unwrap().unwrap().id;
    s.agreements(m).unwrap()[0].id
}

/// (fokusområde, löften linked) as the follow-up reads them.
fn linked(h: &Harness<'static, App>, name: &str) -> usize {
    let s = h.state().store().unwrap();
    let r = s.agreement_records(agreement(h)).unwrap().unwrap();
    let f = r
        .agreement
        .focus_areas
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{name}"))
        .id;
    r.commitment_areas.iter().filter(|(_, a)| *a == f).count()
}

#[test]
fn the_agreement_shows_its_focus_areas_and_a_rename_keeps_the_loften() {
    let mut h = bromolla();
    h.get_by_label("Samverkansöverenskommelse med polisen 2021–2024");
    h.get_by_label_contains("Parter: Bromölla kommun, De kommunala bolagen");
    h.get_by_label_contains("Forum för samverkan: Lägesbildsgrupp");
    for area in [
        "Trafiksäkerhet",
        "Våld i nära relation",
        "Våldsbejakande extremism",
    ] {
        h.get_by_label(area);
    }
    assert_eq!(h.get_all_by_label("Byt namn").count(), 10);
    assert_eq!(linked(&h, "Våld i nära relation"), 4);
    // "Våld i nära relation" is the ninth.
    h.get_all_by_label("Byt namn").nth(8).unwrap().click();
    h.run();
    type_into(&mut h, "Nytt namn", "Våld i nära relationer");
    h.get_by_label("Spara namnet").click();
    h.run();
    h.get_by_label_contains("Fokusområdet heter nu Våld i nära relationer");
    assert_eq!(
        linked(&h, "Våld i nära relationer"),
        4,
        "the löften followed"
    );
    h.get_by_label("Våld i nära relationer");

    // The head: a bolag added to the parties, a forum.
    h.get_by_label("Ändra överenskommelsen…").click();
    h.run();
    type_into(
        &mut h,
        "Parter",
        "Bromölla kommun, Bromölla Energi och Vatten AB, Polisen",
    );
    type_into(&mut h, "Forum", "Lägesbildsgrupp, Styrgrupp");
    h.get_by_label("Spara").click();
    h.run();
    h.get_by_label_contains("Bromölla Energi och Vatten AB");
    h.get_by_label_contains("Forum för samverkan: Lägesbildsgrupp, Styrgrupp");
    let s = h.state().store().unwrap();
    let a = s.agreement(agreement(&h)).unwrap().unwrap();
    assert_eq!(a.parties.len(), 3);
    assert_eq!(a.forums, ["Lägesbildsgrupp", "Styrgrupp"]);
}

#[test]
fn an_everyday_insats_counts_for_its_focus_area() {
    let mut h = bromolla();
    // Without a fokusområde the form says so and saves nothing.
    click(&mut h, "Spara insatsen");
    h.get_by_label("Välj ett fokusområde.");
    h.get_by_role_and_label(Role::ComboBox, "Fokusområde")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Trafiksäkerhet")
        .click();
    h.run();
    type_into(&mut h, "Antal", "6");
    type_into(&mut h, "Plats", "Storgatan");
    click(&mut h, "Spara insatsen");
    h.get_by_label_contains("Insats 2024-06-15 registrerad (6 st)");
    let s = h.state().store().unwrap();
    let r = s.agreement_records(agreement(&h)).unwrap().unwrap();
    let mine: Vec<_> = r
        .activities
        .iter()
        .filter(|a| a.commitment.is_none() && a.count == 6)
        .collect();
    assert_eq!(mine.len(), 1, "{:?}", r.activities);
    // The table shows it for 2024 (the year shown by default).
    h.get_by_label("Trafiksäkerhet").scroll_to_me();
    h.run();
    h.get_by_label("6");
    // Ångra takes it back.
    h.get_by_label("Ångra").click();
    h.run();
    let s = h.state().store().unwrap();
    let r = s.agreement_records(agreement(&h)).unwrap().unwrap();
    assert!(
        !r.activities
            .iter()
            .any(|a| a.commitment.is_none() && a.count == 6)
    );
}
