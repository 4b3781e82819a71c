package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.util.List;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.sales.service.PlacedOrder;

/** An order in the shape the hub's partners know: id, status, version, balance, totals, lines, tickets, payments. */
public record OrderView(
        String id,
        String status,
        int version,
        String balance,
        String currency,
        String totalAmount,
        String totalTaxAmount,
        long organisationId,
        String distributionChannelId,
        String agreementId,
        Instant createdAt,
        Instant lastConfirmedAt,
        List<OrderLine> orderLines,
        List<TicketView> tickets,
        List<PaymentView> payments) {

    public record TicketView(String id, String orderLineId, String productId, String userProfile, String status) {
    }

    public record PaymentView(String type, String amount, String currency) {
    }

    static OrderView of(PlacedOrder placed) {
        var o = placed.order();
        return new OrderView(o.id.toString(), o.status, o.version, Amounts.format(o.balance), o.currency, Amounts.format(o.totalAmount),
                Amounts.format(o.totalTaxAmount), o.organisationId, o.distributionChannelId, o.agreementId, o.createdAt, o.lastConfirmedAt,
                placed.eventLines(),
                placed.tickets().stream().map(t -> new TicketView(t.id.toString(), t.orderLineId.toString(), t.productId, t.userProfile, t.status)).toList(),
                List.of(new PaymentView(o.paymentType, Amounts.format(o.totalAmount), o.currency)));
    }
}
