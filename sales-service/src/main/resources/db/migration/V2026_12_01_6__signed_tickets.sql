-- Signed tickets (docs/tickets.md). How long a product's tickets are valid (catalog's Product.v1 ticketValidity;
-- null until catalog publishes the product again: P1D, catalog's default).
alter table product_projection add column ticket_validity varchar(16);

-- An order line keeps its product's ticket validity as sold, for the tickets issued when the order is confirmed.
alter table order_line add column ticket_validity varchar(16);

-- A ticket's validity window and its signed form (a compact JWS), with the id of the key that signed it. Null for
-- tickets issued before tickets were signed.
alter table ticket add column valid_from timestamptz;
alter table ticket add column valid_to timestamptz;
alter table ticket add column signing_key_id varchar(32);
alter table ticket add column signed text;

-- The ticket signing keys: P-256 pairs, the private key encrypted under platform.sales.tickets.key-encryption-key.
-- NEXT: published, signs from activated_at; ACTIVE: signs; RETIRED: published until published_until, signs no more.
create table ticket_signing_key (
    kid                     varchar(32) primary key,
    public_key              bytea       not null,
    private_key_iv          bytea       not null,
    private_key_ciphertext  bytea       not null,
    kek_fingerprint         varchar(16) not null,
    status                  varchar(8)  not null check (status in ('NEXT', 'ACTIVE', 'RETIRED')),
    created_at              timestamptz not null,
    activated_at            timestamptz not null,
    retired_at              timestamptz,
    published_until         timestamptz,
    check ((status = 'RETIRED') = (retired_at is not null and published_until is not null))
);
-- One rotation at a time.
create unique index ticket_signing_key_one_next on ticket_signing_key (status) where status = 'NEXT';
