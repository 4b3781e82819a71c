package org.partnerplatform.oidcclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the platform's packaged services as processes, gives this test application a client of its own in
 * token-service (role FINANCE, through the admin API), and points quarkus-oidc-client and the REST client at them.
 */
public class PlatformResource implements QuarkusTestResourceLifecycleManager {
    static final String AUDIENCE = "https://api.staging.partnerplatform.local";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Platform platform;

    @Override
    public Map<String, String> start() {
        String adminSecret = random();
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Path repository = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize();
        platform = Platform.start(new Platform.Settings(repository, repository.resolve("oidc-client-tests/target/platform"), true,
                Platform.Ports.free(), "STAGING", AUDIENCE, "oidc-client-test-admin", adminSecret, Base64.getEncoder().encodeToString(kek),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of(), m -> System.out.println("[platform] " + m)));
        String token = platform.url(Service.TOKEN);
        String admin = field(post(token + "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=oidc-client-test-admin&client_secret=" + adminSecret), "access_token");
        String client = post(token + "/v1/organisations/1/clients", admin, "application/json",
                "{\"name\":\"reporting-service\",\"roles\":[\"FINANCE\"]}");
        return Map.of(
                "quarkus.oidc-client.auth-server-url", token,
                "quarkus.oidc-client.client-id", field(client, "clientId"),
                "quarkus.oidc-client.credentials.secret", field(client, "clientSecret"),
                "quarkus.rest-client.settlement.url", platform.url(Service.SETTLEMENT),
                "test.token-service.url", token,
                "test.admin-token", admin);
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static String post(String url, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String random() {
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
