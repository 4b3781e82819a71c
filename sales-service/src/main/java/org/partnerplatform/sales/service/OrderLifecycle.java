package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.sales.repository.CatalogSnapshot;
import org.partnerplatform.sales.repository.OrderPayment;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;

/**
 * What may happen to an order, and when (docs/sales.md): a DRAFT is paid in full with one AGENT payment, confirmed
 * once its balance is 0.00, or cancelled, until its expireAt; lines of a CONFIRMED order are refunded once each, while
 * an agreement gives the partner the REFUND right on their products. Pure: the caller holds the order's row lock.
 */
public final class OrderLifecycle {

    /** A payment as the partner states it. */
    public record Payment(String type, String amount, String currency, String reference) {
    }

    private OrderLifecycle() {
    }

    /** {@code If-Match}: the version the caller last saw must be the order's (no precondition when absent). */
    public static void requireVersion(SalesOrder order, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != order.version) {
            throw new OrderRefusedException(412, "stale-version",
                    "the order is at version " + order.version + ", not " + expectedVersion + " (If-Match); read it again");
        }
    }

    /** A draft whose expireAt has passed is expired, whether or not the sweep has marked it yet. */
    public static boolean isExpired(SalesOrder order, Instant now) {
        return SalesOrder.DRAFT.equals(order.status) && order.expireAt != null && !now.isBefore(order.expireAt);
    }

    public static void requirePayable(SalesOrder order, Payment payment, Instant now) {
        requireOpenDraft(order, now, "paid");
        if (!OrderPayment.AGENT.equals(payment.type())) {
            throw new OrderRefusedException(422, "unsupported-payment-type", "the only payment type is AGENT (the partner collects the money), not "
                    + payment.type());
        }
        if (!Amounts.CURRENCY.equals(payment.currency())) {
            throw new OrderRefusedException(422, "unsupported-currency", "orders are paid in " + Amounts.CURRENCY + ", not " + payment.currency());
        }
        BigDecimal amount;
        try {
            amount = Amounts.parse(payment.amount());
        } catch (IllegalArgumentException e) {
            throw new OrderRefusedException(422, "invalid-amount", "the amount must be a decimal string with two decimals, such as \"99.00\"");
        }
        if (order.balance.signum() == 0) {
            throw new OrderRefusedException(409, "already-paid", "the order's balance is already 0.00");
        }
        if (amount.compareTo(order.balance) != 0) {
            throw new OrderRefusedException(422, "payment-must-cover-balance", "an AGENT payment covers the whole balance, "
                    + Amounts.format(order.balance) + ", not " + Amounts.format(amount));
        }
    }

    /** True when the order must now be confirmed; false when it already is (confirming again changes nothing). */
    public static boolean requireConfirmable(SalesOrder order, Instant now) {
        if (SalesOrder.CONFIRMED.equals(order.status)) {
            return false;
        }
        requireOpenDraft(order, now, "confirmed");
        if (order.balance.signum() != 0) {
            throw new OrderRefusedException(409, "balance-not-paid", "only a balance of 0.00 confirms; the balance is " + Amounts.format(order.balance));
        }
        return true;
    }

    /** True when the order must now be cancelled; false when it already is. */
    public static boolean requireCancellable(SalesOrder order, Instant now) {
        if (SalesOrder.CANCELLED.equals(order.status)) {
            return false;
        }
        if (SalesOrder.CONFIRMED.equals(order.status)) {
            throw new OrderRefusedException(409, "order-confirmed", "a confirmed order is not cancelled; refund its lines instead");
        }
        requireOpenDraft(order, now, "cancelled");
        return true;
    }

    /**
     * The lines a refund takes: those named (each of this order and not yet refunded), or, when none are named, every
     * line not yet refunded.
     */
    public static List<SalesOrderLine> linesToRefund(SalesOrder order, List<SalesOrderLine> lines, List<String> requestedLineIds) {
        if (!SalesOrder.CONFIRMED.equals(order.status)) {
            throw new OrderRefusedException(409, "order-not-confirmed", "only the lines of a confirmed order are refunded; this order is " + order.status);
        }
        List<SalesOrderLine> chosen = new ArrayList<>();
        if (requestedLineIds == null || requestedLineIds.isEmpty()) {
            lines.stream().filter(l -> l.creditId == null).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new OrderRefusedException(409, "already-refunded", "every line of the order is already refunded");
            }
            return chosen;
        }
        Map<String, SalesOrderLine> byId = lines.stream().collect(Collectors.toMap(l -> l.id.toString(), Function.identity()));
        for (String id : new LinkedHashSet<>(requestedLineIds)) {
            SalesOrderLine line = byId.get(id);
            if (line == null) {
                throw new OrderRefusedException(422, "unknown-order-line", "the order has no line " + id);
            }
            if (line.creditId != null) {
                throw new OrderRefusedException(409, "line-already-refunded", "line " + id + " was refunded by credit " + line.creditId);
            }
            chosen.add(line);
        }
        return chosen;
    }

    /** Every product refunded must be covered, for this order's operator, by an agreement in force that gives the REFUND right. */
    public static void requireRefundRight(SalesOrder order, List<SalesOrderLine> lines, CatalogSnapshot refundAgreements) {
        Set<String> products = new LinkedHashSet<>();
        lines.forEach(l -> products.add(l.productId));
        for (String product : products) {
            if (refundAgreements.agreementsCovering(order.organisationId, order.operatorOrganisationId, product).isEmpty()) {
                throw new OrderRefusedException(403, "no-refund-right", "no agreement in force gives you the REFUND right on " + product);
            }
        }
    }

    private static void requireOpenDraft(SalesOrder order, Instant now, String act) {
        if (SalesOrder.EXPIRED.equals(order.status)) {
            throw new OrderRefusedException(409, "order-expired", "the draft expired at " + order.expireAt);
        }
        if (!SalesOrder.DRAFT.equals(order.status)) {
            throw new OrderRefusedException(409, "order-not-draft", "a " + order.status + " order is not " + act);
        }
        if (isExpired(order, now)) {
            throw new OrderRefusedException(409, "order-expired", "the draft expired at " + order.expireAt);
        }
    }
}
