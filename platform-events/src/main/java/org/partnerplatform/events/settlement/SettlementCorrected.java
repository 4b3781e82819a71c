package org.partnerplatform.events.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Entries that reached settlement after their day was closed were settled in a correction: a settlement of its own
 * with the partner's next number, the same settlementDate, and the id and number of the settlement it corrects. Its
 * totals are those of the late entries only. Key: partnerOrganisationId.
 */
public record SettlementCorrected(
        String settlementId,
        long partnerOrganisationId,
        long settlementNo,
        LocalDate settlementDate,
        String correctedSettlementId,
        long correctedSettlementNo,
        String currency,
        int entryCount,
        SettlementTotals totals,
        List<SettlementTotals> operators,
        Instant closedAt) {
}
