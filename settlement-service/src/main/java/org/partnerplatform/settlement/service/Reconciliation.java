package org.partnerplatform.settlement.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The reconciliation of a partner's day: what sales-service reported against what settlement settled for it. The
 * rule: while the day is still settling (an entry not yet settled; in PRODUCTION also a day not yet due) it is
 * PENDING; then MATCHED when counts and amounts of sales and of refunds are equal, else MISMATCH with
 * difference = settled - reported.
 */
public record Reconciliation(long partnerOrganisationId, LocalDate settlementDate, Status status, DayFigures reported,
        DayFigures settled, Instant reconciledAt) {

    public enum Status {
        PENDING, MATCHED, MISMATCH
    }

    public record DayFigures(int saleCount, BigDecimal saleAmount, int refundCount, BigDecimal refundAmount) {

        public DayFigures minus(DayFigures o) {
            return new DayFigures(saleCount - o.saleCount, saleAmount.subtract(o.saleAmount), refundCount - o.refundCount,
                    refundAmount.subtract(o.refundAmount));
        }

        public boolean sameAs(DayFigures o) {
            return saleCount == o.saleCount && refundCount == o.refundCount && saleAmount.compareTo(o.saleAmount) == 0
                    && refundAmount.compareTo(o.refundAmount) == 0;
        }
    }

    public static Reconciliation of(long partner, LocalDate day, DayFigures reported, DayFigures settled, boolean settling, Instant now) {
        Status status = settling ? Status.PENDING : reported.sameAs(settled) ? Status.MATCHED : Status.MISMATCH;
        return new Reconciliation(partner, day, status, reported, settled, now);
    }

    public DayFigures difference() {
        return settled.minus(reported);
    }

    /** Whether this result says something other than the one before it (which may be null). */
    public boolean differsFrom(Reconciliation before) {
        return before == null || before.status != status || !before.reported.sameAs(reported) || !before.settled.sameAs(settled);
    }
}
