package org.partnerplatform.sales.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.partnerplatform.security.TokenAuthenticator;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Validates the access token a partner puts on a Kafka record (header {@code Authorization: Bearer ...}) as the REST
 * API does: quarkus-oidc's checks (signature against token-service's JWKS, issuer, audience, expiry), through the
 * verified-token cache, and the revocation rules of platform-security.
 */
@ApplicationScoped
public class RecordTokens {
    private final TokenAuthenticator authenticator;

    public RecordTokens(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public static Optional<String> bearer(Headers headers) {
        Header header = headers.lastHeader("Authorization");
        if (header == null) {
            header = headers.lastHeader("authorization");
        }
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
            return Optional.of(value.substring(7).trim());
        }
        return Optional.empty();
    }

    public Uni<SecurityIdentity> authenticate(String token) {
        return authenticator.authenticate(token);
    }
}
