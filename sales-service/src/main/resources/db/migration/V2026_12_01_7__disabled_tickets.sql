-- The disabled list inspectors sync (GET /v1/tickets/disabled): disabled tickets in the order they were disabled.
create index ticket_disabled on ticket (disabled_at, id) where status = 'DISABLED';

-- The start of validity a partner asked for on a line: a travel date (its tickets are valid that whole day at
-- least) or an instant; neither: the tickets are valid from the order's confirmation.
alter table order_line add column travel_date date;
alter table order_line add column valid_from timestamptz;
