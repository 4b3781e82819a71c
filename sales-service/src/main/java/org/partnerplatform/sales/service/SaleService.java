package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.sales.repository.CatalogProjection;
import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogProjection.ProductRow;
import org.partnerplatform.sales.repository.IdempotencyRecord;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Sells: checks a request against the partner's agreements and the products (from the local catalog projection),
 * prices it, confirms the order (payment type AGENT: the partner collects and settles afterwards, so the balance
 * is 0.00), issues a ticket per traveller, and writes the order event (and, for Kafka requests, the partner's
 * result) to the outbox — all in one transaction, keyed by the partner's idempotency key.
 */
@ApplicationScoped
public class SaleService {
    public static final String TAX_CODE = "TRANSPORT_AND_TICKETS_VAT";

    /** Where a request came from decides how its outcome is returned. */
    public enum Channel {
        /** The outcome is the HTTP response; rejections are not stored, so the caller may correct and retry. */
        REST,
        /** The outcome goes to sales.results.&lt;org&gt; through the outbox; the first outcome, rejections too, is stored. */
        KAFKA
    }

    private final CatalogProjection catalog;
    private final Outbox outbox;
    private final String environment;
    private final Clock clock;

    public SaleService(CatalogProjection catalog, Outbox outbox, Clock clock,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") String environment) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.environment = environment;
    }

    public Uni<SaleOutcome> sell(SaleCommand command, Channel channel, String correlationId) {
        String hash = command.requestHash();
        return Panache.withTransaction(() -> IdempotencyRecord.find(command.organisationId(), command.idempotencyKey())
                .chain(existing -> existing != null ? replay(existing, hash)
                        : place(command).map(order -> SaleOutcome.confirmed(order, false))
                                .onFailure(SaleRejectedException.class).recoverWithItem(e -> SaleOutcome.rejected((SaleRejectedException) e, false))
                                .call(outcome -> remember(command, hash, outcome, channel))
                                .call(outcome -> outcome.isConfirmed() ? publishOrder(outcome.order(), correlationId) : Uni.createFrom().voidItem()))
                .call(outcome -> channel == Channel.KAFKA ? publishResult(command.organisationId(), outcome.toResult(command.idempotencyKey()), correlationId)
                        : Uni.createFrom().voidItem()));
    }

    /** Tells a partner on its result topic that a request was refused before it could be considered (e.g. its token). */
    public Uni<Void> rejectUnheard(long organisationId, String idempotencyKey, SaleRejectedException rejection, String correlationId) {
        return Panache.withTransaction(() -> publishResult(organisationId, SaleOutcome.rejected(rejection, false).toResult(idempotencyKey), correlationId));
    }

    public Uni<PlacedOrder> load(UUID orderId) {
        return SalesOrder.<SalesOrder> findById(orderId).chain(order -> order == null ? Uni.createFrom().nullItem()
                : SalesOrderLine.ofOrder(orderId).chain(lines -> Ticket.ofOrder(orderId).map(tickets -> new PlacedOrder(order, lines, tickets))));
    }

    private Uni<SaleOutcome> replay(IdempotencyRecord existing, String hash) {
        if (!existing.requestHash.equals(hash)) {
            return Uni.createFrom().item(SaleOutcome.rejected(new SaleRejectedException(409, "idempotency-key-reused",
                    "idempotency key " + existing.idempotencyKey + " was used for a different request"), false));
        }
        if (existing.orderId == null) {
            return Uni.createFrom().item(SaleOutcome.rejected(new SaleRejectedException(422, existing.errorCode, existing.errorDetail), true));
        }
        return load(existing.orderId).map(order -> SaleOutcome.confirmed(order, true));
    }

    private Uni<Void> remember(SaleCommand command, String hash, SaleOutcome outcome, Channel channel) {
        if (!outcome.isConfirmed() && channel == Channel.REST) {
            return Uni.createFrom().voidItem();
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.organisationId = command.organisationId();
        record.idempotencyKey = command.idempotencyKey();
        record.requestHash = hash;
        record.outcome = outcome.isConfirmed() ? "CONFIRMED" : "REJECTED";
        record.orderId = outcome.isConfirmed() ? outcome.order().order().id : null;
        record.errorCode = outcome.isConfirmed() ? null : outcome.rejection().code();
        record.errorDetail = outcome.isConfirmed() ? null : truncate(outcome.rejection().getMessage(), 500);
        record.createdAt = Instant.now(clock);
        return record.persist().replaceWithVoid();
    }

    private Uni<PlacedOrder> place(SaleCommand command) {
        LocalDate today = LocalDate.now(clock);
        // One after another: a reactive session runs one statement at a time.
        Uni<List<PricedLine>> pricing = Uni.createFrom().item(new ArrayList<>());
        for (SaleRequest.Line line : command.lines()) {
            pricing = pricing.chain(list -> priceLine(command.organisationId(), line, today).map(p -> {
                list.add(p);
                return list;
            }));
        }
        return pricing.chain(priced -> {
            AgreementRow agreement = commonAgreement(priced);
            if (command.distributionChannelId() != null && !command.distributionChannelId().equals(agreement.distributionChannelId())) {
                throw new SaleRejectedException(422, "wrong-distribution-channel", "the agreement covers distribution channel "
                        + agreement.distributionChannelId() + ", not " + command.distributionChannelId());
            }
            return persist(command, agreement, priced);
        });
    }

    private record PricedLine(SaleRequest.Line line, ProductRow product, BigDecimal unitPrice, List<AgreementRow> agreements) {
    }

    private Uni<PricedLine> priceLine(long partner, SaleRequest.Line line, LocalDate today) {
        return catalog.product(line.productId()).chain(found -> {
            ProductRow product = found.orElseThrow(() -> new SaleRejectedException(422, "unknown-product", "no product " + line.productId()));
            if (!product.sellableOn(today)) {
                throw new SaleRejectedException(422, "product-not-available", line.productId() + " is not on sale today");
            }
            return catalog.price(line.productId(), line.userProfile()).chain(price -> {
                BigDecimal unitPrice = price.orElseThrow(() -> new SaleRejectedException(422, "no-price-for-user-profile",
                        line.productId() + " has no price for user profile " + line.userProfile()));
                return catalog.agreementsCovering(partner, product.operatorOrganisationId(), line.productId(), today, environment)
                        .map(agreements -> new PricedLine(line, product, unitPrice, agreements));
            });
        });
    }

    /** One order settles under one agreement: the first (by id) that covers every line. */
    private static AgreementRow commonAgreement(List<PricedLine> lines) {
        Set<Long> operators = new HashSet<>();
        lines.forEach(l -> operators.add(l.product().operatorOrganisationId()));
        if (operators.size() > 1) {
            throw new SaleRejectedException(422, "multiple-operators", "an order holds the products of one operator");
        }
        Set<String> common = null;
        for (PricedLine line : lines) {
            Set<String> ids = new LinkedHashSet<>();
            line.agreements().forEach(a -> ids.add(a.id()));
            if (ids.isEmpty()) {
                throw new SaleRejectedException(403, "no-agreement", "no active agreement lets you sell " + line.line().productId()
                        + " in this environment today");
            }
            if (common == null) {
                common = ids;
            } else {
                common.retainAll(ids);
            }
        }
        if (common == null || common.isEmpty()) {
            throw new SaleRejectedException(403, "no-agreement", "no single agreement covers every line of the order");
        }
        String chosen = common.iterator().next();
        return lines.get(0).agreements().stream().filter(a -> a.id().equals(chosen)).findFirst().orElseThrow();
    }

    private Uni<PlacedOrder> persist(SaleCommand command, AgreementRow agreement, List<PricedLine> priced) {
        Instant now = Instant.now(clock);
        SalesOrder order = new SalesOrder();
        order.id = UUID.randomUUID();
        order.organisationId = command.organisationId();
        order.operatorOrganisationId = agreement.operatorOrganisationId();
        order.agreementId = agreement.id();
        order.commissionBasisPoints = agreement.commissionBasisPoints();
        order.distributionChannelId = agreement.distributionChannelId();
        order.version = 1;
        order.currency = Amounts.CURRENCY;
        order.paymentType = SalesOrder.PAYMENT_AGENT;
        order.externalReference = command.externalReference();
        order.createdAt = now;
        order.lastConfirmedAt = now;
        order.status = SalesOrder.CONFIRMED;
        order.balance = BigDecimal.ZERO.setScale(2);

        List<SalesOrderLine> lines = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        int number = 1;
        for (PricedLine p : priced) {
            SalesOrderLine line = new SalesOrderLine();
            line.id = UUID.randomUUID();
            line.orderId = order.id;
            line.lineNumber = number++;
            line.productId = p.line().productId();
            line.userProfile = p.line().userProfile();
            line.quantity = p.line().quantity();
            line.unitPrice = p.unitPrice();
            line.amount = Pricing.lineAmount(p.unitPrice(), line.quantity);
            line.taxRate = p.product().vatRate();
            line.taxAmount = Pricing.vatIncluded(line.amount, line.taxRate);
            line.taxCode = TAX_CODE;
            total = total.add(line.amount);
            tax = tax.add(line.taxAmount);
            lines.add(line);
            for (int traveller = 0; traveller < line.quantity; traveller++) {
                Ticket ticket = new Ticket();
                ticket.id = UUID.randomUUID();
                ticket.orderId = order.id;
                ticket.orderLineId = line.id;
                ticket.productId = line.productId;
                ticket.userProfile = line.userProfile;
                ticket.status = Ticket.ISSUED;
                ticket.issuedAt = now;
                tickets.add(ticket);
            }
        }
        order.totalAmount = total;
        order.totalTaxAmount = tax;
        List<Object> rows = new ArrayList<>();
        rows.add(order);
        rows.addAll(lines);
        rows.addAll(tickets);
        return Panache.getSession().chain(s -> s.persistAll(rows.toArray()).call(s::flush))
                .replaceWith(new PlacedOrder(order, lines, tickets));
    }

    private Uni<Void> publishOrder(PlacedOrder order, String correlationId) {
        String orderId = order.order().id.toString();
        return outbox.add(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, orderId, order.confirmedEvent()).withCorrelationId(correlationId))
                .replaceWithVoid();
    }

    private Uni<Void> publishResult(long organisationId, SaleResult result, String correlationId) {
        return outbox.add(OutgoingEvent.of(Topics.salesResults(organisationId), result.idempotencyKey(), result)
                .withSubject(result.orderId() != null ? result.orderId() : result.idempotencyKey()).withCorrelationId(correlationId))
                .replaceWithVoid();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
