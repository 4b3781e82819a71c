package org.partnerplatform.messaging.health;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.partnerplatform.messaging.topics.KafkaAdmins;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;

/**
 * Whether this pod reaches the Kafka brokers, asked every 15 s: in {@code /q/health} (as a wellness check, at
 * {@code /q/health/well}) and as {@code platform_kafka_broker_reachable} for the alert, but not in readiness. A pod
 * without the broker still answers REST: a sale is committed with its events in the outbox, which the relay sends
 * when the broker is back; taking every pod out of its Service for a broker outage would stop sales that work.
 */
@Wellness
@ApplicationScoped
public class KafkaReachability implements HealthCheck {
    private final Map<String, Object> kafka;
    private final AtomicInteger reachable = new AtomicInteger(1);
    private volatile String detail = "not asked yet";
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-reachability");
        t.setDaemon(true);
        return t;
    });
    private Admin admin;

    public KafkaReachability(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.kafka = kafka;
        Gauge.builder("platform.kafka.broker.reachable", reachable, AtomicInteger::get)
                .description("1 when this pod reached the Kafka brokers at the last check (every 15 s), else 0").register(registry);
    }

    void start(@Observes StartupEvent event) {
        thread.scheduleWithFixedDelay(this::check, 0, 15, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            // The call's own timeout, so that an unanswered one ends with it instead of piling up behind the next.
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(6, TimeUnit.SECONDS).size();
            detail = nodes + " broker(s)";
            reachable.set(nodes > 0 ? 1 : 0);
        } catch (Exception e) {
            detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            reachable.set(0);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Kafka brokers").status(reachable.get() == 1).withData("last check", detail).build();
    }

    private Admin admin() {
        if (admin == null) {
            admin = KafkaAdmins.create(kafka);
        }
        return admin;
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
