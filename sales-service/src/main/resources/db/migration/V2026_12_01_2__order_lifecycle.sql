-- The order lifecycle. An order is reserved as a DRAFT (priced, with an expireAt), paid (payment type AGENT: the
-- whole balance), then CONFIRMED; a draft may instead be CANCELLED by its partner or EXPIRED by the sweep. A refund
-- of lines of a confirmed order is a credit, and gives the order its next confirmed version.
alter table sales_order add column expire_at timestamptz;
alter table sales_order alter column payment_type drop not null;
-- Constraints on tables that are written at volume are added NOT VALID (a short lock; new rows are checked at once)
-- and validated by the next migration, which does not block writes.
alter table sales_order add constraint sales_order_status check (status in ('DRAFT', 'CONFIRMED', 'CANCELLED', 'EXPIRED')) not valid;
alter table sales_order add constraint sales_order_draft_expires check (status <> 'DRAFT' or expire_at is not null) not valid;
-- What the expiry sweep reads: the drafts, by when they are due.
create index sales_order_drafts_due on sales_order (expire_at) where status = 'DRAFT';
create index sales_order_by_external_reference on sales_order (organisation_id, external_reference) where external_reference is not null;

-- The order's payment: AGENT only (the partner collected the money), one per order for the whole balance, so it is
-- kept on the order's row (its reference and time) rather than in a table of its own that every sale would write.
alter table sales_order add column payment_reference varchar(200);
alter table sales_order add column paid_at timestamptz;

-- A credit: the refund of some lines of a confirmed order, which made the order's version order_version.
create table order_credit (
    id                uuid primary key,
    order_id          uuid           not null references sales_order (id),
    order_version     integer        not null,
    total_amount      numeric(12, 2) not null check (total_amount >= 0),
    total_tax_amount  numeric(12, 2) not null,
    currency          varchar(3)     not null,
    status            varchar(16)    not null,
    created_at        timestamptz    not null,
    unique (order_id, order_version)
);

-- A line is refunded once, by one credit.
alter table order_line add column credit_id uuid;
alter table order_line add constraint order_line_credit_id_fkey foreign key (credit_id) references order_credit (id) not valid;
alter table ticket add column disabled_at timestamptz;
alter table ticket add constraint ticket_status check (status in ('ISSUED', 'DISABLED')) not valid;

-- A refund's idempotency key remembers its credit.
alter table idempotency_record add column credit_id uuid;
-- A rejection is no longer final for its key (docs/sales.md, "Idempotency"): the stored ones are forgotten.
delete from idempotency_record where outcome = 'REJECTED';
