package org.partnerplatform.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.sales.OrderLine;

class SettlementAmountsTest {

    static OrderLine line(String amount, String tax) {
        return new OrderLine("l", "VYG:SalesPackage:Standard", "ADULT", 1, amount, amount, tax, "TRANSPORT_AND_TICKETS_VAT", "12");
    }

    @Test
    void commissionIsBasisPointsOfEachLinesGrossRoundedHalfUpToTheOre() {
        SettlementAmounts a = SettlementAmounts.ofLine(new BigDecimal("798.00"), new BigDecimal("85.50"), 500);
        assertThat(a.commission()).isEqualByComparingTo("39.90");
        assertThat(a.netToOperator()).isEqualByComparingTo("758.10");
        assertThat(a.vat()).isEqualByComparingTo("85.50");

        // 0.25 % of 99.00 = 0.2475 -> 0.25; 0.25 % of 98.00 = 0.245 -> 0.25 (half up); 0.25 % of 97.00 = 0.2425 -> 0.24
        assertThat(SettlementAmounts.commission(new BigDecimal("99.00"), 25)).isEqualByComparingTo("0.25");
        assertThat(SettlementAmounts.commission(new BigDecimal("98.00"), 25)).isEqualByComparingTo("0.25");
        assertThat(SettlementAmounts.commission(new BigDecimal("97.00"), 25)).isEqualByComparingTo("0.24");
    }

    @Test
    void aSaleRoundsPerLineNotOnItsTotal() {
        // 0.5 % of 1.00 is 0.005 -> 0.01 per line, so 0.03 for three lines; 0.5 % of the 3.00 total would be 0.015 -> 0.02.
        SettlementAmounts sale = SettlementAmounts.ofSale(List.of(line("1.00", "0.11"), line("1.00", "0.11"), line("1.00", "0.11")), 50);
        assertThat(sale.gross()).isEqualByComparingTo("3.00");
        assertThat(sale.vat()).isEqualByComparingTo("0.33");
        assertThat(sale.commission()).isEqualByComparingTo("0.03");
        assertThat(sale.netToOperator()).isEqualByComparingTo("2.97");
    }

    @Test
    void aRefundGivesBackExactlyWhatItsLinesEarned() {
        List<OrderLine> lines = List.of(line("33.33", "3.57"), line("0.99", "0.11"));
        SettlementAmounts sale = SettlementAmounts.ofSale(lines, 750);
        SettlementAmounts refund = SettlementAmounts.ofRefund(lines, 750);
        assertThat(refund.gross()).isEqualByComparingTo("-34.32");
        assertThat(refund.commission()).isEqualByComparingTo("-2.57");
        assertThat(sale.plus(refund)).isEqualTo(SettlementAmounts.ZERO.plus(SettlementAmounts.ZERO));
    }

    @Test
    void refusesImpossibleCommissionsAndSubOreAmounts() {
        assertThatThrownBy(() -> SettlementAmounts.commission(BigDecimal.TEN, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementAmounts.commission(new BigDecimal("-1.00"), 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementAmounts.ofLine(new BigDecimal("1.005"), BigDecimal.ONE, 100)).isInstanceOf(ArithmeticException.class);
    }
}
