-- Version 10: ids that never collide between two databases (re-keyed by the migration's
-- code, store/rekey.rs) and the bookkeeping of the exchange between kommun and polis.

-- This installation: its key (random, never shown as a secret), the name it gives itself
-- to partners, its Lamport clock and the number of its last recorded change.
CREATE TABLE sync_site (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    site_key TEXT    NOT NULL,
    name     TEXT,
    clock    INTEGER NOT NULL DEFAULT 0,
    seq      INTEGER NOT NULL DEFAULT 0,
    -- The key before the last restore from a copy (see store::sync::after_restore).
    previous_key TEXT
);

-- Each partner this database exchanges with.
CREATE TABLE sync_partner (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    site_key        TEXT    UNIQUE,            -- known from their first file
    sent_file       INTEGER NOT NULL DEFAULT 0, -- number of the last file sent to them
    acked_file      INTEGER NOT NULL DEFAULT 0, -- our last file they confirmed having read
    acked_seq       INTEGER NOT NULL DEFAULT 0, -- our changes up to here they have
    received_file   INTEGER NOT NULL DEFAULT 0  -- their last file read here
);

-- Files sent and read (a registrator's log; what each sent file covered).
CREATE TABLE sync_file (
    partner_id INTEGER NOT NULL REFERENCES sync_partner(id) ON DELETE CASCADE,
    direction  TEXT    NOT NULL CHECK (direction IN ('sent', 'received')),
    number     INTEGER NOT NULL,
    at         TEXT    NOT NULL,
    up_to_seq  INTEGER NOT NULL DEFAULT 0,
    rows       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, direction, number)
);

-- The version of every row (alive or removed) ...
CREATE TABLE sync_row (
    tbl      TEXT    NOT NULL,
    row_key  TEXT    NOT NULL,
    deleted  INTEGER NOT NULL DEFAULT 0,
    clock    INTEGER NOT NULL,
    site     TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;
CREATE INDEX sync_row_seq ON sync_row(seq);

-- ... and of every value: who changed it last at which clock, and the version it replaced.
CREATE TABLE sync_cell (
    tbl        TEXT    NOT NULL,
    row_key    TEXT    NOT NULL,
    col        TEXT    NOT NULL,
    hash       BLOB    NOT NULL,
    clock      INTEGER NOT NULL,
    site       TEXT    NOT NULL,
    prev_clock INTEGER NOT NULL DEFAULT 0,
    prev_site  TEXT    NOT NULL DEFAULT '',
    seq        INTEGER NOT NULL,
    PRIMARY KEY (tbl, row_key, col)
) WITHOUT ROWID;
CREATE INDEX sync_cell_seq ON sync_cell(seq);

-- The same value changed on both sides (or removed on one, changed on the other): both
-- sides kept the same winner; a human decides with "Behåll vår" / "Ta deras".
CREATE TABLE sync_conflict (
    id         INTEGER PRIMARY KEY,
    partner    TEXT    NOT NULL,
    tbl        TEXT    NOT NULL,
    row_key    TEXT    NOT NULL,
    col        TEXT    NOT NULL,             -- '' when a removal is in conflict
    ours       TEXT,                         -- values as JSON
    theirs     TEXT,
    kept       TEXT    NOT NULL CHECK (kept IN ('ours', 'theirs')),
    found_at   TEXT    NOT NULL,
    resolved   TEXT                          -- 'ours', 'theirs' once a human chose
);
