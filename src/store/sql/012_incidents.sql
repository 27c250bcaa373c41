-- Schema 12: the lägesbild's händelser (inrapporteringar from the verksamheter: what
-- creates otrygghet in a public place, never who) and each kommun's list of kategorier.
-- A kategori's id is derived from its kommun and name when it is made, so that two
-- installations that take the same default list agree on it (the exchange).
CREATE TABLE incident_category (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL
);
CREATE INDEX incident_category_municipality ON incident_category(municipality_id, position);

CREATE TABLE incident (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    category_id     INTEGER NOT NULL REFERENCES incident_category(id),
    date            TEXT NOT NULL,
    -- 'HH:MM' when the report says when, else NULL.
    time            TEXT,
    area            TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL,
    -- Which verksamhet or party reported it (internal).
    source          TEXT NOT NULL DEFAULT '',
    count           INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    -- Internal: never in a public export.
    description     TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_municipality_date ON incident(municipality_id, date);
CREATE INDEX incident_category_date ON incident(category_id, date);
