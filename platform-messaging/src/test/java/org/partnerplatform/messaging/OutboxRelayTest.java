package org.partnerplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.outbox.OutboxRelay;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The relay keeps each key's order without sending one row per key per round, and a refused row holds back only its key. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class OutboxRelayTest {
    /** Rows of ClientRevoked for one topic and key, written as a busy service writes them: 'c-1', 'c-2', ... in position order. */
    private static final String BACKLOG = """
            insert into outbox (event_id, topic, message_key, event_type, event_source, event_subject, event_time, payload)
            select gen_random_uuid(), $1, $2, $3, '/messaging-test', $2, now(),
                   json_build_object('clientId', $4::text || g, 'organisationId', 42, 'revokedAt', '2026-12-01T00:00:00Z')::text
              from generate_series(1, $5) g""";
    static KafkaTestClient kafka;

    @Inject
    OutboxRelay relay;
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
    void oneKeysBacklogOfTenThousandRowsGoesOutInFullRoundsInKeyOrder() {
        String topic = "test.hot-key." + UUID.randomUUID();
        SharedInfrastructure.kafka().createTopics(3, topic);
        long roundsBefore = relay.publishingRounds();
        long start = System.nanoTime();
        execute(BACKLOG, Tuple.of(topic, "the-one-partner", EventType.CLIENT_REVOKED.ceType(), "c-", 10_000));

        List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, r -> true, 10_000, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("one key, 10,000 rows: relayed in %.2f s (%.0f rows/s) in %d rounds%n", seconds, 10_000 / seconds,
                relay.publishingRounds() - roundsBefore);

        assertThat(records).hasSize(10_000);
        for (int i = 0; i < records.size(); i++) {
            assertThat(EventJson.read(records.get(i).value(), ClientRevoked.class).clientId()).isEqualTo("c-" + (i + 1));
        }
        // Head-of-key selection took one round per row (10,000); full rounds of 500 take 20 (a round may end early once).
        assertThat(relay.publishingRounds() - roundsBefore).isLessThanOrEqualTo(10_000 / 500 + 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from outbox where topic = $1", topic) == 0);
    }

    @Test
    void aRowTheBrokerRefusesHoldsBackTheLaterRowsOfItsKeyAndNoOtherKey() {
        String topic = "test.refused." + UUID.randomUUID();
        SharedInfrastructure.kafka().createTopics(1, topic);
        // Larger than the producer's max.request.size (1 MB): refused before it reaches the broker, every time.
        String huge = EventJson.write(new ClientRevoked("x".repeat(2_000_000), 42, java.time.Instant.now()));
        execute("""
                insert into outbox (event_id, topic, message_key, event_type, event_source, event_time, payload)
                values (gen_random_uuid(), $1, 'held', $2, '/messaging-test', now(), $3)""", Tuple.of(topic, EventType.CLIENT_REVOKED.ceType(), huge));
        execute(BACKLOG, Tuple.of(topic, "held", EventType.CLIENT_REVOKED.ceType(), "behind-", 3));
        execute(BACKLOG, Tuple.of(topic, "free", EventType.CLIENT_REVOKED.ceType(), "free-", 3));

        kafka.readUntil(topic, r -> "free".equals(r.key()), 3, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from outbox where topic = $1 and message_key = 'free'", topic) == 0);
        // The refused row waits with back-off; the three behind it stay in the outbox, whether or not a round sent them.
        assertThat(count("select count(*) from outbox where topic = $1 and message_key = 'held' and attempts > 0 and next_attempt_at > now() "
                + "and last_error like '%RecordTooLarge%'", topic)).isEqualTo(1);
        assertThat(count("select count(*) from outbox where topic = $1 and message_key = 'held' and attempts = 0", topic)).isEqualTo(3);
        execute("delete from outbox where topic = $1", Tuple.of(topic));
    }

    private void execute(String sql, Tuple parameters) {
        pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(30));
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
