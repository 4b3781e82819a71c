package org.partnerplatform.sales.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.OrderCancelled;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderExpired;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.RefundResult;
import org.partnerplatform.events.sales.TicketDisabled;
import org.partnerplatform.sales.repository.OrderCredit;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.sales.service.PlacedOrder;
import org.partnerplatform.sales.service.RefundOutcome;

/** The one place sales-service maps its orders to the event contracts of sales.order-events. */
public final class OrderEvents {
    private OrderEvents() {
    }

    public static OrderConfirmed confirmed(SalesOrder order, List<SalesOrderLine> lines, List<Ticket> tickets) {
        return new OrderConfirmed(order.id.toString(), order.version, order.organisationId, order.operatorOrganisationId, order.agreementId,
                order.commissionBasisPoints, order.distributionChannelId, order.paymentType, order.currency, Amounts.format(order.totalAmount),
                Amounts.format(order.totalTaxAmount), order.lastConfirmedAt, PlacedOrder.eventLines(lines),
                tickets.stream().map(t -> t.id.toString()).toList());
    }

    public static OrderRefunded refunded(SalesOrder order, OrderCredit credit, List<SalesOrderLine> lines, List<UUID> disabledTickets) {
        return new OrderRefunded(order.id.toString(), credit.orderVersion(), order.organisationId, order.operatorOrganisationId, order.agreementId,
                order.commissionBasisPoints, order.distributionChannelId, credit.id().toString(), credit.currency(),
                Amounts.format(credit.totalAmount()), Amounts.format(credit.totalTaxAmount()), credit.createdAt(), PlacedOrder.eventLines(lines),
                disabledTickets.stream().map(UUID::toString).toList());
    }

    public static RefundResult refundResult(String idempotencyKey, RefundOutcome outcome, boolean replayed) {
        OrderCredit c = outcome.credit();
        return new RefundResult(idempotencyKey, "REFUNDED", replayed, c.orderId().toString(), c.orderVersion(), c.id().toString(),
                Amounts.format(c.totalAmount()), Amounts.format(c.totalTaxAmount()), c.currency(),
                outcome.affectedOrderLineIds().stream().map(UUID::toString).toList(), outcome.disabledTicketIds().stream().map(UUID::toString).toList(),
                null, null);
    }

    public static TicketDisabled ticketDisabled(SalesOrder order, Ticket ticket) {
        return new TicketDisabled(ticket.id.toString(), order.id.toString(), order.operatorOrganisationId, ticket.operatorCodespace(),
                ticket.disabledAt, ticket.validTo);
    }

    public static OrderCancelled cancelled(SalesOrder order, Instant at) {
        return new OrderCancelled(order.id.toString(), order.version, order.organisationId, at);
    }

    public static OrderExpired expired(UUID orderId, int version, long organisationId, Instant expireAt, Instant at) {
        return new OrderExpired(orderId.toString(), version, organisationId, expireAt, at);
    }
}
