-- An administrator resets a person's sign-in (a forgotten password, a lost or stolen phone): from then until the
-- person follows the reset's one-time link, neither the old password nor the old second factor signs in, and
-- token-service refuses the person's tokens.
alter table person add column sign_in_reset_at timestamptz;
-- A reset is an invitation for an existing person: accepting it replaces their password and second factor instead
-- of creating a person. A newer reset of the same person closes the older ones.
alter table invitation add column resets_person_id varchar(64) references person (person_id);
create index invitation_open_resets on invitation (resets_person_id) where resets_person_id is not null and accepted_at is null;
