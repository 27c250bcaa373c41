-- Version 5: the yearly bedömning per löfte (resultat och bedömning, orsak, fortsättning),
-- for the uppföljning. Public text: never an internal note.
CREATE TABLE assessment (
    commitment_id INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    result        TEXT    NOT NULL DEFAULT '',
    cause         TEXT    NOT NULL DEFAULT '',
    next_step     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (commitment_id, year)
);
