package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal's sign-in wiring as a deployment has it (deploy/base/kustomization.yaml, partner-portal-config): no
 * OIDC discovery, the code exchange and JWKS at token-service's own URL, the browser sent to the sign-in and
 * sign-out pages by absolute URL, the issuer named. Running the local and test platforms this way is what proves it.
 */
final class PortalOidc {
    private PortalOidc() {
    }

    /** The environment variables, with the issuer read from the running token-service's discovery document. */
    static Map<String, String> environment(String tokenServiceUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_OIDC_DISCOVERY_ENABLED", "false");
        env.put("QUARKUS_OIDC_TOKEN_PATH", "/oauth/token");
        env.put("QUARKUS_OIDC_JWKS_PATH", "/.well-known/jwks.json");
        env.put("QUARKUS_OIDC_AUTHORIZATION_PATH", tokenServiceUrl + "/oauth/authorize");
        env.put("QUARKUS_OIDC_END_SESSION_PATH", tokenServiceUrl + "/oauth/logout");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", issuer(tokenServiceUrl));
        return env;
    }

    private static String issuer(String tokenServiceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenServiceUrl + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token-service's discovery answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body()).path("issuer").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
