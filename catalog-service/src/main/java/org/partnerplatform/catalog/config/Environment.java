package org.partnerplatform.catalog.config;

import java.util.Arrays;
import java.util.Optional;

/** The environments a deployment may serve; an agreement's products are made ready for use per environment. */
public enum Environment {
    DEVELOPMENT, STAGING, PRODUCTION;

    /** The environment of that exact name, or empty when the name is not one. */
    public static Optional<Environment> parse(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }
}
