package org.partnerplatform.catalog.config;

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
 * Makes sure the catalog's state topics exist and are compacted before anything is published to them. A topic that
 * the broker creates on first use gets the broker's default cleanup policy (delete), and a consumer rebuilding the
 * catalog from it would find old states gone after the retention time; compaction keeps the last state of every
 * product and agreement for good.
 * <p>
 * Behind {@code platform.catalog.create-topics} (on in dev and test): in a cluster whose topics are declared
 * elsewhere (Strimzi KafkaTopic resources, see the README), the service needs no right to create or alter topics.
 * When on, it creates missing topics, turns an existing topic's cleanup policy to compact, and refuses to start if
 * it cannot, since a catalog published to a deleting topic cannot be rebuilt.
 */
@ApplicationScoped
public class CatalogTopics {
    public static final List<String> STATE_TOPICS = List.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS);

    private final boolean enabled;
    private final String bootstrapServers;
    private final Optional<Integer> partitions;
    private final Optional<Short> replicationFactor;

    public CatalogTopics(@ConfigProperty(name = "platform.catalog.create-topics", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "platform.catalog.topics.partitions") Optional<Integer> partitions,
            @ConfigProperty(name = "platform.catalog.topics.replication-factor") Optional<Short> replicationFactor) {
        this.enabled = enabled;
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Before the outbox relay starts (it observes the same event at the default priority), so nothing auto-creates them first. */
    void ensure(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (enabled) {
            CompactedTopics.ensure(bootstrapServers, STATE_TOPICS, partitions, replicationFactor);
        }
    }
}
