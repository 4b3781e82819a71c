-- What each catalog revision changed, so that a change retires only the cached catalogs that can depend on it:
-- 'partner:<id>' (the organisation's agreements, readiness and status), 'operator:<id>' (its products, prices and
-- status) or '*' (anything else). A writer raises catalog_revision and sets the revision of every scope it touched,
-- in the same transaction; replicas read the rows newer than the last revision they saw.
create table catalog_change (
    scope     text   primary key,
    revision  bigint not null
);
create index catalog_change_by_revision on catalog_change (revision);
