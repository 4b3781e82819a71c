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

    /**
     * Whether a day's books may be closed, reported and reconciled before the day is over: everywhere but PRODUCTION,
     * so that a partner under certification sees its settlement on the day it sells.
     */
    public boolean closesDaysEarly() {
        return this != PRODUCTION;
    }

    /** The host label of this environment in issuer and audience URLs ("staging" in https://partner.staging.example/). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
