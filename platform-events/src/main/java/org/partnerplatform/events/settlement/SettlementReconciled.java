package org.partnerplatform.events.settlement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The result of comparing what sales-service reported for a partner's day with what settlement settled for it (the
 * settlement of the day and its corrections): MATCHED, or MISMATCH with the difference (settled - reported). Published
 * when the result changes. Key: partnerOrganisationId.
 */
public record SettlementReconciled(
        long partnerOrganisationId,
        LocalDate settlementDate,
        String status,
        DayFigures reported,
        DayFigures settled,
        DayFigures difference,
        Instant reconciledAt) {

    /** Counts and amounts of confirmed sales and of refunds (amounts positive, or signed in a difference). */
    public record DayFigures(int saleCount, String saleAmount, int refundCount, String refundAmount) {
    }
}
