package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.token.OAuthErrors.assertInvalidClient;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;
import static org.partnerplatform.token.TokenServiceApi.grant;
import static org.partnerplatform.token.TokenServiceApi.rotate;
import static org.partnerplatform.token.TokenServiceApi.rotatedSecret;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.service.SecretHasher;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Secret rotation, grace periods, and the verified-secret cache ending at once on rotation and revocation, whether
 * the change was made through this replica or (written straight to the database) by another.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class SecretRotationTest {
    static final String PROBLEM = "application/problem+json";
    static String admin;

    @Inject
    Pool pool;
    @Inject
    ClientRegistry registry;

    @BeforeEach
    void adminToken() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
        }
    }

    @Test
    void withoutAGracePeriodTheOldSecretStopsAtOnceEvenThoughItWasCached() {
        long org = createPartner(admin, "Rotasjon AS");
        Credentials client = createClient(admin, org, "rotasjon-app", "PARTNER", "KLIENTADMINISTRATOR");
        String tokenBefore = TokenServiceApi.token(client);
        grant(client.clientId(), client.secret()).then().statusCode(200); // now answered from the cache

        Response rotated = rotate(admin, org, client.clientId(), null);
        rotated.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("clientId", equalTo(client.clientId()))
                .body("organisationId", equalTo((int) org))
                .body("rotatedAt", notNullValue());
        String newSecret = rotated.path("clientSecret");
        assertThat(newSecret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(client.secret());
        assertThat(rotated.<String> path("previousSecretValidUntil")).isEqualTo(rotated.path("rotatedAt"));

        assertInvalidClient(grant(client.clientId(), client.secret()));
        grant(client.clientId(), newSecret).then().statusCode(200);
        grant(client.clientId(), newSecret).then().statusCode(200);
        assertInvalidClient(grant(client.clientId(), client.secret()));
        // Tokens issued before the rotation stay valid.
        given().auth().oauth2(tokenBefore).get("/v1/organisations/{id}/clients/{c}", org, client.clientId()).then().statusCode(200)
                .body("lastRotatedAt", equalTo(rotated.path("rotatedAt"))).body("gracePeriodEndsAt", nullValue());
    }

    @Test
    void withAGracePeriodTheOldSecretWorksUntilItEndsAndThenNeverAgain() {
        long org = createPartner(admin, "Overlapp AS");
        Credentials client = createClient(admin, org, "overlapp-app", "PARTNER");
        grant(client.clientId(), client.secret()).then().statusCode(200);

        Response rotated = rotate(admin, org, client.clientId(), "PT2S");
        rotated.then().statusCode(200);
        String newSecret = rotated.path("clientSecret");
        Instant rotatedAt = Instant.parse(rotated.path("rotatedAt"));
        Instant validUntil = Instant.parse(rotated.path("previousSecretValidUntil"));
        assertThat(Duration.between(rotatedAt, validUntil)).isEqualTo(Duration.ofSeconds(2));
        given().auth().oauth2(admin).get("/v1/organisations/{id}/clients/{c}", org, client.clientId()).then().statusCode(200)
                .body("gracePeriodEndsAt", equalTo(rotated.path("previousSecretValidUntil")));

        // Both work during the grace period: the old one from the cache, the new one after its first KDF check.
        grant(client.clientId(), client.secret()).then().statusCode(200);
        grant(client.clientId(), newSecret).then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> grant(client.clientId(), client.secret()).statusCode() == 401);
        assertThat(Instant.now()).isAfterOrEqualTo(validUntil);
        assertInvalidClient(grant(client.clientId(), client.secret()));
        grant(client.clientId(), newSecret).then().statusCode(200);
    }

    @Test
    void anOldSecretNeverCheckedBeforeAlsoWorksDuringTheGracePeriod() {
        long org = createPartner(admin, "Ukontrollert AS");
        Credentials client = createClient(admin, org, "ukontrollert-app", "PARTNER");
        String newSecret = rotatedSecret(admin, org, client.clientId(), "PT1H");
        // Neither secret has been through the KDF on this replica yet: the previous one is checked against its own hash.
        grant(client.clientId(), client.secret()).then().statusCode(200);
        grant(client.clientId(), newSecret).then().statusCode(200);
    }

    @Test
    void aSecondRotationEndsTheOldestSecretAtOnce() {
        long org = createPartner(admin, "Dobbel AS");
        Credentials client = createClient(admin, org, "dobbel-app", "PARTNER");
        grant(client.clientId(), client.secret()).then().statusCode(200);
        String second = rotatedSecret(admin, org, client.clientId(), "PT1H");
        grant(client.clientId(), second).then().statusCode(200);
        String third = rotatedSecret(admin, org, client.clientId(), "PT1H");

        assertInvalidClient(grant(client.clientId(), client.secret()));
        grant(client.clientId(), second).then().statusCode(200);
        grant(client.clientId(), third).then().statusCode(200);
    }

    @Test
    void aRevokedClientsCachedSecretStopsAtOnce() {
        long org = createPartner(admin, "Hurtigstopp AS");
        Credentials client = createClient(admin, org, "hurtigstopp-app", "PARTNER");
        grant(client.clientId(), client.secret()).then().statusCode(200);
        grant(client.clientId(), client.secret()).then().statusCode(200);
        TokenServiceApi.revoke(admin, org, client.clientId());
        assertInvalidClient(grant(client.clientId(), client.secret()));
    }

    /**
     * Another replica rotates or revokes (simulated by writing what it would commit straight to the table): this
     * replica's cached client and secret stop as soon as the table's change notification arrives, without any
     * message from that replica. (A change made through this replica takes effect before its answer, above.)
     */
    @Test
    void aRotationOrRevocationOnAnotherReplicaEndsTheCachedSecretHere() {
        long org = createPartner(admin, "Annen Replika AS");
        Credentials rotatedElsewhere = createClient(admin, org, "annenreplika-app", "PARTNER");
        Credentials revokedElsewhere = createClient(admin, org, "annenreplika-kasse", "PARTNER");
        grant(rotatedElsewhere.clientId(), rotatedElsewhere.secret()).then().statusCode(200);
        grant(revokedElsewhere.clientId(), revokedElsewhere.secret()).then().statusCode(200);
        assertThat(registry.live()).isTrue();

        String newSecret = "rotated-by-another-replica-" + "x".repeat(20);
        rotateInTheTable(rotatedElsewhere.clientId(), newSecret);
        update("update client set status = 'REVOKED', revoked_at = now() where client_id = $1", Tuple.of(revokedElsewhere.clientId()));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> grant(rotatedElsewhere.clientId(), rotatedElsewhere.secret()).statusCode() == 401);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> grant(revokedElsewhere.clientId(), revokedElsewhere.secret()).statusCode() == 401);
        grant(rotatedElsewhere.clientId(), newSecret).then().statusCode(200);
        assertInvalidClient(grant(rotatedElsewhere.clientId(), rotatedElsewhere.secret()));
        assertInvalidClient(grant(revokedElsewhere.clientId(), revokedElsewhere.secret()));
    }

    /**
     * While the change listener is down nothing is served from memory: every grant reads the table, so a change made
     * meanwhile (whose notification nobody hears) takes effect at once. The listener reconnects by itself.
     */
    @Test
    void withoutItsChangeListenerAReplicaReadsEveryClientFromTheTable() {
        long org = createPartner(admin, "Lytteløs AS");
        Credentials client = createClient(admin, org, "lyttelos-app", "PARTNER");
        grant(client.clientId(), client.secret()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(registry::live);

        pool.query("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN token_registry'")
                .execute().await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> !registry.live());
        String newSecret = "rotated-while-nobody-listened-" + "y".repeat(20);
        rotateInTheTable(client.clientId(), newSecret);
        assertInvalidClient(grant(client.clientId(), client.secret()));
        grant(client.clientId(), newSecret).then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(registry::live);
        grant(client.clientId(), newSecret).then().statusCode(200);
        assertInvalidClient(grant(client.clientId(), client.secret()));
    }

    private void rotateInTheTable(String clientId, String newSecret) {
        String newHash = new SecretHasher(1_000, new java.security.SecureRandom()).hash(newSecret);
        update("update client set secret_hash = $1, secret_version = secret_version + 1, secret_rotated_at = now() where client_id = $2",
                Tuple.of(newHash, clientId));
    }

    @Test
    void rotationIsForWhoeverManagesTheClientWithinTheLimits() {
        long mine = createPartner(admin, "Egen Rotasjon AS");
        long theirs = createPartner(admin, "Fremmed Rotasjon AS");
        Credentials portal = createClient(admin, mine, "egenrotasjon-portal", "KLIENTADMINISTRATOR");
        Credentials app = createClient(admin, mine, "egenrotasjon-app", "PARTNER");
        Credentials foreign = createClient(admin, theirs, "fremmedrotasjon-app", "PARTNER");
        String klientadmin = TokenServiceApi.token(portal);

        // A client administrator rotates its own organisation's clients...
        String newSecret = rotatedSecret(klientadmin, mine, app.clientId(), "PT10M");
        grant(app.clientId(), newSecret).then().statusCode(200);
        // ...and no one else's, which answer as if they did not exist.
        rotate(klientadmin, theirs, foreign.clientId(), null).then().statusCode(404).contentType(PROBLEM);
        rotate(klientadmin, mine, foreign.clientId(), null).then().statusCode(404).contentType(PROBLEM);
        rotate(admin, mine, "no-such-client", null).then().statusCode(404).contentType(PROBLEM);
        String partnerOnly = TokenServiceApi.token(app.clientId(), newSecret);
        rotate(partnerOnly, mine, app.clientId(), null).then().statusCode(403).contentType(PROBLEM);
        given().post("/v1/organisations/{id}/clients/{c}/rotate-secret", mine, app.clientId()).then().statusCode(401).contentType(PROBLEM);

        // Grace periods: not negative, not beyond the maximum (P7D), ISO-8601.
        rotate(admin, mine, app.clientId(), "-PT1S").then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-grace-period"));
        rotate(admin, mine, app.clientId(), "P8D").then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/grace-period-too-long"));
        rotate(admin, mine, app.clientId(), "one hour").then().statusCode(400).contentType(PROBLEM);
        rotate(admin, mine, app.clientId(), "P7D").then().statusCode(200);

        // A revoked client gets no new secret.
        TokenServiceApi.revoke(admin, mine, app.clientId());
        rotate(admin, mine, app.clientId(), null).then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/client-revoked"));

        // A platform-wide role's client is rotated by platform admins only.
        Credentials platformKlientadmin = createClient(admin, 1, "platform-klientadmin", "KLIENTADMINISTRATOR");
        Credentials finance = createClient(admin, 1, "platform-finans", "FINANCE");
        rotate(TokenServiceApi.token(platformKlientadmin), 1, finance.clientId(), null).then().statusCode(403).contentType(PROBLEM);
        rotate(admin, 1, finance.clientId(), null).then().statusCode(200);
    }

    private void update(String sql, Tuple parameters) {
        assertThat(pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(10)).rowCount()).isEqualTo(1);
    }
}
