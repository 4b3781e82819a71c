package org.partnerplatform.token.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A token signing key pair as stored: the public key in the clear (X.509 SubjectPublicKeyInfo), the private key
 * (PKCS#8) encrypted with AES-256-GCM under the key-encryption key, with the kid as associated data so that a
 * ciphertext cannot be moved to another row.
 */
@Entity
@Table(name = "signing_key")
public class StoredSigningKey extends PanacheEntityBase {
    @Id
    public String kid;
    public String algorithm;
    @Column(name = "public_key")
    public byte[] publicKey;
    @Column(name = "private_key_ciphertext")
    public byte[] privateKeyCiphertext;
    @Column(name = "private_key_iv")
    public byte[] privateKeyIv;
    /** Which key-encryption key encrypted it, so that a wrong one is named as such rather than as corrupt data. */
    @Column(name = "kek_fingerprint")
    public String kekFingerprint;
    @Enumerated(EnumType.STRING)
    public SigningKeyStatus status;
    /** Published in the JWKS from here on. */
    @Column(name = "created_at")
    public Instant createdAt;
    /** Signs from here on; later than createdAt when a rotation publishes a key before it signs. */
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
    @Version
    public Long version;

    /**
     * Every key that may verify a token: the NEXT one (published before it signs), the ACTIVE ones, and retired ones
     * whose last tokens may not have expired (retired less than token lifetime plus clock skew ago).
     */
    public static Uni<List<StoredSigningKey>> publishedAt(Instant now, Duration publishedAfterRetirement) {
        return list("status in ?1 or (status = ?2 and retiredAt > ?3) order by activatedAt desc, kid",
                List.of(SigningKeyStatus.NEXT, SigningKeyStatus.ACTIVE), SigningKeyStatus.RETIRED, now.minus(publishedAfterRetirement));
    }

    public static Uni<Long> countActive() {
        return count("status", SigningKeyStatus.ACTIVE);
    }

    /** Keys that sign or will sign (NEXT and ACTIVE), newest activation first. */
    public static Uni<List<StoredSigningKey>> current() {
        return list("status in ?1 order by activatedAt desc, kid desc", List.of(SigningKeyStatus.NEXT, SigningKeyStatus.ACTIVE));
    }
}
