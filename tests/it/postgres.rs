//! The program on a PostgreSQL server, as a polisregion runs it: `--db postgres://…` for
//! every command and the window. `.ci/run` starts a throwaway server and names it in
//! `TRYGGHETSTAVLAN_TEST_PG` (a user who may create databases); each test makes its own
//! database. Without it these tests say they were skipped.

use crate::common::insats;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::process::{Command, Output};
use trygghetstavlan::store::{Store, StoreError, server};

/// A new empty database on the test server, or `None` (and a line saying so).
fn new_database() -> Option<String> {
    match std::env::var("TRYGGHETSTAVLAN_TEST_PG") {
        Ok(admin) if !admin.is_empty() => Some(server::new_database(&admin).unwrap()),
        _ => {
            // Written past the test harness's capture, once, so that a run says it.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                let _ = std::io::stderr().write_all(
                    "PostgreSQL-testerna hoppades över: TRYGGHETSTAVLAN_TEST_PG saknas (.ci/run startar en server).\n"
                        .as_bytes(),
                );
            });
            None
        }
    }
}

fn run(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn refused(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn demo_file(dir: &Path, name: &str) -> String {
    let f = dir.join(name);
    let f = f.to_str().unwrap().to_string();
    ok(&run(&f, &["demo"]));
    f
}

/// A kommun's file copied to the server reads the same there: the list, the CSV for
/// Excel and the PDF's text; copied again, nothing is doubled; a second kommun's file
/// (with the same seed kommuner) joins it.
#[test]
fn a_copied_file_reads_the_same_on_the_server() {
    let Some(url) = new_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path(), "kommun.db");
    let said = ok(&run(&url, &["import-sqlite", &file]));
    assert!(
        said.contains("Insats: ") && said.contains("Kopierade "),
        "{said}"
    );
    assert_eq!(ok(&run(&url, &["list"])), ok(&run(&file, &["list"])));
    for (db, out) in [(&file, "a.csv"), (&url, "b.csv")] {
        let out = dir.path().join(out);
        ok(&run(db, &["export-csv", "-o", out.to_str().unwrap()]));
    }
    assert_eq!(
        std::fs::read(dir.path().join("a.csv")).unwrap(),
        std::fs::read(dir.path().join("b.csv")).unwrap()
    );
    let pdf = |db: &str, name: &str| {
        let out = dir.path().join(name);
        ok(&run(
            db,
            &[
                "export-pdf",
                "--kommun",
                "Bromölla",
                "--period",
                "2024",
                "-o",
                out.to_str().unwrap(),
            ],
        ));
        crate::report::pages_text(&std::fs::read(out).unwrap())
    };
    let text = pdf(&file, "a.pdf");
    assert!(text.len() > 2 && text[0].contains("Bromölla"), "{text:?}");
    assert_eq!(pdf(&url, "b.pdf"), text);
    // Again: everything is there already, nothing doubled.
    let again = ok(&run(&url, &["import-sqlite", &file]));
    assert!(again.contains("Kopierade 0 rader"), "{again}");
    assert!(again.contains("Insats: 0 nya"), "{again}");
    // Another kommun's file: its own insatser come in, the shared kommuner are recognised.
    let other = demo_file(dir.path(), "annan.db");
    let both = ok(&run(&url, &["import-sqlite", &other]));
    assert!(both.contains("Kommun: 0 nya, 4 fanns redan"), "{both}");
    let count = |db: &str| {
        Store::open(Path::new(db))
            .unwrap()
            .activity_count()
            .unwrap()
    };
    assert_eq!(count(&url), count(&file) + count(&other));
}

/// Twenty `add-insats` at the same moment, as twenty editors: every one lands.
#[test]
fn twenty_processes_adding_at_once_all_land() {
    let Some(url) = new_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    ok(&run(
        &url,
        &["import-sqlite", &demo_file(dir.path(), "kommun.db")],
    ));
    let store = Store::open(Path::new(&url)).unwrap();
    let before = store.activity_count().unwrap();
    let c = insats(&store, "Olofström", "")
        .commitment
        .unwrap()
        .0
        .to_string();
    // All started before any is waited for, so that they overlap.
    let spawned: Vec<_> = (0..20)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
                .args(["--db", &url, "add-insats", "--kommun", "Olofström"])
                .args(["--lofte", &c, "--date", "2024-05-03"])
                .args(["--text", &format!("Parallellt nr {i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in spawned {
        ok(&child.wait_with_output().unwrap());
    }
    assert_eq!(store.activity_count().unwrap(), before + 20);
}

/// Two editors open the same insats; the first saves; the second's save is refused with
/// the words the window shows, and the first one's change stays.
#[test]
fn the_second_of_two_editors_is_refused_and_nothing_is_lost() {
    let Some(url) = new_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    ok(&run(
        &url,
        &["import-sqlite", &demo_file(dir.path(), "kommun.db")],
    ));
    let mut anna = Store::open(Path::new(&url)).unwrap();
    let mut bo = Store::open(Path::new(&url)).unwrap();
    let id = anna
        .add_activity(&insats(&anna, "Olofström", "Anna"))
        .unwrap();
    let (mut hers, mut his) = (anna.activity(id).unwrap(), bo.activity(id).unwrap());
    hers.count = 3;
    his.place = "Stationen".into();
    anna.update_activity(&hers).unwrap();
    let e = bo.update_activity(&his).unwrap_err();
    assert!(matches!(e, StoreError::ChangedByOthers), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("Ändrad av någon annan — visa deras version")
    );
    let stored = bo.activity(id).unwrap();
    assert_eq!((stored.count, stored.place.as_str()), (3, "Torget"));
    // Read again, his change goes in on top of hers.
    let mut again = stored;
    again.place = "Stationen".into();
    bo.update_activity(&again).unwrap();
    assert_eq!(anna.activity(id).unwrap().count, 3);
}

/// A database of another program, or of a newer version, is refused and not touched.
#[test]
fn a_foreign_or_newer_database_is_refused_unchanged() {
    let Some(foreign) = new_database() else {
        return;
    };
    let mut c = postgres::Client::connect(&foreign, postgres::NoTls).unwrap();
    c.batch_execute("CREATE TABLE kunder (id int, namn text); INSERT INTO kunder VALUES (1, 'A')")
        .unwrap();
    let e = refused(&run(&foreign, &["list"]));
    assert!(e.contains("annat program"), "{e}");
    let tables: i64 = c
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing created beside it");

    let Some(newer) = new_database() else { return };
    ok(&run(&newer, &["list-vandringar"]));
    let mut c = postgres::Client::connect(&newer, postgres::NoTls).unwrap();
    c.batch_execute("UPDATE trygghetstavlan_schema SET version = 99")
        .unwrap();
    let e = refused(&run(&newer, &["list"]));
    assert!(e.contains("nyare version") && e.contains("99"), "{e}");
    let v: i64 = c
        .query_one("SELECT version FROM trygghetstavlan_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(v, 99);
    // And a server that does not answer is said as such, on one line.
    let e = refused(&run(
        "postgres://nobody@127.0.0.1:1/none?connect_timeout=2",
        &["list"],
    ));
    assert!(e.contains("Databasservern svarar inte"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
}

/// The window on the server shows a change another program made, without a click.
#[test]
fn the_window_shows_another_programs_change() {
    let Some(url) = new_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    ok(&run(
        &url,
        &["import-sqlite", &demo_file(dir.path(), "kommun.db")],
    ));
    let store = Store::open(Path::new(&url));
    let mut h = crate::common::app_harness(store, Path::new(&url), "2024-06-15");
    h.get_by_label_contains("Olofström   ").click();
    h.run();
    let done = |h: &egui_kittest::Harness<'static, trygghetstavlan::app::App>| {
        h.state().board().unwrap().1.rows[0].targets[0]
            .progress
            .done
    };
    let before = done(&h);
    {
        let mut other = Store::open(Path::new(&url)).unwrap();
        other
            .add_activity(&insats(&other, "Olofström", "Från en annan dator"))
            .unwrap();
    }
    // The window looks every 2 s of its own time (a step is a frame).
    for _ in 0..400 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
        if done(&h) == before + 1 {
            break;
        }
    }
    assert_eq!(done(&h), before + 1, "reloaded without any click");
    // Copies of a server database are IT's: the dialog says so instead of copying a file.
    h.get_by_label("Säkerhetskopior…").click();
    h.run();
    h.get_by_label_contains("pg_dump");
    assert!(h.query_by_label("Spara kopia").is_none());
}

/// Change files are for database files; on the server the command says why not.
#[test]
fn the_exchange_is_refused_on_a_server() {
    let Some(url) = new_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let pass = dir.path().join("losen.txt");
    std::fs::write(&pass, "ett långt lösenord här").unwrap();
    let out = dir.path().join("till-polisen.tavla");
    let e = refused(&run(
        &url,
        &[
            "send-changes",
            "--fran",
            "Kommunen",
            "--till",
            "Polisen",
            "-o",
            out.to_str().unwrap(),
            "--losenord-fil",
            pass.to_str().unwrap(),
        ],
    ));
    assert!(e.contains("import-sqlite"), "{e}");
    assert!(!out.exists());
}

/// `sslmode=require`: the connection is TLS, and the server's certificate is checked
/// against the computer's trusted certificates — trusted when the kommun's own CA is
/// there, refused (on one Swedish line) when it is not.
#[test]
fn tls_is_used_when_asked_and_the_certificate_checked() {
    let Some(url) = new_database() else { return };
    let Ok(ca) = std::env::var("TRYGGHETSTAVLAN_TEST_PG_CA") else {
        return;
    };
    let tls = url.replace("sslmode=disable", "sslmode=require");
    assert_ne!(tls, url);
    let with_trusted = |store: &str| {
        Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
            .env("SSL_CERT_FILE", store)
            .args(["--db", &tls, "list-vandringar"])
            .output()
            .unwrap()
    };
    ok(&with_trusted(&ca));
    // The system's usual authorities do not vouch for the test CA's server.
    let e = refused(&with_trusted("/etc/ssl/certs/ca-certificates.crt"));
    assert!(e.contains("certifikat"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
}
