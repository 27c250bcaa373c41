//! Tests of `meeting.rs`.

use super::*;

#[test]
fn the_agenda_moves_within_its_steps() {
    assert_eq!(Step::SinceLast.moved(1), Step::Situation);
    assert_eq!(Step::SinceLast.moved(-1), Step::SinceLast);
    assert_eq!(Step::Decisions.moved(1), Step::Decisions);
    assert_eq!(Step::Board.moved(-2), Step::Behind);
}

#[test]
fn a_typed_beslut_is_checked_before_it_is_added() {
    let mut d = DecisionDraft {
        text: "  Sanera klottret ".into(),
        responsible: "Kommunen".into(),
        deadline: "2024-13-01".into(),
        ..Default::default()
    };
    assert!(
        d.build(MeetingId(3))
            .unwrap_err()
            .to_string()
            .contains("inte ett datum")
    );
    d.deadline = String::new();
    let b = d.build(MeetingId(3)).unwrap();
    assert_eq!(
        (b.text.as_str(), b.meeting, b.deadline),
        ("Sanera klottret", MeetingId(3), None)
    );
    assert_eq!(b.status, DecisionStatus::Open);
    d.text = " ".into();
    assert!(d.build(MeetingId(3)).is_err());
}
