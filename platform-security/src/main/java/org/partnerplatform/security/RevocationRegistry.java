package org.partnerplatform.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Revoked clients and suspended organisations, as token-service announced them. A token is refused when its
 * client was revoked at or after the moment the token was issued, or while its organisation is suspended.
 * Held in memory: every replica rebuilds it from the beginning of token-service's topics when it starts.
 */
@ApplicationScoped
public class RevocationRegistry {
    private static final Logger LOG = Logger.getLogger(RevocationRegistry.class);

    private final Map<String, Instant> revokedClients = new ConcurrentHashMap<>();
    private final Map<Long, Instant> suspendedOrganisations = new ConcurrentHashMap<>();
    private final VerifiedTokenCache cache;

    public RevocationRegistry(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    public void clientRevoked(String clientId, Instant revokedAt) {
        revokedClients.merge(clientId, revokedAt, (a, b) -> a.isAfter(b) ? a : b);
        cache.forgetClient(clientId);
        LOG.infof("client %s revoked at %s: its tokens are refused from now on", clientId, revokedAt);
    }

    public void organisationSuspended(long organisationId, Instant at) {
        suspendedOrganisations.put(organisationId, at);
        cache.forgetOrganisation(organisationId);
        LOG.infof("organisation %d suspended: its tokens are refused until it is reinstated", organisationId);
    }

    public void organisationReinstated(long organisationId) {
        suspendedOrganisations.remove(organisationId);
    }

    /** Whether token-service announced the organisation suspended (and not since reinstated): an operator that is sells nothing. */
    public boolean isSuspended(long organisationId) {
        return suspendedOrganisations.containsKey(organisationId);
    }

    /** Why the token must be refused, or empty when the rules allow it. */
    Optional<String> refusal(TokenFacts token) {
        Instant revokedAt = revokedClients.get(token.clientId());
        if (revokedAt != null && !token.issuedAt().isAfter(revokedAt)) {
            return Optional.of("client " + token.clientId() + " was revoked");
        }
        if (token.organisationId().isPresent() && suspendedOrganisations.containsKey(token.organisationId().get())) {
            return Optional.of("organisation " + token.organisationId().get() + " is suspended");
        }
        return Optional.empty();
    }
}
