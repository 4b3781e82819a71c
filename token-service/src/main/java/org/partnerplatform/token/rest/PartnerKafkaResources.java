package org.partnerplatform.token.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerplatform.events.PartnerTopics;
import org.partnerplatform.events.PartnerTopics.Access;

/**
 * A partner's Strimzi resources, rendered from {@link PartnerTopics} so that nobody copies them by hand: a
 * {@code KafkaTopic} per topic (for a cluster whose topics are declared rather than created by token-service) and
 * the partner's {@code KafkaUser}. A Kubernetes {@code List}, so {@code kubectl apply -f -} takes it as it comes.
 * <p>
 * The ACLs: the partner writes its request topic and reads its result and notification topics, nothing else.
 * Topic ACLs are literal: a prefix ACL on {@code sales.requests.42} would match {@code sales.requests.420}. Its
 * consumer groups are prefixed ({@code partner-42-}).
 */
public final class PartnerKafkaResources {
    private static final String STRIMZI = "kafka.strimzi.io/v1beta2";

    private PartnerKafkaResources() {
    }

    public static Map<String, Object> render(long organisationId, String cluster, Optional<Short> replicas, Optional<Integer> minInsyncReplicas) {
        List<Object> items = new ArrayList<>();
        for (PartnerTopics.Topic topic : PartnerTopics.of(organisationId)) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("topicName", topic.name());
            spec.put("partitions", topic.partitions());
            replicas.ifPresent(r -> spec.put("replicas", r));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("cleanup.policy", "delete");
            config.put("retention.ms", topic.retention().toMillis());
            minInsyncReplicas.ifPresent(n -> config.put("min.insync.replicas", n));
            spec.put("config", config);
            items.add(resource("KafkaTopic", topic.name().replace('.', '-'), cluster, spec));
        }
        List<Object> acls = new ArrayList<>();
        for (PartnerTopics.Topic topic : PartnerTopics.of(organisationId)) {
            if (topic.partnerAccess() == Access.WRITE) {
                acls.add(acl("topic", topic.name(), "literal", List.of("Write", "Describe")));
            } else if (topic.partnerAccess() == Access.READ) {
                acls.add(acl("topic", topic.name(), "literal", List.of("Read", "Describe")));
            }
        }
        acls.add(acl("group", PartnerTopics.consumerGroupPrefix(organisationId), "prefix", List.of("Read")));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("authentication", Map.of("type", "scram-sha-512"));
        user.put("authorization", Map.of("type", "simple", "acls", acls));
        // A partner shares the brokers with everyone: bound what one client can push and pull.
        user.put("quotas", Map.of("producerByteRate", 1_048_576, "consumerByteRate", 4_194_304));
        items.add(resource("KafkaUser", "partner-" + organisationId, cluster, user));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", items);
        return list;
    }

    private static Map<String, Object> resource(String kind, String name, String cluster, Map<String, Object> spec) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", STRIMZI);
        resource.put("kind", kind);
        resource.put("metadata", Map.of("name", name, "labels", Map.of("strimzi.io/cluster", cluster)));
        resource.put("spec", spec);
        return resource;
    }

    private static Map<String, Object> acl(String type, String name, String pattern, List<String> operations) {
        return Map.of("resource", Map.of("type", type, "name", name, "patternType", pattern), "operations", operations);
    }
}
