package org.partnerplatform.messaging.incoming;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.partnerplatform.events.CorrelationIds;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.messaging.tracing.TraceContexts;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.messaging.tx.Work;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies a batch of incoming records (one poll of a channel with {@code batch=true}, across its partitions) in one
 * transaction, in partition order:
 * <ol>
 * <li>each record is read ({@link BatchHandler#prepare}); a record that can never be processed is set aside for its
 * dead-letter topic;</li>
 * <li>one transaction loads what the batch needs and applies every item, its inserts and outbox rows written with a
 * multi-row statement per table, and commits; a failure of the infrastructure ({@link TransientFailures}) retries
 * the whole batch with back-off for as long as it lasts;</li>
 * <li>then the set-aside records go to their dead-letter topic and the batch is acknowledged: its offsets are
 * committed only after its effects and its dead letters are safe.</li>
 * </ol>
 * Any other failure (a record that breaks a rule or a constraint, a bug) rolls the batch back, and its records are
 * applied one at a time, each in its own transaction under {@link ReliableHandling}'s policy, so that only the
 * poison record is dead-lettered and every other one is applied, in order.
 * <p>
 * Each item is applied in its record's trace and with its correlation id on the log lines, and logged at DEBUG once
 * applied (category {@code org.partnerplatform.messaging.incoming}).
 */
@ApplicationScoped
public class BatchConsumer {
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final Transactions transactions;
    private final ReliableHandling handling;

    public BatchConsumer(Transactions transactions, ReliableHandling handling) {
        this.transactions = transactions;
        this.handling = handling;
    }

    private record Prepared<T>(KafkaRecord<String, String> record, T item, InvalidEventException invalid) {
    }

    /** Never fails: whatever happens, every record ends up applied or dead-lettered before the returned Uni completes. */
    public <T> Uni<Void> consume(KafkaRecordBatch<String, String> batch, BatchHandler<T> handler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return Uni.createFrom().completionStage(batch::ack);
        }
        return Multi.createFrom().iterable(records).onItem().transformToUniAndConcatenate(record -> prepare(record, handler))
                .collect().asList()
                .chain(prepared -> applyAll(prepared, handler, 1)
                        .chain(invalid -> deadLetterAll(invalid))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("A batch of %d records from %s failed; applying them one at a time: %s", records.size(),
                                    records.get(0).getTopic(), failure.toString());
                            return oneByOne(records, handler).replaceWith(false);
                        }))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Reading a batch of %d records from %s failed; applying them one at a time: %s", records.size(),
                            records.get(0).getTopic(), failure.toString());
                    return oneByOne(records, handler).replaceWith(false);
                })
                // One record at a time acknowledges each record itself; a batch is acknowledged as a whole.
                .chain(acknowledge -> acknowledge ? Uni.createFrom().completionStage(batch::ack) : Uni.createFrom().voidItem())
                .eventually(() -> MDC.remove(CorrelationIds.MDC_KEY));
    }

    private static <T> Uni<Prepared<T>> prepare(KafkaRecord<String, String> record, BatchHandler<T> handler) {
        return Uni.createFrom().<T> deferred(() -> handler.prepare(record))
                .map(item -> new Prepared<>(record, item, null))
                .onFailure(InvalidEventException.class).recoverWithItem(e -> new Prepared<>(record, null, (InvalidEventException) e));
    }

    /** The batch's one transaction, retried while the infrastructure fails; returns the records to dead-letter. */
    private <T> Uni<List<Prepared<T>>> applyAll(List<Prepared<T>> prepared, BatchHandler<T> handler, int attempt) {
        List<Prepared<T>> valid = prepared.stream().filter(p -> p.invalid() == null && p.item() != null).toList();
        List<T> items = valid.stream().map(Prepared::item).toList();
        Uni<Void> transaction = items.isEmpty() ? Uni.createFrom().voidItem()
                // The items one after another through a Multi, not a chain of Unis: most complete at once (no I/O),
                // and hundreds of nested chains would run out of stack (a StackOverflowError that a Uni swallows,
                // leaving the batch hanging).
                : transactions.inTransaction(work -> handler.load(items, work)
                        .chain(() -> Multi.createFrom().iterable(valid)
                                .onItem().transformToUniAndConcatenate(p -> apply(p.record(), p.item(), handler, work).replaceWith(p))
                                .collect().last().replaceWithVoid()));
        return transaction.replaceWith(() -> prepared.stream().filter(p -> p.invalid() != null).toList())
                .onFailure(TransientFailures::isTransient).recoverWithUni(failure -> {
                    LOG.warnf("attempt %d at a batch of %d records failed for a reason outside them; retrying: %s", attempt, items.size(),
                            failure.toString());
                    return handling.pause(handling.backoff(attempt)).chain(() -> applyAll(prepared, handler, attempt + 1));
                });
    }

    /**
     * One item, in its record's trace (the events it publishes continue it; its statements and log lines are in it)
     * and with its correlation id on the log lines.
     */
    private static <T> Uni<Void> apply(KafkaRecord<String, String> record, T item, BatchHandler<T> handler, Work work) {
        Context trace = TraceContexts.of(record);
        work.continueTrace(trace);
        return TraceContexts.within(trace, () -> {
            correlate(handler.correlationId(item));
            // Topic, partition and offset name the record; not its key, which on a partner's topic is the partner's text.
            return handler.apply(item, work).invoke(() -> LOG.debugf("applied the record %s-%d@%d", record.getTopic(), record.getPartition(),
                    record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L)));
        }).eventually(() -> MDC.remove(CorrelationIds.MDC_KEY));
    }

    private static void correlate(String correlationId) {
        if (correlationId != null) {
            MDC.put(CorrelationIds.MDC_KEY, correlationId);
        } else {
            MDC.remove(CorrelationIds.MDC_KEY);
        }
    }

    /** After the commit: each set-aside record to its dead-letter topic (retried while the broker fails); true to ack the batch. */
    private <T> Uni<Boolean> deadLetterAll(List<Prepared<T>> invalid) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Prepared<T> p : invalid) {
            chain = chain.chain(() -> deadLetter(p, 1));
        }
        return chain.replaceWith(true);
    }

    private <T> Uni<Void> deadLetter(Prepared<T> p, int attempt) {
        return handling.deadLetter(p.record(), p.invalid()).onFailure().recoverWithUni(failure -> {
            LOG.warnf("dead-lettering a record of %s (key %s) failed (attempt %d); retrying: %s", p.record().getTopic(), p.record().getKey(), attempt,
                    failure.toString());
            return handling.pause(handling.backoff(attempt)).chain(() -> deadLetter(p, attempt + 1));
        });
    }

    /** The fallback: each record in order, in its own transaction, acknowledged or dead-lettered on its own. */
    private <T> Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, BatchHandler<T> handler) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : records) {
            chain = chain.chain(() -> handling.handle(record, () -> Uni.createFrom().<T> deferred(() -> handler.prepare(record))
                    .chain(item -> item == null ? Uni.createFrom().voidItem()
                            : transactions.inTransaction(work -> handler.load(List.of(item), work).chain(() -> apply(record, item, handler, work))))));
        }
        return chain;
    }
}
