package org.partnerplatform.bench.sales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's public HTTP APIs, as an operator or a partner calls them: JSON with a bearer token. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** A client credentials grant, the hub's way (JSON body with the audience). */
    static String token(String tokenUrl, String clientId, String clientSecret, String audience) {
        return send("POST", tokenUrl + "/oauth/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret, "audience", audience), null, 200).path("access_token").asText();
    }

    static JsonNode get(String url, String token) {
        return send("GET", url, null, token, 200);
    }

    static JsonNode post(String url, Object body, String token, int expected) {
        return send("POST", url, body, token, expected);
    }

    static JsonNode put(String url, Object body, String token, int expected) {
        return send("PUT", url, body, token, expected);
    }

    private static JsonNode send(String method, String url, Object body, String token, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ", not " + expected + ": "
                        + new String(response.body()));
            }
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
