package org.partnerplatform.sales.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Validates the access token a partner puts on a Kafka record (header {@code Authorization: Bearer ...}) with the
 * same quarkus-oidc configuration as the REST API: signature against token-service's JWKS, issuer, audience, expiry.
 */
@ApplicationScoped
public class RecordTokens {
    private final TenantIdentityProvider identityProvider;

    public RecordTokens(TenantIdentityProvider identityProvider) {
        this.identityProvider = identityProvider;
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
        return identityProvider.authenticate(new AccessTokenCredential(token));
    }
}
