package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.sales.repository.OrderCredit;
import org.partnerplatform.sales.repository.OrderPayment;
import org.partnerplatform.sales.repository.OrderRows;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;

/** An order with its lines, tickets and credits, as stored. */
public record PlacedOrder(SalesOrder order, List<SalesOrderLine> lines, List<Ticket> tickets, List<OrderCredit> credits) {

    public static PlacedOrder of(OrderRows.Stored s) {
        return s == null ? null : new PlacedOrder(s.order(), s.lines(), s.tickets(), s.credits());
    }

    /** The order's payment, once it is paid: the whole of version 1's total. */
    public List<OrderPayment> payments() {
        return order.paidAt == null ? List.of()
                : List.of(new OrderPayment(1, order.paymentType, totalsAt(1).amount(), order.currency, order.paymentReference, order.paidAt));
    }

    public static List<OrderLine> eventLines(List<SalesOrderLine> lines) {
        return lines.stream().map(l -> new OrderLine(l.id.toString(), l.productId, l.userProfile, l.quantity, Amounts.format(l.unitPrice),
                Amounts.format(l.amount), Amounts.format(l.taxAmount), l.taxCode, l.taxRate.stripTrailingZeros().toPlainString())).toList();
    }

    public List<OrderLine> eventLines() {
        return eventLines(lines);
    }

    public List<String> ticketIds() {
        return tickets.stream().map(t -> t.id.toString()).toList();
    }

    /** The version of the order that a credit made, for each refunded line. */
    public Map<UUID, Integer> refundedInVersion() {
        Map<UUID, Integer> versionOfCredit = new HashMap<>();
        credits.forEach(c -> versionOfCredit.put(c.id(), c.orderVersion()));
        Map<UUID, Integer> byLine = new HashMap<>();
        lines.stream().filter(l -> l.creditId != null).forEach(l -> byLine.put(l.id, versionOfCredit.get(l.creditId)));
        return byLine;
    }

    public record Totals(BigDecimal amount, BigDecimal tax) {
    }

    /** The total and VAT of the lines not refunded by the given version. */
    public Totals totalsAt(int version) {
        Map<UUID, Integer> refunded = refundedInVersion();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal vat = BigDecimal.ZERO.setScale(2);
        for (SalesOrderLine line : lines) {
            Integer in = refunded.get(line.id);
            if (in == null || in > version) {
                total = total.add(line.amount);
                vat = vat.add(line.taxAmount);
            }
        }
        return new Totals(total, vat);
    }

    /** A ticket per traveller of each line, issued now (at confirmation). */
    static List<Ticket> issueTickets(SalesOrder order, List<SalesOrderLine> lines, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        for (SalesOrderLine line : lines) {
            for (int traveller = 0; traveller < line.quantity; traveller++) {
                Ticket ticket = new Ticket();
                ticket.id = Ids.next();
                ticket.orderId = order.id;
                ticket.orderLineId = line.id;
                ticket.productId = line.productId;
                ticket.userProfile = line.userProfile;
                ticket.status = Ticket.ISSUED;
                ticket.issuedAt = now;
                tickets.add(ticket);
            }
        }
        return tickets;
    }
}
