-- Trygghetstavlan schema, version 1: kommuner, medborgarlöften, insatser, överenskommelser.
PRAGMA application_id = 1416788327;

CREATE TABLE police_area (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE municipality (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    police_area_id INTEGER NOT NULL REFERENCES police_area(id),
    last_meeting   TEXT  -- date of the latest lägesbild meeting, ISO
);
CREATE INDEX municipality_area ON municipality(police_area_id);

CREATE TABLE pledge (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    first_year      INTEGER NOT NULL,
    last_year       INTEGER NOT NULL,
    title           TEXT NOT NULL,
    goal            TEXT NOT NULL DEFAULT '',
    contact         TEXT,
    CHECK (first_year <= last_year),
    UNIQUE (municipality_id, first_year, last_year)
);

CREATE TABLE signatory (
    id        INTEGER PRIMARY KEY,
    pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signatory_pledge ON signatory(pledge_id, position);

CREATE TABLE section (
    id        INTEGER PRIMARY KEY,
    pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL
);
CREATE INDEX section_pledge ON section(pledge_id, position);

CREATE TABLE commitment (
    id            INTEGER PRIMARY KEY,
    section_id    INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    party         TEXT NOT NULL CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    sub_areas     TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    tags          TEXT NOT NULL DEFAULT '[]',  -- JSON array of fokusområden
    manual_status TEXT CHECK (manual_status IN ('genomford', 'pagar', 'delvis', 'ej_paborjad', 'ej_genomford')),
    manual_reason TEXT,
    checked_on    TEXT,
    CHECK (manual_status IS NULL OR length(trim(coalesce(manual_reason, ''))) > 0)
);
CREATE INDEX commitment_section ON commitment(section_id, position);

CREATE TABLE target (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    count         INTEGER NOT NULL CHECK (count > 0),
    unit          TEXT NOT NULL DEFAULT '',
    per_year      INTEGER NOT NULL DEFAULT 0 CHECK (per_year IN (0, 1)),
    party         TEXT CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    label         TEXT
);
CREATE INDEX target_commitment ON target(commitment_id, position);

-- An insats. commitment_id has no ON DELETE: a löfte with insatser cannot be deleted
-- by accident; the store deletes its insatser first when asked to explicitly.
CREATE TABLE activity (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    commitment_id   INTEGER REFERENCES commitment(id),
    target_id       INTEGER REFERENCES target(id) ON DELETE SET NULL,
    date            TEXT NOT NULL,
    party           TEXT NOT NULL CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    count           INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    place           TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    internal_note   TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX activity_commitment ON activity(commitment_id, date);
CREATE INDEX activity_target ON activity(target_id, date);
CREATE INDEX activity_municipality ON activity(municipality_id, date);

CREATE TABLE agreement (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    first_year      INTEGER NOT NULL,
    last_year       INTEGER NOT NULL,
    title           TEXT NOT NULL,
    CHECK (first_year <= last_year)
);

CREATE TABLE focus_area (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL
);
CREATE INDEX focus_area_agreement ON focus_area(agreement_id, position);
