package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokenRequestTest {
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("id:secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void credentialsFromTheBodyOrFromBasic() {
        TokenRequest body = TokenRequest.of(Map.of("grant_type", List.of("client_credentials"), "client_id", List.of("id"),
                "client_secret", List.of("secret"), "audience", List.of("aud"), "scope", List.of("PARTNER")), null);
        assertThat(body.credentials()).isEqualTo(new ClientCredentials("id", "secret", ClientCredentials.Method.BODY));
        assertThat(body.audience()).contains("aud");
        assertThat(body.scope()).contains("PARTNER");

        TokenRequest basic = TokenRequest.of(Map.of("grant_type", List.of("client_credentials")), BASIC);
        assertThat(basic.credentials()).isEqualTo(new ClientCredentials("id", "secret", ClientCredentials.Method.BASIC));
        assertThat(basic.audience()).isEmpty();
        // A client_id beside Basic that names the same client is not a second method.
        assertThat(TokenRequest.of(Map.of("grant_type", List.of("client_credentials"), "client_id", List.of("id")), BASIC).credentials())
                .isEqualTo(basic.credentials());
    }

    @Test
    void theGrantTypeIsRequiredAndMustBeClientCredentials() {
        assertError(Map.of(), null, "invalid_request");
        assertError(Map.of("grant_type", List.of("")), null, "invalid_request");
        assertError(Map.of("grant_type", List.of("password")), null, "unsupported_grant_type");
        assertError(Map.of("grant_type", List.of("authorization_code")), BASIC, "unsupported_grant_type");
    }

    @Test
    void oneAuthenticationMethodAndEachParameterOnce() {
        assertError(Map.of("grant_type", List.of("client_credentials"), "client_secret", List.of("secret")), BASIC, "invalid_request");
        assertError(Map.of("grant_type", List.of("client_credentials"), "client_id", List.of("other")), BASIC, "invalid_request");
        assertError(Map.of("grant_type", List.of("client_credentials", "client_credentials")), BASIC, "invalid_request");
        assertError(Map.of("grant_type", List.of("client_credentials"), "scope", List.of("A", "B")), BASIC, "invalid_request");
    }

    @Test
    void withoutCredentialsTheRequestStillParsesAndAuthenticationRefusesIt() {
        assertThat(TokenRequest.of(Map.of("grant_type", List.of("client_credentials")), null).credentials()).isNull();
    }

    private static void assertError(Map<String, List<String>> parameters, String authorization, String error) {
        assertThatThrownBy(() -> TokenRequest.of(parameters, authorization))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}
