package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements of the day totals: a day's figures per partner, and which days were published. */
public final class DayTotalsRows {
    /** A partner's figures of a day: orders first confirmed on it (at their amount before any refund) and credits made on it. */
    public record Figures(int saleCount, BigDecimal saleAmount, int refundCount, BigDecimal refundAmount) {
    }

    private static final String SALES = """
            select o.organisation_id, count(*), sum(o.total_amount + coalesce((select sum(c.total_amount) from order_credit c where c.order_id = o.id), 0))
              from sales_order o where o.confirmed_at >= $1 and o.confirmed_at < $2 group by o.organisation_id""";
    private static final String REFUNDS = """
            select o.organisation_id, count(*), sum(c.total_amount) from order_credit c join sales_order o on o.id = c.order_id
             where c.created_at >= $1 and c.created_at < $2 group by o.organisation_id""";
    private static final String CLAIM = """
            insert into sales_day_published (sales_date, partners, published_at) values ($1, $2, $3) on conflict do nothing returning sales_date""";
    private static final String LAST = "select max(sales_date) from sales_day_published";

    private DayTotalsRows() {
    }

    /** Each partner's figures for the instants [from, to). */
    public static Uni<Map<Long, Figures>> figures(SqlClient sql, Instant from, Instant to) {
        Tuple range = Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        Map<Long, Figures> figures = new TreeMap<>();
        return sql.preparedQuery(SALES).execute(range).invoke(rows -> rows.forEach(r -> figures.put(r.getLong(0),
                new Figures(r.getLong(1).intValue(), r.getBigDecimal(2), 0, BigDecimal.ZERO))))
                .chain(() -> sql.preparedQuery(REFUNDS).execute(range)).invoke(rows -> rows.forEach(r -> figures.merge(r.getLong(0),
                        new Figures(0, BigDecimal.ZERO, r.getLong(1).intValue(), r.getBigDecimal(2)),
                        (a, b) -> new Figures(a.saleCount(), a.saleAmount(), b.refundCount(), b.refundAmount()))))
                .replaceWith(figures);
    }

    /** Records the day as published; false when another replica already did (it publishes it, this one does not). */
    public static Uni<Boolean> claim(SqlClient sql, LocalDate day, int partners, Instant now) {
        return sql.preparedQuery(CLAIM).execute(Tuple.of(day, partners, now.atOffset(ZoneOffset.UTC))).map(rows -> rows.size() == 1);
    }

    public static Uni<Optional<LocalDate>> lastPublished(SqlClient sql) {
        return sql.preparedQuery(LAST).execute().map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
    }
}
