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

pub use super::tagged::{Mark, Role, Tree};
pub use crate::domain::palette::Rgb;

pub const BLACK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const GREY: Rgb = Rgb(0x55, 0x55, 0x55);
pub const RULE: Rgb = Rgb(0xbb, 0xbb, 0xbb);
pub const HEADER_FILL: Rgb = Rgb(0xe8, 0xec, 0xf2);
/// The band behind a group heading in a table (an avsnitt in "Alla löften").
pub const GROUP_FILL: Rgb = Rgb(0xf3, 0xf4, 0xf6);

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
    /// A JPEG photo placed as it is (never re-encoded or upsampled); `y` is its bottom.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        jpeg: std::sync::Arc<[u8]>,
        px: (u32, u32),
    },
}

/// A text, or "–" when there is none (a table cell, a fact).
pub fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "–" } else { s }
}

/// "Polisen, Kommunen", or "–" for none.
pub fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "–".to_string()
    } else {
        items.join(", ")
    }
}

/// A photo for the layout: its JPEG bytes, size in pixels and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutPhoto {
    pub jpeg: std::sync::Arc<[u8]>,
    pub px: (u32, u32),
    pub alt: String,
}

impl LayoutPhoto {
    pub fn new(p: &crate::domain::PhotoView, alt: &str) -> LayoutPhoto {
        LayoutPhoto {
            jpeg: p.jpeg.clone(),
            px: (p.width, p.height),
            alt: alt.to_string(),
        }
    }

    /// Its size in mm inside `max_w` × `max_h`, proportions kept, and never larger than
    /// it is at 96 dpi (a small photo is not blown up).
    pub fn fitted(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.px.0.max(1) as f32, self.px.1.max(1) as f32);
        let natural = 25.4 / 96.0;
        let scale = (max_w / w).min(max_h / h).min(natural);
        (w * scale, h * scale)
    }
}

/// One page's drawn items; `marks[i]` says what `items[i]` is to a reader (see
/// [`super::tagged`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    pub marks: Vec<Mark>,
}

impl Page {
    pub fn push(&mut self, mark: Mark, item: Item) {
        self.items.push(item);
        self.marks.push(mark);
    }
}

/// Laid-out pages and the structure their items belong to. Reads as a slice of pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pages {
    pub pages: Vec<Page>,
    pub tree: Tree,
}

impl std::ops::Deref for Pages {
    type Target = [Page];
    fn deref(&self) -> &[Page] {
        &self.pages
    }
}

impl<'a> IntoIterator for &'a Pages {
    type Item = &'a Page;
    type IntoIter = std::slice::Iter<'a, Page>;
    fn into_iter(self) -> Self::IntoIter {
        self.pages.iter()
    }
}

impl Pages {
    /// Adds a short text at the top right of the first page, above everything else and
    /// first in reading order (the diarienummer).
    pub fn stamp_first_page(&mut self, m: &dyn Metrics, text: &str) {
        let Some(first) = self.pages.first_mut() else {
            return;
        };
        let size = 8.5;
        let w = m.width(text, size, false);
        let id = self.tree.add_first(0, Role::P);
        first.items.insert(
            0,
            Item::Text {
                x: PAGE_W - MARGIN_X - w,
                y: PAGE_H - 12.0,
                size,
                bold: false,
                color: GREY,
                text: text.to_string(),
            },
        );
        first.marks.insert(0, Mark::In(id));
    }
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

/// The width a column needs so that none of `texts`' words (nor its title's) is broken:
/// the widest word plus padding, at least `min` and at most `max` mm.
pub fn word_width(
    m: &dyn Metrics,
    title: &str,
    texts: &[&str],
    size: f32,
    min: f32,
    max: f32,
) -> f32 {
    let widest = texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| m.width(w, size, false))
        .chain(title.split_whitespace().map(|w| m.width(w, size, true)))
        .fold(0.0_f32, f32::max);
    (widest + 2.0 * CELL_PAD + 0.5).clamp(min, max)
}

impl Layout<'_> {
    /// Whether `h` mm still fit on the current page.
    pub fn fits(&self, h: f32) -> bool {
        self.y - h >= BOTTOM
    }
}

/// A table column: title and width in mm.
pub struct Column<'a> {
    pub title: &'a str,
    pub width: f32,
}

impl<'a> Column<'a> {
    pub const fn new(title: &'a str, width: f32) -> Column<'a> {
        Column { title, width }
    }
}

/// A table cell: text, colour and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub color: Rgb,
    pub bold: bool,
    /// A small bar under the text: the filled share (0..=1) and its colour.
    pub bar: Option<(f32, Rgb)>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            color: BLACK,
            bold: false,
            bar: None,
        }
    }

    /// This cell with a small bar under its text, `share` of it filled.
    pub fn with_bar(mut self, share: f32, color: Rgb) -> Cell {
        self.bar = Some((share.clamp(0.0, 1.0), color));
        self
    }
    pub fn colored(text: impl Into<String>, color: Rgb) -> Cell {
        Cell {
            text: text.into(),
            color,
            bold: true,
            bar: None,
        }
    }
}

pub struct Layout<'m> {
    metrics: &'m dyn Metrics,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    y: f32,
    /// The structure built along with the pages.
    tree: Tree,
    /// The element new elements go into (the Document, a table, a row, a list).
    parent: usize,
    /// Where drawn text goes: an element, or an artifact; `None` outside any element.
    mark: Option<Mark>,
    /// The sizes of the headings above the current one, largest first: a heading's
    /// level is one more than the number of larger headings above it, so that the
    /// outline never skips a level.
    headings: Vec<f32>,
    /// The list that a list item right after another joins.
    open_list: Option<usize>,
}

/// Stands for a cell's bar among its wrapped lines (never a real line: `clean` removes
/// control characters from text).
const BAR_LINE: &str = "\u{1}bar";

/// The light track behind a cell's bar.
const TRACK: Rgb = Rgb(0xdd, 0xdd, 0xdd);

impl<'m> Layout<'m> {
    pub fn new(metrics: &'m dyn Metrics) -> Layout<'m> {
        Layout {
            metrics,
            pages: vec![Page::default()],
            y: TOP_FIRST,
            tree: Tree::default(),
            parent: 0,
            mark: None,
            headings: Vec::new(),
            open_list: None,
        }
    }

    /// Adds an element under the current parent.
    fn element(&mut self, role: Role) -> usize {
        if role != Role::L {
            self.open_list = None;
        }
        self.tree.add(self.parent, role)
    }

    /// Runs `f` with `id` as the parent of the elements it adds.
    fn inside<R>(&mut self, id: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let parent = std::mem::replace(&mut self.parent, id);
        let r = f(self);
        self.parent = parent;
        r
    }

    /// Runs `f` with what it draws marked as `mark`.
    fn marked<R>(&mut self, mark: Mark, f: impl FnOnce(&mut Self) -> R) -> R {
        let before = self.mark.replace(mark);
        let r = f(self);
        self.mark = before;
        r
    }

    /// Runs `f` with what it draws as the content of a new element.
    fn tagged<R>(&mut self, role: Role, f: impl FnOnce(&mut Self) -> R) -> R {
        let id = self.element(role);
        self.marked(Mark::In(id), f)
    }

    /// What `f` draws is an artifact: a repeated header, "(forts.)", a decoration.
    pub fn artifact<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        self.marked(Mark::Artifact, f)
    }

    /// A chart or picture that `f` draws, with `alt` saying what it shows.
    pub fn figure<R>(&mut self, alt: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.tagged(
            Role::Figure {
                alt: alt.to_string(),
            },
            f,
        )
    }

    /// Adds a drawn item to the current page. Fills and rules are decoration unless
    /// they are part of a figure; text outside any element is a paragraph of its own.
    fn push(&mut self, item: Item) {
        let in_figure = |l: &Self, id: usize| matches!(l.tree.role(id), Some(Role::Figure { .. }));
        let mark = match (&item, self.mark) {
            (Item::Rect { .. } | Item::Line { .. }, Some(Mark::In(id))) if in_figure(self, id) => {
                Mark::In(id)
            }
            (Item::Rect { .. } | Item::Line { .. }, _) => Mark::Artifact,
            (_, Some(m)) => m,
            (_, None) => Mark::In(self.element(Role::P)),
        };
        self.page().push(mark, item);
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
        self.push(Item::Text {
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
        if self.mark.is_some() {
            return self.lines(text, size, bold, color, indent);
        }
        self.tagged(Role::P, |l| l.lines(text, size, bold, color, indent));
    }

    fn lines(&mut self, text: &str, size: f32, bold: bool, color: Rgb, indent: f32) {
        let lines = wrap(self.metrics, text, size, bold, CONTENT_W - indent);
        for l in lines {
            self.text_line(MARGIN_X + indent, &l, size, bold, color);
        }
    }

    /// An item of a list: items laid out one after another form one list.
    pub fn list_item(&mut self, text: &str, size: f32, bold: bool, color: Rgb, indent: f32) {
        let list = match self.open_list {
            Some(id)
                if self.tree.nodes.get(self.parent).and_then(|p| p.kids.last()) == Some(&id) =>
            {
                id
            }
            _ => self.element(Role::L),
        };
        self.inside(list, |l| {
            let item = l.element(Role::LI);
            l.inside(item, |l| {
                l.tagged(Role::LBody, |l| l.lines(text, size, bold, color, indent))
            });
        });
        self.open_list = Some(list);
    }

    /// A heading kept together with at least `keep` mm of what follows. Its level
    /// follows from the headings above it (a larger size is a higher level).
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        let level = self.heading_level(size);
        let lines = wrap(self.metrics, text, size, true, CONTENT_W);
        self.ensure(lines.len() as f32 * line_height(size) + keep);
        self.tagged(Role::H(level), |l| {
            for line in lines {
                l.text_line(MARGIN_X, &line, size, true, BLACK);
            }
        });
        self.y -= 1.0;
    }

    fn heading_level(&mut self, size: f32) -> u8 {
        while self.headings.last().is_some_and(|s| *s <= size) {
            self.headings.pop();
        }
        self.headings.push(size);
        self.headings.len().min(6) as u8
    }

    /// A bold line that titles what follows it (an observation in a protokoll): drawn as
    /// a bold paragraph, read as a heading one level below the one above it.
    pub fn minor_heading(&mut self, text: &str, size: f32) {
        let level = self.heading_level(size);
        self.tagged(Role::H(level), |l| l.lines(text, size, true, BLACK, 0.0));
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
                self.push(Item::Rect {
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

    /// One row of a comparison: `label` on the left, a bar split by weight in the middle
    /// (`label_w` mm in, `width` mm wide) and `note` after it, on one line.
    pub fn labelled_bar(
        &mut self,
        label: &str,
        label_w: f32,
        parts: &[(f32, Rgb)],
        width: f32,
        note: &str,
    ) {
        let size = 8.5;
        let lh = line_height(size).max(5.0);
        self.ensure(lh + 1.0);
        let top = self.y;
        let baseline = top - ascent(size) - (lh - line_height(size)) / 2.0;
        let mut items = vec![Item::Text {
            x: MARGIN_X,
            y: baseline,
            size,
            bold: true,
            color: BLACK,
            text: label.to_string(),
        }];
        let total: f32 = parts.iter().map(|(w, _)| w.max(0.0)).sum();
        let h = lh * 0.7;
        let y = top - (lh + h) / 2.0;
        let mut x = MARGIN_X + label_w;
        items.push(Item::Rect {
            x,
            y,
            w: width,
            h,
            color: TRACK,
        });
        if total > 0.0 {
            for (w, color) in parts.iter().filter(|(w, _)| *w > 0.0) {
                let w = width * w / total;
                items.push(Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    color: *color,
                });
                x += w;
            }
        }
        items.push(Item::Text {
            x: MARGIN_X + label_w + width + 2.0,
            y: baseline,
            size,
            bold: false,
            color: GREY,
            text: note.to_string(),
        });
        self.tagged(Role::P, |l| items.into_iter().for_each(|i| l.push(i)));
        self.y -= lh + 1.0;
    }

    /// Photos side by side, each inside `max_w` × `max_h` mm, wrapping to a new row (and
    /// page) when the row is full.
    pub fn photos(&mut self, photos: &[LayoutPhoto], max_w: f32, max_h: f32) {
        let gap = 3.0;
        let mut row: Vec<(&LayoutPhoto, f32, f32)> = Vec::new();
        let mut row_w = 0.0;
        let flush = |l: &mut Self, row: &mut Vec<(&LayoutPhoto, f32, f32)>| {
            if row.is_empty() {
                return;
            }
            let h = row.iter().map(|r| r.2).fold(0.0, f32::max);
            l.ensure(h + gap);
            let top = l.y;
            let mut x = MARGIN_X;
            for (p, w, ph) in row.drain(..) {
                l.figure(&p.alt, |l| {
                    l.push(Item::Image {
                        x,
                        y: top - ph,
                        w,
                        h: ph,
                        jpeg: p.jpeg.clone(),
                        px: p.px,
                    })
                });
                x += w + gap;
            }
            l.y = top - h - gap;
        };
        for p in photos {
            let (w, h) = p.fitted(max_w, max_h);
            if row_w + w > CONTENT_W && !row.is_empty() {
                flush(self, &mut row);
                row_w = 0.0;
            }
            row.push((p, w, h));
            row_w += w + gap;
        }
        flush(self, &mut row);
    }

    pub fn rule(&mut self) {
        self.ensure(2.0);
        let y = self.y - 0.8;
        self.push(Item::Line {
            x1: MARGIN_X,
            y1: y,
            x2: PAGE_W - MARGIN_X,
            y2: y,
            color: RULE,
        });
        self.y -= 2.0;
    }

    /// The header row: column headers the first time, an artifact when repeated on a
    /// page the table continues on.
    fn table_header(&mut self, cols: &[Column], size: f32, repeat: bool) {
        let lh = line_height(size);
        let titles: Vec<Vec<String>> = cols
            .iter()
            .map(|c| wrap(self.metrics, c.title, size, true, c.width - 2.0 * CELL_PAD))
            .collect();
        let n = titles.iter().map(Vec::len).max().unwrap_or(1);
        let h = n as f32 * lh + 2.0 * CELL_PAD;
        let width: f32 = cols.iter().map(|c| c.width).sum();
        let top = self.y;
        self.push(Item::Rect {
            x: MARGIN_X,
            y: top - h,
            w: width,
            h,
            color: HEADER_FILL,
        });
        let row = (!repeat).then(|| self.element(Role::TR));
        let mut x = MARGIN_X;
        for (c, lines) in cols.iter().zip(titles) {
            let mark = match row {
                Some(tr) => Mark::In(self.tree.add(tr, Role::TH)),
                None => Mark::Artifact,
            };
            self.marked(mark, |l| {
                for (i, line) in lines.iter().enumerate() {
                    l.push(Item::Text {
                        x: x + CELL_PAD,
                        y: top - CELL_PAD - i as f32 * lh - ascent(size),
                        size,
                        bold: true,
                        color: BLACK,
                        text: line.clone(),
                    });
                }
            });
            x += c.width;
        }
        self.y = top - h;
    }

    /// A table whose header row is repeated on every page it spans. A row taller than a
    /// page continues on the next one.
    pub fn table(&mut self, cols: &[Column], rows: &[Vec<Cell>], size: f32) {
        self.table_captioned(None, cols, rows, size);
    }

    /// A table as [`Layout::table`]; on each page it continues on, `caption` is repeated
    /// above the header with "(forts.)". A row of one cell is a group heading across the
    /// whole table (an avsnitt); a page that starts inside a group names it again.
    pub fn table_captioned(
        &mut self,
        caption: Option<&str>,
        cols: &[Column],
        rows: &[Vec<Cell>],
        size: f32,
    ) {
        let table = self.element(Role::Table);
        self.inside(table, |l| l.table_rows(caption, cols, rows, size));
        self.y -= 2.0;
    }

    fn table_rows(
        &mut self,
        caption: Option<&str>,
        cols: &[Column],
        rows: &[Vec<Cell>],
        size: f32,
    ) {
        let lh = line_height(size);
        let header_h = 2.0 * lh + 2.0 * CELL_PAD;
        // The header stays with its first row (up to a few lines of it; a group heading
        // and the row under it when the table starts with one).
        let first_lines = match rows {
            [] => 1,
            [group, next, ..] if group.len() == 1 && cols.len() > 1 => {
                1 + self.row_lines(next, cols, size)
            }
            [first, ..] => self.row_lines(first, cols, size),
        };
        self.ensure(header_h + first_lines as f32 * lh + 4.0 * CELL_PAD);
        self.table_header(cols, size, false);
        let width: f32 = cols.iter().map(|c| c.width).sum();
        let mut group = String::new();
        let mut page_of_last_row = self.pages.len();
        for (i, row) in rows.iter().enumerate() {
            if let [only] = row.as_slice()
                && cols.len() > 1
            {
                group = only.text.clone();
                // A group heading stays with its first row (up to a few lines of it).
                let next_lines = rows
                    .get(i + 1)
                    .map_or(1, |next| self.row_lines(next, cols, size));
                let need = 2.0 * lh + (next_lines as f32 * lh) + 4.0 * CELL_PAD;
                if !self.fits(need) {
                    self.new_page();
                    self.continued(caption);
                    self.table_header(cols, size, true);
                }
                let cell = self.element(Role::TR);
                let cell = self.tree.add(cell, Role::TD { span: cols.len() });
                self.marked(Mark::In(cell), |l| l.group_row(&group, width, size));
                page_of_last_row = self.pages.len();
                continue;
            }
            let mut cells: Vec<(Vec<String>, &Cell)> = row
                .iter()
                .zip(cols)
                .map(|(cell, col)| {
                    let mut lines = wrap(
                        self.metrics,
                        &cell.text,
                        size,
                        cell.bold,
                        col.width - 2.0 * CELL_PAD,
                    );
                    if cell.bar.is_some() {
                        lines.push(BAR_LINE.to_string());
                    }
                    (lines, cell)
                })
                .collect();
            let tr = self.element(Role::TR);
            let tds: Vec<usize> = cells
                .iter()
                .map(|_| self.tree.add(tr, Role::TD { span: 1 }))
                .collect();
            let mut fresh = false;
            loop {
                // A page that starts inside a group says which one.
                if self.pages.len() != page_of_last_row && !group.is_empty() {
                    self.artifact(|l| l.group_row(&format!("{group} (forts.)"), width, size));
                }
                page_of_last_row = self.pages.len();
                let remaining = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(0).max(1);
                let fit = ((self.y - BOTTOM - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                // A row that fits on a page is never split; a taller one is split, but
                // never starts with a line or two at the bottom of a page.
                let capacity = ((TOP - header_h - BOTTOM - 2.0 * CELL_PAD) / lh).floor() as usize;
                let split_ok = remaining > capacity && fit >= 3;
                if !fresh && (fit == 0 || (fit < remaining && !split_ok)) {
                    self.new_page();
                    self.continued(caption);
                    self.table_header(cols, size, true);
                    fresh = true;
                    continue;
                }
                let take = remaining.min(fit.max(1));
                let top = self.y;
                self.row_slice(&mut cells, &tds, cols, take, size);
                let h = take as f32 * lh + 2.0 * CELL_PAD;
                let y = top - h;
                self.y = y;
                self.push(Item::Line {
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
                self.continued(caption);
                self.table_header(cols, size, true);
                fresh = true;
            }
        }
    }

    /// Draws the next `take` lines of each cell of a row (bars as drawn bars), from the
    /// current height down.
    fn row_slice(
        &mut self,
        cells: &mut [(Vec<String>, &Cell)],
        tds: &[usize],
        cols: &[Column],
        take: usize,
        size: f32,
    ) {
        let lh = line_height(size);
        let top = self.y;
        let mut x = MARGIN_X;
        for (((lines, cell), col), td) in cells.iter_mut().zip(cols).zip(tds) {
            let n = take.min(lines.len());
            for (i, l) in lines.drain(..n).enumerate() {
                if l == BAR_LINE {
                    let (share, color) = cell.bar.unwrap_or((0.0, RULE));
                    let w = col.width - 2.0 * CELL_PAD;
                    let y = top - CELL_PAD - i as f32 * lh - lh * 0.75;
                    let h = lh * 0.5;
                    let x = x + CELL_PAD;
                    self.push(Item::Rect {
                        x,
                        y,
                        w,
                        h,
                        color: TRACK,
                    });
                    if share > 0.0 {
                        let w = w * share;
                        self.push(Item::Rect { x, y, w, h, color });
                    }
                    continue;
                }
                self.page().push(
                    Mark::In(*td),
                    Item::Text {
                        x: x + CELL_PAD,
                        y: top - CELL_PAD - i as f32 * lh - ascent(size),
                        size,
                        bold: cell.bold,
                        color: cell.color,
                        text: l,
                    },
                );
            }
            x += col.width;
        }
    }

    /// A group heading across a table: bold on a light band.
    fn group_row(&mut self, text: &str, width: f32, size: f32) {
        let lh = line_height(size);
        let lines = wrap(self.metrics, text, size, true, width - 2.0 * CELL_PAD);
        let h = lines.len() as f32 * lh + 2.0 * CELL_PAD;
        let top = self.y;
        let mut items = vec![Item::Rect {
            x: MARGIN_X,
            y: top - h,
            w: width,
            h,
            color: GROUP_FILL,
        }];
        for (i, l) in lines.into_iter().enumerate() {
            items.push(Item::Text {
                x: MARGIN_X + CELL_PAD,
                y: top - CELL_PAD - i as f32 * lh - ascent(size),
                size,
                bold: true,
                color: BLACK,
                text: l,
            });
        }
        items.into_iter().for_each(|i| self.push(i));
        self.y = top - h;
    }

    /// How many lines a table row needs (its tallest cell, a bar counted as a line), at
    /// most six: enough to keep a heading with the start of its row.
    fn row_lines(&self, row: &[Cell], cols: &[Column], size: f32) -> usize {
        row.iter()
            .zip(cols)
            .map(|(c, col)| {
                wrap(
                    self.metrics,
                    &c.text,
                    size,
                    c.bold,
                    col.width - 2.0 * CELL_PAD,
                )
                .len()
                    + usize::from(c.bar.is_some())
            })
            .max()
            .unwrap_or(1)
            .min(6)
    }

    /// "Alla löften (forts.)" at the top of a page a table continues on.
    fn continued(&mut self, caption: Option<&str>) {
        if let Some(c) = caption {
            let lines = wrap(self.metrics, &format!("{c} (forts.)"), 9.0, true, CONTENT_W);
            self.artifact(|l| {
                for line in lines {
                    l.text_line(MARGIN_X, &line, 9.0, true, GREY);
                }
            });
            self.y -= 1.0;
        }
    }

    /// A small column chart, `height` mm tall: one bar per value with its label below and
    /// the number above (so it reads without colour); zeros get no bar. `alt` says what
    /// it shows to those who cannot see it.
    pub fn column_chart(
        &mut self,
        values: &[(String, u32)],
        width: f32,
        height: f32,
        color: Rgb,
        alt: &str,
    ) {
        const LABEL: f32 = 7.0;
        let total_h = height + 2.0 * line_height(LABEL) + 1.0;
        self.ensure(total_h);
        let max = values.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f32;
        let slot = width / values.len().max(1) as f32;
        let base = self.y - line_height(LABEL) - height;
        let mut items = Vec::new();
        items.push(Item::Line {
            x1: MARGIN_X,
            y1: base,
            x2: MARGIN_X + width,
            y2: base,
            color: RULE,
        });
        let mut last_label_end = f32::MIN;
        for (i, (label, n)) in values.iter().enumerate() {
            let x = MARGIN_X + i as f32 * slot;
            let h = height * *n as f32 / max;
            let bar_w = (slot * 0.7).min(12.0);
            let bx = x + (slot - bar_w) / 2.0;
            if *n > 0 {
                items.push(Item::Rect {
                    x: bx,
                    y: base,
                    w: bar_w,
                    h,
                    color,
                });
            }
            // Centred under the bar, kept inside the chart; a label that would run into
            // the one before it is left out (the months of a long period).
            let placed = |text: &str| {
                let w = self.metrics.width(text, LABEL, false);
                let left = (x + (slot - w) / 2.0).clamp(MARGIN_X, MARGIN_X + width - w);
                (left, left + w)
            };
            let number = n.to_string();
            let (nx, _) = placed(&number);
            items.push(Item::Text {
                x: nx,
                y: base + h + 1.0,
                size: LABEL,
                bold: false,
                color: BLACK,
                text: number,
            });
            let (lx, right) = placed(label);
            if lx >= last_label_end + 1.0 {
                items.push(Item::Text {
                    x: lx,
                    y: base - line_height(LABEL) + 0.5,
                    size: LABEL,
                    bold: false,
                    color: GREY,
                    text: label.clone(),
                });
                last_label_end = right;
            }
        }
        self.figure(alt, |l| items.into_iter().for_each(|i| l.push(i)));
        self.y -= total_h;
    }

    /// The laid-out pages; `decorate` adds header and footer items to page n of m.
    /// What `decorate` adds is marked as artifacts (running headers, page numbers).
    pub fn finish(mut self, decorate: impl Fn(usize, usize, &mut Page)) -> Pages {
        let total = self.pages.len();
        for (i, p) in self.pages.iter_mut().enumerate() {
            let before = p.items.len();
            decorate(i + 1, total, p);
            p.marks.truncate(before.min(p.marks.len()));
            p.marks.resize(p.items.len(), Mark::Artifact);
        }
        Pages {
            pages: self.pages,
            tree: self.tree,
        }
    }
}

#[cfg(test)]
#[path = "layout_tests.rs"]
pub mod tests;
