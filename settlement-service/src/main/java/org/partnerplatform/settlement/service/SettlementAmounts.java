package org.partnerplatform.settlement.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The split of one sale: gross (what the passenger paid, VAT included), the VAT contained in it (as charged on the
 * order), the partner's commission (basis points of gross, rounded half up to the øre) and what the partner owes
 * the operator (gross minus commission). Exact decimal arithmetic; never floating point.
 */
public record SettlementAmounts(BigDecimal gross, BigDecimal vat, BigDecimal commission, BigDecimal netToOperator) {
    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    public static SettlementAmounts of(BigDecimal gross, BigDecimal vat, int commissionBasisPoints) {
        if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
            throw new IllegalArgumentException("commission must be 0..10000 basis points: " + commissionBasisPoints);
        }
        BigDecimal commission = gross.multiply(BigDecimal.valueOf(commissionBasisPoints))
                .divide(BASIS_POINTS, 2, RoundingMode.HALF_UP);
        return new SettlementAmounts(gross.setScale(2, RoundingMode.UNNECESSARY), vat.setScale(2, RoundingMode.UNNECESSARY),
                commission, gross.subtract(commission).setScale(2, RoundingMode.UNNECESSARY));
    }
}
