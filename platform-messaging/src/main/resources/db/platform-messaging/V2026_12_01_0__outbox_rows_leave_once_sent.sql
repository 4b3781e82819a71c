-- The relay deletes a row once the broker has it, in the round that sent it (Kafka keeps the events): one
-- statement per round instead of an update per row and a purge later. Rows already published go now.
delete from outbox where published_at is not null;
drop index outbox_unpublished;
drop index outbox_unpublished_by_key;
alter table outbox drop column published_at;
-- A row the broker refused waits with next_attempt_at set and holds back the later rows of its (topic, key); the
-- relay looks them up here, a small index of the few rows that are waiting.
create index outbox_held on outbox (topic, message_key, position) where next_attempt_at is not null;
-- A queue table: vacuum it whenever a few thousand rows have gone, at full speed (the server's autovacuum_naptime,
-- 10 s in the deployment's clusters, sets how often autovacuum looks), so that the relay's index scan from the oldest
-- row does not wade through deleted ones.
-- No truncation of the emptied end of the table: it would take an exclusive lock that stalls the writers.
alter table outbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_cost_delay = 0,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000, vacuum_truncate = false);
