package org.partnerplatform.settlement.rest;

import java.time.Instant;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.settlement.repository.LedgerEntry;

/** A ledger entry as finance and partners read it; amounts as decimal strings in NOK. */
public record LedgerEntryView(
        String entryId,
        String entryType,
        String orderId,
        long partnerOrganisationId,
        long operatorOrganisationId,
        String agreementId,
        String currency,
        String grossAmount,
        String vatAmount,
        int commissionBasisPoints,
        String commissionAmount,
        String netToOperatorAmount,
        Instant occurredAt,
        Instant recordedAt) {

    static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.id.toString(), e.entryType, e.orderId, e.partnerOrganisationId, e.operatorOrganisationId,
                e.agreementId, e.currency, Amounts.format(e.grossAmount), Amounts.format(e.vatAmount), e.commissionBasisPoints,
                Amounts.format(e.commissionAmount), Amounts.format(e.netToOperatorAmount), e.occurredAt, e.recordedAt);
    }
}
