-- Owned by platform-messaging; every service lists db/platform-messaging among its Flyway locations.

-- Events written in the same transaction as the change they describe; the relay publishes them in position order.
create table outbox (
    position        bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    message_key     text        not null,
    event_type      text        not null,
    event_source    text        not null,
    event_subject   text,
    event_time      timestamptz not null,
    payload         text        not null,
    correlation_id  text,
    created_at      timestamptz not null default now(),
    published_at    timestamptz
);
-- The relay only ever reads unpublished rows; both indexes stay small.
create index outbox_unpublished on outbox (position) where published_at is null;
create index outbox_unpublished_by_key on outbox (topic, message_key, position) where published_at is null;

-- Ids of events a consumer has applied, written in the same transaction as their effect.
create table inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
