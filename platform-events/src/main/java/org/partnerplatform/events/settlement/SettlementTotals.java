package org.partnerplatform.events.settlement;

/**
 * The figures of a settlement, for the whole of it (operatorOrganisationId null) or for one operator. Counts and
 * amounts of sales and of refunds, both amounts positive; gross = saleAmount - refundAmount; VAT, commission and the
 * net owed to the operator are the sums of the entries' (a refund's are negative), so any of them may be negative.
 */
public record SettlementTotals(
        Long operatorOrganisationId,
        int saleCount,
        String saleAmount,
        int refundCount,
        String refundAmount,
        String grossAmount,
        String vatAmount,
        String commissionAmount,
        String netToOperatorAmount) {
}
