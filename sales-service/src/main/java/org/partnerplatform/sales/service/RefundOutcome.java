package org.partnerplatform.sales.service;

import java.util.List;
import java.util.UUID;

import org.partnerplatform.sales.repository.OrderCredit;
import org.partnerplatform.sales.repository.Ticket;

/** A refund made (or its first outcome replayed): the credit, the lines it refunded and the tickets it disabled. */
public record RefundOutcome(PlacedOrder order, OrderCredit credit, List<UUID> affectedOrderLineIds, List<UUID> disabledTicketIds,
        boolean replayed) {

    /** The refund of a stored order by one of its credits, as it was made. */
    static RefundOutcome of(PlacedOrder order, UUID creditId, boolean replayed) {
        OrderCredit credit = order.credits().stream().filter(c -> c.id().equals(creditId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + order.order().id + " has no credit " + creditId));
        List<UUID> lines = order.lines().stream().filter(l -> creditId.equals(l.creditId)).map(l -> l.id).toList();
        List<UUID> tickets = order.tickets().stream().filter(t -> lines.contains(t.orderLineId) && Ticket.DISABLED.equals(t.status))
                .map(t -> t.id).toList();
        return new RefundOutcome(order, credit, lines, tickets, replayed);
    }
}
