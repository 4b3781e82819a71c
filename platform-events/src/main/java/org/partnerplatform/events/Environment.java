package org.partnerplatform.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The environment a deployment serves (config {@code platform.environment}). A client works only against the token
 * service of the environment it was created in; an agreement's products are made ready for use per environment.
 */
public enum Environment {
    DEVELOPMENT,
    STAGING,
    PRODUCTION;

    /** The environment of that exact name, or empty when the name is not one. */
    public static Optional<Environment> parse(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** The host label of this environment in issuer and audience URLs ("staging" in https://partner.staging.example/). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
