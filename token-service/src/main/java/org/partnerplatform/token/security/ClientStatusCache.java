package org.partnerplatform.token.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.config.TokenConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whether a client is still active, for refusing the tokens of revoked clients at the admin API. Looked up with a
 * plain SQL query (no Hibernate session inside authentication) and remembered briefly; a revocation made on this
 * replica is forgotten at once.
 */
@ApplicationScoped
public class ClientStatusCache {
    private static final int MAX_ENTRIES = 10_000;
    private static final String QUERY = "select status from client where client_id = $1";

    private record Entry(boolean active, Instant until) {
    }

    private final Pool pool;
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ClientStatusCache(Pool pool, TokenConfig config) {
        this.pool = pool;
        this.ttl = config.clientStatusCacheTtl();
    }

    /** False for a revoked client and for one that does not exist. */
    public Uni<Boolean> isActive(String clientId) {
        Entry entry = entries.get(clientId);
        if (entry != null && Instant.now().isBefore(entry.until())) {
            return Uni.createFrom().item(entry.active());
        }
        return pool.preparedQuery(QUERY).execute(Tuple.of(clientId)).map(rows -> {
            boolean active = false;
            for (Row row : rows) {
                active = "ACTIVE".equals(row.getString("status"));
            }
            remember(clientId, active);
            return active;
        });
    }

    public void forget(String clientId) {
        entries.remove(clientId);
    }

    private void remember(String clientId, boolean active) {
        if (entries.size() >= MAX_ENTRIES) {
            // Crude but bounded: the admin API has few callers, so this happens only under abuse.
            entries.clear();
        }
        entries.put(clientId, new Entry(active, Instant.now().plus(ttl)));
    }
}
