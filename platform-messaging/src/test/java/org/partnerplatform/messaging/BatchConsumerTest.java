package org.partnerplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.testapp.WidgetBatchConsumer;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Batches as mechanism (BatchConsumer through IdempotentConsumer.processBatch), against the real broker and
 * database: many events to a transaction, each once, each key in order; a poison record costs only itself; a
 * database outage never dead-letters a good record.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class BatchConsumerTest {
    static final String TOPIC = "test.widget-batches";
    static KafkaTestClient kafka;

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
    void aBurstIsAppliedManyEventsToATransactionEachOnceAndEachKeyInOrder() {
        String run = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 10; k++) {
                burst.add(event(run + "-key-" + k, run + "-" + k + "-" + i));
            }
        }
        kafka.sendAll(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from widget_batch_applied where client_id like $1", run + "%") == 500);
        long transactions = count("select count(distinct tx) from widget_batch_applied where client_id like $1", run + "%");
        assertThat(transactions).as("transactions for 500 events").isLessThan(100);
        assertKeysInOrder(run, 10, 50);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndEveryOtherRecordOfItsBatchIsApplied() {
        String run = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k < 4; k++) {
                burst.add(event(run + "-key-" + k, run + "-" + k + "-" + i));
            }
            if (i == 20) {
                burst.add(event(run + "-key-0", "bug-" + run));
                burst.add(KafkaTestClient.cloudEvent(TOPIC, run + "-key-1", "schema-" + run, EventType.CLIENT_REVOKED.ceType(), "{\"clientId\":\"x\"}"));
            }
        }
        kafka.sendAll(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from widget_batch_applied where client_id like $1", run + "%") == 160);
        List<ConsumerRecord<String, String>> dead = kafka.readUntil(TOPIC + ".dlq", r -> r.key() != null && r.key().startsWith(run), 2, Duration.ofSeconds(20));
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(r -> KafkaTestClient.header(r, "ce_id").orElseThrow(),
                r -> KafkaTestClient.header(r, "dead-letter-reason").orElse("")));
        assertThat(reasons).hasSize(2);
        assertThat(reasons.values()).anySatisfy(reason -> assertThat(reason).contains("a bug in the handler"));
        assertThat(reasons.get("schema-" + run)).contains("does not match its schema");
        assertThat(count("select count(*) from widget_batch_applied where client_id = $1", "bug-" + run)).isZero();
        assertKeysInOrder(run, 4, 40);
    }

    /**
     * A backlog (as after a restart) arrives as batches of thousands of records, each applied without I/O of its own:
     * they must not be a chain of thousands of nested Unis, which ran out of stack and left the batch hanging.
     */
    @Test
    void aBacklogOfThousandsOfRecordsInOneBatchIsApplied() {
        String run = UUID.randomUUID().toString();
        // This one holds the consumer (the database fails its first 5 attempts) while the backlog piles up behind it.
        kafka.sendAll(List.of(KafkaTestClient.cloudEvent(TOPIC, run + "-hold", "hold-" + run, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked("db-outage-5-" + run, 42, Instant.now())))));
        List<ProducerRecord<String, String>> backlog = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            backlog.add(event(run + "-key-" + (i % 8), run + "-" + (i % 8) + "-" + (i / 8)));
        }
        kafka.sendAll(backlog);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> count("select count(*) from widget_batch_applied where client_id like $1", run + "-%") == 4000);
        long largest = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> count(
                "select max(n) from (select count(*) as n from widget_batch_applied where client_id like $1 group by tx) t", run + "-%"), n -> true);
        assertThat(largest).as("the largest batch's records").isGreaterThan(1000);
    }

    @Test
    void theSameEventTwiceInABatchIsAppliedOnce() {
        String run = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String payload = EventJson.write(new ClientRevoked(run + "-twice", 42, Instant.now()));
        kafka.sendAll(List.of(KafkaTestClient.cloudEvent(TOPIC, run, id, EventType.CLIENT_REVOKED.ceType(), payload),
                KafkaTestClient.cloudEvent(TOPIC, run, id, EventType.CLIENT_REVOKED.ceType(), payload),
                event(run, run + "-marker")));
        kafka.sendCloudEvent(TOPIC, run, id, EventType.CLIENT_REVOKED.ceType(), payload);
        kafka.sendAll(List.of(event(run, run + "-last")));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from widget_batch_applied where client_id = $1", run + "-last") == 1);
        assertThat(count("select count(*) from widget_batch_applied where event_id = $1", id)).isEqualTo(1);
        assertThat(count("select count(*) from inbox where consumer = 'widget-batch-applier' and event_id = $1", id)).isEqualTo(1);
    }

    @Test
    void aDatabaseOutageInTheMiddleOfABatchRetriesItAndDeadLettersNothing() {
        String run = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(event(run + "-key", run + "-0-" + i));
            if (i == 10) {
                // max-attempts is 3 here: the database drops the connection on the first 5 attempts at this event.
                burst.add(KafkaTestClient.cloudEvent(TOPIC, run + "-key", "outage-" + run, EventType.CLIENT_REVOKED.ceType(),
                        EventJson.write(new ClientRevoked("db-outage-5-" + run, 42, Instant.now()))));
            }
        }
        kafka.sendAll(burst);

        // The consumer kills its own connections, which the pool shares with this test: a probe that draws one of them
        // before the pool has noticed fails, and is asked again.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> count("select count(*) from widget_batch_applied where event_key = $1", run + "-key") == 21);
        assertThat(WidgetBatchConsumer.attempts.get("outage-" + run)).isEqualTo(6);
        assertThat(kafka.readAll(TOPIC + ".dlq", Duration.ofSeconds(2)).stream().map(ConsumerRecord::key)).doesNotContain(run + "-key");
        List<String> order = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> pool
                .preparedQuery("select client_id from widget_batch_applied where event_key = $1 order by seq")
                .execute(Tuple.of(run + "-key")).await().atMost(Duration.ofSeconds(10)).stream().map(r -> r.getString(0)).toList(), rows -> true);
        assertThat(order.indexOf("db-outage-5-" + run)).isEqualTo(11);
    }

    private static ProducerRecord<String, String> event(String key, String clientId) {
        return KafkaTestClient.cloudEvent(TOPIC, key, UUID.randomUUID().toString(), EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked(clientId, 42, Instant.now())));
    }

    /** Each key's events were applied in the order they were sent: run-k-0, run-k-1, ... */
    private void assertKeysInOrder(String run, int keys, int perKey) {
        for (int k = 0; k < keys; k++) {
            List<String> applied = new ArrayList<>();
            for (Row row : pool.preparedQuery("select client_id from widget_batch_applied where event_key = $1 and client_id like $2 order by seq")
                    .execute(Tuple.of(run + "-key-" + k, run + "%")).await().atMost(Duration.ofSeconds(10))) {
                applied.add(row.getString(0));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(run + "-" + k + "-" + i);
            }
            assertThat(applied).as("key " + k).isEqualTo(expected);
        }
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
