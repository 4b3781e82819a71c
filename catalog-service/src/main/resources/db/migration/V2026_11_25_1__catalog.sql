-- catalog-service: operators, their products (NeTEx sales packages) and three-party agreements.
-- Amounts are NOK with two decimals, VAT included.

-- Which codespace belongs to which operator organisation. Bound by the operator's first product (or by an
-- organisation event from token-service); afterwards every product of the operator must use that codespace,
-- and no other operator may use it, so that a codespace in a product id identifies its operator.
create table operator (
    organisation_id bigint       primary key,
    codespace       varchar(3)   not null unique check (codespace ~ '^[A-Z]{3}$'),
    name            varchar(200),
    bound_by        varchar(32)  not null check (bound_by in ('FIRST_PRODUCT', 'ORGANISATION_EVENT')),
    updated_at      timestamptz  not null
);

create table product (
    id                        varchar(100) primary key,
    operator_organisation_id  bigint       not null references operator (organisation_id),
    codespace                 varchar(3)   not null,
    name_nb                   varchar(200) not null,
    name_en                   varchar(200),
    status                    varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    vat_group                 varchar(40)  not null,
    vat_rate                  varchar(5)   not null,
    valid_from                date         not null,
    valid_to                  date,
    version                   bigint       not null,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    updated_by                varchar(200) not null,
    constraint product_id_in_codespace check (id like codespace || ':%'),
    constraint product_validity check (valid_to is null or valid_to >= valid_from)
);
-- The catalog's "all products of the operator" branch and the admin listing per operator.
create index product_by_operator on product (operator_organisation_id, status, id);

-- One price per user profile; position keeps the order in which the admin listed them.
create table product_price (
    product_id    varchar(100)   not null references product (id) on delete cascade,
    position      integer        not null,
    user_profile  varchar(32)    not null,
    amount        numeric(12, 2) not null check (amount >= 0),
    primary key (product_id, position),
    -- Deferred: Hibernate rewrites list rows one by one, so two profiles may briefly swap positions.
    constraint product_price_one_per_profile unique (product_id, user_profile) deferrable initially deferred
);

create table product_distribution_channel (
    product_id  varchar(100) not null references product (id) on delete cascade,
    position    integer      not null,
    channel     varchar(40)  not null,
    primary key (product_id, position)
);

create table agreement (
    id                        varchar(36)  primary key,
    partner_organisation_id   bigint       not null,
    operator_organisation_id  bigint       not null,
    status                    varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    all_products              boolean      not null,
    distribution_channel_id   varchar(40)  not null,
    commission_basis_points   integer      not null check (commission_basis_points between 0 and 10000),
    valid_from                date         not null,
    valid_to                  date,
    version                   bigint       not null,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint agreement_three_parties check (partner_organisation_id <> operator_organisation_id),
    constraint agreement_validity check (valid_to is null or valid_to >= valid_from)
);
-- The catalog starts from the caller's agreements (about 50 per partner), so this index bounds its work.
create index agreement_by_partner on agreement (partner_organisation_id, status);
create index agreement_by_operator on agreement (operator_organisation_id, status);

-- The products an agreement names when it does not cover all of the operator's products.
create table agreement_product (
    agreement_id  varchar(36)  not null references agreement (id) on delete cascade,
    product_id    varchar(100) not null references product (id),
    primary key (agreement_id, product_id)
);
create index agreement_product_by_product on agreement_product (product_id);

create table agreement_right (
    agreement_id  varchar(36) not null references agreement (id) on delete cascade,
    right_name    varchar(16) not null check (right_name in ('SELL', 'REFUND')),
    primary key (agreement_id, right_name)
);

-- Environments in which the platform has made the agreement's products ready for use.
create table agreement_readiness (
    agreement_id  varchar(36) not null references agreement (id) on delete cascade,
    environment   varchar(16) not null check (environment in ('DEVELOPMENT', 'STAGING', 'PRODUCTION')),
    primary key (agreement_id, environment)
);

-- Who did what to an agreement, and when: written in the same transaction as the change.
create table agreement_history (
    id             uuid         primary key,
    agreement_id   varchar(36)  not null references agreement (id) on delete cascade,
    action         varchar(32)  not null,
    detail         varchar(200),
    actor          varchar(200) not null,
    at             timestamptz  not null,
    version        bigint       not null
);
create index agreement_history_by_agreement on agreement_history (agreement_id, at);
