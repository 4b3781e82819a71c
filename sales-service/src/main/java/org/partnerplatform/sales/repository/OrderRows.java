package org.partnerplatform.sales.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.partnerplatform.messaging.tx.MultiRowInsert;
import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Orders with their lines, tickets and credits: new rows kept in the work and written a table at a time; read back by id. */
public final class OrderRows {
    private static final MultiRowInsert ORDERS = MultiRowInsert.into("sales_order")
            .column("id", "uuid").column("organisation_id", "bigint").column("operator_organisation_id", "bigint")
            .column("agreement_id", "text").column("commission_basis_points", "integer").column("distribution_channel_id", "text")
            .column("status", "text").column("version", "integer").column("currency", "text").column("total_amount", "numeric")
            .column("total_tax_amount", "numeric").column("balance", "numeric").column("payment_type", "text")
            .column("external_reference", "text").column("created_at", "timestamptz").column("last_confirmed_at", "timestamptz")
            .column("expire_at", "timestamptz").column("payment_reference", "text").column("paid_at", "timestamptz")
            .column("confirmed_at", "timestamptz")
            .build();
    private static final MultiRowInsert LINES = MultiRowInsert.into("order_line")
            .column("id", "uuid").column("order_id", "uuid").column("line_number", "integer").column("product_id", "text")
            .column("user_profile", "text").column("quantity", "integer").column("unit_price", "numeric").column("amount", "numeric")
            .column("tax_amount", "numeric").column("tax_code", "text").column("tax_rate", "numeric")
            .column("ticket_validity", "text").column("travel_date", "date").column("valid_from", "timestamptz")
            .build();
    private static final MultiRowInsert TICKETS = MultiRowInsert.into("ticket")
            .column("id", "uuid").column("order_id", "uuid").column("order_line_id", "uuid").column("product_id", "text")
            .column("user_profile", "text").column("status", "text").column("issued_at", "timestamptz")
            .column("valid_from", "timestamptz").column("valid_to", "timestamptz").column("signing_key_id", "text").column("signed", "text")
            .build();

    private static final MultiRowInsert CREDITS = MultiRowInsert.into("order_credit")
            .column("id", "uuid").column("order_id", "uuid").column("order_version", "integer").column("total_amount", "numeric")
            .column("total_tax_amount", "numeric").column("currency", "text").column("status", "text").column("created_at", "timestamptz")
            .build();

    private OrderRows() {
    }

    public static void insert(Work work, SalesOrder o, List<SalesOrderLine> lines, List<Ticket> tickets) {
        work.insert(ORDERS, o.id, o.organisationId, o.operatorOrganisationId, o.agreementId, o.commissionBasisPoints, o.distributionChannelId,
                o.status, o.version, o.currency, o.totalAmount, o.totalTaxAmount, o.balance, o.paymentType, o.externalReference, utc(o.createdAt),
                utc(o.lastConfirmedAt), utc(o.expireAt), o.paymentReference, utc(o.paidAt), utc(o.lastConfirmedAt));
        for (SalesOrderLine l : lines) {
            work.insert(LINES, l.id, l.orderId, l.lineNumber, l.productId, l.userProfile, l.quantity, l.unitPrice, l.amount, l.taxAmount, l.taxCode,
                    l.taxRate, l.ticketValidity, l.travelDate, utc(l.validFrom));
        }
        insertTickets(work, tickets);
    }

    public static void insertTickets(Work work, List<Ticket> tickets) {
        for (Ticket t : tickets) {
            work.insert(TICKETS, t.id, t.orderId, t.orderLineId, t.productId, t.userProfile, t.status, utc(t.issuedAt), utc(t.validFrom),
                    utc(t.validTo), t.signingKeyId, t.signed);
        }
    }

    public static void insert(Work work, OrderCredit c) {
        work.insert(CREDITS, c.id(), c.orderId(), c.orderVersion(), c.totalAmount(), c.totalTaxAmount(), c.currency(), c.status(),
                utc(c.createdAt()));
    }

    /** An order as stored, with its lines, tickets and credits. */
    public record Stored(SalesOrder order, List<SalesOrderLine> lines, List<Ticket> tickets, List<OrderCredit> credits) {
    }

    /** The order with all it holds, or null when there is none. */
    public static Uni<Stored> load(SqlClient sql, UUID orderId) {
        return load(sql, "select * from sales_order where id = $1", Tuple.of(orderId), orderId);
    }

    /**
     * The organisation's order with all it holds, its row locked until the transaction ends; null when the organisation
     * has no such order (another organisation's order is neither read nor locked).
     */
    public static Uni<Stored> lock(SqlClient sql, UUID orderId, long organisationId) {
        return load(sql, "select * from sales_order where id = $1 and organisation_id = $2 for update", Tuple.of(orderId, organisationId), orderId);
    }

    private static Uni<Stored> load(SqlClient sql, String select, Tuple key, UUID orderId) {
        return sql.preparedQuery(select).execute(key).chain(orders -> {
            if (orders.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            SalesOrder order = order(orders.iterator().next());
            Tuple id = Tuple.of(orderId);
            List<SalesOrderLine> lines = new ArrayList<>();
            List<Ticket> tickets = new ArrayList<>();
            List<OrderCredit> credits = new ArrayList<>();
            return sql.preparedQuery("select * from order_line where order_id = $1 order by line_number").execute(id)
                    .invoke(rows -> rows.forEach(r -> lines.add(line(r))))
                    .chain(() -> sql.preparedQuery("select * from ticket where order_id = $1 order by order_line_id, id").execute(id))
                    .invoke(rows -> rows.forEach(r -> tickets.add(ticket(r))))
                    .chain(() -> sql.preparedQuery("select * from order_credit where order_id = $1 order by order_version").execute(id))
                    .invoke(rows -> rows.forEach(r -> credits.add(credit(r))))
                    .map(ignored -> new Stored(order, lines, tickets, credits));
        });
    }

    private static OrderCredit credit(Row r) {
        return new OrderCredit(r.getUUID("id"), r.getUUID("order_id"), r.getInteger("order_version"), r.getBigDecimal("total_amount"),
                r.getBigDecimal("total_tax_amount"), r.getString("currency"), r.getString("status"), instant(r.getOffsetDateTime("created_at")));
    }

    static SalesOrder order(Row r) {
        SalesOrder o = new SalesOrder();
        o.id = r.getUUID("id");
        o.organisationId = r.getLong("organisation_id");
        o.operatorOrganisationId = r.getLong("operator_organisation_id");
        o.agreementId = r.getString("agreement_id");
        o.commissionBasisPoints = r.getInteger("commission_basis_points");
        o.distributionChannelId = r.getString("distribution_channel_id");
        o.status = r.getString("status");
        o.version = r.getInteger("version");
        o.currency = r.getString("currency");
        o.totalAmount = r.getBigDecimal("total_amount");
        o.totalTaxAmount = r.getBigDecimal("total_tax_amount");
        o.balance = r.getBigDecimal("balance");
        o.paymentType = r.getString("payment_type");
        o.externalReference = r.getString("external_reference");
        o.createdAt = instant(r.getOffsetDateTime("created_at"));
        o.lastConfirmedAt = instant(r.getOffsetDateTime("last_confirmed_at"));
        o.expireAt = instant(r.getOffsetDateTime("expire_at"));
        o.paymentReference = r.getString("payment_reference");
        o.paidAt = instant(r.getOffsetDateTime("paid_at"));
        return o;
    }

    private static SalesOrderLine line(Row r) {
        SalesOrderLine l = new SalesOrderLine();
        l.id = r.getUUID("id");
        l.orderId = r.getUUID("order_id");
        l.lineNumber = r.getInteger("line_number");
        l.productId = r.getString("product_id");
        l.userProfile = r.getString("user_profile");
        l.quantity = r.getInteger("quantity");
        l.unitPrice = r.getBigDecimal("unit_price");
        l.amount = r.getBigDecimal("amount");
        l.taxAmount = r.getBigDecimal("tax_amount");
        l.taxCode = r.getString("tax_code");
        l.taxRate = r.getBigDecimal("tax_rate");
        l.ticketValidity = r.getString("ticket_validity");
        l.travelDate = r.getLocalDate("travel_date");
        l.validFrom = instant(r.getOffsetDateTime("valid_from"));
        l.creditId = r.getUUID("credit_id");
        return l;
    }

    private static Ticket ticket(Row r) {
        Ticket t = new Ticket();
        t.id = r.getUUID("id");
        t.orderId = r.getUUID("order_id");
        t.orderLineId = r.getUUID("order_line_id");
        t.productId = r.getString("product_id");
        t.userProfile = r.getString("user_profile");
        t.status = r.getString("status");
        t.issuedAt = instant(r.getOffsetDateTime("issued_at"));
        t.disabledAt = instant(r.getOffsetDateTime("disabled_at"));
        t.validFrom = instant(r.getOffsetDateTime("valid_from"));
        t.validTo = instant(r.getOffsetDateTime("valid_to"));
        t.signingKeyId = r.getString("signing_key_id");
        t.signed = r.getString("signed");
        return t;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
