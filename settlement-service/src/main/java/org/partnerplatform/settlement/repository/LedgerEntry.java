package org.partnerplatform.settlement.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    public static final String SALE = "SALE";
    public static final String REFUND = "REFUND";

    @Id
    public UUID id;
    @Column(name = "entry_type")
    public String entryType;
    @Column(name = "order_id")
    public String orderId;
    /** The refund's credit; null for a sale. */
    @Column(name = "credit_id")
    public String creditId;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "partner_organisation_id")
    public long partnerOrganisationId;
    @Column(name = "operator_organisation_id")
    public long operatorOrganisationId;
    @Column(name = "agreement_id")
    public String agreementId;
    public String currency;
    @Column(name = "gross_amount", precision = 14, scale = 2)
    public BigDecimal grossAmount;
    @Column(name = "vat_amount", precision = 14, scale = 2)
    public BigDecimal vatAmount;
    @Column(name = "commission_basis_points")
    public int commissionBasisPoints;
    @Column(name = "commission_amount", precision = 14, scale = 2)
    public BigDecimal commissionAmount;
    @Column(name = "net_to_operator_amount", precision = 14, scale = 2)
    public BigDecimal netToOperatorAmount;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "settlement_date")
    public LocalDate settlementDate;
    /** The settlement the entry was closed in; null until then. */
    @Column(name = "settlement_id")
    public UUID settlementId;

    public static Uni<List<LedgerEntry>> ofPartner(long partnerOrganisationId) {
        return list("partnerOrganisationId = ?1 order by occurredAt, id", partnerOrganisationId);
    }

    public static Uni<List<LedgerEntry>> ofSettlement(UUID settlementId) {
        return list("settlementId = ?1 order by occurredAt, id", settlementId);
    }

    public static Uni<List<LedgerEntry>> ofOrder(String orderId) {
        return list("orderId = ?1 order by occurredAt, id", orderId);
    }
}
