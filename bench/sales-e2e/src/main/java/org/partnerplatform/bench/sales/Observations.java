package org.partnerplatform.bench.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What a run saw come back: each request's first result (and any repeat), each order's settlement event, the
 * latencies (microseconds, from each request's due time) and the amounts, for {@link RunCheck} to prove.
 * Each reader is one thread that alone writes its own fields; the run reads them after joining it.
 */
final class Observations {
    final Histogram toResult = new Histogram(3_600_000_000L, 3);
    final Histogram toSettlement = new Histogram(3_600_000_000L, 3);
    /** From the ledger entry's recordedAt to the event's arrival here: how far finance's events trail the ledger. */
    final Histogram settlementTrail = new Histogram(3_600_000_000L, 3);
    final AtomicIntegerArray results;
    final AtomicIntegerArray settlements;
    final String[] orderId;
    final BigDecimal[] total;
    final BigDecimal[] tax;
    final List<String> rejections = new ArrayList<>();
    final Set<String> entryIds = new HashSet<>();
    BigDecimal settledGross = BigDecimal.ZERO;
    BigDecimal settledVat = BigDecimal.ZERO;
    BigDecimal settledCommission = BigDecimal.ZERO;
    BigDecimal settledNet = BigDecimal.ZERO;
    /** The worst request→result latency (ms) of the requests due in each second since the run's start: where a tail comes from. */
    final int[] worstResultPerSecond = new int[7200];
    /** Settlement events per second since the run's start: the sustained rate. */
    final int[] settledPerSecond = new int[7200];
    volatile int answered;
    volatile int settled;
    volatile long lastResultNanos;
    volatile long lastSettlementNanos;
    private final LoadRun run;

    Observations(LoadRun run) {
        this.run = run;
        this.results = new AtomicIntegerArray(run.capacity);
        this.settlements = new AtomicIntegerArray(run.capacity);
        this.orderId = new String[run.capacity];
        this.total = new BigDecimal[run.capacity];
        this.tax = new BigDecimal[run.capacity];
    }

    int answered() {
        return answered;
    }

    int settled() {
        return settled;
    }

    Thread resultReader(Properties fixture, CountDownLatch positioned, AtomicBoolean stop, Semaphore window) {
        return new Thread(() -> read(fixture, run.resultTopics(), positioned, stop, record -> {
            int seq = run.seqOf(record.key());
            if (seq < 0 || results.incrementAndGet(seq) > 1) {
                return;
            }
            long now = System.nanoTime();
            long micros = Math.max(0, (now - run.due.get(seq)) / 1000);
            toResult.recordValue(micros);
            int dueSecond = (int) ((run.due.get(seq) - run.startNanos) / 1_000_000_000L);
            if (dueSecond >= 0 && dueSecond < worstResultPerSecond.length) {
                worstResultPerSecond[dueSecond] = (int) Math.max(worstResultPerSecond[dueSecond], micros / 1000);
            }
            Map<String, String> result = fields(record.value());
            if ("CONFIRMED".equals(result.get("status"))) {
                orderId[seq] = result.get("orderId");
                total[seq] = new BigDecimal(result.get("totalAmount"));
                tax[seq] = new BigDecimal(result.get("totalTaxAmount"));
            } else if (rejections.size() < 20) {
                rejections.add(record.key() + ": " + result.get("errorCode") + " " + result.get("errorDetail"));
            }
            lastResultNanos = now;
            answered++;
            if (window != null) {
                window.release();
            }
        }), "results-reader");
    }

    Thread settlementReader(Properties fixture, CountDownLatch positioned, AtomicBoolean stop) {
        return new Thread(() -> read(fixture, List.of("settlement.events"), positioned, stop, record -> {
            Header correlation = record.headers().lastHeader("X-Correlation-Id");
            int seq = correlation == null ? -1 : run.seqOf(new String(correlation.value(), StandardCharsets.UTF_8));
            if (seq < 0 || settlements.incrementAndGet(seq) > 1) {
                return;
            }
            long now = System.nanoTime();
            toSettlement.recordValue(Math.max(0, (now - run.due.get(seq)) / 1000));
            Map<String, String> entry = fields(record.value());
            Instant recorded = Instant.parse(entry.get("recordedAt"));
            settlementTrail.recordValue(Math.max(0, Duration.between(recorded, Instant.now()).toNanos() / 1000));
            entryIds.add(entry.get("entryId"));
            settledGross = settledGross.add(new BigDecimal(entry.get("grossAmount")));
            settledVat = settledVat.add(new BigDecimal(entry.get("vatAmount")));
            settledCommission = settledCommission.add(new BigDecimal(entry.get("commissionAmount")));
            settledNet = settledNet.add(new BigDecimal(entry.get("netToOperatorAmount")));
            int second = (int) ((now - run.startNanos) / 1_000_000_000L);
            if (second >= 0 && second < settledPerSecond.length) {
                settledPerSecond[second]++;
            }
            lastSettlementNanos = now;
            settled++;
        }), "settlement-reader");
    }

    private interface RecordHandler {
        void accept(ConsumerRecord<String, String> record);
    }

    /** Reads the topics from their current end (assigned, no group), until stopped. */
    private static void read(Properties fixture, List<String> topics, CountDownLatch positioned, AtomicBoolean stop, RecordHandler handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.getProperty("kafka.bootstrap"));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // As a partner's consumer would: fetches of up to 10 ms' worth (-Dbench.fetch-max-wait-ms), not one per record; the
        // results and settlement events are seen at most that much later than they could be.
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, System.getProperty("bench.fetch-max-wait-ms", "10"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    handler.accept(record);
                }
            }
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The top-level scalar fields of a JSON object (streamed, no tree: the reader keeps up with thousands a second). */
    private static Map<String, String> fields(String value) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a JSON object: " + value);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (token != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
        return fields;
    }
}
