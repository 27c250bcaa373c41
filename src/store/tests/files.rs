//! Store tests of the file itself: creation, migration, refusal, backup.

use super::*;

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
    let b = s.board(PledgeId(1), None, d("2100-01-01")).unwrap();
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
        revisit_of: None,
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

#[test]
fn meeting_dates_of_version_3_become_recorded_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 3).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id, last_meeting) VALUES (1, 'Olofström', 1, '2024-05-02');
             INSERT INTO municipality(id, name, police_area_id) VALUES (2, 'Bromölla', 1);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 3 });
    assert_eq!(
        s.last_meeting(MunicipalityId(1)).unwrap(),
        Some(d("2024-05-02"))
    );
    assert_eq!(s.last_meeting(MunicipalityId(2)).unwrap(), None);
    let m = s
        .meetings(crate::domain::MeetingGroup::Kommun(MunicipalityId(1)))
        .unwrap();
    assert_eq!(m.len(), 1);
    assert!(m[0].notes.is_empty() && m[0].participants.is_empty());
}

#[test]
fn a_version_5_file_opens_with_its_loften_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (1, 'Olofström', 1);
             INSERT INTO pledge(id, municipality_id, first_year, last_year, title) VALUES (1, 1, 2024, 2024, 'Medborgarlöfte 2024');
             INSERT INTO section(id, pledge_id, position, title) VALUES (1, 1, 0, 'Trygghet');
             INSERT INTO commitment(id, section_id, position, text, party) VALUES (1, 1, 0, 'Fler vandringar', 'gemensamt');",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 5 });
    let c = s.commitments(crate::domain::PledgeId(1)).unwrap();
    assert_eq!(c[0].text, "Fler vandringar");
    assert!(
        s.copied_from(crate::domain::PledgeId(1))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn walks_of_a_version_6_file_keep_their_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (1, 'Olofström', 1);
             INSERT INTO safety_walk(id, municipality_id, date, time_of_day, area, participants)
                 VALUES (1, 1, '2024-05-01', 'morker', 'Centrum', 7);
             INSERT INTO observation(id, walk_id, position, place, category, measure, responsible,
                 deadline, status, updated_on)
                 VALUES (1, 1, 0, 'Tunneln', 'belysning', 'Byt lampa', 'Tekniska', '2024-06-01',
                 'ny', '2024-05-01');",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 6 });
    let w = s.walk(crate::domain::WalkId(1)).unwrap();
    assert_eq!(
        (w.area.as_str(), w.participants, w.revisit_of),
        ("Centrum", 7, None)
    );
    let o = s.observation(crate::domain::ObservationId(1)).unwrap();
    assert_eq!(
        (o.place.as_str(), o.measure.as_str()),
        ("Tunneln", "Byt lampa")
    );
    assert!(!o.positive && o.position.is_none());
    assert!(s.photos(o.id).unwrap().is_empty());
    assert_eq!(
        s.open_observations(crate::domain::MunicipalityId(1), d("2024-05-02"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn meetings_of_a_version_7_file_keep_their_ids_and_beslut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (4, 'Olofström', 1);
             INSERT INTO meeting(id, municipality_id, date, participants, notes)
                 VALUES (7, 4, '2024-05-02', '[\"Polisen\"]', 'Oro vid stationen');
             INSERT INTO decision(id, meeting_id, position, text, responsible, status)
                 VALUES (9, 7, 0, 'Byt belysning', 'Kommunen', 'oppen');",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 7 });
    let g = crate::domain::MeetingGroup::Kommun(MunicipalityId(4));
    let m = s.meeting(crate::domain::MeetingId(7)).unwrap();
    assert_eq!((m.group, m.notes.as_str()), (g, "Oro vid stationen"));
    assert_eq!(m.participants, ["Polisen"]);
    let b = s.decision(crate::domain::DecisionId(9)).unwrap();
    assert_eq!((b.meeting, b.text.as_str()), (m.id, "Byt belysning"));
    assert_eq!(s.open_decisions(g, None, None).unwrap().len(), 1);
    // A joint meeting of the area sits beside the kommun's, each in its own list.
    let area = crate::domain::MeetingGroup::Area(crate::domain::PoliceAreaId(1));
    let joint = s
        .add_meeting(&crate::domain::Meeting {
            id: crate::domain::MeetingId(0),
            group: area,
            date: d("2024-06-01"),
            participants: vec![],
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(s.meetings(area).unwrap()[0].id, joint);
    assert_eq!(s.meetings(g).unwrap().len(), 1);
    assert!(s.meeting_on(g, d("2024-06-01")).unwrap().is_none());
    // The rebuilt tables still cascade: a meeting removed takes its beslut along.
    s.conn
        .execute("DELETE FROM meeting WHERE id = 7", [])
        .unwrap();
    assert!(s.decision(crate::domain::DecisionId(9)).is_err());
}

/// `--db` at a link whose file is gone is refused (SQLite would make an empty database at
/// the target); a damaged database reached through a link is repaired in place: the link
/// stays a link and the file it points to gets the data.
#[cfg(unix)]
#[test]
fn links_to_databases_are_followed_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("tavla.db");
    let gone = dir.path().join("borta.db");
    std::os::unix::fs::symlink(&gone, &link).unwrap();
    let e = Store::open_or_create(&link, |_| Ok(())).err().unwrap();
    assert!(matches!(e, StoreError::DanglingLink(_)), "{e}");
    assert!(!gone.exists(), "nothing created at the link's target");

    // A good copy, then the real file is damaged; restore through the link.
    let real = dir.path().join("riktig.db");
    let mut s = Store::open_or_create(&real, |s| {
        let a = s.ensure_police_area("Karlshamn")?;
        s.add_municipality("Sölvesborg", a).map(|_| ())
    })
    .unwrap();
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let copy = dir.path().join("kopia.db");
    s.backup_to(&copy).unwrap();
    s.add_municipality("Bromölla", s.police_areas().unwrap()[0].id)
        .unwrap();
    drop(s);
    std::fs::write(&real, b"inte en databas").unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    backup::restore_unopenable(&link, &copy, now).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let s = Store::open(&link).unwrap();
    let names: Vec<String> = s
        .municipalities()
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Sölvesborg"]);
}

/// Version 9 adds the bedömning of a whole medborgarlöfte: a version 8 file opens, keeps
/// its medborgarlöfte, and takes one; Ångra after removing the medborgarlöfte brings it back.
#[test]
fn a_version_8_file_takes_a_whole_bedomning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (4, 'Olofström', 1);
             INSERT INTO pledge(id, municipality_id, first_year, last_year, title)
                 VALUES (3, 4, 2024, 2024, 'Medborgarlöfte 2024');",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 8 });
    let p = PledgeId(3);
    assert!(s.pledge_assessment(p, 2024).unwrap().is_empty());
    let a = crate::domain::PledgeAssessment {
        pledge: p,
        year: 2024,
        overall: "  De flesta löften hölls.  ".into(),
        next: "Fler vandringar 2025".into(),
    };
    s.set_pledge_assessment(&a).unwrap();
    let stored = s.pledge_assessment(p, 2024).unwrap();
    assert_eq!(stored.overall, "De flesta löften hölls.");
    assert_eq!(stored.next, "Fler vandringar 2025");
    assert!(s.pledge_assessment(p, 2025).unwrap().is_empty(), "per year");
    let r = s.remove_read(|s| s.pledge_removal(p)).unwrap();
    assert!(s.pledge_assessment(p, 2024).unwrap().is_empty());
    s.restore_removed(&r).unwrap();
    assert_eq!(s.pledge_assessment(p, 2024).unwrap(), stored);
    // Emptied, it is gone.
    s.set_pledge_assessment(&crate::domain::PledgeAssessment::empty(p, 2024))
        .unwrap();
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM pledge_assessment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}
