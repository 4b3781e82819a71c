package org.partnerplatform.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.security.VerifiedTokenCache;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.TestOidcServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** platform-security in a resource server: revoked clients and suspended organisations are refused within seconds. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
class TokenRevocationTest {
    static final TestOidcServer OIDC = TestOidcServer.get();
    static KafkaTestClient kafka;

    @Inject
    VerifiedTokenCache cache;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String ledgerOf(long partner) {
        return "/v1/settlement/partners/" + partner + "/summary";
    }

    @Test
    void aRevokedClientsTokensAreRefusedWithinSecondsAndOtherClientsAreNot() {
        long partner = 7_000_000 + System.nanoTime() % 1000;
        String revokedClient = "revoked-" + UUID.randomUUID();
        String token = OIDC.token(revokedClient, partner, "PARTNER");
        String otherToken = OIDC.token("other-" + UUID.randomUUID(), partner, "PARTNER");
        given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200);
        given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200);

        Instant revokedAt = Instant.now();
        kafka.sendCloudEvent(Topics.CLIENT_EVENTS, revokedClient, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked(revokedClient, partner, revokedAt)));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(401));
        given().auth().oauth2(otherToken).get(ledgerOf(partner)).then().statusCode(200);
    }

    @Test
    void aSuspendedOrganisationsTokensAreRefusedUntilItIsReinstated() {
        long partner = 8_000_000 + System.nanoTime() % 1000;
        String token = OIDC.token("client-" + UUID.randomUUID(), partner, "PARTNER");
        given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200);

        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(partner), EventType.ORGANISATION_STATUS_CHANGED.ceType(),
                EventJson.write(new OrganisationStatusChanged(partner, "SUSPENDED", "test", "admin", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(401));

        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(partner), EventType.ORGANISATION_STATUS_CHANGED.ceType(),
                EventJson.write(new OrganisationStatusChanged(partner, "ACTIVE", "paid", "admin", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200));
    }

    @Test
    void aVerifiedTokenIsServedFromTheCacheAndABadOneNeverIs() {
        long partner = 9_000_000 + System.nanoTime() % 1000;
        String token = OIDC.token("cached-" + UUID.randomUUID(), partner, "PARTNER");
        given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200);
        long hits = cache.hits();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(ledgerOf(partner)).then().statusCode(200);
        }
        assertThat(cache.size()).as("cached entries").isPositive();
        assertThat(cache.hits() - hits).isGreaterThanOrEqualTo(5);

        String forged = OIDC.forgedToken("cached-x", partner, "PARTNER");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(forged).get(ledgerOf(partner)).then().statusCode(401);
        }
        // A cached token still answers to the role rules of the request it is used for.
        given().auth().oauth2(OIDC.token("cached-y", partner, "KLIENTADMINISTRATOR")).get(ledgerOf(partner)).then().statusCode(403);
        given().auth().oauth2(OIDC.token("cached-y", partner, "KLIENTADMINISTRATOR")).get(ledgerOf(partner)).then().statusCode(403);
    }
}
