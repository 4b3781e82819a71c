package org.partnerplatform.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.partnerplatform.messaging.config.MessagingConfig;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka (idempotent producer, acks=all) and deletes them in the database transaction that
 * read them, once the broker has them. One round at a time per database, whichever replica runs it (a transaction
 * advisory lock): a round takes the oldest due rows in position order, sends them all at once (the producer keeps
 * their order per partition, and so per key), and deletes the sent rows with one statement. A key's rows therefore
 * go out in the order they were written, many per round. A row the broker refuses is postponed with back-off (2 s
 * doubling to five minutes) and holds back the later rows of its (topic, key): they stay in the outbox, even if this
 * round sent them, and go out again after it. A crash between the broker's ack and the commit republishes the round:
 * delivery is at least once, and consumers skip repeats by event id (the inbox). The events' history is Kafka's:
 * published rows are not kept. Each row is published as a span of the trace of the transaction that wrote it, and
 * its record carries that span's W3C traceparent.
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "platform-outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock that lets one relay round run at a time per database ("outbox" in ASCII). */
    private static final long ROUND_LOCK = 0x6f7574626f78L;

    /**
     * The round's lock, and an index scan for its select whatever the statistics say: a sequential scan of a queue
     * table reads every deleted row that vacuum has not yet removed (measured: 108 ms a round instead of 0.1 ms).
     */
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1), set_config('enable_seqscan', 'off', true)";
    private static final String SELECT_DUE = """
            select o.position, o.event_id, o.topic, o.message_key, o.event_type, o.event_source, o.event_subject,
                   o.event_time, o.payload, o.correlation_id, o.trace_parent
              from outbox o
             where (o.next_attempt_at is null or o.next_attempt_at <= now())
               and not exists (select 1 from outbox held
                                where held.next_attempt_at is not null
                                  and held.topic = o.topic
                                  and held.message_key = o.message_key
                                  and held.position < o.position)
             order by o.position
             limit $1""";
    private static final String DELETE_SENT = "delete from outbox where position = any($1)";
    private static final String POSTPONE = """
            update outbox o set attempts = o.attempts + 1, last_error = f.error,
                   next_attempt_at = now() + least(make_interval(secs => power(2, least(o.attempts + 1, 8))), interval '5 minutes')
              from unnest($1::bigint[], $2::text[]) as f(position, error)
             where o.position = f.position""";

    private final Pool pool;
    private final KafkaClientService kafka;
    private final Vertx vertx;
    private final MessagingConfig config;
    private final OutboxRecords records;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private volatile long timerId = -1;
    /** The event loop the rounds run on; each round gets a fresh duplicated context of it (see {@link #poll}). */
    private volatile Context loop;
    /** Whether the pending timer is the idle wait (a nudge cuts it short), not a linger or a backlog's next round. */
    private volatile boolean waitingIdle;

    /**
     * The emitter is not used to send: it declares the outgoing channel whose producer (configured by
     * mp.messaging.outgoing.platform-outbox.*, security included) the relay takes from the connector.
     */
    public OutboxRelay(Pool pool, KafkaClientService kafka, @Channel(CHANNEL) MutinyEmitter<String> channel, Vertx vertx,
            MessagingConfig config, OpenTelemetry telemetry) {
        this.pool = pool;
        this.kafka = kafka;
        this.vertx = vertx;
        this.config = config;
        this.records = new OutboxRecords(telemetry.getTracer("org.partnerplatform.messaging.outbox"));
    }

    void start(@Observes StartupEvent event) {
        if (config.relay().enabled() && running.compareAndSet(false, true)) {
            loop = vertx.getOrCreateContext();
            schedule(1, false);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Asks for a round now rather than at the next poll: this process has just committed outbox rows. */
    public void nudge() {
        long pending = timerId;
        if (running.get() && waitingIdle && pending >= 0 && vertx.cancelTimer(pending)) {
            poll();
        } else {
            // A round is running or lingering: the next one, soon, takes these rows too.
            nudged.set(true);
            // Unless that round ended between the look above and now, and went to its idle wait without seeing this.
            long idle = timerId;
            if (running.get() && waitingIdle && idle >= 0 && vertx.cancelTimer(idle)) {
                poll();
            }
        }
    }

    /** Rounds that published any row, since start (for tests). */
    public long publishingRounds() {
        return rounds.get();
    }

    private void schedule(long delayMillis, boolean idle) {
        if (running.get()) {
            waitingIdle = idle;
            timerId = vertx.setTimer(Math.max(1, delayMillis), id -> poll());
            if (idle && nudged.get()) {
                nudge(); // it came while this round was ending
            }
        }
    }

    /**
     * A round runs on a context of its own, never on the one that nudged or set its timer (a request's or a record's):
     * it would inherit that caller's MDC and trace, and so would every round after it.
     */
    private void poll() {
        VertxContext.createNewDuplicatedContext(loop).runOnContext(v -> round());
    }

    /**
     * A full round is followed at once by the next (a backlog); a round during which this process committed outbox
     * rows (a nudge) is followed after the linger (5 ms); otherwise the relay waits for the interval or the next nudge.
     * So rows committed together leave together, and many small commits share a round.
     */
    private void round() {
        timerId = -1;
        waitingIdle = false;
        // This round sees every row committed before it starts; only later commits need another.
        nudged.set(false);
        relayBatch().subscribe().with(
                sent -> {
                    if (sent >= config.relay().batchSize()) {
                        schedule(1, false);
                    } else if (nudged.get()) {
                        schedule(config.relay().linger().toMillis(), false);
                    } else {
                        schedule(config.relay().interval().toMillis(), true);
                    }
                },
                failure -> {
                    LOG.warnf("Outbox relay round failed, retrying: %s", failure.toString());
                    schedule(Math.max(1000, config.relay().interval().toMillis()), false);
                });
    }

    /** One round: publishes up to batch-size rows and returns how many went out (0 when another replica's round runs). */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(TRY_LOCK).execute(Tuple.of(ROUND_LOCK))
                .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(0)
                        : connection.preparedQuery(SELECT_DUE).execute(Tuple.of(config.relay().batchSize()))
                                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : publish(connection, rows))));
    }

    private Uni<Integer> publish(SqlConnection connection, RowSet<Row> rows) {
        List<OutboxRow> batch = new ArrayList<>(rows.size());
        rows.forEach(row -> batch.add(OutboxRow.of(row)));
        Context context = Vertx.currentContext();
        KeyOrder order = new KeyOrder();
        return kafka.<String, String> getProducer(CHANNEL).runOnSendingThread((Function<Producer<String, String>, List<CompletableFuture<Void>>>) producer -> send(producer, batch))
                .chain(sends -> Uni.createFrom().completionStage(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .handle((ok, ignored) -> sends)))
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .chain(sends -> {
                    for (int i = 0; i < batch.size(); i++) {
                        order.outcome(batch.get(i), failureOf(sends.get(i)));
                    }
                    return settle(connection, order);
                });
    }

    /**
     * Sends every row of the round on the producer's own thread; each send's future fails on its own. A row written
     * in a trace is sent as a PRODUCER span of it, whose context the record's traceparent carries to the consumers.
     */
    private List<CompletableFuture<Void>> send(Producer<String, String> producer, List<OutboxRow> batch) {
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxRow row : batch) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            Span span = records.publishSpan(row);
            try {
                producer.send(OutboxRecords.toRecord(row, span), (metadata, failure) -> {
                    if (failure == null) {
                        sent.complete(null);
                    } else {
                        span.setStatus(StatusCode.ERROR, failure.toString());
                        sent.completeExceptionally(failure);
                    }
                    span.end();
                });
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR, e.toString());
                span.end();
                sent.completeExceptionally(e);
            }
            sends.add(sent);
        }
        return sends;
    }

    private Uni<Integer> settle(SqlConnection connection, KeyOrder order) {
        List<Long> sent = order.sent();
        List<OutboxRow> failed = order.failed();
        failed.forEach(row -> LOG.warnf("Outbox row %d (%s to %s, key %s) was not published and will be retried; the later rows of its key wait: %s",
                row.position(), row.eventType(), row.topic(), row.key(), order.failureOf(row)));
        Uni<Void> deleted = sent.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(DELETE_SENT).execute(Tuple.of(sent.toArray(new Long[0]))).replaceWithVoid();
        Uni<Void> postponed = failed.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(POSTPONE).execute(Tuple.of(failed.stream().map(OutboxRow::position).toArray(Long[]::new),
                        failed.stream().map(order::failureOf).toArray(String[]::new))).replaceWithVoid();
        return deleted.chain(() -> postponed).invoke(() -> {
            if (!sent.isEmpty()) {
                rounds.incrementAndGet();
            }
        }).replaceWith(sent.size());
    }

    private static Throwable failureOf(CompletableFuture<Void> send) {
        try {
            send.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
