package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.event.OrderEvents;
import org.partnerplatform.sales.repository.CatalogReads;
import org.partnerplatform.sales.repository.IdempotencyRecord;
import org.partnerplatform.sales.repository.IdempotencyRecords;
import org.partnerplatform.sales.repository.OrderChanges;
import org.partnerplatform.sales.repository.OrderCredit;
import org.partnerplatform.sales.repository.OrderRows;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Changes a placed order (pay, confirm, cancel, refund), each in a transaction that holds the order's row lock, by the
 * rules of {@link OrderLifecycle}; the changes' events go out through the outbox in the same transaction. An order of
 * another organisation does not exist for the caller.
 */
@ApplicationScoped
public class OrderService {
    public static final String REFUNDED = "REFUNDED";

    private final TicketIssuer ticketIssuer;
    private final SalesMetrics metrics;
    private final Transactions transactions;
    private final Pool pool;
    private final Clock clock;
    private final String environment;

    public OrderService(Transactions transactions, Pool pool, Clock clock, TicketIssuer ticketIssuer, SalesMetrics metrics,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") String environment) {
        this.metrics = metrics;
        this.transactions = transactions;
        this.ticketIssuer = ticketIssuer;
        this.pool = pool;
        this.clock = clock;
        this.environment = environment;
    }

    /** The caller's orders, newest first. */
    public Uni<OrderChanges.Page> list(OrderChanges.Filter filter, int page, int pageSize) {
        return OrderChanges.list(pool, filter, page, pageSize);
    }

    /** Records the AGENT payment of the whole balance of a draft. */
    public Uni<PlacedOrder> pay(long organisationId, UUID orderId, Integer expectedVersion, OrderLifecycle.Payment payment) {
        return change(organisationId, orderId, expectedVersion, (placed, work) -> {
            Instant now = Instant.now(clock);
            SalesOrder order = placed.order();
            OrderLifecycle.requirePayable(order, payment, now);
            return OrderChanges.pay(work.sql(), order.id, payment.type(), payment.reference(), now).map(v -> {
                order.balance = BigDecimal.ZERO.setScale(2);
                order.paymentType = payment.type();
                order.paymentReference = payment.reference();
                order.paidAt = now;
                return placed;
            });
        });
    }

    /** Confirms a paid draft: the tickets are issued and OrderConfirmed goes out. Confirming a confirmed order changes nothing. */
    public Uni<PlacedOrder> confirm(long organisationId, UUID orderId, Integer expectedVersion, String correlationId) {
        return change(organisationId, orderId, expectedVersion, (placed, work) -> {
            Instant now = Instant.now(clock);
            SalesOrder order = placed.order();
            if (!OrderLifecycle.requireConfirmable(order, now)) {
                return Uni.createFrom().item(placed);
            }
            List<Ticket> tickets = PlacedOrder.issueTickets(order, placed.lines(), now);
            ticketIssuer.assignValidity(placed.lines(), tickets, now);
            OrderRows.insertTickets(work, tickets);
            return OrderChanges.confirm(work.sql(), order.id, now).map(v -> {
                order.status = SalesOrder.CONFIRMED;
                order.lastConfirmedAt = now;
                work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, order.id.toString(), OrderEvents.confirmed(order, placed.lines(), tickets))
                        .withCorrelationId(correlationId));
                return new PlacedOrder(order, placed.lines(), tickets, placed.credits());
            });
        });
    }

    /** Cancels a draft that was never confirmed; no settlement effect. Cancelling a cancelled order changes nothing. */
    public Uni<PlacedOrder> cancel(long organisationId, UUID orderId, Integer expectedVersion, String correlationId) {
        return change(organisationId, orderId, expectedVersion, (placed, work) -> {
            Instant now = Instant.now(clock);
            SalesOrder order = placed.order();
            if (!OrderLifecycle.requireCancellable(order, now)) {
                return Uni.createFrom().item(placed);
            }
            return OrderChanges.cancel(work.sql(), order.id).map(v -> {
                order.status = SalesOrder.CANCELLED;
                work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, order.id.toString(), OrderEvents.cancelled(order, now))
                        .withCorrelationId(correlationId));
                return placed;
            });
        });
    }

    /** A refund in a transaction of its own (REST); a concurrent request with the same key that commits first is replayed. */
    public Uni<RefundOutcome> refundNow(RefundCommand command, String correlationId) {
        return transactions.inTransaction(work -> refund(command, correlationId, work))
                .onFailure(SaleService::isUniqueViolation)
                .recoverWithUni(() -> transactions.inTransaction(work -> refund(command, correlationId, work)))
                .invoke(outcome -> {
                    if (!outcome.replayed()) {
                        metrics.refunded(SaleService.Channel.REST);
                    }
                })
                .onFailure(OrderRefusedException.class).invoke(e -> metrics.refundRejected((OrderRefusedException) e, SaleService.Channel.REST));
    }

    /**
     * Refunds lines of a confirmed order in the caller's work: a credit of their amounts, the order's next version, their
     * tickets disabled, OrderRefunded out. The order's lock is taken before the key is looked up, so a concurrent
     * request with the same key waits for the first and replays it.
     */
    public Uni<RefundOutcome> refund(RefundCommand command, String correlationId, Work work) {
        String hash = command.requestHash();
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey());
        return locked(command.organisationId(), command.orderId(), work).chain(placed -> IdempotencyRecords.find(work, List.of(key)).chain(stored -> {
            IdempotencyRecord first = stored.get(key);
            if (first != null) {
                if (!first.requestHash.equals(hash) || first.creditId == null || !command.orderId().equals(first.orderId)) {
                    return Uni.createFrom().failure(SaleService.reused(command.idempotencyKey()));
                }
                return Uni.createFrom().item(RefundOutcome.of(placed, first.creditId, true));
            }
            SalesOrder order = placed.order();
            OrderLifecycle.requireVersion(order, command.expectedVersion());
            List<SalesOrderLine> lines = OrderLifecycle.linesToRefund(order, placed.lines(), command.orderLineIds());
            Set<String> products = new HashSet<>();
            lines.forEach(l -> products.add(l.productId));
            return CatalogReads.snapshot(work.sql(), products, Set.of(order.organisationId), LocalDate.now(clock), environment, "REFUND")
                    .chain(agreements -> {
                        OrderLifecycle.requireRefundRight(order, lines, agreements);
                        return credit(placed, lines, command, hash, correlationId, work);
                    });
        }));
    }

    private Uni<RefundOutcome> credit(PlacedOrder placed, List<SalesOrderLine> lines, RefundCommand command, String hash, String correlationId,
            Work work) {
        Instant now = Instant.now(clock);
        SalesOrder order = placed.order();
        BigDecimal amount = lines.stream().map(l -> l.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal tax = lines.stream().map(l -> l.taxAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        OrderCredit credit = new OrderCredit(Ids.next(), order.id, order.version + 1, amount, tax, Amounts.CURRENCY, OrderCredit.CREDITED, now);
        List<UUID> lineIds = lines.stream().map(l -> l.id).toList();
        return OrderChanges.refund(work.sql(), credit, lineIds).map(disabled -> {
            order.version = credit.orderVersion();
            order.totalAmount = order.totalAmount.subtract(amount);
            order.totalTaxAmount = order.totalTaxAmount.subtract(tax);
            order.lastConfirmedAt = now;
            lines.forEach(l -> l.creditId = credit.id());
            placed.tickets().stream().filter(t -> disabled.contains(t.id)).forEach(t -> {
                t.status = Ticket.DISABLED;
                t.disabledAt = now;
                work.publish(OutgoingEvent.of(Topics.SALES_DISABLED_TICKETS, t.id.toString(), OrderEvents.ticketDisabled(order, t))
                        .withCorrelationId(correlationId));
            });
            IdempotencyRecord record = new IdempotencyRecord();
            record.organisationId = command.organisationId();
            record.idempotencyKey = command.idempotencyKey();
            record.requestHash = hash;
            record.outcome = REFUNDED;
            record.orderId = order.id;
            record.creditId = credit.id();
            record.createdAt = now;
            IdempotencyRecords.insert(work, record);
            work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, order.id.toString(), OrderEvents.refunded(order, credit, lines, disabled))
                    .withCorrelationId(correlationId));
            List<OrderCredit> credits = new ArrayList<>(placed.credits());
            credits.add(credit);
            return new RefundOutcome(new PlacedOrder(order, placed.lines(), placed.tickets(), credits), credit, lineIds, disabled,
                    false);
        });
    }

    private interface Change extends java.util.function.BiFunction<PlacedOrder, Work, Uni<PlacedOrder>> {
    }

    private Uni<PlacedOrder> change(long organisationId, UUID orderId, Integer expectedVersion, Change change) {
        return transactions.inTransaction(work -> locked(organisationId, orderId, work).chain(placed -> {
            OrderLifecycle.requireVersion(placed.order(), expectedVersion);
            return change.apply(placed, work);
        }));
    }

    /** The caller's order, locked; another organisation's order is not found. */
    private static Uni<PlacedOrder> locked(long organisationId, UUID orderId, Work work) {
        return OrderRows.lock(work.sql(), orderId, organisationId).map(PlacedOrder::of).map(notFoundUnlessOwnedBy(organisationId, orderId));
    }

    private static Function<PlacedOrder, PlacedOrder> notFoundUnlessOwnedBy(long organisationId, UUID orderId) {
        return placed -> {
            if (placed == null || placed.order().organisationId != organisationId) {
                throw new OrderRefusedException(404, "order-not-found", "no order " + orderId);
            }
            return placed;
        };
    }
}
