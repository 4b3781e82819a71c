package org.partnerplatform.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Re-driving dead letters against a real broker: what goes back where, with which headers, and what stays. */
class DeadLetterRedriveTest {
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start(0, null, 1);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void deadLettersGoBackToTheirTopicWithTheirKeyValueAndHeadersButNotTheDeadLetterOnes() throws Exception {
        String topic = "orders-" + UUID.randomUUID();
        String dlq = topic + ".dlq";
        kafka.createTopics(1, topic, dlq);
        send(dlq, "order-1", "{\"n\":1}", Map.of("ce_id", "e-1", "ce_type", "Order.v1", "dead-letter-topic", topic,
                "dead-letter-reason", "a bug", "dead-letter-offset", "7"));
        send(dlq, "order-2", "{\"n\":2}", Map.of("ce_id", "e-2", "dead-letter-topic", topic, "dead-letter-reason", "a bug"));
        send(dlq, "orphan", "{}", Map.of("ce_id", "e-3"));

        DeadLetterRedrive.Result dry = new DeadLetterRedrive(client(), dlq, Set.of(), true, Duration.ofSeconds(2)).run(quiet());
        assertThat(dry.redriven()).isEqualTo(2);
        assertThat(read(topic, Duration.ofSeconds(2))).isEmpty();

        DeadLetterRedrive.Result onlyOne = new DeadLetterRedrive(client(), dlq, Set.of("order-2"), false, Duration.ofSeconds(2)).run(quiet());
        assertThat(onlyOne.redrivenPerTopic()).isEqualTo(Map.of(topic, 1));
        assertThat(onlyOne.skipped()).isEqualTo(2);
        DeadLetterRedrive.Result all = new DeadLetterRedrive(client(), dlq, Set.of(), false, Duration.ofSeconds(2)).run(quiet());
        assertThat(all.redriven()).isEqualTo(2);
        assertThat(all.skipped()).as("a record without its origin stays").isEqualTo(1);

        List<ConsumerRecord<String, String>> back = read(topic, Duration.ofSeconds(3));
        assertThat(back).extracting(ConsumerRecord::key).containsExactly("order-2", "order-1", "order-2");
        ConsumerRecord<String, String> first = back.get(1);
        assertThat(first.value()).isEqualTo("{\"n\":1}");
        assertThat(header(first, "ce_id")).isEqualTo("e-1");
        assertThat(header(first, "ce_type")).isEqualTo("Order.v1");
        assertThat(header(first, "redriven-from")).isEqualTo(dlq + "-0@0");
        assertThat(first.headers()).extracting(Header::key).noneMatch(key -> key.startsWith("dead-letter-"));
        // The dead letters stay where they were, for audit.
        assertThat(read(dlq, Duration.ofSeconds(2))).hasSize(3);
    }

    private static Properties client() throws Exception {
        return KafkaCli.clientProperties(kafka.bootstrapServers());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static List<ConsumerRecord<String, String>> read(String topic, Duration idle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant last = Instant.now();
            while (Instant.now().isBefore(last.plus(idle))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    last = Instant.now();
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
