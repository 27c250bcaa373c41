//! The seed files: every one loads, and specific targets are right.

use chrono::NaiveDate;
use trygghetstavlan::domain::{Party, Period, Status, TargetScope};
use trygghetstavlan::seed::{
    AGREEMENT_FILES, PLEDGE_FILES, SeedPledge, parse_agreement, parse_pledge,
};
use trygghetstavlan::store::Store;

fn seed(name: &str) -> SeedPledge {
    let (file, text) = PLEDGE_FILES.iter().find(|(f, _)| *f == name).unwrap();
    parse_pledge(file, text).unwrap()
}

/// Finds the only löfte whose text contains `needle`.
fn find<'a>(s: &'a SeedPledge, needle: &str) -> &'a trygghetstavlan::domain::CommitmentDraft {
    let hits: Vec<_> = s
        .draft
        .sections
        .iter()
        .flat_map(|x| &x.commitments)
        .filter(|c| c.text.contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "{needle}: {} träffar", hits.len());
    hits[0]
}

fn count(s: &SeedPledge) -> usize {
    s.draft.sections.iter().map(|x| x.commitments.len()).sum()
}

#[test]
fn every_seed_file_parses() {
    for (file, text) in PLEDGE_FILES {
        let s = parse_pledge(file, text).unwrap();
        assert!(count(&s) > 0, "{file}");
        for sec in &s.draft.sections {
            assert!(!sec.title.trim().is_empty());
            for c in &sec.commitments {
                assert!(!c.text.trim().is_empty());
            }
        }
    }
    for (file, text) in AGREEMENT_FILES {
        parse_agreement(file, text).unwrap();
    }
}

#[test]
fn solvesborg_2024() {
    let s = seed("solvesborg.toml");
    assert_eq!(s.municipality, "Sölvesborg");
    assert_eq!(s.police_area, "Karlshamn");
    assert_eq!(s.period, Period::year(2024).unwrap());
    let titles: Vec<_> = s.draft.sections.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["Trafik", "Tidig upptäckt", "Trygghet"]);
    let c = find(&s, "synlighetsarbete (fotpatruller");
    assert_eq!(c.party, Party::Polisen);
    assert_eq!(c.targets.len(), 1);
    assert_eq!(
        (c.targets[0].count, c.targets[0].scope),
        (30, TargetScope::Period)
    );
    // "minst åtta riktade insatser var": 8 for Polisen and 8 for Kommunen.
    let c = find(&s, "åtta riktade insatser var");
    let parts: Vec<_> = c.targets.iter().map(|t| (t.count, t.party)).collect();
    assert_eq!(
        parts,
        [(8, Some(Party::Polisen)), (8, Some(Party::Kommunen))]
    );
    let c = find(&s, "forum under 2024");
    assert_eq!((c.party, c.targets[0].count), (Party::Kommunen, 4));
    let c = find(&s, "uppstartsmöten samt");
    assert_eq!(
        c.targets.iter().map(|t| t.count).collect::<Vec<_>>(),
        [2, 2]
    );
    assert_eq!(s.draft.signatories[1].name, "Birgit Bigersson Brorsson");
}

#[test]
fn olofstrom_2024() {
    let s = seed("olofstrom.toml");
    assert_eq!(s.period, Period::year(2024).unwrap());
    let c = find(&s, "narkotikaförsäljning");
    assert_eq!((c.party, c.targets[0].count), (Party::Polisen, 5));
    let c = find(&s, "föräldraföreläsning");
    assert_eq!((c.party, c.targets[0].count), (Party::Kommunen, 1));
    let c = find(&s, "grannsamverkansutbildning");
    assert_eq!((c.party, c.targets[0].count), (Party::Gemensamt, 4));
    let c = find(&s, "bedrägerier vid minst 2");
    assert_eq!((c.party, c.targets[0].count), (Party::Gemensamt, 2));
    assert_eq!(count(&s), 10);
    assert_eq!(
        s.draft.sections[2].title,
        "Det här ska vi åstadkomma tillsammans"
    );
}

#[test]
fn bromolla_2024() {
    let s = seed("bromolla.toml");
    assert_eq!(s.period, Period::year(2024).unwrap());
    assert_eq!(count(&s), 23);
    assert!(
        s.draft
            .sections
            .iter()
            .flat_map(|x| &x.commitments)
            .all(|c| c.party == Party::Gemensamt)
    );
    let c = find(&s, "medborgardialoger i områdena");
    assert_eq!(c.targets[0].count, 3);
    assert_eq!(c.sub_areas, ["Norr", "Söder", "Centrum"]);
    let c = find(&s, "seniorinformationstillfällen");
    assert_eq!(
        (c.targets[0].count, c.targets[0].scope),
        (2, TargetScope::PerYear)
    );
    let c = find(&s, "Grannsamverkan (kommun och polis)");
    let t: Vec<_> = c.targets.iter().map(|t| (t.count, t.scope)).collect();
    assert_eq!(
        t,
        [
            (2, TargetScope::Period),
            (1, TargetScope::Period),
            (4, TargetScope::PerYear)
        ]
    );
    let c = find(&s, "avloppsvattnet");
    assert_eq!(
        (c.targets[0].count, c.targets[0].unit.as_str()),
        (2, "mätningar")
    );
    assert_eq!(s.draft.signatories[1].name, "Jenny Önnevik");
}

#[test]
fn sotenas_2023_2024() {
    let s = seed("sotenas.toml");
    assert_eq!(s.period, Period::new(2023, 2024).unwrap());
    assert_eq!(s.police_area, "Västra Fyrbodal");
    assert!(s.draft.contact.as_deref().unwrap().contains("kommunpolis"));
    let c = find(&s, "trafikkontroller som krävs");
    assert_eq!(c.party, Party::Polisen);
    assert!(c.targets.is_empty(), "no number is promised");
}

#[test]
fn bromolla_agreement() {
    let (file, text) = AGREEMENT_FILES[0];
    let a = parse_agreement(file, text).unwrap();
    assert_eq!(a.period, Period::new(2021, 2024).unwrap());
    assert_eq!(a.focus_areas.len(), 10);
    assert!(
        a.focus_areas
            .contains(&"Våldsbejakande extremism".to_string())
    );
}

#[test]
fn install_fills_a_new_database() {
    let mut store = Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    let names: Vec<_> = store
        .municipalities()
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Bromölla", "Olofström", "Sotenäs", "Sölvesborg"]);
    let areas: Vec<_> = store
        .police_areas()
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(areas, ["Karlshamn", "Västra Fyrbodal"]);
    let m = store.municipality_by_name("Bromölla").unwrap().unwrap();
    assert_eq!(store.agreements(m.id).unwrap().len(), 1);
    // Fresh: nothing done, and everything "Ej genomförd" once 2024 is over.
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let b = store
        .board(p.id, None, crate::common::day("2100-01-01"))
        .unwrap();
    let s = trygghetstavlan::summary::summarize(&b, NaiveDate::from_ymd_opt(2025, 2, 1).unwrap());
    assert_eq!(s.total(), 23);
    assert_eq!(s.count(Status::NotDone), 23);
}

#[test]
fn demo_adds_marked_examples_once() {
    let mut store = Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    let today = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    let c = trygghetstavlan::demo::add_demo(&mut store, today).unwrap();
    assert!(c.activities > 50, "{c:?}");
    assert_eq!(c.walks, 4);
    assert!(
        trygghetstavlan::demo::add_demo(&mut store, today).is_err(),
        "not twice"
    );
    // A mix of statuses on Sölvesborg's board.
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    let s = trygghetstavlan::summary::summarize(&store.board(p.id, None, today).unwrap(), today);
    assert!(s.done() > 0 && s.done() < s.total(), "{:?}", s.by_status);
    for a in store
        .activities_between(m.id, NaiveDate::MIN, NaiveDate::MAX)
        .unwrap()
    {
        assert!(a.description.starts_with("Exempel"));
        assert!(a.date <= today);
    }
}

#[test]
fn bulk_boards_equal_single_boards() {
    let mut store = Store::open_in_memory().unwrap();
    trygghetstavlan::seed::install(&mut store).unwrap();
    let today = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    trygghetstavlan::demo::add_demo(&mut store, today).unwrap();
    // Link a walk to a löfte so that walk counting is compared too.
    let m = store.municipality_by_name("Sölvesborg").unwrap().unwrap();
    let mut w = store.walks(m.id).unwrap().remove(0);
    let p = store.pledge_for_year(m.id, 2024).unwrap().unwrap();
    w.commitment = Some(store.commitments(p.id).unwrap()[0].id);
    store.update_walk(&w).unwrap();
    let bulk = store
        .boards_covering(2024, crate::common::day("2100-01-01"))
        .unwrap();
    assert_eq!(bulk.len(), 4, "Sotenäs 2023–2024 covers 2024 too");
    for b in &bulk {
        let single = store
            .board(b.pledge.id, None, crate::common::day("2100-01-01"))
            .unwrap();
        assert_eq!(b.pledge, single.pledge);
        assert_eq!(b.municipality, single.municipality);
        assert_eq!(b.sections, single.sections);
        assert_eq!(b.commitments, single.commitments);
        assert_eq!(b.stats, single.stats, "{}", b.municipality.name);
        for (t, tally) in &single.tallies {
            // Per-year sums may be split over more rows in bulk: compare totals per year.
            for year in 2023..=2024 {
                assert_eq!(
                    tally.in_year(year),
                    b.tallies.get(t).map(|v| v.in_year(year)).unwrap_or(0)
                );
            }
        }
    }
    assert!(
        store
            .boards_covering(2030, crate::common::day("2100-01-01"))
            .unwrap()
            .is_empty()
    );
}
