-- Every person signs in with a second factor: a TOTP secret (RFC 6238), enrolled when the invitation is accepted.
-- The secret is kept encrypted (AES-256-GCM under the key-encryption key, bound to the e-mail address). An
-- invitation holds its secret from the first time its page is shown until it is accepted.
alter table invitation add column totp_secret_iv bytea;
alter table invitation add column totp_secret_ciphertext bytea;

alter table person add column totp_secret_iv bytea not null;
alter table person add column totp_secret_ciphertext bytea not null;
-- The last time step a code was accepted for: a code is never accepted twice.
alter table person add column totp_last_step bigint not null default 0;
