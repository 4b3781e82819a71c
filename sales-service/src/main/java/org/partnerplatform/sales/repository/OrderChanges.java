package org.partnerplatform.sales.repository;

import static org.partnerplatform.sales.repository.OrderRows.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The changes of an order after it was placed, each a statement that runs at once in the caller's transaction (whose
 * row lock on the order, {@link OrderRows#lock}, serialises them), the expiry sweep, and the
 * partner's order list.
 */
public final class OrderChanges {
    private static final String PAY = "update sales_order set balance = 0, payment_type = $2, payment_reference = $3, paid_at = $4 where id = $1";
    private static final String CONFIRM = "update sales_order set status = 'CONFIRMED', last_confirmed_at = $2, confirmed_at = $2 where id = $1 and status = 'DRAFT'";
    private static final String CANCEL = "update sales_order set status = 'CANCELLED' where id = $1 and status = 'DRAFT'";
    private static final String INSERT_CREDIT = """
            insert into order_credit (id, order_id, order_version, total_amount, total_tax_amount, currency, status, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";
    private static final String REFUND_ORDER = """
            update sales_order set version = $2, total_amount = total_amount - $3, total_tax_amount = total_tax_amount - $4, last_confirmed_at = $5
             where id = $1""";
    private static final String REFUND_LINES = "update order_line set credit_id = $2 where order_id = $1 and id = any($3) and credit_id is null";
    private static final String DISABLE_TICKETS = """
            update ticket set status = 'DISABLED', disabled_at = $3
             where order_id = $1 and order_line_id = any($2) and status = 'ISSUED'
            returning id""";
    /** Due drafts, a bounded number at a time; skip locked, so that replicas sweeping at once take different rows. */
    private static final String EXPIRE_DUE = """
            with due as (
                select id from sales_order where status = 'DRAFT' and expire_at <= $1 order by expire_at limit $2 for update skip locked)
            update sales_order o set status = 'EXPIRED' from due where o.id = due.id
            returning o.id, o.organisation_id, o.version, o.expire_at""";
    private static final String FILTER = """
             where organisation_id = $1
               and ($2::text is null or status = $2)
               and ($3::timestamptz is null or created_at >= $3)
               and ($4::timestamptz is null or created_at < $4)
               and ($5::text is null or external_reference = $5)""";
    private static final String LIST = "select * from sales_order\n" + FILTER + " order by created_at desc, id desc limit $6 offset $7";
    private static final String COUNT = "select count(*) from sales_order\n" + FILTER;

    private OrderChanges() {
    }

    public static Uni<Void> pay(SqlClient sql, UUID orderId, String paymentType, String reference, Instant at) {
        return sql.preparedQuery(PAY).execute(Tuple.of(orderId, paymentType, reference, utc(at))).replaceWithVoid();
    }

    public static Uni<Void> confirm(SqlClient sql, UUID orderId, Instant at) {
        return sql.preparedQuery(CONFIRM).execute(Tuple.of(orderId, utc(at))).replaceWithVoid();
    }

    public static Uni<Void> cancel(SqlClient sql, UUID orderId) {
        return sql.preparedQuery(CANCEL).execute(Tuple.of(orderId)).replaceWithVoid();
    }

    /** Books the credit, marks its lines refunded, gives the order its new version and totals; returns the disabled tickets' ids. */
    public static Uni<List<UUID>> refund(SqlClient sql, OrderCredit credit, List<UUID> lineIds) {
        UUID[] lines = lineIds.toArray(new UUID[0]);
        return sql.preparedQuery(INSERT_CREDIT).execute(Tuple.from(List.of(credit.id(), credit.orderId(), credit.orderVersion(),
                        credit.totalAmount(), credit.totalTaxAmount(), credit.currency(), credit.status(), utc(credit.createdAt()))))
                .chain(() -> sql.preparedQuery(REFUND_LINES).execute(Tuple.of(credit.orderId(), credit.id(), lines)))
                .invoke(rows -> {
                    if (rows.rowCount() != lines.length) {
                        throw new IllegalStateException("a line of order " + credit.orderId() + " was refunded under its lock");
                    }
                })
                .chain(() -> sql.preparedQuery(REFUND_ORDER).execute(Tuple.of(credit.orderId(), credit.orderVersion(), credit.totalAmount(),
                        credit.totalTaxAmount(), utc(credit.createdAt()))))
                .chain(() -> sql.preparedQuery(DISABLE_TICKETS).execute(Tuple.of(credit.orderId(), lines, utc(credit.createdAt()))))
                .map(rows -> {
                    List<UUID> disabled = new ArrayList<>();
                    rows.forEach(r -> disabled.add(r.getUUID(0)));
                    return disabled;
                });
    }

    /** A draft the sweep expired. */
    public record Expired(UUID orderId, long organisationId, int version, Instant expireAt) {
    }

    public static Uni<List<Expired>> expireDue(SqlClient sql, Instant now, int limit) {
        return sql.preparedQuery(EXPIRE_DUE).execute(Tuple.of(utc(now), limit)).map(rows -> {
            List<Expired> expired = new ArrayList<>();
            rows.forEach(r -> expired.add(new Expired(r.getUUID(0), r.getLong(1), r.getInteger(2), r.getOffsetDateTime(3).toInstant())));
            return expired;
        });
    }

    /** What a partner's order list is filtered by; a null filter is no filter. */
    public record Filter(long organisationId, String status, Instant createdFrom, Instant createdTo, String externalReference) {
        Tuple tuple() {
            return Tuple.from(java.util.Arrays.asList(organisationId, status, utc(createdFrom), utc(createdTo), externalReference));
        }
    }

    /** One page of orders, newest first, and how many match in all. */
    public record Page(List<SalesOrder> orders, long total) {
    }

    public static Uni<Page> list(SqlClient sql, Filter filter, int page, int pageSize) {
        Tuple listing = filter.tuple().addInteger(pageSize).addLong((long) page * pageSize);
        return sql.preparedQuery(LIST).execute(listing).chain(rows -> {
            List<SalesOrder> orders = new ArrayList<>();
            rows.forEach(r -> orders.add(OrderRows.order(r)));
            return sql.preparedQuery(COUNT).execute(filter.tuple()).map(count -> new Page(orders, count.iterator().next().getLong(0)));
        });
    }
}
