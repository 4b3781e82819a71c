package org.partnerplatform.catalog.service;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalog's revision: a number that every committed change able to alter some partner's catalog raises, in the
 * same transaction as the change (table catalog_revision), recording which scopes of the catalog it changed (table
 * catalog_change): a partner's agreements and status ({@link #partner}), an operator's products, prices and status
 * ({@link #operator}), or anything ({@link #EVERYTHING}). Raising the one row serialises the writers, so revisions
 * commit in order. A cached catalog response is labelled with the revision known when it was computed and the scopes
 * it depends on, and is served while none of those scopes has changed since: an agreement's change retires one
 * partner's catalogs, a product's those of the partners with agreements with its operator.
 * <p>
 * A replica learns of its own writes at once (after their commit, before it answers), and of everyone else's (other
 * replicas, the organisation-events consumer, the price schedule) by polling the number, so a cached response
 * outlives the change that retires it by at most one poll interval on another replica.
 */
@ApplicationScoped
public class CatalogRevisions {
    public static final String EVERYTHING = "*";
    private static final Logger LOG = Logger.getLogger(CatalogRevisions.class);
    private static final String BUMP = "update catalog_revision set revision = revision + 1 where id = 1 returning revision";
    private static final String RECORD_SCOPE = """
            insert into catalog_change (scope, revision) values (:scope, :revision)
            on conflict (scope) do update set revision = excluded.revision""";
    private static final String READ = "select revision from catalog_revision where id = 1";
    private static final String CHANGES_SINCE = "select scope, revision from catalog_change where revision > $1";

    private final AtomicLong known = new AtomicLong(-1);
    /** The last revision of each scope this replica knows of, from the revision it first looked on. */
    private final ConcurrentHashMap<String, Long> scopes = new ConcurrentHashMap<>();
    private final Pool pool;
    private final Vertx vertx;
    private final Duration pollInterval;
    private volatile long polledUpTo = -1;
    private volatile long timer = -1;

    public CatalogRevisions(Pool pool, Vertx vertx,
            @ConfigProperty(name = "platform.catalog.cache.revision-poll-interval", defaultValue = "PT0.1S") Duration pollInterval) {
        this.pool = pool;
        this.vertx = vertx;
        this.pollInterval = pollInterval;
    }

    /** The scope of a partner's agreements, their readiness, and its status. */
    public static String partner(long organisationId) {
        return "partner:" + organisationId;
    }

    /** The scope of an operator's products, their prices, and its status. */
    public static String operator(long organisationId) {
        return "operator:" + organisationId;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(1, Math.max(10, pollInterval.toMillis()), id -> poll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The newest committed revision this replica knows of; -1 before its first look. */
    public long known() {
        return known.get();
    }

    /**
     * Whether a response computed under {@code revision}, depending on these scopes, still holds: no change this
     * replica knows of, to any of them or to everything, came after it.
     */
    public boolean unchangedSince(long revision, Collection<String> dependsOn) {
        if (revision < 0 || scopes.getOrDefault(EVERYTHING, -1L) > revision) {
            return false;
        }
        for (String scope : dependsOn) {
            if (scopes.getOrDefault(scope, -1L) > revision) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the work in a transaction that also raises the revision for the scopes its result names (none: no
     * change), and makes the new revision known here once the transaction has committed. Not to be nested in another
     * transaction: the revision would be known before the change were visible.
     */
    public <T> Uni<T> writing(Supplier<Uni<T>> work, Function<T, Set<String>> changedScopes) {
        return Panache.withTransaction(() -> work.get().chain(result -> {
            Set<String> changed = changedScopes.apply(result);
            return changed.isEmpty()
                    ? Uni.createFrom().item(new Revised<>(result, -1, changed))
                    : bump(changed).map(revision -> new Revised<>(result, revision, changed));
        })).map(revised -> {
            if (revised.revision() >= 0) {
                learn(revised.scopes(), revised.revision());
                advanceTo(revised.revision());
            }
            return revised.result();
        });
    }

    /** Raises the revision for these scopes inside the caller's transaction (for writers whose commit is not theirs to watch). */
    public Uni<Long> bump(Set<String> changed) {
        return Panache.getSession().chain(session -> session.createNativeQuery(BUMP, Long.class).getSingleResult()
                .call(revision -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (String scope : changed) {
                        chain = chain.chain(() -> session.createNativeQuery(RECORD_SCOPE).setParameter("scope", scope).setParameter("revision", revision)
                                .executeUpdate());
                    }
                    return chain;
                }));
    }

    void advanceTo(long revision) {
        known.accumulateAndGet(revision, Math::max);
    }

    private void learn(Collection<String> changed, long revision) {
        for (String scope : changed) {
            scopes.merge(scope, revision, Math::max);
        }
    }

    /**
     * Reads the revision, then the scopes changed since the last poll (every change up to that revision has
     * committed, and its scopes with it), and only then makes the revision known: a response labelled with it is
     * never judged by scopes older than it.
     */
    private void poll() {
        pool.query(READ).execute().chain(rows -> {
            long revision = rows.iterator().next().getLong(0);
            long since = polledUpTo;
            if (since < 0) {
                // The first look: nothing is cached yet, so older changes do not matter.
                return Uni.createFrom().item(revision);
            }
            if (revision <= since) {
                return Uni.createFrom().item(revision);
            }
            return pool.preparedQuery(CHANGES_SINCE).execute(Tuple.of(since)).map(changes -> {
                changes.forEach(row -> scopes.merge(row.getString(0), row.getLong(1), Math::max));
                return revision;
            });
        }).subscribe().with(
                revision -> {
                    polledUpTo = Math.max(polledUpTo, revision);
                    advanceTo(revision);
                },
                failure -> LOG.debugf("reading the catalog revision failed (the next poll tries again): %s", failure));
    }

    private record Revised<T>(T result, long revision, Set<String> scopes) {
    }
}
