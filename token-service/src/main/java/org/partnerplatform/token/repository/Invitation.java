package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A one-time invitation of a person to an organisation; the link's token is kept only as its SHA-256. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {
    @Id
    @Column(name = "invitation_id")
    public String invitationId;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "organisation_id")
    public long organisationId;
    public String email;
    @Convert(converter = RolesConverter.class)
    public Set<Role> roles;
    @Column(name = "invited_by")
    public String invitedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "person_id")
    public String personId;
    /** The TOTP secret to enrol, made when the page is first shown; sealed as the person's will be. */
    @Column(name = "totp_secret_iv")
    public byte[] totpSecretIv;
    @Column(name = "totp_secret_ciphertext")
    public byte[] totpSecretCiphertext;

    /** Set when the invitation resets this existing person's password and second factor instead of creating one. */
    @Column(name = "resets_person_id")
    public String resetsPersonId;

    public static Uni<Invitation> byTokenHash(String hash) {
        return find("tokenHash = ?1", hash).firstResult();
    }

    /**
     * Marks the invitation accepted by this person if it is still open at {@code now}; 0 when another acceptance took
     * it first or it was closed meanwhile (a newer link). Conditional, so that of two at once the second waits for the
     * first's row lock and then updates nothing.
     */
    public static Uni<Integer> take(String invitationId, String personId, Instant now) {
        return update("acceptedAt = ?1, personId = ?2 where invitationId = ?3 and acceptedAt is null and expiresAt > ?1", now, personId,
                invitationId);
    }

    public boolean reset() {
        return resetsPersonId != null;
    }

    /** Open: not accepted and not expired at {@code now}. */
    public boolean openAt(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
