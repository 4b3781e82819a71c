package org.partnerplatform.messaging.incoming;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.messaging.config.MessagingConfig;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Vertx;

/**
 * The failure policy of every incoming channel, in one place: a record whose content can never be processed
 * ({@link InvalidEventException}) goes straight to its dead-letter topic; a failure of the infrastructure
 * ({@link TransientFailures}: the database down, restarting or out of connections) is retried with back-off for as
 * long as it lasts, holding back the partition, so that an outage never dead-letters a good record; any other
 * failure (a bug, a constraint the record breaks) is retried with back-off {@code platform.messaging.incoming.max-attempts}
 * times in all and then dead-lettered; success acknowledges the record. Either way the record's offset is committed
 * only after its effect or its dead letter is safe.
 */
@ApplicationScoped
public class ReliableHandling {
    private static final Logger LOG = Logger.getLogger(ReliableHandling.class);
    private final DeadLetters deadLetters;
    private final MessagingConfig config;
    private final Vertx vertx;

    public ReliableHandling(DeadLetters deadLetters, MessagingConfig config, Vertx vertx) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.vertx = vertx;
    }

    /** Runs the work (again on each retry: it must be safe to repeat, i.e. transactional) and settles the record. */
    public Uni<Void> handle(Message<?> message, Supplier<Uni<Void>> work) {
        return attempt(message, work, 1)
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(failure -> deadLetters.send(message, failure));
    }

    private Uni<Void> attempt(Message<?> message, Supplier<Uni<Void>> work, int attempt) {
        var incoming = config.incoming();
        return Uni.createFrom().<Void> deferred(work::get)
                .onFailure(failure -> !(failure instanceof InvalidEventException)
                        && (attempt < incoming.maxAttempts() || TransientFailures.isTransient(failure)))
                .recoverWithUni(failure -> {
                    if (attempt >= incoming.maxAttempts()) {
                        LOG.warnf("attempt %d at a record of %s failed for a reason outside the record; retrying until it succeeds: %s",
                                attempt, topicOf(message), failure.toString());
                    }
                    return pause(backoff(attempt)).chain(() -> attempt(message, work, attempt + 1));
                });
    }

    /**
     * A Vert.x timer rather than Mutiny's delay: set from the failing attempt's context, it fires on that context, where
     * the next attempt's reactive session must run.
     */
    Uni<Void> pause(Duration delay) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> emitter.complete(null)));
    }

    /** initial-backoff doubled per attempt, at most max-backoff, with up to a quarter more at random (no herds). */
    Duration backoff(int attempt) {
        var incoming = config.incoming();
        long initial = Math.max(1, incoming.initialBackoff().toMillis());
        long max = Math.max(initial, incoming.maxBackoff().toMillis());
        long millis = Math.min(max, initial << Math.min(attempt - 1, 30));
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1));
    }

    private static String topicOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic).orElse("a channel");
    }

    public Uni<Void> deadLetter(Message<?> message, Throwable reason) {
        return deadLetters.send(message, reason);
    }
}
