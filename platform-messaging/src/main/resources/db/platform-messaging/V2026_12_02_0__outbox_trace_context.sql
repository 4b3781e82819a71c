-- The W3C traceparent of the transaction that wrote the row (null when it had none): the relay publishes the
-- event as a span of that trace, so that one trace follows a request through the outbox to its consumers.
alter table outbox add column trace_parent text;
