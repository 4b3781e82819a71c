package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class VatTest {
    static final BigDecimal TWELVE = new BigDecimal("12");

    @Test
    void theVatIsTheRateOverOneHundredPlusTheRateRoundedHalfUpOnce() {
        assertThat(Vat.included(new BigDecimal("399.00"), TWELVE)).isEqualByComparingTo("42.75");
        // 399.98 × 12 / 112 = 42.855 exactly: half up gives 42.86 (the rule of 1 / 1.12 on the net would give 42.85).
        assertThat(Vat.included(new BigDecimal("399.98"), TWELVE)).isEqualByComparingTo("42.86");
        assertThat(Vat.excluded(new BigDecimal("399.98"), TWELVE)).isEqualByComparingTo("357.12");
        assertThat(Vat.included(new BigDecimal("125.00"), new BigDecimal("25"))).isEqualByComparingTo("25.00");
        assertThat(Vat.included(new BigDecimal("0.00"), TWELVE)).isEqualByComparingTo("0.00");
    }

    @Test
    void forEveryPriceFromOneOreTo9999Point99ThePartsAddUpAndMatchTheExactFraction() {
        BigDecimal hundredTwelve = new BigDecimal("112");
        for (long ore = 1; ore <= 999_999; ore++) {
            BigDecimal price = BigDecimal.valueOf(ore, 2);
            BigDecimal vat = Vat.included(price, TWELVE);
            BigDecimal exact = price.multiply(TWELVE).divide(hundredTwelve, 10, RoundingMode.HALF_UP);
            assertThat(vat.subtract(exact).abs()).as(price.toPlainString()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            assertThat(Vat.excluded(price, TWELVE).add(vat)).as(price.toPlainString()).isEqualByComparingTo(price);
        }
    }

    @Test
    void refusesAmountsFinerThanTheOre() {
        assertThatThrownBy(() -> Vat.included(new BigDecimal("1.005"), TWELVE)).isInstanceOf(ArithmeticException.class);
    }
}
