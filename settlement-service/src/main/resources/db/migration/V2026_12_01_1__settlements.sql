-- Settlement: refunds in the ledger, numbered daily settlements per partner, their corrections, and the reconciliation
-- of each partner's day against sales-service's own figures (docs/settlement.md).

-- A refund is an entry of its own (negative amounts) per credit; an order has one SALE entry and any number of REFUND
-- entries, each counted once.
alter table ledger_entry add column credit_id varchar(64);
alter table ledger_entry drop constraint ledger_entry_once_per_order;
create unique index ledger_entry_one_sale_per_order on ledger_entry (order_id) where entry_type = 'SALE';
create unique index ledger_entry_one_refund_per_credit on ledger_entry (credit_id) where entry_type = 'REFUND';
alter table ledger_entry add constraint ledger_entry_refund_has_credit check ((entry_type = 'REFUND') = (credit_id is not null));

-- The settlement day of an entry: the calendar day of its occurredAt in the platform's time zone (Europe/Oslo), fixed
-- when the entry is recorded; and the settlement it was closed in, set once by the close.
alter table ledger_entry add column settlement_date date;
update ledger_entry set settlement_date = (occurred_at at time zone 'Europe/Oslo')::date;
alter table ledger_entry alter column settlement_date set not null;
alter table ledger_entry add column settlement_id uuid;
-- What the close reads: the entries not yet settled, by day and partner.
create index ledger_entry_unsettled on ledger_entry (settlement_date, partner_organisation_id) where settlement_id is null;
create index ledger_entry_by_settlement on ledger_entry (settlement_id) where settlement_id is not null;

-- A settlement: one ORDINARY per partner and day, then CORRECTIONs of it for entries that came after its close. The
-- number is continuous per partner over both kinds. Refund amounts are positive; gross = sales - refunds.
create table settlement (
    id                        uuid primary key,
    partner_organisation_id   bigint         not null,
    settlement_no             bigint         not null check (settlement_no >= 1),
    settlement_date           date           not null,
    kind                      varchar(16)    not null check (kind in ('ORDINARY', 'CORRECTION')),
    corrected_settlement_id   uuid           references settlement (id),
    currency                  varchar(3)     not null,
    entry_count               integer        not null check (entry_count >= 1),
    sale_count                integer        not null,
    sale_amount               numeric(16, 2) not null,
    refund_count              integer        not null,
    refund_amount             numeric(16, 2) not null,
    gross_amount              numeric(16, 2) not null,
    vat_amount                numeric(16, 2) not null,
    commission_amount         numeric(16, 2) not null,
    net_to_operator_amount    numeric(16, 2) not null,
    closed_at                 timestamptz    not null,
    constraint settlement_no_once_per_partner unique (partner_organisation_id, settlement_no),
    constraint settlement_correction_references check ((kind = 'CORRECTION') = (corrected_settlement_id is not null)),
    constraint settlement_gross check (gross_amount = sale_amount - refund_amount),
    constraint settlement_net check (net_to_operator_amount = gross_amount - commission_amount)
);
create unique index settlement_one_ordinary_per_day on settlement (partner_organisation_id, settlement_date) where kind = 'ORDINARY';
create index settlement_by_date on settlement (settlement_date, partner_organisation_id);

-- A settlement's figures per operator (what the partner owes each operator for the day).
create table settlement_operator_total (
    settlement_id             uuid           not null references settlement (id),
    operator_organisation_id  bigint         not null,
    sale_count                integer        not null,
    sale_amount               numeric(16, 2) not null,
    refund_count              integer        not null,
    refund_amount             numeric(16, 2) not null,
    gross_amount              numeric(16, 2) not null,
    vat_amount                numeric(16, 2) not null,
    commission_amount         numeric(16, 2) not null,
    net_to_operator_amount    numeric(16, 2) not null,
    primary key (settlement_id, operator_organisation_id)
);
create index settlement_operator_total_by_operator on settlement_operator_total (operator_organisation_id);

-- The last number given per partner. A close locks its partner's row (select ... for update): closes of one partner
-- run one after the other whichever replica runs them, and a rolled-back close gives its number back.
create table settlement_sequence (
    partner_organisation_id   bigint primary key,
    last_settlement_no        bigint not null
);

alter table ledger_entry add constraint ledger_entry_settlement_fkey foreign key (settlement_id) references settlement (id)
    deferrable initially deferred;

-- A closed settlement never changes, and neither does a settled entry.
create function settlement_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a closed settlement never changes (% on %)', tg_op, tg_table_name using errcode = 'P0001';
end $$;
create trigger settlement_immutable before update or delete on settlement
    for each row execute function settlement_is_immutable();
create trigger settlement_operator_total_immutable before update or delete on settlement_operator_total
    for each row execute function settlement_is_immutable();
create function ledger_entry_settled_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.settlement_id is not null or new.gross_amount <> old.gross_amount or new.commission_amount <> old.commission_amount
        or new.settlement_date <> old.settlement_date then
        raise exception 'a ledger entry is settled once and never changed (entry %)', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger ledger_entry_settled_once before update or delete on ledger_entry
    for each row execute function ledger_entry_settled_once();

-- sales-service's own figures of a partner's day (SalesDayTotals), the latest received.
create table sales_day_report (
    partner_organisation_id   bigint         not null,
    sales_date                date           not null,
    sale_count                integer        not null,
    sale_amount               numeric(16, 2) not null,
    refund_count              integer        not null,
    refund_amount             numeric(16, 2) not null,
    computed_at               timestamptz    not null,
    received_at               timestamptz    not null,
    primary key (partner_organisation_id, sales_date)
);

-- The reconciliation of a partner's day: PENDING (not all of the day settled yet), MATCHED or MISMATCH, with both
-- sides' figures; difference = settled - reported.
create table reconciliation (
    partner_organisation_id   bigint         not null,
    settlement_date           date           not null,
    status                    varchar(16)    not null check (status in ('PENDING', 'MATCHED', 'MISMATCH')),
    reported_sale_count       integer        not null,
    reported_sale_amount      numeric(16, 2) not null,
    reported_refund_count     integer        not null,
    reported_refund_amount    numeric(16, 2) not null,
    settled_sale_count        integer        not null,
    settled_sale_amount       numeric(16, 2) not null,
    settled_refund_count      integer        not null,
    settled_refund_amount     numeric(16, 2) not null,
    reconciled_at             timestamptz    not null,
    primary key (partner_organisation_id, settlement_date)
);
create index reconciliation_pending on reconciliation (settlement_date) where status <> 'MATCHED';
