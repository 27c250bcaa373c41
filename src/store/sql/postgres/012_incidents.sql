-- Schema 12: the lägesbild's händelser and each kommun's kategorier (see SQLite's
-- 012_incidents.sql).
CREATE TABLE incident_category (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    position        integer NOT NULL,
    name            text NOT NULL
);
CREATE INDEX incident_category_municipality ON incident_category(municipality_id, position);

CREATE TABLE incident (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    category_id     bigint NOT NULL REFERENCES incident_category(id) DEFERRABLE,
    date            date NOT NULL,
    time            text,
    area            text NOT NULL DEFAULT '',
    place           text NOT NULL,
    source          text NOT NULL DEFAULT '',
    count           integer NOT NULL DEFAULT 1 CHECK (count >= 1),
    description     text NOT NULL DEFAULT '',
    version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX incident_municipality_date ON incident(municipality_id, date);
CREATE INDEX incident_category_date ON incident(category_id, date);

CREATE TRIGGER incident_category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON incident_category FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
CREATE TRIGGER incident_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON incident FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
