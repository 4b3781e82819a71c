package org.partnerplatform.messaging.incoming;

import java.util.List;

import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;

/**
 * A consumer of CloudEvents that {@link IdempotentConsumer#processBatch} applies exactly once per event id, many
 * events to a transaction.
 *
 * @param <T> the payload type the handler works with
 */
public interface EventHandler<T> {

    /**
     * The event's payload, read before any transaction ({@link IncomingEvent#payloadAs} checks it against its JSON
     * Schema), or null when the event is not this consumer's business.
     */
    T read(IncomingEvent event);

    /** Once per transaction, with the payloads of the events seen for the first time: read what they need at once. */
    default Uni<Void> load(List<T> payloads, Work work) {
        return Uni.createFrom().voidItem();
    }

    /** Applies an event seen for the first time, in the transaction that records it in the inbox. */
    Uni<Void> apply(IncomingEvent event, T payload, Work work);
}
