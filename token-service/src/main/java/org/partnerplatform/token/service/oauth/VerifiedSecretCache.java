package org.partnerplatform.token.service.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerplatform.token.config.TokenConfig;

/**
 * Secrets that passed the slow KDF check, so that the next grant of the same client checks them in a microsecond.
 * Holds HMAC-SHA256 of the presented secret under a random key that exists only in this process's memory (never
 * stored, new on every start), never the secret itself: a heap dump yields nothing to present to any replica.
 * <p>
 * Entries are per (client id, secret version). The caller looks up the client's current version, status and grace
 * period as committed (the client registry) on every grant, and asks only for the versions that are valid now: a
 * rotation raises the version and a revocation changes the status, so an entry for an outdated secret stops
 * matching as soon as the registry knows the change, without being deleted. {@link #forget} only frees memory
 * early on the replica that made the change.
 * <p>
 * Bounded: at most two versions per client (the current one and the one in its grace period), and when the number
 * of clients reaches the configured size the whole cache is dropped (cheap, and every client pays one KDF check
 * to come back; clients are created by administrators, so this happens only if the size is set too small).
 */
@ApplicationScoped
public class VerifiedSecretCache {
    private static final Logger LOG = Logger.getLogger(VerifiedSecretCache.class);

    /** Up to two verified versions of one client's secret, the higher first. */
    private record Entry(int version, byte[] mac, int olderVersion, byte[] olderMac) {
        Entry with(int newVersion, byte[] newMac) {
            if (newVersion == version) {
                return new Entry(newVersion, newMac, olderVersion, olderMac);
            }
            if (newVersion > version) {
                return new Entry(newVersion, newMac, version, mac);
            }
            return newVersion >= olderVersion ? new Entry(version, mac, newVersion, newMac) : this;
        }

        byte[] macOf(int wanted) {
            return wanted == version ? mac : wanted == olderVersion ? olderMac : null;
        }
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final int maxClients;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public VerifiedSecretCache(TokenConfig config) {
        this(config.clientCacheSize());
    }

    public VerifiedSecretCache(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalStateException("platform.token.client-cache-size must be positive");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.maxClients = maxClients;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The HMAC of a presented secret, bound to the client id, for {@link #matches} and {@link #remember}. */
    public byte[] mac(String clientId, String secret) {
        Mac mac = macs.get();
        mac.update(clientId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether this exact secret was verified for this version of the client's secret. Constant time in the MAC. */
    public boolean matches(String clientId, int secretVersion, byte[] mac) {
        Entry entry = entries.get(clientId);
        if (entry == null) {
            return false;
        }
        byte[] known = entry.macOf(secretVersion);
        return known != null && MessageDigest.isEqual(known, mac);
    }

    /** Records a secret that the KDF check accepted for this version. */
    public void remember(String clientId, int secretVersion, byte[] mac) {
        if (entries.size() >= maxClients && !entries.containsKey(clientId)) {
            LOG.warnf("verified-secret cache reached %d clients; dropped it (raise platform.token.client-cache-size)", maxClients);
            entries.clear();
        }
        entries.compute(clientId, (id, entry) -> entry == null ? new Entry(secretVersion, mac, 0, null) : entry.with(secretVersion, mac));
    }

    /** Frees a client's entries (after a rotation or revocation made here; correctness does not depend on it). */
    public void forget(String clientId) {
        entries.remove(clientId);
    }

    int size() {
        return entries.size();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
