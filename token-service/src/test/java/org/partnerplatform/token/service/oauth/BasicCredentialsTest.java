package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsFormEncodedIdAndSecretAsRfc6749Says() {
        String id = "client:one";
        String secret = "p@ss word+/=:%";
        String header = "Basic " + base64(URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        ClientCredentials credentials = BasicCredentials.parse(header).orElseThrow();
        assertThat(credentials.clientId()).isEqualTo(id);
        assertThat(credentials.secret()).isEqualTo(secret);
        assertThat(credentials.method()).isEqualTo(ClientCredentials.Method.BASIC);
        assertThat(credentials.toString()).doesNotContain(secret);
    }

    @Test
    void theSchemeIsCaseInsensitiveAndPlainValuesPassUnchanged() {
        ClientCredentials credentials = BasicCredentials.parse("basic " + base64("abc-_DEF:Zm9v-bar_baz")).orElseThrow();
        assertThat(credentials.clientId()).isEqualTo("abc-_DEF");
        assertThat(credentials.secret()).isEqualTo("Zm9v-bar_baz");
    }

    @Test
    void noHeaderIsNoCredentials() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse(" ")).isEmpty();
    }

    @Test
    void anythingElseIsInvalidClient() {
        for (String header : new String[] { "Bearer abc", "Basic", "Basic !!!", "Basic " + base64("no-colon"), "Basic " + base64(":secret"),
                "Basic " + base64("id:"), "Basic " + base64("id:%zz") }) {
            assertThatThrownBy(() -> BasicCredentials.parse(header)).as(header)
                    .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
