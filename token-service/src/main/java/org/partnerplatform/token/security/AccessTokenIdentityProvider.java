package org.partnerplatform.token.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.repository.OrganisationStatus;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a bearer token into a SecurityIdentity: the token as principal, its roles claim as roles. Tokens of revoked
 * clients and of suspended organisations are refused (the client registry: as fresh as the grant path).
 */
@ApplicationScoped
public class AccessTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(AccessTokenIdentityProvider.class);

    private final AccessTokenVerifier verifier;
    private final ClientRegistry clients;

    public AccessTokenIdentityProvider(AccessTokenVerifier verifier, ClientRegistry clients) {
        this.verifier = verifier;
        this.clients = clients;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        VerifiedAccessToken token;
        try {
            token = verifier.verify(request.getToken().getToken());
        } catch (InvalidJwtException e) {
            // The reason, never the token: a token is a credential.
            LOG.debugf("refused an access token: %s", e.getErrorDetails().isEmpty() ? "invalid" : e.getErrorDetails().get(0).getErrorMessage());
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid access token"));
        }
        return clients.byId(token.getSubject()).map(client -> {
            if (client == null || !client.active() || client.organisationStatus() != OrganisationStatus.ACTIVE) {
                throw new AuthenticationFailedException("the token's client has been revoked or its organisation suspended");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addRoles(token.getGroups())
                    .addCredential(new TokenCredential(token.getRawToken(), "bearer"))
                    .build();
        });
    }
}
