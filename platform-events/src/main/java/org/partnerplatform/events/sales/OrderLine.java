package org.partnerplatform.events.sales;

/** One line of a confirmed order. Amounts VAT included; taxAmount is the VAT contained in amount. */
public record OrderLine(
        String lineId,
        String productId,
        String userProfile,
        int quantity,
        String unitPrice,
        String amount,
        String taxAmount,
        String taxCode,
        String taxRate) {
}
