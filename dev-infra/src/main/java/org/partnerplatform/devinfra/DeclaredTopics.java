package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topics a cluster declares (the Strimzi KafkaTopics of deploy/base/kafka/topics.yaml), for a broker that, like
 * the cluster's, creates no topic on first use: the platforms started here declare the same topics, so a service
 * that needs one the cluster lacks fails here first. Partner topics are not declared: token-service creates them
 * at each partner's registration. One replica here; partitions and configuration as declared.
 */
public final class DeclaredTopics {
    static final String FILE = "deploy/base/kafka/topics.yaml";

    private DeclaredTopics() {
    }

    public static List<NewTopic> read(Path repository) {
        Path file = repository.resolve(FILE);
        List<NewTopic> topics = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.newBufferedReader(file))) {
            while (documents.hasNext()) {
                JsonNode resource = documents.next();
                if (resource == null || !"KafkaTopic".equals(resource.path("kind").asText())) {
                    continue;
                }
                JsonNode spec = resource.path("spec");
                String name = spec.path("topicName").asText(resource.path("metadata").path("name").asText());
                Map<String, String> config = new HashMap<>();
                spec.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
                config.remove("min.insync.replicas"); // one broker here
                topics.add(new NewTopic(name, spec.path("partitions").asInt(1), (short) 1).configs(config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(file + " declares no KafkaTopic");
        }
        return topics;
    }
}
