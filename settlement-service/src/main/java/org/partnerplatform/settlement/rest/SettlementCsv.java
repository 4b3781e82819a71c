package org.partnerplatform.settlement.rest;

import java.util.Arrays;
import java.util.List;

import org.partnerplatform.settlement.repository.LedgerEntry;
import org.partnerplatform.settlement.repository.SettlementReads.StatementLine;
import org.partnerplatform.settlement.service.Settlement;
import org.partnerplatform.settlement.service.SettlementFigures;

/** The CSV downloads: a settlement's entries, one row each; an operator's statement, one row per settlement of the day. */
final class SettlementCsv {
    static final List<String> ENTRY_COLUMNS = List.of("settlementNo", "settlementDate", "kind", "correctedSettlementNo", "partnerOrganisationId",
            "entryId", "entryType", "orderId", "creditId", "occurredAt", "operatorOrganisationId", "agreementId", "currency", "grossAmount",
            "vatAmount", "commissionBasisPoints", "commissionAmount", "netToOperatorAmount");
    static final List<String> STATEMENT_COLUMNS = List.of("settlementDate", "operatorOrganisationId", "partnerOrganisationId", "settlementNo",
            "kind", "correctedSettlementNo", "settlementId", "currency", "saleCount", "saleAmount", "refundCount", "refundAmount", "grossAmount",
            "vatAmount", "commissionAmount", "netToOperatorAmount");

    private SettlementCsv() {
    }

    static byte[] entries(Settlement s, List<LedgerEntry> entries) {
        Csv csv = new Csv().row(ENTRY_COLUMNS);
        for (LedgerEntry e : entries) {
            csv.row(Arrays.asList(s.settlementNo(), s.settlementDate(), s.kind(), s.correctedSettlementNo(), s.partnerOrganisationId(), e.id,
                    e.entryType, e.orderId, e.creditId, e.occurredAt, e.operatorOrganisationId, e.agreementId, e.currency, e.grossAmount,
                    e.vatAmount, e.commissionBasisPoints, e.commissionAmount, e.netToOperatorAmount));
        }
        return csv.bytes();
    }

    static byte[] statement(long operator, List<StatementLine> lines) {
        Csv csv = new Csv().row(STATEMENT_COLUMNS);
        for (StatementLine line : lines) {
            Settlement s = line.settlement();
            SettlementFigures f = line.operatorFigures();
            csv.row(Arrays.asList(s.settlementDate(), operator, s.partnerOrganisationId(), s.settlementNo(), s.kind(), s.correctedSettlementNo(),
                    s.id(), s.currency(), f.saleCount(), f.saleAmount(), f.refundCount(), f.refundAmount(), f.gross(), f.vat(), f.commission(),
                    f.netToOperator()));
        }
        return csv.bytes();
    }
}
