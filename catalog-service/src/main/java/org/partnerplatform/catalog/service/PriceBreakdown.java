package org.partnerplatform.catalog.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.partnerplatform.events.Vat;

/**
 * A price split into its parts by the platform's VAT rule ({@link Vat}, the rule sales charges by): the amount the
 * passenger pays (VAT included), the VAT in it, and the amount without VAT, which is the difference, so that the parts
 * always add up to the amount exactly.
 */
public record PriceBreakdown(BigDecimal amount, BigDecimal amountExclVat, BigDecimal vatAmount) {

    /** @param vatRatePercent the rate in percent, e.g. 12 for passenger transport */
    public static PriceBreakdown of(BigDecimal amountInclVat, BigDecimal vatRatePercent) {
        BigDecimal amount = amountInclVat.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vat = Vat.included(amount, vatRatePercent);
        return new PriceBreakdown(amount, amount.subtract(vat), vat);
    }
}
