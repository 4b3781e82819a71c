-- A local projection of catalog-service's compacted topics: enough to validate and price a sale without a
-- synchronous call. Rebuilt from the topics alone; an event older than the stored version changes nothing.
create table product_projection (
    id                        varchar(128) primary key,
    operator_organisation_id  bigint       not null,
    status                    varchar(16)  not null,
    vat_rate                  numeric(5, 2) not null,
    valid_from                date         not null,
    valid_to                  date,
    version                   bigint       not null,
    updated_at                timestamptz  not null
);

create table product_price_projection (
    product_id    varchar(128)   not null references product_projection (id) on delete cascade,
    user_profile  varchar(32)    not null,
    amount        numeric(12, 2) not null,
    primary key (product_id, user_profile)
);

create table agreement_projection (
    id                        varchar(64)  primary key,
    partner_organisation_id   bigint       not null,
    operator_organisation_id  bigint       not null,
    status                    varchar(16)  not null,
    all_products              boolean      not null,
    rights                    varchar(16)[] not null,
    distribution_channel_id   varchar(100) not null,
    commission_basis_points   integer      not null,
    valid_from                date         not null,
    valid_to                  date,
    ready_environments        varchar(16)[] not null,
    version                   bigint       not null,
    updated_at                timestamptz  not null
);
create index agreement_projection_by_partner on agreement_projection (partner_organisation_id);

create table agreement_product_projection (
    agreement_id  varchar(64)  not null references agreement_projection (id) on delete cascade,
    product_id    varchar(128) not null,
    primary key (agreement_id, product_id)
);
