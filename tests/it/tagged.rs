//! Every kind of PDF the program writes, made through the CLI from the demo database
//! (plus a meeting with beslut and photos on a walk), parsed back: tagged PDF/UA-1 and
//! PDF/A-2 as far as a parser can tell.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trygghetstavlan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The first long number (an id) on the first line holding `marker`.
fn id_in(text: &str, marker: &str) -> String {
    let line = text.lines().find(|l| l.contains(marker)).unwrap_or("");
    line.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() >= 6)
        .unwrap_or_else(|| panic!("no id in {line:?} ({text})"))
        .to_string()
}

/// The six kinds, written into `dir`; the uppföljning with a diarienummer.
fn every_kind(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let db = dir.join("demo.db");
    ok(run(&db, &["demo"]));
    let meeting = ok(run(
        &db,
        &[
            "add-mote",
            "--kommun",
            "Bromölla",
            "--date",
            "2024-09-12",
            "--deltagare",
            "Kommunen, Polisen",
            "--anteckning",
            "Klotter vid stationen har ökat.",
        ],
    ));
    let meeting = id_in(&meeting, "");
    let list = ok(run(&db, &["list", "--kommun", "Bromölla"]));
    let lofte = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .find(|w| w.len() >= 6 && w.chars().all(|c| c.is_ascii_digit()))
        .unwrap()
        .to_string();
    ok(run(
        &db,
        &[
            "add-beslut",
            "--mote",
            &meeting,
            "--text",
            "Belysning i tunneln",
            "--ansvarig",
            "Gatuavdelningen",
            "--lofte",
            &lofte,
        ],
    ));
    let walks = ok(run(&db, &["list-vandringar"]));
    let walk = id_in(walks.split("Bromölla").nth(1).unwrap_or(""), "Exempel");
    let photo = dir.join("foto.png");
    {
        use image::ImageEncoder;
        let img = image::RgbImage::from_fn(800, 600, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut bytes = Vec::new();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(img.as_raw(), 800, 600, image::ExtendedColorType::Rgb8)
            .unwrap();
        std::fs::write(&photo, bytes).unwrap();
    }
    let photo = photo.to_str().unwrap();
    ok(run(
        &db,
        &[
            "add-iakttagelse",
            "--vandring",
            &walk,
            "--plats",
            "Tunneln",
            "--kategori",
            "belysning",
            "--beskrivning",
            "Två armaturer trasiga",
            "--atgard",
            "Byt armaturer",
            "--ansvarig",
            "Gatuavdelningen",
            "--foto",
            photo,
            "--foto",
            photo,
        ],
    ));
    let agreement = ok(run(&db, &["list-overenskommelser", "--kommun", "Bromölla"]));
    let agreement = id_in(&agreement, "Bromölla");
    let kinds: [(&str, Vec<&str>); 6] = [
        (
            "uppfoljning",
            vec![
                "--kommun",
                "Bromölla",
                "--period",
                "2024",
                "--dnr",
                "KS 2024/117",
            ],
        ),
        ("lpo", vec!["--lpo", "Karlshamn", "--period", "2024"]),
        ("protokoll", vec!["--vandring", &walk]),
        ("atgardslista", vec!["--kommun", "Bromölla", "--atgarder"]),
        ("minnesanteckningar", vec!["--mote", &meeting]),
        ("overenskommelse", vec!["--overenskommelse", &agreement]),
    ];
    kinds
        .into_iter()
        .map(|(name, args)| {
            let path = dir.join(format!("{name}.pdf"));
            let mut all = vec!["export-pdf"];
            all.extend(args);
            all.extend(["-o", path.to_str().unwrap()]);
            ok(run(&db, &all));
            (name, path)
        })
        .collect()
}

/// What the structure of a tagged PDF says, read in reading order.
#[derive(Debug, Default)]
struct Structure {
    /// (level, text) of every heading.
    headings: Vec<(u8, String)>,
    figures: Vec<String>,
    /// All text inside the structure, in reading order.
    text: String,
    tables: usize,
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8(d.get(key).unwrap().as_name().unwrap().to_vec()).unwrap()
}

fn text_string(o: &Object) -> String {
    let bytes = o.as_str().unwrap();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Checks the tagged PDF and returns its structure. Panics on what PDF/UA-1 or PDF/A-2
/// forbid: content outside a tag or an artifact, an MCID the structure does not own, a
/// figure without alt text, a header cell without scope, a font without ToUnicode.
fn check(bytes: &[u8]) -> Structure {
    let doc = Document::load_mem(bytes).unwrap();
    assert!(doc.version.as_str() >= "1.7", "{}", doc.version);
    let catalog = doc.catalog().unwrap();
    let marked = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
    assert_eq!(text_string(catalog.get(b"Lang").unwrap()), "sv-SE");
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    // XMP: PDF/A-2 level A and PDF/UA-1, the title the same as the document info's.
    let xmp_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(xmp_id).unwrap().as_stream().unwrap();
    assert!(
        xmp.dict.get(b"Filter").is_err(),
        "the XMP is not compressed"
    );
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    for part in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
    ] {
        assert!(xmp.contains(part), "{part} in {xmp}");
    }
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let title = text_string(info.get(b"Title").unwrap());
    assert!(!title.is_empty());
    let escaped = title.replace('&', "&amp;").replace('<', "&lt;");
    assert!(
        xmp.contains(&format!(
            "<rdf:li xml:lang=\"x-default\">{escaped}</rdf:li>"
        )),
        "dc:title is the info's title {title:?}"
    );
    assert!(doc.trailer.get(b"ID").is_ok(), "a file identifier");
    // An sRGB output intent for PDF/A.
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = dict(&doc, &intents[0]);
    assert_eq!(name(intent, b"S"), "GTS_PDFA1");
    let icc = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    // No encryption, JavaScript or external references.
    assert!(doc.trailer.get(b"Encrypt").is_err());
    assert!(catalog.get(b"Names").is_err() && catalog.get(b"OpenAction").is_err());

    // The ParentTree: per page, the element of each MCID.
    let root = dict(&doc, catalog.get(b"StructTreeRoot").unwrap());
    let parent_tree = dict(&doc, root.get(b"ParentTree").unwrap());
    let nums = parent_tree.get(b"Nums").unwrap().as_array().unwrap();
    let mut owners: HashMap<i64, Vec<Object>> = HashMap::new();
    for pair in nums.chunks(2) {
        owners.insert(
            pair[0].as_i64().unwrap(),
            pair[1].as_array().unwrap().clone(),
        );
    }
    // Every text and image drawn inside a marked-content sequence; each MCID once.
    let mut mcid_text: HashMap<(ObjectId, i64), String> = HashMap::new();
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let owned = &owners[&key];
        let content = Content::decode(&doc.get_page_content(page_id)).unwrap();
        let fonts = doc.get_page_fonts(page_id).unwrap();
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut font: Option<Vec<u8>> = None;
        let mut seen = std::collections::HashSet::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" => stack.push(None),
                "BDC" => {
                    let props = op.operands[1].as_dict().unwrap();
                    let mcid = props.get(b"MCID").ok().map(|m| m.as_i64().unwrap());
                    if let Some(m) = mcid {
                        assert!(seen.insert(m), "MCID {m} used twice");
                        let owner = &owned[m as usize];
                        let elem = dict(&doc, owner);
                        assert_eq!(
                            name(elem, b"S").as_bytes(),
                            op.operands[0].as_name().unwrap(),
                            "the sequence's tag is its element's type"
                        );
                    }
                    stack.push(mcid);
                }
                "EMC" => {
                    stack.pop().expect("EMC without BMC/BDC");
                }
                "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
                "Tj" | "TJ" | "'" | "\"" | "Do" => {
                    assert!(
                        !stack.is_empty(),
                        "{} outside any tag or artifact",
                        op.operator
                    );
                    if op.operator == "Tj"
                        && let Some(Some(mcid)) = stack.last()
                    {
                        let f = font.as_ref().and_then(|f| fonts.get(f)).unwrap();
                        let encoding = f.get_font_encoding(&doc).unwrap();
                        let text =
                            Document::decode_text(&encoding, op.operands[0].as_str().unwrap())
                                .unwrap();
                        mcid_text
                            .entry((page_id, *mcid))
                            .or_default()
                            .push_str(&text);
                    }
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "every sequence closed on its page");
    }
    // Fonts: embedded, with a ToUnicode map (copied text keeps åäö).
    for (_, page_id) in doc.get_pages() {
        for (_, f) in doc.get_page_fonts(page_id).unwrap() {
            assert!(f.get(b"ToUnicode").is_ok(), "ToUnicode");
            let descendant = dict(
                &doc,
                &f.get(b"DescendantFonts").unwrap().as_array().unwrap()[0],
            );
            let descriptor = dict(&doc, descendant.get(b"FontDescriptor").unwrap());
            assert!(descriptor.get(b"FontFile2").is_ok(), "embedded");
        }
    }

    // The structure in reading order.
    let mut s = Structure::default();
    let top = root.get(b"K").unwrap();
    assert_eq!(name(dict(&doc, top), b"S"), "Document");
    let mut last_level = 0u8;
    walk(&doc, top, None, &mcid_text, &mut s, &mut last_level);
    s
}

fn walk(
    doc: &Document,
    node: &Object,
    page: Option<ObjectId>,
    text: &HashMap<(ObjectId, i64), String>,
    s: &mut Structure,
    last_level: &mut u8,
) -> String {
    match node {
        Object::Integer(mcid) => {
            let page = page.expect("an MCID's element has a page");
            let t = text.get(&(page, *mcid)).cloned().unwrap_or_default();
            s.text.push_str(&t);
            s.text.push(' ');
            t
        }
        Object::Array(kids) => kids
            .iter()
            .map(|k| walk(doc, k, page, text, s, last_level))
            .collect(),
        _ => {
            let d = dict(doc, node);
            if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"MCR") {
                let pg = d.get(b"Pg").unwrap().as_reference().unwrap();
                return walk(doc, d.get(b"MCID").unwrap(), Some(pg), text, s, last_level);
            }
            let role = name(d, b"S");
            let page = d
                .get(b"Pg")
                .ok()
                .map(|p| p.as_reference().unwrap())
                .or(page);
            let kids = d.get(b"K").unwrap();
            let inner = walk(doc, kids, page, text, s, last_level);
            match role.as_str() {
                h if h.len() == 2 && h.starts_with('H') => {
                    let level = h[1..].parse::<u8>().unwrap();
                    assert!(
                        level <= *last_level + 1,
                        "{h} {inner:?} after H{last_level}: no level skipped"
                    );
                    assert!(!inner.trim().is_empty(), "an empty {h}");
                    *last_level = level;
                    s.headings.push((level, inner.trim().to_string()));
                }
                "Figure" => {
                    let alt = text_string(d.get(b"Alt").expect("a figure has alt text"));
                    assert!(alt.len() > 20, "alt says what it shows: {alt:?}");
                    s.figures.push(alt);
                }
                "TH" => {
                    let a = dict(doc, d.get(b"A").expect("TH attributes"));
                    assert_eq!(name(a, b"Scope"), "Column");
                }
                "Table" => {
                    s.tables += 1;
                    let rows = match kids {
                        Object::Array(k) => k.clone(),
                        one => vec![one.clone()],
                    };
                    assert!(
                        rows.iter().all(|r| name(dict(doc, r), b"S") == "TR"),
                        "a table holds rows"
                    );
                }
                _ => {}
            }
            inner
        }
    }
}

#[test]
fn every_kind_of_pdf_is_tagged_and_archivable() {
    let dir = tempfile::tempdir().unwrap();
    let made = every_kind(dir.path());
    let mut by_kind = HashMap::new();
    for (kind, path) in &made {
        let bytes = std::fs::read(path).unwrap();
        let s = check(&bytes);
        assert_eq!(
            s.headings.first().map(|h| h.0),
            Some(1),
            "{kind}: starts with H1"
        );
        by_kind.insert(*kind, (s, bytes));
    }
    // The uppföljning: its chart and the walk's photos described; every löfte text in
    // the order the pages print them; the diarienummer first and in the XMP.
    let (s, bytes) = &by_kind["uppfoljning"];
    assert!(s.text.starts_with("Dnr: KS 2024/117 "), "{}", &s.text[..80]);
    assert!(String::from_utf8_lossy(bytes).contains("<dc:identifier>KS 2024/117</dc:identifier>"));
    assert!(
        s.figures
            .iter()
            .any(|f| f.starts_with("Insatser per månad 2024") && f.contains("flest i")),
        "{:?}",
        s.figures
    );
    assert!(
        s.figures
            .iter()
            .any(|f| f.starts_with("Foto från Tunneln: belysning, upplevs otryggt")),
        "{:?}",
        s.figures
    );
    assert!(s.tables >= 3);
    let store = trygghetstavlan::store::Store::open(&dir.path().join("demo.db")).unwrap();
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let pledge = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let f = trygghetstavlan::report::build_follow_up(
        &store,
        pledge.id,
        crate::common::day("2025-01-15"),
    )
    .unwrap();
    let folded = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = folded(&s.text);
    let mut at = 0;
    for section in &f.sections {
        for c in &section.commitments {
            let want = folded(&c.text);
            let found = text[at..]
                .find(&want)
                .unwrap_or_else(|| panic!("{want:?} after position {at}"));
            at += found + want.len();
        }
    }
    // The protokoll and the åtgärdslista: each photo a figure saying what it shows.
    for kind in ["protokoll", "atgardslista"] {
        let photos = by_kind[kind]
            .0
            .figures
            .iter()
            .filter(|f| f.contains("Tunneln") && f.contains("Två armaturer trasiga"))
            .cloned()
            .collect::<Vec<_>>();
        assert_eq!(photos.len(), 2, "{kind}");
        assert!(photos[1].ends_with("(foto 2 av 2)"), "{photos:?}");
    }
    // A protokoll's observations are headings under "Iakttagelser".
    let walk = &by_kind["protokoll"].0.headings;
    let at = walk
        .iter()
        .position(|h| h == &(2, "Iakttagelser".to_string()));
    let observations: Vec<_> = walk[at.unwrap() + 1..]
        .iter()
        .take_while(|h| h.0 > 2)
        .collect();
    assert!(observations.iter().all(|h| h.0 == 3), "{walk:?}");
    assert!(
        observations
            .iter()
            .any(|h| h.1.ends_with("Tunneln — Belysning, upplevs otryggt")),
        "{walk:?}"
    );
    // The others: their own headings.
    assert!(
        by_kind["minnesanteckningar"]
            .0
            .headings
            .iter()
            .any(|h| h == &(2, "Beslut".to_string()))
    );
    assert!(
        by_kind["overenskommelse"]
            .0
            .headings
            .iter()
            .any(|h| h.1 == "Trafiksäkerhet")
    );
    assert!(
        by_kind["lpo"]
            .0
            .headings
            .iter()
            .any(|h| h.1 == "Kommunerna jämförda")
    );
    // Without --dnr no diarienummer anywhere.
    let (s, bytes) = &by_kind["lpo"];
    assert!(!s.text.contains("Dnr") && !String::from_utf8_lossy(bytes).contains("dc:identifier"));
}

#[test]
fn a_bad_diarienummer_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let out = dir.path().join("u.pdf");
    for dnr in ["x".repeat(61), "KS\u{7}2024".to_string()] {
        let o = run(
            &db,
            &[
                "export-pdf",
                "--kommun",
                "Bromölla",
                "--period",
                "2024",
                "--dnr",
                &dnr,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("Diarienummer") && err.lines().count() == 1,
            "{err}"
        );
        assert!(!out.exists());
    }
}
