-- The ledger: one entry per confirmed sale (and, later, per refund). Amounts in NOK with two decimals.
create table ledger_entry (
    id                        uuid primary key,
    entry_type                varchar(16)    not null check (entry_type in ('SALE', 'REFUND')),
    order_id                  varchar(64)    not null,
    source_event_id           varchar(64)    not null,
    partner_organisation_id   bigint         not null,
    operator_organisation_id  bigint         not null,
    agreement_id              varchar(64)    not null,
    currency                  varchar(3)     not null,
    gross_amount              numeric(14, 2) not null,
    vat_amount                numeric(14, 2) not null,
    commission_basis_points   integer        not null,
    commission_amount         numeric(14, 2) not null,
    net_to_operator_amount    numeric(14, 2) not null,
    occurred_at               timestamptz    not null,
    recorded_at               timestamptz    not null,
    -- A sale is counted once, however often its event is delivered or republished.
    constraint ledger_entry_once_per_order unique (order_id, entry_type),
    constraint ledger_entry_net check (net_to_operator_amount = gross_amount - commission_amount)
);
create index ledger_entry_by_partner on ledger_entry (partner_organisation_id, occurred_at);
