package org.partnerplatform.token.service.keys;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until a signing key is loaded (before that, the token endpoint could only fail), nor while the key
 * table has not been reread for so long that this replica could miss a rotation (see SigningKeys.fresh()).
 */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {
    private final SigningKeys keys;

    public SigningKeysReadiness(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = keys.loaded();
        boolean fresh = keys.fresh();
        return HealthCheckResponse.named("signing-keys").status(loaded && fresh)
                .withData("loaded", loaded).withData("fresh", fresh).build();
    }
}
