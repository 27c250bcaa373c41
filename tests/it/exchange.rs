//! The exchange between kommun and polis through the command line: a whole copy to a new
//! database, a thousand mixed changes on both sides and back, a file read twice, refusals
//! that change nothing, conflicts listed and decided.

use crate::common::day;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::Output;
use trygghetstavlan::domain::*;
use trygghetstavlan::store::Store;

const PASSPHRASE: &str = "korv med bröd och senap";

fn run(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

struct Dir {
    _tmp: tempfile::TempDir,
    path: PathBuf,
    pw: PathBuf,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().to_path_buf();
        let pw = path.join("losenord.txt");
        std::fs::write(&pw, format!("{PASSPHRASE}\n")).unwrap();
        Dir {
            _tmp: tmp,
            path,
            pw,
        }
    }

    fn at(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    fn send(&self, db: &Path, extra: &[&str], to: &str, file: &str) -> PathBuf {
        let out = self.at(file);
        let mut args = vec!["send-changes", "--till", to, "-o", out.to_str().unwrap()];
        args.extend_from_slice(&["--losenord-fil", self.pw.to_str().unwrap()]);
        args.extend_from_slice(extra);
        ok(run(db, &args));
        out
    }

    fn receive(&self, db: &Path, file: &Path) -> String {
        ok(run(
            db,
            &[
                "receive-changes",
                file.to_str().unwrap(),
                "--losenord-fil",
                self.pw.to_str().unwrap(),
            ],
        ))
    }
}

/// Every record table's rows in key order (the exchange's bookkeeping aside).
fn dump(db: &Path) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'sync_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let mut st = c
                .prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2"))
                .unwrap();
            // The edit counter is each database's own (schema 11), not exchanged.
            let keep: Vec<usize> = st
                .column_names()
                .iter()
                .enumerate()
                .filter(|(_, n)| **n != "version")
                .map(|(i, _)| i)
                .collect();
            let rows = st
                .query_map([], |r| keep.iter().map(|i| r.get(*i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (t, rows)
        })
        .collect()
}

/// What a user sees of the data: the board and the åtgärdslista as CSV, the walks and
/// the meetings, for every kommun.
fn exports(db: &Path) -> String {
    let mut all = ok(run(db, &["export-csv"]));
    all += &ok(run(db, &["export-csv", "--atgarder"]));
    all += &ok(run(db, &["list-vandringar"]));
    for k in ["Bromölla", "Olofström", "Sotenäs", "Sölvesborg"] {
        all += &ok(run(db, &["list-moten", "--kommun", k]));
    }
    all
}

/// A small deterministic generator (no two runs differ, so a failure can be replayed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `n` mixed changes by one side: insatser added, changed and removed, walks with
/// iakttagelser and photos, meetings with beslut, bedömningar, removals.
fn work(db: &Path, side: &str, seed: u64, n: usize) {
    let mut s = Store::open(db).unwrap();
    let mut rng = Lcg(seed);
    let kommuner = s.municipalities().unwrap();
    for i in 0..n {
        let m = kommuner[rng.next(kommuner.len())].id;
        let pledge = s.pledges(m).unwrap().remove(0);
        let commitments = s.commitments(pledge.id).unwrap();
        let c = &commitments[rng.next(commitments.len())];
        let activities = s
            .activities_between(m, day("2000-01-01"), day("2100-01-01"))
            .unwrap();
        let label = format!("{side} {i}");
        match rng.next(20) {
            0..=6 => {
                s.add_activity(&Activity {
                    version: 0,
                    id: ActivityId::NEW,
                    municipality: m,
                    commitment: Some(c.id),
                    target: c.targets.first().map(|t| t.id),
                    date: day("2024-03-01") + chrono::Days::new(rng.next(300) as u64),
                    by: Party::Polisen,
                    count: 1 + rng.next(3) as u32,
                    place: label.clone(),
                    description: label.clone(),
                    internal_note: format!("intern {label}"),
                })
                .unwrap();
            }
            7..=9 if !activities.is_empty() => {
                let mut a = activities[rng.next(activities.len())].clone();
                a.place = label.clone();
                a.count += 1;
                s.update_activity(&a).unwrap();
            }
            10 if !activities.is_empty() => {
                s.delete_activity(activities[rng.next(activities.len())].id)
                    .unwrap();
            }
            11 | 12 => {
                let walk = s
                    .add_walk(&SafetyWalk {
                        version: 0,
                        id: WalkId::NEW,
                        municipality: m,
                        date: day("2024-05-01"),
                        time_of_day: TimeOfDay::Dark,
                        area: label.clone(),
                        organisations: vec![side.to_string()],
                        participants: 5,
                        notes: String::new(),
                        commitment: Some(c.id),
                        revisit_of: None,
                    })
                    .unwrap();
                let o = s
                    .add_observation(&Observation {
                        version: 0,
                        id: ObservationId::NEW,
                        walk,
                        place: label.clone(),
                        category: ObservationCategory::Lighting,
                        description: String::new(),
                        measure: "Byt lampa".into(),
                        responsible: "Tekniska".into(),
                        deadline: Some(day("2024-09-01")),
                        status: ObservationStatus::New,
                        status_reason: String::new(),
                        updated_on: day("2024-05-01"),
                        positive: false,
                        position: None,
                    })
                    .unwrap();
                let jpeg: Vec<u8> = (0..2000).map(|b| (b * 7 + i) as u8).collect();
                s.add_photo(
                    o,
                    &Photo {
                        id: PhotoId::NEW,
                        jpeg,
                        width: 40,
                        height: 30,
                    },
                )
                .unwrap();
            }
            13 => {
                let walks = s.walks(m).unwrap();
                if let Some(w) = walks.get(rng.next(walks.len())) {
                    if rng.next(2) == 0 {
                        s.delete_walk(w.id).unwrap();
                    } else if let Some(o) = s.observations(w.id).unwrap().first() {
                        let mut o = o.clone();
                        o.status = ObservationStatus::Ongoing;
                        o.responsible = label.clone();
                        s.update_observation(&o).unwrap();
                    }
                }
            }
            14 | 15 => {
                let meeting = s
                    .add_meeting(&Meeting {
                        version: 0,
                        id: MeetingId::NEW,
                        group: MeetingGroup::Kommun(m),
                        date: day("2024-01-01")
                            + chrono::Days::new(i as u64 + rng.next(1000) as u64),
                        participants: vec![side.to_string()],
                        notes: label.clone(),
                    })
                    .unwrap_or(MeetingId::NEW);
                if !meeting.is_new() {
                    s.add_decision(&Decision {
                        version: 0,
                        id: DecisionId::NEW,
                        meeting,
                        text: label.clone(),
                        responsible: side.to_string(),
                        deadline: None,
                        commitment: Some(c.id),
                        status: DecisionStatus::Open,
                        status_reason: String::new(),
                        status_date: None,
                    })
                    .unwrap();
                }
            }
            16 => {
                let meetings = s.meetings(MeetingGroup::Kommun(m)).unwrap();
                if let Some(mt) = meetings.get(rng.next(meetings.len()))
                    && let Some(b) = s.decisions(mt.id).unwrap().first()
                {
                    s.delete_decision(b.id).unwrap();
                }
            }
            _ => {
                // As the detail panel does: what is stored, changed.
                let stored = s.assessment(c.id, pledge.period.first).unwrap();
                s.set_assessment(&Assessment {
                    result: label.clone(),
                    cause: String::new(),
                    next: format!("nästa {label}"),
                    ..stored
                })
                .unwrap();
            }
        }
    }
}

/// Issue 25's "done when": kommun → polis (new database) → kommun with a thousand mixed
/// changes on both sides leaves both with identical data and exports, nothing doubled.
#[test]
fn kommun_to_polis_and_back_with_a_thousand_changes() {
    let d = Dir::new();
    let kommun = d.at("kommun.db");
    let polis = d.at("polis.db");
    ok(run(&kommun, &["demo"]));
    let first = d.send(
        &kommun,
        &["--fran", "Kommunen"],
        "Polisen LPO Karlshamn",
        "1.tavla",
    );
    let said = d.receive(&polis, &first);
    assert!(
        said.contains("Skapade") && said.contains("--till \"Kommunen\""),
        "{said}"
    );
    assert_eq!(dump(&kommun), dump(&polis), "a whole copy, not seeded");
    work(&kommun, "kommunen", 1, 500);
    work(&polis, "polisen", 2, 500);
    let to_kommun = d.send(
        &polis,
        &["--fran", "Polisen LPO Karlshamn"],
        "Kommunen",
        "2.tavla",
    );
    let to_polis = d.send(&kommun, &[], "Polisen LPO Karlshamn", "3.tavla");
    // Crossed in the mail.
    let at_kommun = d.receive(&kommun, &to_kommun);
    assert!(
        at_kommun.starts_with("Läste in fil nr 1 från Polisen LPO Karlshamn"),
        "{at_kommun}"
    );
    d.receive(&polis, &to_polis);
    // The reply after that carries what the crossing left.
    let last = d.send(&kommun, &[], "Polisen LPO Karlshamn", "4.tavla");
    d.receive(&polis, &last);
    let back = d.send(&polis, &[], "Kommunen", "5.tavla");
    d.receive(&kommun, &back);
    assert_eq!(dump(&kommun), dump(&polis));
    assert_eq!(exports(&kommun), exports(&polis));
    // Nothing doubled: every insats added once.
    let s = Store::open(&kommun).unwrap();
    let mut places: Vec<String> = s
        .municipalities()
        .unwrap()
        .iter()
        .flat_map(|m| {
            s.activities_between(m.id, day("2000-01-01"), day("2100-01-01"))
                .unwrap()
        })
        .map(|a| a.description)
        .filter(|d| d.starts_with("kommunen ") || d.starts_with("polisen "))
        .collect();
    let n = places.len();
    places.sort();
    places.dedup();
    assert_eq!(places.len(), n, "an insats came twice");
    assert!(n > 200, "both sides' insatser are there: {n}");
    drop(s);
    // Read twice: nothing changes.
    let before = dump(&kommun);
    let again = d.receive(&kommun, &back);
    assert!(again.contains("redan inläst"), "{again}");
    assert_eq!(dump(&kommun), before);
}

#[test]
fn a_damaged_file_a_wrong_passphrase_or_another_version_change_nothing() {
    let d = Dir::new();
    let kommun = d.at("kommun.db");
    let polis = d.at("polis.db");
    ok(run(&kommun, &["demo"]));
    let first = d.send(&kommun, &["--fran", "Kommunen"], "Polisen", "1.tavla");
    // No readable text of the database in the file.
    let bytes = std::fs::read(&first).unwrap();
    for word in ["Bromölla", "Centrum", "Kommunen", "Polisen", "intern"] {
        assert!(
            !bytes.windows(word.len()).any(|w| w == word.as_bytes()),
            "{word} readable in the file"
        );
    }
    d.receive(&polis, &first);
    ok(run(
        &polis,
        &[
            "add-insats",
            "--kommun",
            "Bromölla",
            "--lofte",
            &first_commitment(&polis),
            "--date",
            "2024-04-01",
        ],
    ));
    let reply = d.send(&polis, &[], "Kommunen", "2.tavla");
    let before = std::fs::read(&kommun).unwrap();
    let dumped = dump(&kommun);
    // Damaged: a byte changed in the middle.
    let mut damaged = std::fs::read(&reply).unwrap();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x55;
    let bad = d.at("skadad.tavla");
    std::fs::write(&bad, damaged).unwrap();
    let pw = d.pw.to_str().unwrap();
    let e = refused(run(
        &kommun,
        &[
            "receive-changes",
            bad.to_str().unwrap(),
            "--losenord-fil",
            pw,
        ],
    ));
    assert!(e.contains("Inget har ändrats"), "{e}");
    // Cut off.
    let cut = d.at("avklippt.tavla");
    std::fs::write(&cut, &std::fs::read(&reply).unwrap()[..200]).unwrap();
    refused(run(
        &kommun,
        &[
            "receive-changes",
            cut.to_str().unwrap(),
            "--losenord-fil",
            pw,
        ],
    ));
    // Wrong passphrase.
    let wrong = d.at("fel.txt");
    std::fs::write(&wrong, "ett helt annat lösenord").unwrap();
    let e = refused(run(
        &kommun,
        &[
            "receive-changes",
            reply.to_str().unwrap(),
            "--losenord-fil",
            wrong.to_str().unwrap(),
        ],
    ));
    assert!(e.contains("Fel lösenord"), "{e}");
    // Too short a passphrase is refused before anything is written.
    let short = d.at("kort.txt");
    std::fs::write(&short, "hemligt").unwrap();
    let e = refused(run(
        &kommun,
        &[
            "send-changes",
            "--till",
            "Polisen",
            "-o",
            d.at("x.tavla").to_str().unwrap(),
            "--losenord-fil",
            short.to_str().unwrap(),
        ],
    ));
    assert!(e.contains("minst 12 tecken"), "{e}");
    assert!(!d.at("x.tavla").exists());
    // Another schema version: named, with the version to install.
    let mut other = trygghetstavlan::exchange::read(&reply, PASSPHRASE).unwrap();
    other.header.schema += 1;
    other.header.program = "0.9.0".into();
    let newer = d.at("nyare.tavla");
    trygghetstavlan::exchange::write(&newer, &other, PASSPHRASE).unwrap();
    let e = refused(run(
        &kommun,
        &[
            "receive-changes",
            newer.to_str().unwrap(),
            "--losenord-fil",
            pw,
        ],
    ));
    assert!(
        e.contains("Installera samma version som avsändaren (Trygghetstavlan 0.9.0)"),
        "{e}"
    );
    // Not a file of ours at all.
    let foreign = d.at("annan.tavla");
    std::fs::write(&foreign, b"hej").unwrap();
    refused(run(
        &kommun,
        &[
            "receive-changes",
            foreign.to_str().unwrap(),
            "--losenord-fil",
            pw,
        ],
    ));
    assert_eq!(dump(&kommun), dumped);
    assert_eq!(
        std::fs::read(&kommun).unwrap(),
        before,
        "the file is untouched"
    );
    // A later file to a database that does not exist: refused, nothing made.
    let missing = d.at("ny.db");
    let e = refused(run(
        &missing,
        &[
            "receive-changes",
            reply.to_str().unwrap(),
            "--losenord-fil",
            pw,
        ],
    ));
    assert!(e.contains("ingen hel kopia"), "{e}");
    assert!(!missing.exists());
    // For the registrator: the content in words and as CSV, nothing read in.
    let shown = ok(run(
        &kommun,
        &[
            "receive-changes",
            reply.to_str().unwrap(),
            "--losenord-fil",
            pw,
            "--visa",
        ],
    ));
    assert!(
        shown.starts_with("Ändringsfil nr 1 från Polisen till Kommunen"),
        "{shown}"
    );
    assert!(
        shown.contains("Ny: Insats") && shown.contains("datum: 2024-04-01"),
        "{shown}"
    );
    let csv = d.at("innehåll.csv");
    ok(run(
        &kommun,
        &[
            "receive-changes",
            reply.to_str().unwrap(),
            "--losenord-fil",
            pw,
            "--csv",
            csv.to_str().unwrap(),
        ],
    ));
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}fil;från;till;gjord;ändring;post;nyckel;uppgift;värde\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(";ny;Insats;") && csv.contains(";datum;2024-04-01\r\n"),
        "{csv}"
    );
    assert_eq!(dump(&kommun), dumped);
    // The right file still reads.
    d.receive(&kommun, &reply);
}

fn first_commitment(db: &Path) -> String {
    let s = Store::open(db).unwrap();
    let m = s.municipality_by_name("Bromölla").unwrap().unwrap();
    let p = s.pledges(m.id).unwrap().remove(0);
    s.commitments(p.id).unwrap()[0].id.0.to_string()
}

/// The same value changed on both sides converges to one value on both, is listed on
/// both, and a decision travels with the next file.
#[test]
fn a_conflict_converges_is_listed_and_decided_on_the_command_line() {
    let d = Dir::new();
    let kommun = d.at("kommun.db");
    let polis = d.at("polis.db");
    ok(run(&kommun, &["list"]));
    let first = d.send(&kommun, &["--fran", "Kommunen"], "Polisen", "1.tavla");
    d.receive(&polis, &first);
    assert!(ok(run(&kommun, &["list-konflikter"])).contains("Inga konflikter"));
    ok(run(
        &kommun,
        &["rename-kommun", "Bromölla", "Bromölla kommun"],
    ));
    ok(run(
        &polis,
        &["rename-kommun", "Bromölla", "Bromölla (LPO Karlshamn)"],
    ));
    let to_polis = d.send(&kommun, &[], "Polisen", "2.tavla");
    let to_kommun = d.send(&polis, &["--fran", "Polisen"], "Kommunen", "3.tavla");
    assert!(d.receive(&polis, &to_polis).contains("1 konflikt"));
    assert!(d.receive(&kommun, &to_kommun).contains("1 konflikt"));
    assert_eq!(dump(&kommun), dump(&polis), "the same winner on both sides");
    let listed = ok(run(&kommun, &["list-konflikter"]));
    assert!(
        listed.contains("Kommun · ")
            && listed.contains("namn: vår \"Bromölla kommun\", deras \"Bromölla (LPO Karlshamn)\""),
        "{listed}"
    );
    let id = listed.split_whitespace().next().unwrap().to_string();
    ok(run(&kommun, &["resolve-konflikt", &id, "--var"]));
    assert!(ok(run(&kommun, &["list-konflikter"])).contains("Inga konflikter"));
    assert!(ok(run(&kommun, &["list-konflikter", "--alla"])).contains("avgjord: behöll vår"));
    let decided = d.send(&kommun, &[], "Polisen", "4.tavla");
    d.receive(&polis, &decided);
    assert_eq!(dump(&kommun), dump(&polis));
    assert!(ok(run(&polis, &["list"])).contains("Bromölla kommun"));
    let e = refused(run(&kommun, &["resolve-konflikt", "12345", "--deras"]));
    assert!(e.contains("finns inte"), "{e}");
}

fn type_in(
    h: &mut egui_kittest::Harness<'static, trygghetstavlan::app::App>,
    role: Role,
    label: &str,
    text: &str,
) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// The window sends a file (the Samverkan menu), shows and reads the partner's reply, and
/// a conflict is decided with "Behåll vår"; the decision travels back.
#[test]
fn the_window_sends_reads_and_decides_a_conflict() {
    let d = Dir::new();
    let kommun = d.at("kommun.db");
    let polis = d.at("polis.db");
    ok(run(&kommun, &["list"]));
    let mut h = crate::common::app_harness(Store::open(&kommun), &kommun, "2026-12-06");
    h.get_by_label("Samverkan").click();
    h.run();
    h.get_by_label("Skicka ändringar…").click();
    h.run();
    let file = d.at("till-polisen.tavla");
    type_in(
        &mut h,
        Role::TextInput,
        "Den här databasen heter",
        "Kommunen",
    );
    type_in(&mut h, Role::TextInput, "Till", "Polisen");
    type_in(&mut h, Role::TextInput, "Fil", file.to_str().unwrap());
    type_in(&mut h, Role::PasswordInput, "Lösenord", PASSPHRASE);
    type_in(
        &mut h,
        Role::PasswordInput,
        "Upprepa lösenordet",
        "inte samma lösenord alls",
    );
    h.get_by_label("Skicka ändringar").click();
    h.run();
    h.get_by_label_contains("Lösenorden är inte lika");
    assert!(!file.exists());
    type_in(
        &mut h,
        Role::PasswordInput,
        "Upprepa lösenordet",
        PASSPHRASE,
    );
    h.get_by_label("Skicka ändringar").click();
    h.run();
    h.get_by_label_contains("Skrev fil nr 1 till Polisen");
    // The polis makes its database from the file; both rename the same kommun.
    d.receive(&polis, &file);
    ok(run(
        &polis,
        &["rename-kommun", "Bromölla", "Bromölla (polisen)"],
    ));
    let reply = d.send(&polis, &[], "Kommunen", "svar.tavla");
    // Meanwhile, beside the window, the kommun renames it too.
    ok(run(
        &kommun,
        &["rename-kommun", "Bromölla", "Bromölla kommun"],
    ));
    h.get_by_label("Ta emot").click();
    h.run();
    type_in(
        &mut h,
        Role::TextInput,
        "Fil från partnern",
        reply.to_str().unwrap(),
    );
    type_in(&mut h, Role::PasswordInput, "Lösenord", PASSPHRASE);
    h.get_by_label("Visa innehåll").click();
    h.run();
    h.get_by_label_contains("Ändringsfil nr 1 från Polisen till Kommunen");
    h.get_by_label("Läs in").click();
    h.run();
    h.get_by_label_contains("Läste in fil nr 1 från Polisen");
    h.get_by_label_contains("1 konflikt listad");
    h.get_by_label_contains("namn: vår \"Bromölla kommun\"");
    h.get_by_label("Behåll vår").click();
    h.run();
    h.get_by_label_contains("Avgjord: vår uppgift gäller");
    h.get_by_label("Inga konflikter.");
    let store = h.state().store().unwrap();
    assert!(
        store
            .municipality_by_name("Bromölla kommun")
            .unwrap()
            .is_some()
    );
    assert!(store.conflicts(false).unwrap().is_empty());
    // The kommun list shows the name kept, once the window is closed.
    h.get_by_label("Stäng").click();
    h.run();
    assert!(h.query_by_label("Samverkan").is_some() && h.query_by_label("Behåll vår").is_none());
    assert!(
        h.get_all_by_label_contains("Bromölla kommun")
            .next()
            .is_some()
    );
}
