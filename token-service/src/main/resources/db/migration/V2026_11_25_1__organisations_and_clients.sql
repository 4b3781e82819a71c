-- Organisations: partners, operators and the platform itself (always organisation 1, created at bootstrap).
create sequence organisation_id_seq start with 2 increment by 1;

create table organisation (
    organisation_id  bigint       primary key,
    name             varchar(200) not null,
    type             varchar(16)  not null check (type in ('PLATFORM', 'PARTNER', 'OPERATOR')),
    codespace        varchar(3)   check (codespace ~ '^[A-Z]{3}$'),
    status           varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    certification    varchar(20)  not null check (certification in ('NOT_CERTIFIED', 'IN_CERTIFICATION', 'CERTIFIED')),
    created_at       timestamptz  not null,
    version          bigint       not null,
    constraint organisation_codespace_of_operators check (codespace is null or type = 'OPERATOR'),
    constraint organisation_platform_is_one check ((type = 'PLATFORM') = (organisation_id = 1)),
    -- A codespace prefixes NeTEx ids (VYG:SalesPackage:...); two operators cannot share one.
    constraint organisation_codespace_unique unique (codespace)
);

-- Client credentials. Only a PBKDF2 hash of the secret is stored; the secret is shown once, at creation.
create table client (
    client_id        varchar(64)  primary key,
    organisation_id  bigint       not null references organisation (organisation_id),
    name             varchar(100) not null check (name ~ '^[a-z0-9]+(-[a-z0-9]+)+$'),
    roles            varchar(200) not null,
    environment      varchar(16)  not null check (environment in ('DEVELOPMENT', 'STAGING', 'PRODUCTION')),
    secret_hash      varchar(200) not null,
    status           varchar(16)  not null check (status in ('ACTIVE', 'REVOKED')),
    created_at       timestamptz  not null,
    revoked_at       timestamptz,
    version          bigint       not null,
    constraint client_revoked_at check ((status = 'REVOKED') = (revoked_at is not null))
);
create index client_by_organisation on client (organisation_id, created_at);
