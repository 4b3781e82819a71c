package org.partnerplatform.settlement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settlement's settings ({@code platform.settlement.*}); the schedule itself is {@code platform.settlement.close-every}. */
@ConfigMapping(prefix = "platform.settlement")
public interface SettlementConfig {

    /** How long after a day's end its settlement is closed, so that its last sales reach the ledger first. */
    @WithDefault("PT15M")
    Duration closeGrace();

    /** How often the close runs (a duration Quarkus reads, or "off" where closes are started by hand, as in tests). */
    @WithDefault("60s")
    String closeEvery();

    /** How many partner days one run of the close takes at most (each is a transaction of its own). */
    @WithDefault("500")
    int closeBatch();

    /**
     * How long after a day's close a missing SalesDayTotals report of it counts as overdue (the gauge
     * settlement_reconciliation_unreported); sales-service publishes a day 5 minutes after its end.
     */
    @WithDefault("PT1H")
    Duration reportWait();

    Clearing clearing();

    interface Clearing {
        /** This platform's name in the hub's clearing import (distributionChannelRef). */
        @WithDefault("PARTNERPLATFORM")
        String distributionChannelRef();
    }
}
