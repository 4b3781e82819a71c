package org.partnerplatform.token.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.web.TokenClaims;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Turns a bearer token into a SecurityIdentity: the token as principal, its roles claim as roles. Tokens of revoked
 * clients and of suspended organisations are refused (the client registry: as fresh as the grant path); a person's
 * token (its subject is not its client) is refused once the person is removed or their sign-in reset.
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
        if (TokenClaims.person(token).isPresent()) {
            // A person's token (through a web client): the person must still be there, in an active organisation.
            return Panache.withSession(() -> Person.<Person> findById(token.getSubject()).chain(person -> person == null || !person.signsIn()
                    ? Uni.createFrom().<Person> nullItem()
                    : Organisation.byId(person.organisationId).map(o -> o.status == OrganisationStatus.ACTIVE ? person : null)))
                    .map(person -> {
                        if (person == null) {
                            throw new AuthenticationFailedException(
                                    "the token's person has been removed, their sign-in reset, or their organisation suspended");
                        }
                        // Here the roles it still holds, not those it held at sign-in: a person demoted a moment
                        // ago manages nothing more with the token they signed in with.
                        java.util.Set<String> held = new java.util.HashSet<>(Role.claimValues(person.roles));
                        return identity(token, token.getGroups().stream().filter(held::contains).toList());
                    });
        }
        return clients.byId(token.getSubject()).map(client -> {
            if (client == null || !client.active() || client.organisationStatus() != OrganisationStatus.ACTIVE) {
                throw new AuthenticationFailedException("the token's client has been revoked or its organisation suspended");
            }
            return identity(token, token.getGroups());
        });
    }

    private static SecurityIdentity identity(VerifiedAccessToken token, java.util.Collection<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addRoles(java.util.Set.copyOf(roles))
                .addCredential(new TokenCredential(token.getRawToken(), "bearer"))
                .build();
    }
}
