package org.partnerplatform.deploychecks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.partnerplatform.events.Topics;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The platform's topics as platform-events defines them, and Strimzi's resources as an overlay renders them. */
final class Kafka {
    /**
     * The compacted topics: the catalog's full state (catalog-service CatalogTopics.STATE_TOPICS) and the disabled
     * tickets (sales-service SalesTopics; the Topics javadoc; docs/architecture.md, "Topics"). Every other is "delete".
     */
    static final Set<String> COMPACTED = Set.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS, Topics.SALES_DISABLED_TICKETS);

    private Kafka() {
    }

    /**
     * The fixed topics: Topics' public String constants, read by reflection so that a new topic needs a KafkaTopic
     * before it can ship. Not the per-partner prefixes, the dead-letter suffix or the request-topic pattern.
     */
    static List<String> fixedTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().endsWith("_PREFIX") && !f.getName().endsWith("_SUFFIX") && !f.getName().endsWith("_PATTERN"))
                .map(Kafka::value).toList();
    }

    /** spec.topicName, or metadata.name when the KafkaTopic has none (Strimzi's rule). */
    static String topicName(GenericKubernetesResource topic) {
        String name = topic.get("spec", "topicName");
        return name != null ? name : topic.getMetadata().getName();
    }

    static Map<String, Object> config(GenericKubernetesResource topic) {
        Map<String, Object> config = topic.get("spec", "config");
        return config == null ? Map.of() : config;
    }

    static Optional<GenericKubernetesResource> topic(Rendering r, String name) {
        return r.custom("KafkaTopic").stream().filter(t -> name.equals(topicName(t))).findFirst();
    }

    /** The broker nodes of a Kafka cluster: the replicas of its node pools with the broker role. */
    static int brokers(Rendering r, String cluster) {
        return r.custom("KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> ((List<?>) p.get("spec", "roles")).contains("broker"))
                .mapToInt(p -> ((Number) p.get("spec", "replicas")).intValue()).sum();
    }

    /** The listener behind a bootstrap address <cluster>-kafka-bootstrap:<port>. */
    static Optional<Map<String, Object>> listener(Rendering r, URI bootstrap) {
        String cluster = bootstrap.getHost().replaceFirst("-kafka-bootstrap$", "");
        return r.custom("Kafka").stream().filter(k -> k.getMetadata().getName().equals(cluster)).findFirst()
                .flatMap(k -> ((List<Map<String, Object>>) k.get("spec", "kafka", "listeners")).stream()
                        .filter(l -> ((Number) l.get("port")).intValue() == bootstrap.getPort()).findFirst());
    }

    /** host:port as a URI, to read its parts. */
    static URI bootstrap(String servers) {
        return URI.create("kafka://" + servers.split(",")[0].trim());
    }

    /** The literal start of a topic pattern: "sales\\.requests\\.[0-9]+" gives "sales.requests.". */
    static String literalPrefix(String pattern) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                prefix.append(pattern.charAt(++i));
            } else if ("[](){}.*+?^$|".indexOf(c) >= 0) {
                break;
            } else {
                prefix.append(c);
            }
        }
        return prefix.toString();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
