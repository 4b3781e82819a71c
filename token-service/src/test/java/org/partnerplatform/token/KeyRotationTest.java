package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;
import org.partnerplatform.token.service.keys.SigningKeys;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signing key rotation without downtime, through HTTP. The test profile publishes a new key 3 s before it signs and
 * has every replica reread the keys twice a second (production: 15 min and 30 s).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class KeyRotationTest {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final int WORKERS = 4;

    @Inject
    SigningKeys keys;
    @Inject
    Pool pool;

    String admin;
    HttpClient http;
    String base;

    @BeforeEach
    void setUp() {
        admin = TokenServiceApi.adminToken();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://localhost:" + RestAssured.port;
        // A rotation left under way by an earlier test finishes first: each test starts its own.
        await().atMost(Duration.ofSeconds(20)).until(() -> signingKeys().getList("status", String.class).stream().noneMatch("NEXT"::equals));
    }

    /**
     * Several clients take and use tokens without pause while a rotation happens. No grant is refused and no token is
     * rejected; the new key was in the JWKS before it signed anything (a JWKS read right after the rotation started
     * verifies every token of the run); tokens signed by the old key verify, here and at token-service, after it.
     */
    @Test
    void tokensSignedBeforeARotationStayValidAndNoneIsRefusedDuringIt() throws Exception {
        long org = createPartner(admin, "Nøkkelbytte AS");
        List<Credentials> clients = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Credentials client = createClient(admin, org, "nokkelbytte-app" + i, "PARTNER", "KLIENTADMINISTRATOR");
            TokenServiceApi.token(client);
            clients.add(client);
        }
        Credentials resourceServer = TokenServiceApi.resourceServer(admin, "platform-nokkelbytte-rs");
        String oldKid = keys.signer().kid();
        ResourceServerKeys resourceServerKeys = ResourceServerKeys.refreshingOnUnknownKid(http, URI.create(base + "/.well-known/jwks.json"));

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<Issued> issued = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (Credentials client : clients) {
            workers.add(executor.submit((Callable<Void>) () -> {
                int n = 0;
                while (!stop.get()) {
                    HttpResponse<String> response = grant(client);
                    if (response.statusCode() != 200) {
                        failures.add("grant answered " + response.statusCode() + ": " + response.body());
                        continue;
                    }
                    String token = JsonPath.from(response.body()).getString("access_token");
                    try {
                        JwtClaims claims = resourceServerKeys.verify(token);
                        issued.add(new Issued(kidOf(token), token, claims.getIssuedAt().getValue()));
                    } catch (Exception e) {
                        failures.add("a resource server refused a token: " + e.getMessage());
                    }
                    if (n++ % 10 == 0) {
                        int status = get("/v1/organisations/" + org, token).statusCode();
                        if (status != 200) {
                            failures.add("token-service's own API refused a token: " + status);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> issued.size() >= 50);
            JsonPath rotation = given().auth().oauth2(admin).post("/v1/admin/signing-keys/rotate").then().statusCode(202)
                    .body("status", equalTo("NEXT")).body("signsNow", equalTo(false)).extract().jsonPath();
            String newKid = rotation.getString("kid");
            Instant publishedAt = Instant.parse(rotation.getString("publishedAt"));
            Instant activatedAt = Instant.parse(rotation.getString("activatedAt"));
            assertThat(Duration.between(publishedAt, activatedAt)).isEqualTo(Duration.ofSeconds(3));
            // Asking again while it is under way answers the same rotation.
            given().auth().oauth2(admin).post("/v1/admin/signing-keys/rotate").then().statusCode(200).body("kid", equalTo(newKid));

            // Published at once (this replica reloaded; others do within the reload interval), long before it signs.
            ResourceServerKeys snapshot = ResourceServerKeys.snapshot(http, URI.create(base + "/.well-known/jwks.json"));
            assertThat(snapshot.publishes(newKid)).isTrue();
            assertThat(snapshot.publishes(oldKid)).isTrue();
            assertThat(kidOf(TokenServiceApi.token(clients.get(0)))).isEqualTo(oldKid);

            await().atMost(Duration.ofSeconds(20)).until(() -> issued.stream().filter(t -> t.kid().equals(newKid)).count() >= 50);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }

            assertThat(failures).isEmpty();
            List<Issued> beforeSwitch = issued.stream().filter(t -> t.kid().equals(oldKid)).toList();
            List<Issued> afterSwitch = issued.stream().filter(t -> t.kid().equals(newKid)).toList();
            assertThat(beforeSwitch).hasSizeGreaterThanOrEqualTo(50);
            assertThat(afterSwitch).hasSizeGreaterThanOrEqualTo(50);
            assertThat(beforeSwitch.size() + afterSwitch.size()).isEqualTo(issued.size());
            // The new key signed nothing before its activation time (iat is in whole seconds).
            assertThat(afterSwitch).allMatch(t -> t.issuedAt() >= activatedAt.getEpochSecond());
            // The resource server read the JWKS once at the start, and once more at most, when the first new kid arrived.
            assertThat(resourceServerKeys.reads()).isLessThanOrEqualTo(2);
            for (Issued token : issued) {
                snapshot.verify(token.token());
            }

            // Tokens signed before the rotation: still valid everywhere after it.
            ResourceServerKeys after = ResourceServerKeys.snapshot(http, URI.create(base + "/.well-known/jwks.json"));
            for (Issued old : beforeSwitch.subList(0, 20)) {
                after.verify(old.token());
                assertThat(get("/v1/organisations/" + org, old.token()).statusCode()).isEqualTo(200);
                TokenServiceApi.introspect(resourceServer, old.token()).then().statusCode(200).body("active", equalTo(true));
            }

            // The schedule records the switch: the new key ACTIVE, the old one RETIRED when the new one began to sign,
            // and published until the last token it signed has expired (lifetime plus clock skew later).
            await().atMost(Duration.ofSeconds(10)).until(() -> "RETIRED".equals(key(oldKid).getString("status")));
            assertThat(key(newKid).getString("status")).isEqualTo("ACTIVE");
            assertThat(key(newKid).getBoolean("signsNow")).isTrue();
            JsonPath retired = key(oldKid);
            assertThat(Instant.parse(retired.getString("retiredAt"))).isEqualTo(activatedAt);
            assertThat(Instant.parse(retired.getString("publishedUntil"))).isEqualTo(activatedAt.plus(TOKEN_LIFETIME).plus(CLOCK_SKEW));
        } finally {
            stop.set(true);
            executor.shutdownNow();
        }
    }

    /** A retired key leaves the JWKS only once every token it signed has expired, and then its tokens are refused. */
    @Test
    void aRetiredKeyIsWithdrawnOnlyWhenTheLastTokenItSignedHasExpired() throws Throwable {
        long org = createPartner(admin, "Utløpt Nøkkel AS");
        Credentials client = createClient(admin, org, "utloptnokkel-app", "KLIENTADMINISTRATOR");
        String token = TokenServiceApi.token(client);
        String oldKid = kidOf(token);
        given().auth().oauth2(admin).post("/v1/admin/signing-keys/rotate").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETIRED".equals(key(oldKid).getString("status")));
        // The admin's own token was signed by the key about to be withdrawn.
        admin = TokenServiceApi.adminToken();

        // Retired just under a token lifetime (plus skew) ago: a token it signed may still be valid, so it stays.
        retire(oldKid, Instant.now().minus(TOKEN_LIFETIME).minus(CLOCK_SKEW).plusSeconds(60));
        assertThat(jwks()).contains(oldKid);
        given().auth().oauth2(token).get("/v1/organisations/{id}", org).then().statusCode(200);

        // Retired more than that ago: every token it signed has expired, so it is withdrawn, and a token naming it refused.
        retire(oldKid, Instant.now().minus(TOKEN_LIFETIME).minus(CLOCK_SKEW).minusSeconds(1));
        assertThat(jwks()).doesNotContain(oldKid);
        given().auth().oauth2(token).get("/v1/organisations/{id}", org).then().statusCode(401);
        assertThat(signingKeys().getList("kid", String.class)).doesNotContain(oldKid);
    }

    /** When the signing key is due for replacement, the schedule starts a rotation by itself and carries it through. */
    @Test
    void theScheduleRotatesAKeyWhenItIsDue() throws Exception {
        String oldKid = keys.signer().kid();
        // Signing for 30 days less 2 seconds: the schedule (every 0.5 s here) should publish its successor now.
        Instant dueSoon = Instant.now().minus(Duration.ofDays(30)).plusSeconds(2);
        update("update signing_key set created_at = $1, activated_at = $1 where kid = $2", Tuple.of(dueSoon.atOffset(java.time.ZoneOffset.UTC), oldKid));

        await().atMost(Duration.ofSeconds(10)).until(() -> signingKeys().getList("status", String.class).contains("NEXT"));
        JsonPath next = signingKeys().setRootPath("find { it.status == 'NEXT' }");
        String newKid = next.getString("kid");
        assertThat(Duration.between(Instant.now(), Instant.parse(next.getString("activatedAt")))).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(jwks()).contains(newKid, oldKid);

        await().atMost(Duration.ofSeconds(20)).until(() -> "RETIRED".equals(key(oldKid).getString("status")));
        assertThat(kidOf(TokenServiceApi.adminToken())).isEqualTo(newKid);
        assertThat(key(newKid).getString("status")).isEqualTo("ACTIVE");
    }

    /** Replicas asking for a rotation at the same moment start exactly one. */
    @Test
    void replicasAskingForARotationTogetherStartOne() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<SigningKeys.Rotation> rotations = new ArrayList<>();
        try {
            Callable<SigningKeys.Rotation> rotate = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(keys::rotate);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            for (Future<SigningKeys.Rotation> done : replicas.invokeAll(List.of(rotate, rotate, rotate))) {
                rotations.add(done.get());
            }
        } finally {
            replicas.shutdown();
        }
        assertThat(rotations).filteredOn(SigningKeys.Rotation::started).hasSize(1);
        assertThat(rotations).extracting(r -> r.next().kid()).containsOnly(rotations.get(0).next().kid());
        assertThat(signingKeys().getList("status", String.class)).containsOnlyOnce("NEXT");
    }

    @Test
    void onlyPlatformAdminsSeeAndRotateTheKeys() {
        long org = createPartner(admin, "Nøkkelnysgjerrig AS");
        String klientadmin = TokenServiceApi.token(createClient(admin, org, "nokkelnysgjerrig-portal", "KLIENTADMINISTRATOR"));
        given().get("/v1/admin/signing-keys").then().statusCode(401).contentType("application/problem+json");
        given().post("/v1/admin/signing-keys/rotate").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(klientadmin).get("/v1/admin/signing-keys").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(klientadmin).post("/v1/admin/signing-keys/rotate").then().statusCode(403).contentType("application/problem+json");
        String listed = given().auth().oauth2(admin).get("/v1/admin/signing-keys").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(listed).getList("findAll { it.signsNow }.kid", String.class)).containsExactly(keys.signer().kid());
        assertThat(listed).doesNotContain("\"d\"").doesNotContain("private");
    }

    private record Issued(String kid, String token, long issuedAt) {
    }

    private HttpResponse<String> grant(Credentials client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonPath signingKeys() {
        return given().auth().oauth2(admin).get("/v1/admin/signing-keys").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath key(String kid) {
        return signingKeys().setRootPath("find { it.kid == '" + kid + "' }");
    }

    private static String jwks() {
        return given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
    }

    private static String kidOf(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }

    /** Sets a retired key's retirement time, as if that much time had passed, and rereads the keys. */
    private void retire(String kid, Instant retiredAt) throws Throwable {
        update("update signing_key set retired_at = $1 where kid = $2", Tuple.of(retiredAt.atOffset(java.time.ZoneOffset.UTC), kid));
        VertxContextSupport.subscribeAndAwait(keys::reload);
    }

    private void update(String sql, Tuple parameters) {
        assertThat(pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(10)).rowCount()).isEqualTo(1);
    }
}
