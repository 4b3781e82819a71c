package org.partnerplatform.token.service.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.Environment;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.service.oauth.ClientCredentials;

import io.quarkus.runtime.LaunchMode;

/**
 * The web applications that sign persons in here (today one, the portal: platform.token.portal): their secrets and
 * the exact URIs a sign-in or sign-out may return to. A committed dev-only secret is refused in a PRODUCTION deployment.
 */
@ApplicationScoped
public class WebClients {
    static final String DEV_ONLY_PREFIX = "dev-only-";

    public record WebClient(String clientId, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris) {
        @Override
        public String toString() {
            return "WebClient[clientId=" + clientId + ", redirectUris=" + redirectUris + ", secret=***]";
        }
    }

    private final Map<String, WebClient> clients = new TreeMap<>();

    public WebClients(TokenConfig config, IssuerSettings settings) {
        config.portal().ifPresent(client -> {
            String id = client.clientId();
            if (client.secret().length() < 32) {
                throw new IllegalStateException("platform.token.portal.secret must have at least 32 characters");
            }
            if (client.secret().startsWith(DEV_ONLY_PREFIX) && settings.environment() == Environment.PRODUCTION
                    && LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("platform.token.portal.secret is a committed dev-only value; "
                        + "a PRODUCTION deployment needs a secret of its own");
            }
            clients.put(id, new WebClient(id, client.secret(), List.copyOf(client.redirectUris()),
                    List.copyOf(client.postLogoutRedirectUris().orElse(List.of()))));
        });
    }

    public Optional<WebClient> byId(String clientId) {
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    /** The web client these credentials authenticate, compared in constant time. */
    public Optional<WebClient> authenticate(ClientCredentials credentials) {
        if (credentials == null || credentials.secret() == null) {
            return Optional.empty();
        }
        return byId(credentials.clientId()).filter(client -> MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                credentials.secret().getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether any web client (or the named one) may be returned to at this URI after signing out. */
    public boolean mayReturnAfterSignOut(String clientId, String uri) {
        return clients.values().stream().filter(c -> clientId == null || c.clientId().equals(clientId))
                .anyMatch(c -> c.postLogoutRedirectUris().contains(uri));
    }
}
