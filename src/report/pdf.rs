//! Writes laid-out pages with printpdf, embedding a subset of DejaVu Sans so that åäö
//! render and extract everywhere; the page header and footer every report shares.

pub(super) use super::follow_up::follow_up_body;
pub use super::follow_up::{activity_summary, layout_pages};
use super::layout::{
    self, GREY, Item, Layout, MARGIN_X, Mark, Metrics, PAGE_H, PAGE_W, Page, Pages, Rgb,
};
use super::model::FollowUp;
use super::tagged::{self, Meta};

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

pub(super) const BODY: f32 = 10.0;
pub(super) const SMALL: f32 = 8.5;
pub(super) const TABLE: f32 = 9.0;

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

/// Closes the layout with a footer ("… · Sida N av M") on every page and a running
/// header from the second page on.
pub(super) fn finish_pages(l: Layout, m: &dyn Metrics, footer: &str, header: &str) -> Pages {
    let header = header.to_string();
    let footer_metrics = m;
    l.finish(|n, total, page| {
        let text = format!("{footer} · Sida {n} av {total}");
        let w = footer_metrics.width(&text, SMALL, false);
        page.push(
            Mark::Artifact,
            Item::Text {
                x: (PAGE_W - w) / 2.0,
                y: 12.0,
                size: SMALL,
                bold: false,
                color: GREY,
                text,
            },
        );
        if n > 1 {
            page.push(
                Mark::Artifact,
                Item::Text {
                    x: MARGIN_X,
                    y: PAGE_H - 16.0,
                    size: SMALL,
                    bold: false,
                    color: GREY,
                    text: header.clone(),
                },
            );
            page.push(
                Mark::Artifact,
                Item::Line {
                    x1: MARGIN_X,
                    y1: PAGE_H - 18.0,
                    x2: PAGE_W - MARGIN_X,
                    y2: PAGE_H - 18.0,
                    color: layout::RULE,
                },
            );
        }
    })
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

/// An open text object: the font set in it (bold, size) and where its last line began.
type TextObject = (Option<(bool, f32)>, (f32, f32));

/// The page's drawing operations, each run of items of one element in a marked-content
/// sequence with its MCID, artifacts in /Artifact sequences; and the element of each
/// MCID, in order.
fn ops(
    page: &Page,
    tree: &layout::Tree,
    regular: &FontId,
    bold: &FontId,
    photos: &PhotoIds,
) -> (Vec<Op>, Vec<usize>) {
    let mut ops = Vec::new();
    let mut mcids = Vec::new();
    let mut open: Option<Mark> = None;
    // The lines of one element share a text object: its font and colour are set when
    // they change, each line moves from the one before (Td is relative to it).
    let mut in_text: Option<TextObject> = None;
    let mut fill: Option<Rgb> = None;
    let end_text = |ops: &mut Vec<Op>, open: &mut Option<_>| {
        if open.take().is_some() {
            ops.push(Op::EndTextSection);
        }
    };
    // Text at `i` is followed by more text of the same element.
    let continues = |i: usize| {
        matches!(page.items.get(i + 1), Some(Item::Text { .. }))
            && page.marks.get(i + 1) == page.marks.get(i)
    };
    for (i, item) in page.items.iter().enumerate() {
        let mark = page.marks.get(i).copied().unwrap_or(Mark::Artifact);
        if open != Some(mark) {
            end_text(&mut ops, &mut in_text);
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            ops.push(match mark {
                Mark::Artifact => Op::BeginMarkedContent {
                    tag: "Artifact".into(),
                },
                Mark::In(id) => {
                    let tag = tree.role(id).map_or("P", |r| r.name()).to_string();
                    let mcid = printpdf::DictItem::Int(mcids.len() as i64);
                    mcids.push(id);
                    Op::BeginMarkedContentWithProperties {
                        tag,
                        properties: printpdf::DictItem::Dict {
                            map: [("MCID".to_string(), mcid)].into_iter().collect(),
                        },
                    }
                }
            });
            open = Some(mark);
        }
        if !matches!(item, Item::Text { .. }) {
            end_text(&mut ops, &mut in_text);
        }
        match item {
            Item::Image {
                x, y, w, h, jpeg, ..
            } => {
                // Drawn inside q … Q: the colour afterwards is the one before.
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
                let (font_set, from) = in_text.get_or_insert_with(|| {
                    ops.push(Op::StartTextSection);
                    (None, (0.0, 0.0))
                });
                if *font_set != Some((*b, *size)) {
                    let font = if *b { bold } else { regular };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(*size),
                    });
                    *font_set = Some((*b, *size));
                }
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::SetTextCursor {
                    pos: Point::new(Mm(*x - from.0), Mm(*y - from.1)),
                });
                *from = (*x, *y);
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(if continues(i) {
                        // A wrapped line ends in the space it was broken at, so
                        // that the text read from the structure keeps its words.
                        shown(text, *b) + " "
                    } else {
                        shown(text, *b)
                    })],
                });
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
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
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
    end_text(&mut ops, &mut in_text);
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    (ops, mcids)
}

/// Compresses every stream that has no filter yet (content, ToUnicode maps, the ICC
/// profile) at zlib's fastest level: lopdf's `compress` uses the best level, which took
/// 20 ms of the 54-page uppföljning's 80 against 5 ms now, for files about a tenth larger
/// (`cargo bench --bench report`). Streams that must stay readable (the XMP) are left.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        if z.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = z.finish()
            && packed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// A rendered report.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Renders the report as PDF.
pub fn render_pdf(f: &FollowUp, dnr: Option<&str>) -> Result<Pdf, String> {
    let metrics = font_metrics().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    let pages = layout_pages(f, &metrics);
    let subject = format!("Medborgarlöfte {} — {}", f.period, f.municipality);
    write_pdf(
        &Meta {
            title: &f.title(),
            subject: &subject,
            made: f.report_date,
            dnr,
        },
        pages,
    )
}

/// Writes laid-out pages as an A4 PDF with DejaVu Sans embedded, tagged (PDF/UA-1) and
/// archivable (PDF/A-2a): printpdf draws the pages, [`tagged::finish`] adds the structure
/// and metadata. A diarienummer is printed at the top of the first page.
pub(super) fn write_pdf(meta: &Meta, mut pages: Pages) -> Result<Pdf, String> {
    let fonts = fonts().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
    if let Some(dnr) = meta.dnr {
        let metrics = font_metrics_inner().ok_or("Typsnittet DejaVu Sans kunde inte läsas.")?;
        pages.stamp_first_page(&metrics, &format!("Dnr: {dnr}"));
    }
    let mut doc = PdfDocument::new(meta.title);
    let regular = doc.add_font(&fonts.0);
    let bold = doc.add_font(&fonts.1);
    let photos = add_photos(&mut doc, &pages);
    let mut marks = Vec::with_capacity(pages.len());
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| {
            let (ops, mcids) = ops(p, &pages.tree, &regular, &bold, &photos);
            marks.push(mcids);
            PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops)
        })
        .collect();
    let count = pdf_pages.len();
    let options = PdfSaveOptions::default();
    let mut warnings = Vec::new();
    let mut lo = doc
        .with_pages(pdf_pages)
        .to_lopdf_document(&options, &mut warnings);
    tagged::finish(&mut lo, &pages.tree, &marks, meta)?;
    if options.optimize {
        compress(&mut lo);
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| format!("PDF:en kunde inte skrivas: {e}"))?;
    Ok(Pdf {
        bytes,
        pages: count,
    })
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
