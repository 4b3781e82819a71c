package org.partnerplatform.token.service.oauth;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.repository.ClientGrantRecord;
import org.partnerplatform.token.repository.ClientRegistry;

import io.smallrye.mutiny.Uni;

/**
 * Verifies client credentials for the token and introspection endpoints.
 * <p>
 * Every request looks the client and its organisation up in the {@link ClientRegistry} (as last committed: from
 * memory, kept current by the tables' change notifications, or from the table). A secret that the verified-secret
 * cache holds for a version that is valid now (the current one, or the previous one within its grace period) is
 * accepted in a microsecond; anything else takes the slow KDF check on its own bounded pool, unless the
 * failed-grant throttle says this client id must wait (429). Checking the cached secret against the version and
 * status as committed is what ends it at once on rotation or revocation (see {@link VerifiedSecretCache}).
 */
@ApplicationScoped
public class ClientAuthenticator {
    static final String UNKNOWN_OR_WRONG = "unknown client or wrong secret";

    private final ClientRegistry lookup;
    private final VerifiedSecretCache cache;
    private final SecretVerifier verifier;
    private final FailedGrantThrottle throttle;
    private final Clock clock;

    public ClientAuthenticator(ClientRegistry lookup, VerifiedSecretCache cache, SecretVerifier verifier, FailedGrantThrottle throttle,
            Clock clock) {
        this.lookup = lookup;
        this.cache = cache;
        this.verifier = verifier;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Uni<AuthenticatedClient> authenticate(ClientCredentials credentials) {
        if (credentials == null) {
            return Uni.createFrom().failure(OAuthException.invalidClient("client authentication is required"));
        }
        if (credentials.clientId() == null || credentials.secret() == null) {
            return Uni.createFrom().failure(OAuthException.invalidClient("both client_id and client_secret are required"));
        }
        String clientId = credentials.clientId();
        String secret = credentials.secret();
        return lookup.byId(clientId).chain(client -> {
            byte[] mac = cache.mac(clientId, secret);
            boolean previousValid = client != null && client.previousSecretValidAt(clock.instant());
            if (client != null && client.active() && (cache.matches(clientId, client.secretVersion(), mac)
                    || previousValid && cache.matches(clientId, client.secretVersion() - 1, mac))) {
                return Uni.createFrom().item(AuthenticatedClient.of(client));
            }
            FailedGrantThrottle.Decision decision = throttle.begin(clientId);
            if (decision.refused()) {
                return Uni.createFrom().failure(OAuthException.slowDown(decision.retryAfter()));
            }
            return verifier.verify(clientId, secret, mac, client, previousValid).map(match -> accept(client, match, mac));
        });
    }

    private AuthenticatedClient accept(ClientGrantRecord client, SecretVerifier.Match match, byte[] mac) {
        // Unknown client and wrong secret answer alike (and take as long), so that client ids cannot be probed.
        if (client == null || match == SecretVerifier.Match.NONE) {
            throw OAuthException.invalidClient(UNKNOWN_OR_WRONG);
        }
        // The grace period may have ended while the KDF ran.
        if (match == SecretVerifier.Match.PREVIOUS && !client.previousSecretValidAt(clock.instant())) {
            throw OAuthException.invalidClient(UNKNOWN_OR_WRONG);
        }
        if (!client.active()) {
            throw OAuthException.invalidClient("the client has been revoked");
        }
        throttle.succeeded(client.clientId());
        int version = match == SecretVerifier.Match.CURRENT ? client.secretVersion() : client.secretVersion() - 1;
        cache.remember(client.clientId(), version, mac);
        return AuthenticatedClient.of(client);
    }
}
