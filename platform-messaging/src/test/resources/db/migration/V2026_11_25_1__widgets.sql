create table widget (
    id   varchar(255) primary key,
    name varchar(255) not null
);
create table widget_applied (
    event_id  text primary key,
    client_id text not null
);
-- What the batch consumer applied: seq shows the order, tx the transaction each row was written in.
create table widget_batch_applied (
    event_id   text primary key,
    client_id  text   not null,
    event_key  text   not null,
    seq        bigint generated always as identity,
    tx         bigint not null default txid_current()
);
