package org.partnerplatform.events.settlement;

import java.time.Instant;

/**
 * A ledger entry for a confirmed sale (or a refund, with negative amounts). grossAmount includes vatAmount;
 * commissionAmount is the partner's; netToOperatorAmount = grossAmount - commissionAmount.
 * Key: partnerOrganisationId, so that one partner's ledger events stay in order.
 */
public record SettlementEntryRecorded(
        String entryId,
        String entryType,
        String orderId,
        long partnerOrganisationId,
        long operatorOrganisationId,
        String agreementId,
        String currency,
        String grossAmount,
        String vatAmount,
        String commissionAmount,
        String netToOperatorAmount,
        int commissionBasisPoints,
        Instant occurredAt,
        Instant recordedAt) {
}
