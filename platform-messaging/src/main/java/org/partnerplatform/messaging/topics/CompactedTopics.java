package org.partnerplatform.messaging.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * State topics a service publishes to must be compacted before anything is published to them: a topic the broker
 * creates on first use gets the broker's default cleanup policy (delete), and a consumer rebuilding state from it
 * would find old states gone after the retention time. Where a service may create topics (dev, test, the embedded
 * platform; a cluster declares them as Strimzi KafkaTopics instead), it calls {@link #ensure} at start-up, before
 * the outbox relay starts, and refuses to start if it cannot.
 */
public final class CompactedTopics {
    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);

    private CompactedTopics() {
    }

    /** Creates the topics compacted, or makes existing ones compacted, on the cluster at {@code bootstrapServers}. */
    public static void ensure(String bootstrapServers, Collection<String> names, Optional<Integer> partitions, Optional<Short> replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            ensureCompacted(admin, names, partitions, replicationFactor, Duration.ofSeconds(30));
        }
    }

    /** A topic's configuration; a topic that another client created a moment ago may be unknown for a moment. */
    private static Config describe(Admin admin, ConfigResource topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeConfigs(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Creates the topics compacted, or makes existing ones compacted. */
    public static void ensureCompacted(Admin admin, Collection<String> names, Optional<Integer> partitions, Optional<Short> replicationFactor,
            Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, replicationFactor)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            Set<String> createdHere = new HashSet<>();
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    createdHere.add(created.getKey());
                    LOG.infof("created compacted topic %s", created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            for (String name : names) {
                if (createdHere.contains(name)) {
                    // Created compacted just now; its metadata may not have reached every broker yet, so it is not read back.
                    continue;
                }
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                ConfigEntry policy = describe(admin, topic, timeout).get(TopicConfig.CLEANUP_POLICY_CONFIG);
                if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    LOG.warnf("topic %s has cleanup.policy=%s; setting it to compact", name, policy == null ? null : policy.value());
                    admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET))))
                            .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the compacted topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot make sure that " + names + " exist and are compacted: " + e, e);
        }
    }
}
