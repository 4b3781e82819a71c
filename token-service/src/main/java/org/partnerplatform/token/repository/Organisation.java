package org.partnerplatform.token.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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

    public static Uni<Boolean> codespaceTaken(String codespace) {
        return count("codespace", codespace).map(n -> n > 0);
    }
}
