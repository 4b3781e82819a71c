package org.partnerplatform.deploychecks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The repository's files. Surefire runs in deploy-checks/; the root is the first parent that has deploy/base. */
final class Repo {
    static final Path ROOT = findRoot();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(String relative) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path(relative))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/base/kustomization.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a parent with deploy/base/kustomization.yaml) above "
                + Path.of("").toAbsolutePath());
    }
}
