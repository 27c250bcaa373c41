//! Minnesanteckningar from a lägesbildsmöte: a pure model built from the records, laid
//! out on A4 by the same layer as the uppföljning. No field holds an internal note.

use super::layout::{self, BLACK, Cell, Column, GREY, Layout, Metrics, Pages};
use super::pdf::{Pdf, finish_pages, font_metrics, write_pdf};
use crate::domain::{
    BoardData, DecisionItem, DecisionStatus, Meeting, OpenObservation, Party, PublicActivity,
    palette,
};
use crate::summary::{expected_now, summarize};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub municipality: String,
    pub date: NaiveDate,
    /// The day the minutes were written (the PDF's date).
    pub written: NaiveDate,
    pub participants: Vec<String>,
    pub notes: String,
    pub previous: Option<NaiveDate>,
    pub since: Vec<SinceLine>,
    pub behind: Vec<BehindLine>,
    pub measures: Vec<MeasureLine>,
    pub decisions: Vec<DecisionLine>,
    /// Open beslut of earlier meetings, with the date of their meeting.
    pub carried: Vec<(NaiveDate, DecisionLine)>,
}

impl Minutes {
    pub fn title(&self) -> String {
        format!("Lägesbildsmöte {} — {}", self.date, self.municipality)
    }
}

/// An insats since the previous meeting: public fields only.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceLine {
    pub date: NaiveDate,
    pub commitment: String,
    pub by: Party,
    pub count: u32,
    pub place: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BehindLine {
    pub text: String,
    pub party: Party,
    pub done: u32,
    pub goal: u32,
    pub expected: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureLine {
    pub place: String,
    pub measure: String,
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionLine {
    /// The beslut; at a joint meeting led by its kommun ("Bromölla: …").
    pub text: String,
    /// The löfte it is about.
    pub lofte: Option<String>,
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub status: DecisionStatus,
    /// Open and past its deadline on the meeting's date.
    pub overdue: bool,
}

impl DecisionLine {
    /// Beslut `d` as of `day`, its kommun named when `joint`.
    pub fn of(d: &DecisionItem, day: NaiveDate, joint: bool) -> DecisionLine {
        let text = match d.kommun() {
            Some(k) if joint => format!("{k}: {}", d.decision.text),
            _ => d.decision.text.clone(),
        };
        DecisionLine {
            text,
            lofte: d.lofte.as_ref().map(|l| l.text.clone()),
            responsible: d.decision.responsible.clone(),
            deadline: d.decision.deadline,
            status: d.decision.status,
            overdue: d.decision.is_overdue(day),
        }
    }
}

/// What the minutes are made of, as read by the caller.
pub struct MinutesInput<'a> {
    pub meeting: &'a Meeting,
    pub written: NaiveDate,
    pub decisions: &'a [DecisionItem],
    /// The medborgarlöften covering the meeting's date: one for a kommun's meeting, one
    /// per kommun (that has one) for a lokalpolisområde's.
    pub boards: &'a [BoardData],
    pub previous: Option<NaiveDate>,
    /// Insatser since the previous meeting, each with its kommun.
    pub since: &'a [(String, PublicActivity)],
    /// Open åtgärder from walks, each with its kommun.
    pub open_items: &'a [(String, OpenObservation)],
    pub carried: &'a [DecisionItem],
}

/// The minutes of one meeting, as of its date.
pub fn build_minutes(municipality: &str, i: &MinutesInput) -> Minutes {
    let day = i.meeting.date;
    // A joint meeting's lines say which kommun they are about.
    let joint = matches!(i.meeting.group, crate::domain::MeetingGroup::Area(_));
    let named = |kommun: &str, text: String| {
        if joint {
            format!("{kommun}: {text}")
        } else {
            text
        }
    };
    let text_of = |c| {
        i.boards
            .iter()
            .flat_map(|b| b.commitments.iter())
            .find(|x| Some(x.id) == c)
            .map(|x| x.text.clone())
            .unwrap_or_else(|| "–".into())
    };
    let behind = i
        .boards
        .iter()
        .flat_map(|b| {
            let summary = summarize(b, day);
            summary
                .behind()
                .flat_map(|r| {
                    r.targets
                        .iter()
                        .filter(|t| t.progress.behind_plan)
                        .map(|t| BehindLine {
                            // A löfte with several mål is named once per mål behind, with
                            // the mål's own name.
                            text: named(
                                &b.municipality.name,
                                if r.targets.len() > 1 {
                                    format!("{} — mål: {}", r.commitment.text, t.target.name())
                                } else {
                                    r.commitment.text.clone()
                                },
                            ),
                            party: r.commitment.party,
                            done: t.progress.done,
                            goal: t.progress.goal,
                            expected: expected_now(t, b.pledge.period, day),
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Minutes {
        municipality: municipality.to_string(),
        date: day,
        written: i.written,
        participants: i.meeting.participants.clone(),
        notes: i.meeting.notes.clone(),
        previous: i.previous,
        since: i
            .since
            .iter()
            .map(|(kommun, a)| SinceLine {
                date: a.date,
                commitment: named(kommun, text_of(a.commitment)),
                by: a.by,
                count: a.count,
                place: a.place.clone(),
                description: a.description.clone(),
            })
            .collect(),
        behind,
        measures: i
            .open_items
            .iter()
            .map(|(kommun, o)| {
                let o = &o.observation;
                MeasureLine {
                    place: named(kommun, o.place.clone()),
                    measure: if o.measure.is_empty() {
                        o.description.clone()
                    } else {
                        o.measure.clone()
                    },
                    responsible: o.responsible.clone(),
                    deadline: o.deadline,
                    overdue: o.deadline.is_some_and(|d| d < day),
                }
            })
            .collect(),
        decisions: i
            .decisions
            .iter()
            .map(|d| DecisionLine::of(d, day, joint))
            .collect(),
        carried: i
            .carried
            .iter()
            .map(|d| (d.meeting_date, DecisionLine::of(d, day, joint)))
            .collect(),
    }
}

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;

fn deadline(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "–".into())
}

/// Lays the minutes out as pages.
pub fn layout_minutes(mn: &Minutes, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    l.heading(&mn.title(), 16.0, 20.0);
    let who = if mn.participants.is_empty() {
        "–".to_string()
    } else {
        mn.participants.join(", ")
    };
    l.paragraph(&format!("Deltagare: {who}"), BODY, false, GREY, 0.0);
    if let Some(p) = mn.previous {
        l.paragraph(&format!("Förra mötet: {p}"), BODY, false, GREY, 0.0);
    }
    l.space(3.0);
    l.heading("Lägesbild", 12.0, 12.0);
    l.paragraph(layout::or_dash(&mn.notes), BODY, false, BLACK, 0.0);
    l.space(3.0);
    l.heading("Beslut", 12.0, 16.0);
    decision_table(&mut l, &mn.decisions, None);
    l.space(3.0);
    l.heading("Öppna beslut från tidigare möten", 12.0, 16.0);
    let dates: Vec<NaiveDate> = mn.carried.iter().map(|(d, _)| *d).collect();
    let lines: Vec<DecisionLine> = mn.carried.iter().map(|(_, l)| l.clone()).collect();
    decision_table(&mut l, &lines, Some(&dates));
    l.space(3.0);
    l.heading(
        &match mn.previous {
            Some(p) => format!("Sedan förra mötet ({p}): {} insatser", mn.since.len()),
            None => format!("De senaste 30 dagarna: {} insatser", mn.since.len()),
        },
        12.0,
        16.0,
    );
    since_table(&mut l, mn);
    l.space(3.0);
    l.heading("Löften efter plan", 12.0, 16.0);
    behind_table(&mut l, mn);
    l.space(3.0);
    l.heading("Åtgärder från trygghetsvandringar", 12.0, 16.0);
    measures_table(&mut l, mn);
    let footer = format!("{} · Lägesbildsmöte {}", mn.municipality, mn.date);
    finish_pages(l, m, &footer, &mn.title())
}

/// The insatser since the previous meeting (or the last 30 days).
fn since_table(l: &mut Layout, mn: &Minutes) {
    if mn.since.is_empty() {
        l.paragraph("Inga insatser.", BODY, false, GREY, 0.0);
    } else {
        let cols = [
            Column::new("Datum", 23.0),
            Column::new("Löfte", 49.0),
            Column::new("Utförd av", 22.0),
            Column::new("Plats", 28.0),
            Column::new("Vad", layout::CONTENT_W - 122.0),
        ];
        let rows: Vec<Vec<Cell>> = mn
            .since
            .iter()
            .map(|s| {
                let by = if s.count > 1 {
                    format!("{} ({} st)", s.by.label(), s.count)
                } else {
                    s.by.label().to_string()
                };
                vec![
                    Cell::plain(s.date.to_string()),
                    Cell::plain(&s.commitment),
                    Cell::plain(by),
                    Cell::plain(layout::or_dash(&s.place)),
                    Cell::plain(layout::or_dash(&s.description)),
                ]
            })
            .collect();
        l.table(&cols, &rows, SMALL);
    }
}

/// The löften behind plan.
fn behind_table(l: &mut Layout, mn: &Minutes) {
    if mn.behind.is_empty() {
        l.paragraph("Inga löften efter plan.", BODY, false, GREY, 0.0);
    } else {
        let cols = [
            Column::new("Löfte", layout::CONTENT_W - 70.0),
            Column::new("Ansvarig", 24.0),
            Column::new("Utfört/mål", 22.0),
            Column::new("Borde vara", 24.0),
        ];
        let amber = palette::AMBER;
        let rows: Vec<Vec<Cell>> = mn
            .behind
            .iter()
            .map(|b| {
                vec![
                    Cell::plain(&b.text),
                    Cell::plain(b.party.label()),
                    Cell::colored(format!("{}/{}", b.done, b.goal), amber),
                    Cell::plain(b.expected.to_string()),
                ]
            })
            .collect();
        l.table(&cols, &rows, SMALL);
    }
}

/// The open åtgärder from the walks.
fn measures_table(l: &mut Layout, mn: &Minutes) {
    if mn.measures.is_empty() {
        l.paragraph("Inga öppna åtgärder.", BODY, false, GREY, 0.0);
    } else {
        let cols = [
            Column::new("Plats", 36.0),
            Column::new("Åtgärd", layout::CONTENT_W - 106.0),
            Column::new("Ansvarig", 40.0),
            Column::new("Senast", 30.0),
        ];
        let rows: Vec<Vec<Cell>> = mn
            .measures
            .iter()
            .map(|o| {
                let when = match (o.deadline, o.overdue) {
                    (Some(d), true) => Cell::colored(format!("{d} försenad"), palette::RED),
                    (d, _) => Cell::plain(deadline(d)),
                };
                vec![
                    Cell::plain(&o.place),
                    Cell::plain(layout::or_dash(&o.measure)),
                    Cell::plain(layout::or_dash(&o.responsible)),
                    when,
                ]
            })
            .collect();
        l.table(&cols, &rows, SMALL);
    }
}

/// Beslut with ansvarig, deadline and status; with `held`, the date of each one's meeting.
fn decision_table(l: &mut Layout, lines: &[DecisionLine], held: Option<&[NaiveDate]>) {
    if lines.is_empty() {
        l.paragraph("Inga.", BODY, false, GREY, 0.0);
        return;
    }
    let mut cols = vec![];
    if held.is_some() {
        cols.push(Column::new("Möte", 22.0));
    }
    let text_w = layout::CONTENT_W - 88.0 - if held.is_some() { 22.0 } else { 0.0 };
    cols.extend([
        Column::new("Beslut", text_w),
        Column::new("Ansvarig", 40.0),
        Column::new("Senast", 24.0),
        Column::new("Status", 24.0),
    ]);
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut row = Vec::new();
            if let Some(h) = held {
                row.push(Cell::plain(
                    h.get(i).map(|d| d.to_string()).unwrap_or_default(),
                ));
            }
            let status = match d.status {
                DecisionStatus::Open if d.overdue => Cell::colored("Försenad", palette::RED),
                DecisionStatus::Open => Cell::colored(d.status.label(), palette::BLUE),
                DecisionStatus::Done => Cell::colored(d.status.label(), palette::GREEN),
                DecisionStatus::Struck => Cell::colored(d.status.label(), palette::GREY),
            };
            let when = match d.deadline {
                Some(dl) if d.overdue => Cell::colored(dl.to_string(), palette::RED),
                dl => Cell::plain(deadline(dl)),
            };
            let text = match &d.lofte {
                Some(l) => format!("{}\nLöfte: {l}", d.text),
                None => d.text.clone(),
            };
            row.extend([
                Cell::plain(text),
                Cell::plain(layout::or_dash(&d.responsible)),
                when,
                status,
            ]);
            row
        })
        .collect();
    l.table(&cols, &rows, SMALL);
}

/// The minutes as an A4 PDF.
pub fn render_minutes(mn: &Minutes, dnr: Option<&str>) -> Result<Pdf, String> {
    let metrics = font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_minutes(mn, &metrics);
    write_pdf(
        &super::tagged::Meta {
            title: &mn.title(),
            subject: "Minnesanteckningar",
            made: mn.written,
            dnr,
        },
        pages,
    )
}
