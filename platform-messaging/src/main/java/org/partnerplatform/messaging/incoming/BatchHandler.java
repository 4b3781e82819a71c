package org.partnerplatform.messaging.incoming;

import java.util.List;

import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * What a consumer does with the records of an incoming channel that {@link BatchConsumer} delivers in batches. The
 * handler sees one item at a time and the batch's {@link Work}; how many records share a transaction is the
 * mechanism's business.
 *
 * @param <T> what a record becomes once read
 */
public interface BatchHandler<T> {

    /**
     * Reads one record, outside any transaction (parse it, check its schema or its token). An
     * {@link org.partnerplatform.events.InvalidEventException} sends the record to its dead-letter topic; a null item
     * means there is nothing to apply. Any other failure makes the batch go one record at a time.
     */
    Uni<T> prepare(KafkaRecord<String, String> record);

    /** Once per transaction, before the first {@link #apply}: read what all the items need, with one statement each. */
    default Uni<Void> load(List<T> items, Work work) {
        return Uni.createFrom().voidItem();
    }

    /** Applies one item in the transaction; a failure rolls back the batch, which is then retried one record at a time. */
    Uni<Void> apply(T item, Work work);

    /** The item's correlation id, put on the log lines written while it is applied (null: none). */
    default String correlationId(T item) {
        return null;
    }
}
