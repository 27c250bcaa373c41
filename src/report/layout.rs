//! A small page layout layer: wrapped paragraphs and tables with repeated headers on A4,
//! producing positioned items in millimetres. Pure: text is measured through [`Metrics`],
//! so the geometry can be tested without a PDF.

/// A4 portrait and margins, in mm.
pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
pub const MARGIN_X: f32 = 20.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Top of the content on the first page and on later pages (below the running header).
pub const TOP_FIRST: f32 = PAGE_H - 20.0;
pub const TOP: f32 = PAGE_H - 28.0;
/// Lowest content line; the footer sits below it.
pub const BOTTOM: f32 = 22.0;

const PT_TO_MM: f32 = 0.352_778;
const CELL_PAD: f32 = 1.4;

/// Width of text in mm at a size in pt.
pub trait Metrics {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32;
}

pub use crate::domain::palette::Rgb;

pub const BLACK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const GREY: Rgb = Rgb(0x55, 0x55, 0x55);
pub const RULE: Rgb = Rgb(0xbb, 0xbb, 0xbb);
pub const HEADER_FILL: Rgb = Rgb(0xe8, 0xec, 0xf2);

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Line height in mm for a font size in pt.
pub fn line_height(size: f32) -> f32 {
    size * PT_TO_MM * 1.3
}

fn ascent(size: f32) -> f32 {
    size * PT_TO_MM * 0.93
}

/// Replaces control characters (except newlines) by spaces.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Greedy word wrap to `width` mm; words longer than a line are broken by character.
pub fn wrap(m: &dyn Metrics, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in clean(text).split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if m.width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if m.width(word, size, bold) <= width {
                line = word.to_string();
                continue;
            }
            // A word wider than the line: break it by character.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && m.width(&next, size, bold) > width {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// A table column: title and width in mm.
pub struct Column<'a> {
    pub title: &'a str,
    pub width: f32,
}

/// A table cell: text, colour and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub color: Rgb,
    pub bold: bool,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            color: BLACK,
            bold: false,
        }
    }
    pub fn colored(text: impl Into<String>, color: Rgb) -> Cell {
        Cell {
            text: text.into(),
            color,
            bold: true,
        }
    }
}

pub struct Layout<'m> {
    metrics: &'m dyn Metrics,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    y: f32,
}

impl<'m> Layout<'m> {
    pub fn new(metrics: &'m dyn Metrics) -> Layout<'m> {
        Layout {
            metrics,
            pages: vec![Page::default()],
            y: TOP_FIRST,
        }
    }

    pub fn metrics(&self) -> &dyn Metrics {
        self.metrics
    }

    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `h` mm still fit.
    pub fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.new_page();
        }
    }

    pub fn space(&mut self, h: f32) {
        self.y -= h;
        if self.y < BOTTOM {
            self.new_page();
        }
    }

    pub fn text_line(&mut self, x: f32, text: &str, size: f32, bold: bool, color: Rgb) {
        let lh = line_height(size);
        self.ensure(lh);
        let y = self.y - ascent(size);
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.to_string(),
        });
        self.y -= lh;
    }

    /// A wrapped paragraph at `indent` mm from the left margin.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: Rgb, indent: f32) {
        let lines = wrap(self.metrics, text, size, bold, CONTENT_W - indent);
        for l in lines {
            self.text_line(MARGIN_X + indent, &l, size, bold, color);
        }
    }

    /// A heading kept together with at least `keep` mm of what follows.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        let lines = wrap(self.metrics, text, size, true, CONTENT_W);
        self.ensure(lines.len() as f32 * line_height(size) + keep);
        for l in lines {
            self.text_line(MARGIN_X, &l, size, true, BLACK);
        }
        self.y -= 1.0;
    }

    /// A horizontal bar of `width` mm split into coloured parts by weight (a status
    /// summary); parts with no weight take no room.
    pub fn bar(&mut self, parts: &[(f32, Rgb)], width: f32, height: f32) {
        self.ensure(height + 1.0);
        let total: f32 = parts.iter().map(|(w, _)| w.max(0.0)).sum();
        if total > 0.0 {
            let mut x = MARGIN_X;
            for (w, color) in parts.iter().filter(|(w, _)| *w > 0.0) {
                let w = width * w / total;
                let y = self.y - height;
                self.page().items.push(Item::Rect {
                    x,
                    y,
                    w,
                    h: height,
                    color: *color,
                });
                x += w;
            }
        }
        self.y -= height + 1.0;
    }

    pub fn rule(&mut self) {
        self.ensure(2.0);
        let y = self.y - 0.8;
        self.page().items.push(Item::Line {
            x1: MARGIN_X,
            y1: y,
            x2: PAGE_W - MARGIN_X,
            y2: y,
            color: RULE,
        });
        self.y -= 2.0;
    }

    fn table_header(&mut self, cols: &[Column], size: f32) {
        let lh = line_height(size);
        let titles: Vec<Vec<String>> = cols
            .iter()
            .map(|c| wrap(self.metrics, c.title, size, true, c.width - 2.0 * CELL_PAD))
            .collect();
        let n = titles.iter().map(Vec::len).max().unwrap_or(1);
        let h = n as f32 * lh + 2.0 * CELL_PAD;
        let width: f32 = cols.iter().map(|c| c.width).sum();
        let top = self.y;
        self.page().items.push(Item::Rect {
            x: MARGIN_X,
            y: top - h,
            w: width,
            h,
            color: HEADER_FILL,
        });
        let mut x = MARGIN_X;
        for (c, lines) in cols.iter().zip(titles) {
            for (i, l) in lines.iter().enumerate() {
                self.page().items.push(Item::Text {
                    x: x + CELL_PAD,
                    y: top - CELL_PAD - i as f32 * lh - ascent(size),
                    size,
                    bold: true,
                    color: BLACK,
                    text: l.clone(),
                });
            }
            x += c.width;
        }
        self.y = top - h;
    }

    /// A table whose header row is repeated on every page it spans. A row taller than a
    /// page continues on the next one.
    pub fn table(&mut self, cols: &[Column], rows: &[Vec<Cell>], size: f32) {
        let lh = line_height(size);
        let header_h = 2.0 * lh + 2.0 * CELL_PAD;
        self.ensure(header_h + lh + 2.0 * CELL_PAD);
        self.table_header(cols, size);
        let width: f32 = cols.iter().map(|c| c.width).sum();
        for row in rows {
            let mut cells: Vec<(Vec<String>, &Cell)> = row
                .iter()
                .zip(cols)
                .map(|(cell, col)| {
                    (
                        wrap(
                            self.metrics,
                            &cell.text,
                            size,
                            cell.bold,
                            col.width - 2.0 * CELL_PAD,
                        ),
                        cell,
                    )
                })
                .collect();
            let mut fresh = false;
            loop {
                let remaining = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(0).max(1);
                let fit = ((self.y - BOTTOM - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                // A row that fits on a page is never split; a taller one is split, but
                // never starts with a line or two at the bottom of a page.
                let capacity = ((TOP - header_h - BOTTOM - 2.0 * CELL_PAD) / lh).floor() as usize;
                let split_ok = remaining > capacity && fit >= 3;
                if !fresh && (fit == 0 || (fit < remaining && !split_ok)) {
                    self.new_page();
                    self.table_header(cols, size);
                    fresh = true;
                    continue;
                }
                let take = remaining.min(fit.max(1));
                let top = self.y;
                let mut x = MARGIN_X;
                for ((lines, cell), col) in cells.iter_mut().zip(cols) {
                    let n = take.min(lines.len());
                    for (i, l) in lines.drain(..n).enumerate() {
                        self.page().items.push(Item::Text {
                            x: x + CELL_PAD,
                            y: top - CELL_PAD - i as f32 * lh - ascent(size),
                            size,
                            bold: cell.bold,
                            color: cell.color,
                            text: l,
                        });
                    }
                    x += col.width;
                }
                let h = take as f32 * lh + 2.0 * CELL_PAD;
                let y = top - h;
                self.y = y;
                self.page().items.push(Item::Line {
                    x1: MARGIN_X,
                    y1: y,
                    x2: MARGIN_X + width,
                    y2: y,
                    color: RULE,
                });
                if cells.iter().all(|(l, _)| l.is_empty()) {
                    break;
                }
                self.new_page();
                self.table_header(cols, size);
                fresh = true;
            }
        }
        self.y -= 2.0;
    }

    /// The laid-out pages; `decorate` adds header and footer items to page n of m.
    pub fn finish(mut self, decorate: impl Fn(usize, usize, &mut Page)) -> Vec<Page> {
        let total = self.pages.len();
        for (i, p) in self.pages.iter_mut().enumerate() {
            decorate(i + 1, total, p);
        }
        self.pages
    }
}

#[cfg(test)]
pub mod tests {
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
            Column {
                title: "Datum",
                width: 30.0,
            },
            Column {
                title: "Beskrivning",
                width: 140.0,
            },
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
        let cols = [Column {
            title: "Text",
            width: 170.0,
        }];
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
        for p in l.finish(|_, _, _| {}) {
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
}
