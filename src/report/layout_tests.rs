//! Tests of `layout.rs`.

use super::*;

/// Every character 0.5 em wide: easy to reason about in tests.
pub struct Fixed;
impl Metrics for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * PT_TO_MM * 0.5
    }
}

#[test]
fn bar_parts_share_the_width_by_weight() {
    let mut l = Layout::new(&Fixed);
    let (a, b) = (Rgb(1, 1, 1), Rgb(2, 2, 2));
    l.bar(&[(3.0, a), (0.0, b), (1.0, b)], 100.0, 5.0);
    let pages = l.finish(|_, _, _| {});
    let rects: Vec<(f32, f32)> = pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { x, w, .. } => Some((*x, *w)),
            _ => None,
        })
        .collect();
    assert_eq!(rects, [(MARGIN_X, 75.0), (MARGIN_X + 75.0, 25.0)]);
}

#[test]
fn wrap_breaks_words_and_long_words() {
    // 10 pt: 1.76 mm per char; 20 mm fit 11 chars.
    let lines = wrap(&Fixed, "aaa bbb ccc ddd", 10.0, false, 20.0);
    assert_eq!(lines, ["aaa bbb ccc", "ddd"]);
    let lines = wrap(&Fixed, &"x".repeat(30), 10.0, false, 20.0);
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| Fixed.width(l, 10.0, false) <= 20.0));
    assert_eq!(lines.concat(), "x".repeat(30));
    assert_eq!(wrap(&Fixed, "a\nb", 10.0, false, 20.0), ["a", "b"]);
    assert_eq!(wrap(&Fixed, "a\u{7}b", 10.0, false, 20.0), ["a b"]);
}

fn texts(p: &Page) -> Vec<&str> {
    p.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn long_table_repeats_header_and_stays_inside_margins() {
    let mut l = Layout::new(&Fixed);
    let cols = [
        Column::new("Datum", 30.0),
        Column::new("Beskrivning", 140.0),
    ];
    let rows: Vec<Vec<Cell>> = (0..300)
        .map(|i| {
            vec![
                Cell::plain(format!("rad {i}")),
                Cell::plain("text ".repeat(i % 40)),
            ]
        })
        .collect();
    l.table(&cols, &rows, 9.0);
    let pages = l.finish(|_, _, _| {});
    assert!(pages.len() > 5);
    for p in &pages {
        assert_eq!(
            texts(p).iter().filter(|t| **t == "Datum").count(),
            1,
            "header on every page"
        );
        for i in &p.items {
            if let Item::Text {
                x, y, size, text, ..
            } = i
            {
                assert!(*y >= BOTTOM - 0.01 && *y <= TOP_FIRST, "y={y}");
                assert!(
                    *x >= MARGIN_X
                        && x + Fixed.width(text, *size, false) <= PAGE_W - MARGIN_X + 0.01
                );
            }
        }
    }
    // Every row appears exactly once.
    let all: Vec<&str> = pages.iter().flat_map(texts).collect();
    for i in 0..300 {
        assert_eq!(all.iter().filter(|t| **t == format!("rad {i}")).count(), 1);
    }
}

#[test]
fn row_taller_than_a_page_continues() {
    let mut l = Layout::new(&Fixed);
    let cols = [Column::new("Text", 170.0)];
    let huge = "ord ".repeat(6000);
    l.table(&cols, &[vec![Cell::plain(huge)]], 10.0);
    let pages = l.finish(|_, _, _| {});
    assert!(pages.len() >= 3, "{}", pages.len());
    let words: usize = pages
        .iter()
        .flat_map(texts)
        .filter(|t| *t != "Text")
        .map(|t| t.split_whitespace().count())
        .sum();
    assert_eq!(words, 6000, "no text lost across pages");
}

#[test]
fn lines_on_a_page_never_overlap() {
    let mut l = Layout::new(&Fixed);
    for i in 0..200 {
        l.paragraph(
            &format!("Stycke {i} {}", "ord ".repeat(i % 50)),
            10.0,
            false,
            BLACK,
            0.0,
        );
    }
    for p in &l.finish(|_, _, _| {}) {
        let mut ys: Vec<f32> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y, .. } => Some(*y),
                _ => None,
            })
            .collect();
        ys.sort_by(f32::total_cmp);
        for w in ys.windows(2) {
            assert!(w[1] - w[0] >= line_height(10.0) - 0.01, "{w:?}");
        }
    }
}

#[test]
fn a_continued_table_repeats_its_caption_and_its_group_heading() {
    let mut l = Layout::new(&Fixed);
    let cols = [Column::new("Avsnitt", 30.0), Column::new("Löfte", 140.0)];
    // One avsnitt as a group heading, long enough for three pages.
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::plain("Trygghet")]];
    rows.extend((0..150).map(|i| vec![Cell::plain(""), Cell::plain(format!("löfte {i}"))]));
    l.table_captioned(Some("Alla löften"), &cols, &rows, 9.0);
    let pages = l.finish(|_, _, _| {});
    assert!(pages.len() >= 3);
    assert!(!texts(&pages[0]).contains(&"Alla löften (forts.)"));
    assert!(texts(&pages[0]).contains(&"Trygghet"));
    for p in &pages[1..] {
        let t = texts(p);
        assert_eq!(
            t.iter().filter(|x| **x == "Alla löften (forts.)").count(),
            1
        );
        assert_eq!(t.iter().filter(|x| **x == "Trygghet (forts.)").count(), 1);
        // The caption sits above the header.
        let y_of = |s: &str| {
            p.items.iter().find_map(|i| match i {
                Item::Text { y, text, .. } if text == s => Some(*y),
                _ => None,
            })
        };
        assert!(y_of("Alla löften (forts.)") > y_of("Avsnitt"));
    }
}

#[test]
fn a_column_as_wide_as_its_longest_word_breaks_no_word() {
    let texts_in = ["2 seniorinformationstillfällen", "4 forum"];
    let w = word_width(&Fixed, "Mål", &texts_in, 8.5, 10.0, 80.0);
    for t in texts_in {
        for line in wrap(&Fixed, t, 8.5, false, w - 2.0 * CELL_PAD) {
            assert!(
                t.split_whitespace()
                    .any(|word| line.split_whitespace().any(|l| l == word)),
                "{line:?} is a whole word of {t:?}"
            );
        }
    }
    assert_eq!(
        word_width(&Fixed, "Mål", &["a"], 8.5, 26.0, 44.0),
        26.0,
        "at least min"
    );
    assert_eq!(
        word_width(&Fixed, "Mål", &["x".repeat(200).as_str()], 8.5, 26.0, 44.0),
        44.0,
        "at most max"
    );
}

#[test]
fn a_cell_bar_and_a_column_chart_are_drawn_to_scale() {
    let mut l = Layout::new(&Fixed);
    let cols = [Column::new("Utfört", 20.0)];
    l.table(
        &cols,
        &[vec![Cell::plain("3/4").with_bar(0.75, Rgb(1, 2, 3))]],
        9.0,
    );
    let values: Vec<(String, u32)> = vec![("jan".into(), 2), ("feb".into(), 0), ("mar".into(), 4)];
    l.column_chart(&values, 60.0, 20.0, Rgb(9, 9, 9), "Insatser");
    let pages = l.finish(|_, _, _| {});
    let rects: Vec<(f32, f32, Rgb)> = pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { w, h, color, .. } if *color != HEADER_FILL => Some((*w, *h, *color)),
            _ => None,
        })
        .collect();
    let track = rects.iter().find(|r| r.2 == TRACK).unwrap();
    let fill = rects.iter().find(|r| r.2 == Rgb(1, 2, 3)).unwrap();
    assert!(
        (fill.0 / track.0 - 0.75).abs() < 1e-4,
        "the bar is 3/4 filled"
    );
    let bars: Vec<f32> = rects
        .iter()
        .filter(|r| r.2 == Rgb(9, 9, 9))
        .map(|r| r.1)
        .collect();
    assert_eq!(bars.len(), 2, "no bar for a zero");
    assert!((bars[0] * 2.0 - bars[1]).abs() < 1e-4 && (bars[1] - 20.0).abs() < 1e-4);
    let t = texts(&pages[0]);
    for label in ["jan", "feb", "mar", "2", "0", "4", "3/4"] {
        assert!(t.contains(&label), "{label}");
    }
}
