package org.partnerplatform.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partnerplatform.settlement.service.Reconciliation.DayFigures;
import org.partnerplatform.settlement.service.Reconciliation.Status;

class ReconciliationRuleTest {
    static final LocalDate DAY = LocalDate.parse("2026-11-12");
    static final DayFigures REPORTED = new DayFigures(2, new BigDecimal("350.00"), 1, new BigDecimal("100.00"));

    @Test
    void equalFiguresMatchAndAnyDifferenceIsAMismatchWithItsSign() {
        assertThat(Reconciliation.of(1, DAY, REPORTED, new DayFigures(2, new BigDecimal("350.0"), 1, new BigDecimal("100")), false, Instant.EPOCH)
                .status()).isEqualTo(Status.MATCHED);
        Reconciliation r = Reconciliation.of(1, DAY, REPORTED, new DayFigures(1, new BigDecimal("100.00"), 1, new BigDecimal("100.00")), false, Instant.EPOCH);
        assertThat(r.status()).isEqualTo(Status.MISMATCH);
        assertThat(r.difference()).isEqualTo(new DayFigures(-1, new BigDecimal("-250.00"), 0, new BigDecimal("0.00")));
        // A refund settled twice shows as one refund too many.
        Reconciliation twice = Reconciliation.of(1, DAY, REPORTED, new DayFigures(2, new BigDecimal("350.00"), 2, new BigDecimal("200.00")), false,
                Instant.EPOCH);
        assertThat(twice.difference().refundCount()).isEqualTo(1);
    }

    @Test
    void aDayStillBeingSettledIsPendingAndOnlyAChangedResultIsNews() {
        Reconciliation pending = Reconciliation.of(1, DAY, REPORTED, REPORTED, true, Instant.EPOCH);
        assertThat(pending.status()).isEqualTo(Status.PENDING);
        Reconciliation matched = Reconciliation.of(1, DAY, REPORTED, REPORTED, false, Instant.EPOCH);
        assertThat(matched.differsFrom(pending)).isTrue();
        assertThat(matched.differsFrom(null)).isTrue();
        assertThat(Reconciliation.of(1, DAY, REPORTED, REPORTED, false, Instant.now()).differsFrom(matched)).isFalse();
    }
}
