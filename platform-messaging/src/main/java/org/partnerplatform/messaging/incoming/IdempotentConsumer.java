package org.partnerplatform.messaging.incoming;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.messaging.inbox.Inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs a consumer's handler for one CloudEvent record, exactly once per event id and consumer:
 * <ul>
 * <li>the handler's effect and the inbox entry commit in one transaction; a repeat is acknowledged and skipped;</li>
 * <li>a record that can never be processed ({@link InvalidEventException}: not a CloudEvent, bad JSON, schema
 * violation) goes straight to its dead-letter topic;</li>
 * <li>any other failure is retried with back-off, then dead-lettered ({@link ReliableHandling}).</li>
 * </ul>
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final ReliableHandling handling;

    public IdempotentConsumer(Inbox inbox, ReliableHandling handling) {
        this.inbox = inbox;
        this.handling = handling;
    }

    public Uni<Void> process(Message<String> message, String consumer, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (InvalidEventException e) {
            return handling.deadLetter(message, e);
        }
        return handling.handle(message, () -> Panache.withTransaction(() -> inbox.recordFirstDelivery(consumer, event.id())
                .chain(first -> first ? handler.apply(event) : skipRepeat(consumer, event))));
    }

    private static Uni<Void> skipRepeat(String consumer, IncomingEvent event) {
        LOG.debugf("%s already applied event %s; skipping the repeat", consumer, event.id());
        return Uni.createFrom().voidItem();
    }
}
