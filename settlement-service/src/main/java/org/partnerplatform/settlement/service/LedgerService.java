package org.partnerplatform.settlement.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.settlement.repository.LedgerEntry;

import io.smallrye.mutiny.Uni;

/** Turns confirmed sales into ledger entries and settlement events. Runs inside the consumer's transaction. */
@ApplicationScoped
public class LedgerService {
    private static final Logger LOG = Logger.getLogger(LedgerService.class);

    private final Outbox outbox;

    public LedgerService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> recordSale(OrderConfirmed order, String sourceEventId, String correlationId) {
        return LedgerEntry.existsFor(order.orderId(), LedgerEntry.SALE).chain(exists -> {
            if (exists) {
                // The same order under another event id (a republished event): it is already counted.
                LOG.infof("order %s is already in the ledger; event %s changes nothing", order.orderId(), sourceEventId);
                return Uni.createFrom().voidItem();
            }
            LedgerEntry entry = newEntry(order, sourceEventId);
            return entry.persist()
                    .chain(() -> outbox.add(OutgoingEvent.of(Topics.SETTLEMENT_EVENTS, Long.toString(entry.partnerOrganisationId), toEvent(entry))
                            .withSubject(entry.orderId).withCorrelationId(correlationId)))
                    .replaceWithVoid();
        });
    }

    private static LedgerEntry newEntry(OrderConfirmed order, String sourceEventId) {
        SettlementAmounts amounts = SettlementAmounts.of(Amounts.parse(order.totalAmount()), Amounts.parse(order.totalTaxAmount()),
                order.commissionBasisPoints());
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
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
