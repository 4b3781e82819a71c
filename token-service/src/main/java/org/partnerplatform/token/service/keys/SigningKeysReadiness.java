package org.partnerplatform.token.service.keys;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a signing key is loaded: before that, the token endpoint could only fail. */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {
    private final SigningKeys keys;

    public SigningKeysReadiness(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signing-keys").status(keys.loaded()).build();
    }
}
