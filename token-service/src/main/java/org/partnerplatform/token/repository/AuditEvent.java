package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** One entry of an organisation's audit log: who (a person or a client) did what to which client or person, when. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    /** What was done; the subject is a client id, a person id or an invitation id. */
    public enum Action {
        CLIENT_CREATED,
        CLIENT_SECRET_ROTATED,
        CLIENT_REVOKED,
        INVITATION_CREATED,
        INVITATION_ACCEPTED,
        PERSON_ROLES_CHANGED,
        PERSON_REMOVED,
        PERSON_SIGN_IN_RESET,
        PERSON_SIGNED_IN,
        PERSON_SIGN_IN_FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "audit_event_id")
    public Long id;
    @Column(name = "organisation_id")
    public long organisationId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String actor;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;
    public String subject;
    /** What changed, in words (roles given, a grace period); never a secret. */
    public String details;

    public static AuditEvent of(long organisationId, String actor, Action action, String subject, String details) {
        AuditEvent event = new AuditEvent();
        event.organisationId = organisationId;
        event.occurredAt = Timestamps.now();
        event.actor = actor;
        event.action = action;
        event.subject = subject;
        event.details = details;
        return event;
    }

    /** Newest first; {@code before} an id for the next page, or null for the first. */
    public static Uni<List<AuditEvent>> page(long organisationId, Long before, int limit) {
        return (before == null ? find("organisationId = ?1 order by id desc", organisationId)
                : find("organisationId = ?1 and id < ?2 order by id desc", organisationId, before))
                .page(Page.ofSize(limit)).list();
    }
}
