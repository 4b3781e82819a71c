-- Token signing keys. The private key is stored only encrypted (AES-256-GCM under the key-encryption key, kid as
-- associated data). A key is published in the JWKS from created_at, signs from activated_at (a rotation publishes
-- the next key before it signs), and stays published after retirement until the tokens it signed have expired.
create table signing_key (
    kid                     varchar(64) primary key,
    algorithm               varchar(16) not null check (algorithm = 'ES256'),
    public_key              bytea       not null,
    private_key_ciphertext  bytea       not null,
    private_key_iv          bytea       not null check (octet_length(private_key_iv) = 12),
    kek_fingerprint         varchar(16) not null,
    status                  varchar(16) not null check (status in ('ACTIVE', 'RETIRED')),
    created_at              timestamptz not null,
    activated_at            timestamptz not null,
    retired_at              timestamptz,
    version                 bigint      not null,
    constraint signing_key_activation check (activated_at >= created_at),
    constraint signing_key_retired_at check ((status = 'RETIRED') = (retired_at is not null))
);
