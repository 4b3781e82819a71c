package org.partnerplatform.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Money on the wire: a decimal string with exactly two decimals ("99.00"), in NOK. Never a double.
 */
public final class Amounts {
    public static final String CURRENCY = "NOK";
    public static final BigDecimal ZERO = new BigDecimal("0.00");
    public static final String PATTERN = "^-?[0-9]{1,12}\\.[0-9]{2}$";
    private static final Pattern AMOUNT = Pattern.compile(PATTERN);

    private Amounts() {
    }

    /** Formats an amount that already has at most two decimals; refuses to round silently. */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal parse(String amount) {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException("not an amount with two decimals: " + amount);
        }
        return new BigDecimal(amount);
    }
}
