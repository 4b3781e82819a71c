package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.PartnerTopics;
import org.partnerplatform.events.Topics;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.token.messaging.PartnerTopicProvisioner;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A partner's topics exist as soon as its registration is answered, made by token-service with the documented
 * partitions and retention (not by a broker's auto-creation on first use, which would set neither), and come back
 * when they go missing; the partner's Strimzi resources are rendered from the same figures.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class PartnerTopicsTest {
    static Admin admin;

    @Inject
    PartnerTopicProvisioner provisioner;

    @BeforeAll
    static void admin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void registeringAPartnerCreatesItsTopicsWithTheDocumentedPartitionsAndRetention() throws Exception {
        long partner = TokenServiceApi.createPartner(TokenServiceApi.adminToken(), "Emneplass AS");
        for (PartnerTopics.Topic topic : PartnerTopics.of(partner)) {
            TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames().get(10, TimeUnit.SECONDS).get(topic.name());
            assertThat(description.partitions()).as(topic.name()).hasSize(1);
            ConfigEntry retention = config(topic.name()).get("retention.ms");
            assertThat(retention.source()).as("set on the topic itself").isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(Long.parseLong(retention.value())).isEqualTo(topic.retention().toMillis());
            assertThat(config(topic.name()).get("cleanup.policy").value()).isEqualTo("delete");
        }
        assertThat(names()).contains("sales.requests." + partner, "sales.requests." + partner + ".dlq", "sales.results." + partner,
                "catalog.notifications." + partner);
    }

    @Test
    void anOperatorGetsNoPartnerTopics() throws Exception {
        long operator = TokenServiceApi.createOrganisation(TokenServiceApi.adminToken(), "Fjordbuss AS", "OPERATOR", AdminApiTest.randomCodespace());
        assertThat(names()).doesNotContain(Topics.salesRequests(operator), Topics.salesResults(operator), Topics.catalogNotifications(operator));
    }

    @Test
    void aMissingTopicIsCreatedAgainByTheCheckAndASecondCheckChangesNothing() throws Exception {
        long partner = TokenServiceApi.createPartner(TokenServiceApi.adminToken(), "Tapt Emne AS");
        String results = Topics.salesResults(partner);
        admin.deleteTopics(List.of(results)).all().get(10, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !names().contains(results));

        // Deleting is asynchronous: a create right after it may meet the topic still there, and try again next time.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            provisioner.reconcile();
            return names().contains(results);
        });
        assertThat(provisioner.reconcile()).isZero();
    }

    @Test
    void aPartnersKafkaUserMayWriteItsRequestsAndReadItsResultsAndNotificationsOnly() {
        String token = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(token, "Tilgang AS");
        JsonPath list = given().auth().oauth2(token).get("/v1/organisations/{id}/kafka-resources", partner).then().statusCode(200)
                .body("kind", equalTo("List")).extract().jsonPath();
        assertThat(list.getList("items.findAll { it.kind == 'KafkaTopic' }.spec.topicName", String.class))
                .containsExactlyElementsOf(PartnerTopics.of(partner).stream().map(PartnerTopics.Topic::name).toList());
        assertThat(list.getList("items.findAll { it.kind == 'KafkaTopic' }.spec.config.'retention.ms'", Long.class))
                .containsExactlyElementsOf(PartnerTopics.of(partner).stream().map(t -> t.retention().toMillis()).toList());
        Map<String, Object> user = list.getMap("items.find { it.kind == 'KafkaUser' }");
        assertThat(list.getString("items.find { it.kind == 'KafkaUser' }.metadata.name")).isEqualTo("partner-" + partner);
        assertThat(user).isNotNull();
        List<Map<String, Object>> acls = list.getList("items.find { it.kind == 'KafkaUser' }.spec.authorization.acls");
        assertThat(acls).extracting(a -> ((Map<?, ?>) a.get("resource")).get("name") + " " + ((Map<?, ?>) a.get("resource")).get("patternType") + " "
                + a.get("operations")).containsExactly(
                        "sales.requests." + partner + " literal [Write, Describe]",
                        "sales.results." + partner + " literal [Read, Describe]",
                        "catalog.notifications." + partner + " literal [Read, Describe]",
                        "partner-" + partner + "- prefix [Read]");
    }

    @Test
    void onlyPartnersHaveKafkaResourcesAndOnlyPlatformAdminsReadThem() {
        String token = TokenServiceApi.adminToken();
        long operator = TokenServiceApi.createOrganisation(token, "Ferjeselskapet AS", "OPERATOR", AdminApiTest.randomCodespace());
        given().auth().oauth2(token).get("/v1/organisations/{id}/kafka-resources", operator).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/v1/organisations/{id}/kafka-resources", 987_654_321L).then().statusCode(404);
        long partner = TokenServiceApi.createPartner(token, "Nysgjerrig AS");
        String partnerAdmin = TokenServiceApi.token(TokenServiceApi.createClient(token, partner, "nysgjerrig-admin", "KLIENTADMINISTRATOR"));
        given().auth().oauth2(partnerAdmin).get("/v1/organisations/{id}/kafka-resources", partner).then().statusCode(403);
    }

    private static Map<String, ConfigEntry> config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return Map.of("retention.ms", config.get("retention.ms"), "cleanup.policy", config.get("cleanup.policy"));
    }

    private static java.util.Set<String> names() throws Exception {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS);
    }
}
