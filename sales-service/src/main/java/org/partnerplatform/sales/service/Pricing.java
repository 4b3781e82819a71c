package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.partnerplatform.events.Vat;

/** An order line's amount (unit price × quantity, VAT included) and the VAT in it, by the platform's one VAT rule ({@link Vat}). */
public final class Pricing {

    private Pricing() {
    }

    public static BigDecimal lineAmount(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal vatIncluded(BigDecimal amount, BigDecimal ratePercent) {
        return Vat.included(amount, ratePercent);
    }
}
