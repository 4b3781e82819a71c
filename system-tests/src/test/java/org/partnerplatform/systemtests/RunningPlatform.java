package org.partnerplatform.systemtests;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.partnerplatform.devinfra.Platform;

/**
 * One platform for all system tests of the JVM: a broker, PostgreSQL and the four packaged services as processes,
 * on free ports, with data and logs under target/system-tests. Stopped when the JVM exits.
 */
final class RunningPlatform {
    static final String ADMIN_CLIENT_ID = "system-test-admin";
    static final String ADMIN_CLIENT_SECRET = random(32);
    static final String AUDIENCE = "https://api.staging.partnerplatform.local";
    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path repository = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize();
            Path data = repository.resolve("system-tests/target/system-tests");
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            Platform.Settings settings = new Platform.Settings(repository, data, true, Platform.Ports.free(), "STAGING", AUDIENCE,
                    ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, Base64.getEncoder().encodeToString(kek),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of(),
                    message -> System.out.println("[platform] " + message));
            IssuedSecrets.record(ADMIN_CLIENT_SECRET);
            IssuedSecrets.record(settings.keyEncryptionKey());
            IssuedSecrets.record(Platform.PORTAL_CLIENT_SECRET);
            IssuedSecrets.record(PortalPersons.PASSWORD);
            platform = Platform.start(settings);
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-stop"));
        }
        return platform;
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
