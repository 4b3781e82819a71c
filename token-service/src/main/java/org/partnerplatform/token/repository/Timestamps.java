package org.partnerplatform.token.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Stored times are truncated to milliseconds, so what an API answers on creation equals what it reads back later. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
