package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

/**
 * Holds docs/asyncapi.yaml to the code, both ways: every topic (Topics, PartnerTopics, the services' messaging
 * configuration and the dead-letter topics derived from it) is a channel and every channel a topic, with the bindings
 * its declaration gives it; every event type (EventType, the schema files) is a message and every message a type.
 * And the document is valid AsyncAPI 3.0.0: the official JSON Schema (vendored in src/test/resources/asyncapi), plus
 * the rules it cannot express and the AsyncAPI parser checks (references, operations' messages, channel parameters).
 */
class AsyncApiDocumentTest {
    /** Surefire runs in the module's directory; the document and the services' configuration are the repository's. */
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path DOCUMENT = REPO.resolve("docs/asyncapi.yaml");
    static final Path SCHEMAS = REPO.resolve("platform-events/src/main/resources/schemas");
    static final String PARAMETER = "{organisationId}";
    /** An organisation id that appears nowhere else in a topic name, to turn a partner's topics into addresses. */
    static final long PARTNER = 987654321L;
    static final Path DECLARED = REPO.resolve("deploy/base/kafka/topics.yaml");
    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    /** The outbox channel's fallback topic: the relay names every record's topic, so nothing is ever sent there. */
    static final Set<String> NEVER_WRITTEN = Set.of("platform.unrouted");
    static final Pattern CONFIG_KEY = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|topics|pattern|failure-strategy|dead-letter-queue\\.topic)");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = YAML.readTree(DOCUMENT.toFile());
    }

    @Test
    void everyTopicInCodeIsAChannel() throws Exception {
        assertThat(addresses()).containsAll(codeTopics());
    }

    @Test
    void everyChannelIsATopicInCode() throws Exception {
        assertThat(codeTopics()).containsAll(addresses());
    }

    /** A fixed topic's binding is its KafkaTopic in deploy/, a partner topic's what token-service creates (PartnerTopics). */
    @Test
    void bindingsAreTheTopicsDeclarations() throws IOException {
        Set<String> declared = new TreeSet<>();
        try (MappingIterator<JsonNode> resources = YAML.readerFor(JsonNode.class).readValues(DECLARED.toFile())) {
            for (JsonNode resource : resources.readAll()) {
                if (resource == null || !"KafkaTopic".equals(resource.path("kind").asText())) {
                    continue;
                }
                JsonNode spec = resource.path("spec");
                String topic = spec.path("topicName").asText();
                JsonNode binding = kafkaBinding(topic);
                assertThat(binding.path("partitions").asInt()).as(topic).isEqualTo(spec.path("partitions").asInt());
                assertThat(binding.path("replicas").asInt()).as(topic).isEqualTo(spec.path("replicas").asInt());
                JsonNode config = binding.path("topicConfiguration");
                assertThat(names(config)).as(topic).isEqualTo(names(spec.path("config")));
                spec.path("config").fields().forEachRemaining(e -> assertThat(e.getKey().equals("cleanup.policy")
                        ? String.join(",", texts(config.path(e.getKey()))) : config.path(e.getKey()).asText())
                        .as(topic + " " + e.getKey()).isEqualTo(e.getValue().asText()));
                declared.add(topic);
            }
        }
        for (PartnerTopics.Topic topic : PartnerTopics.of(PARTNER)) {
            String address = topic.name().replace(Long.toString(PARTNER), PARAMETER);
            JsonNode binding = kafkaBinding(address);
            assertThat(binding.path("partitions").asInt()).as(address).isEqualTo(topic.partitions());
            assertThat(binding.path("topicConfiguration").path("retention.ms").asLong()).as(address).isEqualTo(topic.retention().toMillis());
            declared.add(address);
        }
        assertThat(declared).as("declared topics").isEqualTo(addresses());
    }

    @Test
    void everyEventTypeHasASchemaAndEverySchemaAType() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("common.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(schemaTypes).isEqualTo(eventTypes());
        }
    }

    @Test
    void everyEventTypeIsAMessageAndEveryMessageAType() {
        Set<String> typed = new TreeSet<>(document.path("components").path("messages").findValuesAsText("name"));
        typed.retainAll(eventTypes());
        assertThat(typed).as("event types with a message").isEqualTo(eventTypes());
        // Any other message must be the dead letter, and only dead-letter channels carry it.
        channels().forEach((id, channel) -> channel.path("messages").forEach(ref -> {
            String name = resolve(ref).path("name").asText();
            boolean deadLetterChannel = channel.path("address").asText().endsWith(Topics.DEAD_LETTER_SUFFIX);
            assertThat(eventTypes().contains(name)).as("%s carries %s: %s", id, name,
                    deadLetterChannel ? "a dead-letter channel carries dead letters only" : "not an event type").isNotEqualTo(deadLetterChannel);
        }));
    }

    /** Each message names its type, pins it in ce_type, and takes its payload from the very schema the services validate with. */
    @Test
    void messagesAreTheirTypesWithTheServicesSchemas() throws IOException {
        for (JsonNode message : document.path("components").path("messages")) {
            String name = message.path("name").asText();
            if (!eventTypes().contains(name)) {
                continue;
            }
            EventType type = EventType.ofCeType(name).orElseThrow();
            List<JsonNode> ceTypes = message.path("headers").findValues("ce_type");
            if (type == EventType.SALE_REQUEST) {
                // SaleRequestConsumer: a request is a refund when its ce_type says so, a sale otherwise.
                assertThat(ceTypes).as(name).anyMatch(n -> n.path("not").path("const").asText().equals(EventType.REFUND_REQUEST.ceType()));
            } else {
                assertThat(ceTypes.stream().filter(n -> n.has("const")).map(n -> n.get("const").asText())).as(name + " pins ce_type")
                        .isNotEmpty().containsOnly(name);
            }
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).as(name).isEqualTo(SCHEMA_FORMAT);
            Path file = DOCUMENT.getParent().resolve(payload.path("schema").path("$ref").asText()).normalize();
            assertThat(file).as(name).isEqualTo(SCHEMAS.resolve(name + ".json"));
            try (InputStream used = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                assertThat(used).as(type.schemaResource()).isNotNull();
                assertThat(Files.readAllBytes(file)).as(name + ": the schema EventSchemas loads").isEqualTo(used.readAllBytes());
            }
            JsonNode schema = YAML.readTree(file.toFile());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.SCHEMA_BASE_URI + name + ".json");
        }
    }

    /** Only traceparent travels; a caller's tracestate is not carried (TraceContexts). */
    private static final Set<String> W3C_TRACE_CONTEXT = Set.of("traceparent");

    /** The CloudEvents headers are the ones the relay writes (OutboxRecords), and a partner's request headers the ones sales-service reads. */
    @Test
    void headersAreTheOnesTheCodeWritesAndReads() throws IOException {
        JsonNode schemas = document.path("components").path("schemas");
        String relay = "platform-messaging/src/main/java/org/partnerplatform/messaging/outbox/OutboxRecords.java";
        Set<String> written = quoted(relay, "header\\(headers, \"([^\"]+)\"");
        // The W3C traceparent, written by the shared propagator rather than by name.
        if (Files.readString(REPO.resolve(relay)).contains("TraceContexts.inject(")) {
            written.addAll(W3C_TRACE_CONTEXT);
        }
        assertThat(names(schemas.path("CloudEventHeaders").path("properties"))).isEqualTo(written);
        String consumer = "sales-service/src/main/java/org/partnerplatform/sales/messaging/SaleRequestConsumer.java";
        Set<String> read = quoted(consumer, "header\\(record\\.getHeaders\\(\\), \"([^\"]+)\"");
        // A header named by the shared constant rather than a literal.
        if (Files.readString(REPO.resolve(consumer)).contains("header(record.getHeaders(), CorrelationIds.HEADER)")) {
            read.add(CorrelationIds.HEADER);
        }
        read.addAll(quoted("sales-service/src/main/java/org/partnerplatform/sales/messaging/RecordTokens.java", "lastHeader\\(\"([^\"]+)\"\\)"));
        // The Kafka connector reads the W3C traceparent of every record (tracing-enabled, its default).
        read.addAll(W3C_TRACE_CONTEXT);
        assertThat(names(schemas.path("PartnerRequestHeaders").path("properties"))).isEqualTo(read);
    }

    @Test
    void isValidAgainstTheAsyncApi300Schema() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApiViolations(document)).isEmpty();
    }

    /** The validator is really at work: it refuses a document without info and with an unknown action. */
    @Test
    void theSchemaRefusesAnInvalidDocument() {
        ObjectNode broken = document.deepCopy();
        broken.remove("info");
        ((ObjectNode) broken.path("operations").path("partnerSendsSalesRequests")).put("action", "publish");
        assertThat(asyncApiViolations(broken)).anyMatch(v -> v.contains("info")).anyMatch(v -> v.contains("action"));
    }

    /** Every internal reference points into the document; every file reference to an existing file. */
    @Test
    void everyReferenceResolves() throws IOException {
        List<String> refs = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                String[] parts = ref.split("#", 2);
                Path file = DOCUMENT.getParent().resolve(parts[0]).normalize();
                assertThat(file).as(ref).isRegularFile();
                if (parts.length == 2) {
                    assertThat(YAML.readTree(file.toFile()).at(parts[1]).isMissingNode()).as(ref).isFalse();
                }
            }
        }
    }

    /** What the JSON Schema cannot say: operations use their channel's messages; addresses and parameters agree. */
    @Test
    void operationsAndChannelsFollowTheSpecificationsRules() {
        Set<String> sent = new HashSet<>();
        Set<String> received = new HashSet<>();
        document.path("operations").fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            String channel = operation.path("channel").path("$ref").asText();
            assertThat(channel).as(entry.getKey()).startsWith("#/channels/");
            operation.path("messages").forEach(m -> assertThat(m.path("$ref").asText()).as(entry.getKey()).startsWith(channel + "/messages/"));
            String reply = operation.path("reply").path("channel").path("$ref").asText();
            operation.path("reply").path("messages").forEach(m -> assertThat(m.path("$ref").asText()).as(entry.getKey()).startsWith(reply + "/messages/"));
            (operation.path("action").asText().equals("send") ? sent : received).add(channel.substring("#/channels/".length()));
        });
        channels().forEach((id, channel) -> {
            String address = channel.path("address").asText();
            Set<String> placeholders = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(address);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            assertThat(names(channel.path("parameters"))).as(id + " parameters").isEqualTo(placeholders);
            assertThat(sent).as("channels someone sends to").contains(id);
            if (!address.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                assertThat(received).as("channels someone receives from").contains(id);
            }
        });
        Set<String> used = new TreeSet<>();
        channels().values().forEach(c -> c.path("messages").forEach(ref -> used.add(ref.path("$ref").asText())));
        assertThat(used).containsAll(names(document.path("components").path("messages")).stream()
                .map(n -> "#/components/messages/" + n).toList());
    }

    // --- what the code defines ---

    static Set<String> eventTypes() {
        return Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The topics in code: Topics' constants (a prefix stands for its per-partner topics), PartnerTopics, every topic
     * the services' messaging configuration names, and the dead-letter topic of every topic consumed with the
     * dead-letter-queue strategy (DeadLetters sends to the record's topic + .dlq).
     */
    static Set<String> codeTopics() throws IllegalAccessException {
        Set<String> fixed = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = field.getName();
                String value = (String) field.get(null);
                if (name.endsWith("_PREFIX")) {
                    fixed.add(value + PARAMETER);
                } else if (!name.endsWith("_SUFFIX") && !name.endsWith("_PATTERN")) {
                    fixed.add(value);
                }
            }
        }
        PartnerTopics.of(PARTNER).forEach(t -> fixed.add(t.name().replace(Long.toString(PARTNER), PARAMETER)));
        Set<String> topics = new TreeSet<>(fixed);
        messagingConfig().forEach((channel, props) -> {
            List<String> named = Arrays.stream(props.getOrDefault("topics", props.getOrDefault("topic", "")).split(","))
                    .map(String::trim).filter(t -> !t.isEmpty()).toList();
            List<String> resolved = "true".equals(props.get("pattern"))
                    ? fixed.stream().filter(t -> named.stream().anyMatch(p -> t.replace(PARAMETER, Long.toString(PARTNER)).matches(p))).toList()
                    : named;
            assertThat(resolved).as(channel + " names a topic").isNotEmpty();
            resolved.stream().filter(t -> !NEVER_WRITTEN.contains(t)).forEach(topics::add);
            if (channel.startsWith("incoming.")) {
                assertThat(fixed).as(channel + " consumes a topic of Topics").containsAll(resolved);
                if ("dead-letter-queue".equals(props.get("failure-strategy"))) {
                    resolved.forEach(t -> topics.add(Topics.deadLetter(t)));
                }
            }
            if (props.containsKey("dead-letter-queue.topic")) {
                topics.add(props.get("dead-letter-queue.topic"));
            }
        });
        return topics;
    }

    /** Per channel ("incoming.sale-requests"), its topic settings from every module's main configuration (%prod included, other profiles not). */
    static Map<String, Map<String, String>> messagingConfig() {
        Map<String, Map<String, String>> channels = new TreeMap<>();
        try (Stream<Path> modules = Files.list(REPO)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                for (Path file : List.of(module.resolve("src/main/resources/application.properties"),
                        module.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    Properties properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        properties.load(reader);
                    }
                    properties.stringPropertyNames().forEach(key -> {
                        Matcher m = CONFIG_KEY.matcher(key.startsWith("%prod.") ? key.substring("%prod.".length()) : key);
                        if (m.matches()) {
                            channels.computeIfAbsent(m.group(1) + "." + m.group(2) + " (" + REPO.relativize(file) + ")", k -> new TreeMap<>())
                                    .put(m.group(3), properties.getProperty(key).trim());
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(channels).as("messaging configuration found").isNotEmpty();
        return channels;
    }

    // --- the document ---

    static Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new TreeMap<>();
        document.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    static JsonNode kafkaBinding(String address) {
        return channels().values().stream().filter(c -> c.path("address").asText().equals(address)).findFirst()
                .map(c -> c.path("bindings").path("kafka")).orElseThrow(() -> new AssertionError("no channel " + address));
    }

    static Set<String> addresses() {
        return channels().values().stream().map(c -> c.path("address").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    static JsonNode resolve(JsonNode reference) {
        return document.at(reference.path("$ref").asText().substring(1));
    }

    /** Offline: the schema embeds every definition under its $id; anything else would be a download, which is refused. */
    static List<String> asyncApiViolations(JsonNode candidate) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .schemaMappers(m -> m.mapPrefix("http://asyncapi.com/definitions/3.0.0/asyncapi.json", "classpath:asyncapi/3.0.0.json"))
                .schemaLoaders(l -> l.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:asyncapi/3.0.0.json"));
        return schema.validate(candidate).stream().map(ValidationMessage::toString).sorted().toList();
    }

    static Set<String> quoted(String source, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(REPO.resolve(source)));
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).as(source).isNotEmpty();
        return found;
    }

    static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

}
