-- Schema 13: indicators with a value per year and what they measure (see SQLite's
-- 013_indicators.sql).
CREATE TABLE indicator (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    name            text NOT NULL,
    unit            text NOT NULL DEFAULT '',
    source          text NOT NULL DEFAULT '',
    lower_is_better boolean NOT NULL DEFAULT false,
    version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX indicator_municipality ON indicator(municipality_id);

CREATE TABLE indicator_value (
    id           bigint PRIMARY KEY,
    indicator_id bigint NOT NULL REFERENCES indicator(id) ON DELETE CASCADE DEFERRABLE,
    year         integer NOT NULL,
    value        double precision NOT NULL,
    UNIQUE (indicator_id, year)
);

CREATE TABLE indicator_link (
    id            bigint PRIMARY KEY,
    indicator_id  bigint NOT NULL REFERENCES indicator(id) ON DELETE CASCADE DEFERRABLE,
    commitment_id bigint REFERENCES commitment(id) ON DELETE CASCADE DEFERRABLE,
    focus_area_id bigint REFERENCES focus_area(id) ON DELETE CASCADE DEFERRABLE,
    CHECK ((commitment_id IS NULL) <> (focus_area_id IS NULL))
);
CREATE INDEX indicator_link_indicator ON indicator_link(indicator_id);
CREATE INDEX indicator_link_commitment ON indicator_link(commitment_id);
CREATE INDEX indicator_link_focus_area ON indicator_link(focus_area_id);

CREATE TRIGGER indicator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON indicator FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
CREATE TRIGGER indicator_value_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON indicator_value FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
CREATE TRIGGER indicator_link_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON indicator_link FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
