package org.partnerplatform.deploychecks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the platform's workloads need of a deployment, written out: the picture the manifests are checked against.
 * Where the code says the same (application.properties), a test checks that this picture still agrees with it.
 */
final class Platform {
    static final String TOKEN = "token-service";
    static final String CATALOG = "catalog-service";
    static final String SALES = "sales-service";
    static final String SETTLEMENT = "settlement-service";
    static final String PORTAL = "partner-portal";

    /** The services with a database and Kafka; the portal has neither. */
    static final List<String> SERVICES = List.of(TOKEN, CATALOG, SALES, SETTLEMENT);
    /** Every Deployment: the services and the portal. */
    static final List<String> WORKLOADS = List.of(TOKEN, CATALOG, SALES, SETTLEMENT, PORTAL);

    /**
     * Who calls whom over HTTP inside the cluster. The resource servers fetch token-service's discovery document and
     * JWKS (quarkus-oidc); the portal exchanges codes with token-service and calls all four APIs with the person's
     * token. sales-service knows the catalog from Kafka (catalog.products, catalog.agreements), not over HTTP.
     */
    static final Map<String, Set<String>> HTTP_CALLS = Map.of(
            TOKEN, Set.of(),
            CATALOG, Set.of(TOKEN),
            SALES, Set.of(TOKEN),
            SETTLEMENT, Set.of(TOKEN),
            PORTAL, Set.of(TOKEN, CATALOG, SALES, SETTLEMENT));

    /** Each service's own CloudNativePG cluster: the only database it may reach. */
    static final Map<String, String> DATABASES = Map.of(
            TOKEN, "token-db", CATALOG, "catalog-db", SALES, "sales-db", SETTLEMENT, "settlement-db");

    /** The services that produce and consume on Kafka (each a KafkaUser of its own name). */
    static final Set<String> KAFKA_CLIENTS = Set.copyOf(SERVICES);

    private static final Pattern SERVICE_URL = Pattern.compile("platform\\.([a-z-]+-service)\\.url");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)");

    private Platform() {
    }

    static Set<String> callers(String workload) {
        return HTTP_CALLS.entrySet().stream().filter(e -> e.getValue().contains(workload)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The environment variable of a callee's URL: platform.token-service.url is PLATFORM_TOKEN_SERVICE_URL. */
    static String urlVariable(String callee) {
        return "PLATFORM_" + callee.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** The workload's application.properties. */
    static Properties applicationProperties(String workload) {
        return Repo.properties(workload + "/src/main/resources/application.properties");
    }

    /** The services whose URL the workload is configured with (platform.<name>-service.url): whom it calls. */
    static Set<String> configuredCalls(String workload) {
        Set<String> calls = new TreeSet<>();
        for (String key : applicationProperties(workload).stringPropertyNames()) {
            Matcher m = SERVICE_URL.matcher(key);
            if (m.matches()) {
                calls.add(m.group(1));
            }
        }
        return calls;
    }

    /**
     * A Kafka consumer channel (mp.messaging.incoming.<name>.*); deadLetterTopic is the channel's configured one,
     * where a record goes that carries no topic of its own (platform-messaging DeadLetters sends the others to
     * <their topic>.dlq).
     */
    record Channel(String name, List<String> topics, boolean pattern, String groupId, boolean deadLetters,
            String deadLetterTopic) {
    }

    /**
     * The workload's incoming channels as it runs them: platform-security's defaults (its revocation consumer) when
     * the workload depends on platform-security, overridden by its own application.properties; no profiles.
     */
    static List<Channel> incomingChannels(String workload) {
        Properties config = new Properties();
        if (Repo.read(workload + "/pom.xml").contains("<artifactId>platform-security</artifactId>")) {
            config.putAll(Repo.properties("platform-security/src/main/resources/META-INF/microprofile-config.properties"));
        }
        config.putAll(applicationProperties(workload));
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        for (String key : new TreeSet<>(config.stringPropertyNames())) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches()) {
                channels.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), config.getProperty(key));
            }
        }
        return channels.entrySet().stream().map(e -> {
            Map<String, String> c = e.getValue();
            String topics = c.getOrDefault("topics", c.getOrDefault("topic", e.getKey()));
            String group = c.getOrDefault("group.id", "")
                    .replace("${quarkus.application.name}", workload).replace("${quarkus.uuid}", "<uuid>");
            return new Channel(e.getKey(), Arrays.stream(topics.split(",")).map(String::trim).toList(),
                    Boolean.parseBoolean(c.getOrDefault("pattern", "false")), group,
                    "dead-letter-queue".equals(c.get("failure-strategy")), c.get("dead-letter-queue.topic"));
        }).toList();
    }
}
