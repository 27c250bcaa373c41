-- Version 9: the yearly bedömning of a whole medborgarlöfte (samlad bedömning, så går vi
-- vidare), for the uppföljning and the citizens' page. Public text: never an internal note.
CREATE TABLE pledge_assessment (
    pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
    year      INTEGER NOT NULL,
    overall   TEXT    NOT NULL DEFAULT '',
    next_step TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (pledge_id, year)
);
