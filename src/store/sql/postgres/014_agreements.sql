-- Schema 14: the samverkansöverenskommelse as records of its own (see SQLite's
-- 014_agreements.sql).
ALTER TABLE agreement ADD COLUMN parties jsonb NOT NULL DEFAULT '[]';
ALTER TABLE agreement ADD COLUMN forums jsonb NOT NULL DEFAULT '[]';

CREATE TABLE commitment_focus_area (
    commitment_id bigint NOT NULL REFERENCES commitment(id) ON DELETE CASCADE DEFERRABLE,
    focus_area_id bigint NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE DEFERRABLE,
    PRIMARY KEY (commitment_id, focus_area_id)
);
CREATE INDEX commitment_focus_area_focus ON commitment_focus_area(focus_area_id);

CREATE TABLE activity_focus_area (
    activity_id   bigint NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE,
    focus_area_id bigint NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE DEFERRABLE,
    PRIMARY KEY (activity_id, focus_area_id)
);
CREATE INDEX activity_focus_area_focus ON activity_focus_area(focus_area_id);

CREATE TABLE focus_area_category (
    focus_area_id bigint NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE DEFERRABLE,
    category_id   bigint NOT NULL REFERENCES incident_category(id) ON DELETE CASCADE DEFERRABLE,
    PRIMARY KEY (focus_area_id, category_id)
);

INSERT INTO commitment_focus_area(commitment_id, focus_area_id)
SELECT c.id, f.id
FROM commitment c
JOIN section s ON s.id = c.section_id
JOIN pledge p ON p.id = s.pledge_id
CROSS JOIN LATERAL jsonb_array_elements_text(c.tags) AS t(value)
JOIN agreement a ON a.municipality_id = p.municipality_id
    AND a.first_year <= p.last_year AND a.last_year >= p.first_year
JOIN focus_area f ON f.agreement_id = a.id AND lower(f.name) = lower(t.value)
ON CONFLICT DO NOTHING;

UPDATE commitment SET tags = (
    SELECT coalesce(jsonb_agg(t.value), '[]'::jsonb)
    FROM jsonb_array_elements_text(commitment.tags) AS t(value)
    WHERE NOT EXISTS (
        SELECT 1 FROM commitment_focus_area l JOIN focus_area f ON f.id = l.focus_area_id
        WHERE l.commitment_id = commitment.id AND lower(f.name) = lower(t.value)))
WHERE EXISTS (SELECT 1 FROM commitment_focus_area l WHERE l.commitment_id = commitment.id);

CREATE TRIGGER commitment_focus_area_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON commitment_focus_area FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
CREATE TRIGGER activity_focus_area_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON activity_focus_area FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();
CREATE TRIGGER focus_area_category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON focus_area_category FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed();

-- A covering index for the lägesbild's counts (see SQLite's 014_agreements.sql).
DROP INDEX incident_municipality_date;
CREATE INDEX incident_municipality_date
    ON incident(municipality_id, date, category_id, area, place, count);
