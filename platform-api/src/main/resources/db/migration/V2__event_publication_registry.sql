-- Spring Modulith's JDBC event publication registry (schema v2): the transactional outbox.
-- Business rows and the publication are written in one transaction; the externalizer sends the
-- event to Kafka after commit and marks the publication completed. Not tenant-owned: the
-- serialized event carries its tenant, and only the registry reads this table.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz,
    CONSTRAINT event_publication_pkey PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

CREATE TABLE event_publication_archive (
    id                     uuid        NOT NULL,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz,
    CONSTRAINT event_publication_archive_pkey PRIMARY KEY (id)
);
CREATE INDEX event_publication_archive_serialized_event_hash_idx
    ON event_publication_archive USING hash (serialized_event);
CREATE INDEX event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);

-- [jooq ignore start]
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication, event_publication_archive TO ${app_role};
-- [jooq ignore stop]
