package org.partnerplatform.devinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A small Kafka client for trying the platform by hand, as a partner would (./kafka.sh):
 *
 * <pre>
 * produce TOPIC KEY [-H name=value]...     the record's value is read from standard input
 * consume TOPIC [--timeout SECONDS]        prints every record from the beginning, then exits when idle
 * redrive DLQ_TOPIC [--key KEY]... [--dry-run] [--timeout SECONDS]
 *                                          sends dead letters back to the topic they came from (docs/operations.md)
 * </pre>
 *
 * The broker is KAFKA_BOOTSTRAP_SERVERS, default 127.0.0.1:9092 (the local platform's); KAFKA_CLIENT_PROPERTIES
 * names a file of further client settings (TLS, SASL) for a real cluster.
 */
public final class KafkaCli {
    private KafkaCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: kafka.sh produce TOPIC KEY [-H name=value]... < value\n       kafka.sh consume TOPIC [--timeout SECONDS]\n"
                    + "       kafka.sh redrive DLQ_TOPIC [--key KEY]... [--dry-run] [--timeout SECONDS]");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        switch (args[0]) {
            case "produce" -> produce(bootstrap, args);
            case "consume" -> consume(bootstrap, args);
            case "redrive" -> {
                DeadLetterRedrive redrive;
                try {
                    redrive = DeadLetterRedrive.fromArguments(clientProperties(bootstrap), args);
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    System.err.println("redrive: " + e.getMessage());
                    System.exit(2);
                    return;
                }
                System.out.println(redrive.run(System.out));
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void produce(String bootstrap, String[] args) throws Exception {
        String topic = args[1];
        String key = args.length > 2 ? args[2] : null;
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, readStdin());
        for (int i = 3; i + 1 < args.length; i += 2) {
            if (!args[i].equals("-H") || !args[i + 1].contains("=")) {
                throw new IllegalArgumentException("headers are given as -H name=value");
            }
            String[] header = args[i + 1].split("=", 2);
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        Properties props = clientProperties(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            RecordMetadata sent = producer.send(record).get();
            System.out.println("sent to " + sent.topic() + "-" + sent.partition() + "@" + sent.offset());
        }
    }

    private static void consume(String bootstrap, String[] args) throws IOException {
        String topic = args[1];
        Duration idle = Duration.ofSeconds(args.length > 3 && args[2].equals("--timeout") ? Long.parseLong(args[3]) : 5);
        Properties props = clientProperties(bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-cli-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant lastRecord = Instant.now();
            while (Instant.now().isBefore(lastRecord.plus(idle))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    lastRecord = Instant.now();
                    List<String> headers = new ArrayList<>();
                    for (Header header : record.headers()) {
                        String value = new String(header.value(), StandardCharsets.UTF_8);
                        headers.add(header.key() + "=" + (header.key().equalsIgnoreCase("Authorization") ? "(hidden)" : value));
                    }
                    System.out.printf("%s-%d@%d key=%s %s%n  %s%n", record.topic(), record.partition(), record.offset(), record.key(), headers,
                            record.value());
                }
            }
        }
    }

    /** The broker, and the settings of KAFKA_CLIENT_PROPERTIES (security.protocol, sasl.*, ssl.*) when it names a file. */
    static Properties clientProperties(String bootstrap) throws IOException {
        Properties props = new Properties();
        String file = System.getenv("KAFKA_CLIENT_PROPERTIES");
        if (file != null && !file.isBlank()) {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
                props.load(in);
            }
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private static String readStdin() throws IOException {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
