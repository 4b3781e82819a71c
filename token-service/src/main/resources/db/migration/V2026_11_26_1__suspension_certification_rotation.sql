-- Suspension and certification: why and by whom, so that the admin API can answer what the events told others.
alter table organisation
    add column status_reason             varchar(500),
    add column status_changed_at         timestamptz,
    add column status_changed_by         varchar(64),
    add column certification_evidence    varchar(500),
    add column certification_changed_at  timestamptz,
    add column certification_changed_by  varchar(64);

-- Secret rotation. secret_version counts rotations: the verified-secret cache keys its entries by it, so that a
-- rotation (which raises it in the same transaction) makes every replica's cached entries for the old secret
-- unusable at once. The previous secret's hash is kept only for a grace period after a rotation.
alter table client
    add column secret_version               integer     not null default 1 check (secret_version >= 1),
    add column secret_rotated_at            timestamptz,
    add column previous_secret_hash         varchar(200),
    add column previous_secret_valid_until  timestamptz,
    add constraint client_previous_secret check ((previous_secret_hash is null) = (previous_secret_valid_until is null));

-- Key rotation: a NEXT key is published (in the JWKS) before it signs; at its activation time it becomes ACTIVE
-- and the key it replaces RETIRED. At most one key waits as NEXT, whichever replica created it.
alter table signing_key drop constraint signing_key_status_check;
alter table signing_key add constraint signing_key_status_check check (status in ('NEXT', 'ACTIVE', 'RETIRED'));
create unique index signing_key_one_next on signing_key ((true)) where status = 'NEXT';
