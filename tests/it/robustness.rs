//! Faults and bad input: killed writers, two writers, hostile files and input, backups.

use chrono::NaiveDate;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use trygghetstavlan::domain::{Activity, ActivityId};
use trygghetstavlan::store::{Store, StoreError};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
}

fn seeded_file(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("t.db");
    let o = bin().arg("--db").arg(&db).arg("list").output().unwrap();
    assert!(o.status.success());
    db
}

/// Starts the hidden stress writer; returns the child and a reader of "id i" lines.
fn stress(db: &Path, count: u32) -> (std::process::Child, BufReader<std::process::ChildStdout>) {
    let mut child = bin()
        .arg("--db")
        .arg(db)
        .args([
            "stress-write",
            "--kommun",
            "Olofström",
            "--count",
            &count.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

#[test]
fn killed_writer_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_file(dir.path());
    let mut reported: Vec<(i64, u32)> = Vec::new();
    // Kill points spread over the run (a fixed pseudo-random sequence).
    for (round, kill_after) in [23usize, 311, 97, 640, 5].into_iter().enumerate() {
        let (mut child, mut out) = stress(&db, 1000);
        let mut line = String::new();
        let mut seen = 0;
        while seen < kill_after {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            let mut parts = line.split_whitespace();
            let id: i64 = parts.next().unwrap().parse().unwrap();
            let i: u32 = parts.next().unwrap().parse().unwrap();
            reported.push((id, i));
            seen += 1;
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // Lines the writer printed before it was killed but that were still in the pipe
        // were reported too: read them all.
        for line in out.lines() {
            let line = line.unwrap();
            let mut parts = line.split_whitespace();
            if let (Some(id), Some(i)) = (parts.next(), parts.next()) {
                reported.push((id.parse().unwrap(), i.parse().unwrap()));
            }
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        for (id, i) in &reported {
            let a = store.activity(ActivityId(*id)).unwrap();
            let expected = format!("Stresstest insats {i} {}", "x".repeat((i % 50) as usize));
            assert_eq!(a.description, expected.trim(), "not half-written");
            assert_eq!(a.count, 1 + i % 3);
            assert_eq!(a.place, format!("Plats {i}"));
        }
        // Per kill, at most the one insats committed but not yet printed can be extra.
        let n = store.activity_count().unwrap() as usize;
        assert!(
            n >= reported.len() && n <= reported.len() + round + 1,
            "{n} vs {} after {} kills",
            reported.len(),
            round + 1
        );
    }
}

#[test]
fn two_writers_on_one_file_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_file(dir.path());
    let (mut child, mut out) = stress(&db, 300);
    // Wait until the other process is writing.
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let mut store = Store::open(&db).unwrap();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let mut mine = 0;
    for i in 0..100 {
        let a = Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: None,
            target: None,
            date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            by: trygghetstavlan::domain::Party::Polisen,
            count: 1,
            place: String::new(),
            description: format!("Samtidig {i}"),
            internal_note: String::new(),
        };
        match store.add_activity(&a) {
            Ok(_) => mine += 1,
            Err(StoreError::Busy) => panic!("busy timeout should have waited"),
            Err(e) => panic!("{e}"),
        }
    }
    let rest: Vec<String> = out.lines().map(|l| l.unwrap()).collect();
    assert!(child.wait().unwrap().success());
    assert_eq!(
        rest.len() + 1,
        300,
        "the other writer finished all its writes"
    );
    assert_eq!(mine, 100);
    assert_eq!(store.activity_count().unwrap(), 400);
    assert!(
        StoreError::Busy
            .to_string()
            .contains("används av ett annat program")
    );
}

#[test]
fn read_only_file_is_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_file(dir.path());
    // Fold the WAL into the main file so that the file alone is the database.
    drop(Store::open(&db).unwrap());
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let before = std::fs::read(&db).unwrap();
    assert!(matches!(Store::open(&db), Err(StoreError::ReadOnly(_))));
    let o = bin().arg("--db").arg(&db).arg("list").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("skrivskyddad"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn hostile_input_is_validated() {
    let mut store = Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let base = Activity {
        version: 0,
        id: ActivityId(0),
        municipality: m.id,
        commitment: None,
        target: None,
        date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        by: trygghetstavlan::domain::Party::Kommunen,
        count: 1,
        place: String::new(),
        description: String::new(),
        internal_note: String::new(),
    };
    let bad = [
        Activity {
            place: "Torget\u{1b}[31m".into(),
            ..base.clone()
        },
        Activity {
            description: "x".repeat(5000),
            ..base.clone()
        },
        Activity {
            date: NaiveDate::from_ymd_opt(1066, 10, 14).unwrap(),
            ..base.clone()
        },
        Activity {
            date: NaiveDate::from_ymd_opt(9999, 1, 1).unwrap(),
            ..base.clone()
        },
        Activity {
            count: 0,
            ..base.clone()
        },
        Activity {
            count: 1_000_000,
            ..base.clone()
        },
    ];
    for a in &bad {
        match store.add_activity(a) {
            Err(StoreError::Invalid(e)) => assert!(!e.to_string().is_empty()),
            other => panic!("{a:?} gave {other:?}"),
        }
    }
    assert_eq!(store.activity_count().unwrap(), 0);
    // Emoji and right-to-left text are fine and come back unchanged.
    let ok = Activity {
        place: "مرحبا سوق".into(),
        description: "Fika med grannsamverkan ☕🚓".into(),
        ..base.clone()
    };
    let id = store.add_activity(&ok).unwrap();
    assert_eq!(
        store.activity(id).unwrap().description,
        "Fika med grannsamverkan ☕🚓"
    );
    assert!(trygghetstavlan::validate::parse_count("-5").is_err());
    assert!(trygghetstavlan::validate::parse_count("99999999999999999999999").is_err());
}

#[test]
fn daily_backup_once_a_day_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_file(dir.path());
    let store = Store::open(&db).unwrap();
    let backups = dir.path().join("kopior");
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    assert!(store.daily_backup(&backups, day(1), 3).unwrap().is_some());
    assert!(
        store.daily_backup(&backups, day(1), 3).unwrap().is_none(),
        "once a day"
    );
    for d in 2..=6 {
        store.daily_backup(&backups, day(d), 3).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "trygghetstavlan-2026-11-04.db",
            "trygghetstavlan-2026-11-05.db",
            "trygghetstavlan-2026-11-06.db"
        ]
    );
    let copy = Store::open(&backups.join(&names[2])).unwrap();
    assert_eq!(copy.municipalities().unwrap().len(), 4);
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_file(dir.path());
    let copy = dir.path().join("kopia.db");
    let o = bin()
        .arg("--db")
        .arg(&db)
        .args(["backup", "-o"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Work after the backup …
    let list = String::from_utf8(
        bin()
            .arg("--db")
            .arg(&db)
            .args(["list", "--kommun", "Olofström"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let id = list
        .lines()
        .find(|l| l.contains("4 st riktade insatser"))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let o = bin()
        .arg("--db")
        .arg(&db)
        .args([
            "add-insats",
            "--kommun",
            "Olofström",
            "--lofte",
            &id,
            "--date",
            "2024-02-02",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(Store::open(&db).unwrap().activity_count().unwrap(), 1);
    // … is undone by restoring, and the current data were saved first.
    let o = bin()
        .arg("--db")
        .arg(&db)
        .arg("restore")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("sparades först"));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.activity_count().unwrap(), 0);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // A file that is not a backup is refused and nothing changes.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"inte en databas alls, bara text").unwrap();
    let o = bin()
        .arg("--db")
        .arg(&db)
        .arg("restore")
        .arg(&junk)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(Store::open(&db).unwrap().municipalities().unwrap().len(), 4);
}
