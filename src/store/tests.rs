//! Store tests, each on a fresh database.

use super::*;
use crate::domain::*;
use chrono::NaiveDate;

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

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
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
    let mut s = Store::open_in_memory().unwrap();
    let a = s.ensure_police_area("Karlshamn").unwrap();
    assert_eq!(s.ensure_police_area("Karlshamn").unwrap(), a, "idempotent");
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
    let r = f.store.conn().execute(
        "INSERT INTO activity(municipality_id, date, party) VALUES (424242, '2024-01-01', 'polisen')",
        [],
    );
    assert!(r.is_err(), "FK to municipality must be enforced");
    let r = f.store.conn().execute(
        "INSERT INTO section(pledge_id, position, title) VALUES (424242, 0, 'x')",
        [],
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
        .conn()
        .query_row("SELECT count(*) FROM section", [], |r| r.get(0))
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
    let b = f.store.board(f.pledge, Some(d("2024-03-01"))).unwrap();
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
        id: WalkId(0),
        municipality: f.m,
        date: d("2024-10-15"),
        time_of_day: TimeOfDay::Dark,
        area: "Centrum – stationen".into(),
        organisations: vec!["Polisen".into(), "Bostadsbolaget".into()],
        participants: 12,
        notes: "Kall kväll".into(),
        commitment: Some(f.plain.id),
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
    assert_eq!(f.store.walks(f.m).unwrap(), vec![w2.clone()]);
    let o = Observation {
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
        .conn()
        .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "observations cascade with their walk");
}

#[test]
fn agreement_round_trip() {
    let mut f = fixture();
    let areas = vec![
        "Trafiksäkerhet".to_string(),
        "Trygghetsvandringar".to_string(),
    ];
    f.store
        .add_agreement(
            f.m,
            Period::new(2021, 2024).unwrap(),
            "Överenskommelse",
            &areas,
        )
        .unwrap();
    let a = &f.store.agreements(f.m).unwrap()[0];
    assert_eq!(a.focus_areas, areas);
    assert_eq!(a.period.to_string(), "2021–2024");
    assert_eq!(
        f.store
            .focus_areas_for(f.m, Period::year(2024).unwrap())
            .unwrap(),
        areas
    );
    assert!(
        f.store
            .focus_areas_for(f.m, Period::year(2025).unwrap())
            .unwrap()
            .is_empty()
    );
}

// ---- files ----

fn bytes(p: &std::path::Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn file_is_created_with_wal_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Created);
    let mode: String = s
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = s
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Existing);
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn migration_from_first_schema_keeps_data_and_backs_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (1, 'Olofström', 1);
             INSERT INTO pledge(id, municipality_id, first_year, last_year, title) VALUES (1, 1, 2024, 2024, 'ML 2024');
             INSERT INTO section(id, pledge_id, position, title) VALUES (1, 1, 0, 'Polisen');
             INSERT INTO commitment(id, section_id, position, text, party) VALUES (1, 1, 0, '4 st riktade insatser', 'polisen');
             INSERT INTO target(id, commitment_id, position, count, unit) VALUES (1, 1, 0, 4, 'insatser');
             INSERT INTO activity(municipality_id, commitment_id, target_id, date, party, count) VALUES (1, 1, 1, '2024-04-01', 'polisen', 2);",
        )
        .unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 1 });
    let backup = s.migration_backup().unwrap().to_path_buf();
    assert!(backup.exists(), "a copy is saved before migrating");
    let old = rusqlite::Connection::open(&backup).unwrap();
    let v: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the backup is the old version");
    let b = s.board(PledgeId(1), None).unwrap();
    assert_eq!(b.tallies[&TargetId(1)].in_year(2024), 2);
    // The new tables work.
    let w = SafetyWalk {
        id: WalkId(0),
        municipality: MunicipalityId(1),
        date: d("2024-05-01"),
        time_of_day: TimeOfDay::Daylight,
        area: "Centrum".into(),
        organisations: vec![],
        participants: 3,
        notes: String::new(),
        commitment: None,
    };
    s.add_walk(&w).unwrap();
}

#[test]
fn newer_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    match Store::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
    }
    assert_eq!(bytes(&path), before);
    assert!(
        StoreError::TooNew {
            found: 99,
            supported: 2
        }
        .to_string()
        .contains("nyare version")
    );
}

#[test]
fn random_bytes_give_error_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.db");
    let mut x: u32 = 12345;
    let junk: Vec<u8> = (0..8192)
        .map(|_| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    std::fs::write(&path, &junk).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotADatabase(_))
    ));
    assert_eq!(bytes(&path), junk, "file left untouched");
}

#[test]
fn foreign_and_empty_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE recipes(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes(name) VALUES ('Kanelbulle');").unwrap();
    }
    let before = bytes(&other);
    assert!(matches!(
        Store::open(&other),
        Err(StoreError::ForeignDatabase(_))
    ));
    assert_eq!(bytes(&other), before);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(Store::open(&empty), Err(StoreError::EmptyFile(_))));
    assert!(matches!(
        Store::open(&dir.path().join("saknas").join("x.db")),
        Err(StoreError::MissingFolder(_))
    ));
}

#[test]
fn backup_to_writes_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-03-01", 1))
        .unwrap();
    let dest = dir.path().join("kopia.db");
    f.store.backup_to(&dest).unwrap();
    let copy = Store::open(&dest).unwrap();
    assert_eq!(copy.activity_count().unwrap(), 1);
}

fn walk(f: &Fixture, date: &str, commitment: Option<CommitmentId>) -> SafetyWalk {
    SafetyWalk {
        id: WalkId(0),
        municipality: f.m,
        date: d(date),
        time_of_day: TimeOfDay::Daylight,
        area: "Centrum".into(),
        organisations: vec!["Polisen".into()],
        participants: 5,
        notes: String::new(),
        commitment,
    }
}

fn obs(
    walk: WalkId,
    place: &str,
    deadline: Option<&str>,
    status: ObservationStatus,
) -> Observation {
    Observation {
        id: ObservationId(0),
        walk,
        place: place.into(),
        category: ObservationCategory::Other,
        description: String::new(),
        measure: String::new(),
        responsible: "Tekniska".into(),
        deadline: deadline.map(d),
        status,
        status_reason: if status == ObservationStatus::WontFix {
            "Skäl".into()
        } else {
            String::new()
        },
        updated_on: d("2024-05-01"),
    }
}

#[test]
fn walk_summaries_and_open_list_order() {
    let mut f = fixture();
    let w1 = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    let w2 = f.store.add_walk(&walk(&f, "2024-09-01", None)).unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Sent, ingen deadline",
            None,
            ObservationStatus::New,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Försenad",
            Some("2024-06-01"),
            ObservationStatus::Ongoing,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Klar",
            Some("2024-05-10"),
            ObservationStatus::Fixed,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w2,
            "Framtida",
            Some("2024-12-01"),
            ObservationStatus::New,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w2,
            "Tidigt försenad",
            Some("2024-05-15"),
            ObservationStatus::New,
        ))
        .unwrap();
    let s = f.store.walk_summaries(f.m).unwrap();
    assert_eq!(
        s.iter().map(|x| x.walk.id).collect::<Vec<_>>(),
        [w2, w1],
        "newest first"
    );
    assert_eq!((s[1].observations, s[1].open), (3, 2));
    assert_eq!((s[0].observations, s[0].open), (2, 2));
    let open = f.store.open_observations(f.m, d("2024-07-01")).unwrap();
    let places: Vec<_> = open.iter().map(|o| o.observation.place.as_str()).collect();
    assert_eq!(
        places,
        [
            "Tidigt försenad",
            "Försenad",
            "Framtida",
            "Sent, ingen deadline"
        ]
    );
    assert_eq!(open[0].walk_date, d("2024-09-01"));
}

#[test]
fn deleted_walk_is_restored_with_history() {
    let mut f = fixture();
    let w = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    let o = f
        .store
        .add_observation(&obs(w, "Tunneln", None, ObservationStatus::New))
        .unwrap();
    let mut changed = f.store.observations(w).unwrap()[0].clone();
    changed.status = ObservationStatus::Fixed;
    changed.updated_on = d("2024-06-01");
    f.store.update_observation(&changed).unwrap();
    let before = (
        f.store.walk(w).unwrap(),
        f.store.observations(w).unwrap(),
        f.store.observation_history(o).unwrap(),
    );
    let deleted = f.store.delete_walk_for_undo(w).unwrap();
    assert!(f.store.walk(w).is_err());
    f.store.restore_walk(&deleted).unwrap();
    let after = (
        f.store.walk(w).unwrap(),
        f.store.observations(w).unwrap(),
        f.store.observation_history(o).unwrap(),
    );
    assert_eq!(before, after);
}

#[test]
fn linked_walk_counts_as_an_insats() {
    let mut f = fixture();
    f.store
        .add_walk(&walk(&f, "2024-05-01", Some(f.counted.id)))
        .unwrap();
    f.store
        .add_walk(&walk(&f, "2024-08-01", Some(f.plain.id)))
        .unwrap();
    f.store.add_walk(&walk(&f, "2024-08-02", None)).unwrap();
    let b = f.store.board(f.pledge, Some(d("2024-06-01"))).unwrap();
    assert_eq!(b.tallies[&f.counted.targets[0].id].in_year(2024), 1);
    assert_eq!(b.stats[&f.counted.id].walks, 1);
    assert_eq!(b.stats[&f.counted.id].entries_since, 0);
    assert_eq!(b.stats[&f.plain.id].entries_since, 1);
    assert_eq!(b.stats[&f.plain.id].latest, Some(d("2024-08-01")));
}

#[test]
fn copy_forward_copies_structure_not_progress() {
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-03-01", 2))
        .unwrap();
    f.store
        .set_manual_status(
            f.plain.id,
            Some(&ManualStatus {
                status: Status::Done,
                reason: "Klart".into(),
            }),
        )
        .unwrap();
    let new = f
        .store
        .copy_pledge_forward(f.pledge, Period::year(2025).unwrap())
        .unwrap();
    let p = f.store.pledge(new).unwrap();
    assert_eq!(p.title, "Medborgarlöfte 2025");
    assert!(p.signatories.is_empty());
    let cs = f.store.commitments(new).unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(cs[0].text, f.counted.text);
    assert_eq!(cs[0].targets[0].count, 4);
    assert_ne!(cs[0].targets[0].id, f.counted.targets[0].id);
    assert_eq!(cs[0].sub_areas, f.counted.sub_areas);
    assert!(cs[1].manual_status.is_none(), "no status carried over");
    let b = f.store.board(new, None).unwrap();
    assert!(b.tallies.is_empty(), "zero progress");
    // The old one is untouched.
    assert_eq!(
        f.store
            .activities_for_commitment(f.counted.id)
            .unwrap()
            .len(),
        1
    );
    assert!(
        f.store
            .commitment(f.plain.id)
            .unwrap()
            .manual_status
            .is_some()
    );
    assert!(matches!(
        f.store
            .copy_pledge_forward(f.pledge, Period::year(2025).unwrap()),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn sections_and_order() {
    let mut f = fixture();
    let s1 = f.store.sections(f.pledge).unwrap()[0].id;
    let s2 = f.store.add_section(f.pledge, "Trygghet").unwrap();
    f.store.rename_section(s2, "Trygghet i centrum").unwrap();
    f.store.move_section(s2, -1).unwrap();
    let titles: Vec<_> = f
        .store
        .sections(f.pledge)
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Trygghet i centrum", "Trafik"]);
    f.store.move_commitment(f.plain.id, -1).unwrap();
    let order: Vec<_> = f
        .store
        .commitments(f.pledge)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(order, [f.plain.id, f.counted.id]);
    f.store.move_commitment_to_section(f.plain.id, s2).unwrap();
    assert_eq!(f.store.commitment(f.plain.id).unwrap().section, s2);
    assert_eq!(
        f.store.commitments(f.pledge).unwrap()[0].id,
        f.plain.id,
        "s2 is first now"
    );
    assert!(f.store.rename_section(s1, " ").is_err());
}

#[test]
fn deleted_commitment_and_section_come_back() {
    let mut f = fixture();
    let a = f
        .store
        .add_activity(&activity(&f, "2024-03-01", 2))
        .unwrap();
    let before = f.store.commitment(f.counted.id).unwrap();
    let d = f.store.delete_commitment_for_undo(f.counted.id).unwrap();
    assert_eq!(d.activities.len(), 1);
    assert!(f.store.commitment(f.counted.id).is_err());
    f.store.restore_commitment(&d).unwrap();
    assert_eq!(f.store.commitment(f.counted.id).unwrap(), before);
    assert_eq!(
        f.store.activity(a).unwrap().target,
        Some(before.targets[0].id)
    );
    let s = f.store.sections(f.pledge).unwrap()[0].id;
    let all_before = f.store.commitments(f.pledge).unwrap();
    let d = f.store.delete_section_for_undo(s).unwrap();
    assert!(f.store.commitments(f.pledge).unwrap().is_empty());
    assert_eq!(f.store.activity_count().unwrap(), 0);
    f.store.restore_section(&d).unwrap();
    assert_eq!(f.store.commitments(f.pledge).unwrap(), all_before);
    assert_eq!(f.store.activity_count().unwrap(), 1);
}

#[test]
fn pledge_head_update() {
    let mut f = fixture();
    let signers = vec![
        Signatory {
            name: "Anna Andersson".into(),
            role: "Kommunalråd".into(),
        },
        Signatory {
            name: "  ".into(),
            role: "tom rad hoppas över".into(),
        },
    ];
    f.store
        .update_pledge_head(
            f.pledge,
            "Medborgarlöfte 2024 (rev)",
            "Nytt mål",
            Some(""),
            &signers,
        )
        .unwrap();
    let p = f.store.pledge(f.pledge).unwrap();
    assert_eq!(p.title, "Medborgarlöfte 2024 (rev)");
    assert_eq!(p.contact, None);
    assert_eq!(p.signatories.len(), 1);
    assert!(
        f.store
            .update_pledge_head(f.pledge, "", "", None, &[])
            .is_err()
    );
}
