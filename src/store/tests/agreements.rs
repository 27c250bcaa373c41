//! Samverkansöverenskommelser (schema 14): fokusområden as rows linked to löften,
//! insatser and kategorier; a rename keeps them; a version 13 file moves its tags.

use super::*;

fn areas() -> Vec<String> {
    vec!["Trafiksäkerhet".into(), "Trygghetsvandringar".into()]
}

fn agreement(f: &mut Fixture) -> crate::domain::AgreementId {
    f.store
        .add_agreement(
            f.m,
            Period::new(2021, 2024).unwrap(),
            "Överenskommelse",
            &areas(),
        )
        .unwrap()
}

/// The löften linked to a fokusområde, read through the follow-up's records.
fn linked(s: &Store, a: crate::domain::AgreementId) -> Vec<(CommitmentId, String)> {
    let r = s.agreement_records(a).unwrap().unwrap();
    let names: std::collections::HashMap<_, _> = r
        .agreement
        .focus_areas
        .iter()
        .map(|f| (f.id, f.name.clone()))
        .collect();
    let mut out: Vec<_> = r
        .commitment_areas
        .iter()
        .map(|(c, f)| (*c, names[f].clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn agreement_round_trip_with_parties_and_forums() {
    let mut f = fixture();
    let id = agreement(&mut f);
    f.store
        .update_agreement(
            id,
            Period::new(2021, 2025).unwrap(),
            "Överenskommelse 2021–2025",
            &[
                "Kommunen".into(),
                " Bostadsbolaget ".into(),
                "kommunen".into(),
            ],
            &["Lägesbildsgrupp".into()],
        )
        .unwrap();
    let a = f.store.agreement(id).unwrap().unwrap();
    assert_eq!(a.period.to_string(), "2021–2025");
    assert_eq!(
        a.parties,
        ["Kommunen", "Bostadsbolaget"],
        "trimmed, once each"
    );
    assert_eq!(a.forums, ["Lägesbildsgrupp"]);
    let names: Vec<_> = a.focus_areas.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Trafiksäkerhet", "Trygghetsvandringar"]);
    assert_eq!(
        f.store
            .focus_areas_for(f.m, Period::year(2024).unwrap())
            .unwrap(),
        areas()
    );
    assert!(
        f.store
            .focus_areas_for(f.m, Period::year(2026).unwrap())
            .unwrap()
            .is_empty()
    );
    // The same name twice in one agreement is refused.
    let err = f.store.add_focus_area(id, "trafiksäkerhet").unwrap_err();
    assert!(err.to_string().contains("finns redan"), "{err}");
}

#[test]
fn a_renamed_focus_area_keeps_its_loften() {
    let mut f = fixture();
    // The löfte was tagged "Trafiksäkerhet" before the agreement existed: the agreement
    // claims it.
    let id = agreement(&mut f);
    let c = f.counted.id;
    assert_eq!(linked(&f.store, id), [(c, "Trafiksäkerhet".to_string())]);
    let raw: String = f
        .store
        .conn
        .query_row("SELECT tags FROM commitment WHERE id = ?1", [c.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        raw, "[]",
        "the name lives in the fokusområde, not in the löfte"
    );
    let traffic = f.store.agreement(id).unwrap().unwrap().focus_areas[0].id;
    f.store
        .rename_focus_area(traffic, "Trafik och parkering")
        .unwrap();
    assert_eq!(
        linked(&f.store, id),
        [(c, "Trafik och parkering".to_string())]
    );
    assert_eq!(
        f.store.commitment(c).unwrap().tags,
        ["Trafik och parkering"]
    );
    // Saving the löfte with its tags keeps the link; a free tag stays a tag.
    let mut saved = f.store.commitment(c).unwrap();
    saved.tags.push("Eget".into());
    f.store.update_commitment(&saved).unwrap();
    assert_eq!(
        f.store.commitment(c).unwrap().tags,
        ["Trafik och parkering", "Eget"]
    );
    assert_eq!(linked(&f.store, id).len(), 1);
    // Taking the fokusområde off the löfte removes the link.
    let mut off = f.store.commitment(c).unwrap();
    off.tags = vec!["Eget".into()];
    f.store.update_commitment(&off).unwrap();
    assert!(linked(&f.store, id).is_empty());
}

#[test]
fn an_insats_can_carry_a_focus_area_without_a_lofte() {
    let mut f = fixture();
    let id = agreement(&mut f);
    let a = f.store.agreement(id).unwrap().unwrap();
    let (traffic, walks) = (a.focus_areas[0].id, a.focus_areas[1].id);
    let mut everyday = activity(&f, "2024-05-02", 3);
    everyday.commitment = None;
    everyday.target = None;
    f.store
        .add_activity_with_focus(&everyday, &[traffic])
        .unwrap();
    let r = f.store.agreement_records(id).unwrap().unwrap();
    assert!(
        r.activities
            .iter()
            .any(|a| a.commitment.is_none() && a.count == 3 && a.areas == [traffic]),
        "{:?}",
        r.activities
    );
    // In use: refused, nothing removed; an unused one goes.
    let err = f.store.remove_focus_area(traffic).unwrap_err();
    assert!(
        err.to_string()
            .contains("används av 1 löften och 1 insatser"),
        "{err}"
    );
    f.store.remove_focus_area(walks).unwrap();
    assert_eq!(f.store.agreement(id).unwrap().unwrap().focus_areas.len(), 1);
    // A fokusområde of another kommun is refused, and the insats with it.
    let area = f.store.ensure_police_area("Karlshamn").unwrap();
    let other = f.store.add_municipality("Bromölla", area).unwrap();
    let theirs = f
        .store
        .add_agreement(
            other,
            Period::year(2024).unwrap(),
            "Deras",
            &["Trafik".into()],
        )
        .unwrap();
    let foreign = f.store.agreement(theirs).unwrap().unwrap().focus_areas[0].id;
    let before = f.store.activities_of_pledge(f.pledge).unwrap().len();
    let mut bad = activity(&f, "2024-05-03", 1);
    bad.commitment = None;
    bad.target = None;
    assert!(f.store.add_activity_with_focus(&bad, &[foreign]).is_err());
    let all = f
        .store
        .activities_between(f.m, d("2024-01-01"), d("2024-12-31"))
        .unwrap();
    assert!(
        !all.iter().any(|a| a.date == d("2024-05-03")),
        "nothing half-written"
    );
    assert_eq!(
        f.store.activities_of_pledge(f.pledge).unwrap().len(),
        before
    );
}

#[test]
fn a_focus_area_follows_kategorier_of_its_kommun() {
    let mut f = fixture();
    let id = agreement(&mut f);
    let traffic = f.store.agreement(id).unwrap().unwrap().focus_areas[0].id;
    let err = f
        .store
        .set_focus_area_categories(traffic, &["Påhittad".into()])
        .unwrap_err();
    assert!(err.to_string().contains("Påhittad"), "{err}");
    f.store
        .set_focus_area_categories(traffic, &["motorburen ungdom".into(), "Klotter".into()])
        .unwrap();
    let cats = &f.store.agreement(id).unwrap().unwrap().focus_areas[0].categories;
    assert_eq!(cats.len(), 2);
    assert!(cats.iter().any(|c| c == "Klotter"), "{cats:?}");
}

/// Schema 14: a version 13 file's löften keep their fokusområden, now as links.
#[test]
fn a_version_13_file_moves_its_tags_to_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v13.db");
    let (id, c) = {
        let mut f = fixture_in(Store::open(&path).unwrap());
        let id = agreement(&mut f);
        (id, f.counted.id)
    };
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        back_to(&conn, 13);
        // As version 13 kept it: the fokusområde's name among the löfte's tags.
        conn.execute(
            "UPDATE commitment SET tags = '[\"trafiksäkerhet\", \"Eget\"]' WHERE id = ?1",
            [c.0],
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 13 });
    assert_eq!(linked(&s, id), [(c, "Trafiksäkerhet".to_string())]);
    assert_eq!(s.commitment(c).unwrap().tags, ["Trafiksäkerhet", "Eget"]);
    let a = s.agreement(id).unwrap().unwrap();
    assert!(a.parties.is_empty() && a.forums.is_empty());
}
