package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;
import static org.partnerplatform.token.TokenServiceApi.postClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.events.Topics;
import org.partnerplatform.token.TokenServiceApi.Credentials;
import org.partnerplatform.token.service.keys.Signer;
import org.partnerplatform.token.service.keys.SigningKeys;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class AdminApiTest {
    static final String PROBLEM = "application/problem+json";
    static String admin;

    @Inject
    Pool pool;
    @Inject
    SigningKeys keys;

    @BeforeEach
    void adminToken() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
        }
    }

    @Test
    void aPlatformAdminRegistersPartnersAndOperators() {
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Billettbyrået AS", "type", "PARTNER")).post("/v1/organisations");
        created.then().statusCode(201)
                .body("name", equalTo("Billettbyrået AS"))
                .body("type", equalTo("PARTNER"))
                .body("codespace", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("certification", equalTo("NOT_CERTIFIED"))
                .body("createdAt", notNullValue());
        long id = created.<Number> path("organisationId").longValue();
        assertThat(id).isGreaterThan(1);
        assertThat(created.header("Location")).endsWith("/v1/organisations/" + id);
        given().auth().oauth2(admin).get("/v1/organisations/{id}", id).then().statusCode(200)
                .body("organisationId", equalTo((int) id))
                .body("name", equalTo("Billettbyrået AS"))
                .body("createdAt", equalTo(created.path("createdAt")));

        String codespace = randomCodespace();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Fjordbåtene", "type", "OPERATOR", "codespace", codespace))
                .post("/v1/organisations").then().statusCode(201).body("type", equalTo("OPERATOR")).body("codespace", equalTo(codespace));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Kopi", "type", "OPERATOR", "codespace", codespace))
                .post("/v1/organisations").then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/codespace-taken"));
    }

    @Test
    void invalidOrganisationsAreRefusedAsProblems() {
        badOrganisation(Map.of("name", "Partner med kodeverk", "type", "PARTNER", "codespace", "ABC"));
        badOrganisation(Map.of("name", "Operatør", "type", "OPERATOR", "codespace", "vy"));
        badOrganisation(Map.of("name", "Enda en plattform", "type", "PLATFORM"));
        badOrganisation(Map.of("name", " ", "type", "PARTNER"));
        badOrganisation(Map.of("name", "Ukjent type", "type", "RETAILER"));
    }

    @Test
    void anOrganisationIsVisibleToItsOwnClientsAndToNoOtherOrganisation() {
        long mine = createPartner(admin, "Min Reise AS");
        long theirs = createPartner(admin, "Deres Reise AS");
        String partner = TokenServiceApi.token(createClient(admin, mine, "minreise-app", "PARTNER"));
        given().auth().oauth2(partner).get("/v1/organisations/{id}", mine).then().statusCode(200).body("name", equalTo("Min Reise AS"));
        given().auth().oauth2(partner).get("/v1/organisations/{id}", theirs).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/v1/organisations/{id}", 999_999).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theAdminApiNeedsAValidTokenAndTheRightRole() throws Exception {
        long org = createPartner(admin, "Rollespill AS");
        String partner = TokenServiceApi.token(createClient(admin, org, "rollespill-app", "PARTNER"));

        given().get("/v1/organisations/{id}", org).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        for (String bad : List.of("not-a-jwt", forged(), signedWithTheRealKey(c -> c.setExpirationTimeMinutesInTheFuture(-10)),
                signedWithTheRealKey(c -> c.setAudience("https://api.entur.io")),
                signedWithTheRealKey(c -> c.setIssuer("https://partner.entur.org/")), hmacSigned())) {
            given().auth().oauth2(bad).get("/v1/organisations/{id}", org).then().statusCode(401).contentType(PROBLEM);
        }
        // The real key, the right claims: accepted, which shows that the refusals above were for their flaws.
        given().auth().oauth2(signedWithTheRealKey(c -> { })).get("/v1/organisations/{id}", 1).then().statusCode(200);

        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("name", "X", "type", "PARTNER"))
                .post("/v1/organisations").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(partner).get("/v1/organisations/{id}/clients", org).then().statusCode(403).contentType(PROBLEM);
        postClient(partner, org, "rollespill-nytt", "PARTNER").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aClientAdministratorManagesItsOwnOrganisationsClientsAndNoOneElses() {
        long mine = createPartner(admin, "Egen Klient AS");
        long theirs = createPartner(admin, "Fremmed Klient AS");
        String theirClient = createClient(admin, theirs, "fremmed-app", "PARTNER").clientId();
        String klientadmin = TokenServiceApi.token(createClient(admin, mine, "egen-portal", "KLIENTADMINISTRATOR"));

        Credentials made = createClient(klientadmin, mine, "egen-kasse", "PARTNER");
        given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients", mine).then().statusCode(200)
                .body("clientId", hasItem(made.clientId()));
        given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients/{c}", mine, made.clientId()).then().statusCode(200)
                .body("name", equalTo("egen-kasse")).body("roles", equalTo(List.of("PARTNER"))).body("status", equalTo("ACTIVE"))
                .body("environment", equalTo("STAGING")).body("organisationId", equalTo((int) mine));
        given().auth().oauth2(klientadmin).post("/v1/organisations/{id}/clients/{c}/revoke", mine, made.clientId()).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());

        // Another organisation answers as if it did not exist, whatever the path.
        postClient(klientadmin, theirs, "fremmed-kasse", "PARTNER").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients", theirs).then().statusCode(404);
        given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients/{c}", theirs, theirClient).then().statusCode(404);
        given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients/{c}", mine, theirClient).then().statusCode(404);
        given().auth().oauth2(klientadmin).post("/v1/organisations/{id}/clients/{c}/revoke", theirs, theirClient).then().statusCode(404);
        given().auth().oauth2(admin).get("/v1/organisations/{id}/clients/{c}", theirs, theirClient).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // Platform-wide roles: only a platform admin grants them, and only to the platform's own clients.
        postClient(klientadmin, mine, "egen-admin", "PLATFORM_ADMIN").then().statusCode(403).contentType(PROBLEM);
        postClient(klientadmin, mine, "egen-finans", "FINANCE").then().statusCode(403).contentType(PROBLEM);
        postClient(admin, mine, "egen-admin", "PLATFORM_ADMIN").then().statusCode(400).contentType(PROBLEM);
        postClient(admin, 1, "platform-finance", "FINANCE").then().statusCode(201);
    }

    @Test
    void invalidClientsAreRefusedAsProblems() {
        long org = createPartner(admin, "Navnesjekk AS");
        postClient(admin, org, "Navnesjekk_App", "PARTNER").then().statusCode(400).contentType(PROBLEM);
        postClient(admin, org, "navnesjekk", "PARTNER").then().statusCode(400).contentType(PROBLEM);
        postClient(admin, org, "navnesjekk-app").then().statusCode(400).contentType(PROBLEM);
        postClient(admin, org, "navnesjekk-app", "SUPERUSER").then().statusCode(400).contentType(PROBLEM);
        postClient(admin, 999_999, "navnesjekk-app", "PARTNER").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theSecretIsShownOnceAndNeverStoredPublishedOrLoggedInTheClear() {
        try (LogCapture log = LogCapture.start()) {
            long org = createPartner(admin, "Hemmelig AS");
            Response created = postClient(admin, org, "hemmelig-app", "PARTNER", "KLIENTADMINISTRATOR");
            created.then().statusCode(201).header("Cache-Control", "no-store");
            String clientId = created.path("clientId");
            String secret = created.path("clientSecret");
            assertThat(clientId).matches("[A-Za-z0-9]{22}");
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            assertThat(created.header("Location")).endsWith("/v1/organisations/" + org + "/clients/" + clientId);

            String klientadmin = TokenServiceApi.token(clientId, secret);
            String one = given().auth().oauth2(klientadmin).get("/v1/organisations/{id}/clients/{c}", org, clientId).then().statusCode(200)
                    .extract().asString();
            String all = given().auth().oauth2(admin).get("/v1/organisations/{id}/clients", org).then().statusCode(200).extract().asString();
            for (String read : List.of(one, all)) {
                assertThat(read).doesNotContain(secret).doesNotContainIgnoringCase("secret").doesNotContain("pbkdf2");
            }

            String hash = row("select secret_hash from client where client_id = $1", clientId).getString(0);
            assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContain(secret);
            assertThat(hash.split("\\$")).hasSize(4);

            // The client's events, on the topic (the outbox keeps a row only until it is sent), hold no secret.
            try (KafkaTestClient kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers())) {
                var events = kafka.readUntil(Topics.CLIENT_EVENTS, r -> clientId.equals(r.key()), 1, Duration.ofSeconds(20));
                assertThat(events).allSatisfy(r -> assertThat(r.value()).contains(clientId).doesNotContain(secret));
            }
            for (Row outboxRow : pool.query("select payload from outbox").execute().await().atMost(Duration.ofSeconds(10))) {
                assertThat(outboxRow.getString(0)).doesNotContain(secret);
            }

            Logger.getLogger(AdminApiTest.class.getName()).info("log capture is listening");
            assertThat(log.records()).anyMatch(r -> r.contains("log capture is listening"));
            assertThat(log.records()).noneMatch(r -> r.contains(secret) || r.contains(TokenServiceApi.ADMIN_SECRET) || r.contains(klientadmin));
        }
    }

    @Test
    void aRevokedClientsTokensAreRefusedAtOnce() {
        long org = createPartner(admin, "Tilbakekalt AS");
        Credentials portal = createClient(admin, org, "tilbakekalt-portal", "KLIENTADMINISTRATOR");
        String token = TokenServiceApi.token(portal);
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", org).then().statusCode(200);

        TokenServiceApi.revoke(admin, org, portal.clientId());
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", org).then().statusCode(401).contentType(PROBLEM);
        // Revoking again changes nothing.
        String revokedAt = given().auth().oauth2(admin).get("/v1/organisations/{id}/clients/{c}", org, portal.clientId()).path("revokedAt");
        given().auth().oauth2(admin).post("/v1/organisations/{id}/clients/{c}/revoke", org, portal.clientId()).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", equalTo(revokedAt));
    }

    private void badOrganisation(Map<String, Object> body) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    private Row row(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    /** A token of the bootstrap admin, signed with the service's real key, after the given change. */
    private String signedWithTheRealKey(java.util.function.Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = AccessTokens.platformAdminClaims();
        change.accept(claims);
        Signer signer = keys.signer();
        return AccessTokens.sign(claims, signer.privateKey(), signer.kid(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    /** Signed by a key the service never published, under the kid of one it did. */
    private String forged() throws Exception {
        EllipticCurveJsonWebKey foreign = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        return AccessTokens.sign(AccessTokens.platformAdminClaims(), foreign.getPrivateKey(), keys.signer().kid(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    private String hmacSigned() throws Exception {
        return AccessTokens.sign(AccessTokens.platformAdminClaims(), new HmacKey(new byte[32]), keys.signer().kid(), AlgorithmIdentifiers.HMAC_SHA256);
    }

    static String randomCodespace() {
        StringBuilder codespace = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            codespace.append((char) ('A' + (int) (Math.random() * 26)));
        }
        return codespace.toString();
    }
}
