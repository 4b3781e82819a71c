package org.partnerplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutboxRelay;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.testapp.WidgetConsumer;
import org.partnerplatform.messaging.testapp.WidgetService;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class OutboxInboxDeadLetterTest {
    static KafkaTestClient kafka;

    @Inject
    WidgetService widgets;
    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    Pool pool;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    @Test
    void anEventCommittedWithItsChangeIsPublishedWithKeyAndCloudEventHeaders() {
        String id = "w-" + UUID.randomUUID();
        onVertx(() -> widgets.create(id, "test.published", false));

        ConsumerRecord<String, String> record = kafka.readUntil("test.published", r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(KafkaTestClient.header(record, "ce_specversion")).contains("1.0");
        assertThat(KafkaTestClient.header(record, "ce_type")).contains(EventType.CLIENT_REVOKED.ceType());
        assertThat(KafkaTestClient.header(record, "ce_source")).contains("/messaging-test");
        assertThat(KafkaTestClient.header(record, "ce_subject")).contains(id);
        assertThat(KafkaTestClient.header(record, "ce_id")).isPresent();
        assertThat(KafkaTestClient.header(record, "ce_time")).isPresent();
        assertThat(KafkaTestClient.header(record, "X-Correlation-Id")).contains("corr-" + id);
        assertThat(EventJson.read(record.value(), ClientRevoked.class).clientId()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from outbox where message_key = $1", id) == 0);
    }

    @Test
    void aRolledBackChangeLeavesNeitherRowNorEvent() {
        String id = "w-" + UUID.randomUUID();
        assertThatThrownBy(() -> onVertx(() -> widgets.create(id, "test.published", true)))
                .hasMessageContaining("boom");
        assertThat(count("select count(*) from widget where id = $1", id)).isZero();
        assertThat(count("select count(*) from outbox where message_key = $1", id)).isZero();
    }

    @Test
    void theOutboxRefusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> onVertx(() -> Panache.withSession(() -> outbox.add(OutgoingEvent.of("test.published", "k", new ClientRevoked("k", 42, Instant.now()))))))
                .hasMessageContaining("inside a transaction");
    }

    @Test
    void severalRelaysPublishEveryEventOnceAndEachKeyInOrder() throws Exception {
        String topic = "test.concurrent." + UUID.randomUUID();
        int keys = 20;
        int perKey = 25;
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        // Interleave keys across transactions so that relays race over the same keys.
        for (int seq = 0; seq < perKey; seq++) {
            int s = seq;
            onVertx(() -> Panache.withTransaction(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (int k = 0; k < keys; k++) {
                    String key = "key-" + k;
                    chain = chain.chain(() -> outbox.add(OutgoingEvent.of(topic, key, new ClientRevoked(key, 42, base.plusSeconds(s)))).replaceWithVoid());
                }
                return chain;
            }));
        }

        // Three more relay "replicas" beside the scheduled one, each on its own connection and transaction.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            replicas.add(CompletableFuture.runAsync(() -> {
                while (count("select count(*) from outbox where topic = $1", topic) > 0) {
                    relay.relayBatch().await().atMost(Duration.ofSeconds(20));
                }
            }, pool));
        }
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();

        List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, r -> true, keys * perKey, Duration.ofSeconds(30));
        Map<String, Long> perId = records.stream().collect(Collectors.groupingBy(r -> KafkaTestClient.header(r, "ce_id").orElseThrow(), Collectors.counting()));
        assertThat(perId).hasSize(keys * perKey);
        assertThat(perId.values()).allMatch(n -> n == 1);
        Map<String, List<Instant>> byKey = new HashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(EventJson.read(r.value(), ClientRevoked.class).revokedAt()));
        assertThat(byKey).hasSize(keys);
        byKey.forEach((key, times) -> assertThat(times).as(key).isSorted().hasSize(perKey));
    }

    @Test
    void aRecordTheBrokerRefusesIsRetriedLaterWhileOtherRecordsGoOn() {
        String run = UUID.randomUUID().toString();
        String blocked = "blocked-" + run;
        String free = "free-" + run;
        onVertx(() -> Panache.withTransaction(() -> outbox.add(OutgoingEvent.of("not a valid topic name!", blocked, new ClientRevoked(blocked, 42, Instant.now())))
                .chain(() -> outbox.add(OutgoingEvent.of("test.published", free, new ClientRevoked(free, 42, Instant.now()))))));

        kafka.readUntil("test.published", r -> free.equals(r.key()), 1, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "select count(*) from outbox where message_key = $1 and attempts > 0 and last_error is not null and next_attempt_at > now()",
                blocked) == 1);
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        String payload = EventJson.write(new ClientRevoked("repeat-" + id, 42, Instant.now()));
        kafka.sendCloudEvent("test.widgets", "repeat-" + id, id, EventType.CLIENT_REVOKED.ceType(), payload);
        kafka.sendCloudEvent("test.widgets", "repeat-" + id, id, EventType.CLIENT_REVOKED.ceType(), payload);
        String marker = UUID.randomUUID().toString();
        kafka.sendCloudEvent("test.widgets", "repeat-" + id, marker, EventType.CLIENT_REVOKED.ceType(), payload);

        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from widget_applied where event_id = $1", marker) == 1);
        assertThat(count("select count(*) from widget_applied where event_id = $1", id)).isEqualTo(1);
        assertThat(count("select count(*) from inbox where consumer = 'widget-applier' and event_id = $1", id)).isEqualTo(1);
    }

    @Test
    void recordsThatCannotBeProcessedGoToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        String run = UUID.randomUUID().toString();
        kafka.send("test.widgets", "bad-json-" + run, "{not json", "ce_specversion", "1.0", "ce_id", "bad-json-" + run,
                "ce_type", EventType.CLIENT_REVOKED.ceType(), "ce_source", "/test");
        kafka.send("test.widgets", "no-ce-" + run, "{}");
        kafka.sendCloudEvent("test.widgets", "schema-" + run, "schema-" + run, EventType.CLIENT_REVOKED.ceType(), "{\"clientId\":\"x\"}");
        String good = UUID.randomUUID().toString();
        kafka.sendCloudEvent("test.widgets", "good-" + run, good, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked("good-" + run, 42, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from widget_applied where event_id = $1", good) == 1);
        List<ConsumerRecord<String, String>> dead = kafka.readUntil("test.widgets.dlq", r -> r.key() != null && r.key().endsWith(run), 3, Duration.ofSeconds(20));
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> KafkaTestClient.header(r, "dead-letter-reason").orElse("")));
        assertThat(reasons.get("bad-json-" + run)).contains("is not JSON");
        assertThat(reasons.get("no-ce-" + run)).contains("no ce_id header");
        assertThat(reasons.get("schema-" + run)).contains("does not match its schema");
        assertThat(dead).allSatisfy(r -> {
            assertThat(KafkaTestClient.header(r, "dead-letter-topic")).contains("test.widgets");
            assertThat(KafkaTestClient.header(r, "dead-letter-offset")).isPresent();
        });
        assertThat(dead.stream().filter(r -> r.key().equals("bad-json-" + run)).findFirst().orElseThrow().value()).isEqualTo("{not json");
    }

    @Test
    void aDatabaseOutageLongerThanTheRetriesNeverDeadLettersAGoodRecord() {
        String run = UUID.randomUUID().toString();
        // max-attempts is 3 here: PostgreSQL drops the connection on the first 6 attempts at this event.
        String outage = UUID.randomUUID().toString();
        kafka.sendCloudEvent("test.widgets", "db-outage-" + run, outage, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked("db-outage-6-" + run, 42, Instant.now())));
        // A failure of the handler itself is still dead-lettered after its 3 attempts, and does not hold up the rest.
        String bug = UUID.randomUUID().toString();
        kafka.sendCloudEvent("test.widgets", "bug-" + run, bug, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked("bug-" + run, 42, Instant.now())));

        // The consumer kills its own connections, which the pool shares with this test: a probe may draw one of them
        // before the pool has noticed, and fails; it is asked again.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> count("select count(*) from widget_applied where event_id = $1", outage) == 1);
        assertThat(WidgetConsumer.attempts.get(outage)).isEqualTo(7);
        ConsumerRecord<String, String> dead = kafka.readUntil("test.widgets.dlq", r -> ("bug-" + run).equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).hasValueSatisfying(reason -> assertThat(reason).contains("a bug in the handler"));
        assertThat(WidgetConsumer.attempts.get(bug)).isEqualTo(3);
        assertThat(await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> count("select count(*) from widget_applied where event_id = $1", bug), n -> n >= 0)).isZero();
        assertThat(kafka.readAll("test.widgets.dlq", Duration.ofSeconds(2)).stream().map(ConsumerRecord::key)).doesNotContain("db-outage-" + run);
    }

    /** Hibernate Reactive runs on a Vert.x context; the test thread is not one. */
    private static <T> T onVertx(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
