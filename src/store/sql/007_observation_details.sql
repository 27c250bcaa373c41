-- Version 7: an observation can be positive (a place that feels safe) and can carry a
-- position; photos are kept in their own table so that nothing else ever loads them.
ALTER TABLE observation ADD COLUMN positive INTEGER NOT NULL DEFAULT 0 CHECK (positive IN (0, 1));
ALTER TABLE observation ADD COLUMN latitude REAL;
ALTER TABLE observation ADD COLUMN longitude REAL;

CREATE TABLE observation_photo (
    id             INTEGER PRIMARY KEY,
    observation_id INTEGER NOT NULL REFERENCES observation(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    jpeg           BLOB    NOT NULL,          -- re-encoded, at most 1600 px, no metadata
    width          INTEGER NOT NULL CHECK (width > 0),
    height         INTEGER NOT NULL CHECK (height > 0)
);
CREATE INDEX observation_photo_obs ON observation_photo(observation_id, position);
