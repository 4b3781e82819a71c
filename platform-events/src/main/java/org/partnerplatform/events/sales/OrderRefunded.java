package org.partnerplatform.events.sales;

import java.time.Instant;
import java.util.List;

/**
 * Lines of a confirmed order were refunded: a credit of their amounts (VAT included) under a new confirmed version of
 * the order; their tickets are disabled. Key: orderId. Settlement books it as a negative entry of the credit.
 */
public record OrderRefunded(
        String orderId,
        long version,
        long organisationId,
        long operatorOrganisationId,
        String agreementId,
        int commissionBasisPoints,
        String distributionChannelId,
        String creditId,
        String currency,
        String totalCreditAmount,
        String totalCreditTaxAmount,
        Instant refundedAt,
        List<OrderLine> lines,
        List<String> disabledTicketIds) {
}
