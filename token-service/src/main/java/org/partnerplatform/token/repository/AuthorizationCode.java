package org.partnerplatform.token.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** An authorization code given to a web client after a person signed in; single use, kept only as its SHA-256. */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode extends PanacheEntityBase {
    @Id
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "redirect_uri")
    public String redirectUri;
    /** The PKCE challenge, S256 (RFC 7636 §4.2). */
    @Column(name = "code_challenge")
    public String codeChallenge;
    public String nonce;
    @Column(name = "auth_time")
    public Instant authTime;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;

    public static Uni<AuthorizationCode> byHash(String hash) {
        return findById(hash);
    }

    /** Codes a day past their expiry: no use to anyone, not even to detect a replay. */
    public static Uni<Long> deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
