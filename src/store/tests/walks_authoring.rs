//! Store tests of walks, copy-forward and authoring with undo.

use super::*;

fn walk(f: &Fixture, date: &str, commitment: Option<CommitmentId>) -> SafetyWalk {
    SafetyWalk {
        version: 0,
        id: WalkId(0),
        municipality: f.m,
        date: d(date),
        time_of_day: TimeOfDay::Daylight,
        area: "Centrum".into(),
        organisations: vec!["Polisen".into()],
        participants: 5,
        notes: String::new(),
        commitment,
        revisit_of: None,
    }
}

fn obs(
    walk: WalkId,
    place: &str,
    deadline: Option<&str>,
    status: ObservationStatus,
) -> Observation {
    Observation {
        version: 0,
        id: ObservationId(0),
        walk,
        place: place.into(),
        category: ObservationCategory::Other,
        description: String::new(),
        measure: String::new(),
        responsible: "Tekniska".into(),
        deadline: deadline.map(d),
        status,
        status_reason: if status == ObservationStatus::WontFix {
            "Skäl".into()
        } else {
            String::new()
        },
        updated_on: d("2024-05-01"),
        positive: false,
        position: None,
    }
}

#[test]
fn walk_summaries_and_open_list_order() {
    let mut f = fixture();
    let w1 = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    let w2 = f.store.add_walk(&walk(&f, "2024-05-02", None)).unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Sent, ingen deadline",
            None,
            ObservationStatus::New,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Försenad",
            Some("2024-06-01"),
            ObservationStatus::Ongoing,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w1,
            "Klar",
            Some("2024-05-10"),
            ObservationStatus::Fixed,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w2,
            "Framtida",
            Some("2024-12-01"),
            ObservationStatus::New,
        ))
        .unwrap();
    f.store
        .add_observation(&obs(
            w2,
            "Tidigt försenad",
            Some("2024-05-15"),
            ObservationStatus::New,
        ))
        .unwrap();
    let s = f.store.walk_summaries(f.m).unwrap();
    assert_eq!(
        s.iter().map(|x| x.walk.id).collect::<Vec<_>>(),
        [w2, w1],
        "newest first"
    );
    assert_eq!((s[1].observations, s[1].open), (3, 2));
    assert_eq!((s[0].observations, s[0].open), (2, 2));
    let open = f.store.open_observations(f.m, d("2024-07-01")).unwrap();
    let places: Vec<_> = open.iter().map(|o| o.observation.place.as_str()).collect();
    assert_eq!(
        places,
        [
            "Tidigt försenad",
            "Försenad",
            "Framtida",
            "Sent, ingen deadline"
        ]
    );
    assert_eq!(open[0].walk_date, d("2024-05-02"));
}

#[test]
fn observations_are_edited_deleted_and_restored_with_their_photos() {
    let mut f = fixture();
    let w = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    // A deadline before the walk is refused.
    let early = obs(w, "Tunneln", Some("2024-04-30"), ObservationStatus::New);
    assert!(matches!(
        f.store.add_observation(&early),
        Err(StoreError::Invalid(
            crate::validate::Invalid::DeadlineBeforeWalk { .. }
        ))
    ));
    let id = f
        .store
        .add_observation(&obs(
            w,
            "Tunneln",
            Some("2024-06-01"),
            ObservationStatus::New,
        ))
        .unwrap();
    let mut safe = obs(w, "Torget", None, ObservationStatus::New);
    safe.positive = true;
    safe.position = crate::domain::GeoPoint::from_degrees(56.0512, 14.5853);
    let safe_id = f.store.add_observation(&safe).unwrap();
    assert_eq!(
        f.store.observation(safe_id).unwrap().position,
        safe.position
    );
    // A place that feels safe is never on the åtgärdslista.
    let open = f.store.open_observations(f.m, d("2024-07-01")).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(f.store.walk_summaries(f.m).unwrap()[0].open, 1);
    // Edit every field; a deadline moved before the walk is refused and nothing changes.
    let mut o = f.store.observation(id).unwrap();
    o.place = "Gångtunneln vid stationen".into();
    o.responsible = "Gatuavdelningen".into();
    f.store.update_observation(&o).unwrap();
    o.version += 1;
    let mut bad = o.clone();
    bad.deadline = Some(d("2024-01-01"));
    assert!(f.store.update_observation(&bad).is_err());
    assert_eq!(f.store.observation(id).unwrap(), o);
    // Photos: added in order, deleted with the observation, back with Ångra.
    let photo = |n: u8| crate::domain::Photo {
        id: crate::domain::PhotoId(0),
        jpeg: vec![0xFF, 0xD8, n],
        width: 4,
        height: 3,
    };
    f.store.add_photo(id, &photo(1)).unwrap();
    f.store.add_photo(id, &photo(2)).unwrap();
    assert_eq!(f.store.photo_counts(w).unwrap()[&id], 2);
    let deleted = f.store.delete_observation_for_undo(id).unwrap();
    assert!(matches!(
        f.store.observation(id),
        Err(StoreError::NotFound(_))
    ));
    assert!(f.store.photos(id).unwrap().is_empty());
    f.store.restore_observation(&deleted).unwrap();
    assert_eq!(f.store.observation(id).unwrap(), o);
    let back: Vec<u8> = f
        .store
        .photos(id)
        .unwrap()
        .iter()
        .map(|p| p.jpeg[2])
        .collect();
    assert_eq!(back, [1, 2]);
    assert_eq!(f.store.observations(w).unwrap()[0].id, id, "in its place");
    // A whole walk deleted and restored keeps its photos too.
    let d_walk = f.store.delete_walk_for_undo(w).unwrap();
    f.store.restore_walk(&d_walk).unwrap();
    assert_eq!(f.store.photos(id).unwrap().len(), 2);
    f.store
        .delete_photo(f.store.photos(id).unwrap()[0].id)
        .unwrap();
    assert_eq!(f.store.photos(id).unwrap().len(), 1);
    assert!(f.store.add_photo(ObservationId(999), &photo(3)).is_err());
}

#[test]
fn deleted_walk_is_restored_with_history() {
    let mut f = fixture();
    let w = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    let o = f
        .store
        .add_observation(&obs(w, "Tunneln", None, ObservationStatus::New))
        .unwrap();
    let mut changed = f.store.observations(w).unwrap()[0].clone();
    changed.status = ObservationStatus::Fixed;
    changed.updated_on = d("2024-06-01");
    f.store.update_observation(&changed).unwrap();
    let before = (
        f.store.walk(w).unwrap(),
        f.store.observations(w).unwrap(),
        f.store.observation_history(o).unwrap(),
    );
    let deleted = f.store.delete_walk_for_undo(w).unwrap();
    assert!(f.store.walk(w).is_err());
    f.store.restore_walk(&deleted).unwrap();
    let after = (
        f.store.walk(w).unwrap(),
        f.store.observations(w).unwrap(),
        f.store.observation_history(o).unwrap(),
    );
    assert_eq!(before, after);
}

#[test]
fn linked_walk_counts_as_an_insats() {
    let mut f = fixture();
    f.store
        .add_walk(&walk(&f, "2024-05-01", Some(f.counted.id)))
        .unwrap();
    f.store
        .add_walk(&walk(&f, "2024-08-01", Some(f.plain.id)))
        .unwrap();
    f.store.add_walk(&walk(&f, "2024-08-02", None)).unwrap();
    let b = f
        .store
        .board(f.pledge, Some(d("2024-06-01")), d("2100-01-01"))
        .unwrap();
    assert_eq!(b.tallies[&f.counted.targets[0].id].in_year(2024), 1);
    assert_eq!(b.stats[&f.counted.id].walks, 1);
    assert_eq!(b.stats[&f.counted.id].entries_since, 0);
    assert_eq!(b.stats[&f.plain.id].entries_since, 1);
    assert_eq!(b.stats[&f.plain.id].latest, Some(d("2024-08-01")));
}

/// Issue 23.7: a walk dated after today is planned (an återbesök): it counts on its löfte
/// once its day has come, on the single board and in the bulk read alike.
#[test]
fn a_planned_walk_counts_only_once_it_has_taken_place() {
    let mut f = fixture();
    f.store
        .add_walk(&walk(&f, "2024-05-01", Some(f.counted.id)))
        .unwrap();
    f.store
        .add_walk(&walk(&f, "2024-10-01", Some(f.counted.id)))
        .unwrap();
    let t = f.counted.targets[0].id;
    let before = f.store.board(f.pledge, None, d("2024-06-15")).unwrap();
    assert_eq!(before.tallies[&t].in_year(2024), 1);
    assert_eq!(before.stats[&f.counted.id].walks, 1);
    let bulk = f.store.boards_covering(2024, d("2024-06-15")).unwrap();
    let b = bulk.iter().find(|b| b.pledge.id == f.pledge).unwrap();
    assert_eq!(b.tallies[&t].in_year(2024), 1);
    let after = f.store.board(f.pledge, None, d("2024-10-01")).unwrap();
    assert_eq!(after.tallies[&t].in_year(2024), 2);
    assert_eq!(after.stats[&f.counted.id].walks, 2);
}

/// A walk is counted only on its own kommun's löften, when added and when changed (an
/// insats and a beslut already were); the board of the other kommun is untouched.
#[test]
fn a_walk_cannot_count_on_another_kommuns_lofte() {
    let mut f = fixture();
    let area = f.store.ensure_police_area("Karlshamn").unwrap();
    let other = f.store.add_municipality("Bromölla", area).unwrap();
    let mut foreign = walk(&f, "2024-05-01", Some(f.counted.id));
    foreign.municipality = other;
    let e = f.store.add_walk(&foreign).unwrap_err();
    assert!(e.to_string().contains("hör till en annan kommun"), "{e}");
    foreign.commitment = None;
    let id = f.store.add_walk(&foreign).unwrap();
    foreign.id = id;
    foreign.commitment = Some(f.counted.id);
    let e = f.store.update_walk(&foreign).unwrap_err();
    assert!(e.to_string().contains("hör till en annan kommun"), "{e}");
    let b = f
        .store
        .board(f.pledge, Some(d("2024-06-01")), d("2100-01-01"))
        .unwrap();
    assert_eq!(b.stats.get(&f.counted.id).map_or(0, |s| s.walks), 0);
}

#[test]
fn copy_forward_copies_structure_not_progress() {
    let mut f = fixture();
    f.store
        .add_activity(&activity(&f, "2024-03-01", 2))
        .unwrap();
    f.store
        .set_manual_status(
            f.plain.id,
            Some(&ManualStatus {
                status: Status::Done,
                reason: "Klart".into(),
            }),
        )
        .unwrap();
    let new = f
        .store
        .copy_pledge_forward(f.pledge, Period::year(2025).unwrap(), &[])
        .unwrap();
    let p = f.store.pledge(new).unwrap();
    assert_eq!(p.title, "Medborgarlöfte 2025");
    assert!(p.signatories.is_empty());
    let cs = f.store.commitments(new).unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(cs[0].text, f.counted.text);
    assert_eq!(cs[0].targets[0].count, 4);
    assert_ne!(cs[0].targets[0].id, f.counted.targets[0].id);
    assert_eq!(cs[0].sub_areas, f.counted.sub_areas);
    assert!(cs[1].manual_status.is_none(), "no status carried over");
    let b = f.store.board(new, None, d("2100-01-01")).unwrap();
    assert!(b.tallies.is_empty(), "zero progress");
    // Each copy remembers its origin; the earlier medborgarlöfte is found for year on year.
    let links = f.store.copied_from(new).unwrap();
    assert_eq!(links.get(&cs[0].id), Some(&f.counted.id));
    assert_eq!(links.get(&cs[1].id), Some(&f.plain.id));
    assert!(f.store.copied_from(f.pledge).unwrap().is_empty());
    assert_eq!(f.store.previous_pledge(new).unwrap(), Some(f.pledge));
    assert_eq!(f.store.previous_pledge(f.pledge).unwrap(), None);
    // The old one is untouched.
    assert_eq!(
        f.store
            .activities_for_commitment(f.counted.id)
            .unwrap()
            .len(),
        1
    );
    assert!(
        f.store
            .commitment(f.plain.id)
            .unwrap()
            .manual_status
            .is_some()
    );
    assert!(matches!(
        f.store
            .copy_pledge_forward(f.pledge, Period::year(2025).unwrap(), &[]),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn sections_and_order() {
    let mut f = fixture();
    let s1 = f.store.sections(f.pledge).unwrap()[0].id;
    let s2 = f.store.add_section(f.pledge, "Trygghet").unwrap();
    f.store.rename_section(s2, "Trygghet i centrum").unwrap();
    f.store.move_section(s2, -1).unwrap();
    let titles: Vec<_> = f
        .store
        .sections(f.pledge)
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Trygghet i centrum", "Trafik"]);
    f.store.move_commitment(f.plain.id, -1).unwrap();
    let order: Vec<_> = f
        .store
        .commitments(f.pledge)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(order, [f.plain.id, f.counted.id]);
    f.store.move_commitment_to_section(f.plain.id, s2).unwrap();
    assert_eq!(f.store.commitment(f.plain.id).unwrap().section, s2);
    assert_eq!(
        f.store.commitments(f.pledge).unwrap()[0].id,
        f.plain.id,
        "s2 is first now"
    );
    assert!(f.store.rename_section(s1, " ").is_err());
}

#[test]
fn deleted_commitment_and_section_come_back_with_bedomning_and_links() {
    let mut f = fixture();
    let a = f
        .store
        .add_activity(&activity(&f, "2024-03-01", 2))
        .unwrap();
    let w = f
        .store
        .add_walk(&walk(&f, "2024-05-01", Some(f.counted.id)))
        .unwrap();
    f.store
        .set_assessment(&crate::domain::Assessment {
            version: 0,
            commitment: f.counted.id,
            year: 2024,
            result: "Gick bra".into(),
            cause: String::new(),
            next: String::new(),
        })
        .unwrap();
    let dump = |s: &Store| {
        (
            s.commitments(f.pledge).unwrap(),
            s.activity_count().unwrap(),
            s.walk(w).unwrap().commitment,
            s.assessment(f.counted.id, 2024).unwrap(),
        )
    };
    let before = dump(&f.store);
    let r = f.store.commitment_removal(f.counted.id).unwrap();
    assert_eq!(r.activities(), 1);
    f.store.remove(&r).unwrap();
    assert!(f.store.commitment(f.counted.id).is_err());
    assert_eq!(f.store.walk(w).unwrap().commitment, None);
    f.store.restore_removed(&r).unwrap();
    assert_eq!(
        dump(&f.store),
        before,
        "löfte, insats, bedömning and the walk's link"
    );
    assert_eq!(
        f.store.activity(a).unwrap().target,
        Some(
            before
                .0
                .iter()
                .find(|c| c.id == f.counted.id)
                .unwrap()
                .targets[0]
                .id
        )
    );
    let s = f.store.sections(f.pledge).unwrap()[0].id;
    let r = f.store.section_removal(s).unwrap();
    f.store.remove(&r).unwrap();
    assert!(f.store.commitments(f.pledge).unwrap().is_empty());
    assert_eq!(f.store.activity_count().unwrap(), 0);
    f.store.restore_removed(&r).unwrap();
    assert_eq!(dump(&f.store), before);
}

#[test]
fn pledge_head_update() {
    let mut f = fixture();
    let signers = vec![
        Signatory {
            name: "Anna Andersson".into(),
            role: "Kommunalråd".into(),
        },
        Signatory {
            name: "  ".into(),
            role: "tom rad hoppas över".into(),
        },
    ];
    f.store
        .update_pledge_head(
            f.pledge,
            0,
            "Medborgarlöfte 2024 (rev)",
            "Nytt mål",
            Some(""),
            &signers,
        )
        .unwrap();
    let p = f.store.pledge(f.pledge).unwrap();
    assert_eq!(p.title, "Medborgarlöfte 2024 (rev)");
    assert_eq!(p.contact, None);
    assert_eq!(p.signatories.len(), 1);
    assert_eq!(p.version, 1, "one edit counted");
    assert!(
        f.store
            .update_pledge_head(f.pledge, 1, "", "", None, &[])
            .is_err()
    );
    // A head saved from what was read before that edit changes nothing.
    assert!(matches!(
        f.store
            .update_pledge_head(f.pledge, 0, "Gammal rubrik", "", None, &[]),
        Err(StoreError::ChangedByOthers)
    ));
    assert_eq!(
        f.store.pledge(f.pledge).unwrap().title,
        "Medborgarlöfte 2024 (rev)"
    );
}

#[test]
fn meetings_and_beslut_carry_over_until_closed() {
    let mut f = fixture();
    let m = f.m;
    let g = crate::domain::MeetingGroup::Kommun(m);
    let first = f
        .store
        .add_meeting(&Meeting {
            version: 0,
            id: MeetingId(0),
            group: g,
            date: d("2024-03-05"),
            participants: vec![" Polisen ".into(), "".into(), "Kommunen".into()],
            notes: "Oro kring busstationen.".into(),
        })
        .unwrap();
    let beslut = |meeting, text: &str| Decision {
        version: 0,
        id: DecisionId(0),
        meeting,
        text: text.into(),
        responsible: "Kommunen, gatuenheten".into(),
        deadline: Some(d("2024-04-01")),
        commitment: None,
        status: DecisionStatus::Open,
        status_reason: String::new(),
        status_date: None,
    };
    let a = f
        .store
        .add_decision(&beslut(first, "Byt belysning vid stationen"))
        .unwrap();
    let b = f
        .store
        .add_decision(&beslut(first, "Klotter på tunneln"))
        .unwrap();
    assert!(matches!(
        f.store.add_decision(&beslut(first, "  ")),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        f.store.meeting(first).unwrap().participants,
        ["Polisen", "Kommunen"]
    );
    // The next meeting sees both as open, until one is done and one struck.
    f.store.set_last_meeting(m, Some(d("2024-04-09"))).unwrap();
    let open = f
        .store
        .open_decisions(g, Some(d("2024-04-09")), None)
        .unwrap();
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].meeting_date, d("2024-03-05"));
    assert!(open[0].decision.is_overdue(d("2024-04-09")));
    f.store
        .set_decision_status(a, DecisionStatus::Done, "", d("2024-04-09"))
        .unwrap();
    assert!(matches!(
        f.store
            .set_decision_status(b, DecisionStatus::Struck, " ", d("2024-04-09")),
        Err(StoreError::Invalid(
            crate::validate::Invalid::StruckNeedsReason
        ))
    ));
    f.store
        .set_decision_status(
            b,
            DecisionStatus::Struck,
            "Saneras av bolaget",
            d("2024-04-09"),
        )
        .unwrap();
    assert!(f.store.open_decisions(g, None, None).unwrap().is_empty());
    // Closed at the meeting of 2024-04-09: that meeting still lists them, in their place.
    let that_day = f
        .store
        .open_decisions(g, Some(d("2024-04-10")), Some(d("2024-04-09")))
        .unwrap();
    assert_eq!(that_day.len(), 2);
    assert_eq!(that_day[0].decision.status, DecisionStatus::Done);
    // A closed beslut is not closed again (its "klar sedan" would move); reopening is
    // allowed (Ångra).
    let e = f
        .store
        .set_decision_status(a, DecisionStatus::Done, "", d("2024-05-01"))
        .unwrap_err();
    assert!(e.to_string().contains("redan klar sedan 2024-04-09"), "{e}");
    assert_eq!(
        f.store.decision(a).unwrap().status_date,
        Some(d("2024-04-09"))
    );
    // A deadline before the meeting that took the beslut is a typing mistake.
    let mut early = beslut(first, "Tidigare än mötet");
    early.deadline = Some(d("2024-03-04"));
    let e = f.store.add_decision(&early).unwrap_err();
    assert!(e.to_string().contains("före mötet 2024-03-05"), "{e}");
    let mut moved = f.store.decision(b).unwrap();
    moved.deadline = Some(d("2024-01-01"));
    assert!(f.store.update_decision(&moved).is_err());
    // Past meetings count their beslut; a change keeps status and meeting, and says
    // what was there before (for undo).
    let past = f.store.past_meetings(g, d("2024-04-09")).unwrap();
    assert_eq!(past.len(), 1);
    assert_eq!((past[0].0.id, past[0].1, past[0].2), (first, 2, 0));
    assert!(
        f.store
            .past_meetings(g, d("2024-03-05"))
            .unwrap()
            .is_empty()
    );
    let mut changed = f.store.decision(a).unwrap();
    changed.text = "Byt belysning i tunneln".into();
    changed.status = DecisionStatus::Open; // ignored: the status has its own path
    let before = f.store.update_decision(&changed).unwrap();
    assert_eq!(before.text, "Byt belysning vid stationen");
    let after = f.store.decision(a).unwrap();
    assert_eq!(
        (after.text.as_str(), after.status, after.meeting),
        ("Byt belysning i tunneln", DecisionStatus::Done, first)
    );
    changed.text = " ".into();
    assert!(f.store.update_decision(&changed).is_err());
    assert_eq!(f.store.decision(a).unwrap().text, "Byt belysning i tunneln");
    assert_eq!(
        f.store.decision(b).unwrap().status_date,
        Some(d("2024-04-09"))
    );
    // The board's meeting date: the latest meeting; clearing removes only an empty one.
    assert_eq!(f.store.last_meeting(m).unwrap(), Some(d("2024-04-09")));
    f.store.set_last_meeting(m, None).unwrap();
    assert_eq!(f.store.last_meeting(m).unwrap(), Some(d("2024-03-05")));
    assert!(f.store.set_last_meeting(m, None).is_err(), "it has beslut");
    assert_eq!(f.store.meetings(g).unwrap().len(), 1);
}

#[test]
fn assessment_per_year_round_trip_and_empty_removes() {
    let mut f = fixture();
    let c = f.counted.id;
    assert!(f.store.assessment(c, 2024).unwrap().is_empty());
    let a = Assessment {
        version: 0,
        commitment: c,
        year: 2024,
        result: " Tre av fyra kontroller gjordes. ".into(),
        cause: "Personalbrist i maj.".into(),
        next: "Fortsätter 2025.".into(),
    };
    f.store.set_assessment(&a).unwrap();
    let stored = f.store.assessment(c, 2024).unwrap();
    assert_eq!(stored.result, "Tre av fyra kontroller gjordes.");
    assert!(f.store.assessment(c, 2025).unwrap().is_empty(), "per year");
    let all = f.store.assessments_of_pledge(f.pledge, 2024).unwrap();
    assert_eq!(all[&c].cause, "Personalbrist i maj.");
    // Saved again from what was read before: refused; emptied from what is stored: gone.
    assert!(matches!(
        f.store.set_assessment(&a),
        Err(StoreError::ChangedByOthers)
    ));
    f.store
        .set_assessment(&Assessment {
            version: stored.version,
            ..Assessment::empty(c, 2024)
        })
        .unwrap();
    assert!(
        f.store
            .assessments_of_pledge(f.pledge, 2024)
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        f.store
            .set_assessment(&Assessment::empty(CommitmentId(999), 2024)),
        Err(StoreError::NotFound(_))
    ));
}

/// Every row of every table, in order: what "put back exactly" is checked against.
fn dump(s: &Store) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
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

#[test]
fn a_period_and_a_kommun_go_whole_and_come_back_exactly() {
    let mut f = fixture();
    let m = f.m;
    // Insatser, a bedömning, a walk and a joint meeting's beslut on the löfte, and a
    // later period copied from it.
    f.store
        .add_activity(&Activity {
            version: 0,
            id: ActivityId(0),
            municipality: m,
            commitment: Some(f.counted.id),
            target: Some(f.counted.targets[0].id),
            date: d("2024-03-01"),
            by: Party::Polisen,
            count: 2,
            place: "Torget".into(),
            description: "Kontroll".into(),
            internal_note: "intern".into(),
        })
        .unwrap();
    f.store
        .set_assessment(&Assessment {
            version: 0,
            commitment: f.counted.id,
            year: 2024,
            result: "Bra".into(),
            cause: String::new(),
            next: String::new(),
        })
        .unwrap();
    let w = f
        .store
        .add_walk(&walk(&f, "2024-05-01", Some(f.counted.id)))
        .unwrap();
    f.store
        .add_observation(&obs(w, "Tunneln", None, ObservationStatus::New))
        .unwrap();
    let area = f.store.municipality(m).unwrap().police_area;
    let meeting = f
        .store
        .add_meeting(&Meeting {
            version: 0,
            id: MeetingId(0),
            group: crate::domain::MeetingGroup::Area(area),
            date: d("2024-06-01"),
            participants: vec![],
            notes: String::new(),
        })
        .unwrap();
    let beslut = f
        .store
        .add_decision(&Decision {
            version: 0,
            id: DecisionId(0),
            meeting,
            text: "Följ upp".into(),
            responsible: String::new(),
            deadline: None,
            commitment: Some(f.counted.id),
            status: DecisionStatus::Open,
            status_reason: String::new(),
            status_date: None,
        })
        .unwrap();
    let later = f
        .store
        .copy_pledge_forward(f.pledge, Period::year(2025).unwrap(), &[])
        .unwrap();
    let before = dump(&f.store);
    // The period: its löften, targets, insatser and bedömning go; links to them are cut.
    let r = f.store.pledge_removal(f.pledge).unwrap();
    assert_eq!(r.summary(), "1 medborgarlöfte, 2 löften, 1 insats");
    f.store.remove(&r).unwrap();
    assert!(f.store.pledge(f.pledge).is_err());
    assert_eq!(f.store.activity_count().unwrap(), 0);
    assert_eq!(f.store.walk(w).unwrap().commitment, None);
    assert_eq!(f.store.decision(beslut).unwrap().commitment, None);
    assert!(f.store.copied_from(later).unwrap().is_empty());
    f.store.restore_removed(&r).unwrap();
    assert_eq!(dump(&f.store), before, "every row and link as it was");
    // The whole kommun: its walks, its own meetings and both periods; the area's joint
    // meeting stays, without the link.
    let r = f.store.municipality_removal(m).unwrap();
    assert!(
        r.summary()
            .starts_with("2 medborgarlöften, 4 löften, 1 insats, 1 trygghetsvandring"),
        "{}",
        r.summary()
    );
    f.store.remove(&r).unwrap();
    assert!(f.store.municipality(m).is_err());
    assert_eq!(f.store.decision(beslut).unwrap().commitment, None);
    f.store.restore_removed(&r).unwrap();
    assert_eq!(dump(&f.store), before);
}

#[test]
fn a_walk_cannot_move_past_its_observations_deadlines() {
    let mut f = fixture();
    let w = f.store.add_walk(&walk(&f, "2024-05-01", None)).unwrap();
    f.store
        .add_observation(&obs(
            w,
            "Tunneln",
            Some("2024-06-01"),
            ObservationStatus::New,
        ))
        .unwrap();
    let mut moved = f.store.walk(w).unwrap();
    moved.date = d("2024-06-15");
    let err = f.store.update_walk(&moved).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Invalid(crate::validate::Invalid::WalkAfterDeadline { .. })
        ),
        "{err}"
    );
    assert!(err.to_string().contains("Tunneln"), "{err}");
    assert_eq!(
        f.store.walk(w).unwrap().date,
        d("2024-05-01"),
        "nothing changed"
    );
    // Up to the deadline is fine.
    moved.date = d("2024-06-01");
    f.store.update_walk(&moved).unwrap();
    assert_eq!(f.store.walk(w).unwrap().date, d("2024-06-01"));
}

#[test]
fn a_removal_is_read_and_made_in_one_transaction() {
    let mut f = fixture();
    let before = f.store.commitments(f.pledge).unwrap();
    // A read that fails leaves everything as it was.
    assert!(
        f.store
            .remove_read(|s| s.commitment_removal(crate::domain::CommitmentId(9999)))
            .is_err()
    );
    assert_eq!(f.store.commitments(f.pledge).unwrap(), before);
    let r = f
        .store
        .remove_read(|s| s.commitment_removal(f.counted.id))
        .unwrap();
    assert!(f.store.commitment(f.counted.id).is_err());
    f.store.restore_removed(&r).unwrap();
    assert_eq!(f.store.commitments(f.pledge).unwrap(), before);
}

/// Every table is removed with the kommun it belongs to, derived from the schema's own
/// foreign keys; only the lokalpolisområden, which kommuner share, are exempt. A table a
/// migration adds without a key to what owns it fails here.
#[test]
fn every_table_goes_with_its_kommun_or_is_exempt() {
    const EXEMPT: [&str; 1] = ["police_area"];
    let f = fixture();
    let keys = crate::store::tables::foreign_keys(&f.store.conn).unwrap();
    let order = crate::store::tables::tables_in_order(&f.store.conn, &keys)
        .unwrap()
        .expect("the keys do not run in a circle");
    assert!(
        keys.iter()
            .all(|k| k.child != k.parent || k.on_delete == "SET NULL"),
        "a table owning rows of itself needs a recursive removal: {keys:?}"
    );
    let mut owned = vec!["municipality".to_string()];
    for t in &order {
        if keys
            .iter()
            .any(|k| &k.child == t && owned.contains(&k.parent) && k.on_delete != "SET NULL")
        {
            owned.push(t.clone());
        }
    }
    for t in &order {
        assert!(
            owned.contains(t) || EXEMPT.contains(&t.as_str()),
            "{t} is neither removed with its kommun nor exempt"
        );
    }
    assert_eq!(order.len(), owned.len() + EXEMPT.len());
}

/// A table a later migration adds (here one that hangs off löften) is taken by a removal
/// and put back by Ångra without the removal code knowing it.
#[test]
fn a_new_table_is_removed_and_restored_with_its_lofte() {
    // Added here on the fly, the table is in SQLite's schema only (on the server a
    // migration adds it to both, and the reference schema has it).
    let mut f = file_fixture();
    f.store
        .conn
        .execute_batch(
            "CREATE TABLE future_note (id INTEGER PRIMARY KEY, \
             commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE, \
             text TEXT NOT NULL); \
             CREATE TABLE future_link (id INTEGER PRIMARY KEY, \
             commitment_id INTEGER REFERENCES commitment(id) ON DELETE SET NULL);",
        )
        .unwrap();
    let c = f.counted.id.0;
    f.store
        .conn
        .execute(
            "INSERT INTO future_note (commitment_id, text) VALUES (?1, 'kvar efter Ångra')",
            [c],
        )
        .unwrap();
    f.store
        .conn
        .execute("INSERT INTO future_link (commitment_id) VALUES (?1)", [c])
        .unwrap();
    let before = dump(&f.store);
    let r = f
        .store
        .remove_read(|s| s.commitment_removal(f.counted.id))
        .unwrap();
    let notes: i64 = f
        .store
        .conn
        .query_row("SELECT count(*) FROM future_note", (), |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
    let link: Option<i64> = f
        .store
        .conn
        .query_row("SELECT commitment_id FROM future_link", (), |r| r.get(0))
        .unwrap();
    assert_eq!(link, None);
    f.store.restore_removed(&r).unwrap();
    assert_eq!(
        dump(&f.store),
        before,
        "the new tables' rows and links are back"
    );
}
