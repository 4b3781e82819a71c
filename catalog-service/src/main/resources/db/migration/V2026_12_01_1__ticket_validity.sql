-- How long a ticket for the product is valid from its start (ISO-8601 duration: PT90M, P1D). Products created
-- before it are day tickets (P1D), the default where an admin or the NeTEx import names none.
alter table product add column ticket_validity varchar(16) not null default 'P1D';
