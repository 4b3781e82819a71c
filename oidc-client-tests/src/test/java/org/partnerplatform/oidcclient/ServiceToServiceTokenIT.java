package org.partnerplatform.oidcclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * quarkus-oidc-client gets a token from token-service (client credentials, discovery, HTTP Basic), and
 * settlement-service's quarkus-oidc accepts it; without the token the same call is refused.
 */
@QuarkusTest
@WithTestResource(PlatformResource.class)
class ServiceToServiceTokenIT {

    @Inject
    OidcClient oidcClient;

    @Inject
    @RestClient
    SettlementApi settlement;

    @ConfigProperty(name = "quarkus.rest-client.settlement.url")
    String settlementUrl;

    @Test
    void quarkusOidcClientGetsATokenThatSettlementAccepts() throws Exception {
        Tokens tokens = oidcClient.getTokens().await().atMost(Duration.ofSeconds(20));
        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getAccessTokenExpiresAt()).isGreaterThan(System.currentTimeMillis() / 1000 + 3600);

        try (var response = settlement.summary(42)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("\"partnerOrganisationId\":42");
        }

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(settlementUrl + "/v1/settlement/partners/42/summary")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
