package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An order, in the hub's terms: a DRAFT (reserved and priced, with an expireAt) until its balance is 0.00 and it is
 * confirmed, then CONFIRMED; a refund gives a confirmed order its next version. A draft may be CANCELLED or EXPIRED.
 */
@Entity
@Table(name = "sales_order")
public class SalesOrder extends PanacheEntityBase {
    public static final String DRAFT = "DRAFT";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";
    public static final String EXPIRED = "EXPIRED";
    public static final String PAYMENT_AGENT = "AGENT";

    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public long organisationId;
    @Column(name = "operator_organisation_id")
    public long operatorOrganisationId;
    @Column(name = "agreement_id")
    public String agreementId;
    @Column(name = "commission_basis_points")
    public int commissionBasisPoints;
    @Column(name = "distribution_channel_id")
    public String distributionChannelId;
    public String status;
    public int version;
    public String currency;
    @Column(name = "total_amount", precision = 12, scale = 2)
    public BigDecimal totalAmount;
    @Column(name = "total_tax_amount", precision = 12, scale = 2)
    public BigDecimal totalTaxAmount;
    @Column(precision = 12, scale = 2)
    public BigDecimal balance;
    @Column(name = "payment_type")
    public String paymentType;
    @Column(name = "external_reference")
    public String externalReference;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_confirmed_at")
    public Instant lastConfirmedAt;
    @Column(name = "expire_at")
    public Instant expireAt;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "paid_at")
    public Instant paidAt;
}
