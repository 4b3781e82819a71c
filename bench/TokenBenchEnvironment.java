/*
 * The environment of the token-service benchmark (bench/token-grants.sh): a real PostgreSQL and a real Kafka broker
 * (dev-infra's embedded ones), the packaged token-service as its own process, and clients created through its API.
 * Run with dev-infra on the classpath, as a single-file program:
 *
 *   java -cp "dev-infra/target/classes:$(cat dev-infra/target/launcher-classpath.txt)" bench/TokenBenchEnvironment.java \
 *        --work bench/target/token-grants --clients 1000 [--port N] [--jvm-options "..."] [--service-env KEY=VALUE]...
 *
 * When everything is up it writes <work>/ready (the service's base URL) and <work>/clients.txt (one HTTP Basic
 * Authorization header value per client; benchmark-only credentials, on a throwaway database), then runs until it is
 * stopped (SIGTERM), which stops the service, the broker and the database. The service runs on PLATFORM_JAVA if set.
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerplatform.devinfra.EmbeddedKafka;
import org.partnerplatform.devinfra.EmbeddedPostgresServer;
import org.partnerplatform.devinfra.FreePorts;
import org.partnerplatform.devinfra.ServiceProcess;

public final class TokenBenchEnvironment {
    private static final long STARTED = System.nanoTime();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/target/token-grants");
        Path repository = Path.of(".");
        int clients = 1000;
        int port = 0;
        String jvmOptions = "";
        Map<String, String> extraEnv = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--repository" -> repository = Path.of(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--jvm-options" -> jvmOptions = args[++i];
                case "--service-env" -> {
                    String[] pair = args[++i].split("=", 2);
                    extraEnv.put(pair[0], pair[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        work = work.toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);

        progress("starting PostgreSQL and Kafka in " + work);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, work.resolve("postgres"), true);
        postgres.ensureDatabase("token");
        EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"), 3);

        SecureRandom random = new SecureRandom();
        String adminId = "bench-admin";
        String adminSecret = randomBase64Url(random, 32);
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("token"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("token"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "token");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "token");
        env.put("PLATFORM_ENVIRONMENT", "STAGING");
        env.put("PLATFORM_BOOTSTRAP_ADMIN_CLIENT_ID", adminId);
        env.put("PLATFORM_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminSecret);
        env.put("PLATFORM_TOKEN_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(kek));
        env.putAll(extraEnv);
        List<String> options = jvmOptions.isBlank() ? List.of() : List.of(jvmOptions.trim().split("\\s+"));
        Path jar = repository.toAbsolutePath().resolve("token-service/target/quarkus-app/quarkus-run.jar");
        int servicePort = port == 0 ? FreePorts.next() : port;
        progress("starting " + jar + " on port " + servicePort + " with " + (System.getenv("PLATFORM_JAVA") == null ? "this JVM's java"
                : System.getenv("PLATFORM_JAVA")) + " " + options + (extraEnv.isEmpty() ? "" : " and " + extraEnv));
        ServiceProcess service = ServiceProcess.start("token-service", jar, servicePort, env, options, work.resolve("token-service.log"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            progress("stopping token-service, Kafka and PostgreSQL");
            try {
                service.close();
                kafka.close();
            } finally {
                postgres.close();
                stopped.countDown();
            }
        }, "bench-stop"));
        service.awaitReady(Duration.ofSeconds(180));
        String base = service.baseUrl();

        String admin = accessToken(base, basic(adminId, adminSecret));
        String organisation = field(post(base + "/v1/organisations", admin, "{\"name\":\"Benchmark AS\",\"type\":\"PARTNER\"}", 201),
                "organisationId");
        progress("creating " + clients + " clients of organisation " + organisation + " through the API (one PBKDF2 hash each)");
        List<String> headers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "benchmark-client" + i;
            created.add(pool.submit(() -> {
                String body = post(base + "/v1/organisations/" + organisation + "/clients", admin,
                        "{\"name\":\"" + name + "\",\"roles\":[\"PARTNER\"]}", 201);
                return basic(field(body, "clientId"), field(body, "clientSecret"));
            }));
        }
        for (Future<String> client : created) {
            headers.add(client.get());
        }
        progress("first grant of every client (the one PBKDF2 check each; later grants hit the verified-secret cache)");
        List<Future<String>> warmed = new ArrayList<>();
        for (String header : headers) {
            warmed.add(pool.submit(() -> accessToken(base, header)));
        }
        for (Future<String> token : warmed) {
            token.get();
        }
        pool.shutdown();

        Files.write(work.resolve("clients.txt"), headers, StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("ready"), base + "\n");
        progress("ready: " + base + " (" + clients + " clients in " + work.resolve("clients.txt") + "); stop with SIGTERM");
        stopped.await();
    }

    private static String accessToken(String base, String basicHeader) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", basicHeader).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("grant answered " + response.statusCode() + ": " + response.body());
        }
        return field(response.body(), "access_token");
    }

    private static String post(String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A top-level string or number field of a flat JSON answer (enough for these answers; no JSON library on this classpath). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|([0-9]+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static String basic(String id, String secret) {
        // RFC 6749 §2.3.1 form-encodes both; ids and secrets here are URL-safe already.
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String randomBase64Url(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void progress(String message) {
        System.out.printf("[%4ds] %s%n", Duration.ofNanos(System.nanoTime() - STARTED).toSeconds(), message);
    }
}
