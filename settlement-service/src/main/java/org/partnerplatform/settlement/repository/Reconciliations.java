package org.partnerplatform.settlement.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;
import org.partnerplatform.settlement.service.Reconciliation;
import org.partnerplatform.settlement.service.Reconciliation.DayFigures;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements of reconciliation: sales-service's reports, both sides' figures of a day, the results. */
public final class Reconciliations {
    /**
     * One reconciliation of a partner's day at a time (the close and the report consumer both reconcile): a
     * transaction-scoped advisory lock of the two-integer form, whose keys never meet the relay's one-bigint lock.
     */
    private static final String LOCK = "select pg_advisory_xact_lock($1::int, $2::int)";
    private static final String UPSERT_REPORT = """
            insert into sales_day_report (partner_organisation_id, sales_date, sale_count, sale_amount, refund_count, refund_amount,
                computed_at, received_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (partner_organisation_id, sales_date) do update set sale_count = excluded.sale_count,
                sale_amount = excluded.sale_amount, refund_count = excluded.refund_count, refund_amount = excluded.refund_amount,
                computed_at = excluded.computed_at, received_at = excluded.received_at
             where sales_day_report.computed_at <= excluded.computed_at""";
    private static final String REPORT = """
            select sale_count, sale_amount, refund_count, refund_amount from sales_day_report
             where partner_organisation_id = $1 and sales_date = $2""";
    private static final String SETTLED = """
            select coalesce(sum(sale_count), 0), coalesce(sum(sale_amount), 0), coalesce(sum(refund_count), 0), coalesce(sum(refund_amount), 0)
              from settlement where partner_organisation_id = $1 and settlement_date = $2""";
    private static final String UNSETTLED = """
            select exists (select 1 from ledger_entry where settlement_id is null and settlement_date = $2 and partner_organisation_id = $1)""";
    private static final String RESULT = """
            select status, reported_sale_count, reported_sale_amount, reported_refund_count, reported_refund_amount, settled_sale_count,
                settled_sale_amount, settled_refund_count, settled_refund_amount, reconciled_at
              from reconciliation where partner_organisation_id = $1 and settlement_date = $2""";
    private static final String SAVE = """
            insert into reconciliation (partner_organisation_id, settlement_date, status, reported_sale_count, reported_sale_amount,
                reported_refund_count, reported_refund_amount, settled_sale_count, settled_sale_amount, settled_refund_count,
                settled_refund_amount, reconciled_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            on conflict (partner_organisation_id, settlement_date) do update set status = excluded.status,
                reported_sale_count = excluded.reported_sale_count, reported_sale_amount = excluded.reported_sale_amount,
                reported_refund_count = excluded.reported_refund_count, reported_refund_amount = excluded.reported_refund_amount,
                settled_sale_count = excluded.settled_sale_count, settled_sale_amount = excluded.settled_sale_amount,
                settled_refund_count = excluded.settled_refund_count, settled_refund_amount = excluded.settled_refund_amount,
                reconciled_at = excluded.reconciled_at""";
    /** Partner days settled but never reported by sales-service, up to a day (the report is overdue for them). */
    private static final String UNREPORTED = """
            select s.partner_organisation_id, s.settlement_date, count(*) from settlement s
             where s.settlement_date <= $1 and not exists (select 1 from sales_day_report r
                   where r.partner_organisation_id = s.partner_organisation_id and r.sales_date = s.settlement_date)
             group by s.partner_organisation_id, s.settlement_date order by s.settlement_date desc, s.partner_organisation_id limit $2""";
    private static final String UNREPORTED_COUNT = """
            select count(*) from (select distinct s.partner_organisation_id, s.settlement_date from settlement s
             where s.settlement_date <= $1 and not exists (select 1 from sales_day_report r
                   where r.partner_organisation_id = s.partner_organisation_id and r.sales_date = s.settlement_date)) d""";
    private static final String PENDING = """
            select partner_organisation_id, settlement_date from reconciliation where status = 'PENDING' and settlement_date <= $1
             order by settlement_date, partner_organisation_id limit $2""";
    private static final String MISMATCHES = "select count(*) from reconciliation where status = 'MISMATCH'";

    private Reconciliations() {
    }

    public static Uni<Void> lock(SqlClient sql, PartnerDay day) {
        // The keys are int: a partner id beyond them shares its lock with another partner's, which only serialises the two.
        return sql.preparedQuery(LOCK).execute(Tuple.of(Long.hashCode(day.partnerOrganisationId()), (int) day.settlementDate().toEpochDay()))
                .replaceWithVoid();
    }

    public static Uni<Void> saveReport(SqlClient sql, SalesDayTotals t, Instant receivedAt) {
        return sql.preparedQuery(UPSERT_REPORT).execute(Settlements.tuple(t.organisationId(), t.salesDate(), t.saleCount(),
                Settlements.n(Amounts.parse(t.saleAmount())), t.refundCount(), Settlements.n(Amounts.parse(t.refundAmount())),
                t.computedAt().atOffset(ZoneOffset.UTC), receivedAt.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public static Uni<Optional<DayFigures>> report(SqlClient sql, PartnerDay day) {
        return sql.preparedQuery(REPORT).execute(key(day))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(figures(rows.iterator().next(), 0)));
    }

    public static Uni<DayFigures> settled(SqlClient sql, PartnerDay day) {
        return sql.preparedQuery(SETTLED).execute(key(day)).map(rows -> {
            Row r = rows.iterator().next();
            return new DayFigures(r.getLong(0).intValue(), amount(r.getBigDecimal(1)), r.getLong(2).intValue(), amount(r.getBigDecimal(3)));
        });
    }

    public static Uni<Boolean> hasUnsettled(SqlClient sql, PartnerDay day) {
        return sql.preparedQuery(UNSETTLED).execute(key(day)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public static Uni<Optional<Reconciliation>> result(SqlClient sql, PartnerDay day) {
        return sql.preparedQuery(RESULT).execute(key(day)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(of(day.partnerOrganisationId(), day.settlementDate(), rows.iterator().next())));
    }

    static Reconciliation of(long partner, LocalDate day, Row r) {
        return new Reconciliation(partner, day, Reconciliation.Status.valueOf(r.getString("status")), named(r, "reported_"), named(r, "settled_"),
                r.getOffsetDateTime("reconciled_at").toInstant());
    }

    public static Uni<Void> save(SqlClient sql, Reconciliation r) {
        DayFigures rep = r.reported();
        DayFigures set = r.settled();
        return sql.preparedQuery(SAVE).execute(Settlements.tuple(r.partnerOrganisationId(), r.settlementDate(), r.status().name(),
                rep.saleCount(), Settlements.n(rep.saleAmount()), rep.refundCount(), Settlements.n(rep.refundAmount()), set.saleCount(),
                Settlements.n(set.saleAmount()), set.refundCount(), Settlements.n(set.refundAmount()), r.reconciledAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public static Uni<List<PartnerDay>> pending(SqlClient sql, LocalDate lastDueDay, int limit) {
        return sql.preparedQuery(PENDING).execute(Tuple.of(lastDueDay, limit)).map(rows -> {
            List<PartnerDay> days = new ArrayList<>();
            rows.forEach(r -> days.add(new PartnerDay(r.getLong(0), r.getLocalDate(1))));
            return days;
        });
    }

    /** A partner day with settlements (how many) and no report from sales-service. */
    public record Unreported(long partnerOrganisationId, LocalDate settlementDate, int settlements) {
    }

    public static Uni<List<Unreported>> unreported(SqlClient sql, LocalDate lastDay, int limit) {
        return sql.preparedQuery(UNREPORTED).execute(Tuple.of(lastDay, limit)).map(rows -> {
            List<Unreported> days = new ArrayList<>();
            rows.forEach(r -> days.add(new Unreported(r.getLong(0), r.getLocalDate(1), r.getLong(2).intValue())));
            return days;
        });
    }

    public static Uni<Long> unreportedCount(SqlClient sql, LocalDate lastDay) {
        return sql.preparedQuery(UNREPORTED_COUNT).execute(Tuple.of(lastDay)).map(rows -> rows.iterator().next().getLong(0));
    }

    public static Uni<Long> mismatches(SqlClient sql) {
        return sql.preparedQuery(MISMATCHES).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private static Tuple key(PartnerDay day) {
        return Tuple.of(day.partnerOrganisationId(), day.settlementDate());
    }

    private static DayFigures named(Row r, String side) {
        return new DayFigures(r.getInteger(side + "sale_count"), amount(r.getBigDecimal(side + "sale_amount")), r.getInteger(side + "refund_count"),
                amount(r.getBigDecimal(side + "refund_amount")));
    }

    private static DayFigures figures(Row r, int from) {
        return new DayFigures(r.getInteger(from), amount(r.getBigDecimal(from + 1)), r.getInteger(from + 2), amount(r.getBigDecimal(from + 3)));
    }

    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(2);
    }
}
