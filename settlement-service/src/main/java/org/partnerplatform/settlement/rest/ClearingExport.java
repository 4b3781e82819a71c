package org.partnerplatform.settlement.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.settlement.repository.LedgerEntry;
import org.partnerplatform.settlement.service.Settlement;

/**
 * A settlement in the shape of the hub's clearing import: distributionChannelRef (this platform, configured),
 * posRef (the partner, the point of sale), settlementDate, settlementNo (continuous per partner),
 * correctedSettlementId (a correction's reference, else null), ignoreSequence (false: the numbers are continuous,
 * corrections included) and its transactions, one per ledger entry, with the entry's figures as parameters.
 */
public record ClearingExport(
        String distributionChannelRef,
        String posRef,
        LocalDate settlementDate,
        long settlementNo,
        String externalSettlementNo,
        String correctedSettlementId,
        boolean ignoreSequence,
        String currency,
        List<Transaction> transactions) {

    /** A sale (positive amount) or a refund (negative), with what the clearing needs to share the revenue. */
    public record Transaction(String transactionRef, String transactionType, String orderRef, String creditRef, Instant occurredAt,
            String amount, String vatAmount, List<String> annexes, Map<String, String> parameters) {
    }

    static ClearingExport of(String distributionChannelRef, Settlement s, List<LedgerEntry> entries) {
        return new ClearingExport(distributionChannelRef, Long.toString(s.partnerOrganisationId()), s.settlementDate(), s.settlementNo(),
                s.id().toString(), s.correctedSettlementId() == null ? null : s.correctedSettlementId().toString(), false, s.currency(),
                entries.stream().map(ClearingExport::transaction).toList());
    }

    private static Transaction transaction(LedgerEntry e) {
        return new Transaction(e.id.toString(), e.entryType, e.orderId, e.creditId, e.occurredAt, Amounts.format(e.grossAmount),
                Amounts.format(e.vatAmount), List.of(), Map.of(
                        "operatorOrganisationId", Long.toString(e.operatorOrganisationId),
                        "agreementId", e.agreementId,
                        "commissionBasisPoints", Integer.toString(e.commissionBasisPoints),
                        "commissionAmount", Amounts.format(e.commissionAmount),
                        "netToOperatorAmount", Amounts.format(e.netToOperatorAmount)));
    }
}
