package org.partnerplatform.sales.config;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.topics.CompactedTopics;

import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure the compacted topic of disabled tickets exists and is compacted before the outbox publishes to it, behind
 * {@code platform.sales.create-topics} (on in dev and test, and in the embedded platform; a cluster declares it as a
 * KafkaTopic in deploy/).
 */
@ApplicationScoped
public class SalesTopics {
    private final boolean enabled;
    private final String bootstrapServers;

    public SalesTopics(SalesConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.enabled = config.createTopics();
        this.bootstrapServers = bootstrapServers;
    }

    void ensure(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (enabled) {
            CompactedTopics.ensure(bootstrapServers, List.of(Topics.SALES_DISABLED_TICKETS), Optional.empty(), Optional.empty());
        }
    }
}
