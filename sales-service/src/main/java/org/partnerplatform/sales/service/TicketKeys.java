package org.partnerplatform.sales.service;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Environment;
import org.partnerplatform.keys.EcKeys;
import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.keys.KeyRotation;
import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.repository.TicketKeyRows;
import org.partnerplatform.sales.repository.TicketKeyRows.StoredKey;
import org.partnerplatform.tickets.TicketJwks;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The ticket signing keys (docs/tickets.md): ES256 pairs stored encrypted, the published ones and the signers held
 * in memory. A rotation stores a NEXT key that is published at once and signs {@code key-publish-ahead} later, so
 * that inspectors who sync their JWKS within that time know it before the first ticket it signs; every replica
 * rereads the keys every {@code key-reload-every} and signs with the key the clock says; a retired key stays
 * published while tickets it signed may still be valid. Changes happen under an advisory lock; a unique index
 * allows one NEXT key.
 */
@ApplicationScoped
public class TicketKeys {
    private static final Logger LOG = Logger.getLogger(TicketKeys.class);
    private static final String KEK_PROPERTY = "platform.sales.tickets.key-encryption-key";

    /** A key that signs tickets from activatedAt on, decrypted, held only in memory. */
    public record Signer(String kid, PrivateKey privateKey, Instant activatedAt) {
        @Override
        public String toString() {
            return "Signer[kid=" + kid + ", activatedAt=" + activatedAt + "]";
        }
    }

    /** A published key as the admin API shows it. */
    public record Published(String kid, String status, Instant activatedAt, Instant retiredAt, Instant publishedUntil) {
    }

    private record Ring(List<Signer> signers, List<Published> published, String jwks, Instant loadedAt) {
    }

    private final Pool pool;
    private final Clock clock;
    private final KeyEncryption encryption;
    private final KeyRotation rotation;
    private final Duration reloadInterval;
    private final SecureRandom random = new SecureRandom();
    private volatile Ring ring = new Ring(List.of(), List.of(), TicketJwks.of(Map.of()), Instant.EPOCH);

    public TicketKeys(Pool pool, Clock clock, SalesConfig config,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment) {
        this.pool = pool;
        this.clock = clock;
        SalesConfig.Tickets tickets = config.tickets();
        this.encryption = KeyEncryption.fromBase64(tickets.keyEncryptionKey(), KEK_PROPERTY);
        this.rotation = new KeyRotation(tickets.keyRotationPeriod(), tickets.keyPublishAhead(), tickets.keyPublishedAfterRetirement());
        this.reloadInterval = Duration.parse("PT" + tickets.keyReloadEvery().toUpperCase(Locale.ROOT));
        if (encryption.isDevOnly() && environment == Environment.PRODUCTION && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(KEK_PROPERTY + " is the committed dev-only value; a PRODUCTION deployment needs a key of its own");
        }
        if (tickets.keyPublishAhead().compareTo(reloadInterval.multipliedBy(4)) < 0
                || tickets.keyRotationPeriod().compareTo(tickets.keyPublishAhead().multipliedBy(2)) < 0) {
            throw new IllegalStateException("ticket keys need key-publish-ahead >= 4 x key-reload-every (every replica must load a new key "
                    + "before it signs) and key-rotation-period >= 2 x key-publish-ahead");
        }
    }

    void onStart(@Observes StartupEvent event) {
        advance().chain(this::reload).await().atMost(Duration.ofSeconds(60));
    }

    @Scheduled(every = "${platform.sales.tickets.key-reload-every:10m}", delayed = "${platform.sales.tickets.key-reload-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return advance().chain(this::reload).onFailure().invoke(e -> LOG.warn("reloading the ticket keys failed; the next run retries", e))
                .onFailure().recoverWithNull();
    }

    /** One step of the rotation (the first key, a NEXT key activating, a rotation due), under the lock. */
    public Uni<Void> advance() {
        Instant now = Instant.now(clock);
        return pool.withTransaction(sql -> TicketKeyRows.lock(sql).chain(() -> TicketKeyRows.current(sql)).chain(current -> {
            KeyRotation.Plan plan = rotation.plan(current.stream()
                    .map(k -> new KeyRotation.Key(k.kid(), TicketKeyRows.NEXT.equals(k.status()), k.activatedAt())).toList(), now);
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (plan.activate().isPresent()) {
                chain = chain.chain(() -> TicketKeyRows.activate(sql, plan.activate().get()))
                        .invoke(() -> LOG.infof("ticket key %s signs since now", plan.activate().get()));
            }
            for (KeyRotation.Retirement r : plan.retire()) {
                chain = chain.chain(() -> TicketKeyRows.retire(sql, r.kid(), r.retiredAt(), r.publishedUntil()))
                        .invoke(() -> LOG.infof("ticket key %s retired at %s, published until %s", r.kid(), r.retiredAt(), r.publishedUntil()));
            }
            if (plan.createNextActivatingAt().isPresent()) {
                Instant at = plan.createNextActivatingAt().get();
                chain = chain.chain(() -> TicketKeyRows.insert(sql, create(current.isEmpty() ? TicketKeyRows.ACTIVE : TicketKeyRows.NEXT, now, at)));
            }
            return chain;
        }));
    }

    /** Starts a rotation now: a NEXT key, published from now, signing after key-publish-ahead; a waiting one is the answer. */
    public Uni<Published> rotate() {
        Instant now = Instant.now(clock);
        return pool.withTransaction(sql -> TicketKeyRows.lock(sql).chain(() -> TicketKeyRows.current(sql)).chain(current -> {
            Optional<StoredKey> next = current.stream().filter(k -> TicketKeyRows.NEXT.equals(k.status())).findFirst();
            if (next.isPresent()) {
                return Uni.createFrom().item(next.get());
            }
            StoredKey created = create(TicketKeyRows.NEXT, now, rotation.nextActivation(now));
            return TicketKeyRows.insert(sql, created).replaceWith(created);
        })).call(this::reload).map(k -> new Published(k.kid(), k.status(), k.activatedAt(), k.retiredAt(), k.publishedUntil()));
    }

    /** Reads the published keys into memory; keys already decrypted are kept. */
    public Uni<Void> reload() {
        Instant now = Instant.now(clock);
        return TicketKeyRows.published(pool, now).invoke(stored -> ring = ringOf(stored, now, ring)).replaceWithVoid();
    }

    /** The key that signs now; fails while none is loaded (before the first start completed). */
    public Signer signer() {
        Instant now = Instant.now(clock);
        return ring.signers().stream().filter(s -> !s.activatedAt().isAfter(now)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ticket signing key is loaded"));
    }

    /** The JWKS of every published ticket key, newest activation first. */
    public String jwks() {
        return ring.jwks();
    }

    public List<Published> published() {
        return ring.published();
    }

    /** How long an inspector may cache the JWKS: a quarter of the publish-ahead time, at most a day. */
    public Duration jwksMaxAge() {
        Duration quarter = rotation.publishAhead().dividedBy(4);
        return quarter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : quarter;
    }

    private StoredKey create(String status, Instant now, Instant activatesAt) {
        KeyPair pair = EcKeys.generate();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        KeyEncryption.Sealed sealed = encryption.encrypt(pair.getPrivate().getEncoded(), kid);
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        LOG.infof("created ticket key %s (%s), published from now, signing from %s", kid, status, activatesAt);
        return new StoredKey(kid, pair.getPublic().getEncoded(), sealed.iv(), sealed.ciphertext(), encryption.fingerprint(), status, created,
                activatesAt.truncatedTo(ChronoUnit.MILLIS), null, null);
    }

    private Ring ringOf(List<StoredKey> stored, Instant now, Ring previous) {
        List<Signer> signers = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        for (StoredKey k : stored) {
            keys.put(k.kid(), (ECPublicKey) EcKeys.decodePublic(k.publicKey()));
            published.add(new Published(k.kid(), k.status(), k.activatedAt(), k.retiredAt(), k.publishedUntil()));
            if (!TicketKeyRows.RETIRED.equals(k.status())) {
                signers.add(previous.signers().stream().filter(s -> s.kid().equals(k.kid())).findFirst()
                        .orElseGet(() -> new Signer(k.kid(), decrypt(k), k.activatedAt())));
            }
        }
        return new Ring(List.copyOf(signers), List.copyOf(published), TicketJwks.of(keys), now);
    }

    private PrivateKey decrypt(StoredKey k) {
        if (!encryption.fingerprint().equals(k.kekFingerprint())) {
            throw new IllegalStateException("ticket key " + k.kid() + " was encrypted under key-encryption key " + k.kekFingerprint()
                    + ", but the configured one is " + encryption.fingerprint());
        }
        return EcKeys.decodePrivate(encryption.decrypt(new KeyEncryption.Sealed(k.privateKeyIv(), k.privateKeyCiphertext()), k.kid()), k.kid());
    }
}
