-- Future-dated price changes: on effective_from (a calendar day in the deployment's time zone) the listed prices
-- replace the product's prices. The price schedule applies a change when its day comes, as a new version of the
-- product published on catalog.products, and then deletes it; product_price always holds today's prices, so the
-- catalog and every consumer of catalog.products agree on the price at any moment.
create table price_change (
    id              uuid         primary key,
    product_id      varchar(100) not null references product (id) on delete cascade,
    effective_from  date         not null,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    constraint price_change_one_per_day unique (product_id, effective_from)
);
-- The schedule looks for changes that are due (effective_from <= today).
create index price_change_due on price_change (effective_from);

create table price_change_price (
    price_change_id  uuid           not null references price_change (id) on delete cascade,
    position         integer        not null,
    user_profile     varchar(32)    not null,
    amount           numeric(12, 2) not null check (amount >= 0),
    primary key (price_change_id, position),
    constraint price_change_price_one_per_profile unique (price_change_id, user_profile) deferrable initially deferred
);

-- Where a product's data came from: written through the admin API, or imported from the hub's NeTEx fare data
-- (which must be credited "Data made available by Entur", NLOD).
alter table product add column data_source varchar(16) not null default 'ADMIN_API'
    check (data_source in ('ADMIN_API', 'NETEX_IMPORT'));
