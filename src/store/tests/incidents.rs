//! Händelser: recorded, imported (all or nothing), counted for the lägesbild.

use super::*;
use crate::domain::situation::{Window, WindowKind};
use crate::incidents_csv::IncidentRow;
use crate::store::IncidentDraft;

fn incident(
    m: MunicipalityId,
    date: &str,
    place: &str,
    category: &str,
    count: u32,
) -> IncidentDraft {
    IncidentDraft {
        municipality: m,
        category: category.into(),
        date: d(date),
        time: None,
        area: "Centrum".into(),
        place: place.into(),
        source: "Fastighetsförvaltningen".into(),
        count,
        description: "Intern beskrivning".into(),
    }
}

fn row(line: u64, date: &str, place: &str, category: &str) -> IncidentRow {
    IncidentRow {
        line,
        date: d(date),
        time: None,
        area: String::new(),
        place: place.into(),
        category: category.into(),
        source: String::new(),
        count: 1,
        description: String::new(),
    }
}

#[test]
fn the_situation_counts_per_kategori_and_place_against_before_and_a_year_before() {
    let mut f = fixture();
    let m = f.m;
    // The default kategorier until the kommun has used one.
    assert_eq!(f.store.incident_categories(m).unwrap()[1].name, "Klotter");
    for (date, place, cat, n) in [
        ("2024-05-03", "Stortorget", "Klotter", 2),
        ("2024-05-20", "Stortorget", "klotter", 3),
        ("2024-05-21", "Parken", "Samlingsplats", 1),
        ("2024-04-10", "Parken", "Samlingsplats", 4),
        ("2023-05-15", "Stortorget", "Klotter", 1),
        ("2024-06-01", "Stortorget", "Klotter", 9),
    ] {
        f.store
            .add_incident(&incident(m, date, place, cat, n))
            .unwrap();
    }
    let w = Window::containing(WindowKind::Month, d("2024-05-17"));
    let s = f.store.situation(m, w).unwrap();
    let cats: Vec<_> = s
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.count, c.previous, c.year_before))
        .collect();
    assert_eq!(cats, [("Klotter", 5, 0, 1), ("Samlingsplats", 1, 4, 0)]);
    let places: Vec<_> = s
        .places
        .iter()
        .map(|p| (p.name.as_str(), p.rise()))
        .collect();
    assert_eq!(
        places,
        [("Stortorget (Centrum)", 5), ("Parken (Centrum)", -3)],
        "the place that rose first"
    );
    // An unknown kategori is refused and names the list.
    let e = f
        .store
        .add_incident(&incident(m, "2024-05-03", "Torget", "Graffiti", 1))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("Graffiti") && e.contains("Ordningsstörning"),
        "{e}"
    );
    // Internal fields are kept as written; a removal gives back what went.
    let listed = f.store.incidents(m, w).unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].source, "Fastighetsförvaltningen");
    let gone = f.store.remove_incident(listed[0].id).unwrap();
    assert_eq!(gone, listed[0]);
    assert_eq!(f.store.incidents(m, w).unwrap().len(), 2);
}

#[test]
fn an_import_is_one_transaction_and_makes_the_kategorier_it_names() {
    let mut f = fixture();
    let m = f.m;
    let rows = vec![
        row(2, "2024-02-01", "Tunneln", "Skadegörelse"),
        row(3, "2024-02-02", "Tunneln", "Eldning"),
        row(4, "2024-02-03", "Skolan", "eldning"),
    ];
    let done = f.store.import_incidents(m, &rows).unwrap();
    assert_eq!(done.rows, 3);
    assert_eq!(done.new_categories, ["Eldning"]);
    let cats = f.store.incident_categories(m).unwrap();
    assert_eq!(cats.last().unwrap().name, "Eldning");
    assert_eq!(
        cats.len(),
        crate::domain::situation::DEFAULT_CATEGORIES.len() + 1
    );
    let w = Window::new(d("2024-02-01"), d("2024-02-29")).unwrap();
    assert_eq!(f.store.incidents(m, w).unwrap().len(), 3);
    // A row the database refuses (a count below 1 that bypassed the reader) leaves
    // nothing of the import behind.
    let mut broken = rows.clone();
    broken[2].count = 0;
    broken[0].category = "Nytt slag".into();
    assert!(f.store.import_incidents(m, &broken).is_err());
    assert_eq!(f.store.incidents(m, w).unwrap().len(), 3);
    assert!(
        !f.store
            .incident_categories(m)
            .unwrap()
            .iter()
            .any(|c| c.name == "Nytt slag"),
        "the kategori it made went with it"
    );
}

/// Two installations that take the default list for the same kommun agree on the
/// kategorier's ids, so an exchange does not double them.
#[test]
fn default_kategorier_get_the_same_ids_everywhere() {
    let mut a = file_fixture();
    let mut b = file_fixture();
    assert_eq!(a.m, b.m);
    a.store
        .add_incident(&incident(a.m, "2024-01-01", "Torget", "Klotter", 1))
        .unwrap();
    b.store
        .add_incident(&incident(b.m, "2024-01-02", "Torget", "Klotter", 1))
        .unwrap();
    let ids = |s: &Store, m| -> Vec<IncidentCategoryId> {
        s.incident_categories(m)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(ids(&a.store, a.m), ids(&b.store, b.m));
}

/// Schema 12 adds the händelser: a version 11 file opens with its data and takes them.
#[test]
fn a_version_11_file_takes_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v11.db");
    let made = {
        let mut f = fixture_in(Store::open(&path).unwrap());
        let a = activity(&f, "2024-03-01", 2);
        (f.m, f.store.add_activity(&a).unwrap())
    };
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        back_to(&conn, 11);
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 11 });
    assert_eq!(s.activity(made.1).unwrap().count, 2);
    s.add_incident(&incident(made.0, "2024-03-02", "Torget", "Narkotika", 1))
        .unwrap();
    let w = Window::new(d("2024-03-01"), d("2024-03-31")).unwrap();
    assert_eq!(
        s.situation(made.0, w).unwrap().categories[0].name,
        "Narkotika"
    );
}
