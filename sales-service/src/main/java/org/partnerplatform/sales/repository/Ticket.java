package org.partnerplatform.sales.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One ticket per traveller: an order line of quantity 3 issues three tickets. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {
    public static final String ISSUED = "ISSUED";
    /** Refunded: no longer valid for travel. */
    public static final String DISABLED = "DISABLED";

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "order_line_id")
    public UUID orderLineId;
    @Column(name = "product_id")
    public String productId;
    @Column(name = "user_profile")
    public String userProfile;
    public String status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_to")
    public Instant validTo;
    /** The kid of the ticket key that signed it. */
    @Column(name = "signing_key_id")
    public String signingKeyId;
    /** The signed ticket, a compact JWS (docs/tickets.md); null for tickets issued before tickets were signed. */
    @Column(columnDefinition = "text")
    public String signed;

    /** The operator's codespace, the prefix of the product id (catalog makes every product id start with it). */
    public String operatorCodespace() {
        int colon = productId.indexOf(':');
        return colon > 0 ? productId.substring(0, colon) : productId;
    }
}
