//! Indicators (schema 13): made for a kommun and its löften, a value per year.

use super::*;
use crate::domain::indicators::IndicatorDraft;

fn otrygga(m: MunicipalityId, commitments: Vec<CommitmentId>) -> IndicatorDraft {
    IndicatorDraft {
        municipality: m,
        name: "Andelen som känner sig otrygga i centrum på kvällen".into(),
        unit: "%".into(),
        source: "Trygghetsmätningen".into(),
        lower_is_better: true,
        commitments,
    }
}

#[test]
fn an_indicator_keeps_a_value_per_year_and_its_lofte() {
    let mut f = fixture();
    let c = f.counted.id;
    let id = f.store.add_indicator(&otrygga(f.m, vec![c])).unwrap();
    for (y, v) in [(2024, 24.0), (2022, 31.0), (2023, 28.5)] {
        assert_eq!(f.store.set_indicator_value(id, y, v).unwrap(), None);
    }
    assert_eq!(
        f.store.set_indicator_value(id, 2024, 23.0).unwrap(),
        Some(24.0),
        "a year set again says what it had"
    );
    let list = f.store.indicators(f.m).unwrap();
    assert_eq!(list.len(), 1);
    let i = &list[0];
    assert_eq!(i.values, vec![(2022, 31.0), (2023, 28.5), (2024, 23.0)]);
    assert_eq!(i.commitments, vec![c]);
    assert!(i.lower_is_better);
    assert_eq!(
        (i.unit.as_str(), i.source.as_str()),
        ("%", "Trygghetsmätningen")
    );
    f.store.remove_indicator_value(id, 2023).unwrap();
    assert_eq!(f.store.indicators(f.m).unwrap()[0].values.len(), 2);
}

#[test]
fn bad_values_and_foreign_lofte_are_refused_and_nothing_is_written() {
    let mut f = fixture();
    let area = f.store.ensure_police_area("Karlshamn").unwrap();
    let other = f.store.add_municipality("Bromölla", area).unwrap();
    let err = f
        .store
        .add_indicator(&otrygga(other, vec![f.counted.id]))
        .unwrap_err();
    assert!(err.to_string().contains("hör inte till kommunen"), "{err}");
    assert!(f.store.indicators(other).unwrap().is_empty());
    let id = f.store.add_indicator(&otrygga(f.m, vec![])).unwrap();
    assert!(f.store.set_indicator_value(id, 1200, 1.0).is_err());
    assert!(f.store.set_indicator_value(id, 2024, f64::NAN).is_err());
    // A file's values all or none: the bad year stops the good ones too.
    assert!(
        f.store
            .set_indicator_values(id, &[(2021, 1.0), (2022, 2.0), (99999, 3.0)])
            .is_err()
    );
    assert!(f.store.indicators(f.m).unwrap()[0].values.is_empty());
    f.store
        .set_indicator_values(id, &[(2021, 1.0), (2022, 2.0)])
        .unwrap();
    assert_eq!(f.store.indicators(f.m).unwrap()[0].values.len(), 2);
    assert!(
        f.store
            .set_indicator_value(IndicatorId(12345), 2024, 1.0)
            .is_err()
    );
}

/// Schema 13 adds the indicators: a version 12 file opens with its händelser and takes
/// them.
#[test]
fn a_version_12_file_takes_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v12.db");
    let m = {
        let mut f = fixture_in(Store::open(&path).unwrap());
        f.store
            .add_incident(&crate::store::IncidentDraft {
                municipality: f.m,
                category: "Klotter".into(),
                date: d("2024-03-02"),
                time: None,
                area: String::new(),
                place: "Torget".into(),
                source: String::new(),
                count: 2,
                description: String::new(),
            })
            .unwrap();
        f.m
    };
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        back_to(&conn, 12);
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 12 });
    let w = crate::domain::situation::Window::new(d("2024-03-01"), d("2024-03-31")).unwrap();
    assert_eq!(s.situation(m, w).unwrap().categories[0].count, 2);
    let id = s.add_indicator(&otrygga(m, vec![])).unwrap();
    s.set_indicator_value(id, 2024, 24.0).unwrap();
    assert_eq!(s.indicators(m).unwrap()[0].values, vec![(2024, 24.0)]);
}
