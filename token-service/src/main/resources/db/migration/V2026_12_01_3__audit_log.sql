-- Who did what, when, to an organisation's clients and persons: written in the transaction of the change itself,
-- read by the organisation's administrators. Never updated or deleted by the service.
create table audit_event (
    audit_event_id   bigint generated always as identity primary key,
    organisation_id  bigint       not null references organisation (organisation_id),
    occurred_at      timestamptz  not null,
    actor            varchar(100) not null,
    action           varchar(40)  not null,
    subject          varchar(100) not null,
    details          varchar(500)
);
create index audit_event_by_organisation on audit_event (organisation_id, audit_event_id desc);
