//! What travels between two databases of one samverkan group (kommun and polis): the
//! changes since the partner last confirmed receipt, as rows with versioned values.
//! `store::sync` makes and applies them; `exchange` seals them in an encrypted file.

use serde::{Deserialize, Serialize};

/// The format of the content; a file of another format is refused.
pub const FORMAT: u32 = 1;

/// One value of a column as it travels: SQLite's five kinds, blobs in base64.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Val {
    N,
    I(i64),
    R(f64),
    T(String),
    B(String),
}

/// Who changed something last, at which clock (Lamport): the higher pair wins, the same
/// on every site, so that every site ends with the same value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Version {
    pub clock: i64,
    /// Index into [`Changes::sites`].
    pub site: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    /// The sender's schema version; the receiver must have the same.
    pub schema: i64,
    /// The sender's program version, named to a receiver of another schema.
    pub program: String,
    pub sender: String,
    pub sender_key: String,
    pub receiver: String,
    /// None in the first file to a partner not heard from yet.
    pub receiver_key: Option<String>,
    /// The files from sender to receiver are numbered 1, 2, …
    pub number: i64,
    /// The number of the receiver's last file the sender had read (acknowledgement).
    pub ack: i64,
    pub made_at: String,
    /// The first file to a partner: a whole copy of the records.
    pub whole_copy: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub header: Header,
    /// Installation keys, referred to by index from every version.
    pub sites: Vec<String>,
    pub rows: Vec<RowChange>,
}

/// A row that is new, changed or removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowChange {
    pub table: String,
    /// The primary key's values (`id`, or `commitment_id, year`).
    pub key: Vec<i64>,
    pub removed: bool,
    /// When the row came to be (or was removed, or restored).
    pub version: Version,
    /// Every column is here: the receiver may not have the row yet.
    pub whole: bool,
    pub cells: Vec<CellChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellChange {
    pub column: String,
    pub value: Val,
    pub version: Version,
    /// The version this value replaced where it was made: a value made without knowing
    /// the receiver's is a conflict.
    pub replaced: Option<Version>,
}

impl Changes {
    /// Rows new, changed and removed, for the summary.
    pub fn counts(&self) -> (usize, usize, usize) {
        let removed = self.rows.iter().filter(|r| r.removed).count();
        let whole = self.rows.iter().filter(|r| !r.removed && r.whole).count();
        (whole, self.rows.len() - removed - whole, removed)
    }
}

/// A value changed on both sides, or removed on one and changed on the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: i64,
    pub partner: String,
    pub table: String,
    pub row_key: String,
    /// Empty when a removal is in conflict with a change.
    pub column: String,
    pub ours: Option<Val>,
    pub theirs: Option<Val>,
    /// Which side both databases kept until a human decides.
    pub kept_theirs: bool,
    pub found_at: String,
    /// A human's decision: Some(true) took theirs, Some(false) kept ours.
    pub resolved: Option<bool>,
    /// What the row is, in words ("Insats 2026-03-04 i Ronneby").
    pub what: String,
}

/// Swedish names of tables and columns for people reading a file or a conflict.
pub fn table_label(table: &str) -> &str {
    match table {
        "police_area" => "Lokalpolisområde",
        "municipality" => "Kommun",
        "pledge" => "Medborgarlöfte",
        "signatory" => "Undertecknare",
        "section" => "Avsnitt",
        "commitment" => "Löfte",
        "target" => "Mål",
        "activity" => "Insats",
        "agreement" => "Samverkansöverenskommelse",
        "focus_area" => "Fokusområde",
        "safety_walk" => "Trygghetsvandring",
        "observation" => "Iakttagelse",
        "observation_status_change" => "Statusändring",
        "observation_photo" => "Foto",
        "meeting" => "Lägesbildsmöte",
        "decision" => "Beslut",
        "assessment" => "Bedömning",
        "pledge_assessment" => "Bedömning av löftet",
        other => other,
    }
}

pub fn column_label(column: &str) -> String {
    let word = match column {
        "name" => "namn",
        "title" => "rubrik",
        "text" => "text",
        "date" => "datum",
        "description" => "beskrivning",
        "note" | "notes" => "anteckning",
        "internal_note" => "intern anteckning",
        "count" => "antal",
        "unit" => "enhet",
        "status" => "status",
        "party" => "part",
        "place" => "plats",
        "area" => "område",
        "category" => "kategori",
        "position" => "ordning",
        "result" => "resultat",
        "cause" => "orsak",
        "next_step" => "nästa steg",
        "overall" => "helhet",
        "goal" => "mål",
        "contact" => "kontakt",
        "jpeg" => "bild",
        "caption" => "bildtext",
        "action" => "åtgärd",
        "responsible" => "ansvarig",
        "deadline" => "klart senast",
        other => return other.replace('_', " "),
    };
    word.to_string()
}

/// A value as a person reads it; photos by size only.
pub fn show_value(v: &Val) -> String {
    match v {
        Val::N => "(tomt)".into(),
        Val::I(i) => i.to_string(),
        Val::R(f) => f.to_string(),
        Val::T(s) => s.clone(),
        Val::B(b) => format!("binärdata ({} kB)", b.len() * 3 / 4 / 1024),
    }
}
