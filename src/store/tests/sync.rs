//! The exchange between two databases, store side: whole copy, changes both ways, merges
//! value by value, conflicts, removals, a file read twice, a file of another schema.

use super::*;
use crate::domain::exchange::Changes;
use rusqlite::types::Value;

const NOW: &str = "2026-12-06 10:00";

/// Every record table's rows in key order: two databases hold the same data when these
/// are equal.
pub(crate) fn dump(s: &Store) -> Vec<(String, Vec<Vec<Value>>)> {
    crate::store::tables::record_tables(&s.conn)
        .unwrap()
        .into_iter()
        .map(|t| {
            let order = t.pk.join(", ");
            let mut st = s
                .conn
                .prepare(&format!("SELECT * FROM {} ORDER BY {order}", t.name))
                .unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| (0..n).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (t.name, rows)
        })
        .collect()
}

/// A kommun's database with one löfte and an insats, and a polis database made from the
/// first (whole) file.
fn pair() -> (Fixture, Store) {
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-03-01", 2))
        .unwrap();
    let first = f
        .store
        .changes_for("Polisen", Some("Kommunen"), NOW)
        .unwrap();
    assert!(first.header.whole_copy);
    let mut polis = Store::open_in_memory().unwrap();
    let got = polis.apply_changes(&first, NOW).unwrap();
    assert!(got.added > 5 && got.conflicts == 0, "{got:?}");
    assert_eq!(dump(&f.store), dump(&polis));
    (f, polis)
}

fn send(from: &mut Store, to_name: &str) -> Changes {
    let from_name = from.exchange_name().unwrap();
    let name = from_name.as_deref().unwrap_or("Polisen");
    from.changes_for(to_name, Some(name), NOW).unwrap()
}

fn one_activity(s: &Store) -> Activity {
    let m = s.municipalities().unwrap()[0].id;
    s.activities_between(m, d("2000-01-01"), d("2100-01-01"))
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

#[test]
fn a_whole_copy_then_changes_both_ways_leave_both_alike() {
    let (mut f, mut polis) = pair();
    let mut a = one_activity(&polis);
    a.place = "Torget".into();
    polis.update_activity(&a).unwrap();
    let reply = send(&mut polis, "Kommunen");
    assert!(!reply.header.whole_copy);
    assert_eq!(reply.rows.len(), 1, "only what changed: {:?}", reply.rows);
    let got = f.store.apply_changes(&reply, NOW).unwrap();
    assert_eq!((got.changed, got.conflicts), (1, 0));
    assert_eq!(dump(&f.store), dump(&polis));
    // Read again: nothing changes.
    let again = f.store.apply_changes(&reply, NOW).unwrap();
    assert!(again.already_read);
    assert_eq!(dump(&f.store), dump(&polis));
}

#[test]
fn different_values_of_one_row_merge_and_the_same_value_is_a_conflict_both_sides_list() {
    let (mut f, mut polis) = pair();
    let mut ours = one_activity(&f.store);
    ours.place = "Stationen".into();
    ours.count = 5;
    f.store.update_activity(&ours).unwrap();
    let mut theirs = one_activity(&polis);
    theirs.place = "Torget".into();
    theirs.description = "Kontroll vid torget".into();
    polis.update_activity(&theirs).unwrap();
    let to_polis = send(&mut f.store, "Polisen");
    let to_kommun = send(&mut polis, "Kommunen");
    // Crossed in the mail.
    let at_polis = polis.apply_changes(&to_polis, NOW).unwrap();
    let at_kommun = f.store.apply_changes(&to_kommun, NOW).unwrap();
    assert_eq!((at_polis.conflicts, at_kommun.conflicts), (1, 1));
    assert_eq!(
        dump(&f.store),
        dump(&polis),
        "the same winner on both sides"
    );
    let merged = one_activity(&polis);
    assert_eq!(merged.count, 5, "a value changed on one side only is taken");
    assert_eq!(merged.description, "Kontroll vid torget");
    let listed = f.store.conflicts(false).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].column, "place");
    assert!(listed[0].what.starts_with("Insats"), "{}", listed[0].what);
    // A human keeps the losing value; the decision travels and both end alike again.
    let kept = merged.place.clone();
    let other = if kept == "Torget" {
        "Stationen"
    } else {
        "Torget"
    };
    let c = &listed[0];
    let take_theirs = crate::domain::exchange::show_value(c.theirs.as_ref().unwrap()) == other;
    f.store.resolve_conflict(c.id, take_theirs).unwrap();
    assert_eq!(one_activity(&f.store).place, other);
    assert!(f.store.conflicts(false).unwrap().is_empty());
    let decision = send(&mut f.store, "Polisen");
    let got = polis.apply_changes(&decision, NOW).unwrap();
    assert_eq!(
        got.conflicts, 0,
        "a decision made knowing theirs is no conflict"
    );
    assert_eq!(dump(&f.store), dump(&polis));
}

#[test]
fn a_removal_wins_over_a_change_and_is_listed() {
    let (mut f, mut polis) = pair();
    let a = one_activity(&f.store);
    f.store.delete_activity(a.id).unwrap();
    let mut theirs = one_activity(&polis);
    theirs.count = 9;
    polis.update_activity(&theirs).unwrap();
    let to_polis = send(&mut f.store, "Polisen");
    let to_kommun = send(&mut polis, "Kommunen");
    let at_polis = polis.apply_changes(&to_polis, NOW).unwrap();
    let at_kommun = f.store.apply_changes(&to_kommun, NOW).unwrap();
    assert_eq!((at_polis.conflicts, at_kommun.conflicts), (1, 1));
    assert_eq!(dump(&f.store), dump(&polis));
    let m = polis.municipalities().unwrap()[0].id;
    assert!(
        polis
            .activities_between(m, d("2000-01-01"), d("2100-01-01"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_file_of_another_schema_or_to_another_database_changes_nothing() {
    let (mut f, mut polis) = pair();
    let mut a = one_activity(&polis);
    a.count = 7;
    polis.update_activity(&a).unwrap();
    let mut reply = send(&mut polis, "Kommunen");
    let before = dump(&f.store);
    let mut other = reply.clone();
    other.header.schema = 11;
    let e = f.store.apply_changes(&other, NOW).unwrap_err().to_string();
    assert!(
        e.contains("databasversion 11") && e.contains("Installera"),
        "{e}"
    );
    let mut elsewhere = reply.clone();
    elsewhere.header.receiver_key = Some("0000".into());
    assert!(f.store.apply_changes(&elsewhere, NOW).is_err());
    let mut unknown = reply.clone();
    unknown.rows[0].cells[0].column = "no_such_column".into();
    let e = f
        .store
        .apply_changes(&unknown, NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("skadad"), "{e}");
    assert_eq!(dump(&f.store), before);
    // Its own file back: refused.
    let own = send(&mut f.store, "Polisen");
    assert!(f.store.apply_changes(&own, NOW).is_err());
    reply.header.number += 0;
    assert!(f.store.apply_changes(&reply, NOW).is_ok());
}

#[test]
fn a_lost_file_is_carried_by_the_next_until_confirmed() {
    let (mut f, mut polis) = pair();
    f.store
        .add_activity(&activity(&f, "2024-04-01", 1))
        .unwrap();
    let _lost = send(&mut f.store, "Polisen");
    f.store
        .add_activity(&activity(&f, "2024-05-01", 1))
        .unwrap();
    let next = send(&mut f.store, "Polisen");
    polis.apply_changes(&next, NOW).unwrap();
    assert_eq!(dump(&f.store), dump(&polis));
    // Confirmed by the reply: the next file carries nothing already had.
    let reply = send(&mut polis, "Kommunen");
    f.store.apply_changes(&reply, NOW).unwrap();
    let empty = send(&mut f.store, "Polisen");
    assert!(empty.rows.is_empty(), "{:?}", empty.rows);
}

#[test]
fn two_new_installations_give_the_seed_the_same_ids() {
    let mut a = Store::open_in_memory().unwrap();
    crate::seed::install(&mut a).unwrap();
    let mut b = Store::open_in_memory().unwrap();
    crate::seed::install(&mut b).unwrap();
    assert_eq!(dump(&a), dump(&b));
    let ka = a
        .conn
        .query_row("SELECT site_key FROM sync_site", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    let kb = b
        .conn
        .query_row("SELECT site_key FROM sync_site", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    assert_ne!(ka, kb, "each installation has its own key");
    // Both seeded, then exchanging: nothing is doubled.
    let first = a.changes_for("Polisen", Some("Kommunen"), NOW).unwrap();
    let got = b.apply_changes(&first, NOW).unwrap();
    assert_eq!(got.conflicts, 0);
    assert_eq!(dump(&a), dump(&b));
}
