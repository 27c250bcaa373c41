-- Version 4: lägesbildsmöten as records, with their beslut. The single "last meeting"
-- date of each kommun becomes its first recorded meeting.
CREATE TABLE meeting (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    date            TEXT    NOT NULL,                 -- ISO date
    participants    TEXT    NOT NULL DEFAULT '[]',    -- JSON list of organisations/roles
    notes           TEXT    NOT NULL DEFAULT ''       -- the lägesbild as discussed
);
CREATE INDEX meeting_by_kommun ON meeting(municipality_id, date);

CREATE TABLE decision (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    responsible   TEXT    NOT NULL DEFAULT '',        -- organisation or role, never a name
    deadline      TEXT,                               -- ISO date
    commitment_id INTEGER REFERENCES commitment(id) ON DELETE SET NULL,
    status        TEXT    NOT NULL DEFAULT 'oppen' CHECK (status IN ('oppen', 'klar', 'struken')),
    status_reason TEXT    NOT NULL DEFAULT '',
    status_date   TEXT                                -- ISO date of the last status change
);
CREATE INDEX decision_by_meeting ON decision(meeting_id, position);

INSERT INTO meeting(municipality_id, date)
    SELECT id, last_meeting FROM municipality WHERE last_meeting IS NOT NULL;
