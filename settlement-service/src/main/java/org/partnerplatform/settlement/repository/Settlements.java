package org.partnerplatform.settlement.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.partnerplatform.settlement.service.SettlementAmounts;
import org.partnerplatform.settlement.service.SettlementFigures;
import org.partnerplatform.settlement.service.Settlement;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

/** The close's statements: which partner days are due, the partner's number, the claim of the day's entries, the rows. */
public final class Settlements {
    /** A partner's settlement day. */
    public record PartnerDay(long partnerOrganisationId, LocalDate settlementDate) {
    }

    /** The ordinary settlement of a partner's day, which a correction references. */
    public record Ordinary(UUID id, long settlementNo) {
    }

    private static final String DUE = """
            select partner_organisation_id, settlement_date from ledger_entry
             where settlement_id is null and settlement_date <= $1
             group by partner_organisation_id, settlement_date order by settlement_date, partner_organisation_id limit $2""";
    private static final String NEW_SEQUENCE = "insert into settlement_sequence (partner_organisation_id, last_settlement_no) values ($1, 0) on conflict do nothing";
    private static final String LOCK_SEQUENCE = "select last_settlement_no from settlement_sequence where partner_organisation_id = $1 for update";
    private static final String ADVANCE_SEQUENCE = "update settlement_sequence set last_settlement_no = $2 where partner_organisation_id = $1";
    private static final String ORDINARY = "select id, settlement_no from settlement where partner_organisation_id = $1 and settlement_date = $2 and kind = 'ORDINARY'";
    private static final String CLAIM = """
            update ledger_entry set settlement_id = $3
             where partner_organisation_id = $1 and settlement_date = $2 and settlement_id is null
            returning entry_type, operator_organisation_id, currency, gross_amount, vat_amount, commission_amount, net_to_operator_amount""";
    private static final String INSERT = """
            insert into settlement (id, partner_organisation_id, settlement_no, settlement_date, kind, corrected_settlement_id, currency,
                entry_count, sale_count, sale_amount, refund_count, refund_amount, gross_amount, vat_amount, commission_amount,
                net_to_operator_amount, closed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""";
    private static final String INSERT_OPERATOR = """
            insert into settlement_operator_total (settlement_id, operator_organisation_id, sale_count, sale_amount, refund_count,
                refund_amount, gross_amount, vat_amount, commission_amount, net_to_operator_amount)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    private Settlements() {
    }

    public static Uni<List<PartnerDay>> due(SqlClient sql, LocalDate lastDueDay, int limit) {
        return sql.preparedQuery(DUE).execute(Tuple.of(lastDueDay, limit)).map(rows -> {
            List<PartnerDay> days = new ArrayList<>();
            rows.forEach(r -> days.add(new PartnerDay(r.getLong(0), r.getLocalDate(1))));
            return days;
        });
    }

    /** Locks the partner's sequence row for the transaction (creating it at 0) and answers the last number given. */
    public static Uni<Long> lockSequence(SqlClient sql, long partner) {
        return sql.preparedQuery(NEW_SEQUENCE).execute(Tuple.of(partner))
                .chain(() -> sql.preparedQuery(LOCK_SEQUENCE).execute(Tuple.of(partner)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public static Uni<Void> advanceSequence(SqlClient sql, long partner, long settlementNo) {
        return sql.preparedQuery(ADVANCE_SEQUENCE).execute(Tuple.of(partner, settlementNo)).replaceWithVoid();
    }

    public static Uni<Optional<Ordinary>> ordinary(SqlClient sql, PartnerDay day) {
        return sql.preparedQuery(ORDINARY).execute(Tuple.of(day.partnerOrganisationId(), day.settlementDate()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ordinary(rows.iterator().next())));
    }

    private static Ordinary ordinary(Row r) {
        return new Ordinary(r.getUUID(0), r.getLong(1));
    }

    /** Gives the day's unsettled entries to the settlement and answers them, with the currency they are in. */
    public static Uni<Claimed> claim(SqlClient sql, PartnerDay day, UUID settlementId) {
        return sql.preparedQuery(CLAIM).execute(Tuple.of(day.partnerOrganisationId(), day.settlementDate(), settlementId)).map(rows -> {
            List<SettlementFigures.Entry> entries = new ArrayList<>();
            String currency = null;
            for (Row r : rows) {
                currency = r.getString(2);
                entries.add(new SettlementFigures.Entry(LedgerEntry.REFUND.equals(r.getString(0)), r.getLong(1),
                        new SettlementAmounts(r.getBigDecimal(3), r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6))));
            }
            return new Claimed(entries, currency);
        });
    }

    public record Claimed(List<SettlementFigures.Entry> entries, String currency) {
    }

    public static Uni<Void> insert(SqlClient sql, Settlement s) {
        SettlementFigures f = s.figures();
        Tuple row = tuple(s.id(), s.partnerOrganisationId(), s.settlementNo(), s.settlementDate(), s.kind(), s.correctedSettlementId(),
                s.currency(), f.entryCount(), f.saleCount(), n(f.saleAmount()), f.refundCount(), n(f.refundAmount()), n(f.gross()),
                n(f.vat()), n(f.commission()), n(f.netToOperator()), s.closedAt().atOffset(ZoneOffset.UTC));
        List<Tuple> operators = new ArrayList<>();
        for (Map.Entry<Long, SettlementFigures> e : s.byOperator().entrySet()) {
            SettlementFigures o = e.getValue();
            operators.add(tuple(s.id(), e.getKey(), o.saleCount(), n(o.saleAmount()), o.refundCount(), n(o.refundAmount()),
                    n(o.gross()), n(o.vat()), n(o.commission()), n(o.netToOperator())));
        }
        return sql.preparedQuery(INSERT).execute(row).chain(() -> sql.preparedQuery(INSERT_OPERATOR).executeBatch(operators)).replaceWithVoid();
    }

    static Tuple tuple(Object... values) {
        return Tuple.tuple(Arrays.asList(values));
    }

    static Numeric n(BigDecimal amount) {
        return Numeric.create(amount);
    }
}
