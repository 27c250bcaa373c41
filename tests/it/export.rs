//! Exporting from the window: the PDF and the citizens' web page, written on a worker
//! thread.

use crate::ui::{harness, select, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use trygghetstavlan::app::App;

/// The file is written on a worker thread; step until it reports back.
fn wait_for_export(h: &mut Harness<'static, App>) {
    for _ in 0..200 {
        h.step();
        if matches!(
            h.state().screens().export.status,
            trygghetstavlan::ui::export::ExportStatus::Done { .. }
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
}

#[test]
fn export_pdf_from_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    select(&mut h, "Sölvesborg");
    h.get_by_label("Exportera PDF…").click();
    h.run();
    let suggested = h.state().screens().export.path.clone();
    assert!(
        suggested.ends_with("uppfoljning-solvesborg-2024.pdf"),
        "{suggested}"
    );
    let target = dir.path().join("rapport.pdf");
    type_into(&mut h, "Spara som", "/finns/inte/x.pdf");
    h.get_by_label_contains("finns inte");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    h.get_by_label("Skapa PDF").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    h.get_by_label("Öppna mapp");
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF"));
}

#[test]
fn export_web_page_from_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    select(&mut h, "Sölvesborg");
    h.get_by_label("Exportera PDF…").click();
    h.run();
    h.get_by_label("Webbsida för invånare (HTML)").click();
    h.run();
    assert!(h.state().screens().export.path.ends_with(".html"));
    let target = dir.path().join("sida.html");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    h.get_by_label("Skapa webbsida").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
    assert!(html.contains("Sölvesborg"));
}

#[test]
fn export_the_lokalpolisomrade_report_from_alla_kommuner() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    h.get_all_by_label("Alla kommuner").next().unwrap().click();
    h.run();
    h.get_by_label("Rapport för lokalpolisområdet 2024 (PDF)…")
        .click();
    h.run();
    assert!(
        h.state()
            .screens()
            .export
            .path
            .ends_with("uppfoljning-lpo-karlshamn-2024.pdf"),
        "{}",
        h.state().screens().export.path
    );
    assert!(h.query_by_label("Webbsida för invånare (HTML)").is_none());
    let target = dir.path().join("lpo.pdf");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    h.get_by_label("Skapa PDF").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    let bytes = std::fs::read(&target).unwrap();
    let pages = crate::report::pages_text(&bytes);
    assert!(pages[0].contains("Uppföljning av medborgarlöften 2024 — lokalpolisområde Karlshamn"));
    assert!(pages[0].contains("Kommunerna jämförda"));
    let all = pages.join(" ");
    for k in ["Bromölla", "Olofström", "Sölvesborg"] {
        assert!(
            all.contains(&format!("Uppföljning av medborgarlöfte 2024 — {k}")),
            "{k}"
        );
    }
    assert!(!all.contains("Sotenäs"), "only the area's own kommuner");
}

#[test]
fn the_atgardslista_goes_to_one_ansvarig_as_a_pdf() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut store = trygghetstavlan::store::Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    trygghetstavlan::demo::add_demo(&mut store, crate::common::day("2024-06-15")).unwrap();
    let mut h = crate::common::app_harness(
        Ok(store),
        &std::path::PathBuf::from(":memory:"),
        "2024-06-15",
    );
    select(&mut h, "Sölvesborg");
    h.get_by_label_contains("Åtgärdslista (").click();
    h.run();
    h.get_by_label("Välj en ansvarig för att skicka dem deras lista som PDF.");
    h.get_by_role_and_label(Role::ComboBox, "Ansvarig").click();
    h.run();
    // The option in the open list (the table has the word too).
    h.get_by_role_and_label(Role::Button, "Parkförvaltningen")
        .click();
    h.run();
    h.get_by_label("Åtgärdslista till Parkförvaltningen (PDF)…")
        .click();
    h.run();
    let target = dir.path().join("park.pdf");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    h.get_by_label("Skapa PDF").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    let text = crate::report::pages_text(&std::fs::read(&target).unwrap()).join(" ");
    assert!(
        text.contains("Åtgärdslista för Parkförvaltningen — Sölvesborg"),
        "{text}"
    );
    assert!(text.contains("Parkens västra del"));
    assert!(
        !text.contains("Kollektivtrafiken"),
        "only this ansvarig's åtgärder"
    );
}

#[test]
fn export_the_board_as_csv_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    select(&mut h, "Sölvesborg");
    h.get_by_label("Exportera PDF…").click();
    h.run();
    h.get_by_label("Tabell för Excel (CSV)").click();
    h.run();
    assert!(h.state().screens().export.path.ends_with(".csv"));
    let target = dir.path().join("tavla.csv");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    h.get_by_label("Skapa CSV").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(trygghetstavlan::csv::HEADER));
    assert_eq!(
        csv.matches("Sölvesborg;2024;").count(),
        13,
        "one row per target"
    );
}

#[test]
fn the_diarienummer_is_printed_checked_and_remembered_per_kommun_and_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    select(&mut h, "Sölvesborg");
    h.get_by_label("Exportera PDF…").click();
    h.run();
    assert_eq!(h.state().screens().export.dnr, "");
    let field = "Diarienummer (valfritt, står överst på första sidan)";
    type_into(&mut h, field, &"9".repeat(61));
    h.get_by_label_contains("Diarienummer är för långt (61 tecken, högst 60)");
    let target = dir.path().join("rapport.pdf");
    type_into(&mut h, "Spara som", target.to_str().unwrap());
    assert!(h.get_by_label("Skapa PDF").accesskit_node().is_disabled());
    type_into(&mut h, field, "KS 2024/117");
    h.get_by_label("Skapa PDF").click();
    wait_for_export(&mut h);
    h.get_by_label_contains("Klart:");
    let text = crate::report::pages_text(&std::fs::read(&target).unwrap());
    assert!(text[0].starts_with("Dnr: KS 2024/117"), "{}", text[0]);
    h.get_by_label("Stäng").click();
    h.run();
    // The same kommun and period again: the number is remembered.
    h.get_by_label("Exportera PDF…").click();
    h.run();
    assert_eq!(h.state().screens().export.dnr, "KS 2024/117");
    h.get_by_label("Stäng").click();
    h.run();
    // Another kommun has a registration of its own.
    select(&mut h, "Bromölla");
    h.get_by_label("Exportera PDF…").click();
    h.run();
    assert_eq!(h.state().screens().export.dnr, "");
}
