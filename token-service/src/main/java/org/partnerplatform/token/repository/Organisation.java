package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** A partner, an operator or the platform itself. Ids come from a sequence; the platform is always 1. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {
    public static final long PLATFORM_ID = 1L;

    @Id
    @Column(name = "organisation_id")
    public Long organisationId;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganisationType type;
    public String codespace;
    @Enumerated(EnumType.STRING)
    public OrganisationStatus status;
    @Enumerated(EnumType.STRING)
    public Certification certification;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Why it was last suspended or reinstated, as the platform admin put it. */
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    /** The client id of the platform admin who last suspended or reinstated it. */
    @Column(name = "status_changed_by")
    public String statusChangedBy;
    /** What the current certification rests on (a case number, a report's address); required for CERTIFIED. */
    @Column(name = "certification_evidence")
    public String certificationEvidence;
    @Column(name = "certification_changed_at")
    public Instant certificationChangedAt;
    /** The client id of the platform admin who last changed the certification. */
    @Column(name = "certification_changed_by")
    public String certificationChangedBy;
    @Version
    public Long version;

    /** Ids are drawn explicitly (not by Hibernate) so that the platform's own organisation can be given id 1. */
    public static Uni<Long> nextId() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select nextval('organisation_id_seq')", Long.class).getSingleResult());
    }

    public static Uni<Organisation> byId(long organisationId) {
        return findById(organisationId);
    }

    /** One page of organisations in id order, optionally only those of one status. */
    public static Uni<List<Organisation>> page(OrganisationStatus status, int page, int size) {
        PanacheQuery<Organisation> query = status == null
                ? find("order by organisationId")
                : find("status = ?1 order by organisationId", status);
        return query.page(Page.of(page, size)).list();
    }

    public static Uni<Long> countWith(OrganisationStatus status) {
        return status == null ? count() : count("status", status);
    }

    /** The ids of every partner, suspended ones too (their topics stay: a reinstated partner finds its data). */
    public static Uni<List<Long>> partnerIds() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select o.organisationId from Organisation o where o.type = :type order by o.organisationId", Long.class)
                .setParameter("type", OrganisationType.PARTNER).getResultList());
    }

    public static Uni<Boolean> codespaceTaken(String codespace) {
        return count("codespace", codespace).map(n -> n > 0);
    }
}
