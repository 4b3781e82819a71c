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

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.repository.CatalogReads;
import org.partnerplatform.sales.repository.IdempotencyRecord;
import org.partnerplatform.sales.repository.IdempotencyRecords;
import org.partnerplatform.sales.repository.OrderRows;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.DatabaseException;

/**
 * Sells: checks a request against the partner's agreements and the products ({@link SalePolicy}, on the local catalog
 * projection), confirms the order (payment type AGENT: the partner collects and settles afterwards, so the balance is
 * 0.00), issues a ticket per traveller, and writes the order event (and, for Kafka requests, the partner's result) to
 * the outbox, all in the caller's {@link Work}, keyed by the partner's idempotency key. A Kafka batch shares one
 * work: {@link #load} reads what all its sales need, then {@link #sell} decides each one.
 */
@ApplicationScoped
public class SaleService {
    public static final String TAX_CODE = "TRANSPORT_AND_TICKETS_VAT";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Where a request came from decides how its outcome is returned. */
    public enum Channel {
        /** The outcome is the HTTP response; rejections are not stored, so the caller may correct and retry. */
        REST,
        /** The outcome goes to sales.results.&lt;org&gt; through the outbox; the first outcome, rejections too, is stored. */
        KAFKA
    }

    private final Transactions transactions;
    private final Pool pool;
    private final String environment;
    private final Clock clock;

    public SaleService(Transactions transactions, Pool pool, Clock clock,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") String environment) {
        this.transactions = transactions;
        this.pool = pool;
        this.clock = clock;
        this.environment = environment;
    }

    /** One sale in a transaction of its own (REST). A concurrent request with the same key that commits first is replayed. */
    public Uni<SaleOutcome> sellNow(SaleCommand command, Channel channel, String correlationId) {
        return sellAlone(command, channel, correlationId)
                .onFailure(e -> e instanceof DatabaseException d && UNIQUE_VIOLATION.equals(d.getSqlState()))
                .recoverWithUni(() -> sellAlone(command, channel, correlationId));
    }

    private Uni<SaleOutcome> sellAlone(SaleCommand command, Channel channel, String correlationId) {
        return transactions.inTransaction(work -> load(List.of(command), work).chain(batch -> sell(command, channel, correlationId, batch, work)));
    }

    /** Reads what the sales need with one statement each: their keys' stored outcomes, their products, their partners' agreements. */
    public Uni<SaleBatch> load(List<SaleCommand> commands, Work work) {
        LocalDate today = LocalDate.now(clock);
        List<IdempotencyRecord.Key> keys = commands.stream().map(c -> new IdempotencyRecord.Key(c.organisationId(), c.idempotencyKey())).toList();
        Set<String> products = new HashSet<>();
        Set<Long> partners = new HashSet<>();
        for (SaleCommand command : commands) {
            partners.add(command.organisationId());
            command.lines().forEach(l -> products.add(l.productId()));
        }
        return IdempotencyRecords.find(work, keys)
                .chain(stored -> CatalogReads.snapshot(work.sql(), products, partners, today, environment)
                        .map(catalog -> new SaleBatch(stored, catalog, today)));
    }

    /** Decides one sale of the batch: its stored or earlier outcome again, or a new order or rejection. */
    public Uni<SaleOutcome> sell(SaleCommand command, Channel channel, String correlationId, SaleBatch batch, Work work) {
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey());
        String hash = command.requestHash();
        SaleBatch.Decided earlier = batch.decided.get(key);
        IdempotencyRecord stored = batch.stored.get(key);
        Uni<SaleOutcome> outcome;
        if (earlier != null) {
            outcome = Uni.createFrom().item(again(earlier, hash, command.idempotencyKey()));
        } else if (stored != null) {
            outcome = replay(stored, hash, work);
        } else {
            outcome = Uni.createFrom().item(() -> decide(command, hash, channel, correlationId, batch, work));
        }
        return outcome.invoke(o -> {
            if (channel == Channel.KAFKA) {
                publishResult(command.organisationId(), o.toResult(command.idempotencyKey()), correlationId, work);
            }
        });
    }

    /** Tells a partner on its result topic that a request was refused before it could be considered (e.g. its token). */
    public void rejectUnheard(long organisationId, String idempotencyKey, SaleRejectedException rejection, String correlationId, Work work) {
        publishResult(organisationId, SaleOutcome.rejected(rejection, false).toResult(idempotencyKey), correlationId, work);
    }

    public Uni<PlacedOrder> load(UUID orderId) {
        return OrderRows.load(pool, orderId).map(s -> s == null ? null : new PlacedOrder(s.order(), s.lines(), s.tickets()));
    }

    private SaleOutcome decide(SaleCommand command, String hash, Channel channel, String correlationId, SaleBatch batch, Work work) {
        SaleOutcome outcome;
        try {
            outcome = SaleOutcome.confirmed(place(command, SalePolicy.plan(command, batch.catalog, batch.today), work), false);
        } catch (SaleRejectedException e) {
            outcome = SaleOutcome.rejected(e, false);
        }
        if (outcome.isConfirmed() || channel == Channel.KAFKA) {
            remember(command, hash, outcome, work);
        }
        batch.decided.put(new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey()), new SaleBatch.Decided(hash, outcome));
        if (outcome.isConfirmed()) {
            String orderId = outcome.order().order().id.toString();
            work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, orderId, outcome.order().confirmedEvent()).withCorrelationId(correlationId));
        }
        return outcome;
    }

    /** The same key twice in one batch: the first outcome again, or a refusal if the body differs. */
    private static SaleOutcome again(SaleBatch.Decided earlier, String hash, String idempotencyKey) {
        if (!earlier.requestHash().equals(hash)) {
            return SaleOutcome.rejected(reused(idempotencyKey), false);
        }
        SaleOutcome first = earlier.outcome();
        return first.isConfirmed() ? SaleOutcome.confirmed(first.order(), true) : SaleOutcome.rejected(first.rejection(), true);
    }

    private static Uni<SaleOutcome> replay(IdempotencyRecord existing, String hash, Work work) {
        if (!existing.requestHash.equals(hash)) {
            return Uni.createFrom().item(SaleOutcome.rejected(reused(existing.idempotencyKey), false));
        }
        if (existing.orderId == null) {
            return Uni.createFrom().item(SaleOutcome.rejected(new SaleRejectedException(422, existing.errorCode, existing.errorDetail), true));
        }
        return OrderRows.load(work.sql(), existing.orderId).map(s -> SaleOutcome.confirmed(new PlacedOrder(s.order(), s.lines(), s.tickets()), true));
    }

    private static SaleRejectedException reused(String idempotencyKey) {
        return new SaleRejectedException(409, "idempotency-key-reused", "idempotency key " + idempotencyKey + " was used for a different request");
    }

    private void remember(SaleCommand command, String hash, SaleOutcome outcome, Work work) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.organisationId = command.organisationId();
        record.idempotencyKey = command.idempotencyKey();
        record.requestHash = hash;
        record.outcome = outcome.isConfirmed() ? "CONFIRMED" : "REJECTED";
        record.orderId = outcome.isConfirmed() ? outcome.order().order().id : null;
        record.errorCode = outcome.isConfirmed() ? null : outcome.rejection().code();
        record.errorDetail = outcome.isConfirmed() ? null : truncate(outcome.rejection().getMessage(), 500);
        record.createdAt = Instant.now(clock);
        IdempotencyRecords.insert(work, record);
    }

    private PlacedOrder place(SaleCommand command, SalePolicy.Plan plan, Work work) {
        Instant now = Instant.now(clock);
        SalesOrder order = new SalesOrder();
        order.id = Ids.next();
        order.organisationId = command.organisationId();
        order.operatorOrganisationId = plan.agreement().operatorOrganisationId();
        order.agreementId = plan.agreement().id();
        order.commissionBasisPoints = plan.agreement().commissionBasisPoints();
        order.distributionChannelId = plan.agreement().distributionChannelId();
        order.version = 1;
        order.currency = Amounts.CURRENCY;
        order.paymentType = SalesOrder.PAYMENT_AGENT;
        order.externalReference = command.externalReference();
        order.createdAt = now;
        order.lastConfirmedAt = now;
        order.status = SalesOrder.CONFIRMED;
        order.balance = BigDecimal.ZERO.setScale(2);
        order.totalAmount = plan.total();
        order.totalTaxAmount = plan.vat();

        List<SalesOrderLine> lines = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        int number = 1;
        for (SalePolicy.PricedLine p : plan.lines()) {
            SaleRequest.Line requested = p.line();
            SalesOrderLine line = new SalesOrderLine();
            line.id = Ids.next();
            line.orderId = order.id;
            line.lineNumber = number++;
            line.productId = requested.productId();
            line.userProfile = requested.userProfile();
            line.quantity = requested.quantity();
            line.unitPrice = p.unitPrice();
            line.amount = p.amount();
            line.taxRate = p.product().vatRate();
            line.taxAmount = p.vat();
            line.taxCode = TAX_CODE;
            lines.add(line);
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
        OrderRows.insert(work, order, lines, tickets);
        return new PlacedOrder(order, lines, tickets);
    }

    private static void publishResult(long organisationId, SaleResult result, String correlationId, Work work) {
        work.publish(OutgoingEvent.of(Topics.salesResults(organisationId), result.idempotencyKey(), result)
                .withSubject(result.orderId() != null ? result.orderId() : result.idempotencyKey()).withCorrelationId(correlationId));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
