package org.partnerplatform.sales.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.event.OrderEvents;
import org.partnerplatform.sales.repository.OrderChanges;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Expires the drafts that were not confirmed by their expireAt, with OrderExpired for each. Any number of replicas may
 * sweep at once: each transaction takes due drafts with {@code for update skip locked} and changes only those still
 * DRAFT, so a draft expires once, and never after a confirmation that committed first.
 */
@ApplicationScoped
public class ExpirySweep {
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final Transactions transactions;
    private final Clock clock;
    private final int batch;

    public ExpirySweep(Transactions transactions, Clock clock, SalesConfig config) {
        this.transactions = transactions;
        this.clock = clock;
        this.batch = config.expirySweepBatch();
    }

    @Scheduled(every = "${platform.sales.expiry-sweep-every:30s}", delayed = "${platform.sales.expiry-sweep-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(n -> {
            if (n > 0) {
                LOG.infof("expired %d drafts", n);
            }
        }).onFailure().invoke(e -> LOG.warn("the expiry sweep failed; the next one retries", e)).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Expires every due draft, a batch per transaction; returns how many. */
    public Uni<Integer> sweep() {
        return once().chain(n -> n < batch ? Uni.createFrom().item(n) : sweep().map(more -> n + more));
    }

    private Uni<Integer> once() {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(work -> OrderChanges.expireDue(work.sql(), now, batch).map(expired -> {
            expired.forEach(e -> work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, e.orderId().toString(),
                    OrderEvents.expired(e.orderId(), e.version(), e.organisationId(), e.expireAt(), now))));
            return expired.size();
        }));
    }
}
