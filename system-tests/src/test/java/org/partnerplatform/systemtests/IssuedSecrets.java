package org.partnerplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every secret the system tests come to know (client secrets, the admin's, passwords, second-factor secrets, the
 * key-encryption key), kept in a file under target so that {@link LogScan}, which runs after every other system test
 * in a JVM of its own, can look for each of them in every log line.
 */
final class IssuedSecrets {
    static final Path FILE = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize()
            .resolve("system-tests/target/issued-secrets.txt");

    private IssuedSecrets() {
    }

    static synchronized void record(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, secret.replace("\n", "") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> all() throws IOException {
        return Files.exists(FILE) ? new LinkedHashSet<>(Files.readAllLines(FILE, StandardCharsets.UTF_8)) : Set.of();
    }
}
