package org.partnerplatform.sales.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.messaging.incoming.ReliableHandling;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.SaleRejectedException;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;
import org.partnerplatform.web.TokenClaims;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Sale requests that partners publish on sales.requests.&lt;organisationId&gt;. A record that is not a valid
 * SaleRequest goes to the topic's dead-letter topic; a valid one is answered on sales.results.&lt;organisationId&gt;:
 * confirmed, or rejected with a reason (a missing or invalid token, a token of another organisation, no agreement...).
 */
@ApplicationScoped
public class SaleRequestConsumer {
    private static final Logger LOG = Logger.getLogger(SaleRequestConsumer.class);

    private final ReliableHandling handling;
    private final RecordTokens tokens;
    private final SaleService sales;
    private final String organisationClaim;

    public SaleRequestConsumer(ReliableHandling handling, RecordTokens tokens, SaleService sales,
            @ConfigProperty(name = "platform.security.organisation-claim", defaultValue = Caller.DEFAULT_ORGANISATION_CLAIM) String organisationClaim) {
        this.handling = handling;
        this.tokens = tokens;
        this.sales = sales;
        this.organisationClaim = organisationClaim;
    }

    @Incoming("sale-requests")
    public Uni<Void> onSaleRequest(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        long organisationId = Topics.organisationOfRequestTopic(kafka.getTopic());
        SaleRequest request;
        try {
            if (organisationId < 0) {
                throw new InvalidEventException(kafka.getTopic() + " is not a partner request topic");
            }
            EventSchemas.requireValid(EventType.SALE_REQUEST, message.getPayload() == null ? "" : message.getPayload());
            request = EventJson.read(message.getPayload(), SaleRequest.class);
        } catch (InvalidEventException e) {
            return handling.deadLetter(message, e);
        }
        String correlationId = header(kafka, "X-Correlation-Id").orElse(request.idempotencyKey());
        Optional<String> token = RecordTokens.bearer(kafka.getHeaders());
        if (token.isEmpty()) {
            return handling.handle(message, () -> sales.rejectUnheard(organisationId, request.idempotencyKey(),
                    new SaleRejectedException(401, "unauthorized", "the record carries no Authorization: Bearer header"), correlationId));
        }
        return handling.handle(message, () -> tokens.authenticate(token.get())
                .onItemOrFailure().transformToUni((identity, failure) -> {
                    if (failure instanceof AuthenticationFailedException || (failure == null && identity == null)) {
                        return sales.rejectUnheard(organisationId, request.idempotencyKey(),
                                new SaleRejectedException(401, "invalid-token", "the access token is not valid"), correlationId);
                    }
                    if (failure != null) {
                        return Uni.createFrom().failure(failure);
                    }
                    SaleRejectedException refusal = refusal(identity, organisationId);
                    if (refusal != null) {
                        return sales.rejectUnheard(organisationId, request.idempotencyKey(), refusal, correlationId);
                    }
                    SaleCommand command = new SaleCommand(organisationId, request.idempotencyKey(), request.distributionChannelId(),
                            request.lines(), request.externalReference());
                    return sales.sell(command, SaleService.Channel.KAFKA, correlationId)
                            .invoke(outcome -> LOG.debugf("sale request %s of organisation %d: %s", request.idempotencyKey(), organisationId,
                                    outcome.isConfirmed() ? "confirmed" : outcome.rejection().code()))
                            .replaceWithVoid();
                }));
    }

    /** A partner may only sell for the organisation its token belongs to, on that organisation's topic. */
    private SaleRejectedException refusal(SecurityIdentity identity, long topicOrganisation) {
        Optional<Long> tokenOrganisation = TokenClaims.organisation(identity.getPrincipal(), organisationClaim);
        if (tokenOrganisation.isEmpty() || tokenOrganisation.get() != topicOrganisation) {
            return new SaleRejectedException(403, "wrong-organisation", "the token does not belong to organisation " + topicOrganisation);
        }
        if (!identity.hasRole(Roles.PARTNER)) {
            return new SaleRejectedException(403, "forbidden", "the token does not hold the role " + Roles.PARTNER);
        }
        return null;
    }

    private static Optional<String> header(IncomingKafkaRecordMetadata<?, ?> kafka, String name) {
        Header header = kafka.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
