package org.partnerplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No secret, token or password in any log line the system tests made the services write: every secret they came to
 * know ({@link IssuedSecrets}, the local platform's generated credentials) looked for as it is, and anything shaped
 * like a token or a credential looked for by pattern. Runs after the other system tests, in a failsafe execution of
 * its own (system-tests/pom.xml), over every service log under system-tests/target.
 */
class LogScan {
    private static final Path TARGET = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize()
            .resolve("system-tests/target");
    /** Shapes of secrets: JWS/JWT (access, ID and ticket tokens), bearer credentials, one-time invitation links, credentials in forms or JSON. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "a JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            "a bearer credential", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{16,}"),
            "an invitation token", Pattern.compile("invitations/[A-Za-z0-9_-]{20,}"),
            "a credential field", Pattern.compile("(?i)(client_secret|clientSecret|password|\"secret\")[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9._~+/-]{8,}"));

    @Test
    void noLogLineHoldsASecretATokenOrAPassword() throws IOException {
        Set<String> secrets = new HashSet<>(IssuedSecrets.all());
        List<Path> logs;
        try (Stream<Path> files = Files.walk(TARGET)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            all.stream().filter(p -> p.getFileName().toString().matches("local-credentials\\.properties|demo-data\\.properties"))
                    .forEach(p -> secrets.addAll(values(p)));
            // The services' logs (a logs folder of a platform's data); not Kafka's segment files, which end in .log too.
            logs = all.stream().filter(p -> p.toString().endsWith(".log") && p.getParent().getFileName().toString().equals("logs")).toList();
        }
        secrets.removeIf(s -> s.length() < 12); // too short to be a generated secret, and would match by chance
        assertThat(logs).as("service logs under " + TARGET + " (run the system tests first)").isNotEmpty();
        assertThat(secrets).as("secrets recorded by the system tests").isNotEmpty();

        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> content = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < content.size(); i++) {
                String line = content.get(i);
                lines++;
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        findings.add(TARGET.relativize(log) + ":" + (i + 1) + " holds a secret a test was given");
                    }
                }
                for (var shape : SHAPES.entrySet()) {
                    if (shape.getValue().matcher(line).find()) {
                        findings.add(TARGET.relativize(log) + ":" + (i + 1) + " holds " + shape.getKey());
                    }
                }
            }
        }
        System.out.printf("LogScan: %d lines in %d logs against %d secrets and %d shapes%n", lines, logs.size(), secrets.size(), SHAPES.size());
        assertThat(findings).isEmpty();
    }

    private static Set<String> values(Path properties) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> values = new HashSet<>();
        // Secrets and keys only: client ids and organisation ids are fine in logs.
        p.forEach((k, v) -> {
            if (k.toString().matches("(?i).*(secret|key).*")) {
                values.add(v.toString());
            }
        });
        return values;
    }
}
