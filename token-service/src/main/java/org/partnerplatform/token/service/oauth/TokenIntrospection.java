package org.partnerplatform.token.service.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.consumer.InvalidJwtException;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.security.AccessTokenVerifier;
import org.partnerplatform.token.security.VerifiedAccessToken;

import io.smallrye.mutiny.Uni;

/**
 * Token introspection (RFC 7662) for resource servers that prefer asking to verifying JWTs themselves. The caller
 * authenticates with its own client credentials (as at the token endpoint, throttling included) and must be a
 * client that may have tokens here now.
 * <p>
 * A token is active when its signature verifies against a published key, its issuer, audience and times are right,
 * and its client may have tokens now (exists, not revoked, organisation active, certified in PRODUCTION), as the
 * client registry knows it: a revocation or suspension shows at once. Anything else is just
 * {"active": false}, saying nothing about why (§2.2).
 * <p>
 * Who learns what (§4: the server may answer callers differently, against token scanning): clients of the platform
 * organisation (the platform's own resource servers) about every token; any other client only about tokens of its
 * own organisation, which it could read itself. A dedicated resource-server role would be narrower, but needs the
 * shared ClientCreated contract to allow it.
 */
@ApplicationScoped
public class TokenIntrospection {
    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final ClientAuthenticator authenticator;
    private final AccessTokenVerifier verifier;
    private final ClientRegistry lookup;
    private final IssuerSettings settings;

    public TokenIntrospection(ClientAuthenticator authenticator, AccessTokenVerifier verifier, ClientRegistry lookup, IssuerSettings settings) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.lookup = lookup;
        this.settings = settings;
    }

    public Uni<Map<String, Object>> introspect(IntrospectionRequest request) {
        return authenticator.authenticate(request.credentials()).chain(caller -> {
            ClientAdmission.require(caller, settings);
            VerifiedAccessToken token;
            try {
                token = verifier.verify(request.token());
            } catch (InvalidJwtException e) {
                return Uni.createFrom().item(INACTIVE);
            }
            return lookup.byId(token.getSubject()).map(client -> client != null && client.active()
                    && (caller.organisationId() == Organisation.PLATFORM_ID || caller.organisationId() == client.organisationId())
                    && ClientAdmission.refusal(AuthenticatedClient.of(client), settings) == null ? active(token) : INACTIVE);
        });
    }

    private static Map<String, Object> active(VerifiedAccessToken token) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", "Bearer");
        answer.putAll(token.claims().getClaimsMap());
        return answer;
    }
}
