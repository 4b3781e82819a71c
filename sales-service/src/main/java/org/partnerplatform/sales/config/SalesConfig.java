package org.partnerplatform.sales.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.sales")
public interface SalesConfig {

    /** How long a reserved draft waits for its confirmation before it expires. */
    @WithDefault("PT30M")
    Duration draftLifetime();

    /** How often every replica sweeps for drafts due to expire (a Quarkus scheduler period, such as 30s). */
    @WithDefault("30s")
    String expirySweepEvery();

    /** The most drafts one sweep of the expiry job expires in one transaction. */
    @WithDefault("500")
    int expirySweepBatch();
}
