package org.partnerplatform.settlement.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A closed settlement: a partner's day (or a correction of it, which names the settlement it corrects), its number
 * and its figures, in total and per operator. Immutable, as its rows are.
 */
public record Settlement(UUID id, long partnerOrganisationId, long settlementNo, LocalDate settlementDate, String kind,
        UUID correctedSettlementId, Long correctedSettlementNo, String currency, SettlementFigures figures,
        Map<Long, SettlementFigures> byOperator, Instant closedAt) {

    public static final String ORDINARY = "ORDINARY";
    public static final String CORRECTION = "CORRECTION";
}
