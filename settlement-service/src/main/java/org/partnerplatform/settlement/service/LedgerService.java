package org.partnerplatform.settlement.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.repository.LedgerEntries;
import org.partnerplatform.settlement.repository.LedgerEntry;

import io.smallrye.mutiny.Uni;

/**
 * Turns confirmed sales and refunds into ledger entries and settlement events, in the consumer's transaction
 * ({@link Work}): a batch costs two lookups, one multi-row insert and one outbox statement. Each entry gets its
 * settlement day from the {@link SettlementCalendar} when it is recorded.
 */
@ApplicationScoped
public class LedgerService {
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    /** The work's sets of orders with a SALE entry and credits with a REFUND entry: found at load, or recorded by it. */
    private static final Object RECORDED_SALES = new Object();
    private static final Object RECORDED_REFUNDS = new Object();

    private final SettlementCalendar calendar;

    public LedgerService(SettlementCalendar calendar) {
        this.calendar = calendar;
    }

    /** Reads which of the orders and credits are already in the ledger (one may come again under a new event id). */
    public Uni<Void> load(List<OrderConfirmed> sales, List<OrderRefunded> refunds, Work work) {
        return LedgerEntries.recordedSales(work, sales.stream().map(OrderConfirmed::orderId).toList())
                .invoke(found -> work.local(RECORDED_SALES, HashSet<String>::new).addAll(found))
                .chain(() -> LedgerEntries.recordedRefunds(work, refunds.stream().map(OrderRefunded::creditId).toList()))
                .invoke(found -> work.local(RECORDED_REFUNDS, HashSet<String>::new).addAll(found))
                .replaceWithVoid();
    }

    public void recordSale(OrderConfirmed order, String sourceEventId, String correlationId, Work work) {
        Set<String> recorded = work.local(RECORDED_SALES, HashSet::new);
        if (!recorded.add(order.orderId())) {
            // The same order under another event id (a republished event): it is already counted.
            LOG.infof("order %s is already in the ledger; event %s changes nothing", order.orderId(), sourceEventId);
            return;
        }
        SettlementAmounts amounts = SettlementAmounts.ofSale(order.lines(), order.commissionBasisPoints());
        requireTotals(order.orderId(), amounts, order.totalAmount(), order.totalTaxAmount());
        LedgerEntry entry = newEntry(LedgerEntry.SALE, order.orderId(), null, sourceEventId, order.organisationId(),
                order.operatorOrganisationId(), order.agreementId(), order.currency(), order.commissionBasisPoints(), amounts, order.confirmedAt());
        record(work, entry, correlationId);
    }

    public void recordRefund(OrderRefunded refund, String sourceEventId, String correlationId, Work work) {
        Set<String> recorded = work.local(RECORDED_REFUNDS, HashSet::new);
        if (!recorded.add(refund.creditId())) {
            LOG.infof("credit %s is already in the ledger; event %s changes nothing", refund.creditId(), sourceEventId);
            return;
        }
        SettlementAmounts amounts = SettlementAmounts.ofRefund(refund.lines(), refund.commissionBasisPoints());
        requireTotals(refund.orderId(), amounts.negate(), refund.totalCreditAmount(), refund.totalCreditTaxAmount());
        LedgerEntry entry = newEntry(LedgerEntry.REFUND, refund.orderId(), refund.creditId(), sourceEventId, refund.organisationId(),
                refund.operatorOrganisationId(), refund.agreementId(), refund.currency(), refund.commissionBasisPoints(), amounts,
                refund.refundedAt());
        record(work, entry, correlationId);
    }

    private static void record(Work work, LedgerEntry entry, String correlationId) {
        LedgerEntries.insert(work, entry);
        work.publish(OutgoingEvent.of(Topics.SETTLEMENT_EVENTS, Long.toString(entry.partnerOrganisationId), SettlementEvents.entryRecorded(entry))
                .withSubject(entry.orderId).withCorrelationId(correlationId));
    }

    /** The lines must add up to the order's totals: an event whose do not is refused (and dead-lettered), not settled. */
    private static void requireTotals(String orderId, SettlementAmounts lines, String total, String totalTax) {
        if (lines.gross().compareTo(Amounts.parse(total)) != 0 || lines.vat().compareTo(Amounts.parse(totalTax)) != 0) {
            throw new InvalidEventException("the lines of order " + orderId + " add up to " + Amounts.format(lines.gross()) + " (VAT "
                    + Amounts.format(lines.vat()) + "), not to its total " + total + " (VAT " + totalTax + ")");
        }
    }

    private LedgerEntry newEntry(String type, String orderId, String creditId, String sourceEventId, long partner, long operator,
            String agreementId, String currency, int commissionBasisPoints, SettlementAmounts amounts, Instant occurredAt) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = Ids.next();
        entry.entryType = type;
        entry.orderId = orderId;
        entry.creditId = creditId;
        entry.sourceEventId = sourceEventId;
        entry.partnerOrganisationId = partner;
        entry.operatorOrganisationId = operator;
        entry.agreementId = agreementId;
        entry.currency = currency;
        entry.grossAmount = amounts.gross();
        entry.vatAmount = amounts.vat();
        entry.commissionBasisPoints = commissionBasisPoints;
        entry.commissionAmount = amounts.commission();
        entry.netToOperatorAmount = amounts.netToOperator();
        entry.occurredAt = occurredAt;
        entry.recordedAt = Instant.now();
        entry.settlementDate = calendar.dayOf(occurredAt);
        return entry;
    }
}
