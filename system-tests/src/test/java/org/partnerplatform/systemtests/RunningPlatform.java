package org.partnerplatform.systemtests;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.partnerplatform.devinfra.Platform;

/**
 * One platform for all system tests of the JVM: a broker, PostgreSQL and the four packaged services as processes,
 * on free ports, with data and logs under target/system-tests, exporting their traces to an in-test collector
 * ({@link OtlpReceiver}). Stopped when the JVM exits.
 */
final class RunningPlatform {
    static final String ADMIN_CLIENT_ID = "system-test-admin";
    static final String ADMIN_CLIENT_SECRET = random(32);
    static final String AUDIENCE = "https://api.staging.partnerplatform.local";
    private static Platform platform;
    private static OtlpReceiver traces;
    private static Path logs;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path repository = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize();
            Path data = repository.resolve("system-tests/target/system-tests");
            logs = data.resolve("logs");
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            traces = OtlpReceiver.start();
            // Every service exports its spans to the test's collector (soon after they end) and logs each record
            // it applies (DEBUG), as an operator would turn on to follow one request.
            Map<String, String> environment = Map.of("PLATFORM_TRACING_OTLP_ENDPOINT", traces.endpoint(),
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                    "QUARKUS_LOG_CATEGORY__ORG_PARTNERPLATFORM_MESSAGING_INCOMING__LEVEL", "DEBUG");
            Platform.Settings settings = new Platform.Settings(repository, data, true, Platform.Ports.free(), "STAGING", AUDIENCE,
                    ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, Base64.getEncoder().encodeToString(kek),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), environment,
                    message -> System.out.println("[platform] " + message));
            IssuedSecrets.record(ADMIN_CLIENT_SECRET);
            IssuedSecrets.record(settings.keyEncryptionKey());
            IssuedSecrets.record(Platform.PORTAL_CLIENT_SECRET);
            IssuedSecrets.record(PortalPersons.PASSWORD);
            platform = Platform.start(settings);
            Platform started = platform;
            OtlpReceiver receiver = traces;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                receiver.close();
            }, "platform-stop"));
        }
        return platform;
    }

    /** The collector the platform's services export their spans to. */
    static OtlpReceiver traces() {
        get();
        return traces;
    }

    /** A service's log file (its console output). */
    static Path log(Platform.Service service) {
        get();
        return logs.resolve(service.module + ".log");
    }

    static String url(Platform.Service service) {
        return get().url(service);
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
