package org.partnerplatform.bench.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One measured run over Kafka, as a partner system drives it: sale requests on each partner's
 * {@code sales.requests.<id>} with its token on the record, answers read from {@code sales.results.<id>}, and the
 * settlement events finance reads from {@code settlement.events}.
 * <ul>
 * <li>open loop: request i is due at start + i / rate and its latency counts from that due time, however late it was
 * sent, so a slow system cannot hide its queue (no coordinated omission);</li>
 * <li>closed loop: at most {@code inFlight} requests unanswered; each answer lets the next request go: the maximum
 * rate.</li>
 * </ul>
 */
final class LoadRun {
    enum Mode { OPEN, CLOSED }

    record Settings(String name, Mode mode, double rate, Duration duration, int inFlight, Duration quietTimeout) {
    }

    final Settings settings;
    final Population population;
    final int capacity;
    final AtomicLongArray due;
    final BigDecimal[] expectedTotal;
    final long[] partnerOf;
    final Observations observations;
    private final Properties fixture;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger sendFailures = new AtomicInteger();
    volatile long startNanos;
    volatile long lastSendNanos;
    volatile Instant startWall;

    LoadRun(Settings settings, Population population, Properties fixture) {
        this.settings = settings;
        this.population = population;
        this.fixture = fixture;
        double perSecond = settings.mode() == Mode.OPEN ? settings.rate() : 20_000;
        this.capacity = (int) Math.ceil(perSecond * settings.duration().toMillis() / 1000.0) + 1;
        this.due = new AtomicLongArray(capacity);
        this.expectedTotal = new BigDecimal[capacity];
        this.partnerOf = new long[capacity];
        this.observations = new Observations(this);
    }

    String key(int seq) {
        return settings.name() + "." + seq;
    }

    /** The sequence number in a key of this run, or -1 for another run's. */
    int seqOf(String key) {
        if (key == null || !key.startsWith(settings.name()) || key.length() <= settings.name().length() + 1
                || key.charAt(settings.name().length()) != '.') {
            return -1;
        }
        try {
            int seq = Integer.parseInt(key, settings.name().length() + 1, key.length(), 10);
            return seq < capacity ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int sent() {
        return sent.get();
    }

    int sendFailures() {
        return sendFailures.get();
    }

    /** Sends for the run's duration, then waits until every answer and settlement event is in (or nothing moves). */
    void execute() throws InterruptedException {
        Semaphore window = new Semaphore(settings.mode() == Mode.CLOSED ? settings.inFlight() : Integer.MAX_VALUE);
        CountDownLatch positioned = new CountDownLatch(2);
        AtomicBoolean stop = new AtomicBoolean();
        Thread results = observations.resultReader(fixture, positioned, stop, settings.mode() == Mode.CLOSED ? window : null);
        Thread settlements = observations.settlementReader(fixture, positioned, stop);
        results.start();
        settlements.start();
        positioned.await();
        try (KafkaProducer<String, String> producer = producer()) {
            // Metadata for every partner's topic before the first due time, as a long-running partner system has it.
            population.partners.forEach(p -> producer.partitionsFor("sales.requests." + p.id()));
            send(producer, window);
        }
        awaitDrained();
        stop.set(true);
        results.join();
        settlements.join();
    }

    private void send(KafkaProducer<String, String> producer, Semaphore window) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(settings.name().hashCode());
        long start = System.nanoTime() + 50_000_000L;
        startNanos = start;
        startWall = Instant.now().plusMillis(50);
        long end = start + settings.duration().toNanos();
        double period = settings.mode() == Mode.OPEN ? 1e9 / settings.rate() : 0;
        for (int seq = 0; seq < capacity; seq++) {
            long at;
            if (settings.mode() == Mode.OPEN) {
                at = start + (long) (seq * period);
                if (at >= end) {
                    break;
                }
                long now;
                while ((now = System.nanoTime()) < at) {
                    LockSupport.parkNanos(at - now);
                }
            } else {
                window.acquire();
                at = System.nanoTime();
                if (at >= end) {
                    break;
                }
            }
            String key = key(seq);
            Population.Request request = population.next(random, key, settings.name());
            expectedTotal[seq] = request.expectedTotal();
            partnerOf[seq] = request.partner().id();
            due.set(seq, at);
            RecordHeaders headers = new RecordHeaders();
            headers.add("Authorization", ("Bearer " + request.partner().token()).getBytes(StandardCharsets.US_ASCII));
            producer.send(new ProducerRecord<>("sales.requests." + request.partner().id(), null, key, request.json(), headers),
                    (metadata, failure) -> {
                        if (failure != null) {
                            sendFailures.incrementAndGet();
                        }
                    });
            sent.incrementAndGet();
            lastSendNanos = System.nanoTime();
        }
    }

    private void awaitDrained() throws InterruptedException {
        long quiet = settings.quietTimeout().toNanos();
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (observations.settled() < sent.get() || observations.answered() < sent.get()) {
            long now = observations.answered() + observations.settled();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > quiet) {
                return;
            }
            Thread.sleep(20);
        }
        // A little longer, to catch duplicates that arrive after the last first delivery.
        Thread.sleep(1000);
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.getProperty("kafka.bootstrap"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A partner system's producer batches: up to 5 ms (counted in every latency, which runs from the due time).
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** The topics this run touches: every partner's request and result topic. */
    List<String> resultTopics() {
        List<String> topics = new ArrayList<>();
        population.partners.forEach(p -> topics.add("sales.results." + p.id()));
        return topics;
    }
}
