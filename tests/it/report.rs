//! The PDF uppföljning, parsed back with lopdf.

use trygghetstavlan::domain::{Activity, ActivityId, Period};
use trygghetstavlan::report::{build_follow_up, render_pdf};
use trygghetstavlan::store::Store;

use crate::common::day;

use crate::common::seeded;

/// All text of the PDF, page by page, with whitespace folded.
pub(crate) fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| {
            let t = doc.extract_text(&[p]).unwrap();
            t.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn report(
    store: &Store,
    kommun: &str,
    today: &str,
) -> (trygghetstavlan::report::FollowUp, Vec<u8>) {
    let m = store.municipality_by_name(kommun).unwrap().unwrap();
    let p = store.pledges(m.id).unwrap().remove(0);
    let f = build_follow_up(store, p.id, day(today)).unwrap();
    let bytes = render_pdf(&f, None).unwrap().bytes;
    (f, bytes)
}

#[test]
fn solvesborg_report_has_every_lofte_and_no_internal_note() {
    let mut store = seeded();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let c = &store.commitments(p.id).unwrap()[0];
    store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: Some(c.id),
            target: Some(c.targets[0].id),
            date: day("2024-04-02"),
            by: c.party,
            count: 2,
            place: "Hällevik".into(),
            description: "Kontroll av A-traktorer vid skolan".into(),
            internal_note: "HEMLIGT-ärende-4711".into(),
        })
        .unwrap();
    let (f, bytes) = report(&store, "Sölvesborg", "2025-01-15");
    assert!(bytes.starts_with(b"%PDF"));
    let pages = pages_text(&bytes);
    let all = pages.join(" ");
    assert!(
        all.contains("Uppföljning av medborgarlöfte 2024 — Sölvesborg"),
        "{}",
        &all[..300.min(all.len())]
    );
    assert!(all.contains("Lokalpolisområde Karlshamn"));
    for r in &f.rows {
        let folded = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Wrapped table cells break lines; the detail section has the text too, so
        // check that every word sequence appears somewhere.
        assert!(all.contains(&folded), "saknas i PDF: {folded}");
    }
    assert!(all.contains("Kontroll av A-traktorer vid skolan"));
    assert!(all.contains("Hällevik"));
    assert!(
        !all.contains("HEMLIGT"),
        "internal notes never reach the PDF"
    );
    for s in [
        "Genomförd",
        "Delvis genomförd",
        "Ej genomförd",
        "Ansvarig",
        "Trygghetsvandringar",
    ] {
        assert!(all.contains(s), "{s}");
    }
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!(
                "Sölvesborg · Medborgarlöfte 2024 · Sida {} av {n}",
                i + 1
            )),
            "footer on page {}",
            i + 1
        );
    }
}

#[test]
fn five_hundred_insatser_paginate_with_repeated_headers() {
    let mut store = seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let c = store.commitments(p.id).unwrap()[0].clone();
    for i in 0..500u32 {
        store
            .add_activity(&Activity { version: 0,
                id: ActivityId(0),
                municipality: m.id,
                commitment: Some(c.id),
                target: Some(c.targets[0].id),
                date: day("2024-01-01") + chrono::Duration::days((i % 360) as i64),
                by: c.party,
                count: 1,
                place: format!("Plats {i}"),
                description: format!("Insats nummer {i} med en beskrivning som är ganska lång och därför radbryts i tabellen"),
                internal_note: String::new(),
            })
            .unwrap();
    }
    let (_, bytes) = report(&store, "Olofström", "2024-12-31");
    let pages = pages_text(&bytes);
    assert!(pages.len() >= 10, "{} pages", pages.len());
    let all = pages.join(" ");
    for i in [0, 137, 499] {
        assert!(all.contains(&format!("Insats nummer {i} ")), "{i}");
    }
    // Every page that continues the insats table (now in "Bilaga: insatser") starts with
    // its header row; the pages before it are the title, summary, body and walks.
    let first = pages
        .iter()
        .position(|p| p.contains("Bilaga: insatser"))
        .expect("appendix");
    assert!(
        pages[first..]
            .iter()
            .all(|p| p.contains("Datum Utförd av Antal Plats Beskrivning")),
        "every appendix page has the header"
    );
    assert!(
        first <= 4,
        "the body summarises: appendix starts at page {}",
        first + 1
    );
    // The body says what was done in one paragraph, not 500 rows.
    assert!(
        all.contains("500 insatser (500 tillfällen)"),
        "{}",
        &pages[2]
    );
}

#[test]
fn pdf_embeds_a_font_and_keeps_swedish_letters() {
    let store = seeded();
    let (_, bytes) = report(&store, "Bromölla", "2024-06-01");
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut embedded = 0;
    for (_, obj) in doc.objects.iter() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"FontFile2").is_ok()
        {
            embedded += 1;
        }
    }
    assert!(embedded >= 1, "a TrueType font program is embedded");
    let all = pages_text(&bytes).join(" ");
    assert!(all.contains("Bromölla"));
    assert!(
        all.contains("Preliminär uppföljning"),
        "made before the period ends"
    );
    assert!(all.contains("Jenny Önnevik, Kommunalråd"));
    assert!(all.contains("Skapa förutsättningar för avhopparverksamhet"));
}

#[test]
fn hostile_text_stays_inside_the_page() {
    use trygghetstavlan::report::layout::{
        BOTTOM, Item, MARGIN_X, Metrics, PAGE_H, PAGE_W, TOP_FIRST,
    };
    let mut store = seeded();
    let m = store.municipality_by_name("Sotenäs").unwrap().unwrap();
    let p = store.pledges(m.id).unwrap().remove(0);
    assert_eq!(p.period, Period::new(2023, 2024).unwrap());
    let c = store.commitments(p.id).unwrap()[0].clone();
    let long_word = "Trygghetsskapandebrottsförebyggandesamverkansöverenskommelse".repeat(6);
    store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: Some(c.id),
            target: None,
            date: day("2024-03-03"),
            by: c.party,
            count: 1,
            place: long_word.clone(),
            description: format!("🚓 مرحبا {long_word} {}", "ord ".repeat(400)),
            internal_note: String::new(),
        })
        .unwrap();
    let f = build_follow_up(&store, p.id, day("2025-01-01")).unwrap();
    let m = trygghetstavlan::report::pdf::font_metrics().unwrap();
    let pages = trygghetstavlan::report::pdf::layout_pages(&f, &m);
    for page in &pages {
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                size,
                bold,
                text,
                ..
            } = item
            {
                let right = x + m.width(text, *size, *bold);
                assert!(
                    *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                    "{x}..{right}: {text}"
                );
                // Content between the margins; only the footer (y 12) and the running
                // header (y 281) lie outside them.
                let decoration = *y == 12.0 || *y == PAGE_H - 16.0;
                assert!(
                    decoration || (*y >= BOTTOM - 0.01 && *y <= TOP_FIRST),
                    "y={y}: {text}"
                );
            }
        }
    }
    assert!(render_pdf(&f, None).is_ok());
}

/// A löfte's bedömning (resultat, orsak, fortsättning) for the report's year is printed
/// under the löfte; another year's is not.
#[test]
fn bedomning_is_printed_for_the_year() {
    let mut store = seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let c = store.commitments(p.id).unwrap()[0].id;
    for (year, text) in [(2024, "Tre av fyra gjordes"), (2023, "Fel år")] {
        store
            .set_assessment(&trygghetstavlan::domain::Assessment {
                version: 0,
                commitment: c,
                year,
                result: text.into(),
                cause: "Personalbrist i maj & juni".into(),
                next: "Fortsätter 2025".into(),
            })
            .unwrap_or(()); // 2023 lies outside Olofström's 2024 period: stored anyway
    }
    let (f, bytes) = report(&store, "Olofström", "2025-01-10");
    let detail = &f.sections[0].commitments[0];
    assert_eq!(detail.result, "Tre av fyra gjordes");
    assert_eq!(
        detail.done, "0/4",
        "done is always shown against the target"
    );
    let text = pages_text(&bytes).join(" ");
    assert!(text.contains("Resultat och bedömning"), "{text}");
    assert!(text.contains("Tre av fyra gjordes"));
    assert!(text.contains("Personalbrist i maj & juni"));
    assert!(text.contains("Fortsätter 2025"));
    assert!(!text.contains("Fel år"));
}

/// The PDF is dated the day it was made, not 1970-01-01.
#[test]
fn pdf_is_dated_the_day_it_was_made() {
    let store = seeded();
    let (_, bytes) = report(&store, "Olofström", "2025-01-10");
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|r| doc.get_dictionary(r))
        .unwrap();
    let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
    let created = String::from_utf8_lossy(created);
    assert!(created.starts_with("D:20250110"), "{created}");
}

#[test]
fn insats_summary_counts_parties_places_and_months() {
    use trygghetstavlan::domain::Party;
    use trygghetstavlan::report::model::ActivityLine;
    let line = |d: &str, by, count, place: &str| ActivityLine {
        date: day(d),
        by,
        count,
        place: place.into(),
        description: String::new(),
    };
    let lines = [
        line("2024-01-05", Party::Polisen, 2, "Torget"),
        line("2024-01-20", Party::Kommunen, 1, "Torget"),
        line("2024-03-02", Party::Polisen, 1, "Centrum"),
        line("2024-03-09", Party::Polisen, 1, ""),
    ];
    let s = trygghetstavlan::report::pdf::activity_summary(&lines);
    assert_eq!(
        s,
        "4 insatser (5 tillfällen): Kommunen 1, Polisen 4. Oftast: Torget 3, Centrum 1. \
         Per månad: jan 3, mar 2."
    );
    let one = trygghetstavlan::report::pdf::activity_summary(&lines[2..3]);
    assert!(
        one.starts_with("1 insats (1 tillfälle): Polisen 1."),
        "{one}"
    );
    // Issue 23.10: the citizen page says the same in sentences.
    assert_eq!(
        trygghetstavlan::report::html::activity_prose(&lines),
        "Polisen har gjort 4 insatser och kommunen 1, sammanlagt 5. Oftast vid: Torget \
         (3 gånger), Centrum (1 gång). Den senaste var den 9 mars 2024."
    );
    let joint = [line("2024-05-12", Party::Gemensamt, 1, "Träffpunkten")];
    assert_eq!(
        trygghetstavlan::report::html::activity_prose(&joint),
        "Polisen och kommunen tillsammans har gjort 1 insats. Plats: Träffpunkten (1 gång). \
         Den var den 12 maj 2024."
    );
}

/// The web page: one self-contained accessible file with public fields only; hostile
/// text is escaped.
#[test]
fn html_page_is_self_contained_accessible_and_escaped() {
    let mut store = seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let c = store.commitments(p.id).unwrap()[0].clone();
    store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: Some(c.id),
            target: Some(c.targets[0].id),
            date: day("2024-04-01"),
            by: c.party,
            count: 2,
            place: "Torget".into(),
            description: "Kontroll".into(),
            internal_note: "HEMLIG-NOTERING".into(),
        })
        .unwrap();
    store
        .set_assessment(&trygghetstavlan::domain::Assessment {
            version: 0,
            commitment: c.id,
            year: 2024,
            result: "<script>alert('x')</script> & mer".into(),
            cause: String::new(),
            next: "Fortsätter 2025".into(),
        })
        .unwrap();
    let (f, _) = report(&store, "Olofström", "2025-01-10");
    let html = trygghetstavlan::report::render_html(&f);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mer"));
    assert!(!html.contains("<script"), "no script at all");
    assert!(!html.contains("HEMLIG"), "no internal note");
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.contains("<th scope=\"col\">Status</th>"));
    assert!(
        html.contains("role=\"img\" aria-label=\""),
        "the chart has a text alternative"
    );
    assert!(html.contains("Fortsätter 2025"));
    assert!(html.contains("Utfört: 2/4"));
    assert!(html.contains("name=\"viewport\""));
    // Issue 23.10 and 23.9: sentences with the numbers in a table, and how to report.
    assert!(
        html.contains("har gjort 2 insatser. Plats: Torget (2 gånger)."),
        "{html}"
    );
    assert!(html.contains("<caption>Insatser per månad</caption>"));
    assert!(html.contains("<td>april 2024</td><td>2</td>"));
    assert!(!html.contains("Per månad:"), "no statistics line");
    assert!(html.contains("<h2>Så lämnar du tips eller anmäler</h2>"));
    assert!(html.contains("ring 114 14") && html.contains("ring 112"));
    assert!(html.contains("Olofström kommuns felanmälan"));
}

/// A walk in the report says what was seen, and what became of it — also for the
/// observations already fixed.
#[test]
fn walks_show_what_was_seen_and_what_was_done() {
    use crate::common::{observation, walk};
    use trygghetstavlan::domain::{Observation, ObservationStatus, SafetyWalk};
    let mut store = seeded();
    let m = store.municipality_by_name("Olofström").unwrap().unwrap();
    let w = store
        .add_walk(&SafetyWalk {
            participants: 9,
            ..walk(m.id, "2024-10-01", "Centrum")
        })
        .unwrap();
    for (place, what, status) in [
        ("Tunneln", "Trasig belysning", ObservationStatus::Fixed),
        ("Parken", "Igenvuxet buskage", ObservationStatus::Ongoing),
    ] {
        store
            .add_observation(&Observation {
                measure: "Åtgärda".into(),
                responsible: "Kommunen".into(),
                status,
                ..observation(w, place, what, "2024-10-01")
            })
            .unwrap();
    }
    let (_, bytes) = report(&store, "Olofström", "2025-01-10");
    let text = pages_text(&bytes).join(" ");
    assert!(text.contains("Vad som sågs och vad som görs"), "{text}");
    assert!(
        text.contains("Trasig belysning"),
        "a fixed one is shown too"
    );
    assert!(text.contains("Igenvuxet buskage"));
}

#[test]
fn chart_data_months_and_progress_per_lofte() {
    let mut store = seeded();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let c = &store.commitments(p.id).unwrap()[0];
    for (date, count) in [("2024-02-03", 1), ("2024-02-20", 2), ("2024-05-01", 1)] {
        store
            .add_activity(&Activity {
                version: 0,
                id: ActivityId(0),
                municipality: m.id,
                commitment: Some(c.id),
                target: Some(c.targets[0].id),
                date: day(date),
                by: c.party,
                count,
                place: "Torget".into(),
                description: String::new(),
                internal_note: String::new(),
            })
            .unwrap();
    }
    // In June only the months so far are shown; after the period, all twelve.
    let (f, bytes) = report(&store, "Sölvesborg", "2024-06-10");
    assert_eq!(f.per_month.len(), 6);
    assert_eq!(f.per_month[1], ("feb".to_string(), 3));
    assert_eq!(f.per_month[4], ("maj".to_string(), 1));
    assert_eq!(f.per_month.iter().map(|(_, n)| n).sum::<u32>(), 4);
    let all = pages_text(&bytes).join(" ");
    assert!(
        all.contains("Insatser per månad (4 tillfällen)"),
        "the chart is captioned"
    );
    let (f, _) = report(&store, "Sölvesborg", "2025-01-10");
    assert_eq!(f.per_month.len(), 12);
    assert_eq!(f.per_month[11].0, "dec");
    // The first löfte (4 riktade insatser): 4 of 4 done, a full bar; without a number, none.
    let first = &f.rows[0];
    assert_eq!(first.done, "4/4");
    assert_eq!(first.progress, Some(1.0));
    assert!(f.rows.iter().any(|r| r.goal == "–" && r.progress.is_none()));
}

#[test]
fn year_on_year_compares_with_the_previous_medborgarlofte() {
    let mut store = seeded();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let old = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let first = store.commitments(old.id).unwrap()[0].clone();
    // 2024: the first löfte got 3 of its 4.
    store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m.id,
            commitment: Some(first.id),
            target: Some(first.targets[0].id),
            date: day("2024-04-02"),
            by: first.party,
            count: 3,
            place: "Torget".into(),
            description: String::new(),
            internal_note: String::new(),
        })
        .unwrap();
    let new = store
        .copy_pledge_forward(old.id, Period::year(2025).unwrap(), &[])
        .unwrap();
    let f = build_follow_up(&store, new, day("2025-06-01")).unwrap();
    let prev = f.previous.as_ref().expect("the 2024 medborgarlöfte");
    assert_eq!(prev.period, Period::year(2024).unwrap());
    assert_eq!(prev.total(), 11);
    let c = &f.sections[0].commitments[0];
    assert!(
        c.last_time
            .as_deref()
            .is_some_and(|t| t.starts_with("2024: 3/4, ")),
        "{:?}",
        c.last_time
    );
    assert!(
        f.sections
            .iter()
            .flat_map(|s| &s.commitments)
            .all(|c| c.last_time.is_some()),
        "every copied löfte knows last period's result"
    );
    let text = crate::report::pages_text(&render_pdf(&f, None).unwrap().bytes).join(" ");
    assert!(
        text.contains("Jämfört med medborgarlöftet 2024:"),
        "{}",
        &text[..600]
    );
    assert!(text.contains("Förra perioden: 2024: 3/4,"));
    // The first medborgarlöfte has nothing to compare with.
    let f = build_follow_up(&store, old.id, day("2025-06-01")).unwrap();
    assert!(f.previous.is_none());
    assert!(
        !crate::report::pages_text(&render_pdf(&f, None).unwrap().bytes)
            .join(" ")
            .contains("Jämfört med")
    );
}

/// The image streams of a PDF.
fn image_streams(bytes: &[u8]) -> Vec<lopdf::Stream> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image".as_slice())
        })
        .cloned()
        .collect()
}

/// A real JPEG made in the test.
pub(crate) fn jpeg(w: u32, h: u32, shade: u8) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([shade, (x % 255) as u8, (y % 255) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

#[test]
fn the_protokoll_has_every_observation_its_photos_and_the_atgardslista() {
    use trygghetstavlan::domain::{
        GeoPoint, Observation, ObservationCategory, ObservationId, ObservationStatus, SafetyWalk,
        TimeOfDay, WalkId,
    };
    let mut store = seeded();
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    let w = store
        .add_walk(&SafetyWalk {
            version: 0,
            id: WalkId(0),
            municipality: m.id,
            date: day("2024-10-15"),
            time_of_day: TimeOfDay::Dark,
            area: "Centrum – stationen".into(),
            organisations: vec!["Polisen".into(), "Kommunen".into()],
            participants: 9,
            notes: "INTERN-VANDRINGSANTECKNING".into(),
            commitment: None,
            revisit_of: None,
        })
        .unwrap();
    let mut photos_stored = 0;
    for (i, (place, positive)) in [
        ("Gångtunneln", false),
        ("Parken", false),
        ("Torget", true),
        ("Busskuren", false),
    ]
    .into_iter()
    .enumerate()
    {
        let id = store
            .add_observation(&Observation {
                version: 0,
                id: ObservationId(0),
                walk: w,
                place: place.into(),
                category: ObservationCategory::Lighting,
                description: format!("Sågs vid {place}"),
                measure: if positive {
                    String::new()
                } else {
                    format!("Åtgärda {place}")
                },
                responsible: if positive {
                    String::new()
                } else {
                    "Gatuavdelningen".into()
                },
                deadline: None,
                status: ObservationStatus::New,
                status_reason: String::new(),
                updated_on: day("2024-10-15"),
                positive,
                position: GeoPoint::from_degrees(56.07, 14.46),
            })
            .unwrap();
        if !positive {
            let p =
                trygghetstavlan::photo::prepare(&jpeg(2000 + i as u32 * 100, 1500, 40 * i as u8))
                    .unwrap();
            assert_eq!(p.width, 1600, "scaled down");
            store.add_photo(id, &p).unwrap();
            photos_stored += 1;
        }
    }
    let p = trygghetstavlan::queries::protocol(&store, w, day("2024-11-01")).unwrap();
    let pdf = trygghetstavlan::report::render_protocol(&p, None).unwrap();
    let images = image_streams(&pdf.bytes)
        .iter()
        .inspect(|s| {
            assert_eq!(
                s.dict.get(b"Filter").unwrap().as_name().unwrap(),
                b"DCTDecode"
            );
            assert_eq!(
                s.dict.get(b"Width").unwrap().as_i64().unwrap(),
                1600,
                "never upsampled"
            );
        })
        .count();
    assert_eq!(images, photos_stored, "every photo embedded once");
    let text = pages_text(&pdf.bytes).join(" ");
    for s in [
        "Protokoll från trygghetsvandring 2024-10-15 — Bromölla",
        "Område / sträcka: Centrum – stationen",
        "Deltagare: 9 · Organisationer: Polisen, Kommunen",
        "4 iakttagelser: 3 som upplevs otrygga",
        "1. Gångtunneln — Belysning, upplevs otryggt",
        "Torget — Belysning, upplevs tryggt",
        "Föreslagen åtgärd: Åtgärda Parken",
        "Position: 56.07000, 14.46000",
        "Åtgärdslista",
    ] {
        assert!(text.contains(s), "{s}: {text}");
    }
    assert!(
        !text.contains("INTERN"),
        "the walk's own notes stay in the app"
    );
    // The åtgärdslista lists the three åtgärder, not the place that feels safe.
    let list = &text[text.rfind("Åtgärdslista").unwrap()..];
    assert!(list.contains("Åtgärda Busskuren") && !list.contains("Torget"));
    // Issue 23.9: the yearly uppföljning shows the walk's pictures too.
    let (f, bytes) = report(&store, "Bromölla", "2024-11-01");
    assert_eq!(f.walks[0].photos.len(), photos_stored);
    assert_eq!(image_streams(&bytes).len(), photos_stored);
}

/// Issue 23.5: an åtgärd past its deadline is marked "försenad" in the uppföljning's walk
/// table and in the walk's protokoll, not shown like one still in time.
#[test]
fn late_atgarder_are_marked_in_the_uppfoljning_and_the_protokoll() {
    let mut store = seeded();
    trygghetstavlan::demo::add_demo(&mut store, day("2024-06-15")).unwrap();
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let w = store.walks(m.id).unwrap()[0].clone();
    let late = store
        .observations(w.id)
        .unwrap()
        .into_iter()
        .find(|o| o.status.is_open() && o.deadline.is_some_and(|d| d < day("2024-06-15")))
        .expect("the demo has a late åtgärd");
    let (_, bytes) = report(&store, "Sölvesborg", "2024-06-15");
    let text = pages_text(&bytes).join(" ");
    let d = late.deadline.unwrap();
    assert!(text.contains(&format!("senast {d}, försenad")), "{text}");
    let p = trygghetstavlan::queries::protocol(&store, w.id, day("2024-06-15")).unwrap();
    let text = pages_text(
        &trygghetstavlan::report::render_protocol(&p, None)
            .unwrap()
            .bytes,
    )
    .join(" ");
    assert!(text.contains(&format!("{d} försenad")), "{text}");
    assert!(text.contains(&format!("Senast: {d} (försenad)")), "{text}");
}
