package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local platform: Kafka, PostgreSQL and the four services on fixed ports, data kept in a folder between runs.
 * Run through {@code ./local-platform.sh}; Ctrl-C stops everything.
 *
 * <pre>
 * --fresh            start from empty (deletes the Kafka and PostgreSQL data, keeps nothing else)
 * --data-dir DIR     where data, logs and the generated local credentials live (default .local-platform)
 * --environment ENV  DEVELOPMENT, STAGING (default) or PRODUCTION
 * --no-demo-data     do not load the demo operators, products, partners and agreements
 * --listen ADDRESS   the address the services listen on (default 127.0.0.1: this machine only)
 * --ports BASE       consecutive ports from BASE (Kafka, PostgreSQL, the services, the portal) instead of 9092, 15432, 8081-8085
 * </pre>
 */
public final class LocalPlatform {
    private static final long STARTED = System.nanoTime();

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("platform.repository", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, repository.resolve(".local-platform"));
        } catch (IllegalArgumentException e) {
            System.err.println("local-platform: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        AtomicReference<Platform> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts: Ctrl-C in the middle of a start stops what has started so far.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            progress("stopping services, Kafka and PostgreSQL...");
            Platform platform = running.get();
            if (platform != null) {
                platform.close();
            }
            ServiceProcess.stopAll();
            progress("stopped");
            stopped.countDown();
        }, "local-platform-stop"));
        try {
            start(repository, options, running);
        } catch (Exception e) {
            if (stopping.get()) {
                return; // Ctrl-C during the start: the hook stops everything
            }
            Path details = options.data().resolve("logs").resolve("local-platform-failure.log");
            writeDetails(details, e);
            Platform platform = running.get();
            if (platform != null) {
                platform.close();
            }
            ServiceProcess.stopAll();
            System.err.println("local-platform: failed to start: " + firstLine(e) + " (everything it started is stopped; details in " + details + ")");
            Runtime.getRuntime().halt(1); // the hook has nothing left to stop, and non-daemon threads must not keep us alive
        }
        stopped.await();
    }

    private static final String USAGE = "usage: ./local-platform.sh [--fresh] [--skip-build] [--no-demo-data] [--data-dir DIR]"
            + " [--environment DEVELOPMENT|STAGING|PRODUCTION] [--listen ADDRESS] [--ports BASE]";

    /** The command line; {@code parse} answers null for --help. */
    record Options(Path data, boolean fresh, String environment, boolean demoData, String listen, Platform.Ports ports) {
        static Options parse(String[] args, Path defaultData) {
            Path data = defaultData;
            boolean fresh = false;
            String environment = "STAGING";
            boolean demoData = true;
            String listen = "127.0.0.1";
            Platform.Ports ports = Platform.Ports.local();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fresh" -> fresh = true;
                    case "--data-dir" -> data = Path.of(value(args, ++i)).toAbsolutePath();
                    case "--environment" -> {
                        environment = value(args, ++i).toUpperCase();
                        if (!List.of("DEVELOPMENT", "STAGING", "PRODUCTION").contains(environment)) {
                            throw new IllegalArgumentException("--environment is DEVELOPMENT, STAGING or PRODUCTION, not " + args[i]);
                        }
                    }
                    case "--no-demo-data" -> demoData = false;
                    case "--listen" -> listen = value(args, ++i);
                    case "--ports" -> {
                        String base = value(args, ++i);
                        if (!base.matches("\\d{1,5}") || Integer.parseInt(base) < 1024 || Integer.parseInt(base) > 65535 - 6) {
                            throw new IllegalArgumentException("--ports takes a port from 1024 to 65529 (seven ports from it are used), not " + base);
                        }
                        ports = Platform.Ports.from(Integer.parseInt(base));
                    }
                    case "--help", "-h" -> {
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
                }
            }
            return new Options(data, fresh, environment, demoData, listen, ports);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value (try --help)");
            }
            return args[i];
        }
    }

    private static void start(Path repository, Options options, AtomicReference<Platform> running) throws Exception {
        Path data = options.data();
        String environment = options.environment();
        Files.createDirectories(data);
        if (options.fresh()) {
            // The demo data's ids and client secrets describe the databases that --fresh deletes.
            Files.deleteIfExists(data.resolve(DemoData.MARKER));
        }
        Properties credentials = localCredentials(data.resolve("local-credentials.properties"));
        String audience = "https://api." + environment.toLowerCase() + ".partnerplatform.local";

        Platform.Settings settings = new Platform.Settings(repository, data, options.fresh(), options.ports(), environment, audience,
                credentials.getProperty("admin.client-id"), credentials.getProperty("admin.client-secret"),
                credentials.getProperty("token.key-encryption-key"), List.of("-Xmx384m", "-XX:+UseSerialGC"),
                Map.of("QUARKUS_HTTP_HOST", options.listen()), LocalPlatform::progress);
        progress("data in " + data + (options.fresh() ? " (starting from empty)" : ""));
        Platform platform = Platform.start(settings);
        running.set(platform);

        List<DemoData.DemoPartner> partners = options.demoData()
                ? DemoData.load(platform.url(Platform.Service.TOKEN), platform.url(Platform.Service.CATALOG), settings.adminClientId(),
                        settings.adminClientSecret(), audience, data, LocalPlatform::progress)
                : List.of();
        FirstAdministrator.Outcome first = platform.portalUrl() == null ? null
                : FirstAdministrator.invite(platform.url(Platform.Service.TOKEN), settings.adminClientId(), settings.adminClientSecret());

        System.out.println();
        System.out.println("Partner platform (" + environment + ") is up in " + Duration.ofNanos(System.nanoTime() - STARTED).toSeconds() + " s:");
        for (Platform.Service s : Platform.Service.values()) {
            System.out.printf("  %-19s %s   (OpenAPI UI %s/q/swagger-ui)%n", s.module, platform.url(s), platform.url(s));
        }
        if (platform.portalUrl() != null) {
            System.out.printf("  %-19s %s   (sign in as a person)%n", Platform.PORTAL_MODULE, platform.portalUrl());
        }
        System.out.printf("  %-19s 127.0.0.1:%d%n", "Kafka", settings.ports().kafka());
        System.out.printf("  %-19s 127.0.0.1:%d (databases token, catalog, sales, settlement; user = password = name)%n", "PostgreSQL",
                settings.ports().postgres());
        if (!"127.0.0.1".equals(options.listen())) {
            System.out.println("  The services listen on " + options.listen() + " (--listen); Kafka and PostgreSQL on loopback only.");
        }
        System.out.println();
        System.out.println("Bootstrap platform admin (local only, kept in " + data.resolve("local-credentials.properties") + "):");
        System.out.println("  client_id     " + settings.adminClientId());
        System.out.println("  client_secret " + settings.adminClientSecret());
        System.out.println("  audience      " + audience);
        System.out.println("  issuer        " + platform.issuer());
        if (!partners.isEmpty()) {
            System.out.println();
            System.out.println("Demo partners (role PARTNER; their catalogs differ by agreement; kept in " + data.resolve("demo-data.properties") + "):");
            for (DemoData.DemoPartner partner : partners) {
                System.out.printf("  %-28s organisation %-4d client_id %s  client_secret %s%n", partner.name(), partner.organisationId(),
                        partner.clientId(), partner.clientSecret());
            }
        }
        if (first != null) {
            System.out.println();
            if (first.exists()) {
                System.out.println("First platform administrator: sign in to the portal as " + FirstAdministrator.EMAIL + ".");
            } else {
                System.out.println("First platform administrator (" + FirstAdministrator.EMAIL + "): open this one-time link, choose a password,");
                System.out.println("add the platform to an authenticator app, then sign in at " + platform.portalUrl() + ":");
                System.out.println("  " + first.link());
            }
        }
        System.out.println();
        System.out.println("Logs in " + data.resolve("logs") + ". Press Ctrl-C to stop.");
    }

    static String firstLine(Throwable e) {
        Throwable cause = e;
        while ((cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static void writeDetails(Path file, Throwable e) {
        try {
            Files.createDirectories(file.getParent());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString());
        } catch (IOException ignored) {
            // the one-line reason is still printed
        }
    }

    /** Credentials for this machine's local platform only: generated on first start and kept with its data. */
    private static Properties localCredentials(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return properties;
        }
        SecureRandom random = new SecureRandom();
        properties.setProperty("admin.client-id", "local-platform-admin");
        properties.setProperty("admin.client-secret", randomBase64Url(random, 32));
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        properties.setProperty("token.key-encryption-key", Base64.getEncoder().encodeToString(kek));
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Generated for this local platform only; never use these anywhere else.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String randomBase64Url(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static void progress(String message) {
        long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
        System.out.printf("[%3ds] %s%n", seconds, message);
    }
}
