-- Version 8: a return walk (återbesök) names the walk whose open åtgärder it checks.
ALTER TABLE safety_walk ADD COLUMN revisit_of INTEGER REFERENCES safety_walk(id) ON DELETE SET NULL;

-- A lägesbildsmöte belongs to one kommun's group or to a lokalpolisområde (a
-- joint meeting of all its kommuner). SQLite cannot relax NOT NULL in place, so meeting is
-- rebuilt (and decision with it, so that its rows follow); ids and rows are kept.
CREATE TABLE meeting_new (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipality(id) ON DELETE CASCADE,
    police_area_id  INTEGER REFERENCES police_area(id) ON DELETE CASCADE,
    date            TEXT    NOT NULL,
    participants    TEXT    NOT NULL DEFAULT '[]',
    notes           TEXT    NOT NULL DEFAULT '',
    CHECK ((municipality_id IS NULL) <> (police_area_id IS NULL))
);
INSERT INTO meeting_new(id, municipality_id, date, participants, notes)
    SELECT id, municipality_id, date, participants, notes FROM meeting;

CREATE TABLE decision_new (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting_new(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    responsible   TEXT    NOT NULL DEFAULT '',
    deadline      TEXT,
    commitment_id INTEGER REFERENCES commitment(id) ON DELETE SET NULL,
    status        TEXT    NOT NULL DEFAULT 'oppen' CHECK (status IN ('oppen', 'klar', 'struken')),
    status_reason TEXT    NOT NULL DEFAULT '',
    status_date   TEXT
);
INSERT INTO decision_new SELECT id, meeting_id, position, text, responsible, deadline,
    commitment_id, status, status_reason, status_date FROM decision;

DROP TABLE decision;
DROP TABLE meeting;
ALTER TABLE meeting_new RENAME TO meeting;
ALTER TABLE decision_new RENAME TO decision;
CREATE INDEX meeting_by_kommun ON meeting(municipality_id, date);
CREATE INDEX meeting_by_area ON meeting(police_area_id, date);
CREATE INDEX decision_by_meeting ON decision(meeting_id, position);
