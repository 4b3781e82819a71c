package org.partnerplatform.sales.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.sales.repository.CatalogProjection;

import io.smallrye.mutiny.Uni;

/** Keeps the local catalog projection from catalog-service's compacted full-state topics. */
@ApplicationScoped
public class CatalogEventsConsumer {
    private final IdempotentConsumer consumer;
    private final CatalogProjection projection;

    public CatalogEventsConsumer(IdempotentConsumer consumer, CatalogProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("catalog-products")
    public Uni<Void> onProduct(Message<String> message) {
        return consumer.process(message, "sales-catalog-products", event -> EventType.PRODUCT.ceType().equals(event.type())
                ? projection.apply(event.payloadAs(ProductState.class)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    @Incoming("catalog-agreements")
    public Uni<Void> onAgreement(Message<String> message) {
        return consumer.process(message, "sales-catalog-agreements", event -> EventType.AGREEMENT.ceType().equals(event.type())
                ? projection.apply(event.payloadAs(AgreementState.class)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }
}
