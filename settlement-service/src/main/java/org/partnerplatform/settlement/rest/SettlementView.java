package org.partnerplatform.settlement.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerplatform.events.settlement.SettlementTotals;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.service.Settlement;

/** A closed settlement as finance and its partner read it: the same figures as SettlementClosed/SettlementCorrected carry. */
public record SettlementView(
        String settlementId,
        long partnerOrganisationId,
        long settlementNo,
        LocalDate settlementDate,
        String kind,
        String correctedSettlementId,
        Long correctedSettlementNo,
        String currency,
        int entryCount,
        SettlementTotals totals,
        List<SettlementTotals> operators,
        Instant closedAt) {

    static SettlementView of(Settlement s) {
        return new SettlementView(s.id().toString(), s.partnerOrganisationId(), s.settlementNo(), s.settlementDate(), s.kind(),
                s.correctedSettlementId() == null ? null : s.correctedSettlementId().toString(), s.correctedSettlementNo(), s.currency(),
                s.figures().entryCount(), SettlementEvents.totals(null, s.figures()),
                s.byOperator().entrySet().stream().map(e -> SettlementEvents.totals(e.getKey(), e.getValue())).toList(), s.closedAt());
    }

    /** One page of settlements, newest day first; page counts from 0. */
    public record Page(List<SettlementView> items, int page, int pageSize, long totalItems) {
    }
}
