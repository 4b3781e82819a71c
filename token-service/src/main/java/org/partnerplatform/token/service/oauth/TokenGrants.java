package org.partnerplatform.token.service.oauth;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.repository.Role;

import io.smallrye.mutiny.Uni;

/**
 * The client credentials grant: cheap checks first (audience, scope names), then client authentication, then
 * whether this client may have a token here and now, then the token.
 */
@ApplicationScoped
public class TokenGrants {
    private final ClientAuthenticator authenticator;
    private final TokenIssuer issuer;
    private final IssuerSettings settings;

    public TokenGrants(ClientAuthenticator authenticator, TokenIssuer issuer, IssuerSettings settings) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.settings = settings;
    }

    public Uni<IssuedToken> grant(TokenRequest request) {
        if (request.audience().isPresent() && !request.audience().get().equals(settings.audience())) {
            return Uni.createFrom().failure(new OAuthException(OAuthException.INVALID_TARGET,
                    "this server issues tokens for the audience " + settings.audience() + " only"));
        }
        Optional<Set<Role>> requested;
        try {
            requested = request.scope().map(Scopes::parse);
        } catch (OAuthException e) {
            return Uni.createFrom().failure(e);
        }
        return authenticator.authenticate(request.credentials()).map(client -> {
            ClientAdmission.require(client, settings);
            Set<Role> roles = Scopes.grant(requested, client.roles());
            return issuer.issue(client.clientId(), client.organisationId(), roles);
        });
    }
}
