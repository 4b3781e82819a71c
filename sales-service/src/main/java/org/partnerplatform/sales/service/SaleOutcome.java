package org.partnerplatform.sales.service;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.sales.SaleResult;

/**
 * What became of a sale request: a placed order (confirmed, or a draft for RESERVE), or a rejection; replayed when it
 * is the stored first outcome of its key.
 */
public record SaleOutcome(PlacedOrder order, OrderRefusedException rejection, boolean replayed) {

    public static SaleOutcome placed(PlacedOrder order, boolean replayed) {
        return new SaleOutcome(order, null, replayed);
    }

    public static SaleOutcome rejected(OrderRefusedException rejection, boolean replayed) {
        return new SaleOutcome(null, rejection, replayed);
    }

    public boolean isPlaced() {
        return order != null;
    }

    public SaleResult toResult(String idempotencyKey) {
        if (!isPlaced()) {
            return new SaleResult(idempotencyKey, "REJECTED", replayed, null, null, null, null, null, null, rejection.code(), rejection.getMessage());
        }
        var o = order.order();
        return new SaleResult(idempotencyKey, "CONFIRMED", replayed, o.id.toString(), Amounts.format(o.totalAmount), Amounts.format(o.totalTaxAmount),
                o.currency, order.eventLines(), order.ticketIds(), null, null);
    }
}
