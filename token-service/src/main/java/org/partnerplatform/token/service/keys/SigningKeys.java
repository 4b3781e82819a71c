package org.partnerplatform.token.service.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnerplatform.events.Environment;
import org.partnerplatform.keys.EcKeys;
import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.keys.KeyRotation;
import org.partnerplatform.token.config.IssuerSettings;
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
 * The token signing keys: ES256 (P-256) pairs stored encrypted, the published ones held in memory with the keys
 * that sign (or will) decrypted.
 * <p>
 * Rotation without downtime, safe with several replicas:
 * <ol>
 * <li>a rotation (on schedule, every {@code key-rotation-period}, or by an admin) stores a NEXT key that is
 * published at once and signs from {@code key-publish-ahead} later;</li>
 * <li>every replica rereads the table every {@code key-reload-interval} (at most a quarter of the publish-ahead
 * time), so every replica's JWKS has the key long before it signs, and resource servers that refresh their JWKS
 * on an unknown kid or when its Cache-Control expires have it too;</li>
 * <li>at the activation time every replica signs with the new key (the signer is chosen by the clock);
 * {@link #advance()} then records it as ACTIVE and the old key as RETIRED at that time;</li>
 * <li>a retired key stays published for the token lifetime plus the clock skew after its retirement: until the
 * last token it signed has expired.</li>
 * </ol>
 * Changes to the table happen under a PostgreSQL advisory lock, and a unique index allows one NEXT key only.
 */
@ApplicationScoped
public class SigningKeys {
    public static final String ALGORITHM = "ES256";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Duration MAX_JWKS_CACHE = Duration.ofMinutes(5);

    /** The outcome of asking for a rotation: the NEXT key, and whether this request created it. */
    public record Rotation(PublishedKey next, boolean started) {
    }

    private final KeyEncryption encryption;
    private final IssuerSettings settings;
    private final Clock clock;
    private final boolean rotationEnabled;
    private final Duration rotationPeriod;
    private final Duration publishAhead;
    private final Duration reloadInterval;
    private final Duration publishedAfterRetirement;
    private final KeyRotation rotation;
    private volatile KeyRing ring = KeyRing.EMPTY;

    public SigningKeys(TokenConfig config, IssuerSettings settings, Clock clock) {
        this.encryption = KeyEncryption.fromBase64(config.keyEncryptionKey(), "platform.token.key-encryption-key");
        this.settings = settings;
        this.clock = clock;
        this.rotationEnabled = config.keyRotationEnabled();
        this.rotationPeriod = config.keyRotationPeriod();
        this.publishAhead = config.keyPublishAhead();
        this.reloadInterval = config.keyReloadInterval();
        this.publishedAfterRetirement = settings.lifetime().plus(config.clockSkew());
        this.rotation = new KeyRotation(rotationPeriod, publishAhead, publishedAfterRetirement);
        if (encryption.isDevOnly() && settings.environment() == Environment.PRODUCTION
                && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("platform.token.key-encryption-key is the committed dev-only value; "
                    + "a PRODUCTION deployment needs a key of its own");
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero() || publishAhead.compareTo(reloadInterval.multipliedBy(4)) < 0
                || rotationPeriod.compareTo(publishAhead.multipliedBy(2)) < 0) {
            throw new IllegalStateException("signing keys need key-reload-interval > 0, key-publish-ahead >= 4 reload intervals "
                    + "(every replica must load a new key before it signs) and key-rotation-period >= 2 x key-publish-ahead");
        }
    }

    void onStart(@Observes @Priority(10) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ensureActiveKey().chain(this::reload));
    }

    /** Creates the first key unless there is an active one; replicas starting together create exactly one. */
    public Uni<Void> ensureActiveKey() {
        return Panache.withTransaction(() -> AdvisoryLocks.lockForTransaction(AdvisoryLocks.SIGNING_KEYS)
                .chain(StoredSigningKey::countActive)
                .chain(active -> active > 0 ? Uni.createFrom().voidItem()
                        : create(SigningKeyStatus.ACTIVE, clock.instant()).replaceWithVoid()));
    }

    /**
     * Starts a rotation now rather than when the schedule says: a NEXT key, published from now, signing after
     * key-publish-ahead. If a rotation is under way already, that one is the answer.
     */
    public Uni<Rotation> rotate() {
        return Panache.withTransaction(() -> AdvisoryLocks.lockForTransaction(AdvisoryLocks.SIGNING_KEYS)
                .chain(StoredSigningKey::current)
                .chain(keys -> {
                    Optional<StoredSigningKey> next = keys.stream().filter(k -> k.status == SigningKeyStatus.NEXT).findFirst();
                    if (next.isPresent()) {
                        return Uni.createFrom().item(new Rotation(published(next.get()), false));
                    }
                    return create(SigningKeyStatus.NEXT, clock.instant().plus(publishAhead)).map(k -> new Rotation(published(k), true));
                }))
                .call(this::reload);
    }

    /**
     * One step of the rotation schedule, by whichever replica holds the lock (the others skip it): records a NEXT key
     * whose activation time has passed as ACTIVE and the keys it replaced as RETIRED (at that activation time), and
     * starts the next rotation when the signing key is due to be replaced within key-publish-ahead.
     */
    public Uni<Void> advance() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> AdvisoryLocks.tryLockForTransaction(AdvisoryLocks.SIGNING_KEYS)
                .chain(locked -> locked ? StoredSigningKey.current().chain(keys -> advance(keys, now)) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> advance(List<StoredSigningKey> keys, Instant now) {
        // keys: NEXT and ACTIVE, newest activation first; the rule (shared with the ticket keys) says what changes.
        KeyRotation.Plan plan = rotation.plan(keys.stream()
                .map(k -> new KeyRotation.Key(k.kid, k.status == SigningKeyStatus.NEXT, k.activatedAt)).toList(), now);
        Map<String, StoredSigningKey> byKid = keys.stream().collect(Collectors.toMap(k -> k.kid, k -> k));
        plan.activate().map(byKid::get).ifPresent(signing -> {
            signing.status = SigningKeyStatus.ACTIVE;
            LOG.infof("signing key %s signs since %s", signing.kid, signing.activatedAt);
        });
        for (KeyRotation.Retirement retirement : plan.retire()) {
            StoredSigningKey older = byKid.get(retirement.kid());
            older.status = SigningKeyStatus.RETIRED;
            older.retiredAt = retirement.retiredAt();
            LOG.infof("signing key %s retired at %s; published until %s", older.kid, older.retiredAt, retirement.publishedUntil());
        }
        // Without keys the first is created at start-up (ensureActiveKey), not here.
        if (!rotationEnabled || keys.isEmpty() || plan.createNextActivatingAt().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Flushed first: the promotion above must reach the table before the new NEXT key (one NEXT at a time).
        Instant activatesAt = plan.createNextActivatingAt().get();
        return Panache.flush().chain(() -> create(SigningKeyStatus.NEXT, activatesAt)).replaceWithVoid();
    }

    /** Stores a new key pair, published from now and signing from activatesAt. Must run inside a transaction. */
    Uni<StoredSigningKey> create(SigningKeyStatus status, Instant activatesAt) {
        KeyPair pair = EcKeys.generate();
        StoredSigningKey key = new StoredSigningKey();
        key.kid = RandomValues.identifier();
        key.algorithm = ALGORITHM;
        key.publicKey = pair.getPublic().getEncoded();
        KeyEncryption.Sealed sealed = encryption.encrypt(pair.getPrivate().getEncoded(), key.kid);
        key.privateKeyIv = sealed.iv();
        key.privateKeyCiphertext = sealed.ciphertext();
        key.kekFingerprint = encryption.fingerprint();
        key.status = status;
        // Milliseconds, like every stored time here: what the API answers on creation is what it reads back later.
        key.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // A NEXT key is published at least key-publish-ahead before it signs, whatever the caller computed.
        Instant earliest = status == SigningKeyStatus.NEXT ? key.createdAt.plus(publishAhead) : key.createdAt;
        key.activatedAt = activatesAt.isBefore(earliest) ? earliest : activatesAt.truncatedTo(ChronoUnit.MILLIS);
        return key.<StoredSigningKey> persist().invoke(() -> LOG.infof("created signing key %s (%s, %s), published from now, signing from %s",
                key.kid, ALGORITHM, status, key.activatedAt));
    }

    /** Reads the published keys from the database into memory; keys already decrypted are kept as they are. */
    public Uni<Void> reload() {
        Instant now = clock.instant();
        return Panache.withSession(() -> StoredSigningKey.publishedAt(now, publishedAfterRetirement))
                .invoke(stored -> ring = ringOf(stored, now, ring))
                .replaceWithVoid();
    }

    /** Whether a key is loaded that signs now. */
    public boolean loaded() {
        return ring.signerAt(clock.instant()).isPresent();
    }

    /**
     * Whether the last reload is recent enough that no NEXT key can have been created without this replica knowing
     * it before it signs: readiness fails otherwise, so a replica cut off from the database leaves the load balancer
     * before it could sign with a key that the others have retired.
     */
    public boolean fresh() {
        return Duration.between(ring.loadedAt(), clock.instant()).compareTo(publishAhead.multipliedBy(3).dividedBy(4)) < 0;
    }

    /** The key that signs now. */
    public Signer signer() {
        return ring.signerAt(clock.instant()).orElseThrow(() -> new IllegalStateException("no signing key is loaded yet"));
    }

    /** The public key of a published key id; empty for unknown and withdrawn keys. */
    public Optional<PublicKey> verificationKey(String kid) {
        return ring.key(kid).map(PublishedKey::publicKey);
    }

    /** The published keys as this replica holds them, newest activation first. */
    public List<PublishedKey> published() {
        return ring.published();
    }

    /** The JWKS document (RFC 7517) of every published key. */
    public String jwks() {
        return ring.jwks();
    }

    /**
     * How long a resource server may cache the JWKS: short enough that one honouring it re-reads the JWKS between
     * a NEXT key's appearance on every replica and its first signature; five minutes at most.
     */
    public Duration jwksMaxAge() {
        Duration margin = publishAhead.minus(reloadInterval).dividedBy(2);
        return margin.compareTo(MAX_JWKS_CACHE) > 0 ? MAX_JWKS_CACHE : margin;
    }

    public Duration reloadInterval() {
        return reloadInterval;
    }

    private KeyRing ringOf(List<StoredSigningKey> stored, Instant now, KeyRing previous) {
        List<PublishedKey> published = new ArrayList<>();
        List<Signer> signers = new ArrayList<>();
        for (StoredSigningKey k : stored) {
            Instant publishedUntil = k.retiredAt == null ? null : k.retiredAt.plus(publishedAfterRetirement);
            published.add(previous.key(k.kid)
                    .filter(known -> known.status() == k.status)
                    .orElseGet(() -> new PublishedKey(k.kid, EcKeys.decodePublic(k.publicKey), k.status, k.createdAt, k.activatedAt, k.retiredAt,
                            publishedUntil)));
            if (k.status != SigningKeyStatus.RETIRED) {
                signers.add(previous.signer(k.kid).orElseGet(() -> new Signer(k.kid, k.algorithm, decryptPrivate(k), k.activatedAt)));
            }
        }
        return new KeyRing(published, signers, now);
    }

    private PublishedKey published(StoredSigningKey k) {
        return new PublishedKey(k.kid, EcKeys.decodePublic(k.publicKey), k.status, k.createdAt, k.activatedAt, k.retiredAt, null);
    }

    private PrivateKey decryptPrivate(StoredSigningKey key) {
        if (!encryption.fingerprint().equals(key.kekFingerprint)) {
            throw new IllegalStateException("signing key " + key.kid + " was encrypted under key-encryption key "
                    + key.kekFingerprint + ", but the configured one is " + encryption.fingerprint());
        }
        return EcKeys.decodePrivate(encryption.decrypt(new KeyEncryption.Sealed(key.privateKeyIv, key.privateKeyCiphertext), key.kid), key.kid);
    }
}
