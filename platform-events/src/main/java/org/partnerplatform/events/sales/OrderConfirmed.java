package org.partnerplatform.events.sales;

import java.time.Instant;
import java.util.List;

/** An order was confirmed (balance 0.00, payment type AGENT). Key: orderId. */
public record OrderConfirmed(
        String orderId,
        long version,
        long organisationId,
        long operatorOrganisationId,
        String agreementId,
        int commissionBasisPoints,
        String distributionChannelId,
        String paymentType,
        String currency,
        String totalAmount,
        String totalTaxAmount,
        Instant confirmedAt,
        List<OrderLine> lines,
        List<String> ticketIds) {
}
