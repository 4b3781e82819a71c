package org.partnerplatform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a token that {@link CachedBearerMechanism} found in {@link VerifiedTokenCache} into the identity verified
 * earlier, bound to this request. {@link TokenPolicyAugmentor} then applies the revocation rules to it.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<CachedTokenRequest> {
    static final String FROM_CACHE = "platform.token-cache.hit";

    private final VerifiedTokenCache cache;

    public CachedTokenIdentityProvider(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<CachedTokenRequest> getRequestType() {
        return CachedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CachedTokenRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> cache.lookup(request.token()).map(entry -> {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(entry.identity())
                    .addAttribute(FROM_CACHE, Boolean.TRUE)
                    .addAttribute(AuthenticationRequestContext.class.getName(), context);
            // The cached identity was built during another request; bind it to this one.
            RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routingContext != null) {
                builder.addAttribute(RoutingContext.class.getName(), routingContext);
            }
            return (SecurityIdentity) builder.build();
        }).orElse(null));
    }
}
