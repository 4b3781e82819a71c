package org.partnerplatform.events.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner's settlement day was closed: its number (continuous per partner), its date, its totals and its totals per
 * operator. Key: partnerOrganisationId. A closed settlement never changes; late entries go into a correction.
 */
public record SettlementClosed(
        String settlementId,
        long partnerOrganisationId,
        long settlementNo,
        LocalDate settlementDate,
        String currency,
        int entryCount,
        SettlementTotals totals,
        List<SettlementTotals> operators,
        Instant closedAt) {
}
