package org.partnerplatform.sales.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PricingTest {
    static final BigDecimal TWELVE = new BigDecimal("12");

    @Test
    void vatIsTheIncludedShareRoundedHalfUpToTheOre() {
        assertThat(Pricing.vatIncluded(new BigDecimal("399.00"), TWELVE)).isEqualByComparingTo("42.75");
        assertThat(Pricing.vatIncluded(new BigDecimal("798.00"), TWELVE)).isEqualByComparingTo("85.50");
        // 199.50 * 12 / 112 = 21.375 -> 21.38
        assertThat(Pricing.vatIncluded(new BigDecimal("199.50"), TWELVE)).isEqualByComparingTo("21.38");
        assertThat(Pricing.vatIncluded(new BigDecimal("0.00"), TWELVE)).isEqualByComparingTo("0.00");
        assertThat(Pricing.vatIncluded(new BigDecimal("125.00"), new BigDecimal("25"))).isEqualByComparingTo("25.00");
    }

    @Test
    void lineAmountsAreExact() {
        assertThat(Pricing.lineAmount(new BigDecimal("199.50"), 3)).isEqualByComparingTo("598.50");
        assertThat(Pricing.lineAmount(new BigDecimal("0.10"), 3)).isEqualByComparingTo("0.30");
    }
}
