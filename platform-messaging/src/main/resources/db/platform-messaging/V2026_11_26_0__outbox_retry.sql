-- A row the broker refuses (a topic that does not exist yet, a record too large) is retried with back-off
-- instead of failing its whole batch again and again; only its own key waits behind it.
alter table outbox add column attempts integer not null default 0;
alter table outbox add column next_attempt_at timestamptz;
alter table outbox add column last_error text;
