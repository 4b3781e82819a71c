-- Every replica keeps the clients it has seen in memory (the token endpoint reads them on every grant) and must
-- forget one the moment it changes, whoever changed it: another replica, an operator with psql, a migration. So the
-- table itself announces every change, at commit, on the channel token_registry (LISTEN/NOTIFY); a replica whose
-- listening connection is down reads the table on every grant instead (see ClientRegistry).
create function notify_client_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('token_registry', 'client:' || coalesce(new.client_id, old.client_id));
    return null;
end
$$;

create trigger client_changed after insert or update or delete on client
    for each row execute function notify_client_changed();

create function notify_organisation_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('token_registry', 'organisation:' || coalesce(new.organisation_id, old.organisation_id));
    return null;
end
$$;

create trigger organisation_changed after update or delete on organisation
    for each row execute function notify_organisation_changed();
