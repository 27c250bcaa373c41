-- Schema 11: an edit counter on every record a form edits. A save names the version it
-- read and is refused when someone else saved in between (several editors at once on a
-- server, or two windows on one file). Local bookkeeping: the exchange does not carry it.
ALTER TABLE activity ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE safety_walk ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE observation ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE meeting ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE decision ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE pledge ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE commitment ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE assessment ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE pledge_assessment ADD COLUMN version bigint NOT NULL DEFAULT 0;
