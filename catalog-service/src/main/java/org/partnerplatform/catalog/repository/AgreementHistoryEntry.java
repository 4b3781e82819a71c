package org.partnerplatform.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** One thing that happened to an agreement: what, by which client, when, and the version it produced. */
@Entity
@Table(name = "agreement_history")
public class AgreementHistoryEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public String agreementId;
    public String action;
    public String detail;
    public String actor;
    public Instant at;
    public long version;

    public static AgreementHistoryEntry of(Agreement agreement, String action, String detail, String actor, Instant at) {
        AgreementHistoryEntry entry = new AgreementHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.agreementId = agreement.id;
        entry.action = action;
        entry.detail = detail;
        entry.actor = actor;
        entry.at = at;
        entry.version = agreement.version;
        return entry;
    }

    public static Uni<List<AgreementHistoryEntry>> of(String agreementId) {
        return list("agreementId = ?1 order by at, version", agreementId);
    }
}
