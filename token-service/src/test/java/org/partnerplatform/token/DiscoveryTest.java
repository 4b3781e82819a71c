package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.service.keys.SigningKeys;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class DiscoveryTest {

    @Inject
    SigningKeys keys;

    @Test
    void bothDiscoveryDocumentsDescribeThisServerWithUrlsAsReceived() {
        String base = "http://localhost:" + RestAssured.port;
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            JsonPath metadata = given().get(path).then().statusCode(200).contentType("application/json").extract().jsonPath();
            // STAGING and partnerplatform.local are the defaults; the issuer is an identifier, not this server's URL.
            assertThat(metadata.getString("issuer")).isEqualTo("https://partner.staging.partnerplatform.local/");
            assertThat(metadata.getString("token_endpoint")).isEqualTo(base + "/oauth/token");
            assertThat(metadata.getString("jwks_uri")).isEqualTo(base + "/.well-known/jwks.json");
            assertThat(metadata.getString("introspection_endpoint")).isEqualTo(base + "/oauth/introspect");
            assertThat(metadata.getList("introspection_endpoint_auth_methods_supported")).containsExactly("client_secret_basic", "client_secret_post");
            assertThat(metadata.getList("grant_types_supported")).containsExactly("client_credentials", "authorization_code");
            assertThat(metadata.getString("authorization_endpoint")).isEqualTo(base + "/oauth/authorize");
            assertThat(metadata.getString("end_session_endpoint")).isEqualTo(base + "/oauth/logout");
            assertThat(metadata.getList("code_challenge_methods_supported")).containsExactly("S256");
            assertThat(metadata.getList("token_endpoint_auth_methods_supported")).containsExactly("client_secret_basic", "client_secret_post");
            assertThat(metadata.getList("id_token_signing_alg_values_supported")).containsExactly("ES256");
            assertThat(metadata.getList("response_types_supported")).containsExactly("code");
            assertThat(metadata.getList("subject_types_supported")).containsExactly("public");
            assertThat(metadata.getList("scopes_supported")).contains("openid", "PARTNER", "KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");
        }
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessProxyForwardingIsEnabled() {
        given().header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "https")
                .get("/.well-known/openid-configuration").then().statusCode(200)
                .body("token_endpoint", equalTo("http://localhost:" + RestAssured.port + "/oauth/token"));
    }

    @Test
    void theJwksPublishesTheSigningKeyAsAPublicP256Key() throws Exception {
        String json = given().get("/.well-known/jwks.json").then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "public, max-age=" + keys.jwksMaxAge().toSeconds()).extract().asString();
        // Test profile: published 3 s ahead, reread every 0.5 s, so a caching resource server may keep it 1 s. Default: 300 s.
        assertThat(keys.jwksMaxAge().toSeconds()).isEqualTo(1);
        List<JsonWebKey> published = new JsonWebKeySet(json).getJsonWebKeys();
        assertThat(published).extracting(JsonWebKey::getKeyId).contains(keys.signer().kid());
        JsonWebKey current = published.stream().filter(k -> k.getKeyId().equals(keys.signer().kid())).findFirst().orElseThrow();
        assertThat(current.getKeyType()).isEqualTo("EC");
        assertThat(((EllipticCurveJsonWebKey) current).getCurveName()).isEqualTo("P-256");
        assertThat(current.getUse()).isEqualTo("sig");
        assertThat(current.getAlgorithm()).isEqualTo("ES256");
        // Public parts only.
        for (Map<String, Object> key : JsonPath.from(json).<Map<String, Object>> getList("keys")) {
            assertThat(key).doesNotContainKey("d").containsKeys("kty", "crv", "x", "y", "kid");
        }
    }

    @Test
    void readinessCoversTheDatabaseAndTheSigningKeysAndKafkaIsAWellnessCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("signing-keys"))
                .body("checks.name", not(hasItem("Kafka brokers")))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", equalTo("UP"));
        // A broker outage must not take the pod out of its Service: Kafka is reported, not a condition of readiness.
        given().get("/q/health/well").then().statusCode(200).body("checks.find { it.name == 'Kafka brokers' }.status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesBearerAuthentication() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("token-service"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }
}
