-- Persons: people of an organisation who sign in (the partner portal), with roles there. Only a PBKDF2 hash of the
-- password is stored. An e-mail address signs in one active person; a removed person's address may be invited again.
create table person (
    person_id        varchar(64)  primary key,
    organisation_id  bigint       not null references organisation (organisation_id),
    email            varchar(254) not null check (email = lower(email)),
    display_name     varchar(100) not null,
    password_hash    varchar(200) not null,
    roles            varchar(200) not null,
    status           varchar(16)  not null check (status in ('ACTIVE', 'REMOVED')),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          bigint       not null
);
create unique index person_active_email on person (email) where status = 'ACTIVE';
create index person_by_organisation on person (organisation_id, created_at);

-- One-time invitations. The link's token is shown once, to the inviter; only its SHA-256 (hex) is kept.
create table invitation (
    invitation_id    varchar(64)  primary key,
    token_hash       varchar(64)  not null unique,
    organisation_id  bigint       not null references organisation (organisation_id),
    email            varchar(254) not null check (email = lower(email)),
    roles            varchar(200) not null,
    invited_by       varchar(100) not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    accepted_at      timestamptz,
    person_id        varchar(64)  references person (person_id),
    constraint invitation_accepted check ((accepted_at is null) = (person_id is null))
);
create index invitation_by_organisation on invitation (organisation_id, created_at);

-- Authorization codes (RFC 6749 §4.1 with PKCE, RFC 7636): single use, short-lived; only their SHA-256 is kept.
create table authorization_code (
    code_hash        varchar(64)  primary key,
    client_id        varchar(64)  not null,
    person_id        varchar(64)  not null references person (person_id),
    redirect_uri     varchar(500) not null,
    code_challenge   varchar(128) not null,
    nonce            varchar(200),
    auth_time        timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
create index authorization_code_expiry on authorization_code (expires_at);
