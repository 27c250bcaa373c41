//! The uppföljning laid out on A4 pages: title, summary, each löfte, the walks and the
//! appendix of every insats.

use super::layout::{self, BLACK, Cell, Column, GREY, Layout, Metrics, Pages};
use super::model::{CommitmentDetail, FollowUp, WalkDetail};
use super::pdf::{BODY, SMALL, TABLE, finish_pages};
use crate::domain::{Status, palette};

/// Lays the report out as pages of positioned items (no PDF yet).
pub fn layout_pages(f: &FollowUp, m: &dyn Metrics) -> Pages {
    let mut l = Layout::new(m);
    follow_up_body(&mut l, f);
    let footer = format!("{} · Medborgarlöfte {}", f.municipality, f.period);
    finish_pages(l, m, &footer, &f.title())
}

/// A kommun's uppföljning from where the layout stands: title, summary, löften, walks,
/// and the appendix when asked for.
pub(super) fn follow_up_body(l: &mut Layout, f: &FollowUp) {
    title_block(l, f);
    summary(l, f);
    indicators(l, f);
    incidents(l, f);
    details(l, f);
    walks(l, f);
    appendix(l, f);
}

fn title_block(l: &mut Layout, f: &FollowUp) {
    l.heading(&f.title(), 16.0, 20.0);
    l.paragraph(
        &format!(
            "Lokalpolisområde {} · {} · Rapportdatum {}",
            f.police_area, f.pledge_title, f.report_date
        ),
        BODY,
        false,
        GREY,
        0.0,
    );
    if f.preliminary {
        l.paragraph(
            &format!(
                "Preliminär uppföljning: perioden {} pågår fortfarande.",
                f.period
            ),
            BODY,
            true,
            palette::status(Status::InProgress),
            0.0,
        );
    }
    l.space(3.0);
    if !f.goal.is_empty() {
        l.paragraph(&f.goal, BODY, false, BLACK, 0.0);
        l.space(2.0);
    }
    if !f.signatories.is_empty() {
        l.paragraph("Undertecknat av", BODY, true, BLACK, 0.0);
        for s in &f.signatories {
            l.list_item(&format!("{}, {}", s.name, s.role), BODY, false, BLACK, 4.0);
        }
    }
    if let Some(c) = &f.contact {
        l.paragraph(&format!("Kontakt: {c}"), BODY, false, BLACK, 0.0);
    }
    l.space(4.0);
}

fn summary(l: &mut Layout, f: &FollowUp) {
    l.heading("Sammanfattning", 14.0, 30.0);
    l.paragraph(
        &format!("Medborgarlöftet innehåller {} löften.", f.total()),
        BODY,
        false,
        BLACK,
        0.0,
    );
    l.space(1.0);
    let cols: Vec<Column> = f
        .counts
        .iter()
        .map(|(s, _)| Column::new(s.label(), 34.0))
        .collect();
    let row: Vec<Cell> = f
        .counts
        .iter()
        .map(|(s, n)| Cell::colored(n.to_string(), palette::status(*s)))
        .collect();
    l.table(&cols, &[row], TABLE);
    l.space(1.5);
    // The same counts as a bar, each part in its status colour (the words are above).
    let parts: Vec<(f32, layout::Rgb)> = f
        .counts
        .iter()
        .map(|(s, n)| (*n as f32, palette::status(*s)))
        .collect();
    l.bar(&parts, 170.0, 5.0);
    l.space(2.0);
    if let Some(prev) = &f.previous {
        year_on_year(l, f, prev);
    }
    // What the samverkan says of the year as a whole, before the numbers per löfte.
    for (title, text) in [
        ("Samlad bedömning", &f.overall),
        ("Så går vi vidare", &f.next),
    ] {
        if !text.trim().is_empty() {
            l.heading(title, 12.0, 16.0);
            l.paragraph(text, BODY, false, BLACK, 0.0);
            l.space(2.0);
        }
    }
    if f.per_month.iter().any(|(_, n)| *n > 0) {
        let total: u32 = f.per_month.iter().map(|(_, n)| n).sum();
        l.paragraph(
            &format!("Insatser per månad ({total} tillfällen)"),
            SMALL,
            true,
            BLACK,
            0.0,
        );
        l.space(1.0);
        let alt = crate::domain::charts::column_chart_alt(
            &format!("Insatser per månad {} ({total} tillfällen)", f.period),
            &f.per_month,
        );
        l.column_chart(&f.per_month, 170.0, 22.0, palette::BLUE, &alt);
        l.space(2.0);
    }
    l.heading("Alla löften", 12.0, 20.0);
    // Mål and Ansvarig as wide as their longest word; the löfte gets the rest. Each
    // avsnitt is a heading row across the table.
    let m = l.metrics();
    let texts = |f_: fn(&super::model::SummaryRow) -> &str| -> Vec<&str> {
        f.rows.iter().map(f_).collect()
    };
    let party_w = layout::word_width(
        m,
        "Ansvarig",
        &texts(|r| r.party.label()),
        SMALL,
        16.0,
        26.0,
    );
    let goal_w = layout::word_width(m, "Mål", &texts(|r| &r.goal), SMALL, 26.0, 44.0);
    let (done_w, status_w) = (18.0, 24.0);
    let cols = [
        Column::new(
            "Löfte",
            layout::CONTENT_W - party_w - goal_w - done_w - status_w,
        ),
        Column::new("Ansvarig", party_w),
        Column::new("Mål", goal_w),
        Column::new("Utfört", done_w),
        Column::new("Status", status_w),
    ];
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (i, r) in f.rows.iter().enumerate() {
        if i == 0 || f.rows[i - 1].section != r.section {
            rows.push(vec![Cell::plain(&r.section)]);
        }
        rows.push(vec![
            Cell::plain(&r.text),
            Cell::plain(r.party.label()),
            Cell::plain(&r.goal),
            match r.progress {
                Some(share) => Cell::plain(&r.done).with_bar(share, palette::status(r.status)),
                None => Cell::plain(&r.done),
            },
            Cell::colored(r.status.label(), palette::status(r.status)),
        ]);
    }
    l.table_captioned(Some("Alla löften"), &cols, &rows, SMALL);
}

/// Every indicator of the kommun: its last years' values, which way it went, its source.
fn indicators(l: &mut Layout, f: &FollowUp) {
    if f.indicators.is_empty() {
        return;
    }
    l.space(4.0);
    l.heading("Indikatorer", 14.0, 30.0);
    let mut years: Vec<i32> = f
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|(y, _)| *y))
        .collect();
    years.sort_unstable();
    years.dedup();
    let years = &years[years
        .len()
        .saturating_sub(crate::domain::indicators::WORDS_VALUES)..];
    let titles: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    let name_w = layout::CONTENT_W - 16.0 * years.len() as f32 - 34.0;
    let mut cols = vec![Column::new("Indikator", name_w)];
    cols.extend(titles.iter().map(|y| Column::new(y, 16.0)));
    cols.push(Column::new("Utveckling", 34.0));
    let mut rows = Vec::new();
    for i in &f.indicators {
        let mut name = i.name.clone();
        if !i.source.is_empty() {
            name.push_str(&format!(" (källa: {})", i.source));
        }
        let mut row = vec![Cell::plain(name)];
        row.extend(years.iter().map(|y| {
            Cell::plain(
                i.values
                    .iter()
                    .find(|(k, _)| k == y)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| "–".into()),
            )
        }));
        let better = if i.lower_is_better {
            "lägre är bättre"
        } else {
            "högre är bättre"
        };
        row.push(Cell::plain(match i.trend {
            Some(t) => format!("{t} ({better})"),
            None => better.to_string(),
        }));
        rows.push(row);
    }
    l.table(&cols, &rows, SMALL);
    l.space(2.0);
}

/// The year's händelser in counts only (per kategori and område, "färre än 3" below 3):
/// what a public report may say of them.
fn incidents(l: &mut Layout, f: &FollowUp) {
    let Some(h) = &f.incidents else { return };
    l.space(4.0);
    l.heading(&format!("Händelser {}", h.year), 14.0, 30.0);
    l.paragraph(
        &format!(
            "Inrapporterade händelser i offentlig miljö under {} (skadegörelse, klotter, \
             nedskräpning och annat som skapar otrygghet): {} i allt. Färre än 3 skrivs så, \
             för att ingen enskild händelse ska gå att peka ut.",
            h.year, h.total
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    l.space(1.0);
    for (first, list) in [("Kategori", &h.categories), ("Område", &h.areas)] {
        let cols = [Column::new(first, 80.0), Column::new("Antal", 30.0)];
        let rows: Vec<Vec<Cell>> = list
            .iter()
            .map(|(n, c)| vec![Cell::plain(n.clone()), Cell::plain(c.clone())])
            .collect();
        l.table(&cols, &rows, SMALL);
        l.space(1.0);
    }
}

/// How this medborgarlöfte's statuses compare with the previous one's.
fn year_on_year(l: &mut Layout, f: &FollowUp, prev: &super::model::PreviousPeriod) {
    let done = super::model::done_of;
    l.paragraph(
        &format!(
            "Jämfört med medborgarlöftet {}: då blev {} av {} löften genomförda, nu {} av {}.",
            prev.period,
            done(&prev.counts),
            prev.total(),
            done(&f.counts),
            f.total()
        ),
        BODY,
        false,
        BLACK,
        0.0,
    );
    l.space(1.0);
    let mut cols = vec![Column::new("Period", 24.0), Column::new("Löften", 16.0)];
    cols.extend(f.counts.iter().map(|(s, _)| Column::new(s.label(), 26.0)));
    let row = |period: String, total: u32, counts: &[(Status, u32)]| {
        let mut r = vec![Cell::plain(period), Cell::plain(total.to_string())];
        r.extend(
            counts
                .iter()
                .map(|(s, n)| Cell::colored(n.to_string(), palette::status(*s))),
        );
        r
    };
    let rows = [
        row(prev.period.to_string(), prev.total(), &prev.counts),
        row(f.period.to_string(), f.total(), &f.counts),
    ];
    l.table(&cols, &rows, SMALL);
    l.space(1.0);
}

fn commitment(l: &mut Layout, c: &CommitmentDetail) {
    let lines = layout::wrap(l.metrics(), &c.text, BODY, true, layout::CONTENT_W);
    l.ensure(lines.len() as f32 * layout::line_height(BODY) + 14.0);
    l.paragraph(&c.text, BODY, true, BLACK, 0.0);
    let mut facts = format!(
        "Ansvarig: {} · Mål: {}",
        c.party.label(),
        c.goal.replace('\n', "; ")
    );
    if c.goal != "–" {
        facts.push_str(&format!(" · Utfört: {}", c.done.replace('\n', "; ")));
    }
    l.paragraph(&facts, SMALL, false, GREY, 0.0);
    l.paragraph(
        &format!("Status: {}", c.status.label()),
        SMALL,
        true,
        palette::status(c.status),
        0.0,
    );
    if let Some(reason) = &c.manual_reason {
        l.paragraph(&format!("Motivering: {reason}"), SMALL, false, BLACK, 0.0);
    }
    if let Some(last) = &c.last_time {
        l.paragraph(&format!("Förra perioden: {last}"), SMALL, false, GREY, 0.0);
    }
    for i in &c.indicators {
        l.paragraph(&format!("Indikator: {i}"), SMALL, false, BLACK, 0.0);
    }
    for (title, text) in [
        ("Resultat och bedömning", &c.result),
        ("Orsak", &c.cause),
        ("Fortsättning", &c.next),
    ] {
        if !text.trim().is_empty() {
            l.paragraph(title, SMALL, true, BLACK, 0.0);
            l.paragraph(text, BODY, false, BLACK, 0.0);
        }
    }
    if c.walks > 0 {
        l.paragraph(
            &format!("Trygghetsvandringar kopplade till löftet: {}", c.walks),
            SMALL,
            false,
            BLACK,
            0.0,
        );
    }
    if c.activities.is_empty() {
        l.paragraph("Inga insatser registrerade.", SMALL, false, GREY, 0.0);
    } else {
        l.paragraph(&activity_summary(&c.activities), SMALL, false, BLACK, 0.0);
    }
    l.space(3.0);
}

/// "12 insatser (14 tillfällen): Polisen 8, Kommunen 4. Oftast: Torget 5, Centrum 3.
/// Per månad: jan 2, feb 3 …" — what the body says instead of one row per insats.
pub fn activity_summary(activities: &[super::model::ActivityLine]) -> String {
    use crate::domain::charts::MONTHS;
    use std::collections::BTreeMap;
    let times: u32 = activities.iter().map(|a| a.count).sum();
    let mut by_party: BTreeMap<&str, u32> = BTreeMap::new();
    let mut places: BTreeMap<&str, u32> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for a in activities {
        *by_party.entry(a.by.label()).or_default() += a.count;
        if !a.place.trim().is_empty() {
            *places.entry(a.place.trim()).or_default() += a.count;
        }
        use chrono::Datelike;
        *months.entry((a.date.year(), a.date.month())).or_default() += a.count;
    }
    let n = activities.len();
    let mut text = format!(
        "{n} {} ({times} {}): {}.",
        if n == 1 { "insats" } else { "insatser" },
        if times == 1 {
            "tillfälle"
        } else {
            "tillfällen"
        },
        by_party
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut top: Vec<(&str, u32)> = places.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !top.is_empty() {
        let shown: Vec<String> = top
            .iter()
            .take(3)
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        text.push_str(&format!(" Oftast: {}.", shown.join(", ")));
    }
    let years: std::collections::BTreeSet<i32> = months.keys().map(|(y, _)| *y).collect();
    let per_month: Vec<String> = months
        .iter()
        .map(|((y, m), n)| {
            let name = MONTHS[(*m as usize).saturating_sub(1).min(11)];
            if years.len() > 1 {
                format!("{name} {y} {n}")
            } else {
                format!("{name} {n}")
            }
        })
        .collect();
    text.push_str(&format!(" Per månad: {}.", per_month.join(", ")));
    text
}

/// "Bilaga: insatser": every insats, per löfte, for whoever wants the detail.
fn appendix(l: &mut Layout, f: &FollowUp) {
    if !f.appendix
        || f.sections
            .iter()
            .all(|s| s.commitments.iter().all(|c| c.activities.is_empty()))
    {
        return;
    }
    l.new_page();
    l.heading("Bilaga: insatser", 14.0, 30.0);
    for s in &f.sections {
        for c in s.commitments.iter().filter(|c| !c.activities.is_empty()) {
            let lines = layout::wrap(l.metrics(), &c.text, SMALL, true, layout::CONTENT_W);
            l.ensure(lines.len() as f32 * layout::line_height(SMALL) + 16.0);
            l.paragraph(&c.text, SMALL, true, BLACK, 0.0);
            activity_table(l, c, &crate::validate::clip(&c.text, 90));
            l.space(2.0);
        }
    }
}

fn activity_table(l: &mut Layout, c: &CommitmentDetail, caption: &str) {
    let cols = [
        Column::new("Datum", 22.0),
        Column::new("Utförd av", 22.0),
        Column::new("Antal", 12.0),
        Column::new("Plats", 36.0),
        Column::new("Beskrivning", 78.0),
    ];
    let rows: Vec<Vec<Cell>> = c
        .activities
        .iter()
        .map(|a| {
            vec![
                Cell::plain(a.date.to_string()),
                Cell::plain(a.by.label()),
                Cell::plain(a.count.to_string()),
                Cell::plain(&a.place),
                Cell::plain(&a.description),
            ]
        })
        .collect();
    l.table_captioned(Some(caption), &cols, &rows, SMALL);
}

fn details(l: &mut Layout, f: &FollowUp) {
    // A new page, unless most of this one is still free (a table that just spilled over).
    if l.fits(layout::TOP - layout::BOTTOM - 60.0) {
        l.space(6.0);
    } else {
        l.new_page();
    }
    l.heading("Löften och insatser per avsnitt", 14.0, 30.0);
    for s in &f.sections {
        l.space(2.0);
        l.heading(&s.title, 12.0, 25.0);
        l.rule();
        for c in &s.commitments {
            // A löfte that starts a new page says which avsnitt it belongs to.
            let lines = layout::wrap(l.metrics(), &c.text, BODY, true, layout::CONTENT_W);
            if !l.fits(lines.len() as f32 * layout::line_height(BODY) + 14.0) {
                l.new_page();
                l.artifact(|l| {
                    l.paragraph(&format!("{} (forts.)", s.title), SMALL, true, GREY, 0.0)
                });
                l.space(1.0);
            }
            commitment(l, c);
        }
    }
}

fn walk(l: &mut Layout, w: &WalkDetail, report_date: chrono::NaiveDate) {
    // The heading keeps its facts, the table's header and a first row with it.
    l.heading(
        &format!("{} · {} · {}", w.date, w.area, w.time_of_day),
        BODY + 1.0,
        40.0,
    );
    let orgs = layout::list_or_dash(&w.organisations);
    l.paragraph(
        &format!("{} deltagare · Organisationer: {orgs}", w.participants),
        SMALL,
        false,
        GREY,
        0.0,
    );
    let counts: Vec<String> = w
        .by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| s.counted(*n))
        .collect();
    l.paragraph(
        &if counts.is_empty() {
            "Inga åtgärder.".to_string()
        } else {
            format!("Åtgärderna: {}.", counts.join(", "))
        },
        SMALL,
        false,
        BLACK,
        0.0,
    );
    if !w.seen.is_empty() {
        l.paragraph("Vad som sågs och vad som görs", SMALL, true, BLACK, 0.0);
        let cols = [
            Column::new("Plats", 36.0),
            Column::new("Iakttagelse", 40.0),
            Column::new("Åtgärd", 30.0),
            Column::new("Ansvarig", 34.0),
            Column::new("Status", 30.0),
        ];
        let rows: Vec<Vec<Cell>> = w
            .seen
            .iter()
            .map(|o| {
                let seen = if o.description.trim().is_empty() {
                    o.category.clone()
                } else {
                    format!("{}: {}", o.category, o.description)
                };
                let late = !o.positive
                    && o.status.is_open()
                    && o.deadline.is_some_and(|d| d < report_date);
                let status = match (o.positive, o.deadline, o.status.is_open()) {
                    (true, _, _) => "Upplevs tryggt".to_string(),
                    (false, Some(d), true) if late => {
                        format!("{} (senast {d}, försenad)", o.status.label())
                    }
                    (false, Some(d), true) => format!("{} (senast {d})", o.status.label()),
                    _ => o.status.label().to_string(),
                };
                vec![
                    Cell::plain(&o.place),
                    Cell::plain(seen),
                    Cell::plain(layout::or_dash(&o.measure)),
                    Cell::plain(layout::or_dash(&o.responsible)),
                    Cell::colored(
                        status,
                        match o.positive {
                            true => palette::GREEN,
                            false if late => palette::RED,
                            false => palette::observation_status(o.status),
                        },
                    ),
                ]
            })
            .collect();
        l.table(&cols, &rows, SMALL);
    }
    if !w.photos.is_empty() {
        // A few pictures of what was seen; the walk's protokoll has them all.
        l.space(1.5);
        // The caption stays with the first row of pictures.
        l.ensure(layout::line_height(SMALL) + 34.0);
        l.paragraph(
            &format!("Bilder från vandringen {} · {}", w.date, w.area),
            SMALL,
            true,
            BLACK,
            0.0,
        );
        let photos: Vec<layout::LayoutPhoto> = w
            .photos
            .iter()
            .map(|(p, alt)| layout::LayoutPhoto::new(p, alt))
            .collect();
        l.photos(&photos, 40.0, 30.0);
    }
    l.space(3.0);
}

fn walks(l: &mut Layout, f: &FollowUp) {
    l.space(4.0);
    l.heading("Trygghetsvandringar", 14.0, 25.0);
    if f.walks.is_empty() {
        l.paragraph(
            &format!("Inga trygghetsvandringar registrerade {}.", f.period),
            BODY,
            false,
            GREY,
            0.0,
        );
    }
    for w in &f.walks {
        walk(l, w, f.report_date);
    }
}
