package org.partnerplatform.token.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Topics;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.AccessTokens;
import org.partnerplatform.token.TokenServiceApi;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.token.service.keys.SigningKeys;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class BootstrapAndKeysTest {

    @Inject
    Pool pool;
    @Inject
    BootstrapAdmin bootstrap;
    @Inject
    SigningKeys keys;
    @Inject
    TokenConfig config;

    @Test
    void theConfiguredAdminClientOfThePlatformOrganisationExistsAndGetsTokens() throws Exception {
        Row client = rows("select organisation_id, roles, status, environment, name from client where client_id = $1",
                TokenServiceApi.ADMIN_ID).get(0);
        assertThat(client.getLong(0)).isEqualTo(1L);
        assertThat(client.getString(1)).isEqualTo("PLATFORM_ADMIN");
        assertThat(client.getString(2)).isEqualTo("ACTIVE");
        assertThat(client.getString(3)).isEqualTo("STAGING");
        assertThat(client.getString(4)).isEqualTo("platform-admin");

        String token = TokenServiceApi.adminToken();
        AccessTokens.assertAccessToken(AccessTokens.verify(token, TokenServiceApi.STAGING_AUDIENCE), TokenServiceApi.STAGING_ISSUER,
                TokenServiceApi.STAGING_AUDIENCE, TokenServiceApi.ADMIN_ID, 1, List.of("PLATFORM_ADMIN"));
        given().auth().oauth2(token).get("/v1/organisations/1").then().statusCode(200)
                .body("type", equalTo("PLATFORM"))
                .body("name", equalTo("Platform"))
                .body("certification", equalTo("CERTIFIED"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void bootstrappingAgainChangesNothing() throws Throwable {
        String before = counts();
        bootstrap.onStart(null);
        bootstrap.onStart(null);
        assertThat(counts()).isEqualTo(before);
        assertThat(count("select count(*) from organisation where organisation_id = 1")).isEqualTo(1);
        // The platform organisation's registration was published once, by the first bootstrap only.
        try (KafkaTestClient kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers())) {
            kafka.readUntil(Topics.ORGANISATION_EVENTS, r -> "1".equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(kafka.readAll(Topics.ORGANISATION_EVENTS, Duration.ofSeconds(3)).stream().filter(r -> "1".equals(r.key()))).hasSize(1);
        }
    }

    /**
     * Retires the current key as a rotation would, then starts key creation on three "replicas" at once: exactly one
     * new key. After a reload it signs, and the retired key still verifies the tokens it signed.
     */
    @Test
    void replicasStartingTogetherCreateOneKeyAndARetiredKeyStaysPublished() throws Exception {
        String oldToken = TokenServiceApi.adminToken();
        String oldKid = keys.signer().kid();
        pool.query("update signing_key set status = 'RETIRED', retired_at = now() where status = 'ACTIVE'").execute()
                .await().atMost(Duration.ofSeconds(10));

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            Callable<Void> start = () -> awaitOnVertx(keys::ensureActiveKey);
            for (Future<Void> started : replicas.invokeAll(List.of(start, start, start))) {
                started.get();
            }
        } finally {
            replicas.shutdown();
        }
        assertThat(count("select count(*) from signing_key where status = 'ACTIVE'")).isEqualTo(1);

        awaitOnVertx(keys::reload);
        String newKid = keys.signer().kid();
        assertThat(newKid).isNotEqualTo(oldKid);
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        assertThat(jwks).contains(oldKid, newKid);
        given().auth().oauth2(oldToken).get("/v1/organisations/1").then().statusCode(200);
        String newToken = TokenServiceApi.adminToken();
        assertThat(AccessTokens.verify(newToken, TokenServiceApi.STAGING_AUDIENCE).jws().getKeyIdHeaderValue()).isEqualTo(newKid);
    }

    @Test
    void theSigningKeyIsStoredOnlyEncryptedUnderTheKeyEncryptionKey() {
        String kid = keys.signer().kid();
        Row stored = rows("select private_key_ciphertext, private_key_iv, public_key, kek_fingerprint, algorithm from signing_key where kid = $1", kid)
                .get(0);
        byte[] ciphertext = stored.getBuffer(0).getBytes();
        byte[] iv = stored.getBuffer(1).getBytes();
        ECPrivateKey privateKey = (ECPrivateKey) keys.signer().privateKey();
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] scalar = unsigned(privateKey.getS().toByteArray());

        assertThat(iv).hasSize(12);
        assertThat(stored.getString(4)).isEqualTo("ES256");
        assertThat(contains(ciphertext, pkcs8)).isFalse();
        assertThat(contains(ciphertext, scalar)).isFalse();
        for (Row row : rows("select public_key from signing_key where kid = $1", kid)) {
            assertThat(contains(row.getBuffer(0).getBytes(), scalar)).isFalse();
        }
        // It is this very key, encrypted: the configured KEK, with the kid as associated data, opens it.
        KeyEncryption kek = KeyEncryption.fromBase64(config.keyEncryptionKey(), "platform.token.key-encryption-key");
        assertThat(stored.getString(3)).isEqualTo(kek.fingerprint());
        assertThat(kek.decrypt(new KeyEncryption.Sealed(iv, ciphertext), kid)).isEqualTo(pkcs8);
    }

    private static Void awaitOnVertx(java.util.function.Supplier<io.smallrye.mutiny.Uni<Void>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private String counts() {
        return count("select count(*) from organisation") + "/" + count("select count(*) from client") + "/"
                // Rows leave the outbox once sent: its sequence tells whether any event was written.
                + count("select last_value from outbox_position_seq");
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private List<Row> rows(String sql, Object parameter) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 32 ? java.util.Arrays.copyOfRange(twosComplement, twosComplement.length - 32, twosComplement.length)
                : twosComplement;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
