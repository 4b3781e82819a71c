package org.partnerplatform.catalog.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
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

/**
 * The catalog's revision: a number that every committed change able to alter some partner's catalog raises, in the
 * same transaction as the change (table catalog_revision). Cached catalog responses are labelled with the revision
 * known when they were computed and are served only while it is still the known one.
 * <p>
 * A replica learns of its own writes at once (after their commit, before it answers), and of everyone else's (other
 * replicas, the organisation-events consumer, the price schedule) by polling the number, so a cached response
 * outlives the change that retires it by at most one poll interval on another replica.
 */
@ApplicationScoped
public class CatalogRevisions {
    private static final Logger LOG = Logger.getLogger(CatalogRevisions.class);
    private static final String BUMP = "update catalog_revision set revision = revision + 1 where id = 1 returning revision";
    private static final String READ = "select revision from catalog_revision where id = 1";

    private final AtomicLong known = new AtomicLong(-1);
    private final Pool pool;
    private final Vertx vertx;
    private final Duration pollInterval;
    private volatile long timer = -1;

    public CatalogRevisions(Pool pool, Vertx vertx,
            @ConfigProperty(name = "platform.catalog.cache.revision-poll-interval", defaultValue = "PT0.1S") Duration pollInterval) {
        this.pool = pool;
        this.vertx = vertx;
        this.pollInterval = pollInterval;
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
     * Runs the work in a transaction that also raises the revision, and makes the new revision known here once the
     * transaction has committed. Not to be nested in another transaction: the revision would be known before the
     * change were visible.
     */
    public <T> Uni<T> writing(Supplier<Uni<T>> work) {
        return writing(work, result -> true);
    }

    /** As {@link #writing(Supplier)}, raising the revision only when the result says the catalog changed. */
    public <T> Uni<T> writing(Supplier<Uni<T>> work, Predicate<T> changed) {
        return Panache.withTransaction(() -> work.get().chain(result -> changed.test(result)
                ? bump().map(revision -> new Revised<>(result, revision))
                : Uni.createFrom().item(new Revised<>(result, -1))))
                .map(revised -> {
                    advanceTo(revised.revision());
                    return revised.result();
                });
    }

    /** Raises the revision inside the caller's transaction (for writers whose commit is not theirs to watch). */
    public Uni<Long> bump() {
        return Panache.getSession().chain(session -> session.createNativeQuery(BUMP, Long.class).getSingleResult());
    }

    void advanceTo(long revision) {
        known.accumulateAndGet(revision, Math::max);
    }

    private void poll() {
        pool.query(READ).execute().subscribe().with(
                rows -> advanceTo(rows.iterator().next().getLong(0)),
                failure -> LOG.debugf("reading the catalog revision failed (the next poll tries again): %s", failure));
    }

    private record Revised<T>(T result, long revision) {
    }
}
