package org.partnerplatform.token.service.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.PlatformEnvironment;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.AdvisoryLocks;
import org.partnerplatform.token.repository.SigningKeyStatus;
import org.partnerplatform.token.repository.StoredSigningKey;
import org.partnerplatform.token.service.RandomValues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The token signing keys: ES256 (P-256) pairs stored encrypted, the published ones held in memory with the
 * current signer decrypted.
 * <p>
 * Rotation (a later phase) needs only {@link #create(Instant)} with an activation time in the future, a periodic
 * {@link #reload()} on every replica, and retiring the old key once the new one signs: the new key is in every
 * replica's JWKS before any replica signs with it, because the signer is always the most recently activated key
 * whose activation time has passed, and a retired key stays published until the tokens it signed have expired.
 */
@ApplicationScoped
public class SigningKeys {
    public static final String ALGORITHM = "ES256";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final KeyEncryption encryption;
    private final IssuerSettings settings;
    private volatile KeyRing ring = KeyRing.EMPTY;
    private volatile boolean loaded;

    public SigningKeys(TokenConfig config, IssuerSettings settings) {
        this.encryption = KeyEncryption.fromBase64(config.keyEncryptionKey());
        this.settings = settings;
        if (encryption.isDevOnly() && settings.environment() == PlatformEnvironment.PRODUCTION
                && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("platform.token.key-encryption-key is the committed dev-only value; "
                    + "a PRODUCTION deployment needs a key of its own");
        }
    }

    void onStart(@Observes @Priority(10) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ensureActiveKey().chain(this::reload));
    }

    /** Creates the first key unless there is an active one; replicas starting together create exactly one. */
    public Uni<Void> ensureActiveKey() {
        return Panache.withTransaction(() -> AdvisoryLocks.lockForTransaction(AdvisoryLocks.SIGNING_KEYS)
                .chain(StoredSigningKey::countActive)
                .chain(active -> active > 0 ? Uni.createFrom().voidItem() : create(Instant.now()).replaceWithVoid()));
    }

    /** Stores a new key pair, published from now and signing from activatesAt. Must run inside a transaction. */
    public Uni<StoredSigningKey> create(Instant activatesAt) {
        KeyPair pair = generate();
        StoredSigningKey key = new StoredSigningKey();
        key.kid = RandomValues.identifier();
        key.algorithm = ALGORITHM;
        key.publicKey = pair.getPublic().getEncoded();
        KeyEncryption.Sealed sealed = encryption.encrypt(pair.getPrivate().getEncoded(), key.kid);
        key.privateKeyIv = sealed.iv();
        key.privateKeyCiphertext = sealed.ciphertext();
        key.kekFingerprint = encryption.fingerprint();
        key.status = SigningKeyStatus.ACTIVE;
        key.createdAt = Instant.now();
        key.activatedAt = activatesAt.isBefore(key.createdAt) ? key.createdAt : activatesAt;
        return key.<StoredSigningKey> persist().invoke(() -> LOG.infof("created signing key %s (%s), signing from %s", key.kid, ALGORITHM, key.activatedAt));
    }

    /** Reads the published keys and the current signer from the database into memory. */
    public Uni<Void> reload() {
        Instant now = Instant.now();
        return Panache.withSession(() -> StoredSigningKey.publishedAt(now, settings.lifetime()))
                .invoke(stored -> {
                    ring = ringOf(stored, now);
                    loaded = true;
                })
                .replaceWithVoid();
    }

    public boolean loaded() {
        return loaded && ring.signer().isPresent();
    }

    public Signer signer() {
        return ring.signer().orElseThrow(() -> new IllegalStateException("no signing key is loaded yet"));
    }

    /** The public key of a published key id; empty for unknown and withdrawn keys. */
    public Optional<PublicKey> verificationKey(String kid) {
        return ring.key(kid).map(PublishedKey::publicKey);
    }

    /** The JWKS document (RFC 7517) of every published key. */
    public String jwks() {
        return ring.jwks();
    }

    private KeyRing ringOf(List<StoredSigningKey> stored, Instant now) {
        List<PublishedKey> published = stored.stream()
                .map(k -> new PublishedKey(k.kid, decodePublic(k.publicKey), k.status, k.activatedAt, k.retiredAt))
                .toList();
        Signer signer = stored.stream()
                .filter(k -> k.status == SigningKeyStatus.ACTIVE && !k.activatedAt.isAfter(now))
                .max(Comparator.comparing((StoredSigningKey k) -> k.activatedAt).thenComparing(k -> k.kid))
                .map(k -> new Signer(k.kid, k.algorithm, decryptPrivate(k)))
                .orElse(null);
        return new KeyRing(published, signer);
    }

    private PrivateKey decryptPrivate(StoredSigningKey key) {
        if (!encryption.fingerprint().equals(key.kekFingerprint)) {
            throw new IllegalStateException("signing key " + key.kid + " was encrypted under key-encryption key "
                    + key.kekFingerprint + ", but the configured one is " + encryption.fingerprint());
        }
        byte[] pkcs8 = encryption.decrypt(new KeyEncryption.Sealed(key.privateKeyIv, key.privateKeyCiphertext), key.kid);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid + " is not an EC private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is not an EC key", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is not available", e);
        }
    }
}
