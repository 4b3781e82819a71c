package org.partnerplatform.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partnerplatform.events.sales.OrderLine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of random days of orders and refunds: every total is the sum of its entries to the øre, and agrees with
 * an independent computation in whole øre (long arithmetic, commission rounded half up per line).
 */
class SettlementMoneyPropertiesTest {

    /** A random order: its operator, commission and lines in øre; and which of its lines are refunded, in one or two refunds. */
    record Order(long operator, int bps, List<Long> lineOre, List<Integer> refundGroup) {
    }

    @Provide
    Arbitrary<List<Order>> days() {
        Arbitrary<Order> order = Combinators.combine(Arbitraries.longs().between(1, 4), Arbitraries.of(0, 1, 250, 333, 500, 750, 1250, 10_000),
                Arbitraries.longs().between(0, 5_000_000).list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(0, 2).list().ofSize(6))
                .as(Order::new);
        return order.list().ofMinSize(1).ofMaxSize(40);
    }

    static OrderLine line(long ore) {
        BigDecimal amount = BigDecimal.valueOf(ore, 2);
        // VAT at 12 % contained in the amount, as sales-service computes it (half up); any two-decimal value would do here.
        BigDecimal vat = amount.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(112), 2, java.math.RoundingMode.HALF_UP);
        return new OrderLine("l", "VYG:SalesPackage:Standard", "ADULT", 1, amount.toPlainString(), amount.toPlainString(), vat.toPlainString(),
                "TRANSPORT_AND_TICKETS_VAT", "12");
    }

    static long commissionOre(long ore, int bps) {
        return (ore * bps + 5_000) / 10_000;
    }

    @Property(tries = 2000)
    void totalsAreTheSumsOfTheirEntriesToTheOre(@ForAll("days") List<Order> day) {
        List<SettlementFigures.Entry> entries = new ArrayList<>();
        long saleOre = 0;
        long refundOre = 0;
        long commissionOre = 0;
        int sales = 0;
        int refunds = 0;
        for (Order order : day) {
            List<OrderLine> lines = order.lineOre().stream().map(SettlementMoneyPropertiesTest::line).toList();
            entries.add(new SettlementFigures.Entry(false, order.operator(), SettlementAmounts.ofSale(lines, order.bps())));
            sales++;
            for (long ore : order.lineOre()) {
                saleOre += ore;
                commissionOre += commissionOre(ore, order.bps());
            }
            // Group 1 and group 2 are two refunds of the order (group 0 lines are kept); a line is refunded at most once.
            for (int group = 1; group <= 2; group++) {
                List<OrderLine> refunded = new ArrayList<>();
                for (int i = 0; i < order.lineOre().size(); i++) {
                    if (order.refundGroup().get(i) == group) {
                        refunded.add(lines.get(i));
                        refundOre += order.lineOre().get(i);
                        commissionOre -= commissionOre(order.lineOre().get(i), order.bps());
                    }
                }
                if (!refunded.isEmpty()) {
                    entries.add(new SettlementFigures.Entry(true, order.operator(), SettlementAmounts.ofRefund(refunded, order.bps())));
                    refunds++;
                }
            }
        }
        SettlementFigures total = SettlementFigures.of(entries);
        assertThat(total.saleCount()).isEqualTo(sales);
        assertThat(total.refundCount()).isEqualTo(refunds);
        assertThat(total.saleAmount()).isEqualByComparingTo(BigDecimal.valueOf(saleOre, 2));
        assertThat(total.refundAmount()).isEqualByComparingTo(BigDecimal.valueOf(refundOre, 2));
        // Settled gross = confirmed - refunded, to the øre.
        assertThat(total.gross()).isEqualByComparingTo(BigDecimal.valueOf(saleOre - refundOre, 2));
        assertThat(total.commission()).isEqualByComparingTo(BigDecimal.valueOf(commissionOre, 2));
        assertThat(total.netToOperator()).isEqualByComparingTo(total.gross().subtract(total.commission()));
        BigDecimal vat = entries.stream().map(e -> e.amounts().vat()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.vat()).isEqualByComparingTo(vat);
        assertThat(total.gross().scale()).isEqualTo(2);

        // The operators' parts add up to the whole, field by field.
        Map<Long, SettlementFigures> byOperator = SettlementFigures.byOperator(entries);
        SettlementFigures parts = byOperator.values().stream().reduce(SettlementFigures.NONE, SettlementFigures::plus);
        assertThat(parts).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(total);
    }

    @Property(tries = 1000)
    void aFullyRefundedDaySettlesToZero(@ForAll("days") List<Order> day) {
        List<SettlementFigures.Entry> entries = new ArrayList<>();
        for (Order order : day) {
            List<OrderLine> lines = order.lineOre().stream().map(SettlementMoneyPropertiesTest::line).toList();
            entries.add(new SettlementFigures.Entry(false, order.operator(), SettlementAmounts.ofSale(lines, order.bps())));
            for (OrderLine line : lines) {
                entries.add(new SettlementFigures.Entry(true, order.operator(), SettlementAmounts.ofRefund(List.of(line), order.bps())));
            }
        }
        SettlementFigures total = SettlementFigures.of(entries);
        for (BigDecimal amount : List.of(total.gross(), total.vat(), total.commission(), total.netToOperator())) {
            assertThat(amount).isEqualByComparingTo(BigDecimal.ZERO);
        }
        assertThat(total.saleAmount()).isEqualByComparingTo(total.refundAmount());
    }
}
