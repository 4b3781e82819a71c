package org.partnerplatform.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.partnerplatform.messaging.config.MessagingConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka (idempotent producer, acks=all) and marks them published in the same database
 * transaction that locked them. Several replicas may run it: each locks rows with FOR UPDATE SKIP LOCKED, and
 * takes only the oldest unpublished row of each record key, so one key's events are published one after another
 * in the order they were written, whichever replica publishes them. A row the broker refuses is retried with
 * back-off (up to five minutes apart) while other keys go on. A crash between the broker's ack and the commit
 * republishes the batch: delivery is at least once, and consumers skip repeats by event id (the inbox).
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "platform-outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String SELECT_HEADS = """
            select o.position, o.event_id, o.topic, o.message_key, o.event_type, o.event_source, o.event_subject,
                   o.event_time, o.payload, o.correlation_id
              from outbox o
             where o.published_at is null
               and (o.next_attempt_at is null or o.next_attempt_at <= now())
               and not exists (select 1 from outbox earlier
                                where earlier.published_at is null
                                  and earlier.topic = o.topic
                                  and earlier.message_key = o.message_key
                                  and earlier.position < o.position)
             order by o.position
             limit $1
               for update of o skip locked""";
    private static final String MARK_PUBLISHED = "update outbox set published_at = now() where position = any($1)";
    private static final String POSTPONE = """
            update outbox set attempts = attempts + 1, last_error = $2,
                   next_attempt_at = now() + least(make_interval(secs => power(2, least(attempts, 8))), interval '5 minutes')
             where position = $1""";
    private static final String PURGE = "delete from outbox where published_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final MessagingConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile Instant lastPurge = Instant.EPOCH;

    public OutboxRelay(Pool pool, @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            Vertx vertx, MessagingConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.relay().enabled() && running.compareAndSet(false, true)) {
            schedule(1);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void schedule(long delayMillis) {
        if (running.get()) {
            timerId = vertx.setTimer(Math.max(1, delayMillis), id -> poll());
        }
    }

    private void poll() {
        relayBatch().chain(this::purgeNowAndThen).subscribe().with(
                published -> schedule(published > 0 ? 1 : config.relay().interval().toMillis()),
                failure -> {
                    LOG.warnf("Outbox relay round failed, retrying: %s", failure.toString());
                    schedule(Math.max(1000, config.relay().interval().toMillis()));
                });
    }

    /** One round: publishes up to batch-size rows and returns how many it published. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(SELECT_HEADS)
                .execute(Tuple.of(config.relay().batchSize()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Uni<Throwable>> sends = new ArrayList<>(rows.size());
                    List<Long> positions = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        positions.add(row.getLong("position"));
                        // Each row succeeds or fails on its own: one refused record must not hold back the others.
                        sends.add(emitter.sendMessage(toMessage(row)).onItemOrFailure().transform((ok, failure) -> failure));
                    }
                    return Uni.join().all(sends).andFailFast().chain(outcomes -> settle(connection, rows, positions, outcomes));
                }));
    }

    private static Uni<Integer> settle(SqlConnection connection, RowSet<Row> rows, List<Long> positions,
            List<Throwable> outcomes) {
        List<Long> published = new ArrayList<>(positions.size());
        Uni<Void> postponed = Uni.createFrom().voidItem();
        int i = 0;
        for (Row row : rows) {
            Throwable failure = outcomes.get(i);
            long position = positions.get(i++);
            if (failure == null) {
                published.add(position);
                continue;
            }
            LOG.warnf("Outbox row %d (%s to %s) was not published and will be retried: %s", position, row.getString("event_type"),
                    row.getString("topic"), failure.toString());
            String error = failure.toString().length() > 1000 ? failure.toString().substring(0, 1000) : failure.toString();
            postponed = postponed.chain(() -> connection.preparedQuery(POSTPONE).execute(Tuple.of(position, error)).replaceWithVoid());
        }
        Uni<Void> marked = published.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(published.toArray(new Long[0]))).replaceWithVoid();
        Uni<Void> failed = postponed;
        return marked.chain(() -> failed).replaceWith(published.size());
    }

    private Uni<Integer> purgeNowAndThen(int published) {
        Duration retention = config.relay().retention();
        if (Instant.now().isBefore(lastPurge.plus(Duration.ofMinutes(10)))) {
            return Uni.createFrom().item(published);
        }
        lastPurge = Instant.now();
        return pool.preparedQuery(PURGE).execute(Tuple.of((double) retention.toSeconds())).replaceWith(published);
    }

    private static Message<String> toMessage(Row row) {
        List<RecordHeader> headers = new ArrayList<>(1);
        String correlationId = row.getString("correlation_id");
        if (correlationId != null) {
            headers.add(new RecordHeader("X-Correlation-Id", correlationId.getBytes(StandardCharsets.UTF_8)));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(row.getUUID("event_id").toString())
                .withType(row.getString("event_type"))
                .withSource(URI.create(row.getString("event_source")))
                .withSubject(row.getString("event_subject"))
                .withTimestamp(row.getOffsetDateTime("event_time").atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(row.getString("payload")).addMetadata(kafka).addMetadata(cloudEvent);
    }
}
