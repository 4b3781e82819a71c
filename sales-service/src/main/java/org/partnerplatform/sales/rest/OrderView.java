package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.sales.service.PlacedOrder;

/**
 * An order in the shape the hub's partners know: id, status, version, balance, totals, expireAt, lines, tickets,
 * payments and credits; as it is, or as it was at a past version (a refund makes a new version).
 */
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
        String externalReference,
        Instant createdAt,
        Instant lastConfirmedAt,
        Instant expireAt,
        List<LineView> orderLines,
        List<TicketView> tickets,
        List<PaymentView> payments,
        List<CreditView> credits) {

    /** A line; {@code creditId} is the credit that refunded it, absent while it is not refunded. */
    public record LineView(String lineId, String productId, String userProfile, int quantity, String unitPrice, String amount, String taxAmount,
            String taxCode, String taxRate, String status, String creditId) {
    }

    public record TicketView(String id, String orderLineId, String productId, String userProfile, String status) {
    }

    public record PaymentView(int orderVersion, String type, String amount, String currency, String reference, Instant createdAt) {
    }

    public record CreditView(String creditId, int orderVersion, String totalCreditAmount, String totalCreditTaxAmount, String currency,
            String status, Instant createdAt) {
    }

    static OrderView of(PlacedOrder placed) {
        return at(placed, placed.order().version);
    }

    /** The order as it was when version {@code version} was its latest (1 ≤ version ≤ the order's version). */
    static OrderView at(PlacedOrder placed, int version) {
        SalesOrder o = placed.order();
        Map<UUID, Integer> refunded = placed.refundedInVersion();
        PlacedOrder.Totals totals = placed.totalsAt(version);
        boolean past = version < o.version;
        List<LineView> lines = placed.lines().stream().map(l -> {
            boolean gone = refunded.containsKey(l.id) && refunded.get(l.id) <= version;
            return new LineView(l.id.toString(), l.productId, l.userProfile, l.quantity, Amounts.format(l.unitPrice), Amounts.format(l.amount),
                    Amounts.format(l.taxAmount), l.taxCode, l.taxRate.stripTrailingZeros().toPlainString(), gone ? "REFUNDED" : "ACTIVE",
                    gone ? l.creditId.toString() : null);
        }).toList();
        List<TicketView> tickets = placed.tickets().stream().map(t -> {
            boolean disabled = Ticket.DISABLED.equals(t.status) && refunded.getOrDefault(t.orderLineId, Integer.MAX_VALUE) <= version;
            return new TicketView(t.id.toString(), t.orderLineId.toString(), t.productId, t.userProfile, disabled ? Ticket.DISABLED : Ticket.ISSUED);
        }).toList();
        List<PaymentView> payments = placed.payments().stream().filter(p -> p.orderVersion() <= version)
                .map(p -> new PaymentView(p.orderVersion(), p.type(), Amounts.format(p.amount()), p.currency(), p.reference(),
                        p.createdAt()))
                .toList();
        List<CreditView> credits = placed.credits().stream().filter(c -> c.orderVersion() <= version)
                .map(c -> new CreditView(c.id().toString(), c.orderVersion(), Amounts.format(c.totalAmount()), Amounts.format(c.totalTaxAmount()),
                        c.currency(), c.status(), c.createdAt()))
                .toList();
        // A past version was last confirmed when it was made: version 1 when its tickets were issued, a later one by its credit.
        Instant lastConfirmed = !past ? o.lastConfirmedAt
                : version == 1 ? placed.tickets().stream().map(t -> t.issuedAt).min(Instant::compareTo).orElse(null)
                : credits.get(credits.size() - 1).createdAt();
        return new OrderView(o.id.toString(), past ? SalesOrder.CONFIRMED : o.status, version, Amounts.format(o.balance), o.currency,
                Amounts.format(totals.amount()), Amounts.format(totals.tax()), o.organisationId, o.distributionChannelId, o.agreementId,
                o.externalReference, o.createdAt, lastConfirmed, o.expireAt, lines, tickets, payments, credits);
    }
}
