package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: a Kafka broker, a PostgreSQL server with a database per
 * service, and the four packaged services as processes configured like containers (environment variables).
 * The local platform command and the system tests both start it through this class.
 */
public final class Platform implements AutoCloseable {

    /** The four services, in start order, with their database names. */
    public enum Service {
        TOKEN("token-service", "token"),
        CATALOG("catalog-service", "catalog"),
        SALES("sales-service", "sales"),
        SETTLEMENT("settlement-service", "settlement");

        public final String module;
        public final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    public record Ports(int kafka, int postgres, int token, int catalog, int sales, int settlement, int portal) {
        /** The documented local ports. */
        public static Ports local() {
            return new Ports(9092, 15432, 8081, 8082, 8083, 8084, 8085);
        }

        /** Consecutive ports from {@code base}, to run a second local platform beside the first. */
        public static Ports from(int base) {
            return new Ports(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6);
        }

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next());
        }

        int of(Service service) {
            return switch (service) {
                case TOKEN -> token;
                case CATALOG -> catalog;
                case SALES -> sales;
                case SETTLEMENT -> settlement;
            };
        }
    }

    public record Settings(Path repository, Path dataDirectory, boolean fresh, Ports ports, String environment, String audience,
            String adminClientId, String adminClientSecret, String keyEncryptionKey, List<String> jvmOptions,
            Map<String, String> extraEnvironment, Consumer<String> progress) {
    }

    private final Settings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final Map<Service, ServiceProcess> services = new LinkedHashMap<>();
    /** The partner portal: no database, no broker; it signs persons in through token-service. */
    private ServiceProcess portal;
    private boolean closed;

    /** The portal's client secret in token-service: local and test platforms only. */
    public static final String PORTAL_CLIENT_SECRET = "dev-only-partner-portal-secret-change-me";
    public static final String PORTAL_MODULE = "partner-portal";

    private Platform(Settings settings, EmbeddedKafka kafka, EmbeddedPostgresServer postgres) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static Platform start(Settings settings) {
        Consumer<String> progress = settings.progress();
        Path data = settings.dataDirectory();
        if (settings.fresh()) {
            deleteRecursively(data.resolve("kafka"));
            deleteRecursively(data.resolve("postgres"));
        }
        progress.accept("starting PostgreSQL on port " + settings.ports().postgres());
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.ports().postgres(), data.resolve("postgres"), false);
        EmbeddedKafka kafka = null;
        Platform platform = null;
        try {
            for (Service service : Service.values()) {
                postgres.ensureDatabase(service.database);
            }
            progress.accept("starting Kafka on port " + settings.ports().kafka());
            // As in a cluster: no topic is created on first use; the cluster's declared topics exist, and
            // token-service creates each partner's at its registration.
            kafka = EmbeddedKafka.start(settings.ports().kafka(), data.resolve("kafka"), 3, false);
            kafka.createTopics(DeclaredTopics.read(settings.repository()));
            platform = new Platform(settings, kafka, postgres);
            platform.startServices();
            return platform;
        } catch (RuntimeException e) {
            if (platform != null) {
                platform.close();
            } else {
                if (kafka != null) {
                    kafka.close();
                }
                postgres.close();
            }
            throw e;
        }
    }

    private void startServices() {
        Consumer<String> progress = settings.progress();
        progress.accept("starting token-service on port " + settings.ports().token());
        ServiceProcess token = launch(Service.TOKEN);
        token.awaitReady(Duration.ofSeconds(90));
        progress.accept("token-service ready at " + token.baseUrl());
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (Service service : List.of(Service.CATALOG, Service.SALES, Service.SETTLEMENT)) {
            progress.accept("starting " + service.module + " on port " + settings.ports().of(service));
            ServiceProcess process = launch(service);
            others.add(CompletableFuture.runAsync(() -> {
                process.awaitReady(Duration.ofSeconds(120));
                progress.accept(service.module + " ready at " + process.baseUrl());
            }));
        }
        Path portalJar = settings.repository().resolve(PORTAL_MODULE).resolve("target/quarkus-app/quarkus-run.jar");
        if (Files.exists(portalJar)) {
            progress.accept("starting " + PORTAL_MODULE + " on port " + settings.ports().portal());
            Map<String, String> env = new HashMap<>();
            env.put("PLATFORM_TOKEN_SERVICE_URL", "http://127.0.0.1:" + settings.ports().token());
            env.putAll(PortalOidc.environment(token.baseUrl()));
            env.put("PLATFORM_CATALOG_SERVICE_URL", "http://127.0.0.1:" + settings.ports().catalog());
            env.put("PLATFORM_SALES_SERVICE_URL", "http://127.0.0.1:" + settings.ports().sales());
            env.put("PLATFORM_SETTLEMENT_SERVICE_URL", "http://127.0.0.1:" + settings.ports().settlement());
            env.put("PLATFORM_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
            // Its own key, not the services' key-encryption key: it only seals a secret for the next minute, so a new one each start.
            byte[] handOverKey = new byte[32];
            new java.security.SecureRandom().nextBytes(handOverKey);
            env.put("PLATFORM_PORTAL_HAND_OVER_KEY", java.util.Base64.getEncoder().encodeToString(handOverKey));
            // Plain HTTP on loopback: a browser would not send Secure cookies back.
            env.put("PLATFORM_PORTAL_SECURE_COOKIES", "false");
            env.putAll(settings.extraEnvironment());
            portal = ServiceProcess.start(PORTAL_MODULE, portalJar, settings.ports().portal(), env, settings.jvmOptions(),
                    settings.dataDirectory().resolve("logs").resolve(PORTAL_MODULE + ".log"));
            others.add(CompletableFuture.runAsync(() -> {
                portal.awaitReady(Duration.ofSeconds(120));
                progress.accept(PORTAL_MODULE + " ready at " + portal.baseUrl());
            }));
        }
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** token-service's issuer identifier here: the URL its discovery document is served from. */
    public String issuer() {
        return "http://127.0.0.1:" + settings.ports().token();
    }

    /** The portal's base URL, or null when it was not built. */
    public String portalUrl() {
        return portal == null ? null : portal.baseUrl();
    }

    private synchronized ServiceProcess launch(Service service) {
        ServiceProcess process = launch(service, service.module, settings.ports().of(service), Map.of());
        services.put(service, process);
        return process;
    }

    /**
     * Another process of a service beside the platform's own, on the same database and broker, with some settings
     * overridden (a second replica, or a deliberately misconfigured twin for a test). The caller closes it.
     */
    public ServiceProcess startExtra(Service service, String name, Map<String, String> overrides) {
        ServiceProcess process = launch(service, name, FreePorts.next(), overrides);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    private ServiceProcess launch(Service service, String name, int port, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database));
        env.put("QUARKUS_DATASOURCE_USERNAME", service.database);
        env.put("QUARKUS_DATASOURCE_PASSWORD", service.database);
        env.put("PLATFORM_ENVIRONMENT", settings.environment());
        env.put("PLATFORM_AUDIENCE", settings.audience());
        if (service == Service.TOKEN) {
            env.put("PLATFORM_BOOTSTRAP_ADMIN_CLIENT_ID", settings.adminClientId());
            env.put("PLATFORM_BOOTSTRAP_ADMIN_CLIENT_SECRET", settings.adminClientSecret());
            env.put("PLATFORM_TOKEN_KEY_ENCRYPTION_KEY", settings.keyEncryptionKey());
            // The issuer is the URL the discovery document is served from (OpenID Connect Discovery 4.3), as a
            // deployment's is its public URL; a second process of token-service issues as the first.
            env.put("PLATFORM_TOKEN_ISSUER", issuer());
            String portalBase = "http://127.0.0.1:" + settings.ports().portal();
            env.put("PLATFORM_TOKEN_PORTAL_SECRET", PORTAL_CLIENT_SECRET);
            env.put("PLATFORM_TOKEN_PORTAL_REDIRECT_URIS", portalBase + "/oidc/callback");
            env.put("PLATFORM_TOKEN_PORTAL_POST_LOGOUT_REDIRECT_URIS", portalBase + "/signed-out");
        } else {
            env.put("PLATFORM_TOKEN_SERVICE_URL", "http://127.0.0.1:" + settings.ports().token());
        }
        if (service == Service.SALES) {
            // The ticket signing keys are stored under a key of their own in a real deployment; here the platform's one will do.
            env.put("PLATFORM_SALES_TICKETS_KEY_ENCRYPTION_KEY", settings.keyEncryptionKey());
        }
        env.putAll(settings.extraEnvironment());
        env.putAll(overrides);
        Path jar = settings.repository().resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(name, jar, port, env, settings.jvmOptions(), settings.dataDirectory().resolve("logs").resolve(name + ".log"));
    }

    /** Stops a service and starts it again with the same configuration (a restart, or recovery after a kill). */
    public ServiceProcess restart(Service service) {
        ServiceProcess old = services.get(service);
        if (old != null) {
            old.close();
        }
        ServiceProcess process = launch(service);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String url(Service service) {
        return services.get(service).baseUrl();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public Settings settings() {
        return settings;
    }

    /** Stops the services (newest first, gracefully), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Service> started = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(started);
        if (portal != null) {
            portal.close();
        }
        started.parallelStream().forEach(s -> services.get(s).close());
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
