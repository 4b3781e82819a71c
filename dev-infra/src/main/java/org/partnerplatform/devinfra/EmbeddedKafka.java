package org.partnerplatform.devinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM.
 * Its log directory may be kept between runs: the storage is formatted only when it is empty.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final int port;
    private final Path logDir;
    private final Properties props;
    private KafkaRaftServer server;

    private EmbeddedKafka(int port, Path logDir, Properties props) {
        this.port = port;
        this.logDir = logDir;
        this.props = props;
    }

    /** Starts a broker on the given port (0 for a free one) with its data in logDir (null for a temporary folder). */
    public static EmbeddedKafka start(int port, Path logDir, int defaultPartitions) {
        return start(port, logDir, defaultPartitions, true);
    }

    /** As {@link #start(int, Path, int)}; without autoCreateTopics a topic must be created before it is used, as in a cluster. */
    public static EmbeddedKafka start(int port, Path logDir, int defaultPartitions, boolean autoCreateTopics) {
        try {
            int brokerPort = port == 0 ? FreePorts.next() : port;
            int controllerPort = FreePorts.next();
            Path dir = logDir != null ? logDir : Files.createTempDirectory("kafka-");
            Files.createDirectories(dir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dir.toAbsolutePath().toString());
            props.put("num.partitions", Integer.toString(defaultPartitions));
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
            props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
            formatIfEmpty(dir, props);
            EmbeddedKafka kafka = new EmbeddedKafka(brokerPort, dir, props);
            kafka.startServer();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void startServer() {
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
    }

    /** Stops the broker, keeping its data, as an outage would; {@link #restart()} brings it back on the same ports. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private static void formatIfEmpty(Path dir, Properties props) throws IOException {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("kafka-server-", ".properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "embedded broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] { "format", "-t", "Q1bU3pRBSqGMGs3YfS0Cxg", "-c", config.toString(), "--ignore-formatted" },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (code != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (" + code + "): " + output);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("Kafka broker on port " + port + " not ready after " + timeout, last);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("creating topic " + entry.getKey() + " failed", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public void createTopics(int partitions, String... names) {
        createTopics(List.of(names).stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList());
    }

    public Set<String> topicNames() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
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
