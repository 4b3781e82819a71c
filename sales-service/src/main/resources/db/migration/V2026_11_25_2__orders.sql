create table sales_order (
    id                        uuid primary key,
    organisation_id           bigint         not null,
    operator_organisation_id  bigint         not null,
    agreement_id              varchar(64)    not null,
    commission_basis_points   integer        not null,
    distribution_channel_id   varchar(100)   not null,
    status                    varchar(16)    not null,
    version                   integer        not null,
    currency                  varchar(3)     not null,
    total_amount              numeric(12, 2) not null,
    total_tax_amount          numeric(12, 2) not null,
    balance                   numeric(12, 2) not null,
    payment_type              varchar(16)    not null,
    external_reference        varchar(200),
    created_at                timestamptz    not null,
    last_confirmed_at         timestamptz,
    constraint sales_order_confirmed_only_when_paid check (status <> 'CONFIRMED' or balance = 0)
);
create index sales_order_by_organisation on sales_order (organisation_id, created_at);

create table order_line (
    id            uuid primary key,
    order_id      uuid           not null references sales_order (id),
    line_number   integer        not null,
    product_id    varchar(128)   not null,
    user_profile  varchar(32)    not null,
    quantity      integer        not null check (quantity > 0),
    unit_price    numeric(12, 2) not null,
    amount        numeric(12, 2) not null,
    tax_amount    numeric(12, 2) not null,
    tax_code      varchar(64)    not null,
    tax_rate      numeric(5, 2)  not null,
    unique (order_id, line_number)
);

create table ticket (
    id             uuid primary key,
    order_id       uuid         not null references sales_order (id),
    order_line_id  uuid         not null references order_line (id),
    product_id     varchar(128) not null,
    user_profile   varchar(32)  not null,
    status         varchar(16)  not null,
    issued_at      timestamptz  not null
);
create index ticket_by_order on ticket (order_id);

-- A partner's idempotency key: the same key and body gives the first result; another body is refused.
create table idempotency_record (
    organisation_id  bigint       not null,
    idempotency_key  varchar(128) not null,
    request_hash     varchar(64)  not null,
    outcome          varchar(16)  not null,
    order_id         uuid,
    error_code       varchar(64),
    error_detail     varchar(500),
    created_at       timestamptz  not null,
    primary key (organisation_id, idempotency_key)
);
