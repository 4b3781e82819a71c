package org.partnerplatform.messaging.outbox;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * How far the outbox is behind: the age of its oldest unsent row ({@code platform_outbox_oldest_age_seconds}, 0 when
 * empty), read every 10 s. A broker outage, or a row the broker keeps refusing, shows as a growing age long before
 * anyone misses an event; the alert on it is in deploy/monitoring.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    /** The oldest row by position (the outbox's index), not a scan for the minimum time of a queue that may be long. */
    private static final String OLDEST = "select extract(epoch from now() - event_time)::bigint from outbox order by position limit 1";

    private final Pool pool;
    private final Vertx vertx;
    /** The last reading: the oldest row's age then, and when (System.nanoTime). */
    private volatile Reading last = new Reading(0, System.nanoTime());
    private long timer = -1;

    record Reading(long ageSeconds, long atNanos) {
        /**
         * The age now. A row that was there at the reading is still there, or younger rows are (the relay deletes in
         * position order), so the oldest has aged since; an empty outbox stays 0 until a reading finds a row. So the
         * gauge goes on growing while the database cannot be read, rather than standing still.
         */
        long ageNow(long nowNanos) {
            return ageSeconds == 0 ? 0 : ageSeconds + Math.max(0, (nowNanos - atNanos) / 1_000_000_000L);
        }
    }

    public OutboxMetrics(Pool pool, Vertx vertx, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        Gauge.builder("platform.outbox.oldest.age", this, m -> m.last.ageNow(System.nanoTime())).baseUnit("seconds")
                .description("Age of the oldest event in the outbox not yet published").register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(0, 10_000, id -> read());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void read() {
        pool.query(OLDEST).execute().subscribe().with(rows -> {
            var it = rows.iterator();
            last = new Reading(it.hasNext() ? Math.max(0, it.next().getLong(0)) : 0, System.nanoTime());
        }, failure -> LOG.debugf("outbox age not read: %s", failure.getMessage()));
    }
}
