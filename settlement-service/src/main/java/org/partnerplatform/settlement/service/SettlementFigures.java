package org.partnerplatform.settlement.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.partnerplatform.events.Amounts;

/**
 * The figures of a set of ledger entries: count and amount of sales, count and amount of refunds (positive), and the
 * sums of gross, VAT, commission and net owed (signed). Plain sums of the entries' own amounts, never rounded again.
 */
public record SettlementFigures(int saleCount, BigDecimal saleAmount, int refundCount, BigDecimal refundAmount,
        BigDecimal gross, BigDecimal vat, BigDecimal commission, BigDecimal netToOperator) {

    public static final SettlementFigures NONE = new SettlementFigures(0, Amounts.ZERO, 0, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO,
            Amounts.ZERO, Amounts.ZERO);

    /** A settled entry as the figures need it. */
    public record Entry(boolean refund, long operatorOrganisationId, SettlementAmounts amounts) {
    }

    public SettlementFigures plus(Entry e) {
        SettlementAmounts a = e.amounts();
        return new SettlementFigures(
                saleCount + (e.refund() ? 0 : 1), e.refund() ? saleAmount : saleAmount.add(a.gross()),
                refundCount + (e.refund() ? 1 : 0), e.refund() ? refundAmount.subtract(a.gross()) : refundAmount,
                gross.add(a.gross()), vat.add(a.vat()), commission.add(a.commission()), netToOperator.add(a.netToOperator()));
    }

    public static SettlementFigures of(Collection<Entry> entries) {
        SettlementFigures sum = NONE;
        for (Entry e : entries) {
            sum = sum.plus(e);
        }
        return sum;
    }

    /** The figures per operator, by operator id. */
    public static Map<Long, SettlementFigures> byOperator(Collection<Entry> entries) {
        Map<Long, SettlementFigures> byOperator = new TreeMap<>();
        for (Entry e : entries) {
            byOperator.merge(e.operatorOrganisationId(), NONE.plus(e), SettlementFigures::plus);
        }
        return byOperator;
    }

    public SettlementFigures plus(SettlementFigures o) {
        return new SettlementFigures(saleCount + o.saleCount, saleAmount.add(o.saleAmount), refundCount + o.refundCount,
                refundAmount.add(o.refundAmount), gross.add(o.gross), vat.add(o.vat), commission.add(o.commission),
                netToOperator.add(o.netToOperator));
    }

    public int entryCount() {
        return saleCount + refundCount;
    }
}
