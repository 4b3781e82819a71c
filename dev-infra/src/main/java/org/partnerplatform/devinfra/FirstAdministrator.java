package org.partnerplatform.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local platform's first platform administrator as a person: invited by the bootstrap admin client, so that
 * whoever starts the platform can open the link, choose a password and a second factor, and sign in to the portal.
 * Once that person exists, a new start invites nobody.
 */
final class FirstAdministrator {
    static final String EMAIL = "admin@platform.local";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a start says about the first administrator: an invitation's link, or that the person exists. */
    record Outcome(String link, boolean exists) {
    }

    private FirstAdministrator() {
    }

    static Outcome invite(String tokenServiceUrl, String adminClientId, String adminClientSecret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(adminClientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(adminClientSecret, StandardCharsets.UTF_8);
            HttpResponse<String> grant = http.send(HttpRequest.newBuilder(URI.create(tokenServiceUrl + "/oauth/token")).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(grant.body()).path("access_token").asText();
            byte[] body = JSON.writeValueAsBytes(Map.of("email", EMAIL, "roles", List.of("PLATFORM_ADMIN", "KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR")));
            HttpResponse<String> invited = http.send(HttpRequest.newBuilder(URI.create(tokenServiceUrl + "/v1/organisations/1/invitations"))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(invited.body());
            if (invited.statusCode() == 201) {
                return new Outcome(answer.path("link").asText(), false);
            }
            if (invited.statusCode() == 409) {
                return new Outcome(null, true);
            }
            throw new IllegalStateException("inviting the first administrator answered " + invited.statusCode() + ": " + invited.body());
        } catch (IOException e) {
            throw new IllegalStateException("inviting the first administrator failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
