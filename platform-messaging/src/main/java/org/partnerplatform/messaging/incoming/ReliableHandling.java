package org.partnerplatform.messaging.incoming;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.messaging.config.MessagingConfig;

import io.smallrye.mutiny.Uni;

/**
 * The failure policy of every incoming channel, in one place: a record whose content can never be processed
 * ({@link InvalidEventException}) goes straight to its dead-letter topic; any other failure is retried with
 * back-off ({@code platform.messaging.incoming.*}) and then dead-lettered; success acknowledges the record.
 * Either way the record's offset is committed only after its effect or its dead letter is safe.
 */
@ApplicationScoped
public class ReliableHandling {
    private final DeadLetters deadLetters;
    private final MessagingConfig config;

    public ReliableHandling(DeadLetters deadLetters, MessagingConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /** Runs the work (again on each retry: it must be safe to repeat, i.e. transactional) and settles the record. */
    public Uni<Void> handle(Message<?> message, Supplier<Uni<Void>> work) {
        var incoming = config.incoming();
        return Uni.createFrom().<Void> deferred(work::get)
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(incoming.initialBackoff(), incoming.maxBackoff()).atMost(Math.max(0, incoming.maxAttempts() - 1))
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(failure -> deadLetters.send(message, failure));
    }

    public Uni<Void> deadLetter(Message<?> message, Throwable reason) {
        return deadLetters.send(message, reason);
    }
}
