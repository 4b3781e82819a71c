package org.partnerplatform.sales.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.RefundResult;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.event.OrderEvents;
import org.partnerplatform.sales.repository.IdempotencyRecord;

import io.smallrye.mutiny.Uni;

/**
 * Refund requests from a partner's request topic, in the batch's work, by the same rules and idempotency as REST
 * ({@link OrderService#refund}); each is answered with a RefundResult on the partner's result topic. A key that comes
 * twice in one batch (for the same partner) gets its first outcome again, since the first one's idempotency record is
 * written when the batch is; a key a sale of the batch used is refused as reused.
 */
@ApplicationScoped
public class KafkaRefunds {
    private static final Object DECIDED = new Object();

    private record Decided(String requestHash, RefundOutcome outcome) {
    }

    private final OrderService orders;
    private final SalesMetrics metrics;

    public KafkaRefunds(OrderService orders, SalesMetrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    public Uni<Void> refund(RefundCommand command, String correlationId, Work work) {
        Map<IdempotencyRecord.Key, Decided> decided = work.local(DECIDED, HashMap::new);
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(command.organisationId(), command.idempotencyKey());
        Decided earlier = decided.get(key);
        Uni<RefundResult> result;
        if (!BatchKeys.claim(work, key, BatchKeys.Use.REFUND)) {
            result = Uni.createFrom().item(rejected(command, SaleService.reused(command.idempotencyKey()), work));
        } else if (earlier != null) {
            result = Uni.createFrom().item(earlier.requestHash().equals(command.requestHash())
                    ? OrderEvents.refundResult(command.idempotencyKey(), earlier.outcome(), true)
                    : rejected(command, SaleService.reused(command.idempotencyKey()), work));
        } else {
            result = orders.refund(command, correlationId, work)
                    .invoke(outcome -> decided.put(key, new Decided(command.requestHash(), outcome)))
                    .invoke(outcome -> {
                        if (!outcome.replayed()) {
                            work.afterCommit(() -> metrics.refunded(SaleService.Channel.KAFKA));
                        }
                    })
                    .map(outcome -> OrderEvents.refundResult(command.idempotencyKey(), outcome, outcome.replayed()))
                    .onFailure(OrderRefusedException.class).recoverWithItem(e -> rejected(command, (OrderRefusedException) e, work));
        }
        return result.invoke(r -> publish(command.organisationId(), r, correlationId, work)).replaceWithVoid();
    }

    /** Tells a partner that a refund request was refused before it could be considered (e.g. its token). */
    public void rejectUnheard(long organisationId, String idempotencyKey, String orderId, OrderRefusedException refusal, String correlationId,
            Work work) {
        publish(organisationId, RefundResult.rejected(idempotencyKey, orderId, refusal.code(), refusal.getMessage()), correlationId, work);
        work.afterCommit(() -> metrics.refundRejected(refusal, SaleService.Channel.KAFKA));
    }

    private RefundResult rejected(RefundCommand command, OrderRefusedException e, Work work) {
        work.afterCommit(() -> metrics.refundRejected(e, SaleService.Channel.KAFKA));
        return RefundResult.rejected(command.idempotencyKey(), command.orderId().toString(), e.code(), e.getMessage());
    }

    private static void publish(long organisationId, RefundResult result, String correlationId, Work work) {
        work.publish(OutgoingEvent.of(Topics.salesResults(organisationId), result.idempotencyKey(), result)
                .withSubject(result.orderId() != null ? result.orderId() : result.idempotencyKey()).withCorrelationId(correlationId));
    }
}
