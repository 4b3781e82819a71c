package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.ready;
import static org.partnerplatform.catalog.Fixtures.today;
import static org.partnerplatform.catalog.Fixtures.transition;
import static org.partnerplatform.catalog.Fixtures.unready;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.catalog.rest.AgreementView;
import org.partnerplatform.catalog.rest.ProductView;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.LocalizedText;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A new consumer that reads catalog.products and catalog.agreements from the beginning, keeping the last record of
 * each key (what a compacted topic keeps), holds exactly the state the API shows: every product and agreement in
 * the service's database, versions included, after updates, withdrawals, scheduled prices and agreement
 * transitions. And the topics are compacted, so that this stays true after the retention time.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogRebuildTest {
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    @Test
    void aConsumerReadingTheTopicsFromTheBeginningRebuildsExactlyWhatTheApiShows() {
        changeAFewThings();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, ProductState> products = rebuild(Topics.CATALOG_PRODUCTS, ProductState.class, ProductState::id);
            assertThat(products).isEqualTo(apiProducts());
            Map<String, AgreementState> agreements = rebuild(Topics.CATALOG_AGREEMENTS, AgreementState.class, AgreementState::id);
            assertThat(agreements).isEqualTo(apiAgreements());
        });
    }

    @Test
    void theStateTopicsAreCompacted() throws Exception {
        try (Admin admin = SharedInfrastructure.kafka().admin()) {
            for (String topic : List.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource);
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
            }
        }
    }

    /** Products created, replaced, published, withdrawn and published again, a price scheduled; agreements through their lifecycle. */
    private static void changeAFewThings() {
        Operator operator = newOperator();
        String standard = operator.publishedProduct("Standard");
        String flex = operator.draftProduct("Flex");
        String night = operator.publishedProduct("Night");
        Map<String, Object> update = operator.product("Standard", "449.00");
        update.put("name", Map.of("nb", "Standardbillett"));
        update.put("version", 1);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(update).put("/v1/admin/products/{id}", standard).then().statusCode(200);
        Fixtures.withdraw(night);
        Fixtures.publish(night);
        Fixtures.withdraw(flex);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", today().plusDays(30).toString(), "prices", List.of(Map.of("userProfile", "ADULT", "amount", "479.00"))))
                .post("/v1/admin/products/{id}/price-changes", standard).then().statusCode(200);

        long partner = newOrganisation();
        String listed = agreement(partner, operator).products(standard, night).commission(650).sellable();
        ready(listed, "PRODUCTION").statusCode(200);
        transition(listed, "suspend").statusCode(200);
        transition(listed, "resume").statusCode(200);
        unready(listed, "PRODUCTION").statusCode(200);
        String all = agreement(newOrganisation(), operator).allProducts().sellable();
        transition(all, "terminate").statusCode(200);
        agreement(newOrganisation(), operator).products(standard).draft();
    }

    /** The last state of every key, reading the whole topic as a new consumer does. */
    private static <T> Map<String, T> rebuild(String topic, Class<T> type, Function<T, String> id) {
        Map<String, T> projection = new TreeMap<>();
        for (ConsumerRecord<String, String> record : kafka.readAll(topic, Duration.ofSeconds(20))) {
            T state = EventJson.read(record.value(), type);
            assertThat(id.apply(state)).as("record key").isEqualTo(record.key());
            projection.put(record.key(), state);
        }
        return projection;
    }

    private static Map<String, ProductState> apiProducts() throws Exception {
        String json = given().auth().oauth2(admin()).get("/v1/admin/products").then().statusCode(200).extract().asString();
        Map<String, ProductState> states = new LinkedHashMap<>();
        for (ProductView v : EventJson.mapper().readValue(json, new TypeReference<List<ProductView>>() {
        })) {
            states.put(v.id(), new ProductState(v.id(), v.operatorOrganisationId(), v.codespace(), new LocalizedText(v.name().nb(), v.name().en()),
                    v.status(), v.version(), v.vatGroup(), v.vatRate(),
                    v.prices().stream().map(p -> new ProductPrice(p.userProfile(), p.amount(), p.currency())).toList(), v.distributionChannels(),
                    v.validFrom(), v.validTo(), v.ticketValidity(), v.updatedAt()));
        }
        return new TreeMap<>(states);
    }

    private static Map<String, AgreementState> apiAgreements() throws Exception {
        String json = given().auth().oauth2(admin()).get("/v1/admin/agreements").then().statusCode(200).extract().asString();
        Map<String, AgreementState> states = new TreeMap<>();
        for (AgreementView v : EventJson.mapper().readValue(json, new TypeReference<List<AgreementView>>() {
        })) {
            states.put(v.id(), new AgreementState(v.id(), v.partnerOrganisationId(), v.operatorOrganisationId(), v.status(), v.allProducts(),
                    v.productIds(), v.rights(), v.distributionChannelId(), v.commissionBasisPoints(), v.validFrom(), v.validTo(),
                    v.readyEnvironments(), v.version(), v.updatedAt()));
        }
        return states;
    }
}
