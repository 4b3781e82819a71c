package org.partnerplatform.web;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;


import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the organisation and client of the access token, and its roles. The organisation claim's name
 * is configurable and defaults to the hub's, so that tokens and clients built for the hub keep working.
 */
@RequestScoped
public class Caller {
    public static final String DEFAULT_ORGANISATION_CLAIM = "https://entur.io/organisationID";

    private final SecurityIdentity identity;
    private final String organisationClaim;

    public Caller(SecurityIdentity identity, OrganisationClaim organisationClaim) {
        this.identity = identity;
        this.organisationClaim = organisationClaim.name();
    }

    /** The caller's organisation; a token without one is refused (403). */
    public long organisationId() {
        return organisationIdIfAny().orElseThrow(() -> ProblemException.forbidden("the token carries no organisation"));
    }

    public Optional<Long> organisationIdIfAny() {
        return TokenClaims.organisation(identity.getPrincipal(), organisationClaim);
    }

    public String clientId() {
        return TokenClaims.clientId(identity.getPrincipal());
    }

    /** The person, when a person signed in (through the portal) rather than a client calling on its own. */
    public Optional<String> personId() {
        return TokenClaims.person(identity.getPrincipal());
    }

    /** Who acts, as audit records name it: {@code person:<id>} for a person, else the client id. */
    public String actor() {
        return personId().map(p -> "person:" + p).orElseGet(this::clientId);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** True when the caller may act for the organisation: it is its own, or the caller is a platform admin. */
    public boolean actsFor(long organisationId) {
        return hasRole(Roles.PLATFORM_ADMIN) || organisationIdIfAny().map(o -> o == organisationId).orElse(false);
    }
}
