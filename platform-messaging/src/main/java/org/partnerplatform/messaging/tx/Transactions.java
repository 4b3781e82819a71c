package org.partnerplatform.messaging.tx;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.config.MessagingConfig;
import org.partnerplatform.messaging.outbox.OutboxRelay;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Runs a {@link Work} in one transaction of the reactive pool: the function's statements, then the kept inserts and
 * outbox rows, then the commit; any failure rolls all of it back. After a commit that wrote outbox rows, the relay is
 * asked for a round at once instead of at its next poll.
 */
@ApplicationScoped
public class Transactions {
    private final Pool pool;
    private final MessagingConfig config;
    private final OutboxRelay relay;

    public Transactions(Pool pool, MessagingConfig config, OutboxRelay relay) {
        this.pool = pool;
        this.config = config;
        this.relay = relay;
    }

    public <T> Uni<T> inTransaction(Function<Work, Uni<T>> function) {
        Work[] done = new Work[1];
        // The caller's trace (a request's span), taken before the pool's callbacks run.
        Context trace = Context.current();
        return pool.withTransaction(connection -> {
            Work work = new Work(connection, config.source(), config.validateOutgoing(), trace);
            done[0] = work;
            return function.apply(work).call(work::flush);
        }).invoke(() -> {
            if (done[0] != null) {
                if (done[0].publishes()) {
                    relay.nudge();
                }
                done[0].committed();
            }
        });
    }
}
