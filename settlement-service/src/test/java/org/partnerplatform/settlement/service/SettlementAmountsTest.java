package org.partnerplatform.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SettlementAmountsTest {

    @Test
    void commissionIsBasisPointsOfGrossRoundedHalfUpToTheOre() {
        SettlementAmounts a = SettlementAmounts.of(new BigDecimal("798.00"), new BigDecimal("85.50"), 500);
        assertThat(a.commission()).isEqualByComparingTo("39.90");
        assertThat(a.netToOperator()).isEqualByComparingTo("758.10");
        assertThat(a.vat()).isEqualByComparingTo("85.50");

        // 0.25 % of 99.00 = 0.2475 -> 0.25; 0.25 % of 99.10 = 0.24775 -> 0.25; 0.25 % of 98.00 = 0.245 -> 0.25 (half up)
        assertThat(SettlementAmounts.of(new BigDecimal("99.00"), BigDecimal.ZERO, 25).commission()).isEqualByComparingTo("0.25");
        assertThat(SettlementAmounts.of(new BigDecimal("98.00"), BigDecimal.ZERO, 25).commission()).isEqualByComparingTo("0.25");
        assertThat(SettlementAmounts.of(new BigDecimal("97.00"), BigDecimal.ZERO, 25).commission()).isEqualByComparingTo("0.24");
    }

    @Test
    void grossAlwaysEqualsCommissionPlusNet() {
        for (int cents = 1; cents < 100_000; cents += 37) {
            BigDecimal gross = BigDecimal.valueOf(cents, 2);
            for (int bps : new int[] { 0, 1, 250, 333, 500, 1250, 10_000 }) {
                SettlementAmounts a = SettlementAmounts.of(gross, BigDecimal.ZERO, bps);
                assertThat(a.commission().add(a.netToOperator())).isEqualByComparingTo(gross);
                assertThat(a.commission().scale()).isEqualTo(2);
            }
        }
    }

    @Test
    void refusesImpossibleCommissionsAndSubOreAmounts() {
        assertThatThrownBy(() -> SettlementAmounts.of(BigDecimal.TEN, BigDecimal.ONE, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementAmounts.of(new BigDecimal("1.005"), BigDecimal.ONE, 100)).isInstanceOf(ArithmeticException.class);
    }
}
