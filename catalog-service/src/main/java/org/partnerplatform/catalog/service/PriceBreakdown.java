package org.partnerplatform.catalog.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price split into its parts: the amount the passenger pays (VAT included), the amount without VAT, rounded half
 * up to the øre, and the VAT, which is the difference, so that the parts always add up to the amount exactly.
 */
public record PriceBreakdown(BigDecimal amount, BigDecimal amountExclVat, BigDecimal vatAmount) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @param vatRatePercent the rate in percent, e.g. 12 for passenger transport */
    public static PriceBreakdown of(BigDecimal amountInclVat, BigDecimal vatRatePercent) {
        BigDecimal amount = amountInclVat.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal divisor = BigDecimal.ONE.add(vatRatePercent.divide(HUNDRED));
        BigDecimal exclVat = amount.divide(divisor, 2, RoundingMode.HALF_UP);
        return new PriceBreakdown(amount, exclVat, amount.subtract(exclVat));
    }
}
