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

/// The role of what `i` on `p` is part of, or "Artifact".
fn role_of<'a>(pages: &'a Pages, p: &Page, i: usize) -> &'a str {
    match p.marks[i] {
        Mark::Artifact => "Artifact",
        Mark::In(id) => pages.tree.role(id).map_or("?", Role::name),
    }
}

#[test]
fn a_table_over_pages_is_one_table_its_repeated_header_an_artifact() {
    let mut l = Layout::new(&Fixed);
    l.heading("Bilaga", 14.0, 10.0);
    let cols = [Column::new("Datum", 30.0), Column::new("Plats", 140.0)];
    let rows: Vec<Vec<Cell>> = (0..120)
        .map(|i| vec![Cell::plain(format!("2024-01-{i}")), Cell::plain("Torget")])
        .collect();
    l.table_captioned(Some("Bilaga"), &cols, &rows, 9.0);
    l.rule();
    let pages = l.finish(|_, _, p| {
        p.push(
            Mark::Artifact,
            Item::Text {
                x: 0.0,
                y: 0.0,
                size: 8.0,
                bold: false,
                color: GREY,
                text: "Sida".into(),
            },
        )
    });
    assert!(pages.len() > 2);
    for p in &pages {
        assert_eq!(p.items.len(), p.marks.len());
        for (i, item) in p.items.iter().enumerate() {
            let role = role_of(&pages, p, i);
            match item {
                // Fills and rules are decoration.
                Item::Rect { .. } | Item::Line { .. } => assert_eq!(role, "Artifact"),
                Item::Text { text, .. } if text == "Datum" || text == "Plats" => {
                    let first = std::ptr::eq(p, &pages[0]);
                    assert_eq!(role, if first { "TH" } else { "Artifact" }, "{text}");
                }
                Item::Text { text, .. } if text.contains("(forts.)") || text == "Sida" => {
                    assert_eq!(role, "Artifact")
                }
                Item::Text { text, .. } if text == "Bilaga" => assert_eq!(role, "H1"),
                Item::Text { .. } => assert_eq!(role, "TD"),
                Item::Image { .. } => unreachable!(),
            }
        }
    }
    // One Table of a header row and 120 rows of two cells.
    let tables: Vec<&super::super::tagged::Node> = pages
        .tree
        .nodes
        .iter()
        .filter(|n| n.role == Role::Table)
        .collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].kids.len(), 121);
    let doc = &pages.tree.nodes[0];
    assert_eq!(
        doc.kids.len(),
        2,
        "the heading and the table; the rule is nothing"
    );
}

#[test]
fn heading_levels_follow_sizes_and_never_skip() {
    let mut l = Layout::new(&Fixed);
    for (text, size) in [
        ("Titel", 16.0),
        ("Beslut", 12.0),
        ("Öppna", 12.0),
        ("Del", 14.0),
        ("Sub", 11.0),
    ] {
        l.heading(text, size, 5.0);
    }
    l.list_item("a", 10.0, false, BLACK, 3.0);
    l.list_item("b", 10.0, false, BLACK, 3.0);
    l.paragraph("c", 10.0, false, BLACK, 0.0);
    l.list_item("d", 10.0, false, BLACK, 3.0);
    let pages = l.finish(|_, _, _| {});
    let roles: Vec<&str> = pages.tree.nodes[0]
        .kids
        .iter()
        .map(|k| pages.tree.nodes[*k].role.name())
        .collect();
    // 16 → H1; 12 under it → H2 (not H3); 14 after 12 → H2; 11 under it → H3. Items
    // in a row are one list; a paragraph ends it.
    assert_eq!(roles, ["H1", "H2", "H2", "H2", "H3", "L", "P", "L"]);
    let first_list = &pages.tree.nodes[pages.tree.nodes[0].kids[5]];
    assert_eq!(first_list.kids.len(), 2);
}

#[test]
fn a_chart_is_a_figure_with_its_alt_text_and_a_stamp_goes_first() {
    let mut l = Layout::new(&Fixed);
    l.paragraph("Före", 10.0, false, BLACK, 0.0);
    l.column_chart(
        &[("jan".into(), 2), ("feb".into(), 0)],
        60.0,
        20.0,
        BLACK,
        "Insatser: flest i januari",
    );
    let mut pages = l.finish(|_, _, _| {});
    let figure = pages
        .tree
        .nodes
        .iter()
        .position(|n| matches!(&n.role, Role::Figure { alt } if alt == "Insatser: flest i januari"))
        .unwrap();
    // The bars, the axis and the numbers belong to the figure.
    let in_figure = pages[0]
        .marks
        .iter()
        .filter(|m| **m == Mark::In(figure))
        .count();
    assert!(in_figure >= 5, "{in_figure}");
    pages.stamp_first_page(&Fixed, "Dnr: KS 2024/117");
    assert!(matches!(&pages[0].items[0], Item::Text { text, .. } if text == "Dnr: KS 2024/117"));
    let first = pages.tree.nodes[0].kids[0];
    assert_eq!(pages[0].marks[0], Mark::In(first));
    assert_eq!(pages.tree.nodes[first].role, Role::P);
}
