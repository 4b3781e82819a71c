package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerplatform.events.Environment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** OAuth client credentials of an organisation. The secret itself is never stored, only its slow hash. */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "organisation_id")
    public long organisationId;
    public String name;
    @Convert(converter = RolesConverter.class)
    public Set<Role> roles;
    @Enumerated(EnumType.STRING)
    public Environment environment;
    @Column(name = "secret_hash")
    public String secretHash;
    @Enumerated(EnumType.STRING)
    public ClientStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** Raised by every rotation; verified secrets are cached per (client, version), so a rotation outdates them. */
    @Column(name = "secret_version")
    public int secretVersion;
    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;
    /** The secret before the last rotation, usable until previousSecretValidUntil (none without a grace period). */
    @Column(name = "previous_secret_hash")
    public String previousSecretHash;
    @Column(name = "previous_secret_valid_until")
    public Instant previousSecretValidUntil;
    @Version
    public Long version;

    public static Uni<Client> byId(String clientId) {
        return findById(clientId);
    }

    public static Uni<List<Client>> ofOrganisation(long organisationId) {
        return list("organisationId = ?1 order by createdAt, clientId", organisationId);
    }

    public boolean active() {
        return status == ClientStatus.ACTIVE;
    }
}
