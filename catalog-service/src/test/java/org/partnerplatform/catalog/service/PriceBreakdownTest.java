package org.partnerplatform.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Vat;

class PriceBreakdownTest {
    private static final BigDecimal TWELVE = new BigDecimal("12");

    @Test
    void theVatIsRoundedHalfUpToTheOreAndTheAmountWithoutVatIsTheRest() {
        PriceBreakdown standard = PriceBreakdown.of(new BigDecimal("399.00"), TWELVE);
        assertThat(standard.amountExclVat()).isEqualByComparingTo("356.25");
        assertThat(standard.vatAmount()).isEqualByComparingTo("42.75");
        // 399.98 × 12 / 112 = 42.855 exactly: half up gives 42.86 VAT, so 357.12 without (what the order charges).
        assertThat(PriceBreakdown.of(new BigDecimal("399.98"), TWELVE).vatAmount()).isEqualByComparingTo("42.86");
        assertThat(PriceBreakdown.of(new BigDecimal("399.98"), TWELVE).amountExclVat()).isEqualByComparingTo("357.12");
        assertThat(PriceBreakdown.of(new BigDecimal("0.14"), TWELVE).amountExclVat()).isEqualByComparingTo("0.12"); // VAT 0.015 rounds up to 0.02
        assertThat(PriceBreakdown.of(new BigDecimal("99.00"), TWELVE).vatAmount()).isEqualByComparingTo("10.61");
        assertThat(PriceBreakdown.of(new BigDecimal("100.00"), new BigDecimal("25")).amountExclVat()).isEqualByComparingTo("80.00");
    }

    @Test
    void thePartsAlwaysAddUpToTheAmount() {
        for (int ore = 0; ore < 200_000; ore += 7) {
            BigDecimal amount = BigDecimal.valueOf(ore, 2);
            PriceBreakdown b = PriceBreakdown.of(amount, TWELVE);
            assertThat(b.amountExclVat().add(b.vatAmount())).isEqualByComparingTo(amount);
            assertThat(b.amountExclVat().scale()).isEqualTo(2);
            assertThat(b.vatAmount().scale()).isEqualTo(2);
            assertThat(b.vatAmount().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    /** With SalePolicyTest's test of the same range, this proves that the catalog shows the VAT every order line charges. */
    @Test
    void forEveryPriceFromOneOreTo9999Point99TheVatShownIsThePlatformsRule() {
        for (long ore = 1; ore <= 999_999; ore++) {
            BigDecimal price = BigDecimal.valueOf(ore, 2);
            BigDecimal shown = PriceBreakdown.of(price, TWELVE).vatAmount();
            if (shown.compareTo(Vat.included(price, TWELVE)) != 0) {
                throw new AssertionError(price + ": the catalog shows " + shown + " VAT, the rule gives " + Vat.included(price, TWELVE));
            }
        }
    }

    @Test
    void refusesAmountsFinerThanTheOre() {
        assertThatThrownBy(() -> PriceBreakdown.of(new BigDecimal("1.005"), TWELVE)).isInstanceOf(ArithmeticException.class);
    }
}
