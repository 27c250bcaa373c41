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

/// The id a migrated file gave the one row of `table` matching `cond` (schema 10 re-keys).
fn id_of(s: &Store, table: &str, cond: &str) -> i64 {
    s.conn
        .query_row(&format!("SELECT id FROM {table} WHERE {cond}"), (), |r| {
            r.get(0)
        })
        .unwrap()
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
    let pledge = PledgeId(id_of(&s, "pledge", "first_year = 2024"));
    let target = TargetId(id_of(&s, "target", "unit = 'insatser'"));
    assert!(pledge.0 > 1 << 40 && target.0 > 1 << 40, "re-keyed");
    let b = s.board(pledge, None, d("2100-01-01")).unwrap();
    assert_eq!(b.tallies[&target].in_year(2024), 2);
    // The new tables work.
    let w = SafetyWalk {
        version: 0,
        id: WalkId(0),
        municipality: MunicipalityId(id_of(&s, "municipality", "name = 'Olofström'")),
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
    let mut f = file_fixture();
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
    let olofstrom = MunicipalityId(id_of(&s, "municipality", "name = 'Olofström'"));
    let bromolla = MunicipalityId(id_of(&s, "municipality", "name = 'Bromölla'"));
    assert_eq!(s.last_meeting(olofstrom).unwrap(), Some(d("2024-05-02")));
    assert_eq!(s.last_meeting(bromolla).unwrap(), None);
    let m = s
        .meetings(crate::domain::MeetingGroup::Kommun(olofstrom))
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
    let pledge = crate::domain::PledgeId(id_of(&s, "pledge", "first_year = 2024"));
    let c = s.commitments(pledge).unwrap();
    assert_eq!(c[0].text, "Fler vandringar");
    assert!(s.copied_from(pledge).unwrap().is_empty());
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
    let w = s
        .walk(crate::domain::WalkId(id_of(
            &s,
            "safety_walk",
            "area = 'Centrum'",
        )))
        .unwrap();
    assert_eq!(
        (w.area.as_str(), w.participants, w.revisit_of),
        ("Centrum", 7, None)
    );
    let o = s
        .observation(crate::domain::ObservationId(id_of(
            &s,
            "observation",
            "place = 'Tunneln'",
        )))
        .unwrap();
    assert_eq!(
        (o.place.as_str(), o.measure.as_str()),
        ("Tunneln", "Byt lampa")
    );
    assert!(!o.positive && o.position.is_none());
    assert!(s.photos(o.id).unwrap().is_empty());
    assert_eq!(
        s.open_observations(w.municipality, d("2024-05-02"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn meetings_of_a_version_7_file_keep_their_links_and_beslut() {
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
    let g = crate::domain::MeetingGroup::Kommun(MunicipalityId(id_of(
        &s,
        "municipality",
        "name = 'Olofström'",
    )));
    let m = s
        .meeting(crate::domain::MeetingId(id_of(
            &s,
            "meeting",
            "date = '2024-05-02'",
        )))
        .unwrap();
    assert_eq!((m.group, m.notes.as_str()), (g, "Oro vid stationen"));
    assert_eq!(m.participants, ["Polisen"]);
    let beslut = crate::domain::DecisionId(id_of(&s, "decision", "text = 'Byt belysning'"));
    let b = s.decision(beslut).unwrap();
    assert_eq!((b.meeting, b.text.as_str()), (m.id, "Byt belysning"));
    assert_eq!(s.open_decisions(g, None, None).unwrap().len(), 1);
    // A joint meeting of the area sits beside the kommun's, each in its own list.
    let area = crate::domain::MeetingGroup::Area(crate::domain::PoliceAreaId(id_of(
        &s,
        "police_area",
        "name = 'Karlshamn'",
    )));
    let joint = s
        .add_meeting(&crate::domain::Meeting {
            version: 0,
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
        .execute("DELETE FROM meeting WHERE id = ?1", [m.id.0])
        .unwrap();
    assert!(s.decision(beslut).is_err());
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
    let p = PledgeId(id_of(&s, "pledge", "first_year = 2024"));
    assert!(s.pledge_assessment(p, 2024).unwrap().is_empty());
    let a = crate::domain::PledgeAssessment {
        version: 0,
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
    s.set_pledge_assessment(&crate::domain::PledgeAssessment {
        version: stored.version,
        ..crate::domain::PledgeAssessment::empty(p, 2024)
    })
    .unwrap();
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM pledge_assessment", (), |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

/// Schema 10 gives every row an id no other database gives (kommuner and lokalpolisområden
/// one derived from their name) and every reference follows; the order rows were made in
/// is kept, a copy is made first, and the installation gets its key.
#[test]
fn a_version_9_file_is_rekeyed_with_every_link_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        schema::migrate_to(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO police_area(id, name) VALUES (1, 'Karlshamn');
             INSERT INTO municipality(id, name, police_area_id) VALUES (1, 'Olofström', 1);
             INSERT INTO pledge(id, municipality_id, first_year, last_year, title) VALUES (1, 1, 2024, 2025, 'ML');
             INSERT INTO section(id, pledge_id, position, title) VALUES (1, 1, 0, 'Polisen');
             INSERT INTO commitment(id, section_id, position, text, party) VALUES (1, 1, 0, 'Fyra insatser', 'polisen');
             INSERT INTO commitment(id, section_id, position, text, party, copied_from) VALUES (2, 1, 1, 'Kopia', 'polisen', 1);
             INSERT INTO target(id, commitment_id, position, count, unit) VALUES (1, 1, 0, 4, 'insatser');
             INSERT INTO activity(id, municipality_id, commitment_id, target_id, date, party, count) VALUES (5, 1, 1, 1, '2024-04-01', 'polisen', 2);
             INSERT INTO activity(id, municipality_id, commitment_id, target_id, date, party, count) VALUES (6, 1, 1, 1, '2024-04-01', 'polisen', 3);
             INSERT INTO assessment(commitment_id, year, result, cause, next_step) VALUES (1, 2024, 'uppfyllt', '', '');
             INSERT INTO safety_walk(id, municipality_id, date, time_of_day, area, participants) VALUES (1, 1, '2024-05-01', 'morker', 'Centrum', 7);
             INSERT INTO safety_walk(id, municipality_id, date, time_of_day, area, participants, revisit_of) VALUES (2, 1, '2025-05-01', 'morker', 'Centrum', 5, 1);
             INSERT INTO observation(id, walk_id, position, place, category, status, updated_on) VALUES (1, 2, 0, 'Tunneln', 'belysning', 'ny', '2025-05-01');
             INSERT INTO observation_photo(id, observation_id, position, jpeg, width, height) VALUES (1, 1, 0, x'FFD8FF', 1, 1);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 9 });
    assert!(s.migration_backup().unwrap().exists(), "a copy first");
    let ids = |sql: &str| -> Vec<i64> {
        s.conn
            .prepare(sql)
            .unwrap()
            .query_map((), |r| r.get(0))
            .unwrap()
            .collect::<crate::store::Result<_>>()
            .unwrap()
    };
    for t in crate::store::tables::record_tables(&s.conn).unwrap() {
        if t.has_id() {
            let small = ids(&format!("SELECT id FROM {} WHERE id < 1 << 40", t.name));
            assert!(small.is_empty(), "{} keeps old ids {small:?}", t.name);
        }
    }
    let broken: i64 = s
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", (), |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "every reference follows its row");
    let m = id_of(&s, "municipality", "name = 'Olofström'");
    assert_eq!(
        m,
        crate::store::rows::derived_id(&["municipality", "olofström"])
    );
    let activities = ids("SELECT count FROM activity ORDER BY id");
    assert_eq!(activities, [2, 3], "the order rows were made in is kept");
    let first = id_of(&s, "commitment", "text = 'Fyra insatser'");
    assert_ne!(id_of(&s, "commitment", "text = 'Kopia'"), first);
    assert_eq!(
        ids("SELECT copied_from FROM commitment WHERE text = 'Kopia'"),
        [first]
    );
    assert_eq!(ids("SELECT commitment_id FROM assessment"), [first]);
    let walks = ids("SELECT id FROM safety_walk ORDER BY date");
    assert_eq!(
        ids("SELECT revisit_of FROM safety_walk WHERE revisit_of IS NOT NULL"),
        [walks[0]]
    );
    assert_eq!(ids("SELECT walk_id FROM observation"), [walks[1]]);
    assert_eq!(
        ids(
            "SELECT count(*) FROM observation_photo WHERE observation_id IN (SELECT id FROM observation)"
        ),
        [1]
    );
    let key: String = s
        .conn
        .query_row("SELECT site_key FROM sync_site", (), |r| r.get(0))
        .unwrap();
    assert_eq!(key.len(), 32);
}

/// Schema 11 gives the records forms edit an edit counter: a version 10 file opens with
/// every record at 0, its data unchanged, and a save of a stale copy is refused.
#[test]
fn a_version_10_file_gets_edit_counters_and_refuses_a_stale_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.db");
    let made = {
        let mut f = fixture_in(Store::open(&path).unwrap());
        let a = activity(&f, "2024-03-01", 2);
        f.store.add_activity(&a).unwrap()
    };
    // Back to version 10: drop the column the migration adds, mark the file 10.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        // Every table schema 11 gives a counter, read from the migration itself.
        let sql = include_str!("../sql/011_versions.sql");
        for t in sql
            .lines()
            .filter_map(|l| l.strip_prefix("ALTER TABLE "))
            .filter_map(|l| l.split_whitespace().next())
        {
            conn.execute_batch(&format!("ALTER TABLE {t} DROP COLUMN version"))
                .unwrap();
        }
        // And what later schemas add.
        back_to(&conn, 10);
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.opened(), Opened::Migrated { from: 10 });
    let a = s.activity(made).unwrap();
    assert_eq!((a.version, a.count), (0, 2));
    let mut mine = a.clone();
    mine.count = 3;
    s.update_activity(&mine).unwrap();
    let mut theirs = a;
    theirs.count = 9;
    assert!(matches!(
        s.update_activity(&theirs),
        Err(StoreError::ChangedByOthers)
    ));
    assert_eq!(s.activity(made).unwrap().count, 3, "nothing overwritten");
}
