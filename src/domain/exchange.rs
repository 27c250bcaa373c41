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
    /// The sender's key before it was restored from a copy: the same partner.
    #[serde(default)]
    pub previous_key: Option<String>,
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

pub fn column_label(column: &str) -> &str {
    match column {
        "agreement_id" => "överenskommelse",
        "area" => "område",
        "category" => "kategori",
        "cause" => "orsak",
        "changed_on" => "ändrad",
        "checked_on" => "kontrollerad",
        "commitment_id" => "löfte",
        "contact" => "kontakt",
        "copied_from" => "kopierat från",
        "count" => "antal",
        "created_at" => "skapad",
        "date" => "datum",
        "deadline" => "klart senast",
        "description" => "beskrivning",
        "first_year" => "första år",
        "goal" => "mål",
        "height" => "höjd",
        "internal_note" => "intern anteckning",
        "jpeg" => "bild",
        "label" => "etikett",
        "last_meeting" => "senaste möte",
        "last_year" => "sista år",
        "latitude" => "latitud",
        "longitude" => "longitud",
        "manual_reason" => "skäl till status",
        "manual_status" => "status satt för hand",
        "measure" => "åtgärd",
        "meeting_id" => "möte",
        "municipality_id" => "kommun",
        "name" => "namn",
        "next_step" => "fortsättning",
        "notes" => "anteckningar",
        "observation_id" => "iakttagelse",
        "organisations" => "organisationer",
        "overall" => "helhetsbedömning",
        "participants" => "deltagare",
        "party" => "ansvarig part",
        "per_year" => "per år",
        "place" => "plats",
        "pledge_id" => "medborgarlöfte",
        "police_area_id" => "lokalpolisområde",
        "position" => "ordning",
        "positive" => "upplevs tryggt",
        "reason" => "skäl",
        "responsible" => "ansvarig",
        "result" => "resultat",
        "revisit_of" => "återbesök av",
        "role" => "roll",
        "section_id" => "avsnitt",
        "status" => "status",
        "status_date" => "statusdatum",
        "status_reason" => "skäl",
        "sub_areas" => "delområden",
        "tags" => "taggar",
        "target_id" => "mål",
        "text" => "text",
        "time_of_day" => "tid på dygnet",
        "title" => "rubrik",
        "unit" => "enhet",
        "updated_on" => "uppdaterad",
        "walk_id" => "vandring",
        "width" => "bredd",
        "year" => "år",
        other => other,
    }
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
