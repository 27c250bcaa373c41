//! Lays out a [`FollowUp`] on A4 pages and writes it with printpdf, embedding a subset of
//! DejaVu Sans so that åäö render and extract everywhere.

use super::layout::{
    self, BLACK, Cell, Column, GREY, Item, Layout, MARGIN_X, Metrics, PAGE_H, PAGE_W, Page, Rgb,
};
use super::model::{CommitmentDetail, FollowUp, WalkDetail};
use crate::domain::{Status, palette};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const TABLE: f32 = 9.0;

/// DejaVu Sans regular and bold, parsed once.
fn fonts() -> Option<&'static (ParsedFont, ParsedFont)> {
    static FONTS: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut w = Vec::new();
            let regular = ParsedFont::from_bytes(dejavu::sans::regular(), 0, &mut w)?;
            let bold = ParsedFont::from_bytes(dejavu::sans::bold(), 0, &mut w)?;
            Some((regular, bold))
        })
        .as_ref()
}

/// The metrics the PDF is laid out with (DejaVu Sans), for tests and tools.
pub fn font_metrics() -> Option<impl Metrics> {
    font_metrics_inner()
}

/// Text widths from the fonts' own glyph advances, cached per character.
struct FontMetrics {
    fonts: &'static (ParsedFont, ParsedFont),
    cache: RefCell<HashMap<(char, bool), f32>>,
}

impl FontMetrics {
    fn advance_em(&self, c: char, bold: bool) -> f32 {
        if let Some(w) = self.cache.borrow().get(&(c, bold)) {
            return *w;
        }
        let f = if bold { &self.fonts.1 } else { &self.fonts.0 };
        let upm = f.pdf_font_metrics.units_per_em.max(1) as f32;
        let gid = f.lookup_glyph_index(c as u32).unwrap_or(0);
        let w = f.get_horizontal_advance(gid) as f32 / upm;
        self.cache.borrow_mut().insert((c, bold), w);
        w
    }
}

impl Metrics for FontMetrics {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let em: f32 = drawn_chars(text, |c| self.has_glyph(c, bold))
            .map(|c| self.advance_em(c, bold))
            .sum();
        em * size * 0.352_778
    }
}

impl FontMetrics {
    fn has_glyph(&self, c: char, bold: bool) -> bool {
        has_glyph(self.fonts, c, bold)
    }
}

/// The embedded font (regular or bold) has a glyph for `c`. Not cached: the lookup is
/// cheaper than a hash map's (measured with `cargo bench --bench report`).
fn has_glyph(fonts: &(ParsedFont, ParsedFont), c: char, bold: bool) -> bool {
    let f = if bold { &fonts.1 } else { &fonts.0 };
    f.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
}

/// Characters that are never drawn: joiners, variation selectors and skin tones that only
/// shape emoji, and direction controls (the order is worked out by [`drawn_text`]).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E01EF}')
}

/// Pictures (emoji and symbols) that the font lacks are left out rather than drawn as
/// empty boxes; any other character it lacks becomes "?", so that missing text shows.
fn pictograph(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

fn drawn_chars(text: &str, has_glyph: impl Fn(char) -> bool) -> impl Iterator<Item = char> {
    text.chars()
        .filter(|c| !invisible(*c))
        .filter_map(move |c| {
            if c.is_whitespace() || has_glyph(c) {
                Some(c)
            } else if pictograph(c) {
                None
            } else {
                Some('?')
            }
        })
}

/// A line as the PDF draws it: what the font cannot draw left out or shown as "?", and
/// right-to-left runs (Hebrew, Arabic) turned into the left-to-right order the page is
/// drawn in (Unicode's bidirectional algorithm). The width is that of
/// [`Metrics::width`]: the same characters, only reordered. Arabic letters are not joined
/// (no shaping): they show in their isolated forms.
pub fn drawn_text(text: &str, has_glyph: impl Fn(char) -> bool) -> String {
    let kept: String = drawn_chars(text, has_glyph).collect();
    use unicode_bidi::BidiClass::{AL, R};
    if !kept
        .chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL))
    {
        return kept;
    }
    let info = unicode_bidi::BidiInfo::new(&kept, None);
    info.paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()))
        .collect()
}

/// `text` as drawn in the embedded font (see [`drawn_text`]).
fn shown(text: &str, bold: bool) -> String {
    match fonts() {
        Some(f) => drawn_text(text, |c| has_glyph(f, c, bold)),
        None => text.to_string(),
    }
}

fn font_metrics_inner() -> Option<FontMetrics> {
    fonts().map(|fonts| FontMetrics {
        fonts,
        cache: RefCell::new(HashMap::new()),
    })
}

/// Lays the report out as pages of positioned items (no PDF yet).
pub fn layout_pages(f: &FollowUp, m: &dyn Metrics) -> Vec<Page> {
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
    details(l, f);
    walks(l, f);
    appendix(l, f);
}

/// Closes the layout with a footer ("… · Sida N av M") on every page and a running
/// header from the second page on.
pub(super) fn finish_pages(l: Layout, m: &dyn Metrics, footer: &str, header: &str) -> Vec<Page> {
    let header = header.to_string();
    let footer_metrics = m;
    l.finish(|n, total, page| {
        let text = format!("{footer} · Sida {n} av {total}");
        let w = footer_metrics.width(&text, SMALL, false);
        page.items.push(Item::Text {
            x: (PAGE_W - w) / 2.0,
            y: 12.0,
            size: SMALL,
            bold: false,
            color: GREY,
            text,
        });
        if n > 1 {
            page.items.push(Item::Text {
                x: MARGIN_X,
                y: PAGE_H - 16.0,
                size: SMALL,
                bold: false,
                color: GREY,
                text: header.clone(),
            });
            page.items.push(Item::Line {
                x1: MARGIN_X,
                y1: PAGE_H - 18.0,
                x2: PAGE_W - MARGIN_X,
                y2: PAGE_H - 18.0,
                color: layout::RULE,
            });
        }
    })
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
            l.paragraph(&format!("{}, {}", s.name, s.role), BODY, false, BLACK, 4.0);
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
        .map(|(s, _)| Column {
            title: s.label(),
            width: 34.0,
        })
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
        l.column_chart(&f.per_month, 170.0, 22.0, palette::BLUE);
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
        Column {
            title: "Löfte",
            width: layout::CONTENT_W - party_w - goal_w - done_w - status_w,
        },
        Column {
            title: "Ansvarig",
            width: party_w,
        },
        Column {
            title: "Mål",
            width: goal_w,
        },
        Column {
            title: "Utfört",
            width: done_w,
        },
        Column {
            title: "Status",
            width: status_w,
        },
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
    let mut cols = vec![
        Column {
            title: "Period",
            width: 24.0,
        },
        Column {
            title: "Löften",
            width: 16.0,
        },
    ];
    cols.extend(f.counts.iter().map(|(s, _)| Column {
        title: s.label(),
        width: 26.0,
    }));
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
        Column {
            title: "Datum",
            width: 22.0,
        },
        Column {
            title: "Utförd av",
            width: 22.0,
        },
        Column {
            title: "Antal",
            width: 12.0,
        },
        Column {
            title: "Plats",
            width: 36.0,
        },
        Column {
            title: "Beskrivning",
            width: 78.0,
        },
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
                l.paragraph(&format!("{} (forts.)", s.title), SMALL, true, GREY, 0.0);
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
            Column {
                title: "Plats",
                width: 36.0,
            },
            Column {
                title: "Iakttagelse",
                width: 40.0,
            },
            Column {
                title: "Åtgärd",
                width: 30.0,
            },
            Column {
                title: "Ansvarig",
                width: 34.0,
            },
            Column {
                title: "Status",
                width: 30.0,
            },
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
        let photos: Vec<layout::LayoutPhoto> =
            w.photos.iter().map(layout::LayoutPhoto::from).collect();
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

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

/// The XObject of each distinct photo (by its bytes' address), added once to the document.
type PhotoIds = std::collections::HashMap<usize, printpdf::XObjectId>;

fn add_photos(doc: &mut PdfDocument, pages: &[Page]) -> PhotoIds {
    use printpdf::{DictItem, ExternalStream, ExternalXObject};
    let mut ids = PhotoIds::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        if let Item::Image { jpeg, px, .. } = item {
            let key = jpeg.as_ptr() as usize;
            if ids.contains_key(&key) {
                continue;
            }
            // The stored JPEG goes in as it is (DCTDecode): no second compression.
            let dict = [
                ("Type", DictItem::Name(b"XObject".to_vec())),
                ("Subtype", DictItem::Name(b"Image".to_vec())),
                ("Width", DictItem::Int(px.0 as i64)),
                ("Height", DictItem::Int(px.1 as i64)),
                ("ColorSpace", DictItem::Name(b"DeviceRGB".to_vec())),
                ("BitsPerComponent", DictItem::Int(8)),
                ("Filter", DictItem::Name(b"DCTDecode".to_vec())),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            let x = ExternalXObject {
                stream: ExternalStream {
                    dict,
                    content: jpeg.to_vec(),
                    compress: false,
                },
                width: None,
                height: None,
                dpi: None,
            };
            ids.insert(key, doc.add_xobject(&x));
        }
    }
    ids
}

fn ops(page: &Page, regular: &FontId, bold: &FontId, photos: &PhotoIds) -> Vec<Op> {
    let mut ops = Vec::new();
    for item in &page.items {
        match item {
            Item::Image {
                x, y, w, h, jpeg, ..
            } => {
                if let Some(id) = photos.get(&(jpeg.as_ptr() as usize)) {
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: printpdf::XObjectTransform {
                            translate_x: Some(Mm(*x).into()),
                            translate_y: Some(Mm(*y).into()),
                            scale_x: Some(Pt::from(Mm(*w)).0),
                            scale_y: Some(Pt::from(Mm(*h)).0),
                            no_auto_scale: true,
                            ..Default::default()
                        },
                    });
                }
            }
            Item::Text {
                x,
                y,
                size,
                bold: b,
                color: c,
                text,
            } => {
                let font = if *b { bold } else { regular };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(*size),
                    },
                    Op::SetFillColor { col: color(*c) },
                    Op::SetTextCursor {
                        pos: Point::new(Mm(*x), Mm(*y)),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(shown(text, *b))],
                    },
                    Op::EndTextSection,
                ]);
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                let mut rect =
                    Rect::from_xywh(Mm(*x).into(), Mm(*y).into(), Mm(*w).into(), Mm(*h).into());
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::SetFillColor { col: color(*c) });
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point::new(Mm(*x1), Mm(*y1)),
                                bezier: false,
                            },
                            LinePoint {
                                p: Point::new(Mm(*x2), Mm(*y2)),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
    }
    ops
}

/// A rendered report.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Renders the report as PDF.
pub fn render_pdf(f: &FollowUp) -> Result<Pdf, String> {
    let metrics = font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_pages(f, &metrics);
    let subject = format!("Medborgarlöfte {} — {}", f.period, f.municipality);
    write_pdf(&f.title(), &subject, f.report_date, &pages)
}

/// Writes laid-out pages as an A4 PDF with DejaVu Sans embedded.
pub(super) fn write_pdf(
    title: &str,
    subject: &str,
    made: chrono::NaiveDate,
    pages: &[Page],
) -> Result<Pdf, String> {
    let fonts = fonts().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let mut doc = PdfDocument::new(title);
    // The document's date is the day it was made (printpdf's default is 1970-01-01).
    let stamp = made
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.document_title = title.to_string();
    doc.metadata.info.creator = "Trygghetstavlan".into();
    doc.metadata.info.subject = subject.to_string();
    let regular = doc.add_font(&fonts.0);
    let bold = doc.add_font(&fonts.1);
    let photos = add_photos(&mut doc, pages);
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops(p, &regular, &bold, &photos)))
        .collect();
    let mut warnings = Vec::new();
    let pages = pdf_pages.len();
    let bytes = doc
        .with_pages(pdf_pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    Ok(Pdf { bytes, pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dejavu(c: char) -> bool {
        font_metrics_inner().is_some_and(|m| m.has_glyph(c, false))
    }

    #[test]
    fn emoji_are_left_out_and_other_missing_characters_show_as_a_question_mark() {
        assert!(
            !dejavu('👍') && !dejavu('✅'),
            "the test needs glyphs DejaVu lacks"
        );
        assert_eq!(drawn_text("klart ✅ 👍🏽 👨‍👩‍👧 bra", dejavu), "klart    bra");
        assert_eq!(drawn_text("Ökad närvaro", dejavu), "Ökad närvaro");
        // A CJK character is text the reader should know is missing.
        assert!(!dejavu('警'));
        assert_eq!(drawn_text("警察", dejavu), "??");
        // The width is that of what is drawn: an emoji adds nothing.
        let m = font_metrics_inner().unwrap();
        assert_eq!(
            m.width("klart ✅👍🏽", 10.0, false),
            m.width("klart ", 10.0, false)
        );
    }

    #[test]
    fn right_to_left_runs_are_drawn_in_visual_order_with_the_same_width() {
        assert_eq!(
            drawn_text("Möte med שלום עליכם i parken", dejavu),
            "Möte med םכילע םולש i parken"
        );
        // Direction controls are not drawn; they cannot turn a Swedish line backwards.
        assert_eq!(drawn_text("\u{202E}Torget\u{202C}", dejavu), "Torget");
        let m = font_metrics_inner().unwrap();
        let line = "Möte med שלום עליכם i parken";
        let drawn = drawn_text(line, dejavu);
        assert!((m.width(line, 9.0, false) - m.width(&drawn, 9.0, false)).abs() < 1e-4);
    }
}
