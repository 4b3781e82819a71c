package org.partnerplatform.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PriceBreakdownTest {
    private static final BigDecimal TWELVE = new BigDecimal("12");

    @Test
    void theAmountWithoutVatIsRoundedHalfUpToTheOre() {
        PriceBreakdown standard = PriceBreakdown.of(new BigDecimal("399.00"), TWELVE);
        assertThat(standard.amountExclVat()).isEqualByComparingTo("356.25");
        assertThat(standard.vatAmount()).isEqualByComparingTo("42.75");
        // 399.98 / 1.12 = 357.125 exactly: half up gives 357.13 where half even would give 357.12.
        assertThat(PriceBreakdown.of(new BigDecimal("399.98"), TWELVE).amountExclVat()).isEqualByComparingTo("357.13");
        assertThat(PriceBreakdown.of(new BigDecimal("0.14"), TWELVE).amountExclVat()).isEqualByComparingTo("0.13");
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

    @Test
    void refusesAmountsFinerThanTheOre() {
        assertThatThrownBy(() -> PriceBreakdown.of(new BigDecimal("1.005"), TWELVE)).isInstanceOf(ArithmeticException.class);
    }
}
