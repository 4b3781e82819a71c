package org.partnerplatform.devinfra;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters back to the topic they came from, once the cause is mended (a fixed bug, a created product):
 * each record of {@code <topic>.dlq} goes to the topic named by its {@code dead-letter-topic} header with its key,
 * value and headers as they were, without the {@code dead-letter-*} headers and with {@code redriven-from}
 * (dead-letter topic, partition and offset). Consumers skip what they have already applied (the inbox, by event id;
 * sale requests by idempotency key), so re-driving the same dead letters twice is harmless.
 * <p>
 * Reads the dead-letter topic from its beginning with a fresh consumer group and stops when it has been idle for the
 * timeout; it never commits offsets or deletes anything, so the dead letters stay for audit.
 */
public final class DeadLetterRedrive {
    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    static final String ORIGINAL_TOPIC_HEADER = "dead-letter-topic";
    static final String REDRIVEN_FROM_HEADER = "redriven-from";

    private final Properties client;
    private final String deadLetterTopic;
    private final Set<String> keys;
    private final boolean dryRun;
    private final Duration idle;

    public DeadLetterRedrive(Properties client, String deadLetterTopic, Set<String> keys, boolean dryRun, Duration idle) {
        this.client = client;
        this.deadLetterTopic = deadLetterTopic;
        this.keys = Set.copyOf(keys);
        this.dryRun = dryRun;
        this.idle = idle;
    }

    /** {@code redrive DLQ_TOPIC [--key KEY]... [--dry-run] [--timeout SECONDS]}. */
    static DeadLetterRedrive fromArguments(Properties client, String[] args) {
        Set<String> keys = new HashSet<>();
        boolean dryRun = false;
        Duration idle = Duration.ofSeconds(5);
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keys.add(args[++i]);
                case "--dry-run" -> dryRun = true;
                case "--timeout" -> idle = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!args[1].endsWith(".dlq")) {
            throw new IllegalArgumentException(args[1] + " is not a dead-letter topic (<topic>.dlq)");
        }
        return new DeadLetterRedrive(client, args[1], keys, dryRun, idle);
    }

    /** What a run did: records sent back per topic, and records left where they are (another key, no origin). */
    public record Result(Map<String, Integer> redrivenPerTopic, int skipped, boolean dryRun) {
        public int redriven() {
            return redrivenPerTopic.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return (dryRun ? "would re-drive " : "re-drove ") + redriven() + " dead letters " + redrivenPerTopic + ", left " + skipped;
        }
    }

    public Result run(PrintStream log) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll();
        Map<String, Integer> perTopic = new TreeMap<>();
        int skipped = 0;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
            for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
                String key = deadLetter.key() == null ? null : new String(deadLetter.key(), StandardCharsets.UTF_8);
                Header origin = deadLetter.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
                if (!keys.isEmpty() && !keys.contains(key) || origin == null) {
                    skipped++;
                    continue;
                }
                String topic = new String(origin.value(), StandardCharsets.UTF_8);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, deadLetter.key(), deadLetter.value());
                for (Header header : deadLetter.headers()) {
                    if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX) && !header.key().equals(REDRIVEN_FROM_HEADER)) {
                        record.headers().add(header);
                    }
                }
                record.headers().add(REDRIVEN_FROM_HEADER, (deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset())
                        .getBytes(StandardCharsets.UTF_8));
                log.printf("%s %s-%d@%d key=%s -> %s%n", dryRun ? "would re-drive" : "re-driving", deadLetter.topic(), deadLetter.partition(),
                        deadLetter.offset(), key, topic);
                if (producer != null) {
                    sent.add(producer.send(record));
                }
                perTopic.merge(topic, 1, Integer::sum);
            }
            for (Future<RecordMetadata> send : sent) {
                send.get();
            }
        }
        return new Result(perTopic, skipped, dryRun);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll() {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-redrive-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(deadLetterTopic));
            Instant last = Instant.now();
            while (Instant.now().isBefore(last.plus(idle))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    records.add(record);
                    last = Instant.now();
                }
            }
        }
        return records;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
