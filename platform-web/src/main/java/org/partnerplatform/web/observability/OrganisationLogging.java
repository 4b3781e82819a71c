package org.partnerplatform.web.observability;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.partnerplatform.web.OrganisationClaim;
import org.partnerplatform.web.TokenClaims;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.core.runtime.VertxMDC;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The caller's organisation id in the MDC of the request's log lines, for calls with a bearer token. Authentication
 * is lazy here, so the identity is asked for (once; the resource's security check reuses it); a browser's request
 * without one is left alone, so that no page signs anyone in only to log.
 */
public class OrganisationLogging {
    public static final String MDC_KEY = "organisationId";

    private final CurrentIdentityAssociation identity;
    private final String claim;

    public OrganisationLogging(CurrentIdentityAssociation identity, OrganisationClaim claim) {
        this.identity = identity;
        this.claim = claim.name();
    }

    @ServerRequestFilter
    public Uni<Void> organisation(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        Context context = Vertx.currentContext();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || context == null) {
            return Uni.createFrom().voidItem();
        }
        // The identity may complete on another thread: the MDC entry goes to the request's own context.
        return identity.getDeferredIdentity()
                .invoke(caller -> {
                    if (!caller.isAnonymous()) {
                        TokenClaims.organisation(caller.getPrincipal(), claim).ifPresent(id -> VertxMDC.INSTANCE.put(MDC_KEY, Long.toString(id), context));
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
