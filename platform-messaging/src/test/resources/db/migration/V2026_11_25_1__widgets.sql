create table widget (
    id   varchar(255) primary key,
    name varchar(255) not null
);
create table widget_applied (
    event_id  text primary key,
    client_id text not null
);
