-- Spring Modulith's event publication registry (issue 13, item 6): an application event published inside a
-- transaction is stored here with each listener that must still handle it, so a listener that fails or a restart
-- does not lose it. Bookkeeping, not business data; the shape is Modulith 2's own (schemas/v2/schema-postgresql.sql),
-- created by Flyway because the application never lets a library create tables.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
