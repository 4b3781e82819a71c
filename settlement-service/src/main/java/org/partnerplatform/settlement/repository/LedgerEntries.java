package org.partnerplatform.settlement.repository;

import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partnerplatform.messaging.tx.MultiRowInsert;
import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger's writes and lookups on the batch path: one statement per batch, whatever its size. */
public final class LedgerEntries {
    private static final MultiRowInsert INSERT = MultiRowInsert.into("ledger_entry")
            .column("id", "uuid").column("entry_type", "text").column("order_id", "text").column("source_event_id", "text")
            .column("partner_organisation_id", "bigint").column("operator_organisation_id", "bigint").column("agreement_id", "text")
            .column("currency", "text").column("gross_amount", "numeric").column("vat_amount", "numeric")
            .column("commission_basis_points", "integer").column("commission_amount", "numeric").column("net_to_operator_amount", "numeric")
            .column("occurred_at", "timestamptz").column("recorded_at", "timestamptz")
            .column("credit_id", "text").column("settlement_date", "date")
            .build();
    private static final String RECORDED_SALES = "select order_id from ledger_entry where entry_type = 'SALE' and order_id = any($1)";
    private static final String RECORDED_REFUNDS = "select credit_id from ledger_entry where entry_type = 'REFUND' and credit_id = any($1)";

    private LedgerEntries() {
    }

    /** Which of the orders already have their SALE entry. */
    public static Uni<Set<String>> recordedSales(Work work, List<String> orderIds) {
        return recorded(work, RECORDED_SALES, orderIds);
    }

    /** Which of the credits already have their REFUND entry. */
    public static Uni<Set<String>> recordedRefunds(Work work, List<String> creditIds) {
        return recorded(work, RECORDED_REFUNDS, creditIds);
    }

    private static Uni<Set<String>> recorded(Work work, String query, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return work.sql().preparedQuery(query).execute(Tuple.of(ids.toArray(new String[0]))).map(rows -> {
            Set<String> found = new HashSet<>();
            rows.forEach(row -> found.add(row.getString(0)));
            return found;
        });
    }

    /** Adds the entry to the work's inserts. */
    public static void insert(Work work, LedgerEntry e) {
        work.insert(INSERT, e.id, e.entryType, e.orderId, e.sourceEventId, e.partnerOrganisationId, e.operatorOrganisationId, e.agreementId,
                e.currency, e.grossAmount, e.vatAmount, e.commissionBasisPoints, e.commissionAmount, e.netToOperatorAmount,
                e.occurredAt.atOffset(ZoneOffset.UTC), e.recordedAt.atOffset(ZoneOffset.UTC), e.creditId, e.settlementDate);
    }
}
