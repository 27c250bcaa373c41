-- Version 2: trygghetsvandringar, their observations and status history.
CREATE TABLE safety_walk (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    date            TEXT NOT NULL,
    time_of_day     TEXT NOT NULL CHECK (time_of_day IN ('dagsljus', 'morker')),
    area            TEXT NOT NULL CHECK (length(trim(area)) > 0),
    organisations   TEXT NOT NULL DEFAULT '[]',  -- JSON array
    participants    INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    notes           TEXT NOT NULL DEFAULT '',
    commitment_id   INTEGER REFERENCES commitment(id) ON DELETE SET NULL
);
CREATE INDEX safety_walk_municipality ON safety_walk(municipality_id, date);
CREATE INDEX safety_walk_commitment ON safety_walk(commitment_id);

CREATE TABLE observation (
    id            INTEGER PRIMARY KEY,
    walk_id       INTEGER NOT NULL REFERENCES safety_walk(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL CHECK (category IN ('belysning', 'vegetation', 'klotter', 'nedskrapning', 'skadegorelse', 'trafik', 'ovrigt')),
    description   TEXT NOT NULL DEFAULT '',
    measure       TEXT NOT NULL DEFAULT '',
    responsible   TEXT NOT NULL DEFAULT '',
    deadline      TEXT,
    status        TEXT NOT NULL DEFAULT 'ny' CHECK (status IN ('ny', 'pagar', 'atgardad', 'ej_atgard')),
    status_reason TEXT NOT NULL DEFAULT '',
    updated_on    TEXT NOT NULL,
    CHECK (status <> 'ej_atgard' OR length(trim(status_reason)) > 0)
);
CREATE INDEX observation_walk ON observation(walk_id, position);

CREATE TABLE observation_status_change (
    id             INTEGER PRIMARY KEY,
    observation_id INTEGER NOT NULL REFERENCES observation(id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    changed_on     TEXT NOT NULL
);
CREATE INDEX observation_status_change_obs ON observation_status_change(observation_id);

