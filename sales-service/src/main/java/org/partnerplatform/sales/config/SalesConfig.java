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

    /** How long after a day's end its totals are published (SalesDayTotals), so that its last confirmations commit first. */
    @WithDefault("PT5M")
    Duration dayTotalsGrace();

    /** How often the day totals publisher runs ("off" where tests publish by hand). */
    @WithDefault("5m")
    String dayTotalsEvery();
}
