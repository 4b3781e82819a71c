package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml runs the four services and the portal from their images, with Kafka and a PostgreSQL for each
 * service. Checked here: everything waits for what it needs to be healthy, and what services must agree on agrees.
 */
class ComposeTest {
    private static final Compose COMPOSE = Compose.load();

    @Test
    void runsKafkaAndTheServicesEachWithItsDatabase() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(byImage("apache/kafka:")).as(Compose.FILE + ": a Kafka service (image apache/kafka)").containsKey("kafka");
        softly.assertThat(byImage("partnerplatform/").keySet()).as(Compose.FILE + ": services from the platform's images")
                .containsAll(Platform.WORKLOADS).allMatch(Platform.WORKLOADS::contains);
        for (String service : Platform.WORKLOADS) {
            softly.assertThat(COMPOSE.service(service).path("image").asText()).as(Compose.FILE + ": " + service + " image")
                    .startsWith("partnerplatform/" + service + ":");
        }
        softly.assertAll();
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        SoftAssertions softly = new SoftAssertions();
        COMPOSE.services().forEach((name, service) -> {
            if (!Compose.isOneShot(service)) {
                softly.assertThat(service.path("healthcheck").path("test").size()).as(Compose.FILE + ": " + name + " healthcheck.test")
                        .isPositive();
                softly.assertThat(service.path("healthcheck").path("disable").asBoolean()).as(Compose.FILE + ": " + name + " healthcheck.disable").isFalse();
            }
        });
        softly.assertAll();
    }

    /** Started is not ready: each dependency waits for health, or for a one-shot job to have succeeded. */
    @Test
    void dependenciesWaitForHealthOrSuccess() {
        SoftAssertions softly = new SoftAssertions();
        COMPOSE.services().forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            softly.assertThat(dependsOn.isArray()).as(Compose.FILE + ": " + name + " depends_on as a list waits only for start").isFalse();
            dependsOn.fields().forEachRemaining(e -> {
                JsonNode target = COMPOSE.service(e.getKey());
                softly.assertThat(target.isMissingNode()).as(Compose.FILE + ": " + name + " depends on " + e.getKey() + ", no such service")
                        .isFalse();
                String expected = Compose.isOneShot(target) ? "service_completed_successfully" : "service_healthy";
                softly.assertThat(e.getValue().path("condition").asText()).as(Compose.FILE + ": " + name + " depends_on "
                        + e.getKey() + ".condition").isEqualTo(expected);
            });
        });
        softly.assertAll();
    }

    /** Each service (through what it depends on) waits for its database, Kafka and the services it calls. */
    @Test
    void servicesWaitForWhatTheyUse() {
        SoftAssertions softly = new SoftAssertions();
        for (String service : Platform.WORKLOADS) {
            Map<String, String> env = Compose.environment(COMPOSE.service(service));
            Set<String> needs = new TreeSet<>(Platform.HTTP_CALLS.get(service));
            // The portal has neither a database nor a broker; every service has both.
            if (Platform.SERVICES.contains(service)) {
                needs.add(URI.create(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:missing://x").substring(5)).getHost());
                needs.add(Kafka.bootstrap(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "missing:0")).getHost());
            }
            softly.assertThat(waitsFor(service)).as(Compose.FILE + ": what " + service + " waits for (depends_on, transitively)")
                    .containsAll(needs);
        }
        softly.assertAll();
    }

    @Test
    void servicesShareEnvironmentAndAudience() {
        SoftAssertions softly = new SoftAssertions();
        for (String variable : List.of("PLATFORM_ENVIRONMENT", "PLATFORM_AUDIENCE")) {
            Map<String, String> raw = new TreeMap<>();
            Platform.WORKLOADS.forEach(s -> raw.put(s, Compose.rawEnvironment(COMPOSE.service(s)).get(variable)));
            softly.assertThat(Set.copyOf(raw.values())).as(Compose.FILE + ": " + variable + " of every service " + raw).hasSize(1)
                    .doesNotContainNull();
        }
        String environment = Compose.environment(COMPOSE.service(Platform.TOKEN)).get("PLATFORM_ENVIRONMENT");
        softly.assertThat(Environment.parse(environment)).as(Compose.FILE + ": PLATFORM_ENVIRONMENT " + environment).isPresent();
        Environment.parse(environment).filter(e -> e != Environment.PRODUCTION).ifPresent(e -> softly
                .assertThat(Compose.environment(COMPOSE.service(Platform.TOKEN)).get("PLATFORM_AUDIENCE"))
                .as(Compose.FILE + ": PLATFORM_AUDIENCE of " + e).contains("." + e.label() + "."));
        softly.assertAll();
    }

    /** PLATFORM_<SERVICE>_URL: the called service's name in Compose and the port it listens on in its container. */
    @Test
    void serviceUrlsNameTheServiceAndItsPort() {
        SoftAssertions softly = new SoftAssertions();
        for (String service : Platform.WORKLOADS) {
            Map<String, String> env = Compose.environment(COMPOSE.service(service));
            for (String callee : Platform.HTTP_CALLS.get(service)) {
                String variable = Platform.urlVariable(callee);
                String url = env.get(variable);
                softly.assertThat(url).as(Compose.FILE + ": " + service + " " + variable).isNotNull();
                if (url != null) {
                    String port = Compose.environment(COMPOSE.service(callee)).get("QUARKUS_HTTP_PORT");
                    softly.assertThat(url).as(Compose.FILE + ": " + service + " " + variable + " (service " + callee + ", port "
                            + port + ")").isEqualTo("http://" + callee + ":" + port);
                }
            }
            softly.assertThat(env.keySet().stream().filter(k -> k.matches("PLATFORM_[A-Z_]+_SERVICE_URL")))
                    .as(Compose.FILE + ": " + service + " URLs of services it does not call")
                    .allMatch(k -> Platform.HTTP_CALLS.get(service).stream()
                            .anyMatch(c -> k.equals(Platform.urlVariable(c))));
        }
        softly.assertAll();
    }

    /**
     * The portal and token-service agree: browsers are sent to the issuer's host URL, the tokens' issuer is the one
     * token-service writes, token-service knows the portal's callback at its host port, and both have the same secret.
     */
    @Test
    void thePortalAndTokenServiceAgreeOnTheSignIn() {
        Map<String, String> token = Compose.environment(COMPOSE.service(Platform.TOKEN));
        Map<String, String> portal = Compose.environment(COMPOSE.service(Platform.PORTAL));
        String issuer = token.get("PLATFORM_TOKEN_ISSUER");
        String portalHost = COMPOSE.service(Platform.PORTAL).path("ports").get(0).asText();
        String portalUrl = "http://127.0.0.1:" + Compose.resolve(portalHost).split(":")[1];
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(portal.get("QUARKUS_OIDC_TOKEN_ISSUER")).as(Compose.FILE + ": the portal's token issuer").isEqualTo(issuer);
        softly.assertThat(portal.get("QUARKUS_OIDC_AUTHORIZATION_PATH")).as(Compose.FILE + ": where the portal sends browsers")
                .isEqualTo(issuer + "/oauth/authorize");
        softly.assertThat(portal.get("QUARKUS_OIDC_END_SESSION_PATH")).isEqualTo(issuer + "/oauth/logout");
        softly.assertThat(token.get("PLATFORM_TOKEN_PORTAL_REDIRECT_URIS")).as(Compose.FILE + ": the portal's callback in token-service")
                .isEqualTo(portalUrl + "/oidc/callback");
        softly.assertThat(token.get("PLATFORM_TOKEN_PORTAL_POST_LOGOUT_REDIRECT_URIS")).isEqualTo(portalUrl + "/signed-out");
        softly.assertThat(Compose.rawEnvironment(COMPOSE.service(Platform.PORTAL)).get("PLATFORM_PORTAL_CLIENT_SECRET"))
                .as(Compose.FILE + ": the portal's client secret, token-service's PLATFORM_TOKEN_PORTAL_SECRET")
                .isEqualTo(Compose.rawEnvironment(COMPOSE.service(Platform.TOKEN)).get("PLATFORM_TOKEN_PORTAL_SECRET")).contains(":?");
        softly.assertThat(Compose.rawEnvironment(COMPOSE.service(Platform.PORTAL)).get("PLATFORM_PORTAL_HAND_OVER_KEY")).contains(":?");
        softly.assertAll();
    }

    /** KAFKA_BOOTSTRAP_SERVERS is a listener that Kafka advertises under its service name, in the protocol the clients speak. */
    @Test
    void kafkaBootstrapIsAnAdvertisedListener() {
        Map<String, String> kafka = Compose.environment(COMPOSE.service("kafka"));
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> listeners = listeners(kafka.get("KAFKA_LISTENERS"));
        Map<String, String> protocols = new HashMap<>();
        for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            protocols.put(entry.split(":")[0].trim(), entry.split(":")[1].trim());
        }
        SoftAssertions softly = new SoftAssertions();
        for (String service : Platform.SERVICES) {
            Map<String, String> env = Compose.environment(COMPOSE.service(service));
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            String what = Compose.FILE + ": " + service + " KAFKA_BOOTSTRAP_SERVERS=" + bootstrap;
            String name = advertised.entrySet().stream().filter(e -> e.getValue().equals(bootstrap)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            softly.assertThat(name).as(what + ": one of kafka's KAFKA_ADVERTISED_LISTENERS " + advertised).isNotNull();
            if (name != null) {
                softly.assertThat(Kafka.bootstrap(bootstrap).getHost()).as(what + ": the kafka service's name").isEqualTo("kafka");
                softly.assertThat(listeners.get(name)).as(what + ": listener " + name + " of KAFKA_LISTENERS, same port")
                        .endsWith(":" + Kafka.bootstrap(bootstrap).getPort());
                softly.assertThat(protocols.get(name)).as(what + ": protocol of listener " + name)
                        .isEqualTo(env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"));
            }
        }
        softly.assertAll();
    }

    /** The datasource is the database, user and password its PostgreSQL container initialises (the same variable). */
    @Test
    void datasourcesMatchTheirDatabase() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> usedBy = new TreeMap<>();
        for (String service : Platform.SERVICES) {
            Map<String, String> raw = Compose.rawEnvironment(COMPOSE.service(service));
            String what = Compose.FILE + ": " + service + " ";
            URI jdbc = URI.create(raw.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:missing://x/").substring(5));
            URI reactive = URI.create(raw.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", "missing://x/"));
            softly.assertThat(jdbc.getScheme()).as(what + "QUARKUS_DATASOURCE_JDBC_URL").isEqualTo("postgresql");
            softly.assertThat(reactive.getAuthority() + reactive.getPath()).as(what + "QUARKUS_DATASOURCE_REACTIVE_URL against the JDBC URL")
                    .isEqualTo(jdbc.getAuthority() + jdbc.getPath());
            softly.assertThat(usedBy.put(jdbc.getHost(), service)).as(what + "shares database " + jdbc.getHost()).isNull();
            JsonNode db = COMPOSE.service(jdbc.getHost());
            softly.assertThat(db.path("image").asText()).as(what + "database " + jdbc.getHost() + " image").startsWith("postgres:");
            Map<String, String> init = Compose.rawEnvironment(db);
            softly.assertThat(jdbc.getPort()).as(what + "database port").isEqualTo(Integer.parseInt(init.getOrDefault("PGPORT", "5432")));
            softly.assertThat(jdbc.getPath()).as(what + "database name (POSTGRES_DB of " + jdbc.getHost() + ")")
                    .isEqualTo("/" + init.getOrDefault("POSTGRES_DB", init.get("POSTGRES_USER")));
            softly.assertThat(raw.get("QUARKUS_DATASOURCE_USERNAME")).as(what + "QUARKUS_DATASOURCE_USERNAME (POSTGRES_USER)")
                    .isEqualTo(init.get("POSTGRES_USER"));
            softly.assertThat(raw.get("QUARKUS_DATASOURCE_PASSWORD")).as(what + "QUARKUS_DATASOURCE_PASSWORD (POSTGRES_PASSWORD)")
                    .isEqualTo(init.get("POSTGRES_PASSWORD"));
        }
        softly.assertAll();
    }

    /** One host port per published port; each service listens (and is probed) where its port mapping points. */
    @Test
    void portsDoNotCollideAndMatchWhereServicesListen() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> published = new TreeMap<>();
        Pattern probe = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");
        COMPOSE.services().forEach((name, service) -> service.path("ports").forEach(p -> {
            String[] parts = Compose.resolve(p.asText()).split(":");
            String host = parts.length == 3 ? parts[0] + ":" + parts[1] : "0.0.0.0:" + parts[0];
            softly.assertThat(published.put(host, name)).as(Compose.FILE + ": host port " + host + " of " + name + ", also of")
                    .isNull();
            if (Platform.WORKLOADS.contains(name)) {
                String port = Compose.environment(service).get("QUARKUS_HTTP_PORT");
                softly.assertThat(parts[parts.length - 1]).as(Compose.FILE + ": " + name + " container port (QUARKUS_HTTP_PORT)")
                        .isEqualTo(port);
                Matcher m = probe.matcher(service.path("healthcheck").path("test").toString());
                softly.assertThat(m.find() ? m.group(1) : null).as(Compose.FILE + ": " + name + " healthcheck port").isEqualTo(port);
            }
        }));
        softly.assertAll();
    }

    /** The broker auto-creates with its defaults: kafka-topics must create the compacted topics and the dead-letter topics. */
    @Test
    void kafkaTopicsCreatesTheFixedTopicsWithTheirPolicy() {
        String script = Compose.resolve(COMPOSE.service("kafka-topics").path("command").toString().replace("\\n", "\n"));
        Set<String> created = new TreeSet<>();
        Set<String> compacted = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^\\s*(topic|compacted) ([a-z.-]+) ").matcher(script);
        while (line.find()) {
            created.add(line.group(2));
            if (line.group(1).equals("compacted")) {
                compacted.add(line.group(2));
            }
        }
        Matcher loop = Pattern.compile("for dlq in ([a-z. -]+); do\\s+topic \\$dlq\\.dlq ").matcher(script);
        while (loop.find()) {
            List.of(loop.group(1).trim().split("\\s+")).forEach(t -> created.add(Topics.deadLetter(t)));
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(created).as(Compose.FILE + ": topics kafka-topics creates").containsAll(Kafka.fixedTopics());
        softly.assertThat(compacted).as(Compose.FILE + ": topics kafka-topics compacts").containsExactlyInAnyOrderElementsOf(Kafka.COMPACTED);
        KafkaTopicsTest.deadLetterTopics().stream().filter(t -> Kafka.fixedTopics().contains(t.substring(0, t.length() - 4)))
                .forEach(t -> softly.assertThat(created).as(Compose.FILE + ": kafka-topics creates dead-letter topic " + t).contains(t));
        softly.assertAll();
    }

    private static Map<String, JsonNode> byImage(String prefix) {
        Map<String, JsonNode> services = new TreeMap<>();
        COMPOSE.services().forEach((name, s) -> {
            if (s.path("image").asText().startsWith(prefix)) {
                services.put(name, s);
            }
        });
        return services;
    }

    private static Set<String> waitsFor(String service) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(service));
        while (!todo.isEmpty()) {
            COMPOSE.service(todo.pop()).path("depends_on").fieldNames().forEachRemaining(d -> {
                if (seen.add(d)) {
                    todo.push(d);
                }
            });
        }
        return seen;
    }

    /** NAME://host:port,... as NAME -> host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> listeners = new HashMap<>();
        for (String entry : value.split(",")) {
            String[] parts = entry.trim().split("://", 2);
            listeners.put(parts[0], parts[1]);
        }
        return listeners;
    }
}
