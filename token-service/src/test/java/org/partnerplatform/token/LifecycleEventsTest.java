package org.partnerplatform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerplatform.token.TokenServiceApi.createClient;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.token.ClientCreated;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.ClientSecretRotated;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.token.TokenServiceApi.Credentials;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What token-service publishes, read from the broker as a consumer would: key, CloudEvents type, schema, content. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class LifecycleEventsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
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
    void registeringAnOrganisationPublishesOrganisationRegistered() {
        String admin = TokenServiceApi.adminToken();
        String codespace = AdminApiTest.randomCodespace();
        long operator = TokenServiceApi.createOrganisation(admin, "Kystruta AS", "OPERATOR", codespace);

        ConsumerRecord<String, String> record = only(Topics.ORGANISATION_EVENTS, Long.toString(operator), EventType.ORGANISATION_REGISTERED);
        OrganisationRegistered event = EventJson.read(record.value(), OrganisationRegistered.class);
        assertThat(event.organisationId()).isEqualTo(operator);
        assertThat(event.name()).isEqualTo("Kystruta AS");
        assertThat(event.type()).isEqualTo("OPERATOR");
        assertThat(event.codespace()).isEqualTo(codespace);
        assertThat(event.status()).isEqualTo("ACTIVE");
        assertThat(event.certification()).isEqualTo("NOT_CERTIFIED");
        assertThat(event.occurredAt()).isNotNull();
    }

    @Test
    void creatingAndRevokingAClientPublishClientCreatedThenClientRevoked() {
        String admin = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(admin, "Hendelser AS");
        Credentials client = createClient(admin, partner, "hendelser-app", "PARTNER", "KLIENTADMINISTRATOR");
        TokenServiceApi.revoke(admin, partner, client.clientId());

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CLIENT_EVENTS, r -> client.clientId().equals(r.key()), 2, WAIT);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, String> created = records.get(0);
        assertValid(created, EventType.CLIENT_CREATED);
        assertThat(created.value()).doesNotContain(client.secret()).doesNotContainIgnoringCase("secret");
        ClientCreated createdEvent = EventJson.read(created.value(), ClientCreated.class);
        assertThat(createdEvent.clientId()).isEqualTo(client.clientId());
        assertThat(createdEvent.organisationId()).isEqualTo(partner);
        assertThat(createdEvent.name()).isEqualTo("hendelser-app");
        assertThat(createdEvent.roles()).containsExactly("KLIENTADMINISTRATOR", "PARTNER");
        assertThat(createdEvent.environment()).isEqualTo("STAGING");

        ConsumerRecord<String, String> revoked = records.get(1);
        assertValid(revoked, EventType.CLIENT_REVOKED);
        ClientRevoked revokedEvent = EventJson.read(revoked.value(), ClientRevoked.class);
        assertThat(revokedEvent.clientId()).isEqualTo(client.clientId());
        assertThat(revokedEvent.organisationId()).isEqualTo(partner);
        assertThat(revokedEvent.revokedAt()).isAfterOrEqualTo(createdEvent.occurredAt());
    }

    @Test
    void suspendingReinstatingAndCertifyingPublishTheirChangesInOrder() {
        String admin = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(admin, "Statusendring AS");
        TokenServiceApi.suspend(admin, partner, "contract breach").then().statusCode(200);
        TokenServiceApi.reinstate(admin, partner).then().statusCode(200);
        TokenServiceApi.certify(admin, partner, "CERTIFIED", "CERT-2026-0042").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.ORGANISATION_EVENTS, r -> Long.toString(partner).equals(r.key()), 4, WAIT);
        assertThat(records).hasSize(4);
        assertValid(records.get(0), EventType.ORGANISATION_REGISTERED);
        assertValid(records.get(1), EventType.ORGANISATION_STATUS_CHANGED);
        OrganisationStatusChanged suspended = EventJson.read(records.get(1).value(), OrganisationStatusChanged.class);
        assertThat(suspended.organisationId()).isEqualTo(partner);
        assertThat(suspended.status()).isEqualTo("SUSPENDED");
        assertThat(suspended.reason()).isEqualTo("contract breach");
        assertThat(suspended.changedBy()).isEqualTo(TokenServiceApi.ADMIN_ID);
        assertThat(suspended.occurredAt()).isNotNull();
        assertValid(records.get(2), EventType.ORGANISATION_STATUS_CHANGED);
        OrganisationStatusChanged reinstated = EventJson.read(records.get(2).value(), OrganisationStatusChanged.class);
        assertThat(reinstated.status()).isEqualTo("ACTIVE");
        assertThat(reinstated.occurredAt()).isAfterOrEqualTo(suspended.occurredAt());
        assertValid(records.get(3), EventType.ORGANISATION_CERTIFICATION_CHANGED);
        OrganisationCertificationChanged certified = EventJson.read(records.get(3).value(), OrganisationCertificationChanged.class);
        assertThat(certified.organisationId()).isEqualTo(partner);
        assertThat(certified.certification()).isEqualTo("CERTIFIED");
        assertThat(certified.evidenceReference()).isEqualTo("CERT-2026-0042");
        assertThat(certified.changedBy()).isEqualTo(TokenServiceApi.ADMIN_ID);
    }

    @Test
    void rotatingASecretPublishesClientSecretRotatedWithoutTheSecret() {
        String admin = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(admin, "Hemmelighetsbytte AS");
        Credentials client = createClient(admin, partner, "hemmelighetsbytte-app", "PARTNER");
        io.restassured.response.Response noGrace = TokenServiceApi.rotate(admin, partner, client.clientId(), null);
        io.restassured.response.Response withGrace = TokenServiceApi.rotate(admin, partner, client.clientId(), "PT1H");

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CLIENT_EVENTS, r -> client.clientId().equals(r.key()), 3, WAIT);
        assertThat(records).hasSize(3);
        assertValid(records.get(1), EventType.CLIENT_SECRET_ROTATED);
        assertValid(records.get(2), EventType.CLIENT_SECRET_ROTATED);
        ClientSecretRotated first = EventJson.read(records.get(1).value(), ClientSecretRotated.class);
        assertThat(first.clientId()).isEqualTo(client.clientId());
        assertThat(first.organisationId()).isEqualTo(partner);
        assertThat(first.rotatedAt()).isEqualTo(java.time.Instant.parse(noGrace.<String> path("rotatedAt")));
        assertThat(first.previousSecretValidUntil()).isEqualTo(first.rotatedAt());
        ClientSecretRotated second = EventJson.read(records.get(2).value(), ClientSecretRotated.class);
        assertThat(second.previousSecretValidUntil()).isEqualTo(second.rotatedAt().plus(java.time.Duration.ofHours(1)));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).doesNotContain(client.secret()).doesNotContain(noGrace.<String> path("clientSecret"))
                    .doesNotContain(withGrace.<String> path("clientSecret")).doesNotContain("pbkdf2");
        }
    }

    private static ConsumerRecord<String, String> only(String topic, String key, EventType type) {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, r -> key.equals(r.key()), 1, WAIT);
        assertThat(records).hasSize(1);
        assertValid(records.get(0), type);
        return records.get(0);
    }

    private static void assertValid(ConsumerRecord<String, String> record, EventType type) {
        assertThat(KafkaTestClient.header(record, "ce_type")).contains(type.ceType());
        assertThat(KafkaTestClient.header(record, "ce_source")).contains("/token-service");
        assertThat(KafkaTestClient.header(record, "ce_id")).isPresent();
        assertThat(EventSchemas.violations(type, record.value())).isEmpty();
    }
}
