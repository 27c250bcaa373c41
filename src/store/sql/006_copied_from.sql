-- Version 6: a löfte copied forward to a new period remembers the löfte it came from, so
-- the uppföljning can show last period's result beside this one's.
ALTER TABLE commitment ADD COLUMN copied_from INTEGER REFERENCES commitment(id) ON DELETE SET NULL;
