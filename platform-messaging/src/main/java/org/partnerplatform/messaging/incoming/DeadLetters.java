package org.partnerplatform.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Topics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record that cannot be processed to {@code <its topic>.dlq}, through the channel's dead-letter-queue
 * failure strategy: the record keeps its key, body and headers, gains dead-letter-reason, dead-letter-cause,
 * dead-letter-topic, -partition and -offset headers, and its offset is committed only once the dead letter is
 * written, so nothing is lost and the partition moves on.
 */
// Created at start-up, so that its counters exist (at zero) before the first dead letter.
@io.quarkus.runtime.Startup
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String INCOMING = "mp.messaging.incoming.";
    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry, Config config) {
        this.registry = registry;
        // At zero from the start for every topic a channel dead-letters (patterns aside: their topics come with
        // partners), so that the alert sees the first dead letter as an increase.
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".failure-strategy")
                    && "dead-letter-queue".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                String channel = name.substring(INCOMING.length(), name.length() - ".failure-strategy".length());
                boolean pattern = config.getOptionalValue(INCOMING + channel + ".pattern", Boolean.class).orElse(false);
                config.getOptionalValue(INCOMING + channel + ".topic", String.class).filter(t -> !pattern).ifPresent(this::counter);
            }
        }
    }

    private Counter counter(String topic) {
        return Counter.builder("platform.dead.letters").description("Records dead-lettered, by the topic they came from")
                .tag("topic", topic).register(registry);
    }

    public Uni<Void> send(Message<?> message, Throwable reason) {
        var kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        Metadata target = kafka
                .map(k -> Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(Topics.deadLetter(k.getTopic())).build()))
                .orElse(Metadata.empty());
        kafka.ifPresent(k -> LOG.warnf("Dead-lettering %s-%d@%d to %s: %s", k.getTopic(), k.getPartition(), k.getOffset(),
                Topics.deadLetter(k.getTopic()), reason.getMessage()));
        String topic = kafka.map(k -> k.getTopic()).orElse("unknown");
        return Uni.createFrom().completionStage(() -> message.nack(reason, target))
                .invoke(() -> counter(topic).increment());
    }
}
