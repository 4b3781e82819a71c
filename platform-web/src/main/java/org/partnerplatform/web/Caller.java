package org.partnerplatform.web;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    public Caller(SecurityIdentity identity,
            @ConfigProperty(name = "platform.security.organisation-claim", defaultValue = DEFAULT_ORGANISATION_CLAIM) String organisationClaim) {
        this.identity = identity;
        this.organisationClaim = organisationClaim;
    }

    /** The caller's organisation; a token without one is refused (403). */
    public long organisationId() {
        return organisationIdIfAny().orElseThrow(() -> ProblemException.forbidden("the token carries no organisation"));
    }

    public Optional<Long> organisationIdIfAny() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return organisationOf(jwt.getClaim(organisationClaim));
    }

    public String clientId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            String value = claimString(azp);
            if (value != null) {
                return value;
            }
        }
        return identity.getPrincipal().getName();
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

    static Optional<Long> organisationOf(Object claim) {
        if (claim instanceof JsonNumber n) {
            return Optional.of(n.longValue());
        }
        if (claim instanceof Number n) {
            return Optional.of(n.longValue());
        }
        String text = claimString(claim);
        if (text != null && text.matches("[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }

    private static String claimString(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null;
    }
}
