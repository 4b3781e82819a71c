package org.partnerplatform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxMetricsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRowSeenAtTheLastReadingGoesOnAgeingUntilTheNextOne() {
        OutboxMetrics.Reading reading = new OutboxMetrics.Reading(40, 1_000 * SECOND);
        assertThat(reading.ageNow(1_000 * SECOND)).isEqualTo(40);
        // The database cannot be read for five minutes: the gauge does not stand still at 40.
        assertThat(reading.ageNow(1_300 * SECOND)).isEqualTo(340);
    }

    @Test
    void anEmptyOutboxStaysAtZeroUntilAReadingFindsARow() {
        assertThat(new OutboxMetrics.Reading(0, 1_000 * SECOND).ageNow(1_300 * SECOND)).isZero();
    }
}
