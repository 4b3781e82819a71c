package org.partnerplatform.bench.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

import com.fasterxml.jackson.databind.JsonNode;

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
            JsonNode result = json(record.value());
            if ("CONFIRMED".equals(result.path("status").asText())) {
                orderId[seq] = result.path("orderId").asText();
                total[seq] = new BigDecimal(result.path("totalAmount").asText());
                tax[seq] = new BigDecimal(result.path("totalTaxAmount").asText());
            } else if (rejections.size() < 20) {
                rejections.add(record.key() + ": " + result.path("errorCode").asText() + " " + result.path("errorDetail").asText());
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
            JsonNode entry = json(record.value());
            Instant recorded = Instant.parse(entry.path("recordedAt").asText());
            settlementTrail.recordValue(Math.max(0, Duration.between(recorded, Instant.now()).toNanos() / 1000));
            entryIds.add(entry.path("entryId").asText());
            settledGross = settledGross.add(new BigDecimal(entry.path("grossAmount").asText()));
            settledVat = settledVat.add(new BigDecimal(entry.path("vatAmount").asText()));
            settledCommission = settledCommission.add(new BigDecimal(entry.path("commissionAmount").asText()));
            settledNet = settledNet.add(new BigDecimal(entry.path("netToOperatorAmount").asText()));
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
        // As a partner's consumer would: fetches of up to 5 ms' worth (-Dbench.fetch-max-wait-ms) rather than one per record.
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, System.getProperty("bench.fetch-max-wait-ms", "5"));
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

    private static JsonNode json(String value) {
        try {
            return Api.JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }
}
