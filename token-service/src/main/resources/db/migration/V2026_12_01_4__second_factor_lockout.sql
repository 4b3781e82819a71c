-- Wrong codes after the right password, in a row: at ten the second factor locks until the person is invited again,
-- so that whoever has a password cannot go on guessing codes, however slowly.
alter table person add column totp_failures integer not null default 0;
