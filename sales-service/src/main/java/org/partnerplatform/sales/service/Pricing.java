package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices include VAT; the VAT in an amount at rate r % is amount × r / (100 + r), rounded half up to the øre. */
public final class Pricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    public static BigDecimal lineAmount(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal vatIncluded(BigDecimal amount, BigDecimal ratePercent) {
        return amount.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 2, RoundingMode.HALF_UP);
    }
}
