package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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
import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.event.OrderEvents;
import org.partnerplatform.sales.repository.CatalogReads;
import org.partnerplatform.sales.repository.CatalogSnapshot;
import org.partnerplatform.sales.repository.IdempotencyRecord;
import org.partnerplatform.sales.repository.IdempotencyRecords;
import org.partnerplatform.sales.repository.OrderPayment;
import org.partnerplatform.sales.repository.OrderRows;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.security.RevocationRegistry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.DatabaseException;

/**
 * Places orders: checks a request against the partner's agreements and the products ({@link SalePolicy}, on the local
 * catalog projection) and either reserves a DRAFT (priced, balance = total, expiring after the draft lifetime) or
 * sells in one step: pays the whole balance as AGENT (the partner collects and settles afterwards), confirms, issues a
 * ticket per traveller, and writes the order event (and, for Kafka requests, the partner's result) to the outbox, all
 * in the caller's {@link Work}, keyed by the partner's idempotency key. A Kafka batch shares one work: {@link #load}
 * reads what all its sales need, then {@link #sell} decides each one. Only a placed order is final for its key: a
 * rejection is not stored, so the same key may be sent again once the cause is gone.
 */
@ApplicationScoped
public class SaleService {
    public static final String TAX_CODE = "TRANSPORT_AND_TICKETS_VAT";
    static final String UNIQUE_VIOLATION = "23505";

    /** Where a request came from decides how its outcome is returned. */
    public enum Channel {
        /** The outcome is the HTTP response. */
        REST,
        /** The outcome goes to sales.results.&lt;org&gt; through the outbox. */
        KAFKA
    }

    private final TicketIssuer ticketIssuer;
    private final Transactions transactions;
    private final Pool pool;
    private final String environment;
    private final Clock clock;
    private final Duration draftLifetime;
    private final RevocationRegistry organisations;
    private final SalesMetrics metrics;

    public SaleService(Transactions transactions, Pool pool, Clock clock, SalesConfig config, RevocationRegistry organisations,
            TicketIssuer ticketIssuer, SalesMetrics metrics, @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") String environment) {
        this.metrics = metrics;
        this.organisations = organisations;
        this.ticketIssuer = ticketIssuer;
        this.transactions = transactions;
        this.pool = pool;
        this.clock = clock;
        this.environment = environment;
        this.draftLifetime = config.draftLifetime();
    }

    /** One sale in a transaction of its own (REST). A concurrent request with the same key that commits first is replayed. */
    public Uni<SaleOutcome> sellNow(SaleCommand command, Channel channel, String correlationId) {
        return sellAlone(command, channel, correlationId)
                .onFailure(SaleService::isUniqueViolation)
                .recoverWithUni(() -> sellAlone(command, channel, correlationId));
    }

    static boolean isUniqueViolation(Throwable e) {
        return e instanceof DatabaseException d && UNIQUE_VIOLATION.equals(d.getSqlState());
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
                        .map(catalog -> new SaleBatch(stored, catalog, today, suspended(catalog))));
    }

    /** The operators of the batch's products that token-service announced suspended. */
    private Set<Long> suspended(CatalogSnapshot catalog) {
        Set<Long> suspended = new HashSet<>();
        catalog.products().values().forEach(p -> {
            if (organisations.isSuspended(p.operatorOrganisationId())) {
                suspended.add(p.operatorOrganisationId());
            }
        });
        return suspended;
    }

    /** Decides one sale of the batch: its stored or earlier outcome again, or a new order or rejection. */
    public Uni<SaleOutcome> sell(SaleCommand command, Channel channel, String correlationId, SaleBatch batch, Work work) {
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey());
        String hash = command.requestHash();
        SaleBatch.Decided earlier = batch.decided.get(key);
        IdempotencyRecord stored = batch.stored.get(key);
        Uni<SaleOutcome> outcome;
        if (!BatchKeys.claim(work, key, BatchKeys.Use.SALE)) {
            outcome = Uni.createFrom().item(SaleOutcome.rejected(reused(command.idempotencyKey()), false));
        } else if (earlier != null) {
            outcome = Uni.createFrom().item(again(earlier, hash, command.idempotencyKey()));
        } else if (stored != null && stored.orderId == null) {
            // A rejection stored by a version from before rejections stopped being final (a rolling upgrade): forget it.
            outcome = IdempotencyRecords.forget(work, key).map(v -> decide(command, hash, correlationId, batch, work));
        } else if (stored != null) {
            outcome = replay(stored, hash, work);
        } else {
            outcome = Uni.createFrom().item(() -> decide(command, hash, correlationId, batch, work));
        }
        return outcome.invoke(o -> {
            work.afterCommit(() -> metrics.sale(o, command.mode() == SaleCommand.Mode.SELL, channel));
            if (channel == Channel.KAFKA) {
                publishResult(command.organisationId(), o.toResult(command.idempotencyKey()), correlationId, work);
            }
        });
    }

    /** Tells a partner on its result topic that a request was refused before it could be considered (e.g. its token). */
    public void rejectUnheard(long organisationId, String idempotencyKey, OrderRefusedException rejection, String correlationId, Work work) {
        publishResult(organisationId, SaleOutcome.rejected(rejection, false).toResult(idempotencyKey), correlationId, work);
        work.afterCommit(() -> metrics.sale(SaleOutcome.rejected(rejection, false), true, Channel.KAFKA));
    }

    public Uni<PlacedOrder> load(UUID orderId) {
        return OrderRows.load(pool, orderId).map(PlacedOrder::of);
    }

    private SaleOutcome decide(SaleCommand command, String hash, String correlationId, SaleBatch batch, Work work) {
        SaleOutcome outcome;
        try {
            outcome = SaleOutcome.placed(place(command, SalePolicy.plan(command, batch.catalog, batch.today, batch.suspendedOperators), work), false);
        } catch (OrderRefusedException e) {
            outcome = SaleOutcome.rejected(e, false);
        }
        if (outcome.isPlaced()) {
            remember(command, hash, outcome, work);
        }
        batch.decided.put(new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey()), new SaleBatch.Decided(hash, outcome));
        if (outcome.isPlaced() && command.mode() == SaleCommand.Mode.SELL) {
            String orderId = outcome.order().order().id.toString();
            work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, orderId, OrderEvents.confirmed(outcome.order().order(), outcome.order().lines(), outcome.order().tickets())).withCorrelationId(correlationId));
        }
        return outcome;
    }

    /** The same key twice in one batch: the first outcome again, or a refusal if the body differs. */
    private static SaleOutcome again(SaleBatch.Decided earlier, String hash, String idempotencyKey) {
        if (!earlier.requestHash().equals(hash)) {
            return SaleOutcome.rejected(reused(idempotencyKey), false);
        }
        SaleOutcome first = earlier.outcome();
        return first.isPlaced() ? SaleOutcome.placed(first.order(), true) : first;
    }

    private static Uni<SaleOutcome> replay(IdempotencyRecord existing, String hash, Work work) {
        if (!existing.requestHash.equals(hash)) {
            return Uni.createFrom().item(SaleOutcome.rejected(reused(existing.idempotencyKey), false));
        }
        return OrderRows.load(work.sql(), existing.orderId).map(s -> SaleOutcome.placed(PlacedOrder.of(s), true));
    }

    static OrderRefusedException reused(String idempotencyKey) {
        return new OrderRefusedException(409, "idempotency-key-reused", "idempotency key " + idempotencyKey + " was used for a different request");
    }

    private void remember(SaleCommand command, String hash, SaleOutcome outcome, Work work) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.organisationId = command.organisationId();
        record.idempotencyKey = command.idempotencyKey();
        record.requestHash = hash;
        record.outcome = command.mode() == SaleCommand.Mode.SELL ? SalesOrder.CONFIRMED : "RESERVED";
        record.orderId = outcome.order().order().id;
        record.createdAt = Instant.now(clock);
        IdempotencyRecords.insert(work, record);
    }

    private PlacedOrder place(SaleCommand command, SalePolicy.Plan plan, Work work) {
        Instant now = Instant.now(clock);
        boolean sell = command.mode() == SaleCommand.Mode.SELL;
        SalesOrder order = new SalesOrder();
        order.id = Ids.next();
        order.organisationId = command.organisationId();
        order.operatorOrganisationId = plan.agreement().operatorOrganisationId();
        order.agreementId = plan.agreement().id();
        order.commissionBasisPoints = plan.agreement().commissionBasisPoints();
        order.distributionChannelId = plan.agreement().distributionChannelId();
        order.version = 1;
        order.currency = Amounts.CURRENCY;
        order.externalReference = command.externalReference();
        order.createdAt = now;
        order.totalAmount = plan.total();
        order.totalTaxAmount = plan.vat();
        order.status = sell ? SalesOrder.CONFIRMED : SalesOrder.DRAFT;
        order.paymentType = sell ? OrderPayment.AGENT : null;
        order.balance = sell ? BigDecimal.ZERO.setScale(2) : plan.total();
        order.lastConfirmedAt = sell ? now : null;
        order.expireAt = sell ? null : now.plus(draftLifetime);
        order.paidAt = sell ? now : null;

        List<SalesOrderLine> lines = new ArrayList<>();
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
            line.ticketValidity = p.product().ticketValidity();
            line.validFrom = TicketValidity.requestedStart(requested.travelDate(), requested.validFrom(), now, clock.getZone()).orElse(null);
            line.travelDate = requested.travelDate();
            lines.add(line);
        }
        List<Ticket> tickets = sell ? PlacedOrder.issueTickets(order, lines, now) : List.of();
        ticketIssuer.assignValidity(lines, tickets, now);
        OrderRows.insert(work, order, lines, tickets);
        return new PlacedOrder(order, lines, tickets, List.of());
    }

    private static void publishResult(long organisationId, SaleResult result, String correlationId, Work work) {
        work.publish(OutgoingEvent.of(Topics.salesResults(organisationId), result.idempotencyKey(), result)
                .withSubject(result.orderId() != null ? result.orderId() : result.idempotencyKey()).withCorrelationId(correlationId));
    }
}
