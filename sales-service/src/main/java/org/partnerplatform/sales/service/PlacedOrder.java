package org.partnerplatform.sales.service;

import java.util.List;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;

/** An order with its lines and tickets, as stored. */
public record PlacedOrder(SalesOrder order, List<SalesOrderLine> lines, List<Ticket> tickets) {

    public List<OrderLine> eventLines() {
        return lines.stream().map(l -> new OrderLine(l.id.toString(), l.productId, l.userProfile, l.quantity, Amounts.format(l.unitPrice),
                Amounts.format(l.amount), Amounts.format(l.taxAmount), l.taxCode, l.taxRate.stripTrailingZeros().toPlainString())).toList();
    }

    public List<String> ticketIds() {
        return tickets.stream().map(t -> t.id.toString()).toList();
    }

    public OrderConfirmed confirmedEvent() {
        return new OrderConfirmed(order.id.toString(), order.version, order.organisationId, order.operatorOrganisationId, order.agreementId,
                order.commissionBasisPoints, order.distributionChannelId, order.paymentType, order.currency, Amounts.format(order.totalAmount),
                Amounts.format(order.totalTaxAmount), order.lastConfirmedAt, eventLines(), ticketIds());
    }
}
