package org.partnerplatform.catalog.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** The codespace of an operator organisation: one each, and no two operators share one. */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase {
    public static final String BOUND_BY_FIRST_PRODUCT = "FIRST_PRODUCT";
    public static final String BOUND_BY_ORGANISATION_EVENT = "ORGANISATION_EVENT";

    @Id
    @Column(name = "organisation_id")
    public long organisationId;
    public String codespace;
    public String name;
    @Column(name = "bound_by")
    public String boundBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<Operator> withCodespace(String codespace) {
        return find("codespace", codespace).firstResult();
    }
}
