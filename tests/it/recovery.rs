//! "Nothing lost, ever": one regression test per defect found in the recovery paths
//! (restore, backups, damaged files, first start, undo), numbered as in the issue, plus
//! crash injection of the first start and of restore.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;
use trygghetstavlan::app::App;
use trygghetstavlan::domain::Activity;
use trygghetstavlan::store::{KEEP_DAILY, Store};
use trygghetstavlan::ui::BackupAction;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seeded(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    let o = run(&db, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// An insats of Olofström's first löfte, with `text` as description and note.
fn insats(store: &Store, text: &str) -> Activity {
    crate::common::insats(store, "Olofström", text)
}

/// Overwrites one page in the middle of the file with garbage.
fn damage_page(path: &Path, page: u64) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(4096 * page)).unwrap();
    f.write_all(&[0xA5; 4096]).unwrap();
}

/// Damages one page such that the file still opens but its check fails: the kind of
/// damage that goes unnoticed without a check.
fn damage_quietly(db: &Path) {
    let pages = checkpointed(db);
    let pristine = std::fs::read(db).unwrap();
    for page in (2..pages).rev() {
        std::fs::write(db, &pristine).unwrap();
        damage_page(db, page);
        if let Ok(s) = Store::open(db)
            && s.check_health().is_err()
        {
            return;
        }
    }
    panic!("no page to damage quietly");
}

/// A database file with no WAL beside it (closed cleanly), and its size in pages.
fn checkpointed(db: &Path) -> u64 {
    let s = Store::open(db).unwrap();
    drop(s);
    std::fs::metadata(db).unwrap().len() / 4096
}

fn app_on(db: &Path) -> Harness<'static, App> {
    let store = Store::open(db);
    crate::common::app_harness(store, db, "2024-06-15")
}

fn select(h: &mut Harness<'static, App>, kommun: &str) {
    h.get_by_label_contains(&format!("{kommun}   ")).click();
    h.run();
}

/// Defect 1: Ångra after a restore (made by another program while the window is open) must
/// not delete the restored file's record that has the same id.
#[test]
fn undo_after_a_restore_never_deletes_another_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let copy = dir.path().join("kopia.db");
    let x = {
        let mut s = Store::open(&db).unwrap();
        let x = s.add_activity(&insats(&s, "Finns i kopian")).unwrap();
        s.backup_to(&copy).unwrap();
        s.delete_activity(x).unwrap();
        x
    };
    let mut h = app_on(&db);
    select(&mut h, "Olofström");
    h.get_all_by_label("+1").next().unwrap().click();
    h.run();
    let mine = Store::open(&db).unwrap().activity_count().unwrap();
    assert_eq!(mine, 1);
    // The command line restores while the window shows "Ångra".
    let o = run(&db, &["restore", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    h.get_by_label("Ångra").click();
    h.run();
    let s = Store::open(&db).unwrap();
    assert_eq!(s.activity_count().unwrap(), 1);
    assert_eq!(s.activity(x).unwrap().description, "Finns i kopian");
    h.get_by_label_contains("Det går inte att ångra");
    // A restore in the window itself takes the "Ångra" away.
    h.get_all_by_label("+1").next().unwrap().click();
    h.run();
    h.get_by_label("Ångra");
    h.state_mut()
        .apply(BackupAction::RestoreFrom(copy.clone()).into(), 0.0);
    h.run();
    assert!(h.query_by_label("Ångra").is_none());
}

/// Defect 2: A damaged copy, or one with the app's id and version but another schema, is
/// refused before anything changes; restoring works on a damaged live database.
#[test]
fn restore_checks_the_copy_first_and_rescues_a_damaged_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let good = dir.path().join("bra.db");
    Store::open(&db).unwrap().backup_to(&good).unwrap();
    let pages = checkpointed(&good);
    let bad = dir.path().join("skadad.db");
    std::fs::copy(&good, &bad).unwrap();
    damage_page(&bad, pages / 2);
    let foreign = dir.path().join("annat.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = {}; CREATE TABLE x(y);",
            trygghetstavlan::store::APPLICATION_ID,
            trygghetstavlan::store::LATEST_VERSION
        ))
        .unwrap();
    }
    checkpointed(&db);
    let before = std::fs::read(&db).unwrap();
    for (copy, says) in [(&bad, "skadad"), (&foreign, "annat program")] {
        let o = run(&db, &["restore", copy.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "live database untouched"
        );
    }
    // The live database gets damaged: commands refuse it, restore rescues it.
    damage_page(&db, checkpointed(&db) / 2);
    let o = run(&db, &["list"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&db, &["restore", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("sparades först"));
    let s = Store::open(&db).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    assert_eq!(s.municipalities().unwrap().len(), 4);
    // A file that is no database at all any more is rescued too.
    std::fs::write(&db, b"helt trasig").unwrap();
    let o = run(&db, &["restore", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(Store::open(&db).unwrap().municipalities().unwrap().len(), 4);
}

/// Defect 3: An export never writes over the database.
#[test]
fn exports_never_overwrite_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    checkpointed(&db);
    let before = std::fs::read(&db).unwrap();
    let path = db.to_str().unwrap();
    for args in [
        vec!["export-csv", "-o", path],
        vec![
            "export-pdf",
            "--kommun",
            "Olofström",
            "--period",
            "2024",
            "-o",
            path,
        ],
    ] {
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("skriver aldrig över en databas"));
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// Defect 4: Daily copies are pruned on their own: manual copies do not count, bad files never
/// outlive good ones, an interrupted copy never takes the day's slot.
#[test]
fn retention_keeps_good_daily_copies_apart_from_manual_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let store = Store::open(&db).unwrap();
    let copies = dir.path().join("kopior");
    let on = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
    for d in 1..=14 {
        store.daily_backup(&copies, on(d), KEEP_DAILY).unwrap();
    }
    for i in 0..14 {
        let now = on(14).and_hms_opt(9, 0, i).unwrap();
        let name = trygghetstavlan::store::copy_name(trygghetstavlan::store::CopyKind::Manual, now);
        store.backup_to(&copies.join(name)).unwrap();
    }
    // An older version's manual copy shares the daily prefix; it is kept.
    let old_manual = copies.join("trygghetstavlan-2026-09-30-093000.db");
    store.backup_to(&old_manual).unwrap();
    // An older version's empty files from starts on a damaged database.
    for d in 15..=18 {
        std::fs::write(copies.join(format!("trygghetstavlan-2026-10-{d}.db")), b"").unwrap();
    }
    // And a cut-off file under today's name.
    let today = copies.join("trygghetstavlan-2026-10-19.db");
    std::fs::write(
        &today,
        &std::fs::read(copies.join("trygghetstavlan-2026-10-14.db")).unwrap()[..5000],
    )
    .unwrap();
    let made = store.daily_backup(&copies, on(19), KEEP_DAILY).unwrap();
    assert_eq!(
        made.as_deref(),
        Some(today.as_path()),
        "a good copy replaces the cut-off one"
    );
    let names: Vec<String> = std::fs::read_dir(&copies)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let daily: Vec<_> = names
        .iter()
        .filter(|n| {
            n.starts_with("trygghetstavlan-") && n.len() == "trygghetstavlan-2026-10-01.db".len()
        })
        .collect();
    assert_eq!(daily.len(), KEEP_DAILY);
    assert!(!names.contains(&"trygghetstavlan-2026-10-01.db".to_string()));
    assert!(names.contains(&"trygghetstavlan-2026-10-02.db".to_string()));
    assert_eq!(names.iter().filter(|n| n.starts_with("kopia-")).count(), 14);
    assert!(old_manual.exists());
    for n in &names {
        trygghetstavlan::store::verify_copy(&copies.join(n)).unwrap();
    }
    // A damaged database gets no daily copy at all.
    drop(store);
    damage_quietly(&db);
    let store = Store::open(&db).unwrap();
    assert!(store.daily_backup(&copies, on(20), KEEP_DAILY).is_err());
    assert!(!copies.join("trygghetstavlan-2026-10-20.db").exists());
}

/// Defect 5: A damaged database is refused by the commands with a Swedish message, and the
/// window says so at start.
#[test]
fn a_damaged_database_is_said_to_be_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    damage_quietly(&db);
    for args in [vec!["list"], vec!["export-csv"]] {
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains("skadad") && e.contains("restore"), "{e}");
        assert_eq!(e.lines().count(), 1);
    }
    let mut h = app_on(&db);
    h.state_mut().start_checkup();
    // The check runs on a background thread: give a loaded machine up to ten seconds.
    for _ in 0..1000 {
        h.step();
        if h.query_by_label("Återställ från säkerhetskopia…").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    h.get_by_label_contains("Kontrollen vid start hittade fel");
    h.get_by_label("Återställ från säkerhetskopia…");
}

/// Defect 6: A first start killed at any moment leaves no half-made database; two programs
/// starting at once on a new file end up with one complete database.
#[test]
fn first_start_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (i, ms) in [0u64, 1, 2, 3, 5, 8, 12, 20, 35, 60]
        .into_iter()
        .enumerate()
    {
        let db = dir.path().join(format!("ny-{i}.db"));
        let mut child = bin().arg("--db").arg(&db).arg("list").spawn().unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        child.wait().unwrap();
        let o = run(&db, &["list"]);
        assert!(
            o.status.success(),
            "after a kill at {ms} ms: {}",
            stderr(&o)
        );
        assert_eq!(Store::open(&db).unwrap().municipalities().unwrap().len(), 4);
    }
    let db = dir.path().join("samtidigt.db");
    let children: Vec<_> = (0..3)
        .map(|_| {
            bin()
                .arg("--db")
                .arg(&db)
                .arg("list")
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(Store::open(&db).unwrap().municipalities().unwrap().len(), 4);
}

/// Defect 7: A failed import leaves no empty kommun; a killed `demo` leaves nothing, so the
/// next `demo` adds the example data exactly once.
#[test]
fn multi_step_commands_are_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = dir.path().join("lofte.txt");
    std::fs::write(
        &text,
        format!("Polisen\n\n• {}\n", "Mycket lång text. ".repeat(300)),
    )
    .unwrap();
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Nyköping",
            "--period",
            "2026",
            "--lpo",
            "Sörmland",
            text.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let s = Store::open(&db).unwrap();
    assert!(s.municipality_by_name("Nyköping").unwrap().is_none());
    assert_eq!(s.police_areas().unwrap().len(), 2);
    drop(s);
    let reference = seeded(&dir.path().join("ref").tap_mkdir());
    assert!(run(&reference, &["demo"]).status.success());
    let expected = Store::open(&reference).unwrap().activity_count().unwrap();
    for ms in [1u64, 3, 6, 10, 15] {
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .arg("demo")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        child.wait().unwrap();
        let n = Store::open(&db).unwrap().activity_count().unwrap();
        assert!(n == 0 || n == expected, "{n} after a kill at {ms} ms");
    }
    let _ = run(&db, &["demo"]);
    assert_eq!(
        Store::open(&db).unwrap().activity_count().unwrap(),
        expected
    );
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

/// Defect 8: A text saved as Windows-1252 (Notepad's "ANSI") is read right, never with "�".
#[test]
fn latin1_text_file_is_imported_right() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text =
        "Polisen\n\n• Polisen ska genomföra fyra trygghetsvandringar i Sölvesborgs centrum.\n";
    let (ansi, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let file = dir.path().join("ansi.txt");
    std::fs::write(&file, &ansi).unwrap();
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2030",
            "--dry-run",
            "--json",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(
        out.contains("genomföra fyra trygghetsvandringar i Sölvesborgs"),
        "{out}"
    );
    assert!(!out.contains('\u{FFFD}'));
    assert!(stderr(&o).contains("windows-1252"));
}

/// Defect 9: Deleted internal notes do not linger in the file; copies are private and safety
/// copies are pruned.
#[test]
fn internal_notes_do_not_linger_and_copies_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    {
        let mut s = Store::open(&db).unwrap();
        let id = s
            .add_activity(&insats(&s, "HEMLIG-ANTECKNING-4711"))
            .unwrap();
        s.delete_activity(id).unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let needle = b"HEMLIG-ANTECKNING-4711";
    assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    let copy = dir.path().join("bra.db");
    Store::open(&db).unwrap().backup_to(&copy).unwrap();
    for _ in 0..12 {
        let o = run(&db, &["restore", copy.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let folder = trygghetstavlan::store::backup_dir(&db);
    let safety = std::fs::read_dir(&folder)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("fore-aterstallning-")
        })
        .count();
    assert_eq!(safety, trygghetstavlan::store::KEEP_SAFETY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        for e in std::fs::read_dir(&folder).unwrap() {
            assert_eq!(mode(&e.unwrap().path()), 0o600);
        }
        assert_eq!(mode(&db), 0o600, "a new database is private too");
    }
}

/// Defect 10: Messages say what happened, in Swedish.
#[test]
fn messages_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let o = run(&db, &["backup", "-o", "/finns/inte/kopia.db"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Kunde inte spara säkerhetskopian"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("uppgraderingen"));
    // A cut-off copy is "damaged", not "read-only".
    let copy = dir.path().join("kopia.db");
    Store::open(&db).unwrap().backup_to(&copy).unwrap();
    let cut = dir.path().join("avbruten.db");
    std::fs::write(&cut, &std::fs::read(&copy).unwrap()[..7000]).unwrap();
    let o = run(&db, &["restore", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("skrivskyddad"), "{}", stderr(&o));
    assert!(stderr(&o).contains("skadad"), "{}", stderr(&o));
    // An empty database of another program is that, not "a newer version".
    let other = dir.path().join("annat.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("PRAGMA user_version = 7;")
        .unwrap();
    let o = run(&other, &["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("annat program"), "{}", stderr(&o));
    // Argument mistakes too.
    let o = run(&db, &["lista"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("fel: okänt kommando"),
        "{}",
        stderr(&o)
    );
}

/// Defect 11: The window notices what another program wrote to the file.
#[test]
fn window_notices_changes_by_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let mut h = app_on(&db);
    select(&mut h, "Olofström");
    let done = |h: &Harness<'static, App>| {
        h.state().board().unwrap().1.rows[0].targets[0]
            .progress
            .done
    };
    assert_eq!(done(&h), 0);
    {
        let mut s = Store::open(&db).unwrap();
        s.add_activity(&insats(&s, "Från kommandoraden")).unwrap();
    }
    for _ in 0..40 {
        h.step();
        if done(&h) == 1 {
            break;
        }
    }
    assert_eq!(done(&h), 1, "reloaded without any click");
}

/// Crash injection of restore: killed at any moment, the database holds either all the
/// old data or all the new.
#[test]
fn restore_killed_at_any_moment_leaves_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let big = dir.path().join("stor.db");
    std::fs::copy(&db, &big).unwrap();
    let o = run(
        &big,
        &["stress-write", "--kommun", "Olofström", "--count", "20000"],
    );
    assert!(o.status.success());
    let copy = dir.path().join("kopia.db");
    Store::open(&big).unwrap().backup_to(&copy).unwrap();
    checkpointed(&db);
    let pristine = dir.path().join("gammal.db");
    std::fs::copy(&db, &pristine).unwrap();
    let old = Store::open(&pristine).unwrap().activity_count().unwrap();
    let mut seen_new = false;
    for ms in [0u64, 2, 5, 9, 14, 20, 30, 45, 70, 110] {
        std::fs::copy(&pristine, &db).unwrap();
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .arg("restore")
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        child.wait().unwrap();
        let s = Store::open(&db).unwrap();
        assert_eq!(s.integrity_check().unwrap(), "ok", "kill at {ms} ms");
        let n = s.activity_count().unwrap();
        assert!(
            n == old || n == 20000,
            "{n} insatser after a kill at {ms} ms"
        );
        seen_new |= n == 20000;
        drop(s);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    // The same restore, not killed, lands.
    std::fs::copy(&pristine, &db).unwrap();
    assert!(
        run(&db, &["restore", copy.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(Store::open(&db).unwrap().activity_count().unwrap(), 20000);
    let _ = seen_new;
}

/// A database that cannot be opened at all is restored from the window's error screen.
#[test]
fn unreadable_database_is_restored_from_the_error_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let copies = trygghetstavlan::store::backup_dir(&db);
    assert!(copies.is_dir(), "the first command made the day's copy");
    std::fs::write(&db, "inte längre en databas").unwrap();
    let mut h = app_on(&db);
    h.get_by_label("Databasen kunde inte öppnas");
    h.get_by_label_contains("Daglig kopia");
    h.get_by_label("Återställ").click();
    h.run();
    h.get_by_label_contains("Återställt från");
    assert_eq!(
        h.state().data().nav.len(),
        2,
        "both lokalpolisområden shown"
    );
    let saved: Vec<_> = std::fs::read_dir(&copies)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("fore-aterstallning-"))
        .collect();
    assert_eq!(saved.len(), 1, "the unreadable file was kept");
}

/// Issue 22.17: a command reads the whole file only when it changed since the last check
/// passed, so its cost does not grow with the file; a file damaged behind the program's
/// back is still refused — also when the damage keeps the file's modified time.
#[test]
fn the_whole_file_check_is_remembered_until_the_file_changes() {
    use trygghetstavlan::store::health;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let record = health::record_path(&db);
    assert!(
        health::unchanged_since_check(&db),
        "list remembered its check"
    );
    // Its own writes keep the file checked; the next command skips the whole-file read.
    let lofte = {
        let s = Store::open(&db).unwrap();
        insats(&s, "").commitment.unwrap().0.to_string()
    };
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Olofström",
            "--lofte",
            &lofte,
            "--date",
            "2024-03-01",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(health::unchanged_since_check(&db));
    // Another program's write is not the program's own: checked again next time.
    {
        let mut s = Store::open(&db).unwrap();
        s.add_activity(&insats(&s, "från ett annat program"))
            .unwrap();
    }
    assert!(!health::unchanged_since_check(&db));
    let o = run(&db, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(health::unchanged_since_check(&db));
    // Damage with the modified time set back: the change time still differs.
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    damage_quietly(&db);
    std::fs::File::options()
        .write(true)
        .open(&db)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(!health::unchanged_since_check(&db));
    let o = run(&db, &["list"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("Databasen är skadad"), "{}", stderr(&o));
    assert!(!record.exists(), "a failed check is not remembered");
}
