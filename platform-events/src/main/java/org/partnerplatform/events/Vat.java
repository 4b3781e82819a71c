package org.partnerplatform.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The platform's one VAT rule, used by the catalog that shows prices and by the sales that charge them, so that a
 * partner is charged exactly what it was shown. Prices include VAT. The VAT in an amount at rate r % is
 * {@code amount × r / (100 + r)}, rounded half up to the øre, once, per priced amount (a catalog price, an order line);
 * the amount without VAT is the amount less that VAT, so the parts always add up. Amounts finer than the øre are
 * refused, never rounded silently.
 */
public final class Vat {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Vat() {
    }

    /** The VAT included in an amount (VAT included) at a rate in percent, e.g. 12 for passenger transport. */
    public static BigDecimal included(BigDecimal amountInclVat, BigDecimal ratePercent) {
        BigDecimal amount = amountInclVat.setScale(2, RoundingMode.UNNECESSARY);
        return amount.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 2, RoundingMode.HALF_UP);
    }

    /** The amount without its VAT: the amount less {@link #included}. */
    public static BigDecimal excluded(BigDecimal amountInclVat, BigDecimal ratePercent) {
        return amountInclVat.setScale(2, RoundingMode.UNNECESSARY).subtract(included(amountInclVat, ratePercent));
    }
}
