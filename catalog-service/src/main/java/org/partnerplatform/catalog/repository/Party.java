package org.partnerplatform.catalog.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An organisation as token-service describes it on token.organisation-events. The catalog only needs its type, its
 * codespace and whether it is suspended; an organisation without a row counts as active.
 */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    @Id
    @Column(name = "organisation_id")
    public long organisationId;
    /** PLATFORM, PARTNER or OPERATOR; null while the registration has not been seen. */
    public String type;
    public String name;
    public String codespace;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    public String certification;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean suspended() {
        return SUSPENDED.equals(status);
    }
}
