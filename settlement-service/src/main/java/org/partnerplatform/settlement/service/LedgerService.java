package org.partnerplatform.settlement.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.repository.LedgerEntries;
import org.partnerplatform.settlement.repository.LedgerEntry;

import io.smallrye.mutiny.Uni;

/**
 * Turns confirmed sales into ledger entries and settlement events, in the consumer's transaction ({@link Work}): a
 * batch of orders costs one lookup, one multi-row insert and one outbox statement.
 */
@ApplicationScoped
public class LedgerService {
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    /** The work's set of orders that have a SALE entry: those found at load, and those this work recorded. */
    private static final Object RECORDED_SALES = new Object();

    /** Reads which of the orders are already in the ledger (an order may come again under a new event id). */
    public Uni<Void> load(List<OrderConfirmed> orders, Work work) {
        return LedgerEntries.recorded(work, LedgerEntry.SALE, orders.stream().map(OrderConfirmed::orderId).toList())
                .invoke(found -> {
                    Set<String> recorded = work.local(RECORDED_SALES, HashSet::new);
                    recorded.addAll(found);
                }).replaceWithVoid();
    }

    public Uni<Void> recordSale(OrderConfirmed order, String sourceEventId, String correlationId, Work work) {
        Set<String> recorded = work.local(RECORDED_SALES, HashSet::new);
        if (!recorded.add(order.orderId())) {
            // The same order under another event id (a republished event): it is already counted.
            LOG.infof("order %s is already in the ledger; event %s changes nothing", order.orderId(), sourceEventId);
            return Uni.createFrom().voidItem();
        }
        LedgerEntry entry = newEntry(order, sourceEventId);
        LedgerEntries.insert(work, entry);
        work.publish(OutgoingEvent.of(Topics.SETTLEMENT_EVENTS, Long.toString(entry.partnerOrganisationId), toEvent(entry))
                .withSubject(entry.orderId).withCorrelationId(correlationId));
        return Uni.createFrom().voidItem();
    }

    private static LedgerEntry newEntry(OrderConfirmed order, String sourceEventId) {
        SettlementAmounts amounts = SettlementAmounts.of(Amounts.parse(order.totalAmount()), Amounts.parse(order.totalTaxAmount()),
                order.commissionBasisPoints());
        LedgerEntry entry = new LedgerEntry();
        entry.id = Ids.next();
        entry.entryType = LedgerEntry.SALE;
        entry.orderId = order.orderId();
        entry.sourceEventId = sourceEventId;
        entry.partnerOrganisationId = order.organisationId();
        entry.operatorOrganisationId = order.operatorOrganisationId();
        entry.agreementId = order.agreementId();
        entry.currency = order.currency();
        entry.grossAmount = amounts.gross();
        entry.vatAmount = amounts.vat();
        entry.commissionBasisPoints = order.commissionBasisPoints();
        entry.commissionAmount = amounts.commission();
        entry.netToOperatorAmount = amounts.netToOperator();
        entry.occurredAt = order.confirmedAt();
        entry.recordedAt = Instant.now();
        return entry;
    }

    static SettlementEntryRecorded toEvent(LedgerEntry e) {
        return new SettlementEntryRecorded(e.id.toString(), e.entryType, e.orderId, e.partnerOrganisationId, e.operatorOrganisationId,
                e.agreementId, e.currency, Amounts.format(e.grossAmount), Amounts.format(e.vatAmount), Amounts.format(e.commissionAmount),
                Amounts.format(e.netToOperatorAmount), e.commissionBasisPoints, e.occurredAt, e.recordedAt);
    }
}
