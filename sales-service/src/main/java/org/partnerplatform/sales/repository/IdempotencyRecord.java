package org.partnerplatform.sales.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The first outcome of a partner's idempotency key, with a hash of the request it answered. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    @Column(name = "organisation_id")
    public long organisationId;
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    public String outcome;
    @Column(name = "order_id")
    public UUID orderId;
    /** For a refund's key: the credit it made. */
    @Column(name = "credit_id")
    public UUID creditId;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_detail")
    public String errorDetail;
    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public long organisationId;
        public String idempotencyKey;

        public Key() {
        }

        public Key(long organisationId, String idempotencyKey) {
            this.organisationId = organisationId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.organisationId == organisationId && Objects.equals(k.idempotencyKey, idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, idempotencyKey);
        }
    }
}
