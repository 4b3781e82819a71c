package org.partnerplatform.settlement.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.settlement.repository.LedgerEntry;

/** Totals of a partner's ledger. */
public record LedgerSummaryView(
        long partnerOrganisationId,
        int entries,
        String currency,
        String grossAmount,
        String vatAmount,
        String commissionAmount,
        String netToOperatorAmount) {

    static LedgerSummaryView of(long partnerOrganisationId, List<LedgerEntry> entries) {
        return new LedgerSummaryView(partnerOrganisationId, entries.size(), Amounts.CURRENCY,
                sum(entries, e -> e.grossAmount), sum(entries, e -> e.vatAmount),
                sum(entries, e -> e.commissionAmount), sum(entries, e -> e.netToOperatorAmount));
    }

    private static String sum(List<LedgerEntry> entries, Function<LedgerEntry, BigDecimal> amount) {
        return Amounts.format(entries.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
