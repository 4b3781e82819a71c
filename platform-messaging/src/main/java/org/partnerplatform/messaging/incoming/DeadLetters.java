package org.partnerplatform.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record that cannot be processed to {@code <its topic>.dlq}, through the channel's dead-letter-queue
 * failure strategy: the record keeps its key, body and headers, gains dead-letter-reason, dead-letter-cause,
 * dead-letter-topic, -partition and -offset headers, and its offset is committed only once the dead letter is
 * written, so nothing is lost and the partition moves on.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public Uni<Void> send(Message<?> message, Throwable reason) {
        var kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        Metadata target = kafka
                .map(k -> Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(Topics.deadLetter(k.getTopic())).build()))
                .orElse(Metadata.empty());
        kafka.ifPresent(k -> LOG.warnf("Dead-lettering %s-%d@%d to %s: %s", k.getTopic(), k.getPartition(), k.getOffset(),
                Topics.deadLetter(k.getTopic()), reason.getMessage()));
        return Uni.createFrom().completionStage(() -> message.nack(reason, target));
    }
}
