package org.partnerplatform.settlement.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.partnerplatform.settlement.service.Reconciliation;
import org.partnerplatform.settlement.service.Settlement;
import org.partnerplatform.settlement.service.SettlementFigures;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the API reads: settlements with their totals per operator, operator statements, reconciliations. */
public final class SettlementReads {
    /** Which settlements to list; null fields do not filter. */
    public record Filter(Long partner, Long operator, LocalDate from, LocalDate to, String kind) {
    }

    public record Page(List<Settlement> settlements, long total) {
    }

    /** One line of an operator's statement: a settlement of the day, and the operator's part of it. */
    public record StatementLine(Settlement settlement, SettlementFigures operatorFigures) {
    }

    private static final String COLUMNS = """
            s.id, s.partner_organisation_id, s.settlement_no, s.settlement_date, s.kind, s.corrected_settlement_id, c.settlement_no as corrected_no,
            s.currency, s.sale_count, s.sale_amount, s.refund_count, s.refund_amount, s.gross_amount, s.vat_amount, s.commission_amount,
            s.net_to_operator_amount, s.closed_at
            from settlement s left join settlement c on c.id = s.corrected_settlement_id""";
    private static final String OPERATORS = """
            select settlement_id, operator_organisation_id, sale_count, sale_amount, refund_count, refund_amount, gross_amount, vat_amount,
                commission_amount, net_to_operator_amount
              from settlement_operator_total where settlement_id = any($1)""";
    private static final String RECONCILIATIONS = """
            select partner_organisation_id, settlement_date, status, reported_sale_count, reported_sale_amount, reported_refund_count,
                reported_refund_amount, settled_sale_count, settled_sale_amount, settled_refund_count, settled_refund_amount, reconciled_at
              from reconciliation""";

    private SettlementReads() {
    }

    public static Uni<Optional<Settlement>> byId(SqlClient sql, UUID id) {
        return sql.preparedQuery("select " + COLUMNS + " where s.id = $1").execute(Tuple.of(id))
                .chain(rows -> withOperators(sql, rows)).map(list -> list.stream().findFirst());
    }

    public static Uni<Page> list(SqlClient sql, Filter filter, int page, int pageSize) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (filter.partner() != null) {
            args.add(filter.partner());
            where.append(" and s.partner_organisation_id = $").append(args.size());
        }
        if (filter.operator() != null) {
            args.add(filter.operator());
            where.append(" and exists (select 1 from settlement_operator_total o where o.settlement_id = s.id and o.operator_organisation_id = $")
                    .append(args.size()).append(')');
        }
        if (filter.from() != null) {
            args.add(filter.from());
            where.append(" and s.settlement_date >= $").append(args.size());
        }
        if (filter.to() != null) {
            args.add(filter.to());
            where.append(" and s.settlement_date <= $").append(args.size());
        }
        if (filter.kind() != null) {
            args.add(filter.kind());
            where.append(" and s.kind = $").append(args.size());
        }
        Tuple counted = Tuple.tuple(new ArrayList<>(args));
        args.add(pageSize);
        args.add((long) page * pageSize);
        String query = "select " + COLUMNS + where + " order by s.settlement_date desc, s.partner_organisation_id, s.settlement_no desc limit $"
                + (args.size() - 1) + " offset $" + args.size();
        return sql.preparedQuery("select count(*) from settlement s" + where).execute(counted).map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> sql.preparedQuery(query).execute(Tuple.tuple(args)).chain(rows -> withOperators(sql, rows))
                        .map(list -> new Page(list, total)));
    }

    /** The settlements of the day that concern the operator (corrections included), each with the operator's part. */
    public static Uni<List<StatementLine>> statement(SqlClient sql, long operator, LocalDate day) {
        return sql.preparedQuery("select " + COLUMNS + " " + """
                 where s.settlement_date = $1 and exists (select 1 from settlement_operator_total o
                   where o.settlement_id = s.id and o.operator_organisation_id = $2)
                 order by s.partner_organisation_id, s.settlement_no""").execute(Tuple.of(day, operator))
                .chain(rows -> withOperators(sql, rows))
                .map(list -> list.stream().map(s -> new StatementLine(s, s.byOperator().get(operator))).toList());
    }

    public static Uni<List<Reconciliation>> reconciliations(SqlClient sql, Long partner, LocalDate from, LocalDate to, String status) {
        return sql.preparedQuery(RECONCILIATIONS + " " + """
                 where ($1::bigint is null or partner_organisation_id = $1) and ($2::date is null or settlement_date >= $2)
                   and ($3::date is null or settlement_date <= $3) and ($4::text is null or status = $4)
                 order by settlement_date desc, partner_organisation_id limit 1000""")
                .execute(Tuple.tuple(java.util.Arrays.asList(partner, from, to, status)))
                .map(rows -> {
                    List<Reconciliation> list = new ArrayList<>();
                    rows.forEach(r -> list.add(Reconciliations.of(r.getLong(0), r.getLocalDate(1), r)));
                    return list;
                });
    }

    private static Uni<List<Settlement>> withOperators(SqlClient sql, io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Row> settlements = new ArrayList<>();
        rows.forEach(settlements::add);
        if (settlements.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = settlements.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return sql.preparedQuery(OPERATORS).execute(Tuple.of(ids)).map(operatorRows -> {
            Map<UUID, Map<Long, SettlementFigures>> byOperator = new HashMap<>();
            operatorRows.forEach(r -> byOperator.computeIfAbsent(r.getUUID(0), k -> new TreeMap<>()).put(r.getLong(1), figures(r, 2)));
            return settlements.stream().map(r -> settlement(r, byOperator.getOrDefault(r.getUUID("id"), Map.of()))).toList();
        });
    }

    private static Settlement settlement(Row r, Map<Long, SettlementFigures> byOperator) {
        return new Settlement(r.getUUID("id"), r.getLong("partner_organisation_id"), r.getLong("settlement_no"), r.getLocalDate("settlement_date"),
                r.getString("kind"), r.getUUID("corrected_settlement_id"), r.getLong("corrected_no"), r.getString("currency"),
                figures(r, 8), byOperator, r.getOffsetDateTime("closed_at").toInstant());
    }

    /** Figures from sale_count, sale_amount, refund_count, refund_amount, gross, vat, commission, net at the index. */
    private static SettlementFigures figures(Row r, int i) {
        return new SettlementFigures(r.getInteger(i), r.getBigDecimal(i + 1), r.getInteger(i + 2), r.getBigDecimal(i + 3), r.getBigDecimal(i + 4),
                r.getBigDecimal(i + 5), r.getBigDecimal(i + 6), r.getBigDecimal(i + 7));
    }
}
