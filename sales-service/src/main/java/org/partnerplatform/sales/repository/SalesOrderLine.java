package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "order_line")
public class SalesOrderLine extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "line_number")
    public int lineNumber;
    @Column(name = "product_id")
    public String productId;
    @Column(name = "user_profile")
    public String userProfile;
    public int quantity;
    @Column(name = "unit_price", precision = 12, scale = 2)
    public BigDecimal unitPrice;
    @Column(precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(name = "tax_amount", precision = 12, scale = 2)
    public BigDecimal taxAmount;
    @Column(name = "tax_code")
    public String taxCode;
    @Column(name = "tax_rate", precision = 5, scale = 2)
    public BigDecimal taxRate;
    /** The product's ticket validity as sold (ISO-8601); null for lines sold before tickets were signed. */
    @Column(name = "ticket_validity")
    public String ticketValidity;
    /** The travel date the partner asked for: the tickets are valid that whole day at least. */
    @Column(name = "travel_date")
    public LocalDate travelDate;
    /** The start of validity the partner asked for (a travel date's start of day); null: from the confirmation. */
    @Column(name = "valid_from")
    public Instant validFrom;
    /** The credit that refunded this line; null while it is not refunded. */
    @Column(name = "credit_id")
    public UUID creditId;
}
