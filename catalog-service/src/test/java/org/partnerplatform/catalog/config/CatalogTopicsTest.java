package org.partnerplatform.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.partnerplatform.messaging.topics.CompactedTopics;
import org.partnerplatform.testsupport.SharedInfrastructure;

/** The catalog's full-state topics are compacted whether catalog-service creates them or finds them. */
class CatalogTopicsTest {

    @Test
    void missingTopicsAreCreatedCompactedAndExistingOnesAreMadeCompacted() throws Exception {
        String fresh = "catalog-topics-test.fresh-" + UUID.randomUUID();
        String existing = "catalog-topics-test.existing-" + UUID.randomUUID();
        try (Admin admin = SharedInfrastructure.kafka().admin()) {
            admin.createTopics(List.of(new NewTopic(existing, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))).all().get(30, TimeUnit.SECONDS);

            CompactedTopics.ensureCompacted(admin, List.of(fresh, existing), Optional.of(2), Optional.empty(), Duration.ofSeconds(30));
            // Twice: a restart finds both as they should be and changes nothing.
            CompactedTopics.ensureCompacted(admin, List.of(fresh, existing), Optional.of(2), Optional.empty(), Duration.ofSeconds(30));

            assertThat(cleanupPolicy(admin, fresh)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(admin, existing)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of(fresh)).allTopicNames().get(30, TimeUnit.SECONDS).get(fresh).partitions()).hasSize(2);
        }
    }

    private static String cleanupPolicy(Admin admin, String name) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        return admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
