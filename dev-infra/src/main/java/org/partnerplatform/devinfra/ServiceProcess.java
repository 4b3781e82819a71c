package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process, configured through
 * environment variables as it would be in a container, with its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process started and not yet stopped, so that a launcher interrupted mid-start can stop them all. */
    private static final Set<ServiceProcess> LIVE = ConcurrentHashMap.newKeySet();
    /** Set by {@link #stopAll}: a launcher that is stopping starts nothing more (a Ctrl-C in the middle of a start). */
    private static boolean stopping;

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the services first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // On a developer's machine a service answers this machine only, unless the caller asks for another address.
        builder.environment().putIfAbsent("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            Files.createDirectories(log.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            synchronized (LIVE) {
                if (stopping) {
                    throw new IllegalStateException("stopping: " + name + " is not started");
                }
                ServiceProcess started = new ServiceProcess(name, port, builder.start(), log);
                LIVE.add(started);
                return started;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java launcher: PLATFORM_JAVA if set (to run services on another JDK), else the one running this JVM. */
    static String javaExecutable() {
        String configured = System.getenv("PLATFORM_JAVA");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits until /q/health/ready answers 200, failing early if the process dies. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log + "\n" + tail());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** The operating system's process id, for benchmarks that read its CPU time and memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops every process this JVM started and has not stopped yet, and starts no more. */
    public static void stopAll() {
        List<ServiceProcess> running;
        synchronized (LIVE) {
            stopping = true;
            running = List.copyOf(LIVE);
        }
        running.parallelStream().forEach(ServiceProcess::close);
    }

    /** SIGTERM, so that Quarkus shuts down gracefully; SIGKILL if it has not stopped in 20 seconds. */
    @Override
    public void close() {
        LIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: a crash, for tests that prove nothing accepted is lost. */
    public void kill() {
        LIVE.remove(this);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
