-- The organisations token-service tells the catalog about (token.organisation-events): their type, codespace and
-- status. An organisation the catalog has not heard of counts as ACTIVE, so that the catalog does not depend on
-- having seen an organisation's registration. A SUSPENDED partner sees an empty catalog; a SUSPENDED operator's
-- products leave every catalog (they keep their own status, and come back when the operator is reinstated).
create table party (
    organisation_id  bigint       primary key,
    -- Null while only a later event (a status or certification change) has been seen, not the registration.
    type             varchar(16)  check (type in ('PLATFORM', 'PARTNER', 'OPERATOR')),
    name             varchar(200),
    codespace        varchar(3)   check (codespace ~ '^[A-Z]{3}$'),
    status           varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    status_reason    varchar(500),
    certification    varchar(20)  check (certification in ('NOT_CERTIFIED', 'IN_CERTIFICATION', 'CERTIFIED')),
    updated_at       timestamptz  not null
);

-- Every committed change that can alter some partner's catalog raises this number in the same transaction. Each
-- replica keeps catalog responses labelled with the number they were computed under and polls it, so that a change
-- made through any replica (or by a consumer or a job) retires the cached responses everywhere.
create table catalog_revision (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);
insert into catalog_revision (id, revision) values (1, 0);
