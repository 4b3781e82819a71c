package org.partnerplatform.settlement.event;

import java.util.List;
import java.util.Map;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.settlement.SettlementClosed;
import org.partnerplatform.events.settlement.SettlementCorrected;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.events.settlement.SettlementReconciled;
import org.partnerplatform.events.settlement.SettlementTotals;
import org.partnerplatform.settlement.repository.LedgerEntry;
import org.partnerplatform.settlement.service.Reconciliation;
import org.partnerplatform.settlement.service.SettlementFigures;
import org.partnerplatform.settlement.service.Settlement;

/** The one place settlement-service maps its domain to the event contracts on settlement.events. */
public final class SettlementEvents {

    private SettlementEvents() {
    }

    public static SettlementEntryRecorded entryRecorded(LedgerEntry e) {
        return new SettlementEntryRecorded(e.id.toString(), e.entryType, e.orderId, e.partnerOrganisationId, e.operatorOrganisationId,
                e.agreementId, e.currency, Amounts.format(e.grossAmount), Amounts.format(e.vatAmount), Amounts.format(e.commissionAmount),
                Amounts.format(e.netToOperatorAmount), e.commissionBasisPoints, e.occurredAt, e.recordedAt);
    }

    /** SettlementClosed for an ordinary settlement, SettlementCorrected for a correction. */
    public static Object closed(Settlement s) {
        SettlementTotals totals = totals(null, s.figures());
        List<SettlementTotals> operators = operators(s.byOperator());
        if (s.correctedSettlementId() == null) {
            return new SettlementClosed(s.id().toString(), s.partnerOrganisationId(), s.settlementNo(), s.settlementDate(), s.currency(),
                    s.figures().entryCount(), totals, operators, s.closedAt());
        }
        return new SettlementCorrected(s.id().toString(), s.partnerOrganisationId(), s.settlementNo(), s.settlementDate(),
                s.correctedSettlementId().toString(), s.correctedSettlementNo(), s.currency(), s.figures().entryCount(), totals, operators,
                s.closedAt());
    }

    public static SettlementReconciled reconciled(Reconciliation r) {
        return new SettlementReconciled(r.partnerOrganisationId(), r.settlementDate(), r.status().name(), figures(r.reported()),
                figures(r.settled()), figures(r.difference()), r.reconciledAt());
    }

    public static SettlementTotals totals(Long operator, SettlementFigures f) {
        return new SettlementTotals(operator, f.saleCount(), Amounts.format(f.saleAmount()), f.refundCount(), Amounts.format(f.refundAmount()),
                Amounts.format(f.gross()), Amounts.format(f.vat()), Amounts.format(f.commission()), Amounts.format(f.netToOperator()));
    }

    private static List<SettlementTotals> operators(Map<Long, SettlementFigures> byOperator) {
        return byOperator.entrySet().stream().map(e -> totals(e.getKey(), e.getValue())).toList();
    }

    private static SettlementReconciled.DayFigures figures(Reconciliation.DayFigures f) {
        return new SettlementReconciled.DayFigures(f.saleCount(), Amounts.format(f.saleAmount()), f.refundCount(), Amounts.format(f.refundAmount()));
    }
}
