-- Schema 13: indicators (a trygghetsmätning question, anmälda brott of a kind, a count
-- the group keeps) with a value per year, each linked to the löften and fokusområden it
-- measures.
CREATE TABLE indicator (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    name            TEXT NOT NULL,
    unit            TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    lower_is_better INTEGER NOT NULL DEFAULT 0 CHECK (lower_is_better IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX indicator_municipality ON indicator(municipality_id);

CREATE TABLE indicator_value (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    value        REAL NOT NULL,
    UNIQUE (indicator_id, year)
);

-- What an indicator measures: a löfte or a fokusområde (one of them per row).
CREATE TABLE indicator_link (
    id            INTEGER PRIMARY KEY,
    indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    commitment_id INTEGER REFERENCES commitment(id) ON DELETE CASCADE,
    focus_area_id INTEGER REFERENCES focus_area(id) ON DELETE CASCADE,
    CHECK ((commitment_id IS NULL) <> (focus_area_id IS NULL))
);
CREATE INDEX indicator_link_indicator ON indicator_link(indicator_id);
CREATE INDEX indicator_link_commitment ON indicator_link(commitment_id);
CREATE INDEX indicator_link_focus_area ON indicator_link(focus_area_id);
