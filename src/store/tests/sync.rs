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
                .prepare(&format!(
                    "SELECT {} FROM {} ORDER BY {order}",
                    t.columns.join(", "),
                    t.name
                ))
                .unwrap();
            let n = st.column_count();
            let rows = st
                .query_map((), |r| (0..n).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<crate::store::Result<_>>()
                .unwrap();
            (t.name, rows)
        })
        .collect()
}

/// A kommun's database with one löfte and an insats, and a polis database made from the
/// first (whole) file.
fn pair() -> (Fixture, Store) {
    let mut f = file_fixture();
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
    other.header.schema = LATEST_VERSION + 1;
    let e = f.store.apply_changes(&other, NOW).unwrap_err().to_string();
    assert!(
        e.contains(&format!("databasversion {}", LATEST_VERSION + 1)) && e.contains("Installera"),
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
        .query_row("SELECT site_key FROM sync_site", (), |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    let kb = b
        .conn
        .query_row("SELECT site_key FROM sync_site", (), |r| {
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

/// Model-based: three databases create, change and remove insatser, walks, iakttagelser
/// and photos in random order and mail each other files that are lost, duplicated,
/// reordered and crossed. After a final round trip all hold the same data, and a value a
/// site wrote that did not survive was either overwritten by someone who had seen it or
/// listed as a conflict somewhere.
mod model {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    const SITES: usize = 3;

    #[derive(Debug, Clone)]
    enum Op {
        Add(usize),
        Edit(usize, usize, usize),
        Remove(usize, usize),
        AddWalk(usize),
        RemoveWalk(usize, usize),
        Send(usize, usize, u8),
        Deliver(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        let s = 0..SITES;
        prop_oneof![
            2 => s.clone().prop_map(Op::Add),
            4 => (s.clone(), 0..8usize, 0..3usize).prop_map(|(a, b, c)| Op::Edit(a, b, c)),
            1 => (s.clone(), 0..8usize).prop_map(|(a, b)| Op::Remove(a, b)),
            1 => s.clone().prop_map(Op::AddWalk),
            1 => (s.clone(), 0..4usize).prop_map(|(a, b)| Op::RemoveWalk(a, b)),
            3 => (s.clone(), s.clone(), 0..4u8).prop_map(|(a, b, f)| Op::Send(a, b, f)),
            3 => (s.clone(), 0..4usize).prop_map(|(a, b)| Op::Deliver(a, b)),
        ]
    }

    struct Write {
        cell: (i64, &'static str),
        site: usize,
        counter: u32,
        value: String,
        /// What the writing site had seen of every site's writes when it wrote.
        knew: [u32; SITES],
    }

    struct World {
        stores: Vec<Store>,
        m: MunicipalityId,
        commitment: Commitment,
        know: Vec<[u32; SITES]>,
        writes: Vec<Write>,
        /// Writes each site had seen when it removed an insats, and the insats it removed.
        removals: Vec<([u32; SITES], Activity)>,
        mail: Vec<Vec<(Changes, [u32; SITES])>>,
    }

    fn name(i: usize) -> String {
        format!("Plats {i}")
    }

    impl World {
        fn new() -> World {
            let mut f = file_fixture();
            let mut stores = Vec::new();
            for i in 1..SITES {
                let first = f.store.changes_for(&name(i), Some(&name(0)), NOW).unwrap();
                let mut s = Store::open_in_memory().unwrap();
                s.apply_changes(&first, NOW).unwrap();
                stores.push(s);
            }
            stores.insert(0, f.store);
            for (i, s) in stores.iter_mut().enumerate().skip(1) {
                // Each names itself once.
                s.changes_for(&name(0), Some(&name(i)), NOW).unwrap();
            }
            World {
                stores,
                m: f.m,
                commitment: f.counted,
                know: vec![[0; SITES]; SITES],
                writes: vec![],
                removals: vec![],
                mail: vec![vec![]; SITES],
            }
        }

        fn activities(&self, s: usize) -> Vec<Activity> {
            let mut all = self.stores[s]
                .activities_between(self.m, d("2000-01-01"), d("2100-01-01"))
                .unwrap();
            all.sort_by_key(|a| a.id.0);
            all
        }

        fn write(&mut self, s: usize) -> (u32, String) {
            self.know[s][s] += 1;
            let c = self.know[s][s];
            (c, format!("plats {s} skrev {c}"))
        }

        fn run(&mut self, op: &Op) {
            match *op {
                Op::Add(s) => {
                    let (counter, value) = self.write(s);
                    let a = Activity {
                        version: 0,
                        id: ActivityId::NEW,
                        municipality: self.m,
                        commitment: Some(self.commitment.id),
                        target: Some(self.commitment.targets[0].id),
                        date: d("2024-03-01"),
                        by: Party::Polisen,
                        count: 1,
                        place: value.clone(),
                        description: value.clone(),
                        internal_note: String::new(),
                    };
                    let id = self.stores[s].add_activity(&a).unwrap();
                    for col in ["place", "description"] {
                        self.writes.push(Write {
                            cell: (id.0, col),
                            site: s,
                            counter,
                            value: value.clone(),
                            knew: self.know[s],
                        });
                    }
                }
                Op::Edit(s, pick, field) => {
                    let all = self.activities(s);
                    if all.is_empty() {
                        return;
                    }
                    let mut a = all[pick % all.len()].clone();
                    let before = a.clone();
                    let (counter, value) = self.write(s);
                    let col = match field {
                        0 => {
                            a.place = value.clone();
                            "place"
                        }
                        1 => {
                            a.description = value.clone();
                            "description"
                        }
                        _ => {
                            a.count = counter + 1;
                            "count"
                        }
                    };
                    let value = if col == "count" {
                        (counter + 1).to_string()
                    } else {
                        value
                    };
                    let unchanged = a == before;
                    self.stores[s].update_activity(&a).unwrap();
                    // A value set to what it already was is no change: nothing to merge,
                    // nothing to lose (the model once counted it as a write).
                    if unchanged {
                        return;
                    }
                    self.writes.push(Write {
                        cell: (a.id.0, col),
                        site: s,
                        counter,
                        value,
                        knew: self.know[s],
                    });
                }
                Op::Remove(s, pick) => {
                    let all = self.activities(s);
                    if all.is_empty() {
                        return;
                    }
                    let a = &all[pick % all.len()];
                    self.stores[s].delete_activity(a.id).unwrap();
                    self.removals.push((self.know[s], a.clone()));
                }
                Op::AddWalk(s) => {
                    let w = SafetyWalk {
                        version: 0,
                        id: WalkId::NEW,
                        municipality: self.m,
                        date: d("2024-05-01"),
                        time_of_day: TimeOfDay::Dark,
                        area: format!("Område {s}"),
                        organisations: vec![],
                        participants: 4,
                        notes: String::new(),
                        commitment: None,
                        revisit_of: None,
                    };
                    let walk = self.stores[s].add_walk(&w).unwrap();
                    let mut o = Observation {
                        version: 0,
                        id: ObservationId::NEW,
                        walk,
                        place: "Tunneln".into(),
                        category: ObservationCategory::Lighting,
                        description: String::new(),
                        measure: "Byt lampa".into(),
                        responsible: "Tekniska".into(),
                        deadline: None,
                        status: ObservationStatus::New,
                        status_reason: String::new(),
                        updated_on: d("2024-05-01"),
                        positive: false,
                        position: None,
                    };
                    o.id = self.stores[s].add_observation(&o).unwrap();
                    let photo = crate::domain::Photo {
                        id: crate::domain::PhotoId::NEW,
                        jpeg: vec![0xFF, 0xD8, s as u8, 0xFF, 0xD9],
                        width: 2,
                        height: 1,
                    };
                    self.stores[s].add_photo(o.id, &photo).unwrap();
                }
                Op::RemoveWalk(s, pick) => {
                    let walks = self.stores[s].walks(self.m).unwrap();
                    if !walks.is_empty() {
                        let w = walks[pick % walks.len()].id;
                        self.stores[s].delete_walk(w).unwrap();
                    }
                }
                Op::Send(from, to, fate) => {
                    if from == to {
                        return;
                    }
                    let c = self.stores[from].changes_for(&name(to), None, NOW).unwrap();
                    let know = self.know[from];
                    match fate {
                        0 => {}
                        1 => {
                            self.mail[to].push((c.clone(), know));
                            self.mail[to].push((c, know));
                        }
                        _ => self.mail[to].push((c, know)),
                    }
                }
                Op::Deliver(to, pick) => {
                    if self.mail[to].is_empty() {
                        return;
                    }
                    let i = pick % self.mail[to].len();
                    let (c, know) = self.mail[to].remove(i);
                    self.deliver(to, &c, know);
                }
            }
        }

        fn deliver(&mut self, to: usize, c: &Changes, know: [u32; SITES]) {
            let got = self.stores[to].apply_changes(c, NOW).unwrap();
            if !got.already_read {
                for (k, v) in self.know[to].iter_mut().zip(know) {
                    *k = (*k).max(v);
                }
            }
        }

        fn round_trip(&mut self) {
            for (to, mail) in std::mem::take(&mut self.mail).into_iter().enumerate() {
                for (c, know) in mail {
                    self.deliver(to, &c, know);
                }
            }
            self.mail = vec![vec![]; SITES];
            for _ in 0..3 {
                for a in 0..SITES {
                    for b in 0..SITES {
                        if a != b {
                            let c = self.stores[a].changes_for(&name(b), None, NOW).unwrap();
                            let know = self.know[a];
                            self.deliver(b, &c, know);
                        }
                    }
                }
            }
        }

        fn listed(&self, id: i64, col: &str) -> bool {
            let key = id.to_string();
            self.stores.iter().any(|s| {
                s.conflicts(true).unwrap().iter().any(|c| {
                    c.table == "activity"
                        && c.row_key == key
                        && (c.column == col || c.column.is_empty())
                })
            })
        }
    }

    fn cell(a: &Activity, col: &str) -> String {
        match col {
            "place" => a.place.clone(),
            "description" => a.description.clone(),
            _ => a.count.to_string(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn sites_converge_and_no_value_is_lost_unlisted(ops in proptest::collection::vec(op(), 1..45)) {
            let mut w = World::new();
            for op in &ops {
                w.run(op);
            }
            w.round_trip();
            let first = dump(&w.stores[0]);
            for s in &w.stores[1..] {
                prop_assert!(dump(s) == first, "the sites differ after {:?}", ops);
            }
            let finals: HashMap<i64, Activity> =
                w.activities(0).into_iter().map(|a| (a.id.0, a)).collect();
            for write in &w.writes {
                let (id, col) = write.cell;
                let Some(a) = finals.get(&id) else {
                    // Removed: by someone who had seen the change or removed the same value
                    // (a site that changed a value and changed it back sends no change), a
                    // value its own site overwrote knowingly, or listed.
                    let seen = w.removals.iter().any(|(k, r)| {
                        r.id.0 == id && (k[write.site] >= write.counter || cell(r, col) == write.value)
                    });
                    let overwritten = w.writes.iter().any(|o| {
                        o.cell == write.cell && !std::ptr::eq(o, write) && o.knew[write.site] >= write.counter
                    });
                    prop_assert!(seen || overwritten || w.listed(id, ""), "removal of {} hid {:?} unlisted", id, write.value);
                    continue;
                };
                let now = cell(a, col);
                if now == write.value {
                    continue;
                }
                let overwritten_knowingly = w.writes.iter().any(|o| {
                    o.cell == write.cell && !std::ptr::eq(o, write) && o.knew[write.site] >= write.counter
                });
                prop_assert!(
                    overwritten_knowingly || w.listed(id, col),
                    "{}.{} = {:?} lost without a conflict (now {:?})", id, col, write.value, now
                );
            }
        }
    }
}

/// The lägesbild and the agreement travel too (schemas 12–14): händelser with their
/// kategorier, indicators with values and links, the agreement's parties, its fokusområden
/// linked to löften, kategorier and an insats without a löfte; a rename comes back.
#[test]
fn handelser_indicators_and_the_agreement_travel_in_change_files() {
    let (mut f, mut polis) = pair();
    let m = f.m;
    f.store
        .add_incident(&crate::store::IncidentDraft {
            municipality: m,
            category: "Klotter".into(),
            date: d("2024-03-02"),
            time: None,
            area: "Centrum".into(),
            place: "Torget".into(),
            source: "Bolaget".into(),
            count: 3,
            description: "Internt".into(),
        })
        .unwrap();
    let ind = f
        .store
        .add_indicator(&crate::domain::indicators::IndicatorDraft {
            municipality: m,
            name: "Otrygga i centrum".into(),
            unit: "%".into(),
            source: "Trygghetsmätningen".into(),
            lower_is_better: true,
            commitments: vec![f.counted.id],
        })
        .unwrap();
    f.store.set_indicator_value(ind, 2024, 24.0).unwrap();
    let a = f
        .store
        .add_agreement(
            m,
            Period::new(2021, 2024).unwrap(),
            "Överenskommelse",
            &["Trafiksäkerhet".into()],
        )
        .unwrap();
    f.store
        .update_agreement(
            a,
            Period::new(2021, 2024).unwrap(),
            "Överenskommelse",
            &["Bolaget".into()],
            &["Lägesbildsgrupp".into()],
        )
        .unwrap();
    let area = f.store.agreement(a).unwrap().unwrap().focus_areas[0].id;
    f.store
        .set_focus_area_categories(area, &["Klotter".into()])
        .unwrap();
    f.store.link_indicator_to_focus_area(ind, area).unwrap();
    let mut everyday = activity(&f, "2024-05-02", 4);
    everyday.commitment = None;
    everyday.target = None;
    f.store.add_activity_with_focus(&everyday, &[area]).unwrap();

    let sent = send(&mut f.store, "Polisen");
    let got = polis.apply_changes(&sent, NOW).unwrap();
    assert_eq!(got.conflicts, 0, "{got:?}");
    assert_eq!(dump(&f.store), dump(&polis));
    let w = crate::domain::situation::Window::new(d("2024-03-01"), d("2024-03-31")).unwrap();
    assert_eq!(polis.situation(m, w).unwrap().categories[0].count, 3);
    let i = &polis.indicators(m).unwrap()[0];
    assert_eq!(
        (
            i.values.clone(),
            i.commitments.clone(),
            i.focus_areas.clone()
        ),
        (vec![(2024, 24.0)], vec![f.counted.id], vec![area])
    );
    let theirs = polis.agreement(a).unwrap().unwrap();
    assert_eq!(
        (theirs.parties.clone(), theirs.forums.clone()),
        (
            vec!["Bolaget".to_string()],
            vec!["Lägesbildsgrupp".to_string()]
        )
    );
    assert_eq!(theirs.focus_areas[0].categories, ["Klotter"]);
    let r = polis.agreement_records(a).unwrap().unwrap();
    assert_eq!(r.commitment_areas, [(f.counted.id, area)]);
    assert!(
        r.activities
            .iter()
            .any(|x| x.commitment.is_none() && x.areas == [area])
    );

    // The polis renames the fokusområde; the kommun's löfte follows.
    polis.rename_focus_area(area, "Trafik").unwrap();
    let back = send(&mut polis, "Kommunen");
    f.store.apply_changes(&back, NOW).unwrap();
    assert_eq!(f.store.commitment(f.counted.id).unwrap().tags, ["Trafik"]);
    assert_eq!(dump(&f.store), dump(&polis));
}

/// A database restored from a copy takes a new key and starts over with its partners: no
/// file of its is ignored for a number used before, and what the partner had of the lost
/// changes comes back.
#[test]
fn after_a_restore_both_sides_start_over_and_nothing_is_lost() {
    let (mut f, mut polis) = pair();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kopia.db");
    f.store.backup_to(&copy).unwrap();
    // After the copy: a change that reaches the polis, then the kommun restores the copy.
    let mut a = one_activity(&f.store);
    a.place = "Efter kopian".into();
    f.store.update_activity(&a).unwrap();
    let sent = send(&mut f.store, "Polisen");
    polis.apply_changes(&sent, NOW).unwrap();
    let old_key = f
        .store
        .conn
        .query_row("SELECT site_key FROM sync_site", (), |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    f.store
        .restore_from(&copy, chrono::NaiveDateTime::default())
        .unwrap();
    let new_key = f
        .store
        .conn
        .query_row("SELECT site_key FROM sync_site", (), |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    assert_ne!(old_key, new_key);
    assert_eq!(one_activity(&f.store).place, "Centrum", "the copy's data");
    // The restored kommun's next file has number 1 again; the polis reads it all the same.
    f.store
        .add_activity(&activity(&f, "2024-06-01", 1))
        .unwrap();
    let after = send(&mut f.store, "Polisen");
    assert_eq!(after.header.number, 1);
    let got = polis.apply_changes(&after, NOW).unwrap();
    assert!(!got.already_read && got.added == 1, "{got:?}");
    // The polis sends everything back: the change made after the copy returns.
    let back = send(&mut polis, "Kommunen");
    f.store.apply_changes(&back, NOW).unwrap();
    assert_eq!(dump(&f.store), dump(&polis));
    let places: Vec<String> = {
        let m = f.store.municipalities().unwrap()[0].id;
        f.store
            .activities_between(m, d("2000-01-01"), d("2100-01-01"))
            .unwrap()
            .into_iter()
            .map(|a| a.place)
            .collect()
    };
    assert!(places.contains(&"Efter kopian".to_string()), "{places:?}");
}
