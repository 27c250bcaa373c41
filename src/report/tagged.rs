//! Tagged, archivable PDF (PDF/UA-1 and PDF/A-2a): the one place that knows how a
//! report's structure becomes a PDF structure tree, and what the catalog, the document
//! info and the XMP metadata must say.
//!
//! The layout ([`super::layout::Layout`]) builds a [`Tree`] of structure elements as it
//! places text (heading, paragraph, list, table, figure with alt text) and marks every
//! drawn item as part of one element or as an artifact (running header, page number,
//! rules, fills). The writer wraps each run of items in a marked-content sequence with
//! an MCID; [`finish`] then adds the elements, the ParentTree and the catalog entries to
//! the document printpdf made (with lopdf, which printpdf itself writes through).

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// What a structure element is (PDF 32000-1 §14.8.4, standard types only, so no RoleMap).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Document,
    /// A heading, level 1–6.
    H(u8),
    P,
    L,
    LI,
    LBody,
    Table,
    TR,
    /// A column header (/Scope /Column).
    TH,
    /// A data cell spanning `span` columns.
    TD {
        span: usize,
    },
    /// A chart or photo; `alt` says what it shows.
    Figure {
        alt: String,
    },
}

impl Role {
    /// The standard structure type.
    pub fn name(&self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H(1) => "H1",
            Role::H(2) => "H2",
            Role::H(3) => "H3",
            Role::H(4) => "H4",
            Role::H(5) => "H5",
            Role::H(_) => "H6",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD { .. } => "TD",
            Role::Figure { .. } => "Figure",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: usize,
    /// Child elements in reading order. An element holds either children or content.
    pub kids: Vec<usize>,
}

/// The document's structure elements; node 0 is the Document.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: 0,
                kids: Vec::new(),
            }],
        }
    }
}

impl Tree {
    /// Adds an element as the last child of `parent`.
    pub fn add(&mut self, parent: usize, role: Role) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent,
            kids: Vec::new(),
        });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.kids.push(id);
        }
        id
    }

    /// Adds an element as the first child of `parent` (something printed above the rest).
    pub fn add_first(&mut self, parent: usize, role: Role) -> usize {
        let id = self.add(parent, role);
        if let Some(p) = self.nodes.get_mut(parent) {
            p.kids.pop();
            p.kids.insert(0, id);
        }
        id
    }

    pub fn role(&self, id: usize) -> Option<&Role> {
        self.nodes.get(id).map(|n| &n.role)
    }
}

/// What a drawn item is to a reader: content of a structure element, or an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Artifact,
    In(usize),
}

/// What the document says of itself.
pub struct Meta<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub made: chrono::NaiveDate,
    /// The diarienummer the registrator gave the document, if any.
    pub dnr: Option<&'a str>,
}

/// The natural language of every report.
pub const LANG: &str = "sv-SE";

/// sRGB (IEC 61966-2.1) as a 736-byte ICC v2 profile, CC0, from
/// saucecontrol/Compact-ICC-Profiles: the colour space the pages' DeviceRGB means.
const SRGB_ICC: &[u8] = include_bytes!("../../assets/color/sRGB-v2-magic.icc");

/// Adds the structure tree, the catalog entries, the document info and the XMP metadata
/// to `doc`. `marks[p][n]` is the element that MCID `n` on page `p` belongs to.
pub fn finish(
    doc: &mut lopdf::Document,
    tree: &Tree,
    marks: &[Vec<usize>],
    meta: &Meta,
) -> Result<(), String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() != marks.len() {
        return Err("PDF:ens sidor stämmer inte med sidornas taggar.".into());
    }
    // Each element's content, as (page, MCID) in reading order.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); tree.nodes.len()];
    for (p, page) in marks.iter().enumerate() {
        for (mcid, node) in page.iter().enumerate() {
            if let Some(c) = content.get_mut(*node) {
                c.push((p, mcid as i64));
            }
        }
    }
    // Elements with nothing in them (an empty paragraph) are left out; a parent only
    // when all its children are.
    let mut kept = vec![false; tree.nodes.len()];
    for id in (0..tree.nodes.len()).rev() {
        kept[id] = !content[id].is_empty() || tree.nodes[id].kids.iter().any(|k| kept[*k]);
    }
    kept[0] = true;
    let root_id = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = kept
        .iter()
        .map(|k| k.then(|| doc.new_object_id()))
        .collect();
    // ParentTree: per page, the element of each MCID.
    let mut parent_tree = Vec::new();
    for (p, page) in marks.iter().enumerate() {
        let refs: Vec<Object> = page
            .iter()
            .map(|n| {
                ids.get(*n)
                    .copied()
                    .flatten()
                    .map_or(Object::Null, Object::Reference)
            })
            .collect();
        parent_tree.push(Object::Integer(p as i64));
        parent_tree.push(Object::Array(refs));
        if let Ok(d) = doc.get_object_mut(pages[p]).and_then(Object::as_dict_mut) {
            d.set("StructParents", p as i64);
            d.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    for (id, node) in tree.nodes.iter().enumerate() {
        let Some(obj) = ids[id] else { continue };
        let parent = if id == 0 {
            root_id
        } else {
            ids[node.parent].unwrap_or(root_id)
        };
        // /Type /StructElem is optional: left out, it saves a tenth of the tree's bytes.
        let mut e = Dictionary::new();
        e.set("S", Object::Name(node.role.name().as_bytes().to_vec()));
        e.set("P", parent);
        let mut kids: Vec<Object> = node
            .kids
            .iter()
            .filter_map(|k| ids[*k].map(Object::Reference))
            .collect();
        if let Some((first_page, _)) = content[id].first() {
            let pg = pages[*first_page];
            e.set("Pg", pg);
            kids.extend(content[id].iter().map(|(p, mcid)| {
                if pages[*p] == pg {
                    Object::Integer(*mcid)
                } else {
                    let mut r = Dictionary::new();
                    r.set("Type", Object::Name(b"MCR".to_vec()));
                    r.set("Pg", pages[*p]);
                    r.set("MCID", *mcid);
                    Object::Dictionary(r)
                }
            }));
        }
        // One kid stands alone (the common form; some checkers read no other for H).
        e.set(
            "K",
            match <[Object; 1]>::try_from(kids) {
                Ok([one]) => one,
                Err(kids) => Object::Array(kids),
            },
        );
        match &node.role {
            Role::Figure { alt } => e.set("Alt", text(alt)),
            Role::TH => e.set("A", table_attr("Scope", Object::Name(b"Column".to_vec()))),
            Role::TD { span } if *span > 1 => {
                e.set("A", table_attr("ColSpan", Object::Integer(*span as i64)))
            }
            _ => {}
        }
        doc.objects.insert(obj, Object::Dictionary(e));
    }
    let parent_tree_id = doc.add_object(Dictionary::from_iter(vec![(
        "Nums",
        Object::Array(parent_tree),
    )]));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", ids[0].map_or(Object::Null, Object::Reference));
    root.set("ParentTree", parent_tree_id);
    root.set("ParentTreeNextKey", marks.len() as i64);
    doc.objects.insert(root_id, Object::Dictionary(root));

    let xmp = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(meta).into_bytes(),
    )
    // PDF/A: the metadata stays readable without a PDF parser (no filter).
    .with_compression(false);
    let xmp_id = doc.add_object(xmp);
    let icc_id = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![
            ("N", Object::Integer(3)),
            ("Alternate", Object::Name(b"DeviceRGB".to_vec())),
        ]),
        SRGB_ICC.to_vec(),
    ));
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", literal("sRGB")),
        ("Info", literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(icc_id)),
    ]);
    let info_id = doc.add_object(info(meta));
    doc.trailer.set("Info", info_id);

    let catalog = doc
        .catalog_mut()
        .map_err(|e| format!("PDF:ens katalog saknas: {e}"))?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    catalog.set("Lang", literal(LANG));
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set("Metadata", xmp_id);
    catalog.set("OutputIntents", Object::Array(vec![intent.into()]));
    doc.version = "1.7".into();
    Ok(())
}

fn table_attr(key: &str, value: Object) -> Dictionary {
    Dictionary::from_iter(vec![("O", Object::Name(b"Table".to_vec())), (key, value)])
}

fn literal(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// A text string: UTF-16BE with its byte-order mark, so that åäö survive.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Noon UTC of the day the document was made, as the document info and XMP write it.
fn stamp(made: chrono::NaiveDate) -> (String, String) {
    (
        format!("D:{}120000+00'00'", made.format("%Y%m%d")),
        format!("{}T12:00:00+00:00", made.format("%Y-%m-%d")),
    )
}

const PRODUCER: &str = concat!("Trygghetstavlan ", env!("CARGO_PKG_VERSION"));

/// The document info, entry for entry the same as the XMP (PDF/A-2 §6.6.3).
fn info(meta: &Meta) -> Dictionary {
    let (date, _) = stamp(meta.made);
    Dictionary::from_iter(vec![
        ("Title", text(meta.title)),
        ("Subject", text(meta.subject)),
        ("Creator", text("Trygghetstavlan")),
        ("Producer", text(PRODUCER)),
        ("CreationDate", literal(&date)),
        ("ModDate", literal(&date)),
    ])
}

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: title, subject, language, diarienummer, dates, and the PDF/A-2a and
/// PDF/UA-1 identification (with the extension schema PDF/A asks for pdfuaid).
pub fn xmp(meta: &Meta) -> String {
    let (_, date) = stamp(meta.made);
    let identifier = meta
        .dnr
        .map(|d| format!("\n   <dc:identifier>{}</dc:identifier>", xml(d)))
        .unwrap_or_default();
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{LANG}</rdf:li></rdf:Bag></dc:language>{identifier}
   <xmp:CreatorTool>Trygghetstavlan</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
        title = xml(meta.title),
        subject = xml(meta.subject),
    )
}
