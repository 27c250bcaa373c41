//! The command line, run as a user would: a fresh database file per test.

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The id in a line such as "Sparade vandring 229302228153270517." (ids are long and
/// random: two databases never give the same).
pub fn saved_id(o: &Output, before: &str) -> String {
    let out = String::from_utf8_lossy(&o.stdout).trim().to_string();
    let id = out
        .strip_prefix(before)
        .and_then(|r| r.strip_suffix('.'))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(id.parse::<i64>().is_ok_and(|i| i > 1 << 40), "{out}");
    id.to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The ID (first column) of the `list` row whose text contains `needle`.
fn id_of(list: &str, needle: &str) -> String {
    let line = list.lines().find(|l| l.contains(needle)).unwrap();
    line.split_whitespace().next().unwrap().to_string()
}

fn row<'a>(list: &'a str, needle: &str) -> &'a str {
    list.lines().find(|l| l.contains(needle)).unwrap()
}

#[test]
fn list_on_fresh_database_shows_all_four() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for k in ["Bromölla", "Sölvesborg", "Olofström", "Sotenäs"] {
        assert!(
            out.contains(&format!("{k} — Medborgarlöfte")),
            "{k} saknas:\n{out}"
        );
    }
    assert!(out.contains("Medborgarlöfte 2023–2024"));
    assert!(out.contains("30 tillfällen"));
    // Into a pipe the löfte texts are whole, so that `list | grep` finds their ends.
    assert!(
        out.contains("i centrala delarna av Sölvesborgs kommun."),
        "{out}"
    );
    let o = run(&db, &["list", "--kommun", "olofström", "--period", "2024"]);
    let out = stdout(&o);
    assert!(out.contains("Olofström") && !out.contains("Sotenäs"));
    let o = run(&db, &["list", "--period", "2019"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Inget medborgarlöfte omfattar år 2019"));
}

#[test]
fn add_insats_then_list_shows_count_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let list = stdout(&run(&db, &["list", "--kommun", "Olofström"]));
    let id = id_of(&list, "5 st riktade insatser");
    assert!(row(&list, "5 st riktade insatser").contains("0/5"));
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Olofström",
            "--lofte",
            &id,
            "--date",
            "2024-03-01",
            "--count",
            "2",
            "--place",
            "Centrum",
            "--note",
            "HEMLIG-ANTECKNING",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&run(&db, &["list", "--kommun", "Olofström"]));
    let r = row(&list, "5 st riktade insatser");
    assert!(r.contains("2/5"), "{r}");
    assert!(r.contains("Delvis genomförd"), "{r}");
    for _ in 0..3 {
        let o = run(
            &db,
            &[
                "add-insats",
                "--kommun",
                "Olofström",
                "--lofte",
                &id,
                "--date",
                "2024-06-01",
            ],
        );
        assert!(o.status.success());
    }
    let list = stdout(&run(&db, &["list", "--kommun", "Olofström"]));
    let r = row(&list, "5 st riktade insatser");
    assert!(r.contains("5/5") && r.contains("Genomförd"), "{r}");
    // The internal note never reaches the CSV.
    let csv = stdout(&run(&db, &["export-csv"]));
    assert!(!csv.contains("HEMLIG"));
}

#[test]
fn invalid_add_insats_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let list = stdout(&run(&db, &["list", "--kommun", "Sölvesborg"]));
    let id = id_of(&list, "synlighetsarbete");
    let other = id_of(
        &stdout(&run(&db, &["list", "--kommun", "Olofström"])),
        "5 st riktade insatser",
    );
    let before = std::fs::read(&db).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "--kommun",
                "Atlantis",
                "--lofte",
                &id,
                "--date",
                "2024-03-01",
            ],
            "Okänd kommun",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                "99999",
                "--date",
                "2024-03-01",
            ],
            "Okänt löfte",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                &other,
                "--date",
                "2024-03-01",
            ],
            "hör inte till",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                &id,
                "--date",
                "2024-13-01",
            ],
            "inte ett datum",
        ),
        (
            vec!["--kommun", "Sölvesborg", "--lofte", &id, "--date", "1/3"],
            "ÅÅÅÅ-MM-DD",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                &id,
                "--date",
                "2024-03-01",
                "--count",
                "0",
            ],
            "minst 1",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                &id,
                "--date",
                "2024-03-01",
                "--count",
                "-3",
            ],
            "minst 1",
        ),
        (
            vec![
                "--kommun",
                "Sölvesborg",
                "--lofte",
                &id,
                "--date",
                "2024-03-01",
                "--by",
                "brandkåren",
            ],
            "Okänd utförare",
        ),
    ];
    for (args, msg) in cases {
        let mut full = vec!["add-insats"];
        full.extend(args.iter());
        let o = run(&db, &full);
        assert_eq!(o.status.code(), Some(2), "{full:?}");
        let err = stderr(&o);
        assert!(err.contains(msg), "{full:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    let list = stdout(&run(&db, &["list", "--kommun", "Sölvesborg"]));
    assert!(row(&list, "synlighetsarbete").contains("0/30"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn several_targets_need_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let list = stdout(&run(&db, &["list", "--kommun", "Sölvesborg"]));
    let id = id_of(&list, "Riktade insatser. Polisen");
    // Picks the Kommunen target by --by.
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Sölvesborg",
            "--lofte",
            &id,
            "--date",
            "2024-02-02",
            "--by",
            "kommunen",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let grann = id_of(&list, "uppstartsmöten samt");
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Sölvesborg",
            "--lofte",
            &grann,
            "--date",
            "2024-02-02",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--mal"));
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Sölvesborg",
            "--lofte",
            &grann,
            "--date",
            "2024-02-02",
            "--mal",
            "2",
        ],
    );
    assert!(o.status.success());
    let list = stdout(&run(&db, &["list", "--kommun", "Sölvesborg"]));
    assert!(
        list.lines()
            .any(|l| l.contains("(Kommunen)") && l.contains("1/8")),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.contains("repetitionsträffar") && l.contains("1/2")),
        "{list}"
    );
}

#[test]
fn export_csv_for_swedish_excel() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = dir.path().join("tavla.csv");
    let o = run(
        &db,
        &[
            "export-csv",
            "--kommun",
            "Sölvesborg",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "kommun;period;avsnitt;löfte;ansvarig;mål;enhet;utfört;status"
    );
    // 11 löften, two with two targets: 13 rows.
    assert_eq!(lines.len(), 1 + 13, "{text}");
    for l in &lines[1..] {
        assert!(l.starts_with("Sölvesborg;2024;"), "{l}");
        assert_eq!(l.matches(';').count(), 8, "{l}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains(";Polisen;30;tillfällen;0;Ej genomförd"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Tidig upptäckt") && l.contains(";Kommunen;8;riktade insatser;0;"))
    );
    // stdout works too.
    let o = run(&db, &["export-csv"]);
    let s = stdout(&o);
    assert!(s.starts_with('\u{feff}'));
    assert!(s.contains("Sotenäs;2023–2024;"));
}

#[test]
fn unusable_database_exits_2_and_leaves_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("skräp.db");
    std::fs::write(
        &db,
        b"det har ar ingen databas, bara text som ser ut som en fil",
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = run(&db, &["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ingen databas"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn list_vandringar_and_open_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["list-vandringar", "--kommun", "Sotenäs"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Sotenäs — 0 trygghetsvandringar"));
    assert!(run(&db, &["demo"]).status.success());
    let out = stdout(&run(&db, &["list-vandringar"]));
    for k in ["Bromölla", "Olofström", "Sotenäs", "Sölvesborg"] {
        assert!(
            out.contains(&format!("{k} — 1 trygghetsvandring\n")),
            "{out}"
        );
    }
    // Four places with åtgärder and one that feels safe; the walk's ID comes first.
    assert!(out.contains("5 iakttagelser, 2 öppna"), "{out}");
    assert!(
        out.lines().any(|l| l
            .trim_start()
            .split(' ')
            .next()
            .is_some_and(|id| id.len() > 12)
            && l.contains(" 20")),
        "{out}"
    );
    let out = stdout(&run(
        &db,
        &["list-vandringar", "--kommun", "Bromölla", "--open"],
    ));
    assert!(out.contains("Bromölla — åtgärdslista: 2 öppna"), "{out}");
    assert!(out.contains("Parkens västra del") && out.contains("Busshållplatsen vid torget"));
    assert!(
        !out.contains("Gångtunneln"),
        "fixed ones are not listed: {out}"
    );
    let o = run(&db, &["list-vandringar", "--kommun", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn export_pdf_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = dir.path().join("uppfoljning-solvesborg-2024.pdf");
    let o = run(
        &db,
        &[
            "export-pdf",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2024",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    let o = run(
        &db,
        &[
            "export-pdf",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2019",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("inget medborgarlöfte som omfattar 2019"));
    let missing = dir.path().join("saknas").join("x.pdf");
    let o = run(
        &db,
        &[
            "export-pdf",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2024",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Kunde inte skriva"));
}

#[test]
fn import_text_dry_run_json_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("ny.txt");
    std::fs::write(
        &file,
        "Medborgarlöfte 2026 – Ronneby\n\nPolisen\n\n• Minst 12 fotpatruller per år i centrum.\n\n\
         Ronneby kommun\n\n• Genomföra två trygghetsvandringar.\n\nTrygghet\n\n\
         • Föräldraträffar två gånger per termin.\n\nRonneby den 15 januari 2026\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Ronneby",
            "--period",
            "2026",
            "--dry-run",
            "--json",
            f,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["avsnitt"][0]["loften"][0]["targets"][0]["count"], 12);
    assert_eq!(v["avsnitt"][0]["loften"][0]["targets"][0]["per_ar"], true);
    assert_eq!(v["avsnitt"][1]["loften"][0]["ansvarig"], "Kommunen");
    assert!(
        v["avsnitt"][1]["loften"][0]
            .get("ansvarig_osaker")
            .is_none(),
        "only where unclear"
    );
    // Fields added for this text, the old ones as they were.
    let unclear = &v["avsnitt"][2]["loften"][0];
    assert_eq!(unclear["ansvarig_osaker"], true);
    assert_eq!(unclear["targets"][0]["count"], 4);
    assert_eq!(unclear["targets"][0]["per_ar"], true);
    assert_eq!(unclear["targets"][0]["takt"], "2 per termin");
    assert_eq!(v["titel"], "Medborgarlöfte 2026 – Ronneby");
    assert_eq!(v["ort_datum"], "Ronneby den 15 januari 2026");
    // Saving needs the kommun, or --lpo to create it.
    let o = run(
        &db,
        &["import-text", "--kommun", "Ronneby", "--period", "2026", f],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--lpo"));
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Ronneby",
            "--period",
            "2026",
            "--lpo",
            "Karlskrona",
            f,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&run(&db, &["list", "--kommun", "Ronneby"]));
    assert!(list.contains("Ronneby — Medborgarlöfte 2026"), "{list}");
    assert!(list.contains("12 fotpatruller per år"), "{list}");
    let o = run(
        &db,
        &["import-text", "--kommun", "Ronneby", "--period", "2026", f],
    );
    assert_eq!(o.status.code(), Some(2), "the same period twice is refused");
}

#[test]
fn walks_observations_photos_and_the_atgardslista_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let photo = dir.path().join("lampa.png");
    {
        use image::ImageEncoder;
        let img = image::RgbImage::from_pixel(2000, 1000, image::Rgb([200, 180, 40]));
        let mut bytes = Vec::new();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(img.as_raw(), 2000, 1000, image::ExtendedColorType::Rgb8)
            .unwrap();
        std::fs::write(&photo, bytes).unwrap();
    }
    let not_a_photo = dir.path().join("text.jpg");
    std::fs::write(&not_a_photo, "hej").unwrap();
    let o = run(
        &db,
        &[
            "add-vandring",
            "--kommun",
            "Olofström",
            "--date",
            "2024-09-10",
            "--omrade",
            "Stationen",
            "--deltagare",
            "8",
            "--organisationer",
            "Polisen, Kommunen",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let walk = saved_id(&o, "Sparade vandring ");
    let add = |extra: &[&str]| {
        let mut args = vec!["add-iakttagelse", "--vandring", walk.as_str()];
        args.extend_from_slice(extra);
        run(&db, &args)
    };
    // Bad input: one line, exit 2, nothing stored.
    for (extra, msg) in [
        (
            vec!["--plats", "Tunneln", "--kategori", "lampor"],
            "Okänd kategori: lampor",
        ),
        (
            vec![
                "--plats",
                "Tunneln",
                "--kategori",
                "belysning",
                "--senast",
                "2024-09-01",
            ],
            "ligger före vandringen",
        ),
        (
            vec![
                "--plats",
                "Tunneln",
                "--kategori",
                "belysning",
                "--position",
                "abc",
            ],
            "är ingen position",
        ),
        (
            vec![
                "--plats",
                "Tunneln",
                "--kategori",
                "belysning",
                "--foto",
                not_a_photo.to_str().unwrap(),
            ],
            "ingen bild",
        ),
    ] {
        let o = add(&extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(
            stderr(&o).contains(msg) && stderr(&o).lines().count() == 1,
            "{}",
            stderr(&o)
        );
    }
    let o = add(&[
        "--plats",
        "Tunneln",
        "--kategori",
        "belysning",
        "--atgard",
        "Byt armatur",
        "--ansvarig",
        "Gatuavdelningen",
        "--senast",
        "2024-10-01",
        "--foto",
        photo.to_str().unwrap(),
        "--position",
        "56.27, 14.54",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tunneln = saved_id(&o, "Sparade iakttagelse ");
    // The photo's own position only when asked for, and only if it has one.
    let o = add(&[
        "--plats",
        "Parken",
        "--kategori",
        "vegetation",
        "--foto",
        photo.to_str().unwrap(),
        "--foto-position",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Fotot har ingen position"),
        "{}",
        stderr(&o)
    );
    let o = add(&["--plats", "Torget", "--kategori", "ovrigt", "--positiv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        &db,
        &[
            "edit-iakttagelse",
            &tunneln,
            "--ansvarig",
            "Tekniska förvaltningen",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let store = trygghetstavlan::store::Store::open(&db).unwrap();
    let obs = store
        .observations(trygghetstavlan::domain::WalkId(walk.parse().unwrap()))
        .unwrap();
    assert_eq!(obs.len(), 2, "the refused ones left nothing");
    assert_eq!(obs[0].responsible, "Tekniska förvaltningen");
    assert_eq!(obs[0].place, "Tunneln", "what was not given is kept");
    let photos = store.photos(obs[0].id).unwrap();
    assert_eq!(
        (photos.len(), photos[0].width, photos[0].height),
        (1, 1600, 800)
    );
    drop(store);
    // The åtgärdslista as CSV: the open åtgärd, not the place that feels safe.
    let o = run(&db, &["export-csv", "--atgarder", "--kommun", "Olofström"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], trygghetstavlan::csv::MEASURES_HEADER);
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with("Olofström;2024-09-10;Stationen;Tunneln;Belysning;"));
    assert!(
        lines[1].ends_with(";Tekniska förvaltningen;2024-10-01;Ny;ja"),
        "{}",
        lines[1]
    );
    let o = run(
        &db,
        &[
            "export-csv",
            "--atgarder",
            "--ansvarig",
            "parkförvaltningen",
        ],
    );
    assert_eq!(
        stdout(&o).trim_start_matches('\u{feff}').lines().count(),
        1,
        "header only"
    );
    // Delete, and the protokoll of the walk.
    let out = dir.path().join("protokoll.pdf");
    let o = run(
        &db,
        &[
            "export-pdf",
            "--vandring",
            &walk,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = crate::report::pages_text(&std::fs::read(&out).unwrap()).join(" ");
    assert!(text.contains("1. Tunneln — Belysning, upplevs otryggt"));
    let o = run(&db, &["delete-iakttagelse", &tunneln]);
    assert_eq!(
        stdout(&o).trim(),
        format!("Tog bort iakttagelse {tunneln} (Tunneln).")
    );
    let o = run(&db, &["delete-iakttagelse", &tunneln]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn new_period_moves_the_years_and_can_leave_the_done_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["list"]).status.success());
    // One löfte names another document's period: that range must not change.
    let (first, done) = {
        let mut store = trygghetstavlan::store::Store::open(&db).unwrap();
        let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
        let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
        let cs = store.commitments(p.id).unwrap();
        let mut c = cs[0].clone();
        c.text =
            "Polisen ska under 2024 genomföra minst fyra riktade insatser enligt planen 2021–2024."
                .into();
        store.update_commitment(&c).unwrap();
        (c.id, cs[1].id)
    };
    // The second löfte is done (its four forum), so --bara-ej-genomforda leaves it behind.
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Sölvesborg",
            "--lofte",
            &done.0.to_string(),
            "--date",
            "2024-05-01",
            "--count",
            "4",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        &db,
        &[
            "new-period",
            "--kommun",
            "Sölvesborg",
            "--from",
            "2024",
            "--period",
            "2025",
            "--bara-ej-genomforda",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "Skapade medborgarlöfte 2025 med 10 löften från 2024."
    );
    let store = trygghetstavlan::store::Store::open(&db).unwrap();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let new = store.pledge_for_year(m.id, 2025).unwrap().unwrap();
    assert_eq!(new.title, "Medborgarlöfte 2025");
    let cs = store.commitments(new.id).unwrap();
    assert_eq!(
        cs[0].text,
        "Polisen ska under 2025 genomföra minst fyra riktade insatser enligt planen 2021–2024."
    );
    assert!(
        cs.iter().all(|c| !c.text.contains("under 2024")),
        "every 'under 2024' moved"
    );
    let links = store.copied_from(new.id).unwrap();
    assert_eq!(links[&cs[0].id], first);
    assert!(
        !links.values().any(|o| *o == done),
        "the done löfte stayed behind"
    );
    assert!(
        store
            .board(new.id, None, crate::common::day("2100-01-01"))
            .unwrap()
            .tallies
            .is_empty(),
        "no insatser copied"
    );
    drop(store);
    // A taken period, a bad one, an unknown kommun: one line, exit 2.
    for args in [
        vec![
            "new-period",
            "--kommun",
            "Sölvesborg",
            "--from",
            "2024",
            "--period",
            "2025",
        ],
        vec![
            "new-period",
            "--kommun",
            "Sölvesborg",
            "--from",
            "2024",
            "--period",
            "20x5",
        ],
        vec![
            "new-period",
            "--kommun",
            "Atlantis",
            "--from",
            "2024",
            "--period",
            "2026",
        ],
        vec![
            "new-period",
            "--kommun",
            "Sölvesborg",
            "--from",
            "2019",
            "--period",
            "2026",
        ],
    ] {
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
}

#[test]
fn rename_kommun() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["rename-kommun", "Bromölla", "Olofström"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Det finns redan en kommun som heter Olofström"));
    let o = run(&db, &["rename-kommun", "bromölla", "Nya Bromölla"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "Bromölla heter nu Nya Bromölla.");
    assert!(
        stdout(&run(&db, &["list", "--kommun", "Nya Bromölla"]))
            .contains("Nya Bromölla — Medborgarlöfte")
    );
    let o = run(&db, &["rename-kommun", "Nya Bromölla", " "]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn delete_period_and_kommun_ask_first_and_keep_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["demo"]).status.success());
    let o = run(
        &db,
        &[
            "delete-period",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2024",
        ],
    );
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with(
            "Skulle ta bort medborgarlöftet 2024 för Sölvesborg (1 medborgarlöfte, 11 löften,"
        ),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&run(&db, &["list", "--kommun", "Sölvesborg"])).contains("Sölvesborg —"),
        "nothing removed yet"
    );
    let o = run(
        &db,
        &[
            "delete-period",
            "--kommun",
            "Sölvesborg",
            "--period",
            "2024",
            "--ja",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Säkerhetskopia från före:"));
    let copies: Vec<_> = std::fs::read_dir(dir.path().join("t-sakerhetskopior"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        copies.iter().any(|n| n.starts_with("fore-borttagning-")),
        "{copies:?}"
    );
    let o = run(&db, &["list", "--kommun", "Sölvesborg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Kommunen har inget medborgarlöfte"));
    // A kommun with everything of it.
    let o = run(&db, &["delete-kommun", "Bromölla", "--ja"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Tog bort Bromölla (1 medborgarlöfte, 23 löften,"),
        "{}",
        stdout(&o)
    );
    let o = run(&db, &["delete-kommun", "Bromölla"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Okänd kommun: Bromölla"));
    let o = run(
        &db,
        &[
            "delete-period",
            "--kommun",
            "Olofström",
            "--period",
            "2019",
            "--ja",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn demo_sverige_needs_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(run(&db, &["list"]).status.success());
    let before = std::fs::read(&db).unwrap();
    let o = run(&db, &["demo", "--sverige"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("finns redan"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&db).unwrap(), before, "left as it was");
}

/// Issue 23.12: `import-text` without `--period` takes the year from the text's heading,
/// and the title with it; a text that names no year is refused on one line (exit 2).
#[test]
fn import_text_takes_the_period_from_the_heading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("ny.txt");
    std::fs::write(
        &file,
        "MEDBORGARLÖFTE 2026\n\nTrafik\n\n• Polisen ska genomföra minst 4 kontroller.\n",
    )
    .unwrap();
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Olofström",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let store = trygghetstavlan::store::Store::open(&db).unwrap();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2026).unwrap().unwrap();
    assert_eq!(p.title, "Medborgarlöfte 2026");
    drop(store);
    std::fs::write(
        &file,
        "Trafik\n\n• Polisen ska genomföra minst 4 kontroller.\n",
    )
    .unwrap();
    let o = run(
        &db,
        &[
            "import-text",
            "--kommun",
            "Sölvesborg",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ange --period"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// The lägesbild from the command line: 200 händelser added one by one and a 5 000-row
/// Windows-1252 CSV imported are counted right in `lagesbild --json`, the place that rose
/// most first; a file with one bad date imports nothing and names its line.
#[test]
fn incidents_added_and_imported_make_the_situation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    // 200 at Stortorget in May 2024 (two kategorier).
    for i in 0..200 {
        let date = format!("2024-05-{:02}", 1 + i % 28);
        let kategori = if i % 2 == 0 {
            "Klotter"
        } else {
            "skadegörelse"
        };
        let o = run(
            &db,
            &[
                "add-handelse",
                "--kommun",
                "Bromölla",
                "--date",
                &date,
                "--plats",
                "Stortorget",
                "--omrade",
                "Centrum",
                "--kategori",
                kategori,
                "--kalla",
                "Fastighet",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).trim().parse::<i64>().is_ok(),
            "the new id: {}",
            stdout(&o)
        );
    }
    // 5 000 rows in Excel's "CSV (semikolonseparerad)" as Windows-1252: 3 000 at Parken in
    // April, 2 000 at Parken in May; columns in their own order with one unknown.
    let mut csv = String::from("Kategori;Plats;Datum;Antal;Källa;Löpnummer\r\n");
    for i in 0..5000 {
        let date = if i < 3000 { "2024-04-15" } else { "2024-05-15" };
        csv.push_str(&format!(
            "Samlingsplats;Parken;{date};1;Fältgruppen;{i}\r\n"
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&csv);
    let file = dir.path().join("händelser.csv");
    std::fs::write(&file, &bytes).unwrap();
    let o = run(
        &db,
        &[
            "import-handelser",
            "--kommun",
            "Bromölla",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("5000 händelser importerade"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("windows-1252") && stderr(&o).contains("Löpnummer"));
    let o = run(
        &db,
        &[
            "lagesbild",
            "--kommun",
            "Bromölla",
            "--fran",
            "2024-05-01",
            "--till",
            "2024-05-31",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["fran"], "2024-05-01");
    let count_of = |list: &str, name: &str| -> (u64, u64) {
        let row = v[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["namn"] == name)
            .unwrap_or_else(|| panic!("{name} in {list}: {v}"));
        (
            row["antal"].as_u64().unwrap(),
            row["foregaende"].as_u64().unwrap(),
        )
    };
    assert_eq!(count_of("kategorier", "Klotter"), (100, 0));
    assert_eq!(count_of("kategorier", "Skadegörelse"), (100, 0));
    assert_eq!(count_of("kategorier", "Samlingsplats"), (2000, 3000));
    // Stortorget rose by 200, Parken fell by 1 000: Stortorget first.
    assert_eq!(v["platser"][0]["namn"], "Stortorget (Centrum)");
    assert_eq!(count_of("platser", "Parken"), (2000, 3000));
    // One bad date: nothing imported, the line named, exit 2.
    std::fs::write(
        dir.path().join("fel.csv"),
        "Datum;Plats;Kategori\n2024-05-02;Torget;Klotter\n2024-05-32;Torget;Klotter\n",
    )
    .unwrap();
    let o = run(
        &db,
        &[
            "import-handelser",
            "--kommun",
            "Bromölla",
            dir.path().join("fel.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Rad 3:") && stderr(&o).contains("2024-05-32"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &db,
        &[
            "lagesbild",
            "--kommun",
            "Bromölla",
            "--fran",
            "2024-05-02",
            "--till",
            "2024-05-02",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        !v["platser"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["namn"] == "Torget"),
        "nothing of the bad file: {v}"
    );
    // Bad input on the command line: one line, exit 2.
    let o = run(
        &db,
        &[
            "add-handelse",
            "--kommun",
            "Bromölla",
            "--date",
            "2024-05-02",
            "--plats",
            "Torget",
            "--kategori",
            "Okänt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Kategorin \"Okänt\" finns inte"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &db,
        &[
            "lagesbild",
            "--kommun",
            "Bromölla",
            "--fran",
            "2024-06-01",
            "--till",
            "2024-05-01",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 29: an indicator with values 2021–2024 in the PDF uppföljning and on the citizen
/// page; händelser there as counts only ("färre än 3"), never their beskrivning or källa.
#[test]
fn an_indicator_and_the_years_handelser_reach_the_pdf_and_the_citizen_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let list = stdout(&run(&db, &["list", "--kommun", "Olofström"]));
    let lofte = id_of(&list, "narkotikaförsäljning");
    let o = run(
        &db,
        &[
            "add-indikator",
            "--kommun",
            "Olofström",
            "--namn",
            "Andelen som känner sig otrygga i centrum på kvällen",
            "--enhet",
            "%",
            "--kalla",
            "Polisens trygghetsmätning",
            "--lagre-ar-battre",
            "--lofte",
            &lofte,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let ind = stdout(&o).trim().to_string();
    assert!(ind.parse::<i64>().is_ok(), "{ind}");
    let o = run(
        &db,
        &[
            "set-varde",
            "--indikator",
            &ind,
            "--ar",
            "2021",
            "--varde",
            "33,5",
        ],
    );
    assert_eq!(
        stdout(&o).trim(),
        format!("1 värde sparade för indikator {ind} (2021).")
    );
    let file = dir.path().join("värden.csv");
    std::fs::write(&file, "År;Värde\n2022;31\n2023;27\n2024;24\n").unwrap();
    let o = run(
        &db,
        &[
            "set-varde",
            "--indikator",
            &ind,
            "--fil",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Bad input: one line each, exit 2, nothing written.
    for bad in [
        vec!["--ar", "2024", "--varde", "många"],
        vec!["--ar", "12024", "--varde", "1"],
    ] {
        let mut args = vec!["set-varde", "--indikator", ind.as_str()];
        args.extend(bad);
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    }
    let o = run(
        &db,
        &[
            "add-indikator",
            "--kommun",
            "Bromölla",
            "--namn",
            "X",
            "--lofte",
            &lofte,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("hör inte till kommunen"),
        "{}",
        stderr(&o)
    );
    // Two händelser at one place and 5 in an område in 2024, with internal texts.
    for (plats, omrade, antal) in [("Skolgården", "", "2"), ("Stationen", "Centrum", "5")] {
        let o = run(
            &db,
            &[
                "add-handelse",
                "--kommun",
                "Olofström",
                "--date",
                "2024-05-02",
                "--plats",
                plats,
                "--omrade",
                omrade,
                "--kategori",
                "Klotter",
                "--antal",
                antal,
                "--kalla",
                "HEMLIG-KALLA",
                "--beskrivning",
                "HEMLIG-BESKRIVNING",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let pdf = dir.path().join("u.pdf");
    let html = dir.path().join("u.html");
    for (cmd, out) in [("export-pdf", &pdf), ("export-html", &html)] {
        let o = run(
            &db,
            &[
                cmd,
                "--kommun",
                "Olofström",
                "--period",
                "2024",
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let text = crate::report::pages_text(&std::fs::read(&pdf).unwrap()).join(" ");
    let nb = |s: &str| s.replace('\u{a0}', " ");
    let text = nb(&text);
    assert!(text.contains("Indikatorer"), "{text}");
    assert!(
        text.contains(
            "Indikator: Andelen som känner sig otrygga i centrum på kvällen: 33,5 % 2021, 31 % \
             2022, 27 % 2023, 24 % 2024 (bättre)"
        ),
        "{text}"
    );
    assert!(text.contains("Händelser 2024"), "{text}");
    let page = nb(&std::fs::read_to_string(&html).unwrap());
    assert!(page.contains("<h2>Så utvecklas tryggheten</h2>"), "{page}");
    assert!(
        page.contains("Andelen som känner sig otrygga i centrum på kvällen: 33,5 % 2021, 31 % 2022, 27 % 2023, 24 % 2024 — bättre"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Skolgården</th><td>färre än 3</td>"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Centrum</th><td>5</td>"),
        "{page}"
    );
    for secret in ["HEMLIG", "Stationen"] {
        assert!(!page.contains(secret), "{secret} in the citizen page");
        assert!(!text.contains(secret), "{secret} in the public PDF");
    }
}

#[test]
fn the_agreement_is_listed_followed_up_and_counts_everyday_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["list-overenskommelser", "--kommun", "Bromölla"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&o);
    let areas = [
        "ANDTS (alkohol, narkotika, dopning, tobak och liknande produkter samt spel om pengar)",
        "Brottsaktiva",
        "Brottsförebyggande arbete riktat till barn/ unga",
        "Medborgardialog/ Medborgarlöfte",
        "Minska bostadsinbrott",
        "Trafiksäkerhet",
        "Trygghetsmätningar",
        "Trygghetsvandringar",
        "Våld i nära relation",
        "Våldsbejakande extremism",
    ];
    assert!(list.contains("Fokusområden (10):"), "{list}");
    for a in areas {
        assert!(list.contains(&format!("• {a}\n")), "{a} missing: {list}");
    }
    assert!(
        list.contains("Parter: Bromölla kommun, De kommunala bolagen"),
        "{list}"
    );
    let id = list.split_whitespace().next().unwrap().to_string();
    // Everyday work with a fokusområde and no löfte.
    let o = run(
        &db,
        &[
            "add-insats",
            "--kommun",
            "Bromölla",
            "--fokus",
            "trafiksäkerhet",
            "--date",
            "2023-05-02",
            "--count",
            "7",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    saved_id(&o, "Sparade insats ");
    for bad in [
        vec!["--fokus", "Finns inte", "--date", "2023-05-02"],
        vec!["--fokus", "Trafiksäkerhet", "--date", "2019-05-02"],
        vec!["--date", "2023-05-02"],
    ] {
        let mut args = vec!["add-insats", "--kommun", "Bromölla"];
        args.extend(bad);
        let o = run(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    }
    let o = run(&db, &["export-csv", "--overenskommelse", &id]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "fokusområde;år;löften;insatser;vandringar;händelser"
    );
    assert_eq!(lines.len(), 1 + 10 * 4, "a row per fokusområde and year");
    assert!(lines.contains(&"Trafiksäkerhet;2023;0;7;0;"), "{csv}");
    let pdf = dir.path().join("ö.pdf");
    let o = run(
        &db,
        &[
            "export-pdf",
            "--overenskommelse",
            &id,
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = crate::report::pages_text(&std::fs::read(&pdf).unwrap()).join("\n");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for a in areas {
        let words = a.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&words), "{a} missing from the PDF");
    }
    for y in ["2021", "2022", "2023", "2024"] {
        assert!(flat.contains(y), "{y}");
    }
    assert!(
        flat.contains("Det här gjordes under överenskommelsen"),
        "{flat}"
    );
    let html = dir.path().join("b.html");
    let o = run(
        &db,
        &[
            "export-html",
            "--kommun",
            "Bromölla",
            "--period",
            "2024",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<h2>Det här gör vi</h2>"), "{page}");
    assert!(
        page.contains("<strong>Våld i nära relation</strong>: 4 löften"),
        "{page}"
    );
    let o = run(&db, &["export-csv", "--overenskommelse", "12345"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Okänd överenskommelse"),
        "{}",
        stderr(&o)
    );
}
