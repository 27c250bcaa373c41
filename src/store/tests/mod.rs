//! Store tests, each on a fresh database.

use super::*;
use crate::domain::*;
use chrono::NaiveDate;

/// An empty store on the engine under test: a new database on the PostgreSQL server that
/// `TRYGGHETSTAVLAN_TEST_PG` names (`.ci/run` starts one and runs these tests again on
/// it), else SQLite in memory.
pub(crate) fn empty_store() -> Store {
    match std::env::var("TRYGGHETSTAVLAN_TEST_PG") {
        Ok(admin) if !admin.is_empty() => {
            Store::connect(&server::new_database(&admin).unwrap()).unwrap()
        }
        _ => Store::open_in_memory().unwrap(),
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn draft() -> PledgeDraft {
    PledgeDraft {
        title: "Medborgarlöfte 2024".into(),
        goal: "Ökad trygghet".into(),
        contact: Some("Kommunpolisen".into()),
        signatories: vec![Signatory {
            name: "Ola Jarevik".into(),
            role: "Chef lokalpolisområde Karlshamn".into(),
        }],
        sections: vec![SectionDraft {
            title: "Trafik".into(),
            commitments: vec![
                CommitmentDraft {
                    text: "Minst fyra riktade insatser mot A-traktorer.".into(),
                    party: Party::Polisen,
                    targets: vec![TargetDraft {
                        count: 4,
                        unit: "riktade insatser".into(),
                        scope: TargetScope::Period,
                        party: None,
                        label: None,
                    }],
                    sub_areas: vec!["Norr".into(), "Söder".into()],
                    tags: vec!["Trafiksäkerhet".into()],
                },
                CommitmentDraft {
                    text: "Utveckla lägesbildsarbetet.".into(),
                    party: Party::Gemensamt,
                    targets: vec![],
                    sub_areas: vec![],
                    tags: vec![],
                },
            ],
        }],
    }
}

struct Fixture {
    store: Store,
    m: MunicipalityId,
    pledge: PledgeId,
    counted: Commitment,
    plain: Commitment,
}

/// Takes a file made at the latest schema back to `version` by undoing what the later
/// schemas (12 on) added, so that opening it runs their migrations on real data.
fn back_to(conn: &rusqlite::Connection, version: i64) {
    if version < 14 {
        conn.execute_batch(
            "DROP TABLE focus_area_category; DROP TABLE activity_focus_area; \
             DROP TABLE commitment_focus_area; \
             ALTER TABLE agreement DROP COLUMN parties; ALTER TABLE agreement DROP COLUMN forums;",
        )
        .unwrap();
    }
    if version < 13 {
        conn.execute_batch(
            "DROP TABLE indicator_link; DROP TABLE indicator_value; DROP TABLE indicator;",
        )
        .unwrap();
    }
    if version < 12 {
        conn.execute_batch("DROP TABLE incident; DROP TABLE incident_category;")
            .unwrap();
    }
    conn.pragma_update(None, "user_version", version).unwrap();
}

fn fixture() -> Fixture {
    fixture_in(empty_store())
}

/// The fixture in a SQLite database (what only a file has: copies, the exchange).
fn file_fixture() -> Fixture {
    fixture_in(Store::open_in_memory().unwrap())
}

fn fixture_in(mut store: Store) -> Fixture {
    let area = store.ensure_police_area("Karlshamn").unwrap();
    let m = store.add_municipality("Sölvesborg", area).unwrap();
    let pledge = store
        .insert_pledge(m, Period::year(2024).unwrap(), &draft())
        .unwrap();
    let cs = store.commitments(pledge).unwrap();
    Fixture {
        store,
        m,
        pledge,
        counted: cs[0].clone(),
        plain: cs[1].clone(),
    }
}

fn activity(f: &Fixture, date: &str, count: u32) -> Activity {
    Activity {
        version: 0,
        id: ActivityId(0),
        municipality: f.m,
        commitment: Some(f.counted.id),
        target: Some(f.counted.targets[0].id),
        date: d(date),
        by: Party::Polisen,
        count,
        place: "Centrum".into(),
        description: "Kontroll vid skolan".into(),
        internal_note: "Intern".into(),
    }
}

#[test]
fn police_area_and_municipality_round_trip() {
    let mut s = empty_store();
    let a = s.ensure_police_area("Karlshamn").unwrap();
    assert_eq!(s.ensure_police_area("Karlshamn").unwrap(), a, "idempotent");
    // The names `--lpo` finds one area by are one area when created too.
    for same in [
        "LPO Karlshamn",
        "karlshamn",
        "Lokalpolisområde Karlshamn",
        "LOKALPOLISOMRÅDE  karlshamn ",
    ] {
        assert_eq!(s.ensure_police_area(same).unwrap(), a, "{same}");
    }
    assert_eq!(s.police_areas().unwrap().len(), 1);
    assert_eq!(
        s.police_area_by_name("lpo KARLSHAMN")
            .unwrap()
            .map(|x| x.id),
        Some(a)
    );
    let m = s.add_municipality("Bromölla", a).unwrap();
    assert_eq!(s.municipality(m).unwrap().name, "Bromölla");
    assert_eq!(
        s.municipality_by_name("bromölla kommun")
            .unwrap()
            .unwrap()
            .id,
        m
    );
    assert!(matches!(
        s.add_municipality("BROMÖLLA", a),
        Err(StoreError::Invalid(_))
    ));
    // Renamed to a name that ends in "kommun": found by the new name as written.
    let sotenas = s.add_municipality("Sotenäs", a).unwrap();
    s.rename_municipality(sotenas, "Sotenäs kommun").unwrap();
    let found = |n: &str| s.municipality_by_name(n).unwrap().map(|m| m.id);
    assert_eq!(found("Sotenäs kommun"), Some(sotenas));
    assert_eq!(found("sotenäs kommun"), Some(sotenas));
    assert_eq!(found("Bromölla kommun"), Some(m));
    s.rename_municipality(m, "Bromölla k").unwrap();
    assert_eq!(s.municipality(m).unwrap().name, "Bromölla k");
    assert_eq!(s.last_meeting(m).unwrap(), None);
    s.set_last_meeting(m, Some(d("2024-05-02"))).unwrap();
    assert_eq!(s.last_meeting(m).unwrap(), Some(d("2024-05-02")));
    assert_eq!(s.police_areas().unwrap()[0].name, "Karlshamn");
}

#[test]
fn pledge_tree_round_trip() {
    let f = fixture();
    let p = f.store.pledge(f.pledge).unwrap();
    assert_eq!(p.period, Period::year(2024).unwrap());
    assert_eq!(p.signatories[0].name, "Ola Jarevik");
    assert_eq!(p.contact.as_deref(), Some("Kommunpolisen"));
    let sections = f.store.sections(f.pledge).unwrap();
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].title, "Trafik");
    assert_eq!(f.counted.targets.len(), 1);
    assert_eq!(f.counted.targets[0].count, 4);
    assert_eq!(f.counted.sub_areas, vec!["Norr", "Söder"]);
    assert_eq!(f.counted.tags, vec!["Trafiksäkerhet"]);
    assert_eq!(f.store.commitment(f.counted.id).unwrap(), f.counted);
    assert_eq!(f.store.pledge_of_commitment(f.plain.id).unwrap(), f.pledge);
    assert_eq!(
        f.store.all_periods().unwrap(),
        vec![Period::year(2024).unwrap()]
    );
    assert_eq!(
        f.store.pledge_for_year(f.m, 2024).unwrap().unwrap().id,
        f.pledge
    );
    assert!(f.store.pledge_for_year(f.m, 2025).unwrap().is_none());
}

#[test]
fn overlapping_pledge_is_refused() {
    let mut f = fixture();
    let r = f
        .store
        .insert_pledge(f.m, Period::new(2023, 2024).unwrap(), &draft());
    assert!(matches!(r, Err(StoreError::Invalid(_))), "{r:?}");
    assert_eq!(f.store.pledges(f.m).unwrap().len(), 1);
}

#[test]
fn commitment_update_keeps_target_ids() {
    let mut f = fixture();
    let a = f
        .store
        .add_activity(&activity(&f, "2024-03-01", 1))
        .unwrap();
    let mut c = f.counted.clone();
    c.text = "Minst sex riktade insatser.".into();
    c.party = Party::Gemensamt;
    c.targets[0].count = 6;
    c.targets.push(Target {
        id: TargetId(0),
        count: 2,
        unit: "forum".into(),
        scope: TargetScope::PerYear,
        party: Some(Party::Kommunen),
        label: Some("Forum".into()),
    });
    f.store.update_commitment(&c).unwrap();
    let back = f.store.commitment(c.id).unwrap();
    assert_eq!(back.text, "Minst sex riktade insatser.");
    assert_eq!(back.party, Party::Gemensamt);
    assert_eq!(back.targets[0].id, f.counted.targets[0].id);
    assert_eq!(back.targets[0].count, 6);
    assert_eq!(back.targets[1].scope, TargetScope::PerYear);
    assert_eq!(back.targets[1].party, Some(Party::Kommunen));
    assert_eq!(
        f.store.activity(a).unwrap().target,
        Some(f.counted.targets[0].id)
    );
    // Removing a target keeps its insatser, unlinked from the target.
    let mut c2 = back.clone();
    c2.targets.remove(0);
    f.store.update_commitment(&c2).unwrap();
    assert_eq!(f.store.commitment(c.id).unwrap().targets.len(), 1);
    assert_eq!(f.store.activity(a).unwrap().target, None);
}

#[test]
fn manual_status_needs_reason() {
    let mut f = fixture();
    let m = ManualStatus {
        status: Status::NotDone,
        reason: "  ".into(),
    };
    assert!(matches!(
        f.store.set_manual_status(f.plain.id, Some(&m)),
        Err(StoreError::Invalid(_))
    ));
    let m = ManualStatus {
        status: Status::NotDone,
        reason: "Prioriterades bort i styrgruppen".into(),
    };
    f.store.set_manual_status(f.plain.id, Some(&m)).unwrap();
    assert_eq!(
        f.store.commitment(f.plain.id).unwrap().manual_status,
        Some(m)
    );
    f.store.set_manual_status(f.plain.id, None).unwrap();
    assert_eq!(f.store.commitment(f.plain.id).unwrap().manual_status, None);
    f.store
        .set_checked(f.plain.id, Some(d("2024-06-01")))
        .unwrap();
    assert_eq!(
        f.store.commitment(f.plain.id).unwrap().checked_on,
        Some(d("2024-06-01"))
    );
}

#[test]
fn activity_round_trip_update_delete_restore() {
    let mut f = fixture();
    let a = activity(&f, "2024-03-01", 2);
    let id = f.store.add_activity(&a).unwrap();
    let back = f.store.activity(id).unwrap();
    assert_eq!(back, Activity { id, ..a.clone() });
    let mut changed = back.clone();
    changed.count = 3;
    changed.place = "Torget".into();
    f.store.update_activity(&changed).unwrap();
    // The save counted one more edit; saving the old one again is refused, unchanged.
    let changed = Activity {
        version: changed.version + 1,
        ..changed
    };
    assert_eq!(f.store.activity(id).unwrap(), changed);
    assert!(matches!(
        f.store.update_activity(&back),
        Err(StoreError::ChangedByOthers)
    ));
    assert_eq!(f.store.activity(id).unwrap(), changed);
    let removed = f.store.delete_activity(id).unwrap();
    assert_eq!(removed, changed);
    assert!(matches!(f.store.activity(id), Err(StoreError::NotFound(_))));
    f.store.restore_activity(&removed).unwrap();
    assert_eq!(f.store.activity(id).unwrap(), changed);
    assert_eq!(
        f.store
            .activities_for_commitment(f.counted.id)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        f.store
            .activities_between(f.m, d("2024-01-01"), d("2024-12-31"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn invalid_activity_writes_nothing() {
    let mut f = fixture();
    let mut a = activity(&f, "2024-03-01", 0);
    assert!(matches!(
        f.store.add_activity(&a),
        Err(StoreError::Invalid(_))
    ));
    a.count = 1;
    a.date = d("1899-01-01");
    assert!(matches!(
        f.store.add_activity(&a),
        Err(StoreError::Invalid(_))
    ));
    a.date = d("2024-01-01");
    a.target = Some(TargetId(9999));
    assert!(matches!(
        f.store.add_activity(&a),
        Err(StoreError::Invalid(_))
    ));
    a.target = None;
    a.commitment = Some(CommitmentId(9999));
    assert!(matches!(
        f.store.add_activity(&a),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(f.store.activity_count().unwrap(), 0);
}

#[test]
fn foreign_keys_are_enforced() {
    let f = fixture();
    let r = f.store.conn.execute(
        "INSERT INTO activity(id, municipality_id, date, party) VALUES (99, 424242, '2024-01-01', 'polisen')",
        (),
    );
    assert!(r.is_err(), "FK to municipality must be enforced");
    let r = f.store.conn.execute(
        "INSERT INTO section(id, pledge_id, position, title) VALUES (99, 424242, 0, 'x')",
        (),
    );
    assert!(r.is_err());
}

#[test]
fn deleting_commitment_with_activities_needs_consent() {
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-03-01", 1))
        .unwrap();
    assert!(matches!(
        f.store.delete_commitment(f.counted.id, false),
        Err(StoreError::HasActivities(1))
    ));
    assert!(f.store.commitment(f.counted.id).is_ok());
    f.store.delete_commitment(f.counted.id, true).unwrap();
    assert!(matches!(
        f.store.commitment(f.counted.id),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(f.store.activity_count().unwrap(), 0);
    f.store.delete_commitment(f.plain.id, false).unwrap();
}

#[test]
fn failing_write_rolls_back_whole_pledge() {
    let mut f = fixture();
    let mut bad = draft();
    bad.sections.push(SectionDraft {
        title: "Trygghet".into(),
        commitments: vec![CommitmentDraft {
            text: "".into(), // invalid: empty text, after a valid section
            party: Party::Polisen,
            targets: vec![],
            sub_areas: vec![],
            tags: vec![],
        }],
    });
    let r = f
        .store
        .insert_pledge(f.m, Period::year(2025).unwrap(), &bad);
    assert!(r.is_err());
    assert_eq!(
        f.store.pledges(f.m).unwrap().len(),
        1,
        "nothing of the 2025 pledge remains"
    );
    let n: i64 = f
        .store
        .conn
        .query_row("SELECT count(*) FROM section", (), |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn board_tallies_per_target_and_year() {
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-02-01", 2))
        .unwrap();
    f.store
        .add_activity(&activity(&f, "2024-05-10", 1))
        .unwrap();
    f.store
        .add_activity(&activity(&f, "2025-01-10", 5))
        .unwrap();
    let b = f
        .store
        .board(f.pledge, Some(d("2024-03-01")), d("2100-01-01"))
        .unwrap();
    let t = &b.tallies[&f.counted.targets[0].id];
    assert_eq!(t.in_year(2024), 3);
    assert_eq!(t.in_year(2025), 5);
    let st = &b.stats[&f.counted.id];
    assert_eq!(st.entries, 3);
    assert_eq!(st.latest, Some(d("2025-01-10")));
    assert_eq!(st.entries_since, 2);
    let s = crate::summary::summarize(&b, d("2024-06-01"));
    assert_eq!(s.rows[0].targets[0].progress.done, 3);
    assert_eq!(s.rows[0].status, Status::InProgress);
}

#[test]
fn walks_and_observations_round_trip_with_history_and_cascade() {
    let mut f = fixture();
    let w = SafetyWalk {
        version: 0,
        id: WalkId(0),
        municipality: f.m,
        date: d("2024-10-15"),
        time_of_day: TimeOfDay::Dark,
        area: "Centrum – stationen".into(),
        organisations: vec!["Polisen".into(), "Bostadsbolaget".into()],
        participants: 12,
        notes: "Kall kväll".into(),
        commitment: Some(f.plain.id),
        revisit_of: None,
    };
    let wid = f.store.add_walk(&w).unwrap();
    assert_eq!(
        f.store.walk(wid).unwrap(),
        SafetyWalk {
            id: wid,
            ..w.clone()
        }
    );
    let mut w2 = f.store.walk(wid).unwrap();
    w2.participants = 9;
    f.store.update_walk(&w2).unwrap();
    w2.version += 1;
    assert_eq!(f.store.walks(f.m).unwrap(), vec![w2.clone()]);
    let o = Observation {
        version: 0,
        id: ObservationId(0),
        walk: wid,
        place: "Gångtunneln".into(),
        category: ObservationCategory::Lighting,
        description: "Trasig lampa".into(),
        measure: "Byta armatur".into(),
        responsible: "Gatuavdelningen".into(),
        deadline: Some(d("2024-11-15")),
        status: ObservationStatus::New,
        status_reason: String::new(),
        updated_on: d("2024-10-15"),
        positive: false,
        position: crate::domain::GeoPoint::from_degrees(56.0512, 14.5853),
    };
    let oid = f.store.add_observation(&o).unwrap();
    assert_eq!(
        f.store.observations(wid).unwrap(),
        vec![Observation {
            id: oid,
            ..o.clone()
        }]
    );
    let mut closed = Observation {
        id: oid,
        ..o.clone()
    };
    closed.status = ObservationStatus::WontFix;
    assert!(matches!(
        f.store.update_observation(&closed),
        Err(StoreError::Invalid(_))
    ));
    closed.status_reason = "Privat mark".into();
    closed.updated_on = d("2024-11-01");
    f.store.update_observation(&closed).unwrap();
    let h = f.store.observation_history(oid).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(
        h[1],
        (
            ObservationStatus::WontFix,
            "Privat mark".into(),
            d("2024-11-01")
        )
    );
    f.store.delete_walk(wid).unwrap();
    let n: i64 = f
        .store
        .conn
        .query_row("SELECT count(*) FROM observation", (), |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "observations cascade with their walk");
}

// ---- files ----

mod agreements;
mod files;
mod incidents;
mod indicators;
mod sync;
mod walks_authoring;
