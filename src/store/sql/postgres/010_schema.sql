-- Trygghetstavlan on PostgreSQL: the schema of SQLite version 10 in the server's own
-- types (date, boolean, jsonb, bytea, bigint ids). Table and column names are the same as
-- in the file, so the store's queries serve both; `store::server` checks that they stay so.
-- Foreign keys are DEFERRABLE so that a multi-step write may check them at its end.

CREATE TABLE police_area (
    id   bigint PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE municipality (
    id             bigint PRIMARY KEY,
    name           text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    police_area_id bigint NOT NULL REFERENCES police_area(id) DEFERRABLE,
    last_meeting   date
);
CREATE INDEX municipality_area ON municipality(police_area_id);

CREATE TABLE pledge (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    first_year      integer NOT NULL,
    last_year       integer NOT NULL,
    title           text NOT NULL,
    goal            text NOT NULL DEFAULT '',
    contact         text,
    CHECK (first_year <= last_year),
    UNIQUE (municipality_id, first_year, last_year)
);

CREATE TABLE signatory (
    id        bigint PRIMARY KEY,
    pledge_id bigint NOT NULL REFERENCES pledge(id) ON DELETE CASCADE DEFERRABLE,
    position  integer NOT NULL,
    name      text NOT NULL,
    role      text NOT NULL DEFAULT ''
);
CREATE INDEX signatory_pledge ON signatory(pledge_id, position);

CREATE TABLE section (
    id        bigint PRIMARY KEY,
    pledge_id bigint NOT NULL REFERENCES pledge(id) ON DELETE CASCADE DEFERRABLE,
    position  integer NOT NULL,
    title     text NOT NULL
);
CREATE INDEX section_pledge ON section(pledge_id, position);

CREATE TABLE commitment (
    id            bigint PRIMARY KEY,
    section_id    bigint NOT NULL REFERENCES section(id) ON DELETE CASCADE DEFERRABLE,
    position      integer NOT NULL,
    text          text NOT NULL CHECK (length(trim(text)) > 0),
    party         text NOT NULL CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    sub_areas     jsonb NOT NULL DEFAULT '[]',
    tags          jsonb NOT NULL DEFAULT '[]',
    manual_status text CHECK (manual_status IN ('genomford', 'pagar', 'delvis', 'ej_paborjad', 'ej_genomford')),
    manual_reason text,
    checked_on    date,
    copied_from   bigint REFERENCES commitment(id) ON DELETE SET NULL DEFERRABLE,
    CHECK (manual_status IS NULL OR length(trim(coalesce(manual_reason, ''))) > 0)
);
CREATE INDEX commitment_section ON commitment(section_id, position);

CREATE TABLE target (
    id            bigint PRIMARY KEY,
    commitment_id bigint NOT NULL REFERENCES commitment(id) ON DELETE CASCADE DEFERRABLE,
    position      integer NOT NULL,
    count         integer NOT NULL CHECK (count > 0),
    unit          text NOT NULL DEFAULT '',
    per_year      boolean NOT NULL DEFAULT false,
    party         text CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    label         text
);
CREATE INDEX target_commitment ON target(commitment_id, position);

CREATE TABLE activity (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    commitment_id   bigint REFERENCES commitment(id) DEFERRABLE,
    target_id       bigint REFERENCES target(id) ON DELETE SET NULL DEFERRABLE,
    date            date NOT NULL,
    party           text NOT NULL CHECK (party IN ('polisen', 'kommunen', 'gemensamt')),
    count           integer NOT NULL DEFAULT 1 CHECK (count >= 1),
    place           text NOT NULL DEFAULT '',
    description     text NOT NULL DEFAULT '',
    internal_note   text NOT NULL DEFAULT '',
    created_at      text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
);
CREATE INDEX activity_commitment ON activity(commitment_id, date);
CREATE INDEX activity_target ON activity(target_id, date);
CREATE INDEX activity_municipality ON activity(municipality_id, date);
CREATE INDEX activity_tally ON activity(commitment_id, target_id, date, count);

CREATE TABLE agreement (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    first_year      integer NOT NULL,
    last_year       integer NOT NULL,
    title           text NOT NULL,
    CHECK (first_year <= last_year)
);

CREATE TABLE focus_area (
    id           bigint PRIMARY KEY,
    agreement_id bigint NOT NULL REFERENCES agreement(id) ON DELETE CASCADE DEFERRABLE,
    position     integer NOT NULL,
    name         text NOT NULL
);
CREATE INDEX focus_area_agreement ON focus_area(agreement_id, position);

CREATE TABLE safety_walk (
    id              bigint PRIMARY KEY,
    municipality_id bigint NOT NULL REFERENCES municipality(id) DEFERRABLE,
    date            date NOT NULL,
    time_of_day     text NOT NULL CHECK (time_of_day IN ('dagsljus', 'morker')),
    area            text NOT NULL CHECK (length(trim(area)) > 0),
    organisations   jsonb NOT NULL DEFAULT '[]',
    participants    integer NOT NULL DEFAULT 0 CHECK (participants >= 0),
    notes           text NOT NULL DEFAULT '',
    commitment_id   bigint REFERENCES commitment(id) ON DELETE SET NULL DEFERRABLE,
    revisit_of      bigint REFERENCES safety_walk(id) ON DELETE SET NULL DEFERRABLE
);
CREATE INDEX safety_walk_municipality ON safety_walk(municipality_id, date);
CREATE INDEX safety_walk_commitment ON safety_walk(commitment_id);

CREATE TABLE observation (
    id            bigint PRIMARY KEY,
    walk_id       bigint NOT NULL REFERENCES safety_walk(id) ON DELETE CASCADE DEFERRABLE,
    position      integer NOT NULL,
    place         text NOT NULL DEFAULT '',
    category      text NOT NULL CHECK (category IN ('belysning', 'vegetation', 'klotter', 'nedskrapning', 'skadegorelse', 'trafik', 'ovrigt')),
    description   text NOT NULL DEFAULT '',
    measure       text NOT NULL DEFAULT '',
    responsible   text NOT NULL DEFAULT '',
    deadline      date,
    status        text NOT NULL DEFAULT 'ny' CHECK (status IN ('ny', 'pagar', 'atgardad', 'ej_atgard')),
    status_reason text NOT NULL DEFAULT '',
    updated_on    date NOT NULL,
    positive      boolean NOT NULL DEFAULT false,
    latitude      double precision,
    longitude     double precision,
    CHECK (status <> 'ej_atgard' OR length(trim(status_reason)) > 0)
);
CREATE INDEX observation_walk ON observation(walk_id, position);

CREATE TABLE observation_status_change (
    id             bigint PRIMARY KEY,
    observation_id bigint NOT NULL REFERENCES observation(id) ON DELETE CASCADE DEFERRABLE,
    status         text NOT NULL,
    reason         text NOT NULL DEFAULT '',
    changed_on     date NOT NULL
);
CREATE INDEX observation_status_change_obs ON observation_status_change(observation_id);

CREATE TABLE assessment (
    commitment_id bigint NOT NULL REFERENCES commitment(id) ON DELETE CASCADE DEFERRABLE,
    year          integer NOT NULL,
    result        text NOT NULL DEFAULT '',
    cause         text NOT NULL DEFAULT '',
    next_step     text NOT NULL DEFAULT '',
    PRIMARY KEY (commitment_id, year)
);

CREATE TABLE observation_photo (
    id             bigint PRIMARY KEY,
    observation_id bigint NOT NULL REFERENCES observation(id) ON DELETE CASCADE DEFERRABLE,
    position       integer NOT NULL,
    jpeg           bytea NOT NULL,
    width          integer NOT NULL CHECK (width > 0),
    height         integer NOT NULL CHECK (height > 0)
);
CREATE INDEX observation_photo_obs ON observation_photo(observation_id, position);

CREATE TABLE meeting (
    id              bigint PRIMARY KEY,
    municipality_id bigint REFERENCES municipality(id) ON DELETE CASCADE DEFERRABLE,
    police_area_id  bigint REFERENCES police_area(id) ON DELETE CASCADE DEFERRABLE,
    date            date NOT NULL,
    participants    jsonb NOT NULL DEFAULT '[]',
    notes           text NOT NULL DEFAULT '',
    CHECK ((municipality_id IS NULL) <> (police_area_id IS NULL))
);
CREATE INDEX meeting_by_kommun ON meeting(municipality_id, date);
CREATE INDEX meeting_by_area ON meeting(police_area_id, date);

CREATE TABLE decision (
    id            bigint PRIMARY KEY,
    meeting_id    bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE DEFERRABLE,
    position      integer NOT NULL,
    text          text NOT NULL,
    responsible   text NOT NULL DEFAULT '',
    deadline      date,
    commitment_id bigint REFERENCES commitment(id) ON DELETE SET NULL DEFERRABLE,
    status        text NOT NULL DEFAULT 'oppen' CHECK (status IN ('oppen', 'klar', 'struken')),
    status_reason text NOT NULL DEFAULT '',
    status_date   date
);
CREATE INDEX decision_by_meeting ON decision(meeting_id, position);

CREATE TABLE pledge_assessment (
    pledge_id bigint NOT NULL REFERENCES pledge(id) ON DELETE CASCADE DEFERRABLE,
    year      integer NOT NULL,
    overall   text NOT NULL DEFAULT '',
    next_step text NOT NULL DEFAULT '',
    PRIMARY KEY (pledge_id, year)
);

-- Every committed change tells the open windows (LISTEN trygghetstavlan): the program's
-- own writes and anyone else's (psql, a script of IT's) alike.
CREATE FUNCTION trygghetstavlan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('trygghetstavlan', TG_TABLE_NAME);
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION trygghetstavlan_changed()',
                       t || '_changed', t);
    END LOOP;
END $$;
