package org.partnerplatform.portal.rest;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/** The person signed in on this request: from their ID token, and their access token to call the APIs with. */
@RequestScoped
public class SignedIn {
    static final String ORGANISATION_CLAIM = "https://entur.io/organisationID";

    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    AccessTokenCredential accessToken;
    @Inject
    SecurityIdentity identity;

    public record Person(String name, String email, long organisationId, List<String> roles) {
    }

    public Person person() {
        Object organisation = idToken.getClaim(ORGANISATION_CLAIM);
        long organisationId = organisation instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(organisation));
        Set<String> roles = identity.getRoles();
        return new Person(idToken.getClaim("name"), idToken.getClaim("email"), organisationId, roles.stream().sorted().toList());
    }

    /** The person's id in token-service: the ID token's subject. */
    public String personId() {
        return idToken.getSubject();
    }

    public long organisationId() {
        return person().organisationId();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public String bearer() {
        return "Bearer " + accessToken.getToken();
    }
}
