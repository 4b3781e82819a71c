-- The relay deletes a row once the broker has it, in the round that sent it (Kafka keeps the events): one
-- statement per round instead of an update per row and a purge later. Rows already published go now.
delete from outbox where published_at is not null;
drop index outbox_unpublished;
drop index outbox_unpublished_by_key;
alter table outbox drop column published_at;
-- A row the broker refused waits with next_attempt_at set and holds back the later rows of its (topic, key); the
-- relay looks them up here, a small index of the few rows that are waiting.
create index outbox_held on outbox (topic, message_key, position) where next_attempt_at is not null;
