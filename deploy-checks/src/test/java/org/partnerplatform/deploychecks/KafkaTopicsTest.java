package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.Topics;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The broker creates no topic (auto.create.topics.enable false): every fixed topic of platform-events, and the
 * dead-letter topic of every consumer that dead-letters, must be a KafkaTopic, with its cleanup policy, and
 * replicated no wider than the overlay's brokers.
 */
class KafkaTopicsTest {

    @Test
    void topicsAreReadFromPlatformEvents() {
        assertThat(Kafka.fixedTopics()).as("Topics' fixed topic constants").contains(Topics.SALES_ORDER_EVENTS)
                .containsAll(Kafka.COMPACTED).allMatch(t -> t.matches("[a-z]+(\\.[a-z-]+)+"), "a topic name");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyFixedTopicIsAKafkaTopicOfARenderedCluster(Environment environment) {
        Rendering r = Rendering.of(environment);
        Set<String> clusters = new TreeSet<>(r.custom("Kafka").stream().map(k -> k.getMetadata().getName()).toList());
        SoftAssertions softly = new SoftAssertions();
        for (String topic : Kafka.fixedTopics()) {
            List<GenericKubernetesResource> declared = r.custom("KafkaTopic").stream()
                    .filter(t -> topic.equals(Kafka.topicName(t))).toList();
            softly.assertThat(declared).as(r.where() + "KafkaTopics for topic " + topic + " (spec.topicName)").hasSize(1);
            declared.forEach(t -> softly.assertThat(t.getMetadata().getLabels()).as(r.where() + "KafkaTopic "
                    + t.getMetadata().getName() + " strimzi.io/cluster label").containsKey("strimzi.io/cluster")
                    .extractingByKey("strimzi.io/cluster").isIn(clusters));
        }
        softly.assertAll();
    }

    /** A catalog on a deleting topic cannot be rebuilt after the retention time; a ledger on a compacting one loses entries. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void cleanupPolicyIsCompactForStateTopicsAndDeleteForTheOthers(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String topic : Kafka.fixedTopics()) {
            Kafka.topic(r, topic).ifPresent(t -> softly.assertThat(Kafka.config(t).get("cleanup.policy"))
                    .as(r.where() + "KafkaTopic " + t.getMetadata().getName() + " (" + topic + ") cleanup.policy")
                    .isEqualTo(Kafka.COMPACTED.contains(topic) ? "compact" : "delete"));
        }
        softly.assertAll();
    }

    /**
     * Each consumer channel with failure-strategy=dead-letter-queue writes what it gives up on to <topic>.dlq
     * (platform-messaging DeadLetters), or to its configured dead-letter-queue.topic. Pattern channels read
     * per-partner topics, whose .dlq comes with the partner (token-service creates it at the registration: PartnerTopics).
     */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void deadLetterTopicsOfEveryConsumerAreDeclared(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String topic : deadLetterTopics()) {
            var declared = Kafka.topic(r, topic);
            softly.assertThat(declared).as(r.where() + "a KafkaTopic for the dead-letter topic " + topic).isPresent();
            declared.ifPresent(t -> softly.assertThat(Kafka.config(t).get("cleanup.policy"))
                    .as(r.where() + "KafkaTopic " + t.getMetadata().getName() + " cleanup.policy").isEqualTo("delete"));
        }
        softly.assertAll();
    }

    /** No KafkaTopic outside the contract: a renamed topic must not leave its old KafkaTopic behind. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyKafkaTopicIsAFixedOrDeadLetterTopic(Environment environment) {
        Rendering r = Rendering.of(environment);
        Set<String> known = new TreeSet<>(Kafka.fixedTopics());
        known.addAll(deadLetterTopics());
        assertThat(r.custom("KafkaTopic")).as(r.where() + "KafkaTopics not in Topics nor a consumer's dead-letter topic")
                .extracting(Kafka::topicName).allMatch(known::contains);
    }

    /** Replicas no more than brokers (else the topic is never created), and one broker down still accepts acks=all writes. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void replicationFitsTheBrokers(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (GenericKubernetesResource t : r.custom("KafkaTopic")) {
            String cluster = t.getMetadata().getLabels().get("strimzi.io/cluster");
            int brokers = Kafka.brokers(r, cluster);
            String what = r.where() + "KafkaTopic " + t.getMetadata().getName() + " (" + brokers + " brokers in " + cluster + ") ";
            Number replicas = t.get("spec", "replicas");
            softly.assertThat(replicas).as(what + "spec.replicas").isNotNull();
            if (replicas == null) {
                continue;
            }
            softly.assertThat(replicas.intValue()).as(what + "spec.replicas").isBetween(1, brokers);
            int minIsr = number(Kafka.config(t).get("min.insync.replicas"), 1);
            softly.assertThat(minIsr).as(what + "min.insync.replicas against spec.replicas " + replicas)
                    .isBetween(1, Math.max(1, replicas.intValue() - 1));
        }
        for (GenericKubernetesResource k : r.custom("Kafka")) {
            int brokers = Kafka.brokers(r, k.getMetadata().getName());
            Map<String, Object> config = k.get("spec", "kafka", "config");
            String what = r.where() + "Kafka " + k.getMetadata().getName() + " (" + brokers + " brokers) spec.kafka.config.";
            for (String factor : List.of("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor", "share.coordinator.state.topic.replication.factor")) {
                softly.assertThat(number(config.get(factor), 1)).as(what + factor).isBetween(1, brokers);
            }
            softly.assertThat(number(config.get("min.insync.replicas"), 1)).as(what + "min.insync.replicas")
                    .isLessThanOrEqualTo(number(config.get("default.replication.factor"), 1));
            softly.assertThat(number(config.get("transaction.state.log.min.isr"), 1)).as(what + "transaction.state.log.min.isr")
                    .isLessThanOrEqualTo(number(config.get("transaction.state.log.replication.factor"), 1));
            softly.assertThat(number(config.get("share.coordinator.state.topic.min.isr"), 1))
                    .as(what + "share.coordinator.state.topic.min.isr")
                    .isLessThanOrEqualTo(number(config.get("share.coordinator.state.topic.replication.factor"), 1));
        }
        softly.assertAll();
    }

    /** Where the consumers dead-letter, from the services' configuration: <topic>.dlq and each channel's own. */
    static Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String workload : Platform.WORKLOADS) {
            for (Platform.Channel c : Platform.incomingChannels(workload)) {
                if (c.deadLetters() && c.deadLetterTopic() != null) {
                    topics.add(c.deadLetterTopic());
                }
                if (c.deadLetters() && !c.pattern()) {
                    c.topics().forEach(t -> topics.add(Topics.deadLetter(t)));
                }
            }
        }
        return topics;
    }

    private static int number(Object value, int otherwise) {
        return value == null ? otherwise : value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }
}
