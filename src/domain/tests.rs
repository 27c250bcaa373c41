//! Tests of the domain types, the status table and the progress math.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn target(count: u32, scope: TargetScope) -> Target {
    Target {
        id: TargetId(1),
        count,
        unit: "tillfällen".into(),
        scope,
        party: None,
        label: None,
    }
}

fn tally(v: &[(i32, u32)]) -> TargetTally {
    TargetTally {
        per_year: v.to_vec(),
    }
}

#[test]
fn period_parse_and_display() {
    assert_eq!(Period::parse("2024"), Period::new(2024, 2024));
    assert_eq!(Period::parse("2023-2024"), Period::new(2023, 2024));
    assert_eq!(Period::parse(" 2023 – 2024 "), Period::new(2023, 2024));
    assert_eq!(Period::parse("2024-2023"), None);
    assert_eq!(Period::parse("tjugo"), None);
    assert_eq!(Period::parse("2021-2022-2023"), None);
    assert_eq!(Period::parse("2023-2024").unwrap().to_string(), "2023–2024");
    assert_eq!(Period::parse("2024").unwrap().to_string(), "2024");
}

/// A period's insatser must be datable (2000–2100), and a period of 301 years is a
/// mistake; a file an older version wrote with such a period still opens.
#[test]
fn periods_outside_the_dates_an_insats_may_have_are_refused() {
    for bad in ["1999", "2099-2101", "1900-2200", "2101", "2000-2010"] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
    for good in ["2000", "2100", "2021-2024", "2091-2100"] {
        assert!(Period::parse(good).is_some(), "{good}");
    }
    assert_eq!(
        Period::stored(1900, 2200).map(|p| (p.first, p.last)),
        Some((1900, 2200))
    );
}

#[test]
fn elapsed_share_bounds() {
    let p = Period::year(2024).unwrap();
    assert_eq!(elapsed_share(p.start(), p.end(), d("2023-12-31")), 0.0);
    assert_eq!(elapsed_share(p.start(), p.end(), d("2025-01-01")), 1.0);
    let mid = elapsed_share(p.start(), p.end(), d("2024-07-01"));
    assert!((0.49..0.51).contains(&mid), "{mid}");
}

/// The whole status table of DESIGN.md for a period-scoped target.
#[test]
fn status_table_period_target() {
    let p = Period::year(2024).unwrap();
    let running = d("2024-06-30");
    let after = d("2025-01-10");
    let t = target(4, TargetScope::Period);
    let cases = [
        (0, running, Status::NotStarted),
        (2, running, Status::InProgress),
        (4, running, Status::Done),
        (6, running, Status::Done),
        (0, after, Status::NotDone),
        (3, after, Status::PartlyDone),
        (4, after, Status::Done),
    ];
    for (done, day, expected) in cases {
        let pr = target_progress(&t, &tally(&[(2024, done)]), p, day);
        assert_eq!(pr.status, expected, "done={done} day={day}");
        assert_eq!(pr.done, done);
        let st = commitment_status(None, false, &[pr], p.has_ended(day));
        assert_eq!(st, expected, "combined, done={done} day={day}");
    }
}

#[test]
fn insatser_outside_period_do_not_count() {
    let p = Period::year(2024).unwrap();
    let t = target(2, TargetScope::Period);
    let pr = target_progress(&t, &tally(&[(2023, 5), (2024, 1)]), p, d("2024-03-01"));
    assert_eq!(pr.done, 1);
    assert_eq!(pr.status, Status::InProgress);
}

#[test]
fn status_table_without_target() {
    assert_eq!(commitment_status(None, true, &[], false), Status::Done);
    assert_eq!(commitment_status(None, true, &[], true), Status::Done);
    assert_eq!(
        commitment_status(None, false, &[], false),
        Status::InProgress
    );
    assert_eq!(commitment_status(None, false, &[], true), Status::NotDone);
}

#[test]
fn manual_status_overrides_everything() {
    let p = Period::year(2024).unwrap();
    let done = target_progress(
        &target(1, TargetScope::Period),
        &tally(&[(2024, 1)]),
        p,
        d("2024-05-01"),
    );
    for st in Status::ALL {
        let m = ManualStatus {
            status: st,
            reason: "Beslut i styrgruppen".into(),
        };
        assert_eq!(commitment_status(Some(&m), false, &[done], false), st);
        assert_eq!(commitment_status(Some(&m), true, &[], true), st);
    }
}

#[test]
fn several_targets_all_must_be_met() {
    let p = Period::year(2024).unwrap();
    let day = d("2024-10-01");
    let met = target_progress(
        &target(2, TargetScope::Period),
        &tally(&[(2024, 2)]),
        p,
        day,
    );
    let zero = target_progress(&target(1, TargetScope::Period), &tally(&[]), p, day);
    assert_eq!(
        commitment_status(None, false, &[met, zero], false),
        Status::InProgress
    );
    assert_eq!(
        commitment_status(None, false, &[met, met], false),
        Status::Done
    );
    assert_eq!(
        commitment_status(None, false, &[zero, zero], false),
        Status::NotStarted
    );
    let after = d("2025-02-01");
    let met_a = target_progress(
        &target(2, TargetScope::Period),
        &tally(&[(2024, 2)]),
        p,
        after,
    );
    let zero_a = target_progress(&target(1, TargetScope::Period), &tally(&[]), p, after);
    assert_eq!(
        commitment_status(None, false, &[met_a, zero_a], true),
        Status::PartlyDone
    );
    assert_eq!(
        commitment_status(None, false, &[zero_a, zero_a], true),
        Status::NotDone
    );
}

#[test]
fn per_year_targets_judged_per_year() {
    let p = Period::new(2023, 2024).unwrap();
    let t = target(2, TargetScope::PerYear);
    // 2023 met, 2024 not yet: the board shows 2024.
    let ta = tally(&[(2023, 2), (2024, 1)]);
    let pr = target_progress(&t, &ta, p, d("2024-04-01"));
    assert_eq!((pr.done, pr.goal, pr.status), (1, 2, Status::InProgress));
    // After the period: 2024 missed, so partly done.
    let pr = target_progress(&t, &ta, p, d("2025-01-01"));
    assert_eq!(pr.status, Status::PartlyDone);
    let ta = tally(&[(2023, 2), (2024, 3)]);
    assert_eq!(
        target_progress(&t, &ta, p, d("2025-01-01")).status,
        Status::Done
    );
    assert_eq!(
        target_progress(&t, &tally(&[]), p, d("2025-01-01")).status,
        Status::NotDone
    );
    // A new year starts from zero.
    let ta = tally(&[(2023, 5)]);
    let pr = target_progress(&t, &ta, p, d("2024-01-15"));
    assert_eq!((pr.done, pr.status), (0, Status::NotStarted));
}

#[test]
fn behind_plan() {
    let p = Period::year(2024).unwrap();
    let t = target(30, TargetScope::Period);
    // Half the year gone, 11 of 30 done: behind (expected ~15).
    assert!(target_progress(&t, &tally(&[(2024, 11)]), p, d("2024-07-01")).behind_plan);
    assert!(!target_progress(&t, &tally(&[(2024, 16)]), p, d("2024-07-01")).behind_plan);
    // Never behind once ended (then the status says it).
    assert!(!target_progress(&t, &tally(&[(2024, 1)]), p, d("2025-03-01")).behind_plan);
    // Before the period starts nothing is expected yet.
    assert!(!target_progress(&t, &tally(&[]), p, d("2023-11-01")).behind_plan);
}

#[test]
fn fraction_is_capped() {
    let p = Period::year(2024).unwrap();
    let t = target(4, TargetScope::Period);
    let pr = target_progress(&t, &tally(&[(2024, 9)]), p, d("2024-03-01"));
    assert_eq!(pr.fraction(), 1.0);
    let pr = target_progress(&t, &tally(&[(2024, 1)]), p, d("2024-03-01"));
    assert_eq!(pr.fraction(), 0.25);
}

#[test]
fn keys_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
    }
    for p in Party::ALL {
        assert_eq!(Party::parse(p.key()), Some(p));
        assert_eq!(Party::parse(p.label()), Some(p));
    }
    for c in ObservationCategory::ALL {
        assert_eq!(ObservationCategory::from_key(c.key()), Some(c));
    }
    for s in ObservationStatus::ALL {
        assert_eq!(ObservationStatus::from_key(s.key()), Some(s));
    }
    assert_eq!(week_label(d("2024-05-02")), "v. 18");
}
