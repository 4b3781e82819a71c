package org.partnerplatform.settlement.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.OrderLine;

/**
 * The split of a ledger entry: gross (what the passenger paid, VAT included), the VAT contained in it (as charged on
 * the order), the partner's commission and what the partner owes the operator (gross minus commission).
 * <p>
 * The rule, the same everywhere: commission is computed on each order line's gross amount (VAT included), as basis
 * points rounded half up to the øre, once per line; an entry's commission is the sum of its lines'. A refund is the
 * negation of the split of its lines, so refunding a line gives back exactly the commission its sale earned. Every
 * total above an entry is a plain sum. Exact decimal arithmetic; never floating point.
 */
public record SettlementAmounts(BigDecimal gross, BigDecimal vat, BigDecimal commission, BigDecimal netToOperator) {
    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);
    public static final SettlementAmounts ZERO = new SettlementAmounts(Amounts.ZERO, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO);

    /** The commission of one line. */
    public static BigDecimal commission(BigDecimal lineGross, int commissionBasisPoints) {
        if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
            throw new IllegalArgumentException("commission must be 0..10000 basis points: " + commissionBasisPoints);
        }
        if (lineGross.signum() < 0) {
            throw new IllegalArgumentException("a line's amount is not negative: " + lineGross);
        }
        return lineGross.multiply(BigDecimal.valueOf(commissionBasisPoints)).divide(BASIS_POINTS, 2, RoundingMode.HALF_UP);
    }

    /** The split of one line. */
    public static SettlementAmounts ofLine(BigDecimal gross, BigDecimal vat, int commissionBasisPoints) {
        BigDecimal commission = commission(gross, commissionBasisPoints);
        return new SettlementAmounts(gross.setScale(2, RoundingMode.UNNECESSARY), vat.setScale(2, RoundingMode.UNNECESSARY),
                commission, gross.subtract(commission).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** The split of a sale of the lines: the sum of the lines' splits. */
    public static SettlementAmounts ofSale(List<OrderLine> lines, int commissionBasisPoints) {
        SettlementAmounts sum = ZERO;
        for (OrderLine line : lines) {
            sum = sum.plus(ofLine(Amounts.parse(line.amount()), Amounts.parse(line.taxAmount()), commissionBasisPoints));
        }
        return sum;
    }

    /** The split of a refund of the lines: the negated split of their sale. */
    public static SettlementAmounts ofRefund(List<OrderLine> lines, int commissionBasisPoints) {
        return ofSale(lines, commissionBasisPoints).negate();
    }

    public SettlementAmounts plus(SettlementAmounts other) {
        return new SettlementAmounts(gross.add(other.gross), vat.add(other.vat), commission.add(other.commission),
                netToOperator.add(other.netToOperator));
    }

    public SettlementAmounts negate() {
        return new SettlementAmounts(gross.negate(), vat.negate(), commission.negate(), netToOperator.negate());
    }
}
