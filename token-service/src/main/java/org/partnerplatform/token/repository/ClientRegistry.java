package org.partnerplatform.token.repository;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerplatform.token.config.TokenConfig;

import io.smallrye.mutiny.Uni;

/**
 * The clients (with their organisation's status) that this replica has read, kept in memory so that a grant does
 * not cost a database round trip, and forgotten the moment they change.
 * <p>
 * Every change to a client or organisation row, whoever makes it, is announced by the table's own triggers on the
 * PostgreSQL channel {@code token_registry} at commit ({@link org.partnerplatform.token.messaging.RegistryNotifications}
 * listens). A change made through this replica is forgotten before the API answers; a change made anywhere else,
 * when its notification arrives (at commit, typically well under a millisecond on a LAN). Entries are served only
 * while the listening connection is known to work (a self-addressed heartbeat comes back): when it is not, every
 * entry is dropped and every grant reads the table, exactly as without this cache, until the listener is back.
 * <p>
 * A load that raced with a change is not kept: every change bumps a counter, and a load that finds it moved since
 * it started answers its own request but leaves no entry. Entries also expire after {@code client-cache-max-age},
 * a last resort should a change ever bypass the triggers.
 */
@ApplicationScoped
public class ClientRegistry {
    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);

    private record Entry(ClientGrantRecord client, long loadedAtNanos) {
    }

    private final ClientLookup lookup;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean live;

    @Inject
    public ClientRegistry(ClientLookup lookup, TokenConfig config) {
        this(lookup, config.clientCacheMaxAge(), config.clientCacheSize());
    }

    ClientRegistry(ClientLookup lookup, Duration maxAge, int maxEntries) {
        this.lookup = lookup;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The client and its organisation as last committed; null if there is no such client. */
    public Uni<ClientGrantRecord> byId(String clientId) {
        if (live) {
            Entry entry = entries.get(clientId);
            if (entry != null && System.nanoTime() - entry.loadedAtNanos() < maxAgeNanos) {
                return Uni.createFrom().item(entry.client());
            }
        }
        long seen = changes.get();
        return lookup.byId(clientId).invoke(client -> remember(clientId, client, seen));
    }

    /** A client changed (or appeared, or went): its entry is dropped, and loads under way are not kept. */
    public void clientChanged(String clientId) {
        changes.incrementAndGet();
        entries.remove(clientId);
    }

    /** An organisation changed, or notifications may have been missed: everything is read afresh. */
    public void everythingChanged() {
        changes.incrementAndGet();
        entries.clear();
    }

    /** Whether change notifications are known to arrive; only then are entries served. */
    public void live(boolean live) {
        if (live == this.live) {
            return;
        }
        if (live) {
            // Whatever was loaded before the listener (re)started may have missed a change: start empty.
            everythingChanged();
            this.live = true;
        } else {
            this.live = false;
            everythingChanged();
        }
        LOG.infof("client registry %s", live ? "serves from memory (change notifications arrive)" : "reads every client from the database");
    }

    public boolean live() {
        return live;
    }

    int size() {
        return entries.size();
    }

    private void remember(String clientId, ClientGrantRecord client, long seen) {
        if (client == null || !live) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(clientId)) {
            entries.clear();
        }
        Entry entry = new Entry(client, System.nanoTime());
        entries.put(clientId, entry);
        // Checked after the put: a change that came in between either sees the entry and drops it, or is seen here.
        if (changes.get() != seen || !live) {
            entries.remove(clientId, entry);
        }
    }
}
