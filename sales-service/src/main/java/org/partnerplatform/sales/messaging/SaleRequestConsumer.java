package org.partnerplatform.sales.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnerplatform.events.CorrelationIds;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.RefundRequest;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.messaging.incoming.BatchConsumer;
import org.partnerplatform.messaging.incoming.BatchHandler;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.service.KafkaRefunds;
import org.partnerplatform.sales.service.RefundCommand;
import org.partnerplatform.sales.service.SaleBatch;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.OrderRefusedException;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;
import org.partnerplatform.web.TokenClaims;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Sale and refund requests that partners publish on sales.requests.&lt;organisationId&gt;, in batches (the channel is
 * consumed with batch=true). A record is a RefundRequest when its {@code ce_type} header says so, a SaleRequest
 * otherwise. A record that is not a valid request of its type goes to the topic's dead-letter topic; a valid one is
 * answered on sales.results.&lt;organisationId&gt; (SaleResult or RefundResult): done, or rejected with a reason (a
 * missing or invalid token, a token of another organisation, no agreement, no REFUND right...). Tokens are checked
 * before the batch's transaction.
 */
@ApplicationScoped
public class SaleRequestConsumer {
    /** A record read: a sale to decide, or a refusal before it could be considered. */
    record Item(long organisationId, String idempotencyKey, String correlationId, SaleCommand command, RefundCommand refund, String refundOrderId,
            OrderRefusedException refusal) {
    }

    private static final Object SALES = new Object();

    private final BatchConsumer batches;
    private final RecordTokens tokens;
    private final SaleService sales;
    private final KafkaRefunds refunds;
    private final String organisationClaim;

    public SaleRequestConsumer(BatchConsumer batches, RecordTokens tokens, SaleService sales, KafkaRefunds refunds,
            @ConfigProperty(name = "platform.security.organisation-claim", defaultValue = Caller.DEFAULT_ORGANISATION_CLAIM) String organisationClaim) {
        this.batches = batches;
        this.tokens = tokens;
        this.sales = sales;
        this.refunds = refunds;
        this.organisationClaim = organisationClaim;
    }

    @Incoming("sale-requests")
    public Uni<Void> onSaleRequests(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, new BatchHandler<Item>() {
            @Override
            public Uni<Item> prepare(KafkaRecord<String, String> record) {
                return read(record);
            }

            @Override
            public Uni<Void> load(List<Item> items, Work work) {
                List<SaleCommand> commands = items.stream().filter(i -> i.command() != null).map(Item::command).toList();
                return commands.isEmpty() ? Uni.createFrom().voidItem()
                        : sales.load(commands, work).invoke(loaded -> work.local(SALES, () -> loaded)).replaceWithVoid();
            }

            @Override
            public String correlationId(Item item) {
                return item.correlationId();
            }

            @Override
            public Uni<Void> apply(Item item, Work work) {
                if (item.refusal() != null && item.refundOrderId() != null) {
                    refunds.rejectUnheard(item.organisationId(), item.idempotencyKey(), item.refundOrderId(), item.refusal(), item.correlationId(), work);
                    return Uni.createFrom().voidItem();
                }
                if (item.refusal() != null) {
                    sales.rejectUnheard(item.organisationId(), item.idempotencyKey(), item.refusal(), item.correlationId(), work);
                    return Uni.createFrom().voidItem();
                }
                if (item.refund() != null) {
                    return refunds.refund(item.refund(), item.correlationId(), work);
                }
                SaleBatch loaded = work.local(SALES, () -> null);
                return sales.sell(item.command(), SaleService.Channel.KAFKA, item.correlationId(), loaded, work).replaceWithVoid();
            }
        });
    }

    /** The request, its topic's organisation and its token's verdict; an invalid request fails with InvalidEventException. */
    private Uni<Item> read(KafkaRecord<String, String> record) {
        long organisationId = Topics.organisationOfRequestTopic(record.getTopic());
        if (organisationId < 0) {
            throw new InvalidEventException(record.getTopic() + " is not a partner request topic");
        }
        String payload = record.getPayload() == null ? "" : record.getPayload();
        boolean isRefund = header(record.getHeaders(), "ce_type").filter(EventType.REFUND_REQUEST.ceType()::equals).isPresent();
        String key;
        String refundOrderId = null;
        SaleRequest sale = null;
        RefundRequest refund = null;
        if (isRefund) {
            EventSchemas.requireValid(EventType.REFUND_REQUEST, payload);
            refund = EventJson.read(payload, RefundRequest.class);
            key = refund.idempotencyKey();
            refundOrderId = refund.orderId();
        } else {
            EventSchemas.requireValid(EventType.SALE_REQUEST, payload);
            sale = EventJson.read(payload, SaleRequest.class);
            key = sale.idempotencyKey();
        }
        // The partner's text: plain tokens only go into events and log lines.
        String correlationId = CorrelationIds.acceptOrCreate(header(record.getHeaders(), CorrelationIds.HEADER).orElse(key));
        Optional<String> token = RecordTokens.bearer(record.getHeaders());
        String orderId = refundOrderId;
        if (token.isEmpty()) {
            return Uni.createFrom().item(new Item(organisationId, key, correlationId, null, null, orderId,
                    new OrderRefusedException(401, "unauthorized", "the record carries no Authorization: Bearer header")));
        }
        SaleRequest saleRequest = sale;
        RefundRequest refundRequest = refund;
        return tokens.authenticate(token.get()).onItemOrFailure().transformToUni((identity, failure) -> {
            if (failure instanceof AuthenticationFailedException || (failure == null && identity == null)) {
                return Uni.createFrom().item(new Item(organisationId, key, correlationId, null, null, orderId,
                        new OrderRefusedException(401, "invalid-token", "the access token is not valid")));
            }
            if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            OrderRefusedException refusal = refusal(identity, organisationId);
            if (refusal != null) {
                return Uni.createFrom().item(new Item(organisationId, key, correlationId, null, null, orderId, refusal));
            }
            if (refundRequest != null) {
                RefundCommand command = new RefundCommand(organisationId, UUID.fromString(refundRequest.orderId()), key, refundRequest.orderLineIds(),
                        refundRequest.expectedVersion());
                return Uni.createFrom().item(new Item(organisationId, key, correlationId, null, command, orderId, null));
            }
            SaleCommand command = new SaleCommand(SaleCommand.Mode.SELL, organisationId, key, saleRequest.distributionChannelId(),
                    saleRequest.lines(), saleRequest.externalReference());
            return Uni.createFrom().item(new Item(organisationId, key, correlationId, command, null, null, null));
        });
    }

    /** A partner may only sell and refund for the organisation its token belongs to, on that organisation's topic. */
    private OrderRefusedException refusal(SecurityIdentity identity, long topicOrganisation) {
        Optional<Long> tokenOrganisation = TokenClaims.organisation(identity.getPrincipal(), organisationClaim);
        if (tokenOrganisation.isEmpty() || tokenOrganisation.get() != topicOrganisation) {
            return new OrderRefusedException(403, "wrong-organisation", "the token does not belong to organisation " + topicOrganisation);
        }
        if (!identity.hasRole(Roles.PARTNER)) {
            return new OrderRefusedException(403, "forbidden", "the token does not hold the role " + Roles.PARTNER);
        }
        return null;
    }

    private static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
