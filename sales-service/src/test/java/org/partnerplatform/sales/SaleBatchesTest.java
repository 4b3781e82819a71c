package org.partnerplatform.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerplatform.sales.SalesFixtures.agreement;
import static org.partnerplatform.sales.SalesFixtures.product;
import static org.partnerplatform.sales.SalesFixtures.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.TestOidcServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sale requests in bursts, decided many to a transaction: every request is answered once, each at its price, and a
 * key that comes twice in the same burst (the same body, or another) gets the first outcome or a refusal, never a
 * second order.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class SaleBatchesTest {
    static final AtomicLong PARTNERS = new AtomicLong(5_000_000 + (System.nanoTime() % 1000) * 1000);
    static final String DAY = "VYG:SalesPackage:Batch-Day";
    static final String WEEK = "VYG:SalesPackage:Batch-Week";
    static KafkaTestClient kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void catalog() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
        publish(kafka, product(DAY, "PUBLISHED", 1, new ProductPrice("ADULT", "112.00", "NOK")));
        publish(kafka, product(WEEK, "PUBLISHED", 1, new ProductPrice("ADULT", "336.00", "NOK")));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aBurstIsAnsweredOnceAtItsPriceAndAKeyTwiceInItMakesOneOrder() {
        long partner = PARTNERS.incrementAndGet();
        AgreementState deal = agreement(partner, "ACTIVE", List.of(DAY, WEEK), List.of("SELL"), List.of("STAGING"), 1);
        publish(kafka, deal);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from agreement_projection where id = $1", deal.id()) == 1
                && count("select count(*) from product_projection where id = any($1)", new String[] { DAY, WEEK }) == 2);
        String token = TestOidcServer.get().token("partner-" + partner, partner, "PARTNER");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String twice = "twice-" + run;
        String reused = "reused-" + run;

        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "burst-" + run + "-" + i;
            burst.add(request(partner, token, key, i % 3 == 0 ? WEEK : DAY, 1 + i % 2));
            if (i == 150) {
                burst.add(request(partner, token, twice, DAY, 1));
                burst.add(request(partner, token, twice, DAY, 1));
                burst.add(request(partner, token, reused, DAY, 1));
                burst.add(request(partner, token, reused, WEEK, 1));
            }
        }
        kafka.sendAll(burst);

        List<SaleResult> results = kafka.readUntil(Topics.salesResults(partner), r -> true, 304, Duration.ofSeconds(60)).stream()
                .map(r -> EventJson.read(r.value(), SaleResult.class)).toList();
        Map<String, List<SaleResult>> byKey = results.stream().collect(Collectors.groupingBy(SaleResult::idempotencyKey));
        assertThat(byKey).hasSize(302);
        for (int i = 0; i < 300; i++) {
            List<SaleResult> one = byKey.get("burst-" + run + "-" + i);
            assertThat(one).hasSize(1);
            assertThat(one.get(0).status()).isEqualTo("CONFIRMED");
            assertThat(one.get(0).totalAmount()).isEqualTo(i % 3 == 0 ? (i % 2 == 0 ? "336.00" : "672.00") : (i % 2 == 0 ? "112.00" : "224.00"));
        }
        assertThat(byKey.get(twice)).extracting(SaleResult::status).containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(byKey.get(twice)).extracting(SaleResult::replayed).containsExactly(false, true);
        assertThat(byKey.get(twice).stream().map(SaleResult::orderId).collect(Collectors.toSet())).hasSize(1);
        assertThat(byKey.get(reused)).extracting(SaleResult::status).containsExactly("CONFIRMED", "REJECTED");
        assertThat(byKey.get(reused).get(1).errorCode()).isEqualTo("idempotency-key-reused");
        assertThat(count("select count(*) from sales_order where organisation_id = $1", partner)).isEqualTo(302);
        assertThat(count("select count(distinct id) from sales_order where organisation_id = $1", partner)).isEqualTo(302);
        // Fewer transactions than orders: the burst was decided in batches (PostgreSQL's xmin of each order row).
        assertThat(count("select count(distinct xmin::text) from sales_order where organisation_id = $1", partner)).isLessThan(100);
        Set<String> keys = byKey.keySet();
        assertThat(count("select count(*) from idempotency_record where organisation_id = $1", partner)).isEqualTo(keys.size());
    }

    private static ProducerRecord<String, String> request(long partner, String token, String key, String product, int quantity) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.salesRequests(partner), key,
                EventJson.write(new SaleRequest(key, null, List.of(new SaleRequest.Line(product, "ADULT", quantity)), null)));
        record.headers().add("Authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
